"""Exact Chinese full-text search for the portal (issue 7).

The build writes a sharded static index (``write_search_index``); the browser
(``templates/theme/assets/portal/search.js``) loads only the shards of a
query's bigrams and the doc chunks of its top results. ``query.py`` is the
reference implementation of the query evaluation over the written files.

Modules: normalize (text folding shared with search.js), encode (posting-list
codec, shard hash), index (docs → postings, doc order, facet profiles), shards
(file layout and writing), query (reference evaluation), page (search page).
"""

from __future__ import annotations

from .model import SearchDoc, SearchMeta
from .page import search_page_markdown
from .shards import write_search_index

__all__ = ["SearchDoc", "SearchMeta", "search_page_markdown", "write_search_index"]
