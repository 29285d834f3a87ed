"""Screenshots for a person to look at (tests/artifacts/, git-ignored): the home page, a measure page,
comparison tables, search results. Alongside, what can be checked mechanically on the same pages:
Chinese text is drawn with a CJK font (no missing glyphs), the page never scrolls sideways, and how
much of each table is hidden behind a horizontal scroll bar (reported, not failed).
"""

from __future__ import annotations

import re
import urllib.parse

import pytest
from playwright.sync_api import Page, expect

from .conftest import load_corpus

pytestmark = pytest.mark.e2e

CJK_FONT = re.compile(r"CJK|Han Sans|Han Serif|Hei|Song|Kai|Ming|PingFang|YaHei|WenQuanYi|Source Han|Noto Sans SC", re.I)

TABLE_OVERFLOW_JS = """() => [...document.querySelectorAll('article table')].filter(t => t.getClientRects().length)
  .map(t => ({head: [...t.querySelectorAll('thead th')].map(th => th.textContent.trim()).join(' | ').slice(0, 60),
              hidden: Math.max(0, t.scrollWidth - t.parentElement.clientWidth)}))"""

NARROWEST_COLUMN_JS = """() => { let min = null;
  document.querySelectorAll('article .wide-table table thead th').forEach(th => {
    const em = th.getBoundingClientRect().width / parseFloat(getComputedStyle(th).fontSize);
    if (min === null || em < min.em) min = {em: Math.round(em * 10) / 10, th: th.textContent.trim()};
  });
  return min; }"""


MARK_CHINESE_TEXT_JS = """sel => {
  document.querySelectorAll('[data-e2e-font]').forEach(e => e.removeAttribute('data-e2e-font'));
  const root = document.querySelector(sel);
  if (!root) return false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (/[\\u4e00-\\u9fff]/.test(n.data) && n.parentElement.getClientRects().length) {
      n.parentElement.setAttribute('data-e2e-font', '1'); return true; }
  }
  return false; }"""


def fonts_for(page: Page, selector: str) -> list[str]:
    """The platform fonts Chromium used to draw the first Chinese text inside `selector`."""
    assert page.evaluate(MARK_CHINESE_TEXT_JS, selector), f"no Chinese text in {selector} on {page.url}"
    selector = "[data-e2e-font]"
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"no {selector} on {page.url}"
        return [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    finally:
        cdp.detach()


@pytest.fixture(scope="module")
def shots(portal_dir) -> dict[str, str]:
    corpus = load_corpus(portal_dir)
    topic = next(t for t in corpus["topics"] if "软弱涣散" in t["name"])
    return {
        "home": "",
        "measure": "plans/shenzhen-2018-2020/23/",
        "topic-table": f"topics/{topic['id']}/",
        "pair-table": "compare/guangdong-2020-points--shenzhen-2018-2020/",
        "matrix": "compare/matrix/",
    }


def test_page_screenshots(page: Page, portal_site: str, shots, artifacts, e2e_report) -> None:
    problems, notes = [], []
    for name, path in shots.items():
        page.goto(portal_site + path)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(artifacts / f"screen-{name}.png"), full_page=True)
        fonts = fonts_for(page, "article h1")
        if not any(CJK_FONT.search(f) for f in fonts):
            problems.append(f"{name}: the Chinese heading is drawn with {fonts}, no CJK font (missing glyphs?)")
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            problems.append(f"{name}: the page scrolls sideways ({width[0]}px content in a {width[1]}px window)")
        hidden = [t for t in page.evaluate(TABLE_OVERFLOW_JS) if t["hidden"] > 1]
        narrow = page.evaluate(NARROWEST_COLUMN_JS)
        notes.append(f"{name}: fonts {'/'.join(dict.fromkeys(fonts))}"
                     + (f"; tables scroll sideways by {[t['hidden'] for t in hidden]}px" if hidden else "")
                     + (f"; narrowest column {narrow['th']} {narrow['em']}em" if narrow else ""))
    # a reader on a small laptop: the measure page and a table at 1024px
    page.set_viewport_size({"width": 1024, "height": 768})
    for name in ("measure", "topic-table"):
        page.goto(portal_site + shots[name])
        page.screenshot(path=str(artifacts / f"screen-{name}-1024.png"), full_page=True)
        hidden = [t for t in page.evaluate(TABLE_OVERFLOW_JS) if t["hidden"] > 1]
        if hidden:
            notes.append(f"{name} at 1024px: tables scroll sideways by {[t['hidden'] for t in hidden]}px")
    for note in notes:
        e2e_report("screenshot " + note)
    assert not problems, "\n".join(problems)


def test_search_result_screenshots(page: Page, portal_site: str, artifacts) -> None:
    term = "三会一课"
    # the header box on the home page: instant results
    page.goto(portal_site)
    box = page.locator(".md-header .md-search__input").first
    box.click()
    box.press_sequentially(term, delay=30)
    hit = page.locator(".md-search-result__item a").filter(has_text=term).first
    expect(hit).to_be_visible(timeout=15_000)
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts / "screen-search-header.png"))
    # the full search page with the query in its URL
    page.goto(portal_site + "search/?q=" + urllib.parse.quote(term))
    results = page.locator(".portal-search-page__results li")
    expect(results.first).to_be_visible(timeout=15_000)
    expect(results.first).to_contain_text(term)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(artifacts / "screen-search-page.png"), full_page=True)
    fonts = fonts_for(page, ".portal-search-page__results li")
    assert any(CJK_FONT.search(f) for f in fonts), fonts
