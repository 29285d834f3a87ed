"""Metadata the document states about itself: cited documents, year themes, period, kind."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.importer.patterns import (
    CLOSE_BRACKET,
    DOC_NUMBER_BODY,
    KINDS,
    LEADING_YEAR,
    OPEN_BRACKET,
    PREAMBLE_THEME,
    TITLE_PERIOD,
    TITLE_YEAR,
    YEAR_THEME,
    match_key,
    plausible_year,
)

CITE_TRIGGER = re.compile(r"(根据|依据|贯彻落实|贯彻|落实)\s*(?=《)")
DOC_NUMBER_AFTER = re.compile(rf"\s*{OPEN_BRACKET}\s*({DOC_NUMBER_BODY})\s*{CLOSE_BRACKET}")
LIST_SEPARATOR = re.compile(r"\s*(、|和|及|以及|与|，|,)\s*(?=《)")
ISSUING_NOTICE = re.compile(r"^.*?关于印发[《〈](.+)[》〉]的通知$")
TRAILING_BRACKETS = re.compile(r"[（(][^（()）]*[）)]$")


def _book_title_at(text: str, start: int) -> tuple[str, int] | None:
    """The 《…》 starting at ``start`` (nested 《》 allowed) and the index after it."""
    if start >= len(text) or text[start] != "《":
        return None
    depth = 0
    for i in range(start, len(text)):
        depth += {"《": 1, "》": -1}.get(text[i], 0)
        if depth == 0:
            return text[start + 1:i], i + 1
    return None


def _cited_after(text: str, pos: int) -> Iterator[dict]:
    """The list 《A》（文号）、《B》… that starts at ``pos``."""
    while (found := _book_title_at(text, pos)) is not None:
        title, pos = found
        number = DOC_NUMBER_AFTER.match(text, pos)
        if number:
            pos = number.end()
        inner = ISSUING_NOTICE.match(title)
        yield {"doc_number": number.group(1) if number else "", "title": inner.group(1) if inner else title}
        separator = LIST_SEPARATOR.match(text, pos)
        if not separator:
            return
        pos = separator.end()


def find_based_on(paragraphs: Iterable[str]) -> list[dict]:
    """Documents cited as the basis (根据《…》, 贯彻落实《…》), in order, without repeats."""
    found: list[dict] = []
    seen: set[str] = set()
    for paragraph in paragraphs:
        for trigger in CITE_TRIGGER.finditer(paragraph):
            for ref in _cited_after(paragraph, trigger.end()):
                keys = {match_key(v) for v in ref.values() if v}
                if keys & seen:
                    continue
                seen |= keys
                found.append(ref)
    return found


def find_year_themes(paragraphs: Iterable[str]) -> list[dict]:
    """——2018年以“…”为主题。… lines, as {year, theme, text}; the first per year wins."""
    themes: dict[int, dict] = {}
    for paragraph in paragraphs:
        m = YEAR_THEME.match(paragraph)
        if m and plausible_year(int(m.group(1))) and int(m.group(1)) not in themes:
            themes[int(m.group(1))] = {"year": int(m.group(1)), "theme": m.group(2), "text": paragraph[m.end():]}
    return [themes[year] for year in sorted(themes)]


def find_preamble_themes(paragraphs: Iterable[str]) -> list[dict]:
    """``2020年是…聚焦“…”的主题`` in a preamble: a theme for the year the paragraph opens with."""
    themes = []
    for paragraph in paragraphs:
        year, theme = LEADING_YEAR.match(paragraph), PREAMBLE_THEME.search(paragraph)
        if year and theme and plausible_year(int(year.group(1))):
            themes.append({"year": int(year.group(1)), "theme": theme.group(1), "text": ""})
    return themes


def find_period(title: str) -> dict | None:
    """（2018—2020年） in the title, or the single year a title names (2020年工作要点)."""
    m = TITLE_PERIOD.search(title)
    if m:
        start, end = int(m.group(1)), int(m.group(2))
        ok = plausible_year(start) and plausible_year(end) and start <= end
        return {"start": start, "end": end} if ok else None
    years = {int(y) for y in TITLE_YEAR.findall(title)}
    if len(years) == 1 and plausible_year(min(years)):
        year = years.pop()
        return {"start": year, "end": year}
    return None


def find_kind(title: str) -> str:
    """The 文种 a title ends with (实施方案, 工作要点…), ignoring a trailing （2018—2020年）."""
    bare = TRAILING_BRACKETS.sub("", title.strip())
    return next((kind for kind in KINDS if bare.endswith(kind)), "")
