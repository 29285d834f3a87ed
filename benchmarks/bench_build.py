"""Whole-portal build at scale: synthetic corpus → `python -m generator build`; time per stage, site size.

Usage: .venv/bin/python benchmarks/bench_build.py --measures 3000
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


def du(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=3000)
    args = parser.parse_args()
    work = OUT / f"build-bench-{args.measures}"
    content = work / "content"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synthetic_corpus.py"), "--measures", str(args.measures), "--out", str(content)], check=True)
    t0 = time.perf_counter()
    gen = subprocess.run([sys.executable, "-m", "generator", "build", "--no-mkdocs", "--content", str(content), "--docs-dir", str(work / "build" / "docs")],
                         cwd=ROOT, capture_output=True, text=True)
    t1 = time.perf_counter()
    print(gen.stdout.strip(), gen.stderr.strip()[-500:])
    full = subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content), "--docs-dir", str(work / "build" / "docs"), "--site-dir", str(work / "site")],
                          cwd=ROOT, capture_output=True, text=True)
    t2 = time.perf_counter()
    if full.returncode:
        print(full.stderr[-2000:])
        return 1
    files, size = du(work / "site")
    measures = len(list((work / "build" / "docs" / "plans").glob("*/*/index.md")))
    html = list((work / "site" / "plans").glob("*/*/index.html"))
    avg = sum(p.stat().st_size for p in html) / max(len(html), 1)
    print(f"measures {measures}: generate (load+enrich+render+write) {t1 - t0:.1f} s; full build incl. mkdocs {t2 - t1:.1f} s; "
          f"site {files} files, {size / 1e6:.0f} MB; measure page {avg / 1024:.0f} KB on average")
    return 0


if __name__ == "__main__":
    sys.exit(main())
