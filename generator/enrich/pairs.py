"""Plan pairs to compare (upper ↔ lower), and the best match of each upper measure in the lower plan."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.config import PortalConfig
from generator.enrich.related import RelItem, best_match
from generator.enrich.years import plan_years
from generator.load.corpus import Corpus
from generator.text.tokenize import Tokenizer


@dataclass(frozen=True)
class PlanPair:
    upper: str
    lower: str
    matches: dict[str, tuple[str, float] | None]  # upper measure id → best lower measure
    unmatched_lower: tuple[str, ...]  # lower measures no upper measure points at: 本级特色举措
    note: str = ""


def plan_pairs(corpus: Corpus, max_uppers: int) -> list[tuple[str, str, str]]:
    """(upper, lower, note): each plan against each higher-level plan whose period overlaps, plus configured pairs.

    Candidates come from a year index, so plans are only compared with plans that share a year;
    each plan gets at most ``max_uppers`` automatic uppers.
    """
    by_year: dict[int, list] = defaultdict(list)
    for p in corpus.plans:
        for y in plan_years(p):
            by_year[y].append(p)
    pairs: dict[tuple[str, str], str] = {}
    for lower in corpus.plans:
        cited = {r.plan_id for r in corpus.based_on.get(lower.id, []) if r.plan_id}
        candidates = {u.id: u for y in plan_years(lower) for u in by_year[y]}
        uppers = [u for u in candidates.values() if corpus.level_order(u) < corpus.level_order(lower)]
        # the documents it cites first, then the nearest level, then the nearest date
        uppers.sort(key=lambda u: (u.id not in cited, corpus.level_order(lower) - corpus.level_order(u),
                                   abs((u.issued_year or 0) - (lower.issued_year or 0)), u.id))
        for upper in uppers[:max_uppers]:
            pairs[(upper.id, lower.id)] = ""
    for pair in corpus.config.comparisons:
        if pair.upper in corpus.plans_by_id and pair.lower in corpus.plans_by_id:
            pairs[(pair.upper, pair.lower)] = pair.note
    order = {p.id: i for i, p in enumerate(corpus.plans)}
    return [(u, l, note) for (u, l), note in sorted(pairs.items(), key=lambda kv: (order[kv[0][1]], order[kv[0][0]]))]


def compare_pairs(corpus: Corpus, items: list[RelItem], config: PortalConfig, tokenizer: Tokenizer) -> list[PlanPair]:
    by_plan: dict[str, list[RelItem]] = defaultdict(list)
    for item in items:
        by_plan[item.group].append(item)
    pairs = []
    threshold = config.pair_threshold
    for upper, lower, note in plan_pairs(corpus, config.max_auto_uppers):
        matches = best_match(by_plan[upper], by_plan[lower], threshold, tokenizer=tokenizer)
        backwards = best_match(by_plan[lower], by_plan[upper], threshold, tokenizer=tokenizer)
        unmatched = tuple(i.id for i in by_plan[lower] if backwards.get(i.id) is None)
        pairs.append(PlanPair(upper, lower, matches, unmatched, note))
    return pairs
