"""Tier pages: the plans of each tier, with their body kinds and regions."""

from __future__ import annotations

from collections import Counter

from generator.render import urls
from generator.render.context import Site, issued_label
from generator.render.environment import Page


def level_page(site: Site, level) -> Page:
    path = urls.level(level.key)
    plans = [p for p in site.corpus.plans if p.tier == level.key]
    counted = Counter(p.body_kind for p in plans if p.body_kind)
    kinds = [{"name": k.name, "count": counted[k.name]} for k in site.corpus.config.body_kinds if counted[k.name]]
    markdown = site.render("level.md.j2", path, level=level, plans=plans, issued_label=issued_label, kinds=kinds,
                           counts={p.id: len(site.corpus.by_plan[p.id]) for p in plans})
    return Page(path, level.name, markdown, kind="level", search_text=f"{level.name} {level.description}", level=level.key)


def level_index(site: Site) -> Page:
    path = urls.LEVELS
    counts = {lv.key: sum(1 for p in site.corpus.plans if p.tier == lv.key) for lv in site.corpus.config.levels}
    markdown = site.render("levels.md.j2", path, levels=site.corpus.config.levels, counts=counts)
    return Page(path, "层级", markdown, kind="page", search_text="层级")


def pages(site: Site) -> list[Page]:
    return [level_index(site)] + [level_page(site, lv) for lv in site.corpus.config.levels]
