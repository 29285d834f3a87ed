"""load → enrich → render → write: the generated docs directory, engine-agnostic Markdown plus data files.

``generate`` is everything before MkDocs; ``publish.mkdocs_run.publish`` then builds the
site into a temporary folder and swaps it in.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from generator.config import PortalConfig
from generator.enrich.enrichment import Enrichment, enrich
from generator.load.corpus import Corpus
from generator.load.loader import load
from generator.memo import Memo, code_salt
from generator.problems import ContentError, ContentErrors
from generator.progress import Progress
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


def open_memo(config: PortalConfig) -> Memo:
    settings = {f.name: getattr(config, f.name) for f in dataclasses.fields(config)}
    return Memo(config.memo_file, code_salt(config.repository, config.site_config, settings))


def generate(config: PortalConfig, progress: Progress | None = None) -> Generated:
    """Raises ContentErrors (every problem) when the content has errors; writes nothing then."""
    progress = progress or Progress(quiet=True)
    memo = open_memo(config)
    with progress.stage("load") as stage:
        result = load(config, memo)
        if result.corpus is None:
            raise ContentErrors(result.errors + result.warnings)
        corpus = result.corpus
        stage.done = f"{len(corpus.plans)} 个方案，{len(corpus.measures)} 条举措"
    with progress.stage("enrich") as stage:
        enrichment = enrich(corpus, config, memo)
        stage.done = "相关举措、专题、对照、指标与时间节点"
    with progress.stage("render") as stage:
        pages = build_pages(Site(corpus, enrichment, Renderer(config.templates), memo))
        nav = build_nav(corpus, enrichment.all_years, config.nav_plan_limit)
        stage.done = f"{len(pages)} 个页面"
    with progress.stage("write") as stage:
        writer = write_docs(config, corpus, enrichment, pages, nav, memo)
        stage.done = f"{writer.changed} 个文件有改动，{writer.removed} 个过时文件已删除"
    memo.save()
    progress.counts.update(reused=memo.hits, remade=memo.misses)
    return Generated(corpus, enrichment, pages, result.warnings, writer.changed, writer.removed)
