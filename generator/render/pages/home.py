"""The home page: what the portal holds, plans by level, year themes at a glance, ways in."""

from __future__ import annotations

from generator.render import urls
from generator.render.context import Site, issued_label
from generator.render.pages.compare import THEME_COLUMNS
from generator.render.environment import Page


def pages(site: Site) -> list[Page]:
    path = urls.HOME
    corpus = site.corpus
    tree = [{"level": lv, "plans": [p for p in corpus.plans if p.tier == lv.key]} for lv in corpus.config.levels]
    themed = [p for p in corpus.plans if p.year_themes]
    theme_years = sorted({t.year for p in themed for t in p.year_themes})
    markdown = site.render("home.md.j2", path, tree=tree, themed=themed, theme_years=theme_years, years=site.enrichment.all_years,
                           plan_count=len(corpus.plans), measure_count=len(corpus.measures), issued_label=issued_label,
                           topics=corpus.config.topics, counts={p.id: len(corpus.by_plan[p.id]) for p in corpus.plans},
                           pair_count=len(site.enrichment.pairs), themes_inline=len(themed) <= THEME_COLUMNS)
    return [Page(path, "首页", markdown, kind="page", search_text="规划参考门户 首页")]
