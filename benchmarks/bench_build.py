"""Whole-portal build at scale, against bare mkdocs-material on the same pages, in one run.

1. a synthetic corpus of N measures (benchmarks/synthetic_corpus.py: seed paragraphs recombined);
2. a full build (`python -m generator build`) from nothing: wall time, seconds per stage, peak memory;
3. with ``--vs-bare``: bare mkdocs-material (theme only: no plugins, a nav of the home page, the
   portal's Markdown extensions) builds the very Markdown step 2 generated; the ratio of the two;
4. with ``--edit``: one measure of one plan edited, the build run again (incremental), and compared
   byte for byte with a full build of the edited content into fresh folders.

    .venv/bin/python benchmarks/bench_build.py --measures 3000 --vs-bare --edit

Times are wall-clock on this machine; ratios are what to compare between machines.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"

# runs a command and prints the peak resident memory (KB) of its largest process
MEASURED = ("import json, resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
            "print(json.dumps({'rc': rc, 'peak_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))")


def timed(cmd: list[str], log: Path) -> dict:
    started = time.perf_counter()
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.run([sys.executable, "-c", MEASURED, *cmd], cwd=ROOT, stdout=subprocess.PIPE, stderr=out, text=True)
    seconds = time.perf_counter() - started
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        sys.exit(f"failed ({result['rc']}): {' '.join(cmd)}; see {log}")
    return {"seconds": seconds, "peak_mb": result["peak_kb"] / 1024}


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def measure_page_kb(site: Path) -> float:
    pages = list((site / "plans").glob("*/*/index.html"))
    return sum(p.stat().st_size for p in pages) / max(len(pages), 1) / 1024


def build(work: Path, content: Path, name: str) -> dict:
    timings = work / f"{name}.timings.json"
    cmd = [sys.executable, "-m", "generator", "build", "--quiet", "--content", str(content),
           "--docs-dir", str(work / "build" / "docs"), "--site-dir", str(work / "site"), "--timings", str(timings)]
    row = timed(cmd, work / f"{name}.log")
    row["stages"] = json.loads(timings.read_text(encoding="utf-8"))
    return row


def bare_config(work: Path) -> Path:
    """mkdocs-material with nothing of ours: the project's Markdown extensions, no plugins, no theme overrides."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = re.search(r"^markdown_extensions:\n(?:[ -].*\n)+", text, re.M).group(0)
    config = work / "bare" / "mkdocs.yml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f"site_name: bare\ndocs_dir: {work / 'build' / 'docs'}\nsite_dir: {work / 'bare' / 'site'}\n"
                      "use_directory_urls: true\ntheme:\n  name: material\n  language: zh\n  font: false\n"
                      "plugins: []\nnav:\n  - index.md\n" + extensions, encoding="utf-8")
    return config


def edit_one_measure(content: Path) -> str:
    """Append a sentence to the text of the first measure of the middle plan file; returns that file's name."""
    plans = sorted((content / "plans").glob("*.yaml"))
    path = plans[len(plans) // 2]
    text = path.read_text(encoding="utf-8")
    edited = re.sub(r'(\n\s+text: ")', r'\1（基准测试修改）', text, count=1)
    path.write_text(edited, encoding="utf-8")
    return path.name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=3000)
    parser.add_argument("--vs-bare", action="store_true", help="also build the same Markdown with bare mkdocs-material")
    parser.add_argument("--edit", action="store_true", help="also edit one measure and build again (incremental)")
    args = parser.parse_args()
    work = OUT / f"build-{args.measures}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    content = work / "content"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synthetic_corpus.py"), "--measures", str(args.measures),
                    "--out", str(content)], check=True, stdout=subprocess.DEVNULL)
    report = {"measures": args.measures, "full": build(work, content, "full")}
    files, total = size(work / "site")
    report["full"].update(files=files, mb=total / 1e6, measure_page_kb=measure_page_kb(work / "site"))
    if args.vs_bare:
        report["bare"] = bare(work)
        report["ratio"] = report["full"]["seconds"] / report["bare"]["seconds"]
        report["size_ratio"] = report["full"]["mb"] / report["bare"]["mb"]
    if args.edit:
        report["edit"] = edit(work, content)
    print_report(report)
    (work / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def bare(work: Path) -> dict:
    config = bare_config(work)
    row = timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)], work / "bare.log")
    files, total = size(work / "bare" / "site")
    row.update(files=files, mb=total / 1e6, measure_page_kb=measure_page_kb(work / "bare" / "site"))
    return row


def edit(work: Path, content: Path) -> dict:
    docs_before = tree(work / "build" / "docs")
    edited = edit_one_measure(content)
    row = build(work, content, "edit")
    docs_after = tree(work / "build" / "docs")
    changed = sorted(k for k in docs_before.keys() | docs_after.keys() if docs_before.get(k) != docs_after.get(k))
    row.update(docs_changed=len(changed), docs_changed_sample=changed[:20])
    fresh = work / "fresh"
    cmd = [sys.executable, "-m", "generator", "build", "--quiet", "--content", str(content),
           "--docs-dir", str(fresh / "build" / "docs"), "--site-dir", str(fresh / "site")]
    timed(cmd, work / "fresh.log")
    ours, theirs = tree(work / "site"), tree(fresh / "site")
    differing = sorted(k for k in ours.keys() | theirs.keys() if ours.get(k) != theirs.get(k))
    row.update(file=edited, identical=not differing, differing=differing[:10], differing_count=len(differing))
    return row


def print_report(r: dict) -> None:
    full = r["full"]
    stages = " · ".join(f"{k} {v:.1f}" for k, v in full["stages"]["seconds"].items())
    print(f"measures {r['measures']}: {full['stages']['pages']} pages")
    print(f"  full build   {full['seconds']:6.1f} s  ({stages}); peak {full['peak_mb']:.0f} MB; "
          f"site {full['files']} files {full['mb']:.0f} MB; measure page {full['measure_page_kb']:.0f} KB")
    if "bare" in r:
        b = r["bare"]
        print(f"  bare material {b['seconds']:5.1f} s; peak {b['peak_mb']:.0f} MB; site {b['files']} files {b['mb']:.0f} MB; "
              f"measure page {b['measure_page_kb']:.0f} KB")
        print(f"  ratio: time {r['ratio']:.2f}×, size {r['size_ratio']:.2f}×")
    if "edit" in r:
        e = r["edit"]
        share = e["seconds"] / full["seconds"]
        print(f"  one measure edited ({e['file']}): {e['seconds']:.1f} s = {share:.0%} of the full build; "
              f"{e['docs_changed']} generated files changed; byte-identical to a full build: {'yes' if e['identical'] else 'NO, ' + str(e['differing_count']) + ' files differ, e.g. ' + ', '.join(e['differing'][:3])}")


if __name__ == "__main__":
    sys.exit(main())
