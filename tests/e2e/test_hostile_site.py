"""A site built from hostile content: on no page does a script run or a request leave the server.

The fixture (tests/fixtures/hostile-titles) puts markup into everything the theme prints as a
title — a plan title without short title, measure and section titles, level, topic and reference
names, year themes, a citation — including ``</title><script>``, ``"><img onerror>`` and
``<base href="http://evil.example/">``. Every page of its site is opened in Chromium; dialogs
(``alert``) and requests to other hosts are counted and must be 0, and the page's title and
heading show the text literally.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest

from tests.conftest import run_generator
from tests.site_build import EPOCH, FIXTURES

from .conftest import _serve

pytestmark = pytest.mark.e2e
HOSTILE = FIXTURES / "hostile-titles"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("hostile-titles")
    result = run_generator("build", "--content", str(HOSTILE / "content"), "--site-config", str(HOSTILE / "site_config"),
                           "--docs-dir", str(out / "build" / "docs"), "--site-dir", str(out / "site"), env=EPOCH)
    assert result.returncode == 0, result.stderr
    server, thread = _serve(out / "site")
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/portal/", out / "site"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_no_script_runs_and_nothing_is_fetched_from_outside_on_any_page(page, hostile_site, e2e_report) -> None:
    base, site = hostile_site
    own = urllib.parse.urlsplit(base).netloc
    dialogs: list[str] = []
    outside: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))

    def route(r) -> None:
        parts = urllib.parse.urlsplit(r.request.url)
        if parts.scheme in ("http", "https") and parts.netloc != own:
            outside.append(f"{page.url} → {r.request.url}")
            r.abort()
        else:
            r.continue_()

    page.route("**/*", route)
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    for rel in pages:
        page.goto(base + ("" if rel == "." else rel + "/"), wait_until="load")
        page.wait_for_timeout(50)
    page.goto(base + "search/?q=" + urllib.parse.quote("alert"), wait_until="load")
    page.wait_for_selector(".portal-search-page__results li", timeout=10_000)
    e2e_report(f"hostile site: {len(pages)} pages opened, {len(dialogs)} dialogs, {len(outside)} outside requests")
    assert len(pages) > 20
    assert dialogs == [] and outside == []


def test_hostile_titles_are_shown_as_text(page, hostile_site) -> None:
    base, _ = hostile_site
    page.goto(base + "plans/upper/", wait_until="load")
    assert page.title().startswith("</title><script>alert('plan-title')</script>省级方案")
    assert "<script>alert('plan-title')</script>" in page.locator("article h1").first.inner_text()
    assert page.locator("base").count() == 0
    nav = page.locator("nav.md-nav--primary").inner_text()
    assert "<script>alert('level')</script>省" in nav
    page.goto(base + "topics/", wait_until="load")  # topics have one nav entry; the overview lists them
    assert "<img src=x onerror=alert('topic')>整顿" in page.locator("article").inner_text()
