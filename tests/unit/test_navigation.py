"""The nav lists plans, years, topics and levels — never measures — and stops listing plans when there are many."""

from __future__ import annotations

import json

from generator.config import DEFAULT
from generator.load.loader import load
from generator.render import nav as navigation
from tests.conftest import portal_config
from tests.site_build import FIXTURES


def nav_targets(nav) -> list[str]:
    return [v for v in json.dumps(nav, ensure_ascii=False).split('"') if v.endswith(".md")]


def test_nav_lists_plans_but_no_measures() -> None:
    corpus = load(portal_config(FIXTURES / "mini" / "content")).corpus
    targets = nav_targets(navigation.build_nav(corpus, [2018], DEFAULT.nav_plan_limit))
    assert "plans/province-plan/index.md" in targets and "plans/city-plan/index.md" in targets
    assert not [t for t in targets if t.count("/") == 3 and t.startswith("plans/")]  # plans/<id>/<key>/index.md
    assert "years/2018/index.md" in targets and "levels/city/index.md" in targets


def test_many_plans_are_listed_on_level_pages_not_in_the_nav() -> None:
    corpus = load(portal_config(FIXTURES / "mini" / "content")).corpus
    targets = nav_targets(navigation.build_nav(corpus, [2018], plan_limit=1))
    assert not [t for t in targets if t.startswith("plans/") and t != "plans/index.md"]
    assert "levels/province/index.md" in targets and "levels/city/index.md" in targets
