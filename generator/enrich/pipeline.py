"""enrich: pure functions over the corpus → topics, related measures, targets, deadlines, years, citations, plan pairs."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..corpus import Corpus, PlacedMeasure, normalize_ref
from .deadlines import Deadline, extract_deadlines, years_named
from .related import RelItem, best_match, compute_related
from .targets import Target, extract_targets
from .topics import assign_topics, is_general_measure

CITATION = re.compile(r"《([^《》]{2,120})》(?:[（(]([^（）()]{0,40}?[〔\[［(（]\d{4}[〕\]］)）][^（）()]{0,10}?号)[）)])?")
RELATED_THRESHOLD = 0.12
MAX_AUTO_UPPERS = 6  # automatic pair comparisons per plan: keeps the number of pair pages linear in the corpus
PAIR_THRESHOLD = 0.15


@dataclass(frozen=True)
class Citation:
    key: str  # normalised title: one entry of the citation index
    title: str
    doc_number: str = ""
    plan_id: str | None = None
    reference_id: str | None = None


@dataclass(frozen=True)
class PlanPair:
    upper: str
    lower: str
    matches: dict[str, tuple[str, float] | None]  # upper measure id → best lower measure
    unmatched_lower: tuple[str, ...]  # lower measures no upper measure points at: 本级特色举措
    note: str = ""


@dataclass
class Enrichment:
    topics: dict[str, list[str]] = field(default_factory=dict)
    general: set[str] = field(default_factory=set)
    related: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    targets: dict[str, list[Target]] = field(default_factory=dict)
    deadlines: dict[str, list[Deadline]] = field(default_factory=dict)
    years: dict[str, list[int]] = field(default_factory=dict)
    citations: dict[str, list[Citation]] = field(default_factory=dict)
    cited_by: dict[str, list[str]] = field(default_factory=dict)  # citation key → citing measure ids
    cited_in_plans: dict[str, list[str]] = field(default_factory=dict)  # citation key → plans citing it in notice/preamble
    citation_info: dict[str, Citation] = field(default_factory=dict)
    pairs: list[PlanPair] = field(default_factory=list)
    measures_by_topic: dict[str, list[str]] = field(default_factory=dict)
    measures_by_year: dict[int, list[str]] = field(default_factory=dict)


def measure_years(corpus: Corpus, m: PlacedMeasure) -> list[int]:
    text = CITATION.sub("", f"{m.measure.title}。{m.measure.text}")  # years in cited titles are not the measure's
    years = set(years_named(text))
    if m.annex is not None and m.annex.year:
        years.add(m.annex.year)
    period = m.plan.period
    if period and period.start == period.end:
        years.add(period.start)
    return sorted(years)


def find_citations(text: str, lookup: dict[str, tuple[str | None, str | None]]) -> list[Citation]:
    found: dict[str, Citation] = {}
    for match in CITATION.finditer(text):
        title, number = match.group(1).strip(), (match.group(2) or "").strip()
        key = normalize_ref(title)
        ids = lookup.get(key)
        if ids is None and number:
            ids = lookup.get(normalize_ref(number))
        plan_id, ref_id = ids or (None, None)
        if key not in found or (number and not found[key].doc_number):
            found[key] = Citation(key, title, number, plan_id, ref_id)
    return list(found.values())


def citation_lookup(corpus: Corpus) -> dict[str, tuple[str | None, str | None]]:
    lookup: dict[str, tuple[str | None, str | None]] = {}
    for r in corpus.config.references:
        for value in (r.title, r.doc_number, *r.aliases):
            if value:
                lookup.setdefault(normalize_ref(value), (None, r.id))
    for p in corpus.plans:
        for value in (p.title, p.doc_number):
            if value:
                lookup[normalize_ref(value)] = (p.id, None)
    return lookup


def _plan_years(plan) -> set[int]:
    if plan.period:
        return set(range(plan.period.start, plan.period.end + 1))
    return {plan.issued_year} if plan.issued_year else set()


def plan_pairs(corpus: Corpus) -> list[tuple[str, str, str]]:
    """(upper, lower, note): each plan against each higher-level plan whose period overlaps, plus configured pairs.

    Candidates come from a year index, so plans are only compared with plans that share a year.
    """
    by_year: dict[int, list] = defaultdict(list)
    for p in corpus.plans:
        for y in _plan_years(p):
            by_year[y].append(p)
    pairs: dict[tuple[str, str], str] = {}
    for lower in corpus.plans:
        cited = {r.plan_id for r in corpus.based_on.get(lower.id, []) if r.plan_id}
        candidates = {u.id: u for y in _plan_years(lower) for u in by_year[y]}
        uppers = [u for u in candidates.values() if corpus.level_order(u) < corpus.level_order(lower)]
        # the documents it cites first, then the nearest level, then the nearest date
        uppers.sort(key=lambda u: (u.id not in cited, corpus.level_order(lower) - corpus.level_order(u),
                                   abs((u.issued_year or 0) - (lower.issued_year or 0)), u.id))
        for upper in uppers[:MAX_AUTO_UPPERS]:
            pairs[(upper.id, lower.id)] = ""
    for pair in corpus.config.comparisons:
        if pair.upper in corpus.plans_by_id and pair.lower in corpus.plans_by_id:
            pairs[(pair.upper, pair.lower)] = pair.note
    order = {p.id: i for i, p in enumerate(corpus.plans)}
    return [(u, l, note) for (u, l), note in sorted(pairs.items(), key=lambda kv: (order[kv[0][1]], order[kv[0][0]]))]


def enrich(corpus: Corpus) -> Enrichment:
    result = Enrichment()
    topics = corpus.config.topics
    lookup = citation_lookup(corpus)
    items = []
    for m in corpus.measures:
        title, text = m.measure.title, m.measure.text
        result.topics[m.id] = assign_topics(title, text, topics, m.measure.topics)
        if not result.topics[m.id] and is_general_measure(title, text):
            result.general.add(m.id)
        result.targets[m.id] = extract_targets(f"{title}。{text}")
        result.deadlines[m.id] = extract_deadlines(f"{title}。{text}")
        result.years[m.id] = measure_years(corpus, m)
        result.citations[m.id] = find_citations(f"{title}。{text}", lookup)
        for c in result.citations[m.id]:
            result.cited_by.setdefault(c.key, []).append(m.id)
            result.citation_info.setdefault(c.key, c)
        for t in result.topics[m.id]:
            result.measures_by_topic.setdefault(t, []).append(m.id)
        for y in result.years[m.id]:
            result.measures_by_year.setdefault(y, []).append(m.id)
        items.append(RelItem(m.id, m.plan.id, title, text, tuple(result.topics[m.id]), corpus.level_order(m.plan)))
    for plan in corpus.plans:
        for c in find_citations(f"{plan.notice}\n{plan.preamble}", lookup):
            result.cited_in_plans.setdefault(c.key, []).append(plan.id)
            result.citation_info.setdefault(c.key, c)
    result.related = compute_related(items, threshold=RELATED_THRESHOLD)
    result.pairs = _pairs(corpus, items)
    return result


def _pairs(corpus: Corpus, items: list[RelItem]) -> list[PlanPair]:
    by_plan: dict[str, list[RelItem]] = defaultdict(list)
    for item in items:
        by_plan[item.group].append(item)
    pairs = []
    for upper, lower, note in plan_pairs(corpus):
        matches = best_match(by_plan[upper], by_plan[lower], PAIR_THRESHOLD)
        backwards = best_match(by_plan[lower], by_plan[upper], PAIR_THRESHOLD)
        unmatched = tuple(i.id for i in by_plan[lower] if backwards.get(i.id) is None)
        pairs.append(PlanPair(upper, lower, matches, unmatched, note))
    return pairs
