"""`python -m generator build`: generate the docs, run MkDocs, swap the new site in — or change nothing."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .errors import ContentErrors
from .generate import generate
from .publish import PublishError, publish

ROOT = Path(__file__).resolve().parent.parent


def run_build(args) -> int:
    started = time.perf_counter()
    try:
        generated = generate(args.content, args.site_config, args.docs_dir)
    except ContentErrors as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        print("生成失败：内容有错误，网站未更新，原有网站保持不变。请按上面每行开头的“文件:行:列”修改后重试。", file=sys.stderr)
        return 1
    for problem in generated.warnings:
        print(problem.format(), file=sys.stderr)
    corpus = generated.corpus
    print(f"已生成 {len(generated.pages)} 个页面（{len(corpus.plans)} 个方案，{len(corpus.measures)} 条举措；"
          f"改动 {generated.changed} 个文件，删除 {generated.removed} 个过时文件）。")
    if args.no_mkdocs:
        return 0
    try:
        publish(generated.config_path, args.site_dir, offline=args.offline, cwd=ROOT)
    except PublishError as exc:
        print(f"网站生成失败（mkdocs build）：\n{exc}\n网站未更新，原有网站保持不变。", file=sys.stderr)
        return 1
    print(f"网站已更新：{args.site_dir}（用时 {time.perf_counter() - started:.1f} 秒）")
    return 0
