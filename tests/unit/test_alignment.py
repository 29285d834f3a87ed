"""One-to-one alignment: a lower plan written from an upper one gets each of its measures paired with its source."""

from __future__ import annotations

import random
import re

import pytest
from seed_measures import load_measures

from generator.config import DEFAULT
from generator.enrich.alignment import align
from generator.enrich.related import RelItem
from generator.text.tokenize import tokenizer_for

SWAPS = {"加强": "强化", "推进": "推动", "建立": "健全", "全面": "全方位", "进一步": "持续", "各级": "各"}


def reword(text: str, rng: random.Random) -> str:
    """What a lower level does with an upper measure: swaps words, drops a clause, adds its own words."""
    clauses = [c for c in re.split(r"(?<=[，；。])", text) if c]
    if len(clauses) > 3:
        del clauses[rng.randrange(1, len(clauses))]
    out = "结合本地实际，" + "".join(clauses)
    for old, new in SWAPS.items():
        out = out.replace(old, new)
    return out


@pytest.mark.parametrize("seed", ["000", "002"])
def test_each_reworded_measure_is_paired_with_its_source(seed: str, capsys) -> None:
    rng = random.Random(7)
    upper = [RelItem(f"u/{m.key}", "u", m.title, m.text, ()) for m in load_measures() if m.seed == seed]
    lower = [RelItem(f"l/{i.id[2:]}", "l", reword(i.title, rng), reword(i.text, rng), ()) for i in upper]
    rng.shuffle(lower)
    rows = align(upper, lower, DEFAULT.pair_threshold, tokenizer_for())
    paired = [(r.upper, r.lower) for r in rows if r.upper and r.lower and not r.framing]
    compared = [r for r in rows if r.upper and not r.framing]
    right = sum(1 for u, low in paired if u[2:] == low[2:])
    accuracy = right / len(compared)
    with capsys.disabled():
        print(f"\n{seed}: top-1 alignment accuracy {right}/{len(compared)} = {accuracy:.1%}")
    assert accuracy >= 0.95
    assert len({low for _, low in paired}) == len(paired)
