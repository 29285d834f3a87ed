"""The spaces left in a line that lost its breaks, once ``breaks`` has cut it at the sure ones.

Each space is a line break where a hard line break would be one by cleanup's rules (``continues``):
a heading without 。 ends at it; a space inside a sentence, a title or a word stays, for
``remove_cjk_spaces`` to judge. A space after a digit (2020 年) or a bare marker (1. 建立), next to a
Latin word (思想 and 党的), inside brackets or before punctuation is never a break; nor is one before a
marker or 附件 that ``breaks`` found out of sequence or inside a sentence. Long paragraphs are judged by
their ends (``_Paragraph.proxy``), so the work stays about linear.
"""

from __future__ import annotations

import re

from generator.importer.cleanup import continues
from generator.importer.patterns import ANNEX_HEAD, has_prose_punct, is_structural_line, match_marker

PROXY = 150  # a long paragraph is judged by its first and last PROXY characters (and what lies between)
SHORT_TOKEN = 6  # a shorter piece after a space is judged together with the pieces after it
WHITESPACE = re.compile(r"\s+")
BARE_NUMBER = re.compile(r"(?<!\d)\d{1,2}\s*[.．、]$")  # 1. and the item's text after the space
OPENING = "（(《〈「『“‘【〔["
CLOSING = "，。、；：,.;:!?！？）)》〉」』”’】〕]%"


class _Paragraph:
    """A paragraph being put together from the pieces of a line; cheap to judge however long it grows."""

    def __init__(self, token: str) -> None:
        self.parts, self.size = [token], len(token)
        self.head, self.tail = token[:PROXY], token[-PROXY:]
        self.punct = has_prose_punct(token)
        self.stop = "。" in token

    def add(self, space: str, token: str) -> None:
        self.parts += [space, token]
        self.size += len(space) + len(token)
        if len(self.head) < PROXY:
            self.head = (self.head + space + token)[:PROXY]
        self.tail = (self.tail + space + token)[-PROXY:]
        self.punct = self.punct or has_prose_punct(token)
        self.stop = self.stop or "。" in token

    def proxy(self) -> str:
        """The paragraph, or its head and tail with one mark standing for the punctuation between them."""
        if self.size <= 2 * PROXY:
            return "".join(self.parts)
        return self.head + ("。" if self.stop else "，" if self.punct else "") + self.tail

    def text(self) -> str:
        return "".join(self.parts)


def _latin_edge(text: str, i: int, step: int) -> bool:
    """Is ``text[i]`` the edge of a Latin word (not of a placeholder XX)?"""
    letters = []
    while 0 <= i < len(text) and text[i].isascii() and text[i].isalpha():
        letters.append(text[i])
        i += step
    return bool(letters) and any(ch not in "Xx" for ch in letters)


def _held(left: str, right: str) -> bool:
    """A space that is never a line break: after a digit, at a Latin word, inside brackets, before punctuation."""
    if left[-1].isdigit() or left[-1] in OPENING or right[0] in CLOSING or BARE_NUMBER.search(left):
        return True
    return _latin_edge(left, len(left) - 1, -1) or _latin_edge(right, 0, 1)


def _after_marker(paragraph: _Paragraph) -> bool:
    """The paragraph so far is a bare marker: （二） 开展…"""
    marker = match_marker(paragraph.head) if paragraph.size <= PROXY else None
    return bool(marker) and not marker.rest.strip()


def _judged(tokens: list[str], at: int) -> str:
    """The piece after a space, with the pieces after it when it is short (组织生 活，…) or held to them."""
    if is_structural_line(tokens[at]):
        return tokens[at]
    text, i = tokens[at], at + 2
    while i < len(tokens) and len(text) < PROXY and (len(text) < SHORT_TOKEN or _held(text, tokens[i])):
        text, i = text + tokens[i - 1] + tokens[i], i + 2
    return text


def resolve_spaces(segment: str, inline: set[str]) -> list[str]:
    """A segment without hard breaks → lines, breaking at the spaces that a hard line break would end."""
    tokens = WHITESPACE.split(segment)
    spaces = WHITESPACE.findall(segment)
    mixed = [part for pair in zip(tokens, spaces + [""]) for part in pair][:-1]
    lines: list[str] = []
    paragraph = _Paragraph(mixed[0])
    for at in range(2, len(mixed), 2):
        token = mixed[at]
        cited = bool(match_marker(token) or ANNEX_HEAD.match(token))  # not in sequence, or 附件 in a sentence
        held = cited or _held(paragraph.tail, token) or _after_marker(paragraph)
        if held or continues(paragraph.proxy(), _judged(mixed, at), inline):
            paragraph.add(mixed[at - 1], token)
        else:
            lines.append(paragraph.text())
            paragraph = _Paragraph(token)
    lines.append(paragraph.text())
    return lines
