"""The portal's search index from the rendered pages (what the reader sees on each page)."""

from __future__ import annotations

from generator.load.corpus import Corpus
from generator.render import urls
from generator.render.environment import Page
from generator.search import SearchDoc, SearchMeta, index_files


def search_docs(pages: list[Page]) -> list[SearchDoc]:
    return [SearchDoc(url=urls.url_of(p.path), title=p.title, kind=p.kind, text=p.search_text, plan=p.plan,
                      level=p.level, years=tuple(p.years), topics=tuple(p.topics)) for p in pages if p.kind != "search"]


def search_meta(corpus: Corpus, words: list[str] | None = None) -> SearchMeta:
    return SearchMeta(levels=[(lv.key, lv.name) for lv in corpus.config.levels],
                      topics=[(t.id, t.name) for t in corpus.config.topics], words=tuple(words or ()))


def search_files(corpus: Corpus, pages: list[Page], words: list[str] | None = None) -> dict[str, str]:
    """The index files (relative to the index folder); ``words`` segment queries that have no exact hit."""
    return index_files(search_docs(pages), search_meta(corpus, words))
