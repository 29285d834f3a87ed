"""The full search page (its index and scripts come from generator.search)."""

from __future__ import annotations

from .. import urls
from ..render import Page
from .context import Site


def pages(site: Site) -> list[Page]:
    from ..search import search_page_markdown

    return [Page(urls.SEARCH, "搜索", search_page_markdown(), kind="search", search_text="")]
