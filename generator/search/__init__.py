"""Exact Chinese full-text search for the portal (issue 7).

The build writes a sharded static index (``index_files``, written by ``publish.writer``); the browser
(``templates/theme/assets/portal/search.js``) loads only the shards of a
query's bigrams and the doc chunks of its top results. ``query.py`` is the
reference implementation of the query evaluation over the written files.

Design:
* text and queries normalised alike (text.searchfold: width, equivalent marks, case, whitespace);
* keys: character bigrams of title+text, single characters (one-character queries), title
  bigrams (ranking) and a digest of each title (title equals the query ranks first);
* posting lists of doc numbers (varint gaps or bitmap, base64) in 16–4096 shards chosen by
  FNV-1a of the bigram; doc texts in chunks of ~2 KB; doc numbers ordered measures → plans →
  other pages; level/years/kind per doc as run-length profiles in meta.js, topics in facets.js;
* the browser intersects the lists (a superset), verifies candidates by exact substring on the
  normalised title and text, chunk by chunk in ranking order, and counts exactly once every
  candidate is verified (one- and two-character words are exact from the lists alone);
* every file is a script calling ``window.__portalSearch``: works from file:// and over HTTP.

Modules: model (SearchDoc, SearchMeta),
encode (posting-list codec, shard hash), index (docs → postings, doc order, facet profiles),
shards (file layout), query (reference evaluation); the text fold is ``text.searchfold``.
"""

from __future__ import annotations

from generator.search.model import SearchDoc, SearchMeta
from generator.search.shards import index_files, index_stats

__all__ = ["SearchDoc", "SearchMeta", "index_files", "index_stats"]
