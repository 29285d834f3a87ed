"""Comparison pages between levels: overview matrix, plan pairs, year themes, and their index."""

from __future__ import annotations

from collections import Counter

from generator.enrich.pairs import CONFIGURED, IMPLEMENTS, SAME_BASIS
from generator.render import urls
from generator.render.context import Site
from generator.render.environment import Page
from generator.render.pages.topics import tier_anchor
from generator.render.pages.pairs import pair_label, pair_page
from generator.render.tables import Table, table_page


def matrix_page(site: Site) -> Page:
    present = {p.tier for p in site.corpus.plans}
    levels = [lv for lv in site.corpus.config.levels if lv.key in present]  # a tier with no plan has no column of 0s
    table = Table("专题 × 层级总览", ["专题"] + [lv.name for lv in levels] + ["合计"])
    for topic in site.corpus.config.topics:
        ids = site.enrichment.measures_by_topic.get(topic.id, [])
        counts = Counter(site.measure(i).plan.tier for i in ids)
        row = [(topic.name, urls.topic(topic.id))]
        row += [(str(counts[lv.key]), urls.topic(topic.id), tier_anchor(lv.key)) if counts[lv.key] else "0" for lv in levels]
        row.append(str(len(ids)))
        table.rows.append(row)
    intro = ("每格是该层级文件中专门部署这项工作的举措条数：举措中有句子对这项工作提出要求，才计入该专题，顺带提及的不计。"
             "只列出已收录文件的层级。为 0 表示该层级已收录的文件中没有举措对这项工作提出要求（按专题识别词判断），请以原文为准。")
    hint = '<p class="screen-only">点击数字进入专题页中该层级的举措。</p>'
    return table_page(site, urls.MATRIX, table, intro=intro, landscape=len(levels) > 4, before=hint)


THEME_COLUMNS = 6  # up to this many documents, one column each; more, one row each (years as columns)


def year_themes_page(site: Site) -> Page:
    plans = [p for p in site.corpus.plans if p.year_themes]
    years = sorted({t.year for p in plans for t in p.year_themes})
    themes = {(p.id, t.year): t.theme for p in plans for t in p.year_themes}
    if len(plans) <= THEME_COLUMNS:
        table = Table("年度主题对照", ["年份"] + [p.display_title for p in plans])
        for year in years:
            table.rows.append([(f"{year}年", urls.year(year))] + [themes.get((p.id, year), "—") for p in plans])
        hint = '<p class="screen-only">点击年份查看该年各文件的目标文字和涉及该年的举措。</p>'
    else:  # a column per document would not fit on a screen or on paper
        table = Table("年度主题对照", ["文件", "层级"] + [f"{y}年" for y in years])
        for p in plans:
            row = [(p.display_title, urls.plan(p.id)), site.level_name(p.tier)]
            table.rows.append(row + [themes.get((p.id, year), "—") for year in years])
        hint = '<p class="screen-only">点击文件名查看全文；各年的目标文字见“年度”下的年份页。</p>'
    intro = "各文件为每一年确定的工作主题。"
    return table_page(site, urls.YEAR_THEMES, table, intro=intro, before=hint)


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
