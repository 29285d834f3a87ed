"""Topic pages: every measure on a topic, ordered by level then date, with its text, targets and deadlines."""

from __future__ import annotations

from generator.render import urls
from generator.render.context import Site, issued_label
from generator.render.environment import Page
from generator.render.tables import Table, table_page


def target_summary(t) -> str:
    if t.placeholder:
        return f"{t.raw}（占位，原文未给数值）"
    counts = f"（{t.counts}）" if t.counts else ""
    return f"{t.raw}{counts}"


def measure_order(site: Site, measure_id: str) -> tuple:
    pm = site.measure(measure_id)
    return (site.corpus.level_order(pm.plan), pm.plan.issued or "9999", pm.plan.id, pm.ordinal)


TEXT_COLUMN = 4  # the measures' texts: searched on the measure pages, not again on every topic page


def topic_table(site: Site, topic) -> Table:
    e = site.enrichment
    ids = sorted(e.measures_by_topic.get(topic.id, []), key=lambda i: measure_order(site, i))
    table = Table(f"专题对照：{topic.name}", ["层级", "文件", "日期", "举措", "原文", "量化指标", "时间节点"])
    for measure_id in ids:
        pm = site.measure(measure_id)
        table.rows.append([
            site.level_name(pm.plan.tier),
            (pm.plan.display_title, urls.plan(pm.plan.id)),
            issued_label(pm.plan),
            (pm.label, urls.measure(pm.plan.id, pm.key)),
            " ".join(pm.measure.text.split()),
            "；".join(target_summary(t) for t in e.targets[measure_id]) or "—",
            "；".join(d.raw for d in e.deadlines[measure_id]) or "—",
        ])
    return table


def topic_page(site: Site, topic) -> Page:
    path = urls.topic(topic.id)
    words = "、".join(topic.words)
    order = " → ".join(lv.name for lv in site.corpus.config.levels)
    intro = f"{topic.description}\n\n识别词：{words}。表中按层级（{order}）和发文日期排列，每条举措附原文。"
    page = table_page(site, path, topic_table(site, topic), intro=intro, landscape=True, kind="topic", topics=(topic.id,),
                      unsearched=(TEXT_COLUMN,))
    return page


def topic_index(site: Site) -> Page:
    path = urls.TOPICS
    rows = [{"topic": t, "count": len(site.enrichment.measures_by_topic.get(t.id, []))} for t in site.corpus.config.topics]
    markdown = site.render("topics.md.j2", path, rows=rows, general=sorted(site.enrichment.general, key=lambda i: measure_order(site, i)))
    return Page(path, "专题", markdown, kind="page", search_text="专题 " + " ".join(t.name for t in site.corpus.config.topics))


def pages(site: Site) -> list[Page]:
    return [topic_index(site)] + [topic_page(site, t) for t in site.corpus.config.topics]
