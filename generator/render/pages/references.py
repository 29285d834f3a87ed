"""A page for every document plans cite but the portal does not hold (site_config/references.yaml).

It lists the plans that implement it, grouped by level, so that plans implementing the same
document see each other, and the measures that cite it.
"""

from __future__ import annotations

from generator.render import urls
from generator.render.context import Site, plans_by_level
from generator.render.environment import Page


def reference_page(site: Site, reference) -> Page:
    path = urls.reference(reference.id)
    implementers = [site.corpus.plan(pid) for pid in site.enrichment.implementers.get(reference.id, [])]
    measures = [site.measure(i) for i in site.enrichment.cited_by.get(f"ref:{reference.id}", [])]
    markdown = site.render("reference.md.j2", path, reference=reference, level=site.corpus.config.level(reference.tier),
                           groups=plans_by_level(site, implementers), measures=measures)
    text = " ".join([reference.title, reference.doc_number, reference.issuer, *reference.aliases])
    return Page(path, f"《{reference.title}》", markdown, kind="page", search_text=text)


def pages(site: Site) -> list[Page]:
    return [reference_page(site, r) for r in site.corpus.config.references]
