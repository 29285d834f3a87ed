"""``python -m generator import FILE [--id ID]``: print the YAML draft of a plain-text document.

The draft goes to stdout, warnings (in Chinese) to stderr. A file that cannot
be read gives ``path:line:column: 消息`` and exit status 1; wrong arguments
give a usage message and exit status 2.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TextIO

from generator.importer.document import dump_yaml, import_text
from generator.load.model import SLUG_PATTERN

USAGE = "用法：python -m generator import 文本文件 [--id 方案id]"


class UsageError(Exception):
    pass


def parse_args(argv: list[str]) -> tuple[str, str | None]:
    """(file, id) from ``[import] FILE [--id ID]``; raises UsageError."""
    args = argv[1:] if argv[:1] == ["import"] and len(argv) > 1 else list(argv)
    path: str | None = None
    plan_id: str | None = None
    while args:
        arg = args.pop(0)
        if arg in ("-h", "--help"):
            raise UsageError("")
        if arg == "--id":
            if not args:
                raise UsageError("--id 后面要写方案 id。")
            plan_id = args.pop(0)
        elif arg.startswith("--id="):
            plan_id = arg.removeprefix("--id=")
        elif arg.startswith("-"):
            raise UsageError(f"不认识的选项“{arg}”。")
        elif path is None:
            path = arg
        else:
            raise UsageError(f"只能导入一个文件，多了“{arg}”。")
    if path is None:
        raise UsageError("请指定要导入的文本文件。")
    if plan_id is not None and not re.match(SLUG_PATTERN, plan_id):
        raise UsageError(f"方案 id“{plan_id}”不合规：只能用小写字母、数字和连字符，如 shenzhen-2018-2020。")
    return path, plan_id


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    return line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def read_source(path: Path) -> str:
    """The UTF-8 text of ``path``; raises ValueError with a ``path:line:column: 消息`` message."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"{path}:1:1: 找不到这个文件，请检查路径。") from None
    except IsADirectoryError:
        raise ValueError(f"{path}:1:1: 这是一个目录，不是文本文件。") from None
    except OSError as exc:
        raise ValueError(f"{path}:1:1: 无法读取文件：{exc.strerror or exc}。") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        raise ValueError(f"{path}:{line}:{column}: 文件不是 UTF-8 编码的文本，请先转换为 UTF-8（如 iconv -f GB18030 -t UTF-8）。") from None


def _write(stream: TextIO, text: str) -> None:
    if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
        stream.reconfigure(encoding="utf-8")
    stream.write(text)


def main_import(argv: list[str]) -> int:
    """Entry point wired in ``generator/__main__.py``; ``argv`` may start with "import"."""
    try:
        name, plan_id = parse_args(argv)
    except UsageError as exc:
        if not str(exc):
            _write(sys.stdout, f"{USAGE}\n")
            return 0
        _write(sys.stderr, f"{exc}\n{USAGE}\n")
        return 2
    path = Path(name)
    try:
        text = read_source(path)
    except ValueError as exc:
        _write(sys.stderr, f"{exc}\n")
        return 1
    result = import_text(text, path.name, plan_id)
    _write(sys.stdout, dump_yaml(result))
    for warning in result.warnings:
        _write(sys.stderr, f"{path}: 警告：{warning}\n")
    if result.chrome:
        _write(sys.stderr, f"{path}: 已删除 {len(result.chrome)} 行网页杂项（见草稿开头的注释）。\n")
    return 0
