"""Metadata the document states about itself: cited documents, year themes, period, kind."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from generator.importer.patterns import (
    KINDS,
    LEADING_YEAR,
    PREAMBLE_THEME,
    TITLE_PERIOD,
    TITLE_YEAR,
    YEAR_THEME,
    plausible_year,
)
from generator.text.citations import find_citations
from generator.text.fold import ref_key

TRAILING_BRACKETS = re.compile(r"\s*[（(〔【［\[][^（()）〔〕【】［］\[\]]*[）)〕】］\]]$")


def find_based_on(paragraphs: Iterable[str]) -> list[dict]:
    """Documents cited as the basis (根据…《…》（文号）), in order, without repeats."""
    found: list[dict] = []
    seen: set[str] = set()
    for paragraph in paragraphs:
        for citation in find_citations(paragraph):
            keys = {ref_key(v) for v in (citation.doc_number, citation.title) if v}
            if keys & seen:
                continue
            seen |= keys
            found.append(citation.as_ref())
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
    """（2018—2020年） in the title, in any bracket and dash (2019-2021年, 2019年至2021年), or the single year a
    title names (2020年工作要点)."""
    title = unicodedata.normalize("NFKC", title)  # full-width digits
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
    """The 文种 a title ends with (实施方案, 工作要点…), ignoring trailing （2018—2020年）（试行） and quotes."""
    bare, before = title.strip(), None
    while bare != before:
        before, bare = bare, TRAILING_BRACKETS.sub("", bare).rstrip("》”\"' ")
    return next((kind for kind in KINDS if bare.endswith(kind)), "")
