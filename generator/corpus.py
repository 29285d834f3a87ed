"""The whole corpus: every plan with its measures in place, and the checks that span files."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .model import Annex, DocRef, Measure, Plan, Reference, Section
from .site_config import SiteConfig


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
    def label(self) -> str:
        prefix = "附件 " if self.annex_index is not None else ""
        return f"{prefix}{self.measure.number}. {self.measure.title}"


@dataclass(frozen=True)
class ResolvedRef:
    ref: DocRef
    plan_id: str | None = None
    reference_id: str | None = None

    @property
    def resolved(self) -> bool:
        return bool(self.plan_id or self.reference_id)


@dataclass
class Corpus:
    config: SiteConfig
    plans: list[Plan]
    sources: dict[str, Path]
    measures: list[PlacedMeasure] = field(default_factory=list)
    by_plan: dict[str, list[PlacedMeasure]] = field(default_factory=dict)
    by_id: dict[str, PlacedMeasure] = field(default_factory=dict)
    based_on: dict[str, list[ResolvedRef]] = field(default_factory=dict)
    implemented_by: dict[str, list[str]] = field(default_factory=dict)
    plans_by_id: dict[str, Plan] = field(default_factory=dict)

    def plan(self, plan_id: str) -> Plan:
        return self.plans_by_id[plan_id]

    def level_order(self, plan: Plan) -> int:
        level = self.config.level(plan.level)
        return level.order if level else 99

    def level_name(self, key: str) -> str:
        level = self.config.level(key)
        return level.name if level else key


def measure_key(number: str, ordinal: int) -> str:
    digits = unicodedata.normalize("NFKC", number).strip().rstrip(".、")
    return str(int(digits)) if digits.isdigit() else f"n{ordinal + 1}"


def place_measures(plan: Plan) -> list[PlacedMeasure]:
    placed: list[PlacedMeasure] = []

    def walk(sections: list[Section], measures: list[Measure], trail: tuple, annex: int | None, loc: tuple) -> Iterator[PlacedMeasure]:
        for i, m in enumerate(measures):
            key = measure_key(m.number, len(placed))
            key = key if annex is None else f"a{annex + 1}-{key}"
            pm = PlacedMeasure(plan, m, key, annex, trail, len(placed), loc + ("measures", i))
            placed.append(pm)
            yield pm
        for j, s in enumerate(sections):
            yield from walk(s.sections, s.measures, trail + (s,), annex, loc + ("sections", j))

    for _ in walk(plan.sections, [], (), None, ()):
        pass
    for a, annex in enumerate(plan.annexes):
        for _ in walk(annex.sections, annex.measures, (), a, ("annexes", a)):
            pass
    return placed


_BRACKETS = str.maketrans({"[": "〔", "［": "〔", "【": "〔", "]": "〕", "］": "〕", "】": "〕", "(": "（", ")": "）",
                           "—": "-", "–": "-", "－": "-", "〈": "", "〉": "", "《": "", "》": "", " ": "", "\u3000": ""})


def normalize_ref(text: str) -> str:
    """Compare doc numbers and titles whatever the bracket and dash widths."""
    text = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    return re.sub(r"\s+", "", text.replace("(", "（").replace(")", "）"))


def resolve_refs(plans: list[Plan], references: list[Reference]) -> dict[str, list[ResolvedRef]]:
    """Each plan's based_on entries, resolved to a plan of the corpus or a reference (linear: lookup tables)."""
    plan_keys: dict[str, str] = {}
    for p in plans:
        for value in (p.doc_number, p.title, p.short_title):
            if value:
                plan_keys.setdefault(normalize_ref(value), p.id)
    ref_keys: dict[str, str] = {}
    for r in references:
        for value in (r.doc_number, r.title, *r.aliases):
            if value:
                ref_keys.setdefault(normalize_ref(value), r.id)
    result = {}
    for p in plans:
        resolved = []
        for ref in p.based_on:
            keys = [normalize_ref(v) for v in (ref.doc_number, ref.title) if v]
            plan_id = next((plan_keys[k] for k in keys if k in plan_keys and plan_keys[k] != p.id), None)
            ref_id = None if plan_id else next((ref_keys[k] for k in keys if k in ref_keys), None)
            resolved.append(ResolvedRef(ref, plan_id, ref_id))
        result[p.id] = resolved
    return result


def build_corpus(config: SiteConfig, plans: list[Plan], sources: dict[str, Path]) -> Corpus:
    level_order = {lv.key: lv.order for lv in config.levels}
    ordered = sorted(plans, key=lambda p: (level_order.get(p.level, 99), p.issued or "9999", p.id))
    corpus = Corpus(config, ordered, sources, plans_by_id={p.id: p for p in ordered})
    for plan in ordered:
        placed = place_measures(plan)
        corpus.by_plan[plan.id] = placed
        corpus.measures.extend(placed)
    corpus.by_id = {m.id: m for m in corpus.measures}
    corpus.based_on = resolve_refs(ordered, config.references)
    corpus.implemented_by = {p.id: [] for p in ordered}
    for plan_id, refs in corpus.based_on.items():
        for r in refs:
            if r.plan_id and plan_id not in corpus.implemented_by[r.plan_id]:
                corpus.implemented_by[r.plan_id].append(plan_id)
    return corpus
