"""Validating parsed YAML against the model; each pydantic error becomes a problem with a code.

pydantic's own error kinds map to codes through ``PYDANTIC_CODES``; the model's validators raise
``PydanticCustomError`` whose type already is the code (``plan.date_format``, ...).
"""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from generator.load.source import YamlDocument
from generator.messages import MESSAGES, field_label, join, phrase
from generator.problems import ContentError, error

M = TypeVar("M")

PYDANTIC_CODES = {
    "extra_forbidden": "plan.unknown_key",
    "missing": "plan.missing_field",
    "string_pattern_mismatch": "plan.slug",
    "string_too_short": "plan.empty_text",
    "string_type": "plan.wrong_type.text", "string_sub_type": "plan.wrong_type.text",
    "list_type": "plan.wrong_type.list", "tuple_type": "plan.wrong_type.list",
    "model_type": "plan.wrong_type.mapping", "dict_type": "plan.wrong_type.mapping",
    "model_attributes_type": "plan.wrong_type.mapping",
    "int_parsing": "plan.wrong_type.integer", "int_type": "plan.wrong_type.integer",
    "int_from_float": "plan.wrong_type.integer", "int_parsing_size": "plan.wrong_type.integer",
    "bool_parsing": "plan.wrong_type.bool", "bool_type": "plan.wrong_type.bool",
    "greater_than_equal": "plan.out_of_range", "less_than_equal": "plan.out_of_range",
    "string_too_long": "plan.too_long",
    "too_short": "plan.too_few", "too_long": "plan.too_many",
}
YEAR_FIELDS = {"year", "start", "end"}  # integers that are years (the others: order)
SHOWN = 60  # characters of a wrong value quoted in a message


def validate(doc: YamlDocument, target: type[M] | TypeAdapter, label: str = "") -> tuple[M | None, list[ContentError]]:
    """Validate ``doc.data`` against a model class or a TypeAdapter; all problems at once."""
    adapter = target if isinstance(target, TypeAdapter) else TypeAdapter(target)
    try:
        return adapter.validate_python(doc.data), []
    except ValidationError as exc:
        return None, [_explain(doc, item, adapter) for item in exc.errors(include_url=False)]


def problem_code(kind: str, loc: tuple) -> str:
    """The problem code of a pydantic error of type ``kind`` at ``loc``."""
    if kind in MESSAGES:  # raised by a validator of generator.load.model
        return kind
    code = PYDANTIC_CODES.get(kind, "plan.invalid_value")
    if code == "plan.wrong_type.mapping" and not loc:
        return "plan.wrong_type.top_level"
    return code


def _explain(doc: YamlDocument, item: dict, adapter: TypeAdapter) -> ContentError:
    loc = tuple(part for part in item["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    code = problem_code(item["type"], loc)
    if code == "plan.unknown_key":
        line, column = doc.where(loc, key=True)
        key, allowed = loc[-1], _allowed_keys(adapter, loc[:-1], doc)
        return error(code, doc.path, line, column, key=key, suggestion=_suggestion(key, allowed), allowed=join(allowed))
    if code == "plan.missing_field":
        line, column = doc.where(loc[:-1])
        return error(code, doc.path, line, column, field=field_label(loc[-1]), key=loc[-1])
    line, column = doc.where(loc)
    return error(code, doc.path, line, column, **_value_params(loc, item))


def _value_params(loc: tuple, item: dict) -> dict[str, Any]:
    """Everything a template about a wrong value may ask for: where, value, shape, detail, and pydantic's ctx."""
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    where = field_label(name) if name else phrase("where.top_level" if not loc else "where.item")
    value = item.get("input")
    if isinstance(value, str) and len(value) > SHOWN:
        value = value[:SHOWN] + "…"
    integer = phrase("integer.year" if name in YEAR_FIELDS else "integer.plain")
    return {**(item.get("ctx") or {}), "where": where, "value": value, "shape": _shape(value), "integer": integer}


def _shape(value: Any) -> str:
    if isinstance(value, list):
        return phrase("shape.list")
    if isinstance(value, dict):
        return phrase("shape.mapping")
    if value is None:
        return phrase("shape.null")
    return phrase("shape.text", value=value)


RENAMED = {"level": "tier"}  # fields of older plan files → their name now


def _suggestion(key: Any, allowed: list[str]) -> str:
    if RENAMED.get(str(key)) in allowed:
        return phrase("renamed_field", old=key, new=RENAMED[str(key)])
    guess = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
    return phrase("did_you_mean", guess=guess[0]) if guess else ""


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
