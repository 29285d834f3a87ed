"""Pair pages: an upper and a lower plan's measures side by side, in their own words.

One row per aligned pair (upper text | lower text), the phrases they share marked, the match
strength in words (高度对应/部分对应/弱对应) with the numbers in a tooltip; then the upper
measures with no counterpart, the lower plan's own measures, and the framing measures
(指导思想, 目标要求 …) apart. The page's downloads carry the same rows with both texts.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.enrich.alignment import Row
from generator.enrich.pairs import CONFIGURED, IMPLEMENTS, SAME_BASIS, PlanPair
from generator.render import urls
from generator.render.context import Site, issued_label
from generator.render.environment import Page
from generator.render.tables import Table, table_page
from generator.text.diff import compare_texts
from generator.text.highlight import marked

__all__ = ["pair_label", "pair_page", "relation_text"]


def _tier_label(site: Site, plan) -> str:
    return site.level_name(plan.tier) + ("，非正式文件" if plan.unofficial else "")


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


def _document(site: Site, plan) -> str:
    number = f"{plan.doc_number}，" if plan.doc_number else ""
    return f"{plan.full_title}（{number}{issued_label(plan)}，{_tier_label(site, plan)}）"


def _side(site: Site, measure_id: str | None, spans=()) -> dict | None:
    if measure_id is None:
        return None
    pm = site.measure(measure_id)
    return {"label": pm.label, "path": urls.measure(pm.plan.id, pm.key), "plain": " ".join(pm.measure.text.split()),
            "html": Markup(marked(pm.measure.text, spans, "span", "diff-same"))}


def _matched(site: Site, row: Row) -> dict:
    upper, lower = site.measure(row.upper), site.measure(row.lower)
    d = compare_texts(upper.measure.text, lower.measure.text)
    words = site.enrichment.strength(row.score)
    return {"upper": _side(site, row.upper, d.left_spans), "lower": _side(site, row.lower, d.right_spans),
            "strength": words, "score": row.score, "overlap": row.overlap,
            "tip": f"相关度 {row.score:.2f}（用词相似度，0—1）；文字重合度 {row.overlap * 100:.0f}%（两条举措中相同短语所占比例）"}


def sections(site: Site, pair: PlanPair) -> dict:
    compared = pair.compared
    return {
        "matched": [_matched(site, r) for r in compared if r.upper and r.lower],
        "unmatched": [_side(site, r.upper) for r in compared if r.upper and not r.lower],
        "own": [_side(site, r.lower) for r in compared if r.lower and not r.upper],
        "framing_upper": [_side(site, r.upper) for r in pair.rows if r.framing and r.upper],
        "framing_lower": [_side(site, r.lower) for r in pair.rows if r.framing and r.lower],
    }


def pair_table(site: Site, pair: PlanPair, parts: dict) -> Table:
    """The downloads: every row with both texts, its kind and its strength."""
    up, down, own = ROLES[pair.relation]
    kind = "落实对照" if pair.relation == SAME_BASIS else "对照"
    table = Table(f"{kind}：{pair_label(site, pair)}",
                  ["类别", f"{up}举措", f"{up}原文", f"{down}举措", f"{down}原文", "对应程度", "相关度", "文字重合度"])
    for m in parts["matched"]:
        table.rows.append(["对应", (m["upper"]["label"], m["upper"]["path"]), m["upper"]["plain"],
                           (m["lower"]["label"], m["lower"]["path"]), m["lower"]["plain"],
                           m["strength"], f"{m['score']:.2f}", f"{m['overlap'] * 100:.0f}%"])
    for kind, key, left in (("未见对应", "unmatched", True), (own, "own", False),
                            ("总体要求类", "framing_upper", True), ("总体要求类", "framing_lower", False)):
        for s in parts[key]:
            cells = [(s["label"], s["path"]), s["plain"]]
            table.rows.append([kind, *(cells + ["—", "—"] if left else ["—", "—"] + cells), "—", "—", "—"])
    return table


def pair_page(site: Site, pair: PlanPair) -> Page:
    upper, lower = site.corpus.plan(pair.upper), site.corpus.plan(pair.lower)
    up, down, own = ROLES[pair.relation]
    parts = sections(site, pair)
    total, covered = pair.upper_total, pair.matched
    intro = (f"{relation_text(site, pair)}\n\n{up}：{_document(site, upper)}。\n{down}：{_document(site, lower)}。"
             f"\n\n{up} {total} 条举措中，{covered} 条在{down}中找到对应举措，{total - covered} 条未见对应举措；"
             f"{down}中另有 {pair.lower_own} 条{own}。每条举措至多对应一条（按整体相似度最优分配），"
             f"两边相同的短语（连续 4 个字以上）加底色标出。对应程度按用词相似度分为高度对应、部分对应和弱对应；"
             f"指导思想、目标要求等总体要求类举措单列，不逐条对照。")
    if pair.note:
        intro += f"\n\n{pair.note}"
    return table_page(site, urls.pair(pair.upper, pair.lower), pair_table(site, pair, parts), intro=intro, landscape=True,
                      template="pair.md.j2", parts=parts, roles=ROLES[pair.relation], unsearched=(2, 4))
