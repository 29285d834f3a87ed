"""render: page families, each ``(site) -> list[Page]``."""

from __future__ import annotations

from ..render import Page
from .context import Site


def build_pages(site: Site) -> list[Page]:
    from . import citations, compare, home, levels, measures, plans, search, targets, topics, years

    pages: list[Page] = []
    for family in (home, plans, measures, years, levels, topics, compare, citations, targets, search):
        pages.extend(family.pages(site))
    return pages
