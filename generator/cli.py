"""Command line: check | import | build | serve | schema.

Every subcommand builds one ``PortalConfig`` from its arguments and passes it down; problems
of the content are printed here, in one place, as ``path:line:column: message``.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from typing import Iterable

from generator.config import DEFAULT, PortalConfig
from generator.problems import ContentError, ContentErrors

UNCHANGED = "网站未更新，原有网站保持不变。"


def print_problems(problems: Iterable[ContentError]) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=DEFAULT.content, help="方案目录（含 plans/）")
    parser.add_argument("--site-config", type=Path, default=DEFAULT.site_config,
                        help="门户配置目录（层级、专题、引用文件、分词词典、停用词）")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="规划参考门户：检查、导入、生成")
    sub = parser.add_subparsers(dest="command", required=True)
    _common(sub.add_parser("check", help="检查全部方案文件，列出所有问题"))
    imp = sub.add_parser("import", help="把公文纯文本转换为 YAML 草稿（输出到屏幕）")
    imp.add_argument("file", type=Path)
    imp.add_argument("--id", dest="plan_id", default=None)
    build = sub.add_parser("build", help="生成网站（先写 Markdown，再运行 mkdocs build）")
    _common(build)
    build.add_argument("--site-dir", type=Path, default=DEFAULT.site_dir, help="输出目录（成功后整体替换）")
    build.add_argument("--docs-dir", type=Path, default=DEFAULT.docs_dir, help="生成的 Markdown 目录")
    build.add_argument("--offline", action="store_true", help="生成可离线打开（file://）的副本")
    build.add_argument("--no-mkdocs", action="store_true", help="只生成 Markdown，不运行 mkdocs")
    build.add_argument("--quiet", action="store_true", help="不显示各阶段进度，只显示结果（CI 中默认如此）")
    build.add_argument("--timings", type=Path, default=None, help="把各阶段用时写入这个 JSON 文件（供基准测试）")
    serve = sub.add_parser("serve", help="生成并在本机预览，文件改动后自动刷新")
    _common(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.add_argument("--docs-dir", type=Path, default=DEFAULT.docs_dir, help="生成的 Markdown 目录")
    sub.add_parser("schema", help="重新生成 site_config/*.schema.json")
    return parser


def run_check(config: PortalConfig) -> int:
    from generator.load.loader import load

    result = load(config)
    print_problems(result.problems)
    corpus = result.corpus
    if corpus is not None:
        print(f"检查完毕：{len(corpus.plans)} 个方案，{len(corpus.measures)} 条举措；{len(result.warnings)} 个警告。")
    else:
        print(f"检查未通过：{len(result.errors)} 个错误，{len(result.warnings)} 个警告。请按上面每行开头的“文件:行:列”找到位置修改。",
              file=sys.stderr)
    return 1 if result.errors else 0


def run_build(config: PortalConfig, *, mkdocs: bool = True) -> int:
    from generator.publish.lock import build_lock
    from generator.publish.targets import refusals

    refused = refusals(config, with_site=mkdocs)
    if refused:
        for reason in refused:
            print(f"拒绝生成：{reason}", file=sys.stderr)
        print(f"没有改动任何文件。{UNCHANGED}", file=sys.stderr)
        return 1
    with build_lock(config):
        return _build(config, mkdocs)


def _build(config: PortalConfig, mkdocs: bool) -> int:
    from generator.pipeline import generate
    from generator.progress import Progress
    from generator.publish.mkdocs_run import PublishError, publish
    from generator.publish.swap import OldSiteKept

    progress = Progress(quiet=config.quiet)
    try:
        generated = generate(config, progress)
    except ContentErrors as exc:
        print_problems(exc.problems)
        print(f"生成失败：内容有错误，{UNCHANGED}请按上面每行开头的“文件:行:列”修改后重试。", file=sys.stderr)
        return 1
    print_problems(generated.warnings)
    summary = progress.summary(len(generated.pages), generated.changed, generated.removed)
    if not mkdocs:
        print(f"已生成 Markdown：{summary}")
        return _timings(config, progress)
    try:
        publish(config, [page.path for page in generated.pages], progress)
    except PublishError as exc:
        print(f"网站生成失败（mkdocs build）：\n{exc}\n{UNCHANGED}", file=sys.stderr)
        return 1
    except OldSiteKept as exc:
        print(f"新网站已发布：{config.site_dir}；旧网站未能删除：{exc}。请手动删除这个目录。", file=sys.stderr)
        return 0
    print(f"网站已更新：{config.site_dir}。{progress.summary(len(generated.pages), generated.changed, generated.removed)}")
    return _timings(config, progress)


def _timings(config: PortalConfig, progress) -> int:
    if config.timings_file is not None:
        progress.write_timings(config.timings_file)
    return 0


def run(argv: list[str]) -> int:
    args = make_parser().parse_args(argv)
    config = PortalConfig.from_args(args)
    if args.command == "check":
        return run_check(config)
    if args.command == "import":
        from generator.importer.command import main_import

        return main_import([str(args.file)] + (["--id", args.plan_id] if args.plan_id else []))
    if args.command == "build":
        return run_build(config, mkdocs=not args.no_mkdocs)
    if args.command == "serve":
        from generator.publish.serve import run_serve

        return run_serve(config, args.dev_addr)
    if args.command == "schema":
        from generator.load.schema import write_schemas
        from generator.load.site_config import load_site_config

        site_config, problems = load_site_config(config.site_config, config.max_file_bytes, config.max_depth)
        if any(p.is_error for p in problems):
            raise ContentErrors(problems)
        for path in write_schemas(site_config):
            print(f"已写入 {path}")
        return 0
    return 2


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        return run(argv)
    except ContentErrors as exc:
        print_problems(exc.problems)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: never show a traceback to a maintainer
        debug = PortalConfig.from_args(argparse.Namespace()).debug
        if debug:
            traceback.print_exc()
        print(f"内部错误：{type(exc).__name__}: {exc}。{UNCHANGED}请把这条消息发给维护人员（设置 PORTAL_DEBUG=1 可看到详细信息）。",
              file=sys.stderr)
        return 1
