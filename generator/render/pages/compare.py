"""Comparison pages between levels: overview matrix, plan pairs, year themes, and their index."""

from __future__ import annotations

from collections import Counter

from generator.enrich.enrichment import PlanPair
from generator.render import urls
from generator.render.context import Site
from generator.render.environment import Page
from generator.render.tables import Table, table_page


def matrix_page(site: Site) -> Page:
    levels = site.corpus.config.levels
    table = Table("专题 × 层级总览", ["专题"] + [lv.name for lv in levels] + ["合计"])
    for topic in site.corpus.config.topics:
        ids = site.enrichment.measures_by_topic.get(topic.id, [])
        counts = Counter(site.measure(i).plan.level for i in ids)
        row = [(topic.name, urls.topic(topic.id))]
        row += [(str(counts[lv.key]), urls.topic(topic.id)) if counts[lv.key] else "0" for lv in levels]
        row.append(str(len(ids)))
        table.rows.append(row)
    intro = "每格是该层级文件中属于该专题的举措条数，点击数字进入专题对照表。为 0 的格子表示该层级的文件没有专门部署这项工作。"
    return table_page(site, urls.MATRIX, table, intro=intro)


def pair_label(site: Site, pair: PlanPair) -> str:
    return f"{site.corpus.plan(pair.upper).display_title} ↔ {site.corpus.plan(pair.lower).display_title}"


def pair_page(site: Site, pair: PlanPair) -> Page:
    upper, lower = site.corpus.plan(pair.upper), site.corpus.plan(pair.lower)
    table = Table(f"对照：{upper.display_title} → {lower.display_title}",
                  ["上级举措", "下级对应举措", "相关度", "文字重合度"])
    from generator.text.diff import compare_texts

    covered = 0
    for upper_id, hit in pair.matches.items():
        um = site.measure(upper_id)
        if hit is None:
            table.rows.append([(um.label, urls.measure(um.plan.id, um.key)), "未见对应举措", "—", "—"])
            continue
        covered += 1
        lm = site.measure(hit[0])
        ratio = compare_texts(f"{um.measure.title}。{um.measure.text}", f"{lm.measure.title}。{lm.measure.text}").ratio
        table.rows.append([(um.label, urls.measure(um.plan.id, um.key)), (lm.label, urls.measure(lm.plan.id, lm.key)),
                           f"{hit[1]:.2f}", f"{ratio * 100:.0f}%"])
    for lower_id in pair.unmatched_lower:
        lm = site.measure(lower_id)
        table.rows.append(["本级特色举措", (lm.label, urls.measure(lm.plan.id, lm.key)), "—", "—"])
    total = len(pair.matches)
    intro = (f"上级文件：{upper.title}（{site.level_name(upper.level)}）。下级文件：{lower.title}（{site.level_name(lower.level)}）。"
             f"\n\n上级 {total} 条举措中，{covered} 条在下级文件中找到对应举措，{total - covered} 条未见对应举措；"
             f"下级文件另有 {len(pair.unmatched_lower)} 条本级特色举措。相关度按用词相似度计算（0—1），文字重合度是两条举措相同文字所占比例，过高可能意味着照抄上级文件（上下一般粗）。")
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
    markdown = site.render("compare.md.j2", path, pairs=pairs)
    return Page(path, "层级对照", markdown, kind="page", search_text="层级对照 " + " ".join(p["label"] for p in pairs))


def pages(site: Site) -> list[Page]:
    result = [compare_index(site), matrix_page(site), year_themes_page(site)]
    result += [pair_page(site, pair) for pair in site.enrichment.pairs]
    return result
