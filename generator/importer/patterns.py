"""Patterns of an official Chinese document, shared by the importer modules.

Matching is tolerant of full- and half-width punctuation; nothing here changes
the text that is stored.
"""

from __future__ import annotations

import datetime
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
CN_DIGITS = "〇○零一二三四五六七八九"
CN_DATE = rf"([{CN_DIGITS}]{{4}})\s*年\s*([一二三四五六七八九十]{{1,3}})\s*月\s*([一二三四五六七八九十]{{1,3}})\s*日"
BLANK_DATE = r"[\dXxＸ×]{2,4}\s*年\s*[\dXxＸ×]{1,2}\s*月\s*[\dXxＸ×]{1,2}\s*日"  # XX年XX月XX日 of a model text
DATE_LINE = re.compile(rf"^[（(]?\s*(?:{DATE}|{CN_DATE}|{BLANK_DATE})\s*[）)]?$")
REDHEAD_LINE = re.compile(r"^[^\s，。；：、,;:]{2,40}文件$")  # 中共××委员会文件
ORGAN_LINE = re.compile(
    r"^(?:中共|中国共产党)?[^\s，。；：、,;:《》]{1,38}"
    r"(?:委员会|党委|党组|工委|委|办公室|办公厅|人民政府|政府|组织部|宣传部|部|局|厅|院|校|大学|学院|公司|集团|"
    r"中心|办事处|街道|管委会|支部|总支|社区|村|镇|乡|联合会|协会|会)$")
FILE_LINE = re.compile(r"^(?:附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?\s*)?(.+?)\s*\.(?:docx?|pdf|wps|ofd|txt|rtf|xlsx?|html?)$",
                       re.I)  # 附件1:新时代……(2019-2021年).docx, the file name a viewer shows
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
DASHES = "—–\\-－~～〜‒―至到"
TITLE_PERIOD = re.compile(rf"(?<!\d)(\d{{4}})\s*年?\s*[{DASHES}]+\s*(\d{{4}})\s*年?(?!\d)")
TITLE_YEAR = re.compile(r"(\d{4})\s*年")

SLUG_CHARS = "a-z0-9"
SENTENCE_END = "。！？；：!?;:"
QUOTE_CLOSE = "”’」』"
PROSE_PUNCT = "，。；：！？、,;:!?"
KINDS = ("工作要点", "实施方案", "实施意见", "行动计划", "行动方案", "工作计划", "工作方案", "指导意见",
         "工作安排", "若干措施", "意见", "方案", "计划", "规划", "纲要", "要点", "办法", "细则", "措施", "清单",
         "通知", "决定")


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
        or ANNEX_HEAD.match(line) or ANNEX_NOTE.match(line) or REDHEAD_LINE.match(line)
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


def cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 二十一 → 21 (up to 99); 0 for anything else."""
    digits = {ch: i for i, ch in enumerate("零一二三四五六七八九")}
    tens, _, ones = text.partition("十")
    if not _:
        return digits.get(text, 0) if len(text) == 1 else 0
    if (tens and tens not in digits) or (ones and ones not in digits):
        return 0
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def _date_part(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4:  # 二〇一九
        return int("".join(str(CN_DIGITS.index(ch) - 2 if CN_DIGITS.index(ch) > 2 else 0) for ch in text))
    return cn_number(text)


def iso_date(match: re.Match[str]) -> str:
    """YYYY-MM-DD of a DATE, CN_DATE or PRINTED_LINE match; "" for a placeholder or a day that does not exist."""
    parts = [g for g in match.groups() if g is not None][:3]
    if len(parts) < 3:
        return ""
    year, month, day = (_date_part(p) for p in parts)
    try:
        datetime.date(year, month, day)
    except ValueError:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if plausible_year(year) else ""
