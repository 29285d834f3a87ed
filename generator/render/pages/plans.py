"""The plan pages: the whole text in one page, with its metadata card, plus the plan list."""

from __future__ import annotations

from generator.load.corpus import walk
from generator.load.model import Plan
from generator.render import urls
from generator.render.context import Site, issued_label, plans_by_level
from generator.render.environment import Page


def based_on_labels(site: Site, plan: Plan, here: str) -> list:
    labels = []
    for resolved in site.corpus.based_on[plan.id]:
        ref = resolved.ref
        label = (f"《{ref.title}》" if ref.title else "") + (f"（{ref.doc_number}）" if ref.doc_number else "")
        if resolved.plan_id:
            target = site.corpus.plan(resolved.plan_id)
            labels.append(site.link(here, label or target.title, urls.plan(target.id)))
        elif resolved.reference_id:
            labels.append(site.link(here, label, urls.reference(resolved.reference_id)) + "（未收录全文）")
        else:
            labels.append(f"{label}（未收录）")
    return labels


def plan_search_text(plan: Plan) -> str:
    parts = [plan.title, plan.doc_number, plan.issuer, plan.recipients, plan.notice, plan.preamble]
    parts += [f"{r.doc_number} {r.title}".strip() for r in plan.based_on]  # a 文号 finds the plans citing it
    parts += [f"{t.year}年 {t.theme} {t.text}" for t in plan.year_themes]
    for block in walk(plan):
        if block.section is None:
            annex = plan.annexes[block.annex_index]
            parts += [annex.title, annex.text]
        else:
            parts += [block.section.number + block.section.title, block.section.text]
        parts += [f"{m.numbered_title}。{m.text}" for m in block.measures]
    parts += [plan.closing, plan.footer]
    return "\n".join(p for p in parts if p)


def implementer_groups(site: Site, plan: Plan) -> list[dict]:
    """The plans that say they implement this one, by level."""
    return plans_by_level(site, [site.corpus.plan(i) for i in site.enrichment.implementers.get(plan.id, [])])


def pair_link_label(site: Site, plan: Plan, pair) -> str:
    other = site.corpus.plan(pair.upper if pair.lower == plan.id else pair.lower).display_title
    if pair.relation == "same-basis":
        return f"同一依据：{other}"
    if pair.relation == "configured":
        return f"对照：{other}"
    return f"{'对照上级：' if pair.lower == plan.id else '对照下级：'}{other}"


def plan_page(site: Site, plan: Plan) -> Page:
    path = urls.plan(plan.id)
    pair_links = [{"label": pair_link_label(site, plan, p), "path": urls.pair(p.upper, p.lower)}
                  for p in site.enrichment.pairs_by_plan.get(plan.id, [])]
    markdown = site.render(
        "plan.md.j2", path, plan=plan, issued=issued_label(plan), level_name=site.level_name(plan.tier),
        based_on=based_on_labels(site, plan, path), implemented_by=implementer_groups(site, plan),
        measure_count=len(site.corpus.by_plan[plan.id]), pairs=pair_links,
    )
    years = sorted({y for m in site.corpus.by_plan[plan.id] for y in site.enrichment.years[m.id]})
    return Page(path, plan.display_title, markdown, kind="plan", search_text=plan_search_text(plan),
                plan=plan.display_title, level=plan.tier, years=tuple(years))


def plan_index(site: Site) -> Page:
    path = urls.PLANS
    groups = []
    for level in site.corpus.config.levels:
        plans = [p for p in site.corpus.plans if p.tier == level.key]
        if plans:
            groups.append({"level": level, "plans": plans})
    markdown = site.render("plans.md.j2", path, groups=groups, issued_label=issued_label,
                           counts={p.id: len(site.corpus.by_plan[p.id]) for p in site.corpus.plans})
    return Page(path, "全部方案", markdown, kind="page", search_text="全部方案")


def pages(site: Site) -> list[Page]:
    return [plan_index(site)] + [plan_page(site, plan) for plan in site.corpus.plans]
