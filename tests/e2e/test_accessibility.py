"""WCAG 2 A/AA on every page family, as axe-core (bundled by axe-playwright-python) finds it in Chromium.

Government sites are expected to meet WCAG 2 AA (and GB/T 37668): any serious or critical violation fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e


def families(site: Path) -> dict[str, str]:
    """One page of each kind, found from the built site (not from today's content)."""
    corpus = json.loads((site / "data" / "corpus.json").read_text(encoding="utf-8"))
    plan = max(corpus["plans"], key=lambda p: len(p["measures"]))
    pick = lambda pattern: sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob(pattern))[0]
    found = {
        "home": "", "plan": plan["url"], "measure": plan["measures"][0]["url"], "plans": "plans/",
        "topic": pick("topics/*/index.html"), "topics": "topics/", "year": pick("years/*/index.html"),
        "level": pick("levels/*/index.html"), "compare": "compare/", "matrix": "compare/matrix/",
        "citations": "citations/", "targets": "targets/", "deadlines": "deadlines/", "search": "search/?q=党组织",
    }
    if corpus["comparisons"]:
        found["pair"] = corpus["comparisons"][0]["url"]
    if corpus["references"]:
        found["reference"] = corpus["references"][0]["url"]
    return found


def test_no_serious_wcag_violation_on_any_page_family(page, portal_site: str, portal_dir: Path, e2e_report) -> None:
    axe = Axe()
    failures = {}
    for name, url in families(portal_dir).items():
        page.goto(portal_site + url)
        page.wait_for_load_state("networkidle")
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        bad = [v for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
        if bad:
            failures[name] = [(v["id"], len(v["nodes"]), v["nodes"][0]["html"][:120]) for v in bad]
    e2e_report(f"axe-core: {len(families(portal_dir))} page families, serious/critical violations: {len(failures)}")
    assert not failures, failures
