"""The measures of the five seed documents, for the enrich tests and the benchmark.

Prefers ``content/plans/*.yaml`` when they exist (plan → sections[] →
{measures[], sections[]}, annexes[] → {measures[], sections[]}; measure =
{number, title, text}); falls back to parsing ``/work/shared/seeds/*.txt``
(numbered items ``\\d+[.、．]``; for 004 the lead-sentence paragraphs).

Each measure carries its seed prefix ("000" … "004"), so tests can name
"000/4" whatever plan ids the YAML files use.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PLANS_DIR = ROOT / "content" / "plans"
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", ROOT.parent / "shared" / "seeds"))
if not SEEDS_DIR.is_dir():
    SEEDS_DIR = Path("/work/shared/seeds")

LEVEL_ORDER = {"000": 2, "001": 5, "002": 3, "003": 3, "004": 1}


@dataclass(frozen=True)
class SeedMeasure:
    seed: str  # "000" … "004"
    plan: str  # plan id (group)
    key: str  # "4", "a1-16" for the first annex's 16th measure
    title: str
    text: str

    @property
    def id(self) -> str:
        return f"{self.plan}/{self.key}"

    @property
    def ref(self) -> str:
        return f"{self.seed}/{self.key}"


def load_measures() -> list[SeedMeasure]:
    """All measures; ENRICH_TEST_SOURCE=seeds (or yaml) forces one source."""
    forced = os.environ.get("ENRICH_TEST_SOURCE", "")
    if forced == "seeds":
        return _from_seeds()
    from_yaml = _from_yaml()
    if forced == "yaml":
        return from_yaml
    seeds_in_yaml = {m.seed for m in from_yaml}
    if seeds_in_yaml >= set(LEVEL_ORDER):
        return from_yaml
    return _from_seeds()


def source() -> str:
    forced = os.environ.get("ENRICH_TEST_SOURCE", "")
    if forced:
        return forced
    return "yaml" if {m.seed for m in _from_yaml()} >= set(LEVEL_ORDER) else "seeds"


# --- content/plans/*.yaml ------------------------------------------------------------------


def _from_yaml() -> list[SeedMeasure]:
    out: list[SeedMeasure] = []
    if not PLANS_DIR.is_dir():
        return out
    for path in sorted(PLANS_DIR.glob("*.yaml")):
        try:
            plan = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue
        if not isinstance(plan, dict) or not str(plan.get("source", ""))[:3].isdigit():
            continue
        seed = str(plan["source"])[:3]
        pid = str(plan.get("id", seed))
        for m in _walk(plan.get("sections") or []):
            out.append(SeedMeasure(seed, pid, str(m["number"]), m["title"], m.get("text", "")))
        for i, annex in enumerate(plan.get("annexes") or [], 1):
            number = str(annex.get("number") or i)
            measures = list(annex.get("measures") or []) + list(_walk(annex.get("sections") or []))
            for m in measures:
                out.append(SeedMeasure(seed, pid, f"a{number}-{m['number']}", m["title"], m.get("text", "")))
    return out


def _walk(sections):
    for section in sections:
        yield from section.get("measures") or []
        yield from _walk(section.get("sections") or [])


# --- plain-text seeds ------------------------------------------------------------------------

_ITEM = re.compile(r"^\s*(\d{1,2})\s*[.、．]\s*(?!\d)(.*)$")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|附\s*件|中共.*(?:办公室|办公厅|组织部|党组)$|\d{4}\s*年\s*\d+\s*月\s*\d+\s*日)")


def _from_seeds() -> list[SeedMeasure]:
    out: list[SeedMeasure] = []
    for path in sorted(SEEDS_DIR.glob("0*.txt")):
        seed = path.name[:3]
        text = path.read_text(encoding="utf-8")
        items = _article_items(text) if seed == "004" else _numbered_items(text)
        for key, body in items:
            title, rest = _split_title(body)
            out.append(SeedMeasure(seed, seed, key, title, rest))
    return out


def _numbered_items(text: str) -> list[tuple[str, str]]:
    items: list[tuple[str, list[str]]] = []
    annex = 0
    current: list[str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if re.match(r"^附\s*件", stripped) and not stripped.startswith("附件："):
            annex += 1
            current = None
            continue
        match = _ITEM.match(stripped)
        if match:
            number = match.group(1)
            key = f"a{annex}-{number}" if annex else number
            current = [match.group(2)]
            items.append((key, current))
        elif _HEADING.match(stripped):
            current = None
        elif current is not None:
            current.append(("\n" if stripped.startswith("——") else "") + stripped)
    return [(key, "".join(lines)) for key, lines in items]


def _article_items(text: str) -> list[tuple[str, str]]:
    items = []
    for line in text.splitlines():
        if line.strip().startswith("相关新闻"):
            break
        if not line.startswith("  ") or not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith(("认真落实", "认真贯彻")):
            continue
        items.append((str(len(items) + 1), stripped))
    return items


def _split_title(body: str) -> tuple[str, str]:
    end = body.find("。")
    if 0 < end <= 60:
        return body[: end + 1].strip(), body[end + 1 :].strip()
    first, _, rest = body.partition("\n")
    return first.strip(), rest.strip()
