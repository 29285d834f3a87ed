"""load → enrich → render → write: the generated docs directory, engine-agnostic Markdown plus data files.

``generate`` is everything before MkDocs; ``publish.mkdocs_run.publish`` then builds the
site into a temporary folder and swaps it in.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.config import PortalConfig
from generator.enrich.enrichment import Enrichment, enrich
from generator.load.corpus import Corpus
from generator.load.loader import load
from generator.problems import ContentError, ContentErrors
from generator.publish.output import write_docs
from generator.render.context import Site
from generator.render.environment import Page, Renderer
from generator.render.nav import build_nav
from generator.render.pages import build_pages


@dataclass
class Generated:
    corpus: Corpus
    enrichment: Enrichment
    pages: list[Page]
    warnings: list[ContentError]
    changed: int = 0
    removed: int = 0


def generate(config: PortalConfig) -> Generated:
    """Raises ContentErrors (every problem) when the content has errors; writes nothing then."""
    result = load(config)
    if result.corpus is None:
        raise ContentErrors(result.errors + result.warnings)
    corpus = result.corpus
    enrichment = enrich(corpus, config)
    site = Site(corpus, enrichment, Renderer(config.templates))
    pages = build_pages(site)
    nav = build_nav(corpus, enrichment.all_years, config.nav_plan_limit)
    writer = write_docs(config, corpus, enrichment, pages, nav)
    return Generated(corpus, enrichment, pages, result.warnings, writer.changed, writer.removed)
