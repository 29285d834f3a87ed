"""The measures of the five seed plans, through the portal's own loader (for the enrich tests and benchmarks).

A seed plan is a plan of ``content/plans/`` whose ``source`` is one of the seed files
(``000_….txt`` … ``004_….txt``); other plans a maintainer adds are left out, so these tests
keep meaning what they meant. Each measure carries its seed prefix, so tests can name
"000/4" whatever plan ids the YAML files use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from generator.config import DEFAULT
from generator.load.corpus import Corpus
from generator.load.loader import load

ROOT = DEFAULT.repository
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
SEED_PREFIXES = ("000", "001", "002", "003", "004")


@dataclass(frozen=True)
class SeedMeasure:
    seed: str  # "000" … "004"
    plan: str  # plan id (group)
    key: str  # "4", "a1-16" for the first annex's 16th measure
    title: str
    text: str
    topics: tuple[str, ...]  # curated topics of the measure
    level_order: int

    @property
    def id(self) -> str:
        return f"{self.plan}/{self.key}"

    @property
    def ref(self) -> str:
        return f"{self.seed}/{self.key}"


@lru_cache(maxsize=1)
def corpus() -> Corpus:
    result = load(DEFAULT)
    assert result.corpus is not None, [p.format() for p in result.errors]
    return result.corpus


def load_measures() -> list[SeedMeasure]:
    c = corpus()
    return [SeedMeasure(m.plan.source[:3], m.plan.id, m.key, m.measure.title, m.measure.text, tuple(m.measure.topics),
                        c.level_order(m.plan))
            for m in c.measures if m.plan.source[:3] in SEED_PREFIXES and m.plan.source[3:4] == "_"]


def topics():
    """The topics of the portal's site_config, as the build loads them."""
    return corpus().config.topics
