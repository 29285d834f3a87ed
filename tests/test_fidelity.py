"""Fidelity of the hand-completed plans (content/plans/*.yaml) to their source documents.

(a) at least 99.5% of the source body's Chinese characters appear in the plan's
    text fields, in the original order;
(b) at least 99.5% of every measure's (and year theme's) Chinese characters come
    from the source, in order: nothing paraphrased, nothing invented.

A plan's ``source`` is looked up among the seed documents (../shared/seeds) and in
content/sources/, where maintainers may keep the text they imported. A plan whose source text is
in neither place cannot be checked here and is skipped, so adding a plan never breaks the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import DEFAULT
from generator.importer.cleanup import cjk_only
from generator.importer.fidelity import kept_ratio, source_characters, sourced_ratio
from generator.load.model import Plan
from generator.load.source import read_yaml

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "seeds"
SOURCES = (SEEDS, ROOT / "content" / "sources")
PLAN_FILES = sorted((ROOT / "content" / "plans").glob("*.yaml"))
MIN_RATIO = 0.995
EXPECTED_MEASURES = {
    "guangdong-2020-points": (25, []),
    "haizhu-cgj-2018-2020": (22, []),
    "shenzhen-2018-2020": (42, [27]),
    "city-2020-opinion": (10, []),
    "national-2020-key-tasks": (24, []),
}


def load_plan(path: Path) -> dict:
    doc, problems = read_yaml(path, DEFAULT.max_file_bytes)
    assert not problems, [p.format() for p in problems]
    return doc.data


def seed_text(plan: dict) -> str:
    if plan["id"] in EXPECTED_MEASURES and not SEEDS.is_dir():
        pytest.skip(f"source documents not found at {SEEDS}")
    found = [folder / plan["source"] for folder in SOURCES if plan.get("source") and (folder / plan["source"]).is_file()]
    if plan["id"] in EXPECTED_MEASURES:  # the seed plans: their source must be there
        assert found, f"source {plan['source']} of plan {plan['id']} is not among the seeds"
    if not found:
        pytest.skip(f"source text {plan.get('source') or '(none)'} of {plan['id']} is in neither {SEEDS} nor content/sources/")
    return found[0].read_text(encoding="utf-8")


def section_measures(sections: list[dict]) -> list[dict]:
    found: list[dict] = []
    for section in sections:
        found += section.get("measures", []) + section_measures(section.get("sections", []))
    return found


def every_measure(plan: dict) -> list[dict]:
    annexed = [m for annex in plan.get("annexes", [])
               for m in annex.get("measures", []) + section_measures(annex.get("sections", []))]
    return section_measures(plan.get("sections", [])) + annexed


def test_every_expected_plan_exists():
    assert {path.stem for path in PLAN_FILES} >= set(EXPECTED_MEASURES)


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_plan_validates_against_the_model(path):
    plan = Plan.model_validate(load_plan(path))
    assert plan.id == path.stem


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_plan_keeps_the_source_and_invents_nothing(path, capsys):
    plan = load_plan(path)
    text = seed_text(plan)
    kept = kept_ratio(text, plan)
    source = source_characters(text)
    ratios = [(m["number"], sourced_ratio(m["title"] + m["text"], source)) for m in every_measure(plan)]
    ratios += [(f"year_theme {t['year']}", sourced_ratio(t["theme"] + t["text"], source)) for t in plan.get("year_themes", [])]
    sizes = [len(cjk_only(m["title"] + m["text"])) for m in every_measure(plan)]
    sourced_total = sum(sizes)
    sourced_matched = sum(size * ratio for size, (_, ratio) in zip(sizes, ratios))
    worst = min(ratios, key=lambda pair: pair[1], default=("-", 1.0))
    with capsys.disabled():
        print(f"\n{path.name}: (a) source kept {kept:.2%}; (b) measures from the source "
              f"{sourced_matched / max(sourced_total, 1):.2%} overall, worst {worst[1]:.2%} (measure {worst[0]})")
    assert kept >= MIN_RATIO
    assert not [pair for pair in ratios if pair[1] < MIN_RATIO]


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_measure_counts(path):
    plan = load_plan(path)
    if plan["id"] not in EXPECTED_MEASURES:
        pytest.skip("no expected count for this plan")
    body, annexes = EXPECTED_MEASURES[plan["id"]]
    assert len(section_measures(plan["sections"])) == body
    assert [len(a.get("measures", [])) for a in plan.get("annexes", [])] == annexes
    assert all(m["title"].strip() and m["text"].strip() for m in every_measure(plan))


def test_fidelity_measure_detects_an_invented_sentence():
    path = next(p for p in PLAN_FILES if p.stem == "guangdong-2020-points")
    plan = load_plan(path)
    source = source_characters(seed_text(plan))
    measure = every_measure(plan)[0]
    assert sourced_ratio(measure["title"] + measure["text"], source) >= MIN_RATIO
    assert sourced_ratio(measure["title"] + measure["text"] + "另外编造了一句原文没有的话。", source) < MIN_RATIO
