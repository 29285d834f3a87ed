"""The whole corpus: every plan with its measures in place, and what plans say they implement.

``walk`` is the one walker of a plan's tree: its blocks (a section, or the body of an
annex) in reading order, each with its anchor, trail and place in the YAML. Placing
measures (their URL keys), anchors of sections and the plan's full text all follow it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Iterator

from generator.load.model import Annex, Measure, Plan, Section
from generator.load.references import ResolvedRef, Resolver
from generator.load.regions import NATION, RegionMatch, Regions, contains
from generator.load.site_config import SiteConfig


@dataclass(frozen=True)
class Block:
    """A section, or the body of an annex (``section`` None), with the measures directly under it."""

    section: Section | None
    annex_index: int | None
    trail: tuple[Section, ...]  # the sections above the measures, this one included
    measures: tuple[Measure, ...]
    loc: tuple  # location inside the plan's YAML
    anchor: str  # s-1-2, a1-s-1; "" for the body of an annex


def walk(plan: Plan) -> Iterator[Block]:
    """Every block of a plan in reading order: sections depth-first, then each annex's body and sections."""
    yield from _walk_sections(plan.sections, (), None, (), "s")
    for a, annex in enumerate(plan.annexes):
        yield Block(None, a, (), tuple(annex.measures), ("annexes", a), "")
        yield from _walk_sections(annex.sections, (), a, ("annexes", a), f"a{a + 1}-s")


def _walk_sections(sections, trail: tuple, annex: int | None, loc: tuple, prefix: str) -> Iterator[Block]:
    for j, s in enumerate(sections):
        here, anchor = loc + ("sections", j), f"{prefix}-{j + 1}"
        yield Block(s, annex, trail + (s,), tuple(s.measures), here, anchor)
        yield from _walk_sections(s.sections, trail + (s,), annex, here, anchor)


@dataclass(frozen=True)
class PlacedMeasure:
    """A measure with its place in the plan: key for its URL, the sections above it, reading order."""

    plan: Plan
    measure: Measure
    key: str
    annex_index: int | None
    trail: tuple[Section, ...]
    ordinal: int
    loc: tuple  # location inside the plan's YAML, for messages

    @property
    def id(self) -> str:
        return f"{self.plan.id}/{self.key}"

    @property
    def annex(self) -> Annex | None:
        return None if self.annex_index is None else self.plan.annexes[self.annex_index]

    @property
    def numbered_title(self) -> str:
        return self.measure.numbered_title

    @property
    def label(self) -> str:
        prefix = "附件 " if self.annex_index is not None else ""
        return f"{prefix}{self.numbered_title}"

    @property
    def position(self) -> str:
        """How a quotation names the measure: 第 12 条 (附件第 3 条), never a number the document lacks."""
        if not self.measure.number:
            return "（原文未编号）"
        return f"{'附件' if self.annex_index is not None else ''}第 {self.measure.number} 条"


MAX_KEY_DIGITS = 6  # a measure numbered with more digits than this gets a positional key


def measure_key(number: str, ordinal: int) -> str:
    """The URL key of a measure: its number when that is a plain number (1, １２, "3."), else ``n<ordinal>``.

    Only ASCII digits after NFKC count (``str.isdigit`` also accepts ፩ and ², which ``int`` refuses or
    reads differently), and only up to ``MAX_KEY_DIGITS`` of them (a 5,000-digit number would hit
    Python's limit on converting long digit strings).
    """
    digits = unicodedata.normalize("NFKC", number).strip().rstrip(".、")
    plain = digits.isascii() and digits.isdigit() and len(digits) <= MAX_KEY_DIGITS
    return str(int(digits)) if plain else f"n{ordinal + 1}"


def place_measures(plan: Plan) -> list[PlacedMeasure]:
    placed: list[PlacedMeasure] = []
    for block in walk(plan):
        for i, m in enumerate(block.measures):
            key = measure_key(m.number, len(placed))
            key = key if block.annex_index is None else f"a{block.annex_index + 1}-{key}"
            placed.append(PlacedMeasure(plan, m, key, block.annex_index, block.trail, len(placed), block.loc + ("measures", i)))
    return placed


@dataclass
class Corpus:
    config: SiteConfig
    plans: list[Plan]
    resolver: Resolver
    measures: list[PlacedMeasure] = field(default_factory=list)
    by_plan: dict[str, list[PlacedMeasure]] = field(default_factory=dict)
    by_id: dict[str, PlacedMeasure] = field(default_factory=dict)
    based_on: dict[str, list[ResolvedRef]] = field(default_factory=dict)
    implemented_by: dict[str, list[str]] = field(default_factory=dict)
    plans_by_id: dict[str, Plan] = field(default_factory=dict)
    regions: dict[str, RegionMatch] = field(default_factory=dict)  # plan id → its region's division path

    def plan(self, plan_id: str) -> Plan:
        return self.plans_by_id[plan_id]

    def level_order(self, plan: Plan) -> int:
        level = self.config.level(plan.tier)
        return level.order if level else 99

    def region_path(self, plan_id: str) -> tuple[str, ...]:
        return self.regions[plan_id].path

    def is_above(self, upper: str, lower: str) -> bool:
        """Whether plan ``upper`` can be a superior of plan ``lower``: its tier is higher and its region
        contains the lower one's (a plan of the top tier contains all). Where a region cannot be
        placed, containment is unknown and the tiers alone decide."""
        up, low = self.plan(upper), self.plan(lower)
        if self.level_order(up) >= self.level_order(low):
            return False
        top = self.config.levels[0].key if self.config.levels else None
        up_path, low_path = self.region_path(upper), self.region_path(lower)
        if up.tier == top or not up_path or not low_path:
            return True
        return contains(up_path, low_path)

    def level_name(self, key: str) -> str:
        level = self.config.level(key)
        return level.name if level else key


def place_regions(config: SiteConfig, plans: list[Plan], lookup=None) -> dict[str, RegionMatch]:
    """Each plan's region (else its issuer's; 全国 for a plan of the top tier that names none) as a division path."""
    regions = Regions(config.regions, lookup)
    top = config.levels[0].key if config.levels else None
    placed = {}
    for plan in plans:
        match = regions.match(plan.region)
        if not plan.region.strip():
            match = regions.match(NATION) if plan.tier == top else regions.match(plan.issuer)
        placed[plan.id] = match
    return placed


def build_corpus(config: SiteConfig, plans: list[Plan], region_lookup=None) -> Corpus:
    """``region_lookup``: a region text → ``RegionMatch`` (``regions.lookup``, or a memory of it)."""
    level_order = {lv.key: lv.order for lv in config.levels}
    ordered = sorted(plans, key=lambda p: (level_order.get(p.tier, 99), p.issued or "9999", p.id))
    corpus = Corpus(config, ordered, Resolver(ordered, config.references), plans_by_id={p.id: p for p in ordered})
    for plan in ordered:
        placed = place_measures(plan)
        corpus.by_plan[plan.id] = placed
        corpus.measures.extend(placed)
    corpus.by_id = {m.id: m for m in corpus.measures}
    corpus.regions = place_regions(config, ordered, region_lookup)
    corpus.based_on = {p.id: corpus.resolver.based_on(p) for p in ordered}
    corpus.implemented_by = {p.id: [] for p in ordered}
    for plan_id, refs in corpus.based_on.items():
        for r in refs:
            if r.plan_id and plan_id not in corpus.implemented_by[r.plan_id]:
                corpus.implemented_by[r.plan_id].append(plan_id)
    return corpus
