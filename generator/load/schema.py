"""JSON Schemas for editors with a YAML language server (site_config/*.schema.json).

The plan schema lists the tiers and body kinds of the site config (names first, then keys and
aliases) so an editor offers them and flags a typo, as ``check`` does.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from generator.load.model import BodyKind, ComparisonPair, Level, Plan, Reference, RegionOverride
from generator.load.site_config import SiteConfig


def _dump(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _spellings(items: list) -> list[str]:
    """Every value ``check`` accepts for a tier or a kind, the canonical names first."""
    out = [item.name for item in items]
    for item in items:
        out += [v for v in (getattr(item, "key", ""), *item.aliases) if v and v not in out]
    return out


def plan_schema(config: SiteConfig | None = None) -> dict:
    schema = Plan.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = "规划参考门户：方案文件"
    if config is not None and config.levels:
        schema["properties"]["tier"]["enum"] = _spellings(config.levels)
        schema["required"] = sorted(set(schema.get("required", [])) | {"tier"})
    if config is not None and config.body_kinds:
        schema["properties"]["body_kind"]["enum"] = [""] + _spellings(config.body_kinds)
    return schema


def schemas(config: SiteConfig) -> dict[str, str]:
    """File name → text of every schema of ``site_config/``."""
    outputs = {
        "plan.schema.json": plan_schema(config),
        "levels.schema.json": TypeAdapter(list[Level]).json_schema(),
        "body_kinds.schema.json": TypeAdapter(list[BodyKind]).json_schema(),
        "regions.schema.json": TypeAdapter(list[RegionOverride]).json_schema(),
        "references.schema.json": TypeAdapter(list[Reference]).json_schema(),
        "comparisons.schema.json": TypeAdapter(list[ComparisonPair]).json_schema(),
    }
    return {name: _dump(schema) for name, schema in outputs.items()}


def write_schemas(config: SiteConfig) -> list[Path]:
    written = []
    for name, text in schemas(config).items():
        path = config.root / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
