"""site_config/dictionary.txt and stopwords.txt, checked when the content is loaded — so ``check`` reports them,
and tokenising (``generator.text.tokenize``) later reads only files known to be good.

Both must be regular, readable UTF-8 files without control characters (codes ``config.missing_file``,
``file.*``, ``yaml.control_char``); every line of the dictionary is ``词 频率 词性`` (``config.dictionary_line``,
at the column where the line stops being right). Either file may be empty.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.config import PortalConfig
from generator.load.characters import file_character_problems
from generator.load.files import read_file
from generator.load.source import decode_text
from generator.problems import ContentError, error
from generator.text.tokenize import DICTIONARY_LINE

_FIELD = re.compile(r"\S+")
_FREQUENCY = re.compile(r"[0-9]{1,9}")
_TAG = re.compile(r"[a-z]+")
SHOWN = 60  # characters of a wrong line quoted in its message


def _wrong_column(line: str) -> int:
    """The column (from 1) where a dictionary line stops being ``词 频率 词性``."""
    fields = list(_FIELD.finditer(line))
    if len(fields) > 3:
        return fields[3].start() + 1
    if len(fields) >= 2 and not _FREQUENCY.fullmatch(fields[1].group()):
        return fields[1].start() + 1
    if len(fields) == 3 and not _TAG.fullmatch(fields[2].group()):
        return fields[2].start() + 1
    if len(fields) < 3:
        return len(line.rstrip()) + 1
    for before, after in zip(fields, fields[1:]):  # fields are right: a separator is not one space
        if line[before.end():after.start()] != " ":
            return before.end() + 1
    return 1


def dictionary_problems(path: Path, text: str) -> list[ContentError]:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip() and not DICTIONARY_LINE.match(line.strip()):
            shown = line.strip() if len(line.strip()) <= SHOWN else line.strip()[:SHOWN] + "…"
            problems.append(error("config.dictionary_line", path, number, _wrong_column(line), line=shown))
    return problems


def _read_text(path: Path, max_bytes: int) -> tuple[str | None, list[ContentError]]:
    if not path.exists():
        return None, [error("config.missing_file", path, 1, 1)]
    raw, problems = read_file(path, max_bytes)
    if raw is None:
        return None, problems
    text, problems = decode_text(path, raw, max_bytes, empty=None)
    if text is None:
        return None, problems
    problems = file_character_problems(path, text)
    return (None, problems) if problems else (text, [])


def wordlist_problems(portal: PortalConfig) -> list[ContentError]:
    """Every problem of the dictionary and the stop-word list of ``portal.site_config``."""
    problems: list[ContentError] = []
    for path, check in ((portal.dictionary, dictionary_problems), (portal.stopwords, None)):
        text, found = _read_text(path, portal.max_file_bytes)
        problems += found
        if text is not None and check is not None:
            problems += check(path, text)
    return problems
