"""A document imported twice is warned about, naming both files; a plan without measures is warned about."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.load.loader import load
from tests.conftest import CONTENT, GOOD_PLAN, portal_config


def _codes(content: Path) -> list[tuple[str, str, int]]:
    result = load(portal_config(content))
    assert result.corpus is not None, [p.format() for p in result.errors]
    return [(w.code, Path(w.path).name, w.line) for w in result.warnings]


def test_re_importing_a_plan_under_a_new_id_warns_and_names_the_existing_one(content_dir: Path) -> None:
    original = CONTENT / "plans" / "shenzhen-2018-2020.yaml"
    shutil.copy(original, content_dir / "plans" / original.name)
    text = original.read_text(encoding="utf-8").replace('id: "shenzhen-2018-2020"', 'id: "shenzhen-again"')
    (content_dir / "plans" / "shenzhen-again.yaml").write_text(text, encoding="utf-8")
    codes = _codes(content_dir)
    assert {c for c, name, _ in codes if name == "shenzhen-again.yaml"} == {
        "plan.duplicate_doc_number", "plan.duplicate_source", "plan.duplicate_text"}
    message = next(w.message for w in load(portal_config(content_dir)).warnings if w.code == "plan.duplicate_doc_number")
    assert "shenzhen-2018-2020.yaml" in message and "“shenzhen-2018-2020”" in message


def test_different_plans_are_not_duplicates(content_dir: Path) -> None:
    (content_dir / "plans" / "a.yaml").write_text(GOOD_PLAN, encoding="utf-8")
    other = (GOOD_PLAN.replace('"good-plan"', '"other"').replace("开展精准整顿。", "另一段文字。")
             .replace("合理布局党群服务中心。", "又一段文字。"))
    (content_dir / "plans" / "b.yaml").write_text(other, encoding="utf-8")
    assert _codes(content_dir) == []


def test_a_plan_without_measures_is_warned_about(content_dir: Path) -> None:
    text = GOOD_PLAN.split("    measures:")[0] + "    text: \"正文按段落保存。\"\n"
    (content_dir / "plans" / "a.yaml").write_text(text, encoding="utf-8")
    assert _codes(content_dir) == [("plan.no_measures", "a.yaml", 6)]
