"""Patterns of an official Chinese document, shared by the importer modules.

Matching is tolerant of full- and half-width punctuation; nothing here changes
the text that is stored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.text.citations import CLOSE_BRACKET, DOC_NUMBER_BODY, OPEN_BRACKET  # noqa: F401 (shared)

CN_NUMERAL = "一二三四五六七八九十百零〇"

# Hierarchy markers, outermost style first (the order only breaks ties).
MARKER_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn", re.compile(rf"^([{CN_NUMERAL}]+)\s*[、．.]\s*")),  # 一、
    ("pcn", re.compile(rf"^([（(]\s*[{CN_NUMERAL}]+\s*[）)])\s*")),  # （一） (一)
    ("num", re.compile(r"^(\d{1,3})\s*[.．、](?![\d.．])\s*")),  # 1. 1、 1．
    ("pnum", re.compile(r"^([（(]\s*\d{1,3}\s*[）)])\s*")),  # （1） (1)
)
STYLE_ORDER = {name: i for i, (name, _) in enumerate(MARKER_STYLES)}

DOC_NUMBER_LINE = re.compile(rf"^{DOC_NUMBER_BODY}$")
DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
DATE_LINE = re.compile(rf"^{DATE}$")
PRINTED_LINE = re.compile(rf"^{DATE}\s*印发$")
COPY_TO_LINE = re.compile(r"^(抄送|抄报)\s*[:：]")
YEAR_THEME = re.compile(
    r"^[—－\-]{1,2}\s*(\d{4})\s*年\s*[，,、]?\s*以\s*[“\"「]([^”\"」]+)[”\"」]\s*为主题\s*[。，,；;]?\s*"
)
PREAMBLE_THEME = re.compile(r"聚焦\s*[“\"「]([^”\"」]+)[”\"」]\s*的?主题")
LEADING_YEAR = re.compile(r"^(\d{4})\s*年")
ANNEX_HEAD = re.compile(r"^附\s*件\s*(\d*)\s*$")
ANNEX_NOTE = re.compile(r"^附\s*件\s*\d*\s*[:：]\s*\S")
NOTICE_TITLE = re.compile(r"^.{0,60}关于.+的通知$")
LEAD_HEADING = re.compile(r"^认真(?:落实|贯彻)[^。]*?的要求")
ANNEX_YEAR = re.compile(r"^(\d{4})\s*年度?")
TITLE_PERIOD = re.compile(r"[（(]\s*(\d{4})\s*[—–\-－~～至]+\s*(\d{4})\s*年?\s*[）)]")
TITLE_YEAR = re.compile(r"(\d{4})\s*年")

SLUG_CHARS = "a-z0-9"
SENTENCE_END = "。！？；：!?;:"
QUOTE_CLOSE = "”’」』"
PROSE_PUNCT = "，。；：！？、,;:!?"
KINDS = ("工作要点", "实施方案", "实施意见", "行动计划", "工作计划", "工作方案", "指导意见",
         "意见", "方案", "计划", "规划", "要点", "办法", "细则", "通知", "决定")


@dataclass(frozen=True)
class Marker:
    """A hierarchy marker at the start of a paragraph."""

    style: str
    number: str  # as it will be stored: 一, （一）, 1, （1）
    rest: str  # the paragraph after the marker


def match_marker(paragraph: str) -> Marker | None:
    for style, pattern in MARKER_STYLES:
        m = pattern.match(paragraph)
        if m:
            number = re.sub(r"\s+", "", m.group(1))
            return Marker(style, number, paragraph[m.end():])
    return None


def bare_number(number: str) -> str:
    """（1） → 1: measure numbers are stored without brackets."""
    return re.sub(r"[（()）\s]", "", number)


def is_structural_line(line: str) -> bool:
    """A line that always starts a new paragraph."""
    return bool(
        match_marker(line) or YEAR_THEME.match(line) or DOC_NUMBER_LINE.match(line)
        or DATE_LINE.match(line) or PRINTED_LINE.match(line) or ANNEX_HEAD.match(line)
        or ANNEX_NOTE.match(line) or COPY_TO_LINE.match(line)
    )


def is_standalone_line(line: str) -> bool:
    """A line that is complete by itself: nothing is ever joined after it."""
    return bool(
        DOC_NUMBER_LINE.match(line) or DATE_LINE.match(line) or PRINTED_LINE.match(line)
        or ANNEX_HEAD.match(line) or ANNEX_NOTE.match(line)
    )


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    if not text:
        return False
    if text[-1] in SENTENCE_END:
        return True
    return text[-1] in QUOTE_CLOSE and len(text) > 1 and text[-2] in "。！？!?"


def has_prose_punct(text: str) -> bool:
    return any(ch in PROSE_PUNCT for ch in text)


def match_key(text: str) -> str:
    """A form of ``text`` for comparing titles: widths, dashes, inner quotes and spaces unified."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"〈": "《", "〉": "》", "—": "-", "–": "-", "－": "-", "~": "-"}))
    return re.sub(r"\s+", "", text)


def plausible_year(year: int) -> bool:
    return 1900 <= year <= 2100


def iso_date(match: re.Match[str]) -> str:
    year, month, day = (int(g) for g in match.groups()[:3])
    return f"{year:04d}-{month:02d}-{day:02d}"
