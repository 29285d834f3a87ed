"""Checks of the implementation graph: regions that cannot be placed, citations the text makes but
``based_on`` lacks, and a ``based_on`` plan that cannot be a superior.

All are warnings (the site still builds): ``config.divisions_missing``, ``plan.region_unknown``, ``plan.region_ambiguous``,
``plan.region_missing``, ``plan.citation_not_in_based_on`` and ``plan.based_on_not_above``.
"""

from __future__ import annotations

from generator.load.corpus import Corpus
from generator.load.model import Plan
from generator.load.regions import NATION, display, divisions_available
from generator.load.source import YamlDocument
from generator.messages import field_label, phrase
from generator.problems import ContentError, warning
from generator.text.citations import find_citations
from generator.text.fold import ref_key

CITING_FIELDS = ("notice", "preamble")


def check_regions(corpus: Corpus, docs: dict[str, YamlDocument]) -> list[ContentError]:
    if not divisions_available():
        first = next((p for p in corpus.plans if p.region.strip() and p.region.strip() != NATION), None)
        if first is None:
            return []
        line, column = docs[first.id].where(("region",))
        return [warning("config.divisions_missing", docs[first.id].path, line, column)]
    problems = []
    for plan in corpus.plans:
        doc, match = docs[plan.id], corpus.regions[plan.id]
        if match.found:
            continue
        line, column = doc.where(("region",))
        if plan.region.strip() and match.candidates:
            candidates = [display(tuple(c.split("-"))) for c in match.candidates]
            example = "".join(match.candidates[0].split("-")[1:]) or match.candidates[0]
            problems.append(warning("plan.region_ambiguous", doc.path, line, column, value=plan.region,
                                    candidates="；".join(candidates), example=example))
        elif plan.region.strip():
            note = match.note or phrase("region_unplaced")
            problems.append(warning("plan.region_unknown", doc.path, line, column, value=plan.region, note=note))
        elif _containment_matters(corpus, plan):
            problems.append(warning("plan.region_missing", doc.path, line, column))
    return problems


def _containment_matters(corpus: Corpus, plan: Plan) -> bool:
    """Whether the plan implements a collected plan below the top tier, whose region it should lie in."""
    top = corpus.config.levels[0].key if corpus.config.levels else None
    uppers = (corpus.plan(r.plan_id) for r in corpus.based_on[plan.id] if r.plan_id)
    return any(u.tier != top for u in uppers)


def _based_on_keys(corpus: Corpus, plan: Plan) -> set[str]:
    keys = {ref_key(v) for r in plan.based_on for v in (r.doc_number, r.title) if v}
    for resolved in corpus.based_on[plan.id]:  # the cited document's other spellings count too
        target = corpus.plans_by_id.get(resolved.plan_id or "")
        if target is not None:
            keys |= {ref_key(v) for v in (target.doc_number, target.title) if v}
    return keys


def check_citations(corpus: Corpus, docs: dict[str, YamlDocument]) -> list[ContentError]:
    """A 文号 the notice or preamble cites (根据《…》（文号）) must be in based_on; a based_on plan must be above."""
    problems = []
    for plan in corpus.plans:
        doc, listed = docs[plan.id], _based_on_keys(corpus, plan)
        own = {ref_key(v) for v in (plan.doc_number, plan.title) if v}
        for name in CITING_FIELDS:
            for citation in find_citations(getattr(plan, name)):
                key = ref_key(citation.doc_number) if citation.doc_number else ""
                if not key or key in listed or key in own or ref_key(citation.title) in listed:
                    continue
                listed.add(key)
                line, column = doc.where((name,))
                what = citation.doc_number + (phrase("book_title", title=citation.title) if citation.title else "")
                problems.append(warning("plan.citation_not_in_based_on", doc.path, line, column, field=field_label(name),
                                        what=what, doc_number=citation.doc_number, title=citation.title))
        problems += _not_above(corpus, plan, doc)
    return problems


def _not_above(corpus: Corpus, plan: Plan, doc: YamlDocument) -> list[ContentError]:
    problems = []
    for i, resolved in enumerate(corpus.based_on[plan.id]):
        if not resolved.plan_id or corpus.is_above(resolved.plan_id, plan.id):
            continue
        upper = corpus.plan(resolved.plan_id)
        line, column = doc.where(("based_on", i))
        problems.append(warning(
            "plan.based_on_not_above", doc.path, line, column, title=upper.title,
            upper_tier=corpus.level_name(upper.tier), upper_region=_region(corpus, upper),
            lower_tier=corpus.level_name(plan.tier), lower_region=_region(corpus, plan)))
    return problems


def _region(corpus: Corpus, plan: Plan) -> str:
    return display(corpus.region_path(plan.id)) or plan.region or phrase("region_unplaced")
