"""Characters a file or a text value may not contain, each reported where an editor shows it.

* In the file, before YAML reads it: the control characters YAML refuses (U+0000–U+0008, U+000B,
  U+000C, U+000E–U+001F, U+007F–U+009F, U+FFFE, U+FFFF), code ``yaml.control_char``; and the line
  separators U+0085, U+2028 and U+2029, code ``yaml.line_separator``. YAML reads those three as line
  breaks while editors do not, so every line number after them would be wrong: they are refused, at a
  position counted on the file split on "\\n" only, as editors count.
* In a text value, after YAML has read escapes such as ``"\\x01"``: the characters a web page or an
  XLSX cell cannot hold (openpyxl's ``ILLEGAL_CHARACTERS_RE`` and the other controls above, lone
  surrogates, U+FFFE, U+FFFF), code ``plan.control_char``, at the value's position.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.messages import phrase
from generator.problems import ContentError, error

IN_FILE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
IN_VALUE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
LINE_SEPARATORS = "\x85\u2028\u2029"
MAX_REPORTED = 10  # per file: a binary file would otherwise give thousands of lines


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of ``offset``, lines split on "\\n" only."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def file_character_problems(path: Path, text: str) -> list[ContentError]:
    """Every refused character of a file's text (at most ``MAX_REPORTED``), each at its line and column."""
    problems = []
    for match in IN_FILE.finditer(text):
        char = match.group()
        line, column = position(text, match.start())
        if char in LINE_SEPARATORS:
            name = phrase(f"separator.{code_point(char)}")
            problems.append(error("yaml.line_separator", path, line, column, char=code_point(char), name=name))
        else:
            problems.append(error("yaml.control_char", path, line, column, char=code_point(char)))
        if len(problems) == MAX_REPORTED:
            break
    return problems


def value_character(value: str) -> tuple[int, str] | None:
    """(1-based index, U+XXXX) of the first character of ``value`` that a page or a spreadsheet cannot hold."""
    match = IN_VALUE.search(value)
    return (match.start() + 1, code_point(match.group())) if match else None
