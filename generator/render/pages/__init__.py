"""render: page families, each ``(site) -> list[Page]``."""

from __future__ import annotations

from generator.render.context import Site
from generator.render.environment import Page


def build_pages(site: Site) -> list[Page]:
    from generator.render.pages import (
        citations,
        compare,
        home,
        levels,
        measures,
        plans,
        references,
        search,
        targets,
        topics,
        years,
    )

    pages: list[Page] = []
    for family in (home, plans, measures, years, levels, topics, compare, citations, references, targets, search):
        pages.extend(family.pages(site))
    return pages
