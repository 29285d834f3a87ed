"""enrich: pure functions over the corpus → topics, related measures, targets, deadlines, years, citations, plan pairs.

Everything a page family needs about more than one page is computed here, once, before
anything is rendered (Pelican's two phases): page modules only read an ``Enrichment``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.config import PortalConfig
from generator.enrich.citations import Citation, document_key, find_citations
from generator.enrich.deadlines import Deadline, extract_deadlines
from generator.enrich.parallel import both, worth_it
from generator.enrich.pairs import PlanPair, compare_pairs, implementers
from generator.enrich.related import RelItem, compute_related
from generator.enrich.strength import strength
from generator.enrich.targets import Target, extract_targets
from generator.enrich.topics import is_general_measure, topic_evidence
from generator.enrich.vectors import passage_counts
from generator.enrich.vocabulary import vocabulary
from generator.enrich.years import measure_years, portal_years
from generator.load.corpus import Corpus, PlacedMeasure
from generator.memo import Memo, no_memo
from generator.text.tokenize import Tokenizer, read_dictionary, tokenizer_for


@dataclass
class Enrichment:
    topics: dict[str, list[str]] = field(default_factory=dict)
    topic_clauses: dict[str, dict[str, tuple[tuple[int, int], ...]]] = field(default_factory=dict)  # measure → topic → spans of its text
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
    all_years: list[int] = field(default_factory=list)  # every year that gets a page
    implementers: dict[str, list[str]] = field(default_factory=dict)  # plan or reference id → plans implementing it
    pairs_by_plan: dict[str, list[PlanPair]] = field(default_factory=dict)  # plan id → the pairs it is in
    vocabulary: list[str] = field(default_factory=list)  # the corpus's words, for the search fallback
    bands: tuple[float, float] = (0.70, 0.42)  # PortalConfig.strength_high, strength_partial

    def strength(self, score: float) -> str:
        """高度对应 / 部分对应 / 弱对应 for a similarity (see ``enrich.strength``)."""
        return strength(score, *self.bands)


def enrich(corpus: Corpus, config: PortalConfig, memo: Memo | None = None) -> Enrichment:
    result = Enrichment(bands=(config.strength_high, config.strength_partial))
    tokenizer = tokenizer_for(config)
    memo = memo or no_memo()
    items = [_enrich_measure(corpus, m, result, tokenizer, memo) for m in corpus.measures]
    for plan in corpus.plans:
        _plan_citations(corpus, plan, result)
    counts = passage_counts(items)  # the passages of every measure, for related measures and the plan pairs
    result.related, result.pairs = both(
        lambda: compute_related(items, threshold=config.related_threshold, top_k=config.related_top_k,
                                tokenizer=tokenizer, counts=counts),
        lambda: compare_pairs(corpus, items, config, tokenizer, counts),
        worth_it(len(items), config.enrich_parallel))
    words = [w for w, _, _ in read_dictionary(config.dictionary)] if config.dictionary.is_file() else []
    result.vocabulary = vocabulary(items, tokenizer, corpus.config.topics, words)
    for pair in result.pairs:
        result.pairs_by_plan.setdefault(pair.upper, []).append(pair)
        result.pairs_by_plan.setdefault(pair.lower, []).append(pair)
    result.implementers = implementers(corpus)
    result.all_years = portal_years(corpus, result.measures_by_year)
    return result


def _plan_citations(corpus: Corpus, plan, result: Enrichment) -> None:
    """The documents a plan cites in its notice and preamble, and those it lists as its basis: one entry each."""
    cited = find_citations(f"{plan.notice}\n{plan.preamble}", corpus.resolver)
    for r in corpus.based_on[plan.id]:
        key = document_key(r.plan_id, r.reference_id, r.ref.doc_number, r.ref.title)
        cited.append(Citation(key, r.ref.title or r.ref.doc_number, r.ref.doc_number, r.plan_id, r.reference_id))
    for c in cited:
        if plan.id not in result.cited_in_plans.setdefault(c.key, []):
            result.cited_in_plans[c.key].append(plan.id)
        known = result.citation_info.get(c.key)
        if known is None or (c.doc_number and not known.doc_number):
            result.citation_info[c.key] = c


def _text_features(title: str, text: str, topics, curated, tokenizer: Tokenizer) -> tuple:
    """What a measure's own words give: its topic evidence, targets and deadlines, and whether it is general."""
    evidence = topic_evidence(title, text, topics, curated)
    whole = f"{title}。{text}"
    general = not evidence and is_general_measure(title, text)
    return evidence, extract_targets(whole, tokenizer), extract_deadlines(whole), general


def _enrich_measure(corpus: Corpus, m: PlacedMeasure, result: Enrichment, tokenizer: Tokenizer, memo: Memo) -> RelItem:
    title, text = m.measure.title, m.measure.text
    topics = corpus.config.topics  # the site configuration: part of the memory's salt
    evidence, targets, deadlines, general = memo.get(
        "measure-text", memo.key(title, text, m.measure.topics),
        lambda: _text_features(title, text, topics, m.measure.topics, tokenizer))
    result.topics[m.id] = [e.topic for e in evidence]
    result.topic_clauses[m.id] = {e.topic: e.clauses for e in evidence if e.clauses}
    if general:
        result.general.add(m.id)
    whole = f"{title}。{text}"
    result.targets[m.id] = targets
    result.deadlines[m.id] = deadlines
    result.years[m.id] = measure_years(m)
    result.citations[m.id] = find_citations(whole, corpus.resolver)
    for c in result.citations[m.id]:
        result.cited_by.setdefault(c.key, []).append(m.id)
        result.citation_info.setdefault(c.key, c)
    for t in result.topics[m.id]:
        result.measures_by_topic.setdefault(t, []).append(m.id)
    for y in result.years[m.id]:
        result.measures_by_year.setdefault(y, []).append(m.id)
    return RelItem(m.id, m.plan.id, title, text, tuple(result.topics[m.id]))
