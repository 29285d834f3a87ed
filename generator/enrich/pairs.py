"""Which plans are compared with which, from the implementation graph only, and the best match of each measure.

A pair exists for
* ``implements``: a plan and a collected plan it implements — directly (its ``based_on``) or
  further up the chain through collected plans (town → county → city → province);
* ``configured``: a pair listed in site_config/comparisons.yaml;
* ``same-basis``: two plans of different tiers that implement the same document; they are not
  upper and lower, and the pages say so (同一依据文件的落实对照).
Never from tier and years alone; never with a plan that has no measures; a document issued
after the lower plan is never its basis. Each plan gets at most ``max_uppers`` pairs as the
lower side, so the number of pair pages stays linear in the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.config import PortalConfig
from generator.enrich.alignment import Row, align
from generator.enrich.vectors import Passages, RelItem, passage_counts
from generator.load.corpus import Corpus
from generator.load.model import Plan
from generator.text.tokenize import Tokenizer

IMPLEMENTS, CONFIGURED, SAME_BASIS = "implements", "configured", "same-basis"


@dataclass(frozen=True)
class PlanPair:
    upper: str
    lower: str
    rows: tuple[Row, ...]  # the one-to-one alignment (see enrich.alignment)
    note: str = ""
    relation: str = IMPLEMENTS
    via: tuple[str, ...] = ()  # collected plans between upper and lower in the chain

    @property
    def compared(self) -> list[Row]:
        """Rows of measures compared item by item (framing measures set aside)."""
        return [r for r in self.rows if not r.framing]

    @property
    def upper_total(self) -> int:
        return sum(1 for r in self.compared if r.upper)

    @property
    def matched(self) -> int:
        return sum(1 for r in self.compared if r.upper and r.lower)

    @property
    def lower_own(self) -> int:
        """Lower measures aligned with no upper measure: 本级特色举措 (or, for other relations, 另有的举措)."""
        return sum(1 for r in self.compared if r.lower and not r.upper)


def issued_after(upper: Plan, lower: Plan) -> bool:
    """Whether ``upper`` was issued after ``lower``, at the precision both dates have (2018 vs 2018-10-29)."""
    if not (upper.issued and lower.issued):
        return False
    size = min(len(upper.issued), len(lower.issued))
    return upper.issued[:size] > lower.issued[:size]


def _can_pair(corpus: Corpus, upper: str, lower: str, relation: str) -> bool:
    """Both plans have measures; an upper plan is of a higher tier, its region contains the lower one's,
    and it was not issued after it."""
    if upper == lower or not corpus.by_plan[upper] or not corpus.by_plan[lower]:
        return False
    if relation != IMPLEMENTS:
        return True
    return corpus.is_above(upper, lower) and not issued_after(corpus.plan(upper), corpus.plan(lower))


def implemented_plans(corpus: Corpus, plan_id: str) -> list[tuple[str, tuple[str, ...]]]:
    """(ancestor plan id, the plans in between): breadth first up the chain, nearest first."""
    found: list[tuple[str, tuple[str, ...]]] = []
    seen = {plan_id}
    frontier = [(plan_id, ())]
    while frontier:
        nxt = []
        for current, via in frontier:
            for ref in corpus.based_on.get(current, []):
                if ref.plan_id and ref.plan_id not in seen:
                    seen.add(ref.plan_id)
                    found.append((ref.plan_id, via))
                    nxt.append((ref.plan_id, via + (ref.plan_id,)))
        frontier = nxt
    return found


def implementers(corpus: Corpus) -> dict[str, list[str]]:
    """Document (a plan id or a reference id) → the plans that say they implement it, in corpus order."""
    found: dict[str, list[str]] = defaultdict(list)
    for plan in corpus.plans:
        for ref in corpus.based_on.get(plan.id, []):
            key = ref.plan_id or ref.reference_id
            if key and plan.id not in found[key]:
                found[key].append(plan.id)
    return dict(found)


def _same_basis(corpus: Corpus, lower: str, by_document: dict[str, list[str]]) -> list[str]:
    """Plans of a higher tier that implement a document this plan implements (nearest tier first)."""
    order = corpus.level_order(corpus.plan(lower))
    partners = []
    for ref in corpus.based_on.get(lower, []):
        key = ref.plan_id or ref.reference_id
        for other in by_document.get(key, []) if key else []:
            if corpus.level_order(corpus.plan(other)) < order and other not in partners:
                partners.append(other)
    return sorted(partners, key=lambda p: (order - corpus.level_order(corpus.plan(p)), p))


def plan_pairs(corpus: Corpus, max_uppers: int) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    """(upper, lower, relation, note, via) for every pair to compare, lower plans in corpus order."""
    pairs: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {}
    by_document = implementers(corpus)
    for lower in corpus.plans:
        chosen = [(u, (IMPLEMENTS, "", via)) for u, via in implemented_plans(corpus, lower.id)]
        chosen += [(u, (SAME_BASIS, "", ())) for u in _same_basis(corpus, lower.id, by_document)]
        kept = 0
        for upper, value in chosen:
            if kept < max_uppers and (upper, lower.id) not in pairs and _can_pair(corpus, upper, lower.id, value[0]):
                pairs[(upper, lower.id)] = value
                kept += 1
    for pair in corpus.config.comparisons:
        if pair.upper in corpus.plans_by_id and pair.lower in corpus.plans_by_id and _can_pair(corpus, pair.upper, pair.lower, CONFIGURED):
            pairs[(pair.upper, pair.lower)] = (CONFIGURED, pair.note, ())
    order = {p.id: i for i, p in enumerate(corpus.plans)}
    ranked = sorted(pairs.items(), key=lambda kv: (order[kv[0][1]], order[kv[0][0]]))
    return [(u, low, relation, note, via) for (u, low), (relation, note, via) in ranked]


def compare_pairs(corpus: Corpus, items: list[RelItem], config: PortalConfig, tokenizer: Tokenizer,
                  counts: Passages | None = None) -> list[PlanPair]:
    """Every plan pair with its alignment (``counts``: the ``passage_counts`` of ``items``, if already made)."""
    by_plan: dict[str, list[RelItem]] = defaultdict(list)
    for item in items:
        by_plan[item.group].append(item)
    pairs = []
    chosen = plan_pairs(corpus, config.max_auto_uppers)
    index = None  # the passages of every measure read once, not once per pair
    if chosen:
        index = (passage_counts(items) if counts is None else counts, {item.id: i for i, item in enumerate(items)})
    for upper, lower, relation, note, via in chosen:
        rows = align(by_plan[upper], by_plan[lower], config.pair_threshold, tokenizer, index)
        pairs.append(PlanPair(upper, lower, tuple(rows), note, relation, via))
    return pairs
