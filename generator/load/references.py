"""The one reference resolver: a 文号 or a title → a plan of the corpus, else a document of references.yaml.

Keys are folded with ``text.fold.ref_key`` (bracket and dash widths, 《》, spaces). A plan is
found by its 文号, title or short title; a reference by its 文号, title or aliases. A plan
always wins over a reference, and the first plan (in corpus order) over later ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from generator.load.model import DocRef, Plan, Reference
from generator.text.fold import ref_key


@dataclass(frozen=True)
class Resolved:
    """Where a cited document is: a plan id, a reference id, or neither."""

    plan_id: str | None = None
    reference_id: str | None = None

    @property
    def found(self) -> bool:
        return bool(self.plan_id or self.reference_id)


@dataclass(frozen=True)
class ResolvedRef:
    """A ``based_on`` entry of a plan and what it resolved to."""

    ref: DocRef
    plan_id: str | None = None
    reference_id: str | None = None

    @property
    def resolved(self) -> bool:
        return bool(self.plan_id or self.reference_id)


class Resolver:
    def __init__(self, plans: Iterable[Plan], references: Iterable[Reference]) -> None:
        self._plans: dict[str, str] = {}
        for plan in plans:
            for value in (plan.doc_number, plan.title, plan.short_title):
                if value:
                    self._plans.setdefault(ref_key(value), plan.id)
        self._references: dict[str, str] = {}
        for reference in references:
            for value in (reference.doc_number, reference.title, *reference.aliases):
                if value:
                    self._references.setdefault(ref_key(value), reference.id)

    def find(self, *values: str, not_plan: str | None = None) -> Resolved:
        """The first plan (other than ``not_plan``) any value names, else the first reference."""
        keys = [ref_key(v) for v in values if v]
        plan_id = next((self._plans[k] for k in keys if self._plans.get(k, not_plan) != not_plan), None)
        if plan_id:
            return Resolved(plan_id=plan_id)
        return Resolved(reference_id=next((self._references[k] for k in keys if k in self._references), None))

    def based_on(self, plan: Plan) -> list[ResolvedRef]:
        """A plan's based_on entries, resolved (a plan never implements itself)."""
        resolved = []
        for ref in plan.based_on:
            found = self.find(ref.doc_number, ref.title, not_plan=plan.id)
            resolved.append(ResolvedRef(ref, found.plan_id, found.reference_id))
        return resolved
