"""Topic pages: the task down the chain — for each tier, top to bottom, the documents' measures on the topic,
with the clauses that address it emphasised, the whole text one click away, and the numbers and deadlines
in their own sentences. The same rows, as flat texts, are the page's CSV, XLSX and DOCX downloads.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.enrich.clauses import display
from generator.enrich.deadlines import document_year, resolve_year
from generator.render import urls
from generator.text import highlight
from generator.render.context import Site, issued_label
from generator.render.environment import Page
from generator.render.tables import Table, table_page


def measure_order(site: Site, measure_id: str) -> tuple:
    pm = site.measure(measure_id)
    return (site.corpus.level_order(pm.plan), pm.plan.issued or "9999", pm.plan.id, pm.ordinal)


def tier_anchor(tier: str) -> str:
    """The anchor of a tier's section on a topic page (the matrix's cells link to it)."""
    return f"tier-{tier}"


def document_label(plan) -> str:
    """文号 and date of a plan as a topic row shows them ("粤组通〔2020〕12号 · 2020年3月"), 未注明 where not stated."""
    return f"{plan.doc_number or '文号未注明'} · {issued_label(plan)}"


def _in_context(clause: str, raw: str) -> Markup:
    """A number's or deadline's clause with the expression itself in bold."""
    text = display(clause or raw)
    at = text.find(raw)
    if at < 0:
        return Markup(highlight.marked(text, []))
    return Markup(highlight.marked(text, [(at, at + len(raw))], tag="strong"))


def numbers_in_context(site: Site, measure_id: str) -> list[Markup]:
    """The measure's targets and deadlines, each in its clause; deadlines with the year they resolve to."""
    pm, e = site.measure(measure_id), site.enrichment
    items = [_in_context(t.clause, t.raw) for t in e.targets.get(measure_id, [])]
    year_of_document = document_year(pm.plan, pm.annex)
    seen = set()
    for d in e.deadlines.get(measure_id, []):
        year = resolve_year(d, year_of_document)
        key = (year, display(d.clause or d.raw))
        if key in seen:
            continue
        seen.add(key)
        prefix = Markup(f"{year}年：") if year and d.kind == "within" else Markup("")
        items.append(prefix + _in_context(d.clause, d.raw))
    return list(dict.fromkeys(items))


def _row(site: Site, topic_id: str, measure_id: str) -> dict:
    pm = site.measure(measure_id)
    text = pm.measure.text
    spans = site.enrichment.topic_clauses.get(measure_id, {}).get(topic_id, ())
    excerpt = highlight.excerpt(text, spans)
    return {
        "pm": pm, "plan": pm.plan, "doc": document_label(pm.plan),
        "excerpt": excerpt,
        "excerpt_html": Markup(highlight.marked(excerpt, [])),
        "full_html": Markup(highlight.marked(text, spans, tag="strong", css="topic-clause")),
        "numbers": numbers_in_context(site, measure_id),
    }


def topic_measures(site: Site, topic_id: str) -> list[str]:
    return sorted(site.enrichment.measures_by_topic.get(topic_id, []), key=lambda i: measure_order(site, i))


def tier_sections(site: Site, topic_id: str) -> list[dict]:
    """One section per tier that has measures on the topic, in tier order."""
    sections: dict[str, dict] = {}
    for measure_id in topic_measures(site, topic_id):
        plan = site.measure(measure_id).plan
        section = sections.setdefault(plan.tier, {"name": site.level_name(plan.tier), "anchor": tier_anchor(plan.tier),
                                                  "count": 0, "documents": {}})
        document = section["documents"].setdefault(plan.id, {"plan": plan, "label": document_label(plan), "rows": []})
        document["rows"].append(_row(site, topic_id, measure_id))
        section["count"] += 1
    return [dict(s, documents=list(s["documents"].values())) for s in sections.values()]


def topic_table(site: Site, topic) -> Table:
    """The downloads: one row per measure, with the topic's clauses, the whole text, numbers and deadlines."""
    e = site.enrichment
    table = Table(f"专题对照：{topic.name}",
                  ["层级", "文件", "文号", "日期", "举措", "本专题相关原文", "原文", "量化指标", "时间节点"])
    for measure_id in topic_measures(site, topic.id):
        pm = site.measure(measure_id)
        spans = e.topic_clauses.get(measure_id, {}).get(topic.id, ())
        table.rows.append([
            site.level_name(pm.plan.tier), (pm.plan.display_title, urls.plan(pm.plan.id)),
            pm.plan.doc_number or "未注明", issued_label(pm.plan), (pm.label, urls.measure(pm.plan.id, pm.key)),
            highlight.excerpt(pm.measure.text, spans) or "（见举措标题）", " ".join(pm.measure.text.split()),
            "；".join(display(t.clause or t.raw) for t in e.targets[measure_id]) or "—",
            "；".join(dict.fromkeys(display(d.clause or d.raw) for d in e.deadlines[measure_id])) or "—",
        ])
    return table


TEXT_COLUMNS = (5, 6, 7, 8)  # the measures' texts and clauses: searched on the measure pages, not again on every topic page


def topic_page(site: Site, topic) -> Page:
    """The page of a topic, or the last build's when the topic and each of its measures (text, place, clauses on the
    topic, numbers and deadlines) are the same; the rest it reads is the site configuration (the memory's salt)."""
    e = site.enrichment
    inputs = [(site.measure(i), e.topic_clauses.get(i, {}).get(topic.id, ()), e.targets.get(i), e.deadlines.get(i))
              for i in e.measures_by_topic.get(topic.id, [])]
    return site.memo.get("topic-page", site.memo.key(topic, inputs), lambda: _topic_page(site, topic))


def _topic_page(site: Site, topic) -> Page:
    path = urls.topic(topic.id)
    words = "、".join(topic.words)
    order = " → ".join(lv.name for lv in site.corpus.config.levels)
    intro = (f"{topic.description}\n\n按层级（{order}）自上而下排列各文件在这项工作上的部署：每条举措列出文件的文号和日期、"
             f"举措标题和原文，与本专题相关的句子加粗，并列出其中的数量要求和时间节点。"
             f"举措按识别词归入专题（{words}），只是顺带提及的不算。")
    page = table_page(site, path, topic_table(site, topic), intro=intro, kind="topic", topics=(topic.id,), unsearched=TEXT_COLUMNS,
                      template="topic.md.j2", tiers=tier_sections(site, topic.id))
    return page


def topic_index(site: Site) -> Page:
    path = urls.TOPICS
    rows = [{"topic": t, "count": len(site.enrichment.measures_by_topic.get(t.id, []))} for t in site.corpus.config.topics]
    markdown = site.render("topics.md.j2", path, rows=rows, general=sorted(site.enrichment.general, key=lambda i: measure_order(site, i)))
    return Page(path, "专题", markdown, kind="page", search_text="专题 " + " ".join(t.name for t in site.corpus.config.topics))


def pages(site: Site) -> list[Page]:
    return [topic_index(site)] + [topic_page(site, t) for t in site.corpus.config.topics]
