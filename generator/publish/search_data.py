"""The portal's search index from the rendered pages (what the reader sees on each page)."""

from __future__ import annotations

from generator.load.corpus import Corpus
from generator.render import urls
from generator.render.environment import Page
from generator.memo import Memo, no_memo
from generator.search import SearchDoc, SearchMeta, index_files
from generator.search.index import doc_keys


def search_docs(pages: list[Page]) -> list[SearchDoc]:
    return [SearchDoc(url=urls.url_of(p.path), title=p.title, kind=p.kind, text=p.search_text, plan=p.plan,
                      level=p.level, years=tuple(p.years), topics=tuple(p.topics)) for p in pages if p.kind != "search"]


def search_meta(corpus: Corpus, words: list[str] | None = None) -> SearchMeta:
    return SearchMeta(levels=[(lv.key, lv.name) for lv in corpus.config.levels],
                      topics=[(t.id, t.name) for t in corpus.config.topics], words=tuple(words or ()))


def search_files(corpus: Corpus, pages: list[Page], words: list[str] | None = None, memo: Memo | None = None
                 ) -> dict[str, str]:
    """The index files (relative to the index folder); ``words`` segment queries that have no exact hit."""
    memo = memo or no_memo()

    def keys_of(doc: SearchDoc) -> list[str]:  # kept as one string: a memory of many small strings loads slowly
        joined = memo.get("search-keys", memo.key(doc.kind, doc.title, doc.plan, doc.text), lambda: "\0".join(doc_keys(doc)))
        return joined.split("\0") if joined else []
    return index_files(search_docs(pages), search_meta(corpus, words), keys_of)
