"""``python -m generator import FILE [--id ID]``: print the YAML draft of a plain-text document.

The draft goes to stdout, warnings (in Chinese) to stderr. A file that cannot
be read gives ``path:line:column: 消息`` and exit status 1 (codes ``import.*``: missing, not a
regular file, larger than ``PortalConfig.max_import_bytes``, UTF-16, not UTF-8); wrong arguments
give a usage message and exit status 2.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TextIO

from generator.config import DEFAULT
from generator.importer.document import dump_yaml, import_text
from generator.load.files import read_limited
from generator.load.model import SLUG_PATTERN
from generator.load.source import utf16_evidence
from generator.messages import phrase
from generator.problems import ContentError, error

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


class SourceError(ValueError):
    """A source text that cannot be imported; ``str()`` is its ``path:line:column: 消息``."""

    def __init__(self, problem: ContentError) -> None:
        super().__init__(problem.format())
        self.problem = problem


_READ_CODES = {"not_regular": "import.not_regular", "too_large": "import.too_large", "unreadable": "import.unreadable"}


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    return line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def _encoding_problem(path: Path, raw: bytes, offset: int) -> ContentError:
    line, column = _position(raw, offset)
    for label, codec in (("guess.gbk", "GB18030"), ("guess.big5", "BIG5")):
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return error("import.not_utf8", path, line, column, encoding=phrase(label), codec=codec, name=path.name)
    return error("import.unknown_encoding", path, line, column)


def read_source(path: Path, max_bytes: int = DEFAULT.max_import_bytes) -> str:
    """The UTF-8 text of ``path``; raises SourceError (a ValueError) whose text is ``path:line:column: 消息``."""
    if not path.exists() and not path.is_symlink():
        raise SourceError(error("import.not_found", path, 1, 1))
    if path.is_dir():
        raise SourceError(error("import.directory", path, 1, 1))
    raw, problem = read_limited(path, max_bytes, _READ_CODES)
    if problem is not None:
        raise SourceError(problem)
    codec = utf16_evidence(raw)
    if codec:
        how = phrase("utf16.bom" if codec == "UTF-16" else "utf16.zeros")
        raise SourceError(error("import.utf16", path, 1, 1, how=how, codec=codec, name=path.name))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(_encoding_problem(path, raw, exc.start)) from None


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
