"""The YAML draft of an imported plan.

Written by hand rather than by ``yaml.dump`` so that every string is quoted or
a ``|-`` block scalar (YAML 1.1 never guesses a type), keys follow the model's
order, and the maintainer finds comments on what to fill in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ImportResult:
    data: dict
    chrome: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)  # fields the maintainer must fill in
    found: list[str] = field(default_factory=list)  # what the importer recognised (识别结果, 结构 …)
    kept: float = 1.0  # share of the source's Chinese characters kept in the draft


SCHEMA_LINE = "# yaml-language-server: $schema=../../site_config/plan.schema.json"
PLAN_KEYS = ("id", "source", "title", "short_title", "doc_number", "issuer", "tier", "body_kind", "region", "kind",
             "issued", "period", "based_on", "recipients", "notice", "notice_signer", "notice_date",
             "preamble", "year_themes", "sections", "annexes", "closing", "footer", "notes", "unofficial")
INLINE_COMMENTS = {
    "tier": "待填写：发文机关所在层级 中央/省/市/区县/乡镇/街道/村/社区（部门、单位按所在层级）",
    "body_kind": "待填写：机关类别 党委/办公厅（室）/组织部门/部门/高校/国有企业/医院/其他；看不出则留空",
    "region": "待填写：地区，如 广州市海珠区；中央文件写 全国；原文看不出则留空",
}
MISSING_COMMENTS = {
    "period": "# period: {start: 2018, end: 2020}  # 待填写：实施期限；原文没有写明则删去本行",
}
# Characters YAML refuses to read as they are, or reads as line breaks: written as \uXXXX.
NEEDS_ESCAPE = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quote(text: str) -> str:
    """A YAML double-quoted scalar."""
    body = "".join(ESCAPES.get(ch) or (f"\\u{ord(ch):04x}" if NEEDS_ESCAPE.match(ch) else ch) for ch in text)
    return f'"{body}"'


def _block_ok(text: str) -> bool:
    if "\n" not in text or text.endswith("\n") or "\r" in text or NEEDS_ESCAPE.search(text):
        return False
    return not any(line[:1].isspace() for line in text.split("\n"))


def _scalar(key: str, value: Any, pad: str) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"cannot write {type(value).__name__} for {key}")
    if isinstance(value, int):
        return [f"{pad}{key}: {value}"]
    if _block_ok(value):
        return [f"{pad}{key}: |-", *(f"{pad}  {line}" if line else "" for line in value.split("\n"))]
    return [f"{pad}{key}: {quote(value)}"]


def _item(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        lines = emit_mapping(value, indent + 2)
        return [f"{pad}- {lines[0].lstrip()}", *lines[1:]] if lines else [f"{pad}- {{}}"]
    return [f"{pad}- {quote(str(value)) if isinstance(value, str) else value}"]


def _entry(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, list):
        if not value:
            return [f"{pad}{key}: []"]
        return [f"{pad}{key}:", *(line for item in value for line in _item(item, indent + 2))]
    if isinstance(value, dict):
        return [f"{pad}{key}:", *emit_mapping(value, indent + 2)] if value else [f"{pad}{key}: {{}}"]
    return _scalar(key, value, pad)


def emit_mapping(mapping: dict, indent: int = 0, comments: dict[str, str] | None = None) -> list[str]:
    """Lines of a block mapping; ``None`` values are left out (or replaced by a comment)."""
    comments = comments or {}
    lines: list[str] = []
    for key, value in mapping.items():
        if value is None:
            if key in MISSING_COMMENTS and comments:
                lines.append(" " * indent + MISSING_COMMENTS[key])
            continue
        entry = _entry(key, value, indent)
        if key in comments and value in ("", []):
            entry[-1] += f"  # {comments[key]}"
        lines += entry
    return lines


def ordered_plan(data: dict) -> dict:
    """The plan's keys in the model's order (unknown keys last, so nothing is lost)."""
    known = {key: data[key] for key in PLAN_KEYS if key in data}
    return known | {key: value for key, value in data.items() if key not in known}


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def header_comments(result: ImportResult) -> list[str]:
    source = result.data.get("source") or "原文"
    lines = [f"# 方案草稿：由 python -m generator import 从 {source} 生成。请对照原文逐项核对后再提交。"]
    lines += [f"# {_one_line(line)}" for line in result.found]
    if result.chrome:
        lines.append("# 已删除的网页杂项（不属于正文，未写入任何字段）：")
        lines += [f"#   {_one_line(line)}" for line in result.chrome]
    lines += [f"# 待填写：{item}" for item in result.todo]
    lines += [f"# 注意：{_one_line(w)}" for w in result.warnings]
    lines.append(f"# 草稿保留了原文正文 {result.kept:.1%} 的汉字。")
    return lines


def dump_yaml(result: ImportResult, *, draft: bool = True) -> str:
    """The YAML text of a draft; ``draft=False`` leaves out the maintainer's to-do comments."""
    lines = [SCHEMA_LINE, *(header_comments(result) if draft else [])]
    lines += emit_mapping(ordered_plan(result.data), 0, INLINE_COMMENTS if draft else None)
    return "\n".join(lines) + "\n"
