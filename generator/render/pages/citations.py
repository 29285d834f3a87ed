"""The index of cited documents: every 《…》 with the measures and plans citing it."""

from __future__ import annotations

from generator.render import urls
from generator.render.context import Site, citation_anchor
from generator.render.environment import Page


def pages(site: Site) -> list[Page]:
    path = urls.CITATIONS
    e = site.enrichment
    refs = {r.id: r for r in site.corpus.config.references}
    entries = []
    for key, c in e.citation_info.items():
        ref = refs.get(c.reference_id) if c.reference_id else None
        plan = site.corpus.plan(c.plan_id) if c.plan_id else None
        entries.append({
            "anchor": citation_anchor(key), "citation": c, "reference": ref, "plan": plan,
            "title": plan.full_title if plan else ref.title if ref else c.title,
            "doc_number": (plan.doc_number if plan else ref.doc_number if ref else "") or c.doc_number,
            "measures": [site.measure(i) for i in e.cited_by.get(key, [])],
            "plans": [site.corpus.plan(pid) for pid in e.cited_in_plans.get(key, [])],
        })
    entries.sort(key=lambda x: x["title"])
    markdown = site.render("citations.md.j2", path, entries=entries)
    text = "引用文件 " + "\n".join(f"《{x['title']}》{x['doc_number']}" for x in entries)
    return [Page(path, "引用文件", markdown, kind="page", search_text=text)]
