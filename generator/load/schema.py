"""JSON Schemas for editors with a YAML language server (site_config/*.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from generator.load.model import Level, Plan, Reference


def _dump(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def plan_schema() -> dict:
    schema = Plan.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = "规划参考门户：方案文件"
    return schema


def write_schemas(folder: Path) -> list[Path]:
    outputs = {
        "plan.schema.json": plan_schema(),
        "levels.schema.json": TypeAdapter(list[Level]).json_schema(),
        "references.schema.json": TypeAdapter(list[Reference]).json_schema(),
    }
    written = []
    for name, schema in outputs.items():
        path = folder / name
        path.write_text(_dump(schema), encoding="utf-8")
        written.append(path)
    return written
