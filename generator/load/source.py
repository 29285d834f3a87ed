"""Reading YAML files safely, keeping the line and column of every key and value.

* every scalar is loaded as text (no YAML 1.1 guessing: ``no`` stays "no",
  ``2018-10`` stays "2018-10"); the model converts where it asks for numbers;
* duplicate keys, anchors/aliases, explicit tags, tabs in indentation, BOMs,
  non-UTF-8 files, empty files and files over the configured size are refused with a
  problem (codes ``file.*`` and ``yaml.*``, texts in ``generator.messages``) that points at the place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.yaml_messages import yaml_problem
from generator.messages import phrase
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
        return None, [error("file.too_large", path, 1, 1, size_kb=len(raw) // 1024, limit_kb=max_bytes // 1024)]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [error("file.bom", path, 1, 1)]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [error("file.utf16", path, 1, 1)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_encoding_problem(path, raw, exc.start)]
    if not text.strip():
        return None, [error("file.empty", path, 1, 1)]
    return text, []


def _encoding_problem(path: Path, raw: bytes, offset: int) -> ContentError:
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    guess = _guess_encoding(raw)
    if guess is None:
        return error("file.unknown_encoding", path, line, column)
    return error("file.not_utf8", path, line, column, encoding=phrase(guess[0]), codec=guess[1], name=path.name)


def _guess_encoding(raw: bytes) -> tuple[str, str] | None:
    """(the PHRASES key naming the encoding, its iconv name), or None."""
    for label, codec in (("guess.gbk", "GB18030"), ("guess.big5", "BIG5")):
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
            problems.append(error("yaml.tab_indent", path, number, indent.index("\t") + 1))
    return problems


def read_yaml(path: Path, max_bytes: int) -> tuple[YamlDocument | None, list[ContentError]]:
    """Read one YAML file; every scalar comes back as ``str``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error("file.unreadable", path, 1, 1, reason=exc.strerror or exc)]
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
        return None, [error("yaml.alias", path, exc.mark.line + 1, exc.mark.column + 1)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        code, params = yaml_problem(exc)
        return None, [error(code, path, line, column, **params)]
    except yaml.YAMLError as exc:
        code, params = yaml_problem(exc)
        return None, [error(code, path, 1, 1, **params)]
    finally:
        loader.dispose()
    if node is None:
        return None, [error("file.only_comments", path, 1, 1)]
    doc = YamlDocument(path, None)
    doc.data = _to_python(node, (), doc, problems)
    return doc, problems


def _position(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _to_python(node: yaml.Node, loc: PathKey, doc: YamlDocument, problems: list[ContentError]) -> Any:
    doc.positions[loc] = _position(node)
    if node.tag not in PLAIN_TAGS:
        line, column = _position(node)
        problems.append(error("yaml.tag", doc.path, line, column, tag=node.tag))
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
            problems.append(error("yaml.key_not_scalar", doc.path, line, column))
            continue
        key = key_node.value
        if key in result:
            first_line, _ = doc.key_positions[loc + (key,)]
            problems.append(error("yaml.duplicate_key", doc.path, line, column, key=key, first_line=first_line))
            continue
        doc.key_positions[loc + (key,)] = (line, column)
        result[key] = _to_python(value_node, loc + (key,), doc, problems)
    return result
