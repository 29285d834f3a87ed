"""The nav for MkDocs: plans, years, topics, levels and comparisons — never individual measures."""

from __future__ import annotations

from generator.load.corpus import Corpus
from generator.render import urls
from generator.render.markup import theme_text as t


def build_nav(corpus: Corpus, years: list[int], plan_limit: int) -> list:
    """The nav; past ``plan_limit`` plans it lists levels only (each level page lists its plans).

    Every page carries the whole sidebar, so this keeps page size from growing with the corpus: levels
    once (under 方案), years, one entry for the topics, the comparisons. Every entry has its title
    here, not from its page: an incremental build renders the sidebar of a page without reading the
    others. Titles from the content are HTML-escaped: mkdocs-material prints nav titles raw.
    """
    plans_by_level = []
    list_plans = len(corpus.plans) <= plan_limit
    for lv in corpus.config.levels:
        plans = [{t(p.display_title): urls.plan(p.id)} for p in corpus.plans if p.tier == lv.key and list_plans]
        if plans:
            # the level page heads the section, so navigation.indexes never swallows a plan
            plans_by_level.append({t(lv.name): [{t(lv.name): urls.level(lv.key)}] + plans})
        elif not list_plans and any(p.tier == lv.key for p in corpus.plans):
            plans_by_level.append({t(lv.name): urls.level(lv.key)})
    return [
        {"首页": urls.HOME},
        {"方案": [{"全部方案": urls.PLANS}, {"层级总览": urls.LEVELS}] + plans_by_level},
        {"年度": [{"年度总览": urls.YEARS}] + [{f"{y}年": urls.year(y)} for y in years]},
        {"专题": urls.TOPICS},  # one entry: the overview lists every topic (33 entries on every page otherwise)
        {"对照": [{"对照总览": urls.COMPARE}, {"专题 × 层级": urls.MATRIX}, {"年度主题对照": urls.YEAR_THEMES},
                {"量化指标": urls.TARGETS}, {"时间节点": urls.DEADLINES}, {"引用文件": urls.CITATIONS}]},
        {"搜索": urls.SEARCH},
    ]
