"""Validating parsed YAML against the model; pydantic's errors turned into plain Chinese."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from generator.load.source import YamlDocument
from generator.problems import ContentError, error

M = TypeVar("M")

FIELD_NAMES = {
    "id": "id（网址用的标识）", "source": "source（来源文件名）", "title": "title（标题）",
    "short_title": "short_title（简称）", "doc_number": "doc_number（文号）", "issuer": "issuer（发文机关）",
    "level": "level（层级）", "region": "region（地区）", "kind": "kind（文种）", "issued": "issued（日期）",
    "period": "period（实施期限）", "start": "start（起始年份）", "end": "end（截止年份）",
    "based_on": "based_on（依据文件）", "recipients": "recipients（主送）", "notice": "notice（印发通知）",
    "preamble": "preamble（前言）", "year_themes": "year_themes（年度主题）", "year": "year（年份）",
    "theme": "theme（主题）", "text": "text（正文）", "sections": "sections（章节）", "annexes": "annexes（附件）",
    "measures": "measures（举措）", "number": "number（编号）", "topics": "topics（专题）",
    "see_also": "see_also（相关链接）", "plan": "plan（方案 id）", "measure": "measure（举措编号）",
    "name": "name（名称）", "key": "key（键）", "order": "order（排序）", "words": "words（关键词）",
}

SLUG_HINT = "只能用小写英文字母 a-z、数字 0-9 和连字符 -（不能有空格、斜杠、“..”或汉字），例如 shenzhen-2018-2020"

VALUE_ERRORS = {
    "date_format": "日期格式不对。请写成 \"2018-10-29\"、\"2018-10\" 或 \"2018\"（加双引号）；原文没有日期就写 \"\"。",
    "period_order": "截止年份早于起始年份。请检查 period 的 start 和 end。",
    "docref_empty": "依据文件至少要写 doc_number（文号）或 title（标题）中的一项。",
}


def field_label(name: Any) -> str:
    return FIELD_NAMES.get(str(name), f"“{name}”")


def validate(doc: YamlDocument, target: type[M] | TypeAdapter, label: str = "") -> tuple[M | None, list[ContentError]]:
    """Validate ``doc.data`` against a model class or a TypeAdapter; all problems at once."""
    adapter = target if isinstance(target, TypeAdapter) else TypeAdapter(target)
    try:
        return adapter.validate_python(doc.data), []
    except ValidationError as exc:
        return None, [_explain(doc, item, adapter) for item in exc.errors(include_url=False)]


def _explain(doc: YamlDocument, item: dict, adapter: TypeAdapter) -> ContentError:
    loc = tuple(part for part in item["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    kind = item["type"]
    if kind == "extra_forbidden":
        line, column = doc.where(loc, key=True)
        return error(doc.path, line, column, _unknown_key(loc[-1], _allowed_keys(adapter, loc[:-1], doc)))
    if kind == "missing":
        line, column = doc.where(loc[:-1])
        return error(doc.path, line, column, f"缺少必填字段 {field_label(loc[-1])}。请在这一项里加上一行：{loc[-1]}: …")
    line, column = doc.where(loc)
    return error(doc.path, line, column, _explain_value(loc, kind, item))


def _explain_value(loc: tuple, kind: str, item: dict) -> str:
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    where = field_label(name) if name else ("文件最外层" if not loc else "这一项")
    ctx = item.get("ctx") or {}
    if kind == "value_error":
        code = str(ctx.get("error", ""))
        return VALUE_ERRORS.get(code, f"{where} 的值不对：{code}")
    if kind == "string_pattern_mismatch":
        return f"{where} 的写法不对：{SLUG_HINT}。现在写的是“{item.get('input')}”。"
    if kind in ("string_too_short",):
        return f"{where} 不能为空。请照原文写入内容。"
    if kind in ("string_type", "string_sub_type"):
        return f"{where} 应是一段文字，这里却是{_shape(item.get('input'))}。若要写多段文字，请用 |- 块写法。"
    if kind in ("list_type", "tuple_type"):
        return f"{where} 应是列表（每项另起一行，以“- ”开头），这里却是{_shape(item.get('input'))}。"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{where} 应是“键: 值”形式的映射，这里却是{_shape(item.get('input'))}。{'方案文件的最外层应直接写 id: …、title: … 等字段，不要以“- ”开头。' if not loc else ''}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{where} 应是整数年份，如 2018；现在写的是“{item.get('input')}”。"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{where} 超出范围（应在 1900 到 2100 之间）：现在写的是“{item.get('input')}”。"
    if kind == "string_too_long":
        return f"{where} 太长（最多 {ctx.get('max_length')} 个字符）。"
    return f"{where} 的值不对（{item.get('msg')}）。"


def _shape(value: Any) -> str:
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射（键: 值）"
    if value is None:
        return "空值"
    return f"文字“{value}”"


def _unknown_key(key: Any, allowed: list[str]) -> str:
    guess = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
    hint = f"您是不是想写“{guess[0]}”？" if guess else ""
    listing = "、".join(allowed) if allowed else ""
    return f"未知字段“{key}”。{hint}这里可用的字段有：{listing}。"


def _allowed_keys(adapter: TypeAdapter, loc: tuple, doc: YamlDocument) -> list[str]:
    """Field names of the model that sits at ``loc`` (found by walking the schema)."""
    schema = adapter.json_schema()
    defs = schema.get("$defs", {})
    node = schema
    for part in loc:
        node = _resolve(node, defs)
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part, {})
        node = _first_object(node, defs)
    node = _resolve(node, defs)
    return list(node.get("properties", {}).keys())


def _resolve(node: dict, defs: dict) -> dict:
    while "$ref" in node:
        node = defs[node["$ref"].split("/")[-1]]
    return node


def _first_object(node: dict, defs: dict) -> dict:
    for option in node.get("anyOf", []):
        option = _resolve(option, defs)
        if option.get("type") in ("object", "array") or "properties" in option:
            return option
    return node
