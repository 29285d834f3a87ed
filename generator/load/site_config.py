"""The portal's own configuration: site_config/levels.yaml, body_kinds.yaml, regions.yaml, references.yaml,
topics.yaml, comparisons.yaml.

Codes: ``config.missing_file``, ``config.duplicate`` and ``config.two_general_topics``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from generator.config import DEFAULT
from generator.load.model import BodyKind, ComparisonPair, Level, Reference, RegionOverride, Topic
from generator.load.source import YamlDocument, read_yaml
from generator.load.validation import validate
from generator.problems import ContentError, error


@dataclass
class SiteConfig:
    root: Path
    levels: list[Level] = field(default_factory=list)
    body_kinds: list[BodyKind] = field(default_factory=list)
    regions: list[RegionOverride] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    comparisons: list[ComparisonPair] = field(default_factory=list)
    documents: dict[str, YamlDocument] = field(default_factory=dict)  # file name → where each item was written

    def level(self, value: str) -> Level | None:
        """The tier written as its key, its name or one of its aliases."""
        return next((lv for lv in self.levels if lv.matches(value)), None) if value else None

    def body_kind(self, value: str) -> BodyKind | None:
        return next((k for k in self.body_kinds if k.matches(value)), None) if value else None


def _load_list(path: Path, item_type: Any, *, required: bool, max_bytes: int,
               max_depth: int) -> tuple[list, YamlDocument | None, list[ContentError]]:
    if not path.exists():
        if required:
            return [], None, [error("config.missing_file", path, 1, 1)]
        return [], None, []
    doc, problems = read_yaml(path, max_bytes, max_depth=max_depth, config=True)
    if doc is None or problems:
        return [], doc, problems
    items, problems = validate(doc, TypeAdapter(list[item_type]))
    return list(items or []), doc, problems


def _unique(doc: YamlDocument | None, items: list, attr: str) -> list[ContentError]:
    problems, seen = [], {}
    for index, item in enumerate(items):
        value = getattr(item, attr)
        if value in seen:
            line, column = doc.where((index, attr)) if doc else (1, 1)
            problems.append(error("config.duplicate", doc.path if doc else "", line, column, attr=attr, value=value,
                                  first=seen[value] + 1))
        seen.setdefault(value, index)
    return problems


def _one_general(doc: YamlDocument | None, topics: list[Topic]) -> list[ContentError]:
    general = [i for i, t in enumerate(topics) if t.general]
    if len(general) < 2 or doc is None:
        return []
    line, column = doc.where((general[1], "general"))
    return [error("config.two_general_topics", doc.path, line, column, first=general[0] + 1)]


def load_site_config(root: Path, max_bytes: int, max_depth: int = DEFAULT.max_depth) -> tuple[SiteConfig, list[ContentError]]:
    config, problems = SiteConfig(root), []
    specs = (("levels", "levels.yaml", Level, True, "key"), ("body_kinds", "body_kinds.yaml", BodyKind, False, "name"),
             ("regions", "regions.yaml", RegionOverride, False, "name"), ("references", "references.yaml", Reference, False, "id"),
             ("topics", "topics.yaml", Topic, True, "id"), ("comparisons", "comparisons.yaml", ComparisonPair, False, None))
    for attr, name, item_type, required, unique_attr in specs:
        items, doc, found = _load_list(root / name, item_type, required=required, max_bytes=max_bytes, max_depth=max_depth)
        problems += found
        if doc is not None:
            config.documents[name] = doc
        if unique_attr and items:
            problems += _unique(doc, items, unique_attr)
        if attr == "topics":
            problems += _one_general(doc, items)
        setattr(config, attr, items)
    config.levels.sort(key=lambda lv: lv.order)
    return config, problems
