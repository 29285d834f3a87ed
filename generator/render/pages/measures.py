"""One page per measure: its text, place, years, topics, citations, targets, related measures and a text comparison."""

from __future__ import annotations

from markupsafe import Markup

from generator.load.corpus import PlacedMeasure
from generator.render import urls
from generator.render.context import Site, measure_plain_text
from generator.render.environment import Page
from generator.text.diff import compare_texts

DEADLINE_KINDS = {"deadline": "完成时限", "period": "周期性要求", "span": "工作周期", "within": "年内/限期"}


def related_groups(site: Site, pm: PlacedMeasure) -> list[dict]:
    groups: dict[str, dict] = {}
    for other_id, score in site.enrichment.related.get(pm.id, []):
        other = site.measure(other_id)
        level = other.plan.tier
        group = groups.setdefault(level, {"name": site.level_name(level), "order": site.corpus.level_order(other.plan), "items": []})
        group["items"].append({"label": other.label, "path": urls.measure(other.plan.id, other.key), "score": score,
                               "strength": site.enrichment.strength(score),
                               "plan_title": other.plan.display_title, "plan_id": other.plan.id})
    return sorted(groups.values(), key=lambda g: g["order"])


MIN_SHARED = 0.08  # below this share of shared phrases a side-by-side reading shows nothing worth reading


def diff_block(site: Site, pm: PlacedMeasure) -> dict | None:
    """The most related measure's text beside this one, shared phrases marked; none where the overlap is trivial."""
    related = site.enrichment.related.get(pm.id, [])
    if not related:
        return None
    other = site.measure(related[0][0])
    d = compare_texts(pm.measure.text, other.measure.text)
    if d.ratio < MIN_SHARED:
        return None
    return {"other_label": other.label, "other_path": urls.measure(other.plan.id, other.key),
            "other_plan": other.plan.display_title, "ratio": d.ratio, "left": Markup(d.left_html), "right": Markup(d.right_html),
            "strength": site.enrichment.strength(related[0][1]), "score": related[0][1]}


def citation_line(pm: PlacedMeasure) -> str:
    plan = pm.plan
    number = f"（{plan.doc_number}）" if plan.doc_number else ""
    return f"{plan.full_title}{number}{pm.position}：“{pm.measure.title}。{pm.measure.text.strip()}”"


def measure_page(site: Site, pm: PlacedMeasure, prev: PlacedMeasure | None, next_: PlacedMeasure | None) -> Page:
    path = urls.measure(pm.plan.id, pm.key)
    e = site.enrichment
    related = e.related.get(pm.id, [])
    see_also = [site.measure(f"{s.plan}/{s.measure}") if s.measure else site.corpus.plan(s.plan) for s in pm.measure.see_also]
    shown = [(other, f"{score:.2f}", e.strength(score)) for other, score in related]  # a score as the page prints it
    inputs = (pm, prev, next_, e.years[pm.id], e.topics[pm.id], e.citations[pm.id], e.targets[pm.id], e.deadlines[pm.id],
              shown, [site.measure(other) for other, _ in related], see_also)  # all that ``measure_context`` reads
    markdown = site.render_memo("measure.md.j2", path, inputs, lambda: measure_context(site, pm, prev, next_, path))
    return Page(path, pm.label, markdown, kind="measure", search_text=measure_plain_text(pm),
                plan=pm.plan.display_title, level=pm.plan.tier, years=tuple(e.years[pm.id]), topics=tuple(e.topics[pm.id]))


def measure_context(site: Site, pm: PlacedMeasure, prev: PlacedMeasure | None, next_: PlacedMeasure | None,
                    path: str) -> dict:
    e = site.enrichment
    see_also = []
    for s in pm.measure.see_also:
        target = urls.measure(s.plan, s.measure) if s.measure else urls.plan(s.plan)
        label = site.measure(f"{s.plan}/{s.measure}").label if s.measure else site.corpus.plan(s.plan).display_title
        see_also.append({"link": site.link(path, label, target), "note": s.note})
    return dict(
        pm=pm, plan=pm.plan, level_name=site.level_name(pm.plan.tier),
        years=e.years[pm.id], topics=[site.topics_by_id[t] for t in e.topics[pm.id] if t in site.topics_by_id],
        citations=[site.citation_link(path, c) for c in e.citations[pm.id]],
        targets=e.targets[pm.id], deadlines=e.deadlines[pm.id], deadline_kinds=DEADLINE_KINDS,
        related_groups=related_groups(site, pm), diff=diff_block(site, pm), see_also=see_also,
        prev=prev, next=next_, citation_line=citation_line(pm),
    )


def pages(site: Site) -> list[Page]:
    result = []
    for plan in site.corpus.plans:
        placed = site.corpus.by_plan[plan.id]
        for i, pm in enumerate(placed):
            prev = placed[i - 1] if i > 0 else None
            next_ = placed[i + 1] if i + 1 < len(placed) else None
            result.append(measure_page(site, pm, prev, next_))
    return result
