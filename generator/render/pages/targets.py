"""量化指标 (targets by topic and level) and 时间节点 (deadlines by year)."""

from __future__ import annotations

from generator.render import urls
from generator.render.context import Site
from generator.render.environment import Page
from generator.render.pages.topics import measure_order, target_summary
from generator.render.tables import Table, table_page


def targets_page(site: Site) -> Page:
    e = site.enrichment
    table = Table("量化指标", ["专题", "层级", "文件", "举措", "原文", "数值", "单位", "指向"])
    topic_names = {t.id: t.name for t in site.corpus.config.topics}
    ordered = sorted((i for i, ts in e.targets.items() if ts), key=lambda i: (e.topics[i][:1] or ["~"], measure_order(site, i)))
    for measure_id in ordered:
        pm = site.measure(measure_id)
        topic = topic_names.get(e.topics[measure_id][0], "") if e.topics[measure_id] else "（总体）"
        for t in e.targets[measure_id]:
            table.rows.append([topic, site.level_name(pm.plan.tier), (pm.plan.display_title, urls.plan(pm.plan.id)),
                               (pm.label, urls.measure(pm.plan.id, pm.key)), target_summary(t),
                               "占位符" if t.placeholder else t.value, t.unit or "—", t.counts or "—"])
    intro = "各文件举措中的数量要求（比例、金额、人数、次数……），按专题和层级排列，便于比较上下级提出的数字。原文以“X”留空的金额标为占位符。"
    return table_page(site, urls.TARGETS, table, intro=intro, landscape=True)


def deadlines_page(site: Site) -> Page:
    e = site.enrichment
    table = Table("时间节点", ["年份", "时间要求", "层级", "文件", "举措"])
    rows = []
    for measure_id, deadlines in e.deadlines.items():
        pm = site.measure(measure_id)
        for d in deadlines:
            year = d.year or (pm.plan.period.start if pm.plan.period and pm.plan.period.start == pm.plan.period.end else None)
            rows.append((year or 9999, measure_order(site, measure_id), [
                f"{year}年" if year else "未注明年份", d.raw, site.level_name(pm.plan.tier),
                (pm.plan.display_title, urls.plan(pm.plan.id)), (pm.label, urls.measure(pm.plan.id, pm.key))]))
    table.rows = [r for _, _, r in sorted(rows, key=lambda r: (r[0], r[1]))]
    intro = "举措中的完成时限和周期性要求，按年份排列。“年内”“年底前”等未写年份的要求，按所在年度文件的年份归入；无法确定年份的列在最后。"
    return table_page(site, urls.DEADLINES, table, intro=intro, landscape=True)


def pages(site: Site) -> list[Page]:
    return [targets_page(site), deadlines_page(site)]
