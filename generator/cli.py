"""Command line: check | import | build | serve | schema."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from .errors import ContentErrors

ROOT = Path(__file__).resolve().parent.parent


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="方案目录（含 plans/）")
    parser.add_argument("--site-config", type=Path, default=ROOT / "site_config", help="门户配置目录")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="规划参考门户：检查、导入、生成")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="检查全部方案文件，列出所有问题")
    _common(check)
    imp = sub.add_parser("import", help="把公文纯文本转换为 YAML 草稿（输出到屏幕）")
    imp.add_argument("file", type=Path)
    imp.add_argument("--id", dest="plan_id", default=None)
    build = sub.add_parser("build", help="生成网站（先写 Markdown，再运行 mkdocs build）")
    _common(build)
    build.add_argument("--site-dir", type=Path, default=ROOT / "site", help="输出目录（成功后整体替换）")
    build.add_argument("--docs-dir", type=Path, default=ROOT / "build" / "docs", help="生成的 Markdown 目录")
    build.add_argument("--offline", action="store_true", help="生成可离线打开（file://）的副本")
    build.add_argument("--no-mkdocs", action="store_true", help="只生成 Markdown，不运行 mkdocs")
    serve = sub.add_parser("serve", help="生成并在本机预览，文件改动后自动刷新")
    _common(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    sub.add_parser("schema", help="重新生成 site_config/plan.schema.json")
    return parser


def run(argv: list[str]) -> int:
    args = make_parser().parse_args(argv)
    if args.command == "check":
        from .check import run_check

        return run_check(args.content, args.site_config)
    if args.command == "import":
        from .importer_cli import main_import

        return main_import([str(args.file)] + (["--id", args.plan_id] if args.plan_id else []))
    if args.command == "build":
        from .build import run_build

        return run_build(args)
    if args.command == "serve":
        from .serve import run_serve

        return run_serve(args)
    if args.command == "schema":
        from .schema import write_schemas

        for path in write_schemas(ROOT / "site_config"):
            print(f"已写入 {path}")
        return 0
    return 2


def main(argv: list[str] | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except ContentErrors as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: never show a traceback to a maintainer
        if os.environ.get("PORTAL_DEBUG"):
            traceback.print_exc()
        print(f"内部错误：{type(exc).__name__}: {exc}。网站未更新，原有网站保持不变。请把这条消息发给维护人员（设置 PORTAL_DEBUG=1 可看到详细信息）。", file=sys.stderr)
        return 1
