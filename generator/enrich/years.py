"""The years of the portal: which years a measure concerns, and every year a page is made for."""

from __future__ import annotations

from generator.enrich.citations import without_citations
from generator.enrich.deadlines import years_named
from generator.load.corpus import Corpus, PlacedMeasure


def measure_years(m: PlacedMeasure) -> list[int]:
    """Years the measure names (not in cited titles), its annex's year, the year of a one-year plan."""
    years = set(years_named(without_citations(f"{m.measure.title}。{m.measure.text}")))
    if m.annex is not None and m.annex.year:
        years.add(m.annex.year)
    period = m.plan.period
    if period and period.start == period.end:
        years.add(period.start)
    return sorted(years)


def plan_years(plan) -> set[int]:
    """The years a plan covers: its period, else the year it was issued."""
    if plan.period:
        return set(range(plan.period.start, plan.period.end + 1))
    return {plan.issued_year} if plan.issued_year else set()


def portal_years(corpus: Corpus, measures_by_year: dict[int, list[str]]) -> list[int]:
    """Every year with a page: named by a measure, a year theme, an issue date or a period."""
    years = set(measures_by_year)
    for p in corpus.plans:
        years.update(t.year for t in p.year_themes)
        if p.issued_year:
            years.add(p.issued_year)
        if p.period:
            years.update(range(p.period.start, p.period.end + 1))
    return sorted(years)
