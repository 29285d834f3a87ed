"""量化指标 (targets by topic and level) and 时间节点 (deadlines by year), each row with the clause it comes from."""

from __future__ import annotations

from generator.enrich.clauses import display
from generator.enrich.deadlines import Deadline, document_year, resolve_year
from generator.render import urls
from generator.render.context import Site
from generator.render.environment import Page
from generator.render.pages.topics import measure_order
from generator.render.tables import Cell, Table, table_page

UNSTATED_YEAR = "未注明年份"
CLAUSE_SEPARATOR = "……"  # between the clauses of one row


def target_topics(site: Site, measure_id: str, target) -> list[str]:
    """The topics a target is filed under: those whose clauses hold it, else the measure's first topic."""
    e, pm = site.enrichment, site.measure(measure_id)
    at = target.start - len(pm.measure.title) - 1  # targets are found in "title。text"
    held = [tid for tid, spans in e.topic_clauses.get(measure_id, {}).items() if any(s <= at < end for s, end in spans)]
    return [tid for tid in e.topics[measure_id] if tid in held] or e.topics[measure_id][:1]


def targets_page(site: Site) -> Page:
    e = site.enrichment
    table = Table("量化指标", ["专题", "层级", "文件", "举措", "原文", "数值", "单位", "指向"])
    order = {t.id: i for i, t in enumerate(site.corpus.config.topics)}
    names = {t.id: t.name for t in site.corpus.config.topics}
    rows = []
    for measure_id, targets in e.targets.items():
        pm = site.measure(measure_id)
        for t in targets:
            for tid in target_topics(site, measure_id, t) or [""]:
                rows.append(((order.get(tid, len(order)), measure_order(site, measure_id), t.start), [
                    names.get(tid, "（总体）"), site.level_name(pm.plan.tier), (pm.plan.display_title, urls.plan(pm.plan.id)),
                    (pm.label, urls.measure(pm.plan.id, pm.key)), display(t.clause or t.raw),
                    "占位符" if t.placeholder else t.value, t.unit or "—", t.counts or "—"]))
    table.rows = [row for _, row in sorted(rows, key=lambda r: r[0])]
    intro = ("各文件举措中的数量要求（比例、金额、人数、次数……），按专题和层级排列，便于比较上下级提出的数字；一个数字归入其所在句子涉及的专题。"
             "“原文”列摘录数字所在的分句；原文以“X”留空的数值标为占位符。")
    return table_page(site, urls.TARGETS, table, intro=intro, landscape=True,
                      unsearched=(4,))  # the clauses: measure text, found on the measure pages


def merge_deadlines(deadlines: list[Deadline], year_of) -> list[tuple[int | None, list[Deadline]]]:
    """The rows of one measure: deadlines of one year with the same words or the same clause share a row.

    ``year_of`` gives a deadline's year (``resolve_year`` with the document's year). Rows keep
    the order of their first deadline in the text.
    """
    rows: list[tuple[int | None, list[Deadline]]] = []
    for d in sorted(deadlines, key=lambda d: d.start):
        year = year_of(d)
        joined = [r for r in rows if r[0] == year and any(o.raw == d.raw or o.clause == d.clause for o in r[1])]
        if not joined:
            rows.append((year, [d]))
            continue
        first = joined[0]
        for other in joined[1:]:  # d links rows that were apart: make them one
            first[1].extend(other[1])
            rows.remove(other)
        first[1].append(d)
        first[1].sort(key=lambda o: o.start)
    return rows


def _unique(values) -> list[str]:
    return list(dict.fromkeys(values))


def deadline_rows(site: Site) -> list[list[Cell]]:
    """The rows of 时间节点, by year (未注明年份 last), then level, date and reading order."""
    rows = []
    for measure_id, deadlines in site.enrichment.deadlines.items():
        pm = site.measure(measure_id)
        plan_year = document_year(pm.plan, pm.annex)
        for year, group in merge_deadlines(deadlines, lambda d: resolve_year(d, plan_year)):
            cells: list[Cell] = [
                f"{year}年" if year else UNSTATED_YEAR, "、".join(_unique(d.raw for d in group)),
                CLAUSE_SEPARATOR.join(_unique(display(d.clause or d.raw) for d in group)), site.level_name(pm.plan.tier),
                (pm.plan.display_title, urls.plan(pm.plan.id)), (pm.label, urls.measure(pm.plan.id, pm.key))]
            rows.append(((year or 9999, measure_order(site, measure_id), group[0].start), cells))
    return [cells for _, cells in sorted(rows, key=lambda r: r[0])]


def deadlines_page(site: Site) -> Page:
    table = Table("时间节点", ["年份", "时间要求", "原文", "层级", "文件", "举措"], deadline_rows(site))
    intro = ("举措中的完成时限和周期性要求，按年份排列，附时间要求所在的分句。“年内”“年底前”“每季度”等未写年份的要求，"
             "按所在年度文件（或附件，如2018年度重点任务）的年份归入；无法确定年份的列在最后。"
             "同一举措中同一年份的相同要求合为一行。")
    return table_page(site, urls.DEADLINES, table, intro=intro, landscape=True, unsearched=(2,))


def pages(site: Site) -> list[Page]:
    return [targets_page(site), deadlines_page(site)]
