"""The portal runs on an intranet without internet: no page may ask any host but its own server.

Every kind of page is loaded in one browser context (home, plan, measure, year, level, topic,
matrix, plan pair, targets, deadlines, citations, the search page with a query, and the header
search box with a term typed); every request is recorded with ``page.on("request")`` (and on the
context, which also sees workers). Requests to other hosts are aborted, so the test never leaves
the machine, and listed in the failure. Local requests that fail (404 …) are listed too.
"""

from __future__ import annotations

import re
import urllib.parse

import pytest
from playwright.sync_api import Page, expect

from .conftest import load_corpus

pytestmark = pytest.mark.e2e

LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}


def page_paths(corpus: dict) -> dict[str, str]:
    plan = next(p for p in corpus["plans"] if p["id"] == "shenzhen-2018-2020")
    measure = plan["measures"][0]
    topic = next(t for t in corpus["topics"] if "软弱涣散" in t["name"])
    return {
        "home": "",
        "plan": plan["url"],
        "measure": measure["url"],
        "annex measure": next((m["url"] for m in plan["measures"] if m.get("annex")), measure["url"]),
        "year": "years/2018/",
        "level": "levels/city/",
        "topic": f"topics/{topic['id']}/",
        "matrix": "compare/matrix/",
        "year themes": "compare/year-themes/",
        "pair": "compare/guangdong-2020-points--shenzhen-2018-2020/",
        "targets": "targets/",
        "deadlines": "deadlines/",
        "citations": "citations/",
        "search page": "search/?q=" + urllib.parse.quote("三会一课"),
    }


def test_no_request_leaves_the_local_server(page: Page, portal_site: str, portal_dir, e2e_report) -> None:
    own = urllib.parse.urlsplit(portal_site).netloc
    outside: list[str] = []
    failed: list[str] = []
    seen: list[str] = []
    current = {"page": ""}

    def is_local(url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        return parts.scheme in LOCAL_SCHEMES or (parts.scheme in ("http", "https", "ws", "wss") and parts.netloc == own)

    def on_request(request) -> None:
        seen.append(request.url)
        if not is_local(request.url):
            entry = f"{current['page']}: {request.method} {request.url}"
            if entry not in outside:
                outside.append(entry)

    def on_response(response) -> None:
        if response.status >= 400 and is_local(response.url):
            failed.append(f"{current['page']}: {response.status} {response.url}")

    def on_failed(request) -> None:
        if is_local(request.url) and request.failure and "ERR_ABORTED" not in request.failure:
            failed.append(f"{current['page']}: {request.failure} {request.url}")

    page.on("request", on_request)
    page.context.on("request", on_request)  # also requests of workers
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    # never let a request out of the machine: abort it (it is still recorded above). A regex is
    # matched inside the browser driver, so local requests are not slowed down by a Python round trip.
    not_local = re.compile(rf"^(?!(https?|wss?)://{re.escape(own)}/)(https?|wss?|ftp)://", re.I)
    page.context.route(not_local, lambda route: route.abort())

    paths = page_paths(load_corpus(portal_dir))
    for name, path in paths.items():
        current["page"] = name
        page.goto(portal_site + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        expect(page.locator("article h1").first).to_be_visible()

    # the search page ran the query from its URL; then a reader types another one
    current["page"] = "search page"
    page.goto(portal_site + "search/")
    box = page.locator(".portal-search-page__input")
    if box.count():
        box.fill("软弱涣散")
        box.press("Enter")
        page.wait_for_load_state("networkidle")

    # the header search box on an ordinary page, with a term typed (instant results)
    current["page"] = "header search"
    page.goto(portal_site + paths["plan"])
    header_box = page.locator(".md-header .md-search__input").first
    header_box.click()
    header_box.press_sequentially("三会一课", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)

    e2e_report(f"no outside requests: {len(paths) + 2} page loads, {len(set(seen))} distinct URLs requested, "
               f"{len(outside)} to other hosts, {len(failed)} failed locally")
    problems = []
    if outside:
        problems.append("requests to hosts other than the local server (the intranet has no internet):\n  "
                        + "\n  ".join(outside))
    if failed:
        problems.append("local requests that failed:\n  " + "\n  ".join(sorted(set(failed))))
    assert not problems, "\n".join(problems)
