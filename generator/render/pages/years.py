"""Year pages: each plan's theme for the year, documents issued that year, measures naming the year."""

from __future__ import annotations

from generator.render import urls
from generator.render.context import Site, issued_label
from generator.render.environment import Page


def year_page(site: Site, year: int) -> Page:
    path = urls.year(year)
    themes = [{"plan": p, "theme": t} for p in site.corpus.plans for t in p.year_themes if t.year == year]
    issued = [p for p in site.corpus.plans if p.issued_year == year]
    by_plan: dict[str, list] = {}
    for measure_id in site.enrichment.measures_by_year.get(year, []):
        pm = site.measure(measure_id)
        by_plan.setdefault(pm.plan.id, []).append(pm)
    groups = [{"plan": site.corpus.plan(pid), "measures": ms} for pid, ms in by_plan.items()]
    markdown = site.render("year.md.j2", path, year=year, themes=themes, issued=issued, groups=groups,
                           issued_label=issued_label, level_name=site.level_name)
    text = f"{year}年 " + " ".join(f"{t['theme'].theme} {t['theme'].text}" for t in themes)
    return Page(path, f"{year}年", markdown, kind="year", search_text=text, years=(year,))


def year_index(site: Site, years: list[int]) -> Page:
    path = urls.YEARS
    counts = {y: len(site.enrichment.measures_by_year.get(y, [])) for y in years}
    themes = {y: [(p, t) for p in site.corpus.plans for t in p.year_themes if t.year == y] for y in years}
    markdown = site.render("years.md.j2", path, years=years, counts=counts, themes=themes)
    return Page(path, "年度", markdown, kind="page", search_text="年度 " + " ".join(f"{y}年" for y in years))


def pages(site: Site) -> list[Page]:
    years = site.enrichment.all_years
    return [year_index(site, years)] + [year_page(site, y) for y in years]
