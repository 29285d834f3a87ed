#!/usr/bin/env bash
# `make lock`: regenerate requirements.lock, the exact versions and sha256 hashes of everything
# `make` installs: pyproject.toml's dependencies and its `test` extra, pip, and what builds the
# project and jieba (only an sdist on PyPI): setuptools (pyproject.toml [build-system]) and wheel,
# which a pip older than 24 asks for and an offline install cannot fetch.
# Resolved against plain PyPI with Python 3.11 on Linux;
# the hashes are those of every file of each release (wheels for all platforms, sdists).
# Versions already in requirements.lock are kept while they still fit pyproject.toml;
# `bash tools/lock.sh --upgrade` (or `--upgrade-package NAME`) moves them on.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
PYTHON=${PYTHON:-python3}
INDEX_URL=${LOCK_INDEX_URL:-https://pypi.org/simple}
PIP_TOOLS=${PIP_TOOLS:-pip-tools==7.6.2}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "tools/lock.sh: needs Python 3.11 (the portal's Python); try: make lock PYTHON=python3.11" >&2
  exit 1
fi

# this machine's pip configuration (a local mirror, --find-links, constraints) must not shape the lock
export PIP_CONFIG_FILE=/dev/null
unset PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_FIND_LINKS PIP_NO_INDEX PIP_CONSTRAINT PIP_REQUIRE_HASHES
# jieba's setup.py (an sdist, built for its metadata) makes setuptools warn about its license classifiers
export PYTHONWARNINGS="ignore:License classifiers"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --index-url "$INDEX_URL" --upgrade pip "$PIP_TOOLS"

# pip-compile reads a copy, so that building the project's metadata leaves the checkout alone
cp pyproject.toml "$work/"
[ -f requirements.lock ] && cp requirements.lock "$work/"
build_requires=$("$PYTHON" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))')
printf 'pip\nwheel\n%s\n' "$build_requires" > "$work/tooling.in"

(cd "$work" && CUSTOM_COMPILE_COMMAND="make lock" venv/bin/pip-compile --quiet \
  --generate-hashes --allow-unsafe --strip-extras --extra test \
  --index-url "$INDEX_URL" --no-emit-index-url \
  --output-file requirements.lock "$@" pyproject.toml tooling.in)

sed 's|# via -r tooling.in|# via make lock (installer; builds the project and jieba)|' \
  "$work/requirements.lock" > "$repo/requirements.lock"
echo "requirements.lock: $(grep -c '^[a-z0-9]' "$repo/requirements.lock") packages pinned with hashes."
