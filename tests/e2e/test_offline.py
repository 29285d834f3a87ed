"""The offline copy (``build --offline``) opened from disk with file://, as a reader without a web
server would: click through to a plan and a measure, find 三会一课 with the header search box.
No request may leave file:// (the copy works on a machine without network), and no link may point
to a directory (file:// would show a directory listing instead of the page).
"""

from __future__ import annotations

import re
import urllib.parse

import pytest
from playwright.sync_api import Page, expect

from .conftest import heading, load_corpus

pytestmark = pytest.mark.e2e

PLAN_ID = "shenzhen-2018-2020"
MEASURE_KEY = "23"
TERM = "三会一课"

DIRECTORY_LINKS_JS = """() => [...document.querySelectorAll('a[href]')]
  .map(a => a.href).filter(h => h.startsWith('file:') && new URL(h).pathname.endsWith('/'))"""


def test_offline_copy_from_file_url(page: Page, offline_site, artifacts, e2e_report) -> None:
    corpus = load_corpus(offline_site)
    plan = next(p for p in corpus["plans"] if p["id"] == PLAN_ID)
    measure = next(m for m in plan["measures"] if m["key"] == MEASURE_KEY)
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))

    home = (offline_site / "index.html").as_uri()
    page.goto(home)
    assert heading(page) == "规划参考门户"
    assert not page.evaluate(DIRECTORY_LINKS_JS), "links to directories (no index.html) on the home page"

    # click through to the plan, then to one of its measures
    page.locator("article").get_by_role("link", name=plan["title"], exact=True).click()
    expect(page).to_have_url((offline_site / "plans" / PLAN_ID / "index.html").as_uri())
    assert heading(page) == plan["title"]
    assert not page.evaluate(DIRECTORY_LINKS_JS), "links to directories (no index.html) on the plan page"
    page.locator("article").get_by_role("link", name=f"单独查看第 {measure['number']} 条").first.click()
    expect(page).to_have_url((offline_site / "plans" / PLAN_ID / MEASURE_KEY / "index.html").as_uri())
    assert heading(page) == f"{measure['number']}. {measure['title']}"

    # search from the header box: results containing the term appear
    box = page.locator(".md-header .md-search__input").first
    box.click()
    box.press_sequentially(TERM, delay=30)
    results = page.locator(".md-search-result__item a").filter(has_text=TERM)
    expect(results.first).to_be_visible(timeout=15_000)
    count = results.count()
    page.screenshot(path=str(artifacts / "offline-search-三会一课.png"))
    first_url = results.first.evaluate("a => a.href")
    assert first_url.startswith("file:") and first_url.split("#")[0].endswith(".html"), first_url

    # the first result opens its page, which has the term
    results.first.click()
    expect(page).to_have_url(re.compile(r"^file:.*\.html(#.*)?$"))
    expect(page.locator("article")).to_contain_text(TERM)

    outside = sorted({u for u in requests if urllib.parse.urlsplit(u).scheme not in ("file", "data", "blob", "about")})
    e2e_report(f"offline copy: {count} header results with {TERM}, {len(set(requests))} file:// requests, "
               f"{len(outside)} elsewhere")
    assert not outside, f"the offline copy asked for: {outside}"
    assert not page.js_errors, page.js_errors
