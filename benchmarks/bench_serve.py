"""Save → visible in `python -m generator serve`: seconds from editing a measure to the served page showing it.

    .venv/bin/python benchmarks/bench_serve.py                  # the repository's own plans (a copy)
    .venv/bin/python benchmarks/bench_serve.py --measures 3000  # a synthetic corpus
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
MARK = "（预览计时修改）"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, needle: str, timeout: float) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if needle in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.2)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=0, help="0: the repository's own plans")
    args = parser.parse_args()
    work = OUT / f"serve-{args.measures or 'content'}"
    shutil.rmtree(work, ignore_errors=True)
    content = work / "content"
    if args.measures:
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synthetic_corpus.py"), "--measures", str(args.measures),
                        "--out", str(content)], check=True, stdout=subprocess.DEVNULL)
    else:
        shutil.copytree(ROOT / "content", content)
    plan = sorted((content / "plans").glob("*.yaml"))[0]
    plan_id = re.search(r'^id: "([^"]+)"', plan.read_text(encoding="utf-8"), re.M).group(1)
    port = free_port()
    url = f"http://127.0.0.1:{port}/plans/{plan_id}/"
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--content", str(content), "--docs-dir",
                               str(work / "build" / "docs"), "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        first = wait_for(url, plan_id, 900)
        print(f"first build served after {first:.1f} s" if first else "serve did not come up")
        time.sleep(2)
        text = plan.read_text(encoding="utf-8")
        plan.write_text(re.sub(r'(\n\s+text: ")', rf"\1{MARK}", text, count=1), encoding="utf-8")
        shown = wait_for(url, MARK, 300)
        print(f"edit of {plan.name} visible after {shown:.1f} s" if shown else "edit never became visible")
    finally:  # serve and the mkdocs it started, together
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
