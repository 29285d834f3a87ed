"""Open data written by every build: data/corpus.json (a contract) and one CSV per plan."""

from __future__ import annotations

from generator.enrich.deadlines import document_year, resolve_year
from generator.enrich.enrichment import Enrichment
from generator.load.corpus import Corpus
from generator.publish.exports import dumps_json, rows_csv
from generator.render import urls
from generator.render.context import section_label

PLAN_CSV_HEADER = ["编号", "举措", "正文", "章节", "涉及年份", "专题", "网址"]


def measure_data(p, m, e: Enrichment) -> dict:
    return {
        "id": m.id, "key": m.key, "number": m.measure.number, "title": m.measure.title, "text": m.measure.text,
        "url": urls.url_of(urls.measure(p.id, m.key)),
        "section": " / ".join(section_label(s) for s in m.trail),
        "annex": m.annex.title if m.annex else None,
        "years": e.years[m.id], "topics": e.topics[m.id],
        "topic_clauses": {tid: [m.measure.text[s:t] for s, t in spans] for tid, spans in e.topic_clauses.get(m.id, {}).items()},
        "related": [{"id": rid, "score": round(score, 4), "strength": e.strength(score)} for rid, score in e.related.get(m.id, [])],
        "targets": [{"raw": t.raw, "value": t.value, "unit": t.unit, "counts": t.counts, "placeholder": t.placeholder,
                     "clause": t.clause} for t in e.targets[m.id]],
        "deadlines": [{"raw": d.raw, "kind": d.kind, "year": d.year, "resolved_year": resolve_year(d, document_year(p, m.annex)),
                       "clause": d.clause} for d in e.deadlines[m.id]],
    }


def implements_data(r) -> dict:
    """One document a plan implements: a plan of the portal, a reference, or unresolved (what the text says)."""
    if r.plan_id:
        kind, ident, url = "plan", r.plan_id, urls.url_of(urls.plan(r.plan_id))
    elif r.reference_id:
        kind, ident, url = "reference", r.reference_id, urls.url_of(urls.reference(r.reference_id))
    else:
        kind, ident, url = "unresolved", "", ""
    return {"id": ident, "kind": kind, "doc_number": r.ref.doc_number, "title": r.ref.title, "url": url}


def plan_data(corpus: Corpus, p, e: Enrichment) -> dict:
    return {
        "id": p.id, "source": p.source, "title": p.title, "short_title": p.short_title, "doc_number": p.doc_number,
        "issuer": p.issuer, "tier": p.tier, "tier_name": corpus.level_name(p.tier), "body_kind": p.body_kind,
        "region": p.region, "region_path": list(corpus.region_path(p.id)), "kind": p.kind,
        "issued": p.issued, "period": p.period.model_dump() if p.period else None,
        "based_on": [{"doc_number": r.ref.doc_number, "title": r.ref.title, "plan": r.plan_id, "reference": r.reference_id}
                     for r in corpus.based_on[p.id]],
        "implements": [implements_data(r) for r in corpus.based_on[p.id]],
        "url": urls.url_of(urls.plan(p.id)),
        "year_themes": [{"year": t.year, "theme": t.theme, "text": t.text} for t in p.year_themes],
        "measures": [measure_data(p, m, e) for m in corpus.by_plan[p.id]],
    }


def corpus_data(corpus: Corpus, e: Enrichment) -> dict:
    levels = [{"key": lv.key, "name": lv.name, "order": lv.order} for lv in corpus.config.levels]
    topics = [{"id": t.id, "name": t.name} for t in corpus.config.topics]
    references = [{"id": r.id, "title": r.title, "doc_number": r.doc_number, "url": urls.url_of(urls.reference(r.id)),
                   "implemented_by": e.implementers.get(r.id, [])} for r in corpus.config.references]
    comparisons = [{"upper": c.upper, "lower": c.lower, "relation": c.relation, "url": urls.url_of(urls.pair(c.upper, c.lower)),
                    "rows": [{"upper": r.upper, "lower": r.lower, "score": None if r.score is None else round(r.score, 4), "overlap": r.overlap,
                              "strength": None if r.score is None else e.strength(r.score), "framing": r.framing}
                             for r in c.rows]} for c in e.pairs]
    return {"levels": levels, "topics": topics, "plans": [plan_data(corpus, p, e) for p in corpus.plans],
            "references": references, "comparisons": comparisons}


def plan_csv(corpus: Corpus, e: Enrichment, plan_id: str) -> bytes:
    names = {t.id: t.name for t in corpus.config.topics}
    rows = [[m.measure.number, m.measure.title, m.measure.text,
             " / ".join(section_label(s) for s in m.trail) or (m.annex.title if m.annex else ""),
             "、".join(str(y) for y in e.years[m.id]), "、".join(names.get(t, t) for t in e.topics[m.id]),
             urls.url_of(urls.measure(plan_id, m.key))] for m in corpus.by_plan[plan_id]]
    return rows_csv(PLAN_CSV_HEADER, rows)


def data_files(corpus: Corpus, e: Enrichment) -> dict[str, bytes]:
    files = {urls.CORPUS_JSON: dumps_json(corpus_data(corpus, e))}
    for p in corpus.plans:
        files[urls.plan_csv(p.id)] = plan_csv(corpus, e, p.id)
    return files
