"""Checks of a loaded plan that the model cannot make alone: its tier and body kind, measure numbers, topics,
and links across files.

Codes: ``plan.tier_missing``, ``plan.unknown_tier``, ``plan.unknown_body_kind``, ``plan.duplicate_number``, ``plan.unknown_topic``, ``plan.see_also_*``,
``plan.sections_too_deep``, and the warnings ``plan.based_on_unresolved`` and ``config.comparison_*``.
"""

from __future__ import annotations

import difflib
import re

from generator.load.corpus import Corpus, place_measures
from generator.load.model import Plan, Section
from generator.load.site_config import SiteConfig
from generator.load.source import YamlDocument
from generator.messages import field_label, join, phrase
from generator.problems import ContentError, error, warning


def check_plan(plan: Plan, doc: YamlDocument, config: SiteConfig) -> list[ContentError]:
    problems = _check_title(plan, doc) + _check_tier(plan, doc, config)
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
    if not placed_measures:
        problems.append(warning("plan.no_measures", doc.path, *doc.where(("sections",))))
    problems += _field_names_in_notes(plan, doc)
    topic_ids = {t.id for t in config.topics}
    for placed in placed_measures:
        for i, topic in enumerate(placed.measure.topics):
            if topic not in topic_ids:
                line, column = doc.where(placed.loc + ("topics", i))
                problems.append(error("plan.unknown_topic", doc.path, line, column, topic=topic))
    return problems


def _field_names_in_notes(plan: Plan, doc: YamlDocument) -> list[ContentError]:
    """The editor's note is shown to readers: it names fields in Chinese (发文机关, not issuer)."""
    names = [n for n in Plan.model_fields if len(n) > 3 and re.search(rf"(?<![A-Za-z_]){n}(?![A-Za-z_])", plan.notes)]
    if not names:
        return []
    line, column = doc.where(("notes",))
    return [warning("plan.notes_field_name", doc.path, line, column, names=join(names),
                    labels=join(field_label(n) for n in names))]


def _check_title(plan: Plan, doc: YamlDocument) -> list[ContentError]:
    """A title as the document writes it; 未注明 (a document without one) needs a short title to show."""
    if not plan.title.strip():
        return [error("plan.title_missing", doc.path, *doc.where(("title",)))]
    if plan.title_unstated and not plan.short_title.strip():
        return [error("plan.short_title_needed", doc.path, *doc.where(("title",)))]
    return []


def _check_tier(plan: Plan, doc: YamlDocument, config: SiteConfig) -> list[ContentError]:
    """tier must name a tier of levels.yaml; body_kind, when given, a kind of body_kinds.yaml."""
    problems = []
    tiers = join(lv.name for lv in config.levels)
    if config.level(plan.tier) is None:
        line, column = doc.where(("tier",))
        code = "plan.tier_missing" if not plan.tier.strip() else "plan.unknown_tier"
        problems.append(error(code, doc.path, line, column, value=plan.tier, choices=tiers))
    if plan.body_kind and config.body_kind(plan.body_kind) is None:
        line, column = doc.where(("body_kind",))
        problems.append(error("plan.unknown_body_kind", doc.path, line, column, value=plan.body_kind,
                              choices=join(k.name for k in config.body_kinds)))
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


def _too_deep(sections: list[Section], loc: tuple, depth: int, limit: int) -> tuple | None:
    """The location of the first section nested deeper than ``limit``, and its depth."""
    for j, section in enumerate(sections):
        here = loc + ("sections", j)
        if depth > limit:
            return here, depth
        found = _too_deep(section.sections, here, depth + 1, limit)
        if found:
            return found
    return None


def check_depth(plan: Plan, doc: YamlDocument, limit: int) -> list[ContentError]:
    """Sections in sections, at most ``limit`` levels (of the body, and of each annex)."""
    trees = [(plan.sections, ())] + [(annex.sections, ("annexes", a)) for a, annex in enumerate(plan.annexes)]
    for sections, loc in trees:
        found = _too_deep(sections, loc, 1, limit)
        if found:
            line, column = doc.where(found[0])
            return [error("plan.sections_too_deep", doc.path, line, column, depth=found[1], limit=limit)]
    return []


def _unknown_plan(corpus: Corpus, name: str, other: str) -> str | None:
    """The suggestion for a plan id of comparisons.yaml that names no plan ("" for none), or None: say nothing.

    Said only when the pair's other plan exists or the id is close to one (a typo, a renamed plan):
    a content folder with other plans altogether (a test corpus, a part of the portal) is not told
    about every pair of the full portal.
    """
    guess = difflib.get_close_matches(name, list(corpus.plans_by_id), n=1, cutoff=0.8)
    if guess:
        return phrase("did_you_mean", guess=guess[0])
    return "" if other in corpus.plans_by_id else None


def check_comparisons(corpus: Corpus) -> list[ContentError]:
    """Warnings for the pairs of site_config/comparisons.yaml that name a plan not in the corpus, or one plan twice."""
    doc = corpus.config.documents.get("comparisons.yaml")
    path = doc.path if doc else corpus.config.root / "comparisons.yaml"
    problems = []
    for i, pair in enumerate(corpus.config.comparisons):
        where = doc.where((i, "lower")) if doc else (1, 1)
        for side, other in (("upper", pair.lower), ("lower", pair.upper)):
            name = getattr(pair, side)
            suggestion = None if name in corpus.plans_by_id else _unknown_plan(corpus, name, other)
            if suggestion is not None:
                line, column = doc.where((i, side)) if doc else (1, 1)
                problems.append(warning("config.comparison_unknown_plan", path, line, column, plan=name, suggestion=suggestion))
        if pair.upper == pair.lower and pair.upper in corpus.plans_by_id:
            problems.append(warning("config.comparison_same_plan", path, *where, plan=pair.lower))
    return problems
