"""Checks of a loaded plan that the model cannot make alone: its level, measure numbers, topics, and links across files.

Codes: ``plan.unknown_level``, ``plan.duplicate_number``, ``plan.unknown_topic``, ``plan.see_also_*`` and the
warning ``plan.based_on_unresolved``.
"""

from __future__ import annotations

from generator.load.corpus import Corpus, place_measures
from generator.load.model import Plan
from generator.load.site_config import SiteConfig
from generator.load.source import YamlDocument
from generator.messages import join, phrase
from generator.problems import ContentError, error, warning


def check_plan(plan: Plan, doc: YamlDocument, config: SiteConfig) -> list[ContentError]:
    problems = []
    if config.level(plan.level) is None:
        line, column = doc.where(("level",))
        choices = join(phrase("level_choice", key=lv.key, name=lv.name) for lv in config.levels)
        problems.append(error("plan.unknown_level", doc.path, line, column, value=plan.level, choices=choices))
    seen: dict[str, tuple] = {}
    placed_measures = place_measures(plan)
    for placed in placed_measures:
        line, column = doc.where(placed.loc + ("number",))
        if placed.key in seen:
            first_line = doc.where(seen[placed.key] + ("number",))[0]
            scope = phrase("scope.annex" if placed.annex_index is not None else "scope.body")
            problems.append(error("plan.duplicate_number", doc.path, line, column, number=placed.measure.number,
                                  scope=scope, first_line=first_line))
        seen.setdefault(placed.key, placed.loc)
    topic_ids = {t.id for t in config.topics}
    for placed in placed_measures:
        for i, topic in enumerate(placed.measure.topics):
            if topic not in topic_ids:
                line, column = doc.where(placed.loc + ("topics", i))
                problems.append(error("plan.unknown_topic", doc.path, line, column, topic=topic))
    return problems


def check_links(corpus: Corpus, docs: dict[str, YamlDocument]) -> list[ContentError]:
    problems = []
    for plan in corpus.plans:
        doc = docs[plan.id]
        for i, resolved in enumerate(corpus.based_on[plan.id]):
            if not resolved.resolved:
                line, column = doc.where(("based_on", i))
                what = resolved.ref.doc_number or phrase("book_title", title=resolved.ref.title)
                problems.append(warning("plan.based_on_unresolved", doc.path, line, column, what=what))
        for placed in corpus.by_plan[plan.id]:
            for j, link in enumerate(placed.measure.see_also):
                problems += _check_see_also(corpus, doc, placed.loc + ("see_also", j), link)
    return problems


def _check_see_also(corpus: Corpus, doc: YamlDocument, loc: tuple, link) -> list[ContentError]:
    if link.plan not in corpus.plans_by_id:
        line, column = doc.where(loc + ("plan",))
        return [error("plan.see_also_plan", doc.path, line, column, plan=link.plan)]
    if link.measure and f"{link.plan}/{link.measure}" not in corpus.by_id:
        line, column = doc.where(loc + ("measure",))
        keys = join(m.key for m in corpus.by_plan[link.plan][:8])
        return [error("plan.see_also_measure", doc.path, line, column, plan=link.plan, measure=link.measure, keys=keys)]
    return []
