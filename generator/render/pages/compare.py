"""Comparison pages between levels: overview matrix, plan pairs, year themes, and their index."""

from __future__ import annotations

from collections import Counter

from generator.enrich.pairs import CONFIGURED, IMPLEMENTS, SAME_BASIS, PlanPair
from generator.render import urls
from generator.render.context import Site
from generator.render.environment import Page
from generator.render.tables import Table, table_page


def _tier_label(site: Site, plan) -> str:
    return site.level_name(plan.tier) + ("，非正式文件" if plan.unofficial else "")


def matrix_page(site: Site) -> Page:
    present = {p.tier for p in site.corpus.plans}
    levels = [lv for lv in site.corpus.config.levels if lv.key in present]  # a tier with no plan has no column of 0s
    table = Table("专题 × 层级总览", ["专题"] + [lv.name for lv in levels] + ["合计"])
    for topic in site.corpus.config.topics:
        ids = site.enrichment.measures_by_topic.get(topic.id, [])
        counts = Counter(site.measure(i).plan.tier for i in ids)
        row = [(topic.name, urls.topic(topic.id))]
        row += [(str(counts[lv.key]), urls.topic(topic.id)) if counts[lv.key] else "0" for lv in levels]
        row.append(str(len(ids)))
        table.rows.append(row)
    intro = "每格是该层级文件中属于该专题的举措条数，点击数字进入专题对照表。只列出已收录文件的层级。为 0 的格子表示按专题识别词没有把该层级的举措归入这一专题，不等于该层级没有部署这项工作：举措可能在别的专题下提及，请以原文为准。"
    return table_page(site, urls.MATRIX, table, intro=intro, landscape=len(levels) > 4)


ROLES = {  # relation → (label of the upper plan, of the lower plan, of the lower's own measures)
    IMPLEMENTS: ("上级", "下级", "本级特色举措"),
    CONFIGURED: ("对照文件", "被对照文件", "本文件另有的举措"),
    SAME_BASIS: ("层级较高的文件", "层级较低的文件", "本文件另有的举措"),
}


def pair_label(site: Site, pair: PlanPair) -> str:
    arrow = " ↔ " if pair.relation == SAME_BASIS else " → "
    return f"{site.corpus.plan(pair.upper).display_title}{arrow}{site.corpus.plan(pair.lower).display_title}"


def relation_text(site: Site, pair: PlanPair) -> str:
    """What the two plans are to each other, as the documents say (never guessed from tiers or years)."""
    upper, lower = site.corpus.plan(pair.upper), site.corpus.plan(pair.lower)
    if pair.relation == IMPLEMENTS:
        via = "、".join(site.corpus.plan(v).display_title for v in pair.via)
        chain = f"（经由{via}）" if via else ""
        return f"下级文件{lower.display_title}落实上级文件{upper.display_title}{chain}，见下级文件的“依据”一栏。"
    if pair.relation == SAME_BASIS:
        shared = shared_basis(site, pair)
        return (f"同一依据文件的落实对照：两份文件都落实{shared}，彼此不是上下级关系。"
                f"下表以层级较高的{upper.display_title}为基准，列出{lower.display_title}中用词最接近的举措。")
    return f"门户配置（site_config/comparisons.yaml）列出的对照：{upper.display_title}与{lower.display_title}。"


def shared_basis(site: Site, pair: PlanPair) -> str:
    mine = {(r.plan_id or r.reference_id): r for r in site.corpus.based_on[pair.lower]}
    common = [r for r in site.corpus.based_on[pair.upper] if (r.plan_id or r.reference_id) in mine]
    labels = [(f"《{r.ref.title}》" if r.ref.title else "") + (f"（{r.ref.doc_number}）" if r.ref.doc_number else "")
              for r in common]
    return "、".join(label for label in labels if label) or "同一份文件"


FRAMING = "总体要求类举措，不逐条对照"


def _cell(site: Site, measure_id: str | None, empty: str):
    if measure_id is None:
        return empty
    m = site.measure(measure_id)
    return (m.label, urls.measure(m.plan.id, m.key))


def _pair_rows(site: Site, pair: PlanPair, table: Table, own_label: str) -> None:
    for row in pair.rows:
        if row.framing:
            table.rows.append([_cell(site, row.upper, FRAMING), _cell(site, row.lower, FRAMING), "—", "—"])
        elif row.upper and row.lower:
            table.rows.append([_cell(site, row.upper, ""), _cell(site, row.lower, ""), f"{row.score:.2f}", f"{row.overlap * 100:.0f}%"])
        else:
            table.rows.append([_cell(site, row.upper, own_label), _cell(site, row.lower, "未见对应举措"), "—", "—"])


def pair_page(site: Site, pair: PlanPair) -> Page:
    upper, lower = site.corpus.plan(pair.upper), site.corpus.plan(pair.lower)
    up, down, own = ROLES[pair.relation]
    title = f"{'落实对照' if pair.relation == SAME_BASIS else '对照'}：{pair_label(site, pair)}"
    table = Table(title, [f"{up}举措", f"{down}对应举措", "相关度", "文字重合度"])
    _pair_rows(site, pair, table, own)
    total, covered = pair.upper_total, pair.matched
    intro = (f"{relation_text(site, pair)}\n\n{up}：{upper.full_title}（{_tier_label(site, upper)}）。"
             f"{down}：{lower.full_title}（{_tier_label(site, lower)}）。"
             f"\n\n{up} {total} 条举措中，{covered} 条在{down}中找到对应举措，{total - covered} 条未见对应举措；"
             f"{down}中另有 {pair.lower_own} 条举措未对应到{up}（表中标为“{own}”）。每条举措至多对应一条（按整体相似度最优分配）；指导思想、目标要求等总体要求类举措单列，不逐条对照。相关度按用词相似度计算（0—1），文字重合度是两条举措相同文字所占比例，过高可能意味着照抄（上下一般粗）。")
    if pair.note:
        intro += f"\n\n{pair.note}"
    return table_page(site, urls.pair(pair.upper, pair.lower), table, intro=intro, landscape=True)


def year_themes_page(site: Site) -> Page:
    plans = [p for p in site.corpus.plans if p.year_themes]
    years = sorted({t.year for p in plans for t in p.year_themes})
    table = Table("年度主题对照", ["年份"] + [p.display_title for p in plans])
    for year in years:
        row = [(f"{year}年", urls.year(year))]
        for p in plans:
            theme = next((t for t in p.year_themes if t.year == year), None)
            row.append(theme.theme if theme else "—")
        table.rows.append(row)
    intro = "各文件为每一年确定的工作主题。点击年份查看该年各文件的目标文字和涉及该年的举措。"
    return table_page(site, urls.YEAR_THEMES, table, intro=intro)


def compare_index(site: Site) -> Page:
    path = urls.COMPARE
    pairs = [{"label": pair_label(site, p), "path": urls.pair(p.upper, p.lower), "pair": p} for p in site.enrichment.pairs]
    titles = {IMPLEMENTS: "上下级落实", SAME_BASIS: "同一依据文件的落实对照", CONFIGURED: "配置的对照"}
    groups = [{"title": title, "pairs": [p for p in pairs if p["pair"].relation == relation]} for relation, title in titles.items()]
    markdown = site.render("compare.md.j2", path, groups=groups)
    return Page(path, "层级对照", markdown, kind="page", search_text="层级对照 " + " ".join(p["label"] for p in pairs))


def pages(site: Site) -> list[Page]:
    result = [compare_index(site), matrix_page(site), year_themes_page(site)]
    result += [pair_page(site, pair) for pair in site.enrichment.pairs]
    return result
