#!/bin/bash
# Two builds at once into one site/docs folder, N times (default 10); each result compared with one clean build.
# Usage: bash benchmarks/concurrent_builds.sh [N]    (from the repository; writes into benchmarks/out/concurrent)
set -u
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH=1600000000
PY=.venv/bin/python
OUT=benchmarks/out/concurrent
N=${1:-10}
rm -rf "$OUT"; mkdir -p "$OUT"
$PY -m generator build --site-dir "$OUT/clean/site" --docs-dir "$OUT/clean/build/docs" >/dev/null 2>&1
digest() { (cd "$1" && find . -type f | sort | xargs sha256sum | sha256sum); }
want=$(digest "$OUT/clean/site")
ok=0
for i in $(seq 1 "$N"); do
  rm -rf "$OUT/run"; mkdir -p "$OUT/run"
  $PY -m generator build --site-dir "$OUT/run/site" --docs-dir "$OUT/run/build/docs" >"$OUT/a.log" 2>&1 & a=$!
  $PY -m generator build --site-dir "$OUT/run/site" --docs-dir "$OUT/run/build/docs" >"$OUT/b.log" 2>&1 & b=$!
  wait $a; ra=$?; wait $b; rb=$?
  got=$(digest "$OUT/run/site")
  left=$(ls -A "$OUT/run" | tr '\n' ' ')
  if [ "$ra$rb" = "00" ] && [ "$got" = "$want" ] && [ "$left" = "build site " ]; then
    ok=$((ok+1))
  else
    echo "run $i: exit $ra $rb, identical=$([ "$got" = "$want" ] && echo yes || echo no), left: $left"
  fi
done
echo "identical and clean: $ok of $N"
