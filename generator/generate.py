"""load → enrich → render → write: the generated docs directory, engine-agnostic Markdown plus data files."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from . import urls
from .corpus import Corpus
from .docs_writer import DocsWriter
from .enrich.pipeline import Enrichment, enrich
from .errors import ContentError, ContentErrors
from .loader import load
from .mkdocs_config import write_generated_config
from .navigation import build_nav
from .opendata import data_files
from .pages import build_pages
from .pages.context import Site
from .pages.years import all_years
from .render import Page, Renderer


@dataclass
class Generated:
    corpus: Corpus
    enrichment: Enrichment
    pages: list[Page]
    warnings: list[ContentError]
    config_path: Path
    timings: dict[str, float] = field(default_factory=dict)
    changed: int = 0
    removed: int = 0


def search_docs(pages: list[Page]):
    from .search import SearchDoc

    return [SearchDoc(url=urls.url_of(p.path), title=p.title, kind=p.kind, text=p.search_text, plan=p.plan,
                      level=p.level, years=tuple(p.years), topics=tuple(p.topics)) for p in pages if p.kind != "search"]


def search_meta(corpus: Corpus):
    from .search import SearchMeta

    return SearchMeta(levels=[(lv.key, lv.name) for lv in corpus.config.levels],
                      topics=[(t.id, t.name) for t in corpus.config.topics])


def generate(content: Path, site_config: Path, docs_dir: Path) -> Generated:
    """Everything before MkDocs. Raises ContentErrors (all problems) when the content has errors."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    result = load(content, site_config)
    if result.corpus is None:
        raise ContentErrors(result.errors + result.warnings)
    corpus = result.corpus
    t1 = time.perf_counter()
    enrichment = enrich(corpus)
    t2 = time.perf_counter()
    site = Site(corpus, enrichment, Renderer())
    pages = build_pages(site)
    t3 = time.perf_counter()
    writer = DocsWriter(docs_dir)
    for page in pages:
        writer.write(page.path, page.markdown)
        for rel_path, data in page.files.items():
            writer.write(rel_path, data)
    for rel_path, data in data_files(corpus, enrichment).items():
        writer.write(rel_path, data)
    from .search import write_search_index

    write_search_index(search_docs(pages), search_meta(corpus), docs_dir / "searchdata")
    writer.keep_tree("searchdata")
    removed = writer.remove_stale()
    config_path = write_generated_config(docs_dir, build_nav(corpus, all_years(site)))
    t4 = time.perf_counter()
    timings.update(load=t1 - t0, enrich=t2 - t1, render=t3 - t2, write=t4 - t3)
    return Generated(corpus, enrichment, pages, result.warnings, config_path, timings, writer.changed, removed)
