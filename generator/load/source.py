"""Reading YAML files safely, keeping the line and column of every key and value.

* every scalar is loaded as text (no YAML 1.1 guessing: ``no`` stays "no",
  ``2018-10`` stays "2018-10"); the model converts where it asks for numbers;
* duplicate keys, anchors/aliases, explicit tags, tabs in indentation, BOMs,
  non-UTF-8 files, empty files and files over the configured size are refused with a
  problem (codes ``file.*`` and ``yaml.*``, texts in ``generator.messages``) that points at the place;
* so are files that are not regular files or lead outside their folder (``load.files``), control
  characters and line separators in the file and control characters in values (``load.characters``),
  and nesting deeper than the configured depth (before PyYAML's recursive composer overflows the stack).

A site_config file (``config=True``) is told about as a config file (``config.empty`` …), not as a plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.config import DEFAULT
from generator.load.characters import IN_VALUE, file_character_problems, position, value_character
from generator.load.files import read_file
from generator.load.yaml_loaders import FastTextLoader, TextLoader, AliasRefused, NotSure, TooDeep
from generator.load.yaml_messages import inner_quote, problem_mark, unclosed_quote, yaml_problem
from generator.messages import field_label, phrase
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


def decode_text(path: Path, raw: bytes, max_bytes: int, *, empty: str | None = "file.empty") -> tuple[str | None, list[ContentError]]:
    """UTF-8 text of a file, or the reason it is not acceptable; ``empty``: the code of an empty file (None: fine)."""
    if len(raw) > max_bytes:
        return None, [error("file.too_large", path, 1, 1, size_kb=len(raw) // 1024, limit_kb=max_bytes // 1024)]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [error("file.bom", path, 1, 1)]
    codec = utf16_evidence(raw)
    if codec:
        return None, [error("file.utf16", path, 1, 1, codec=codec, name=path.name, suffix=path.suffix)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_encoding_problem(path, raw, exc.start)]
    if empty and not text.strip():
        return None, [error(empty, path, 1, 1)]
    return text, []


def _plausible(text: str) -> bool:
    usual = sum(1 for ch in text if ch in "\t\n\r" or " " <= ch <= "~" or "\u3000" <= ch <= "\u303f"
                or "\u4e00" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u2000" <= ch <= "\u206f")
    return usual >= 0.9 * len(text)


def utf16_evidence(raw: bytes) -> str | None:
    """Why ``raw`` looks like UTF-16: "UTF-16" (a BOM), "UTF-16LE"/"UTF-16BE" (NUL bytes, and it reads so), or None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if b"\0" not in raw or len(raw) % 2:
        return None
    sample = raw[:65536]
    for codec in ("UTF-16LE", "UTF-16BE"):
        try:
            if _plausible(sample.decode(codec)):
                return codec
        except UnicodeDecodeError:
            continue
    return None


def _encoding_problem(path: Path, raw: bytes, offset: int) -> ContentError:
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    guess = _guess_encoding(raw)
    if guess is None:
        return error("file.unknown_encoding", path, line, column)
    return error("file.not_utf8", path, line, column, encoding=phrase(guess[0]), codec=guess[1], name=path.name,
                 suffix=path.suffix)


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
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(error("yaml.tab_indent", path, number, indent.index("\t") + 1))
    return problems


def read_yaml(path: Path, max_bytes: int, *, max_depth: int = DEFAULT.max_depth, root: Path | None = None,
              config: bool = False) -> tuple[YamlDocument | None, list[ContentError]]:
    """Read one YAML file; every scalar comes back as ``str``. ``root``: the folder it must not lead out of."""
    text, problems = read_text(path, max_bytes, root, config=config)
    if text is None:
        return None, problems
    return parse_yaml_text(path, text, max_depth=max_depth, config=config)


def read_text(path: Path, max_bytes: int, root: Path | None = None, *, config: bool = False) -> tuple[str | None, list[ContentError]]:
    """The text of a YAML file (size, place and encoding checked), or the problems that stop it being read."""
    raw, problems = read_file(path, max_bytes, root)
    if raw is None:
        return None, problems
    return decode_text(path, raw, max_bytes, empty="config.empty" if config else "file.empty")


def parse_yaml_text(path: Path, text: str, *, max_depth: int = DEFAULT.max_depth,
                    config: bool = False) -> tuple[YamlDocument | None, list[ContentError]]:
    problems = file_character_problems(path, text) or _tab_problems(path, text)
    if problems:
        return None, problems
    node, problems = _compose(path, text, max_depth)
    if problems:
        return None, problems
    if node is None:
        return None, [error("config.only_comments" if config else "file.only_comments", path, 1, 1)]
    doc = YamlDocument(path, None)
    doc.data = _to_python(node, (), doc, problems)
    return doc, problems


def _mark(mark: yaml.Mark) -> Position:
    return mark.line + 1, mark.column + 1


def _compose(path: Path, text: str, max_depth: int) -> tuple[yaml.Node | None, list[ContentError]]:
    if FastTextLoader is not None and "\t" not in text and text.endswith("\n"):  # see FastTextLoader
        loader = FastTextLoader(text, max_depth)
        try:
            node = loader.get_single_node()
            if node is None or isinstance(node, yaml.MappingNode):  # a plan or config file, as it should be
                return node, []
        except (yaml.YAMLError, AliasRefused, TooDeep):
            pass  # read it again below, for the messages and marks of the pure-Python parser
        finally:
            loader.dispose()
    return _compose_exactly(path, text, max_depth)


def _compose_exactly(path: Path, text: str, max_depth: int) -> tuple[yaml.Node | None, list[ContentError]]:
    loader = None
    try:
        loader = TextLoader(text, max_depth)
        return loader.get_single_node(), []
    except AliasRefused as exc:
        return None, [error("yaml.alias", path, *_mark(exc.mark))]
    except TooDeep as exc:
        return None, [error("yaml.too_deep", path, *_mark(exc.mark), limit=max_depth)]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(path, text, exc)]
    except yaml.reader.ReaderError as exc:  # a character the check of the file let through
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?"
        return None, [error("yaml.control_char", path, *position(text, exc.position), char=char)]
    except yaml.YAMLError as exc:
        code, params = yaml_problem(exc)
        return None, [error(code, path, 1, 1, **params)]
    finally:
        if loader is not None:
            loader.dispose()


def _syntax_problem(path: Path, text: str, exc: yaml.MarkedYAMLError) -> ContentError:
    mark = problem_mark(exc)
    if mark is None:
        code, params = yaml_problem(exc)
        return error(code, path, 1, 1, **params)
    opened = unclosed_quote(text, mark)
    if opened is not None:
        return error("yaml.unclosed_quote", path, *_mark(opened), end_line=mark.line + 1)
    early = inner_quote(text, mark)
    if early is not None:
        return error("yaml.inner_quote", path, mark.line + 1, early + 1, quote=text.splitlines()[mark.line][early])
    code, params = yaml_problem(exc)
    return error(code, path, *_mark(mark), **params)


def _position(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _where(loc: PathKey, key: bool = False) -> str:
    if key:
        return phrase("where.key")
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    return field_label(name) if name else phrase("where.top_level" if not loc else "where.item")


def _text(node: yaml.ScalarNode, loc: PathKey, doc: YamlDocument, problems: list[ContentError], key: bool = False) -> str:
    """A scalar's text; a character no page or spreadsheet can hold is a problem at the scalar."""
    refused = value_character(node.value)
    if refused is not None:
        index, char = refused
        problems.append(error("plan.control_char", doc.path, *_position(node), where=_where(loc, key), char=char, index=index))
        return IN_VALUE.sub("", node.value)  # reported once here, not again by the model
    return node.value


def _to_python(node: yaml.Node, loc: PathKey, doc: YamlDocument, problems: list[ContentError]) -> Any:
    doc.positions[loc] = _position(node)
    if node.tag not in PLAIN_TAGS:
        line, column = _position(node)
        problems.append(error("yaml.tag", doc.path, line, column, tag=node.tag))
        return None
    if isinstance(node, yaml.ScalarNode):
        return _text(node, loc, doc, problems)
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
        key = _text(key_node, loc, doc, problems, key=True)
        if key in result:
            first_line, _ = doc.key_positions[loc + (key,)]
            problems.append(error("yaml.duplicate_key", doc.path, line, column, key=key, first_line=first_line))
            continue
        doc.key_positions[loc + (key,)] = (line, column)
        result[key] = _to_python(value_node, loc + (key,), doc, problems)
    return result
