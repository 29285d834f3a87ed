"""Plain-text clean-up for the importer: stray spaces and hard line breaks (web chrome: ``chrome``).

The seeds are PDF and web-page extractions. This module turns their lines into
paragraphs without changing a single printed character other than artefact
spaces between Chinese characters (and around placeholders: 在 XX 街道) and the line
breaks inside sentences. ``split_chrome`` and ``body_text`` are re-exported from ``chrome``.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.importer.chrome import SPACES, ChromeSplit, body_text, split_chrome
from generator.importer.patterns import (
    ORGAN_LINE,
    ends_sentence,
    has_prose_punct,
    is_standalone_line,
    is_structural_line,
    match_marker,
)
from generator.importer.refs import find_kind

__all__ = ["ChromeSplit", "body_text", "cjk_only", "clean_line", "remove_cjk_spaces", "repair_paragraphs",
           "split_chrome"]

PLACEHOLDER_CHARS = "XxＸｘ×"
MIN_HEADLINE_RUN = 6
LONG_TITLE_FRAGMENT = 25


def is_cjk_letter(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def is_wide(ch: str) -> bool:
    """A Chinese character or a full-width / CJK punctuation mark."""
    return (is_cjk_letter(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
            or ch in "“”‘’—…·")


_NOT_CJK = re.compile("[^\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]+")


def cjk_only(text: str) -> str:
    """The Chinese characters of ``text`` (those ``is_cjk_letter`` accepts), in order."""
    return _NOT_CJK.sub("", text)


def _run_length(text: str, start: int, step: int) -> int:
    count, i = 0, start
    while 0 <= i < len(text) and is_cjk_letter(text[i]):
        count, i = count + 1, i + step
    return count


def _keep_space(line: str, before: int, after: int) -> bool:
    """A space between two long runs of characters in a title-like line separates two headlines."""
    if has_prose_punct(line):
        return False
    return min(_run_length(line, before, -1), _run_length(line, after, 1)) >= MIN_HEADLINE_RUN


def _blank_edge(line: str, i: int, step: int) -> bool:
    """Is ``line[i]`` the edge of a placeholder (XX, ××) rather than of a Latin word?"""
    j = i
    while 0 <= j < len(line) and ((line[j].isascii() and line[j].isalpha()) or line[j] in PLACEHOLDER_CHARS):
        if line[j] not in PLACEHOLDER_CHARS:
            return False
        j += step
    return j != i


def remove_cjk_spaces(line: str) -> str:
    """``2020 年`` → ``2020年``, ``加强 党的`` → ``加强党的``, ``在 XX 街道`` → ``在XX街道``; other spaces are kept."""

    def fix(m: re.Match[str]) -> str:
        start, end = m.start(), m.end()
        if start == 0 or end == len(line):
            return m.group(0)
        a, b = line[start - 1], line[end]
        a_number = a.isdigit() or a == "%" or _blank_edge(line, start - 1, -1)
        b_number = b.isdigit() or b == "%" or _blank_edge(line, end, 1)
        joinable = (is_wide(a) and (is_wide(b) or b_number)) or (is_wide(b) and a_number)
        if not joinable or (is_cjk_letter(a) and is_cjk_letter(b) and _keep_space(line, start - 1, end)):
            return m.group(0)
        return ""

    return re.sub(f"[{SPACES}]+", fix, line)


def clean_line(line: str) -> str:
    return remove_cjk_spaces(line.strip(SPACES))


def inline_styles(lines: list[str]) -> set[str]:
    """Marker styles whose items are mostly written ``title。text`` on the marker line."""
    total: Counter[str] = Counter()
    inline: Counter[str] = Counter()
    for line in lines:
        marker = match_marker(line)
        if marker:
            total[marker.style] += 1
            inline[marker.style] += "。" in marker.rest
    return {style for style, n in total.items() if inline[style] * 2 > n}


def _first_sentence(line: str) -> str:
    return line.split("。", 1)[0]


def continues(previous: str, line: str, inline: set[str]) -> bool:
    """Does ``line`` continue the paragraph ``previous`` (a hard break inside a sentence)?"""
    if is_structural_line(line) or is_standalone_line(previous) or ends_sentence(previous):
        return False
    marker = match_marker(previous)
    if marker:
        if "。" in marker.rest:
            return True
        fragment = _first_sentence(line)
        return (marker.style in inline and len(fragment) <= LONG_TITLE_FRAGMENT
                and not has_prose_punct(fragment))
    if has_prose_punct(previous):
        return True
    if ORGAN_LINE.match(line) and find_kind(previous):  # 某某实施方案 / 中共某某委员会: the title, then its signer
        return False
    return not has_prose_punct(line)  # a title broken over two lines


def _glue(previous: str, line: str) -> str:
    sep = " " if previous[-1:].isascii() and previous[-1:].isalpha() and line[:1].isascii() and line[:1].isalpha() else ""
    return previous + sep + line


def repair_paragraphs(lines: list[str]) -> list[str]:
    """Non-blank lines → paragraphs, joining lines broken inside a sentence or a title."""
    cleaned = [clean_line(line) for line in lines]
    cleaned = [line for line in cleaned if line]
    inline = inline_styles(cleaned)
    paragraphs: list[str] = []
    for line in cleaned:
        if paragraphs and continues(paragraphs[-1], line, inline):
            paragraphs[-1] = _glue(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return paragraphs
