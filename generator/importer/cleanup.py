"""Plain-text clean-up for the importer: web-page chrome, stray spaces, hard line breaks.

The seeds are PDF and web-page extractions. This module turns their lines into
paragraphs without changing a single printed character other than artefact
spaces between Chinese characters and the line breaks inside sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from generator.importer.patterns import (
    ends_sentence,
    has_prose_punct,
    is_standalone_line,
    is_structural_line,
    match_marker,
)

SPACES = " \t\u00a0\u3000"
CHROME_LINE = (
    re.compile(r"^首页\s*[>＞›»]"),  # breadcrumb
    re.compile(r"(择稿人员|发布日期|发布时间|访问次数|浏览次数|点击数|责任编辑)\s*[:：]"),
    re.compile(r"^字体\s*[:：]"),
    re.compile(r"^[〖【\[]?\s*背景色"),
    re.compile(r"^[【\[]?\s*(打印|关闭|收藏|分享到?|返回顶部)"),
    re.compile(r"^本文系.{0,20}(原创|投稿)"),
    re.compile(r"(仅供学习参考|请勿照搬照抄|转载请注明)"),
    re.compile(r"^[A-Za-z][A-Za-z .:/_-]{0,30}$"),  # lone Latin words: Baidu, map
)
CHROME_TAIL = re.compile(r"^(相关新闻|相关链接|相关文章|相关阅读)\s*[:：]?$")
PUBLISHED = re.compile(r"发布(?:日期|时间)\s*[:：]\s*(\d{4})-(\d{1,2})-(\d{1,2})")
MIN_HEADLINE_RUN = 6
LONG_TITLE_FRAGMENT = 25


@dataclass
class ChromeSplit:
    """The lines of a page, split into the document and the page around it."""

    lines: list[str]
    chrome: list[str] = field(default_factory=list)
    published: str = ""  # YYYY-MM-DD stated by the page, if any


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


def split_chrome(text: str) -> ChromeSplit:
    """Drop web-page chrome lines (breadcrumbs, counters, site notes, related links)."""
    result = ChromeSplit([])
    in_tail = False
    for raw in text.splitlines():
        line = raw.strip(SPACES)
        in_tail = in_tail or bool(CHROME_TAIL.match(line))
        if line and (in_tail or any(p.search(line) for p in CHROME_LINE)):
            result.chrome.append(line)
            found = PUBLISHED.search(line)
            if found and not result.published:
                y, m, d = (int(g) for g in found.groups())
                result.published = f"{y:04d}-{m:02d}-{d:02d}"
            result.lines.append("")
            continue
        result.lines.append(raw)
    return result


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


def remove_cjk_spaces(line: str) -> str:
    """``2020 年`` → ``2020年``, ``加强 党的`` → ``加强党的``; other spaces are kept."""

    def fix(m: re.Match[str]) -> str:
        start, end = m.start(), m.end()
        if start == 0 or end == len(line):
            return m.group(0)
        a, b = line[start - 1], line[end]
        joinable = (is_wide(a) and (is_wide(b) or b.isdigit() or b == "%")) or (
            is_wide(b) and (a.isdigit() or a == "%"))
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


def _continues(previous: str, line: str, inline: set[str]) -> bool:
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
        if paragraphs and _continues(paragraphs[-1], line, inline):
            paragraphs[-1] = _glue(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return paragraphs


def body_text(text: str) -> str:
    """The text of a source without its chrome lines (for fidelity checks)."""
    return "\n".join(split_chrome(text).lines)
