"""Plain text of an official document → a plan draft (a dict shaped like ``generator.load.model.Plan``).

The importer copies, it never rewrites: it cuts a paste whose line breaks were lost
back into lines, drops web-page chrome, joins lines broken inside sentences, removes
artefact spaces between Chinese characters, and sorts the paragraphs into the plan's
fields. Whatever it cannot know (tier, body_kind, region…) is left empty for the
maintainer, with a warning; what it found is summed up in the draft's header comment.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from generator.importer.breaks import restore_breaks
from generator.importer.chrome import ChromeSplit
from generator.importer.cleanup import repair_paragraphs, split_chrome
from generator.importer.draft import ImportResult, dump_yaml
from generator.importer.fidelity import kept_ratio
from generator.importer.front import Front, Tail, read_front, read_tail
from generator.importer.patterns import (
    ANNEX_NOTE,
    ANNEX_YEAR,
    SLUG_CHARS,
    plausible_year,
)
from generator.importer.refs import (
    find_based_on,
    find_kind,
    find_period,
    find_preamble_themes,
    find_year_themes,
)
from generator.importer.report import Origins, found_lines, todo_list, warnings_for
from generator.importer.structure import PARAGRAPH_SEP, Body, parse_body, parse_numbered
from generator.load.characters import IN_VALUE, code_point

__all__ = ["ImportResult", "import_text", "dump_yaml", "slug_from_name"]

MIN_KEPT = 0.98
LINE_BREAKS = str.maketrans({c: "\n" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})  # page breaks of PDF text …


def slug_from_name(name: str) -> str:
    stem = PurePath(name).stem.lower() if name else ""
    slug = re.sub(f"[^{SLUG_CHARS}]+", "-", stem).strip("-")
    return slug or "draft"


def _join(paragraphs: list[str]) -> str:
    return PARAGRAPH_SEP.join(p for p in paragraphs if p)


def _annex(number: str, paragraphs: list[str], warnings: list[str]) -> dict:
    title, rest = (paragraphs[0], paragraphs[1:]) if paragraphs else ("", [])
    body = parse_numbered(rest)
    annex: dict = {"number": number, "title": title}
    year = ANNEX_YEAR.match(title)
    if year and plausible_year(int(year.group(1))):
        annex["year"] = int(year.group(1))
    annex["text"] = _join(body.preamble)
    sections = body.sections
    loose = sections[0]["measures"] if sections and not sections[0]["title"] and not sections[0]["number"] else []
    annex["measures"] = loose
    annex["sections"] = sections[1:] if loose else sections
    warnings += [f"附件：{w}" for w in body.warnings]
    if not title:
        warnings.append("附件没有标题，请填写 annexes 的 title。")
    if body.closing:
        annex["text"] = _join([annex["text"], *body.closing])
    return annex


def _year_themes(body: Body, body_paragraphs: list[str]) -> list[dict]:
    themes = find_year_themes(body_paragraphs)
    known = {t["year"] for t in themes}
    themes += [t for t in find_preamble_themes(body.preamble) if t["year"] not in known]
    return sorted(themes, key=lambda t: t["year"])


def _origins(front: Front, tail: Tail, page: ChromeSplit) -> Origins:
    title = "file" if not front.title and page.file_title else ""
    issuers = (("header", front.issuer), ("notice", front.notice_signer), ("title", front.signer),
               ("signature", tail.signer))
    dates = (("notice", front.issued), ("title", front.dated), ("signature", tail.signed), ("printed", tail.printed),
             ("page", page.published))
    return Origins(title, next((k for k, v in issuers if v), ""), next((k for k, v in dates if v), ""))


def _assemble(plan_id: str, source: str, parts: tuple[Front, Tail, Body, ChromeSplit], extras: dict) -> dict:
    front, tail, body, page = parts
    title = front.title or page.file_title
    notice = [front.notice_title, *front.notice] if front.notice_title else front.notice
    issuer = front.issuer or front.notice_signer or front.signer or tail.signer
    issued = front.issued or front.dated or tail.signed or tail.printed or page.published
    return {
        "id": plan_id, "source": source, "title": title, "short_title": "",
        "doc_number": front.doc_number, "issuer": issuer, "tier": "", "body_kind": "", "region": "",
        "kind": find_kind(title), "issued": issued, "period": find_period(title),
        "based_on": find_based_on([*body.preamble, title, *front.notice]),
        "recipients": front.recipients, "notice": _join(notice), "notice_signer": front.notice_signer,
        "notice_date": front.notice_date, "preamble": _join(body.preamble),
        "year_themes": extras["year_themes"], "sections": body.sections, "annexes": extras["annexes"],
        "closing": _join([*body.closing, *tail.annex_notes, *tail.signature]), "footer": _join(tail.footer),
        "notes": "",
    }


def import_text(text: str, source_name: str = "", plan_id: str | None = None) -> ImportResult:
    """Turn the plain text of a document into a plan draft; see the module docstring."""
    text = text.lstrip("\ufeff").translate(LINE_BREAKS)  # as str.splitlines() reads them
    controls = IN_VALUE.findall(text)  # invisible, and refused by check: dropped, with a warning
    restored = restore_breaks(IN_VALUE.sub("", text) if controls else text)
    page = split_chrome("\n".join(restored.lines))
    paragraphs = repair_paragraphs(page.lines)
    front = read_front(paragraphs)
    tail = read_tail(paragraphs, front.body_start)
    body_paragraphs = [p for p in paragraphs[front.body_start:tail.body_end] if not ANNEX_NOTE.match(p)]
    body = parse_body(body_paragraphs)
    warnings: list[str] = []
    annexes = [_annex(number, paras, warnings) for number, paras in tail.annexes]
    extras = {"annexes": annexes, "year_themes": _year_themes(body, body_paragraphs)}
    data = _assemble(plan_id or slug_from_name(source_name), PurePath(source_name).name,
                     (front, tail, body, page), extras)
    if controls:
        warnings.append(f"原文中有 {len(controls)} 个不可见的控制字符（如 {code_point(controls[0])}），已删除。")
    origins = _origins(front, tail, page)
    result = ImportResult(data, page.chrome, warnings_for(front, tail, body, data, origins) + warnings,
                          todo_list(data), found_lines(data, origins, page, restored))
    result.kept = kept_ratio(text, data)
    if result.kept < MIN_KEPT:
        result.warnings.append(f"草稿只保留了原文 {result.kept:.1%} 的汉字（应不低于 {MIN_KEPT:.0%}），请对照原文检查遗漏。")
    return result
