"""The values the lead's build hands to the search index."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("measure", "plan", "year", "topic", "level", "compare", "page")
"""Page kinds in ranking order: measures before plans before other pages."""


@dataclass(frozen=True)
class SearchDoc:
    url: str  # site-relative directory URL, e.g. "plans/shenzhen-2018-2020/23/" ("" for home)
    title: str  # page title, e.g. "23. 持续整顿软弱涣散基层党组织"
    kind: str  # one of KINDS
    text: str  # plain text of the page body (what the reader sees)
    plan: str = ""  # plan short title, e.g. "深圳市实施方案"
    level: str = ""  # level key: central|province|city|district|unit
    years: tuple[int, ...] = ()
    topics: tuple[str, ...] = ()  # topic ids


@dataclass(frozen=True)
class SearchMeta:
    """Labels for the facets, in display order."""

    levels: list[tuple[str, str]]  # (key, 中文名)
    topics: list[tuple[str, str]]  # (id, 中文名)
    words: tuple[str, ...] = ()  # the corpus's words (words.js), for queries without an exact hit


def kind_rank(kind: str) -> int:
    """0 for measures, 1 for plans, 2 for every other page."""
    return {"measure": 0, "plan": 1}.get(kind, 2)
