"""Checks of a loaded plan that the model cannot make alone: its level, measure numbers, topics, and links across files."""

from __future__ import annotations

from generator.load.corpus import Corpus, place_measures
from generator.load.model import Plan
from generator.load.site_config import SiteConfig
from generator.load.source import YamlDocument
from generator.problems import ContentError, error, warning


def check_plan(plan: Plan, doc: YamlDocument, config: SiteConfig) -> list[ContentError]:
    problems = []
    if config.level(plan.level) is None:
        line, column = doc.where(("level",))
        choices = "、".join(f"{lv.key}（{lv.name}）" for lv in config.levels)
        problems.append(error(doc.path, line, column, f"未知层级“{plan.level}”。请写 site_config/levels.yaml 中的一个：{choices}。"))
    seen: dict[str, tuple] = {}
    placed_measures = place_measures(plan)
    for placed in placed_measures:
        line, column = doc.where(placed.loc + ("number",))
        if placed.key in seen:
            first_line = doc.where(seen[placed.key] + ("number",))[0]
            scope = "附件中" if placed.annex_index is not None else "正文中"
            problems.append(error(doc.path, line, column, f"举措编号“{placed.measure.number}”在{scope}重复（第 {first_line} 行已有）。请核对原文编号。"))
        seen.setdefault(placed.key, placed.loc)
    topic_ids = {t.id for t in config.topics}
    for placed in placed_measures:
        for i, topic in enumerate(placed.measure.topics):
            if topic not in topic_ids:
                line, column = doc.where(placed.loc + ("topics", i))
                problems.append(error(doc.path, line, column, f"未知专题“{topic}”。请写 site_config/topics.yaml 中某个专题的 id。"))
    return problems


def check_links(corpus: Corpus, docs: dict[str, YamlDocument]) -> list[ContentError]:
    problems = []
    for plan in corpus.plans:
        doc = docs[plan.id]
        for i, resolved in enumerate(corpus.based_on[plan.id]):
            if not resolved.resolved:
                line, column = doc.where(("based_on", i))
                what = resolved.ref.doc_number or f"《{resolved.ref.title}》"
                problems.append(warning(doc.path, line, column, f"依据文件 {what} 既不是本门户收录的方案，也不在 site_config/references.yaml 中。请在 references.yaml 中补充这份文件（id、title、doc_number），或核对文号和标题。"))
        for placed in corpus.by_plan[plan.id]:
            for j, link in enumerate(placed.measure.see_also):
                problems += _check_see_also(corpus, doc, placed.loc + ("see_also", j), link)
    return problems


def _check_see_also(corpus: Corpus, doc: YamlDocument, loc: tuple, link) -> list[ContentError]:
    if link.plan not in corpus.plans_by_id:
        line, column = doc.where(loc + ("plan",))
        return [error(doc.path, line, column, f"see_also 指向的方案“{link.plan}”不存在。请写一个已收录方案的 id。")]
    if link.measure and f"{link.plan}/{link.measure}" not in corpus.by_id:
        line, column = doc.where(loc + ("measure",))
        keys = "、".join(m.key for m in corpus.by_plan[link.plan][:8])
        return [error(doc.path, line, column, f"方案“{link.plan}”中没有编号键为“{link.measure}”的举措。可用的编号键如：{keys}……")]
    return []
