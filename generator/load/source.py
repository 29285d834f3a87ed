"""Reading YAML files safely, keeping the line and column of every key and value.

* every scalar is loaded as text (no YAML 1.1 guessing: ``no`` stays "no",
  ``2018-10`` stays "2018-10"); the model converts where it asks for numbers;
* duplicate keys, anchors/aliases, explicit tags, tabs in indentation, BOMs,
  non-UTF-8 files, empty files and files over the configured size are refused with a message
  in Chinese that points at the place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.yaml_messages import explain_yaml_problem
from generator.problems import ContentError, error

PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", None}

Position = tuple[int, int]
PathKey = tuple[Any, ...]


@dataclass
class YamlDocument:
    """Parsed data plus where each part of it was written."""

    path: Path
    data: Any
    positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)

    def where(self, loc: PathKey, *, key: bool = False) -> Position:
        """The position of ``loc``, or of its nearest written ancestor."""
        loc = tuple(loc)
        if key and loc in self.key_positions:
            return self.key_positions[loc]
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.positions.get((), (1, 1))


class _AliasRefused(yaml.YAMLError):
    def __init__(self, mark: yaml.Mark):
        super().__init__("alias")
        self.mark = mark


class TextLoader(yaml.SafeLoader):
    """A SafeLoader that resolves every plain scalar to text and refuses anchors and aliases."""

    yaml_implicit_resolvers: dict = {}

    def compose_node(self, parent, index):  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _AliasRefused(event.start_mark)
        return super().compose_node(parent, index)


def decode_text(path: Path, raw: bytes, max_bytes: int) -> tuple[str | None, list[ContentError]]:
    """UTF-8 text of a file, or the reason it is not acceptable."""
    if len(raw) > max_bytes:
        return None, [error(path, 1, 1, f"文件太大（{len(raw) // 1024} KB，上限 {max_bytes // 1024} KB）。请把文件拆成几个方案文件，或检查是否误粘贴了大段内容。")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [error(path, 1, 1, "文件开头有 BOM（字节顺序标记）。请用“UTF-8（无 BOM）”重新保存：记事本中选“另存为 → 编码 UTF-8”，VS Code 中点右下角编码选“通过编码保存 → UTF-8”。")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [error(path, 1, 1, "文件是 UTF-16 编码。请用 UTF-8（无 BOM）重新保存，例如：iconv -f UTF-16 -t UTF-8 原文件 > 新文件。")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_encoding_problem(path, raw, exc.start)]
    if not text.strip():
        return None, [error(path, 1, 1, "文件是空的。请写入方案内容，至少包括 id、title、level 三项；可以用 python -m generator import 生成草稿。")]
    return text, []


def _encoding_problem(path: Path, raw: bytes, offset: int) -> ContentError:
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    guess = _guess_encoding(raw)
    how = f"iconv -f {guess[1]} -t UTF-8 {path.name} > 新文件名.yaml" if guess else "用编辑器以 UTF-8 编码另存"
    looks = f"看起来是 {guess[0]} 编码" if guess else "编码无法识别"
    return error(path, line, column, f"文件不是 UTF-8 编码（{looks}）。请转换为 UTF-8 后再保存，例如：{how}；或在记事本中“另存为”时把编码选为 UTF-8。")


def _guess_encoding(raw: bytes) -> tuple[str, str] | None:
    for label, codec in (("GBK（GB2312/GB18030）", "GB18030"), ("Big5（繁体）", "BIG5")):
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return label, codec
    return None


def _tab_problems(path: Path, text: str) -> list[ContentError]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(error(path, number, indent.index("\t") + 1, "行首用了制表符（Tab）缩进。YAML 只能用空格缩进：请把 Tab 换成空格（每级两个空格）。"))
    return problems


def read_yaml(path: Path, max_bytes: int) -> tuple[YamlDocument | None, list[ContentError]]:
    """Read one YAML file; every scalar comes back as ``str``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(path, 1, 1, f"无法读取文件：{exc.strerror or exc}。")]
    text, problems = decode_text(path, raw, max_bytes)
    if text is None:
        return None, problems
    return parse_yaml_text(path, text)


def parse_yaml_text(path: Path, text: str) -> tuple[YamlDocument | None, list[ContentError]]:
    problems = _tab_problems(path, text)
    if problems:
        return None, problems
    loader = TextLoader(text)
    try:
        node = loader.get_single_node()
    except _AliasRefused as exc:
        return None, [error(path, exc.mark.line + 1, exc.mark.column + 1, "不支持 YAML 锚点（&）和别名（*）。请把要重复的内容直接写出来。")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [error(path, line, column, explain_yaml_problem(exc))]
    except yaml.YAMLError as exc:
        return None, [error(path, 1, 1, explain_yaml_problem(exc))]
    finally:
        loader.dispose()
    if node is None:
        return None, [error(path, 1, 1, "文件里只有注释，没有内容。请写入方案内容，至少包括 id、title、level 三项。")]
    doc = YamlDocument(path, None)
    doc.data = _to_python(node, (), doc, problems)
    return doc, problems


def _position(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _to_python(node: yaml.Node, loc: PathKey, doc: YamlDocument, problems: list[ContentError]) -> Any:
    doc.positions[loc] = _position(node)
    if node.tag not in PLAIN_TAGS:
        line, column = _position(node)
        problems.append(error(doc.path, line, column, f"不支持 YAML 标签“{node.tag}”。请删除以 ! 开头的标签，直接写文字。"))
        return None
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(child, loc + (i,), doc, problems) for i, child in enumerate(node.value)]
    return _mapping_to_python(node, loc, doc, problems)


def _mapping_to_python(node: yaml.MappingNode, loc: PathKey, doc: YamlDocument, problems: list[ContentError]) -> dict:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line, column = _position(key_node)
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(error(doc.path, line, column, "键必须是一个词（如 title），不能是列表或映射。"))
            continue
        key = key_node.value
        if key in result:
            first_line, _ = doc.key_positions[loc + (key,)]
            problems.append(error(doc.path, line, column, f"键“{key}”在同一层里重复出现（第 {first_line} 行已经写过）。请删去其中一个，或合并两处内容。"))
            continue
        doc.key_positions[loc + (key,)] = (line, column)
        result[key] = _to_python(value_node, loc + (key,), doc, problems)
    return result
