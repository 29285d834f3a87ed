"""What the importer tells the maintainer about a draft: what it found, what to fill in, what to check.

The lines go to the draft's header comment (``draft.header_comments``) and, for warnings, to
stderr. They are in Chinese, for the maintainer.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.importer.breaks import Restored
from generator.importer.chrome import ChromeSplit
from generator.importer.front import Front, Tail
from generator.importer.structure import Body
from generator.load.regions import Regions

ISSUER_ORIGINS = {"header": "版头", "notice": "印发通知的落款", "title": "标题下的署名", "signature": "文末落款"}


@dataclass
class Origins:
    """Where the draft's title, issuer and date were read."""

    title: str = ""  # "", or "file": the leading file name
    issuer: str = ""  # a key of ISSUER_ORIGINS
    issued: str = ""  # notice, title, signature, printed, page


def _measures(sections: list[dict]) -> list[dict]:
    found: list[dict] = []
    for section in sections:
        found += section["measures"] + _measures(section["sections"])
    return found


def _subsections(sections: list[dict]) -> int:
    return sum(len(s["sections"]) + _subsections(s["sections"]) for s in sections)


def _numbers(measures: list[dict]) -> str:
    numbers = [m["number"] for m in measures]
    return f"（{numbers[0]}—{numbers[-1]}）" if len(numbers) > 1 else f"（{numbers[0]}）" if numbers else ""


def structure_summary(data: dict) -> list[str]:
    """The parts, sub-headings and measures found, and what became of the text when there are no measures."""
    sections = [s for s in data["sections"] if s["number"] or s["title"]]
    measures = _measures(data["sections"])
    parts = [f"{len(sections)} 个部分（{'、'.join(s['number'] for s in sections[:12] if s['number'])}）"
             if any(s["number"] for s in sections) else f"{len(sections)} 个部分"]
    if _subsections(data["sections"]):
        parts.append(f"{_subsections(data['sections'])} 个下级标题")
    if measures or not sections:
        parts.append(f"举措 {len(measures)} 条{_numbers(measures)}" if measures else "未发现编号举措")
    for annex in data["annexes"]:
        count = len(annex["measures"] + _measures(annex["sections"]))
        parts.append(f"附件{annex['number']}“{annex['title'][:20]}”举措 {count} 条")
    lines = ["结构：" + "，".join(parts) + "。"]
    if not measures and sections:
        lines.append("未发现编号举措，正文按段落保存在各部分的 text 中。")
    return lines


def _period(period: dict | None) -> str:
    if not period:
        return ""
    years = f"{period['start']}" if period["start"] == period["end"] else f"{period['start']}—{period['end']}"
    return f"实施期限 {years} 年"


def fields_summary(data: dict, origins: Origins) -> str:
    period = data.get("period")
    found = [f"标题“{data['title']}”" + ("（取自开头的文件名）" if origins.title == "file" else "") if data["title"] else "",
             f"文种 {data['kind']}" if data["kind"] else "",
             _period(period),
             f"发文机关 {data['issuer']}（取自{ISSUER_ORIGINS[origins.issuer]}）" if data["issuer"] else "",
             f"日期 {data['issued']}" if data["issued"] else ""]
    return "识别结果：" + ("；".join(part for part in found if part) or "没有找到标题、文种、期限和发文机关") + "。"


def found_lines(data: dict, origins: Origins, page: ChromeSplit, restored: Restored) -> list[str]:
    """The header comment's 识别结果: fields, structure, and how the text was read."""
    lines = [fields_summary(data, origins), *structure_summary(data)]
    if restored.collapsed:
        lines.append(f"原文有 {restored.collapsed} 行很长的文本（换行已丢失），已按编号和句末标点拆回 "
                     f"{restored.pieces} 行，请核对分段。")
    for attachment in page.attachments:
        lines.append(f"开头的文件名行“{attachment}”不属于正文，未写入正文。")
    hint = region_hint(data.get("issuer", ""))
    if hint:
        lines.append(hint)
    return lines


TIER_BY_DEPTH = {1: "省", 2: "市", 3: "区县", 4: "乡镇/街道"}


def region_hint(issuer: str) -> str:
    """Where the issuer's name places it in the division table, as a hint (the draft leaves region empty)."""
    path = Regions([]).match(issuer).path if issuer else ()
    if not path:
        return ""
    tier = TIER_BY_DEPTH.get(len(path), "")
    return (f"据发文机关“{issuer}”，地区可能是 {' › '.join(path)}" + (f"，层级可能是 {tier}" if tier else "")
            + "（部门、单位按所在层级），请核对后填写 region 和 tier。")


def todo_list(data: dict) -> list[str]:
    todo = ["tier（层级：中央、省、市、区县、乡镇/街道、村/社区，按发文机关所在层级）",
            "body_kind（机关类别：党委、办公厅（室）、组织部门、部门、高校、国有企业、医院、其他）",
            "region（地区，如 广州市海珠区；中央文件写 全国；原文看不出则留空）"]
    labels = {"title": "title（标题）", "issuer": "issuer（发文机关；原文未写明则留空）",
              "issued": "issued（日期 YYYY-MM-DD；原文没有则留空）", "kind": "kind（文种）",
              "period": "period（实施期限 start/end）"}
    todo += [label for key, label in labels.items() if not data.get(key)]
    return todo


def warnings_for(front: Front, tail: Tail, body: Body, data: dict, origins: Origins) -> list[str]:
    warnings = list(body.warnings)
    if not data["title"]:
        warnings.append("没有找到标题，请填写 title。")
    if not data["sections"]:
        warnings.append("没有识别出任何章节或举措，请检查原文的编号格式。")
    if front.notice_title and not front.notice_date and origins.issued == "printed":
        warnings.append("印发通知没有落款日期，issued 取自版记的印发日期，请核对。")
    if origins.issued == "page":
        warnings.append(f"issued（{data['issued']}）取自网页上的发布日期，请核对。")
    if origins.issuer in ("title", "signature"):
        warnings.append(f"issuer（{data['issuer']}）取自{ISSUER_ORIGINS[origins.issuer]}，请核对。")
    if tail.annex_notes:
        warnings.append("正文末尾的“附件：……”说明已放入 closing，请核对。")
    return warnings
