"""Printing: what comes out of Chromium's print (``page.pdf``) for a plan, the biggest topic table and
the biggest plan-pair table, and whether every table fits the printable width of its paper.

- No site chrome in the PDF: nothing of the header, the navigation sidebar (its full list of
  topics, years, levels), the search box or the footer — checked on the PDF text (pypdf) against
  the labels the screen version shows in those places, unless the printed article itself has them.
- The document's title (and 文号) and the page URL are on the first PDF page.
- Tables that run over several pages repeat their header row on every page.
- Table pages are landscape A4, others portrait; in print media at the printable width no table
  is wider than its container or the paper.
- The PDF text is Chinese (CJK glyphs embedded, no replacement characters).
- Every page is A4 (landscape where the page asks for it) and carries a running head and foot in its
  margins: the page's title, "打印日期：2026年12月2日" (the day of printing) and "第 N 页 共 M 页".
- Topic, matrix and pair handouts print no UI text: no download links, no 打印 button, no search, no
  "点击…" hints (those belong in a ``.screen-only`` element, hidden in print).
- The matrix's topic column is readable: every topic name on one line, numbers in narrow columns.

The PDFs (and, with poppler's pdftoppm, a PNG of their first page) are kept in tests/artifacts/.
"""

from __future__ import annotations

import datetime
import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from .conftest import heading, load_corpus

pytestmark = pytest.mark.e2e

PLAN_ID = "shenzhen-2018-2020"
MM = 96 / 25.4  # CSS px per mm
A4 = (210, 297)  # mm
A4_PT = (595.28, 841.89)  # the PDF's mediabox, in points
TIMEZONE = "Asia/Shanghai"  # the browser context's (conftest)
HANDOUTS = ["topic", "matrix", "pair"]
# what the screen shows around a table and a printed handout must not: downloads, the 打印 button,
# the search box's texts, hints to click
UI_TEXTS = ["下载", "Word（DOCX）", "Excel（XLSX）", "CSV", "打印", "搜索", "在搜索页", "点击", "Permanentlink", "¶"]

def clean(text: str) -> str:
    """PDF or DOM text, comparable: NFKC (widths) and all whitespace removed. Radicals are not folded:
    the raw text layer must hold the ideographs the page shows."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def radical_count(text: str) -> int:
    return sum(1 for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF)


def han_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or 0x2E80 <= ord(ch) <= 0x2FDF)


# --------------------------------------------------------------------------- the pages printed


def biggest(site: Path, pattern: str) -> str:
    """The page (URL path) among `pattern` whose table has the most rows."""
    rows = {p.parent.relative_to(site).as_posix() + "/": p.read_text(encoding="utf-8").count("<tr")
            for p in site.glob(pattern)}
    return max(sorted(rows), key=lambda k: rows[k])


@pytest.fixture(scope="module")
def printed(portal_dir) -> dict[str, str]:
    return {
        "plan": f"plans/{PLAN_ID}/",
        "topic": biggest(portal_dir, "topics/*/index.html"),
        "pair": biggest(portal_dir, "compare/*--*/index.html"),
        "matrix": "compare/matrix/",
    }


# JS: the @page size and margins in force (also inside @media print), the article's printed text.
PAGE_RULES_JS = """() => {
  const found = {size: '', left: '', right: ''};
  const walk = rules => { for (const r of rules) {
    if (r instanceof CSSPageRule) {
      if (r.style.getPropertyValue('size')) found.size = r.style.getPropertyValue('size');
      if (r.style.marginLeft) found.left = r.style.marginLeft;
      if (r.style.marginRight) found.right = r.style.marginRight;
    } else if (r instanceof CSSMediaRule && /print|all/.test(r.conditionText)) walk(r.cssRules);
  } };
  for (const s of document.styleSheets) { try { walk(s.cssRules); } catch (e) {} }
  return found;
}"""

SIDEBAR_LABELS_JS = """() => {
  const labels = new Set();
  const add = el => { const t = (el.innerText || el.getAttribute('placeholder') || '').trim(); if (t) labels.add(t); };
  document.querySelectorAll('.md-sidebar--primary .md-nav__link, .md-header__topic, .md-footer a').forEach(add);
  document.querySelectorAll('.md-header input[placeholder]').forEach(el => labels.add(el.getAttribute('placeholder')));
  return [...labels];
}"""

TABLES_JS = """(paper) => [...document.querySelectorAll('article table')].filter(t => t.getClientRects().length).map(t => {
  const box = t.parentElement, r = t.getBoundingClientRect();
  return {head: [...t.querySelectorAll('thead th')].map(th => th.textContent.trim()).join(' | '),
          scroll: t.scrollWidth, container: box.clientWidth, right: r.right, paper};
})"""

HIDDEN_IN_PRINT_JS = """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-search', '.md-footer', '.md-tabs']
  .flatMap(sel => [...document.querySelectorAll(sel)])
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
  .map(el => el.className)"""


def to_mm(value: str, default: float) -> float:
    m = re.fullmatch(r"\s*([\d.]+)\s*(mm|cm|in|pt|px)?\s*", value or "")
    if not m:
        return default
    number, unit = float(m.group(1)), m.group(2) or "px"
    return number * {"mm": 1, "cm": 10, "in": 25.4, "pt": 25.4 / 72, "px": 25.4 / 96}[unit]


def paper_of(page: Page) -> dict:
    """Orientation and printable width (CSS px) from the page's @page rules."""
    rules = page.evaluate(PAGE_RULES_JS)
    landscape = "landscape" in rules["size"]
    width_mm = (A4[1] if landscape else A4[0]) - to_mm(rules["left"], 0) - to_mm(rules["right"], 0)
    return {"landscape": landscape, "width_px": width_mm * MM, "rules": rules}


def print_pdf(page: Page, url: str, name: str, artifacts: Path) -> tuple[PdfReader, bytes]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    (artifacts / f"print-{name}.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(artifacts / f"print-{name}.pdf"),
                        str(artifacts / f"print-{name}")], check=False, capture_output=True, timeout=60)
    return PdfReader(io.BytesIO(pdf)), pdf


def print_dates() -> set[str]:
    """The print date as the page writes it, for today in the browser's time zone (and tomorrow: a run
    across midnight)."""
    today = datetime.datetime.now(ZoneInfo(TIMEZONE)).date()
    return {f"打印日期：{d.year}年{d.month}月{d.day}日" for d in (today, today + datetime.timedelta(days=1))}


def running_title(title: str) -> str:
    """The title as the running head shows it (portal.js shortens titles of over 60 characters)."""
    return title if len(title) <= 60 else title[:59]


def printed_article_text(page: Page) -> str:
    page.emulate_media(media="print")
    try:
        return page.locator("article").first.inner_text()
    finally:
        page.emulate_media(media="screen")


# --------------------------------------------------------------------------- the tests


@pytest.mark.parametrize("kind", ["plan", "topic", "pair", "matrix"])
def test_pdf(kind: str, page: Page, portal_site: str, portal_dir: Path, printed, artifacts: Path, e2e_report) -> None:
    path = printed[kind]
    reader, pdf = print_pdf(page, portal_site + path, kind, artifacts)
    texts = [p.extract_text() or "" for p in reader.pages]
    pages = [clean(t) for t in texts]
    everything = "".join(texts)
    paper = paper_of(page)
    e2e_report(f"PDF {kind:5} {path}: {len(reader.pages)} pages "
               f"({'A4 landscape' if paper['landscape'] else 'A4 portrait'}, {len(pdf) // 1024} KB; "
               f"{radical_count(everything)} of {han_count(everything)} Chinese characters in the text layer "
               f"are CJK radical look-alikes)")

    # paper: A4, landscape for table pages, portrait for the plan; every page the same size
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert len(sizes) == 1, sizes
    width, height = sizes.pop()
    assert abs(min(width, height) - A4_PT[0]) < 2 and abs(max(width, height) - A4_PT[1]) < 2, f"{kind}: not A4: {width}×{height} pt"
    # landscape exactly where the page is marked landscape (the matrix only when it has many tiers)
    assert (width > height) == paper["landscape"], f"{kind}: page {width}×{height} pt, @page rules {paper['rules']}"
    if kind != "matrix":
        assert paper["landscape"] == (kind != "plan"), paper

    # proper Chinese text: glyphs embedded and mapped back to text, no replacement characters
    assert han_count(everything) > 200, texts[0][:300]
    assert "\ufffd" not in everything and "\u25a1" not in everything
    # the raw text layer (not folded) copies as the page reads: no CJK radical look-alikes (⽅ for 方)
    looks_alike = sorted({ch for ch in everything if 0x2E80 <= ord(ch) <= 0x2FDF})
    assert not looks_alike, f"{kind}: {radical_count(everything)} radical look-alikes in the text layer: {looks_alike[:20]}"

    # first page: the title (and 文号) of the document, the page's URL
    title = heading(page)
    first = pages[0]
    assert clean(title) in first, f"title {title!r} not on the first PDF page:\n{texts[0][:500]}"
    if kind == "plan":
        plan = next(p for p in load_corpus(portal_dir)["plans"] if p["id"] == PLAN_ID)
        assert plan["doc_number"] and clean(plan["doc_number"]) in first, texts[0][:500]
    assert clean("网址：" + portal_site + path) in first, texts[0][:500]

    # every page: the title and the print date at its head, "第 N 页 共 M 页" at its foot
    total, dates = len(pages), {clean(d) for d in print_dates()}
    no_number = [i + 1 for i, t in enumerate(pages) if f"第{i + 1}页共{total}页" not in t]
    assert not no_number, f"{kind}: “第 N 页 共 {total} 页” missing on PDF pages {no_number}:\n{texts[no_number[0] - 1][-300:]}"
    no_date = [i + 1 for i, t in enumerate(pages) if not any(d in t for d in dates)]
    assert not no_date, f"{kind}: the print date ({sorted(dates)}) missing on PDF pages {no_date}:\n{texts[no_date[0] - 1][:300]}"
    no_title = [i + 1 for i, t in enumerate(pages) if clean(running_title(title)) not in t]
    assert not no_title, f"{kind}: the title {title!r} missing from the head of PDF pages {no_title}"

    # no site chrome: labels of the header, the sidebar (all topics, years, levels…), the search box
    labels = page.evaluate(SIDEBAR_LABELS_JS)
    assert len(labels) > 15, labels  # the sidebar lists levels, years, comparisons: the check below has teeth
    article = clean(printed_article_text(page))
    whole = "".join(pages)
    leaked = [lb for lb in labels if len(clean(lb)) >= 2 and clean(lb) not in article and clean(lb) in whole]
    assert not leaked, f"site chrome printed in the {kind} PDF: {leaked}"
    assert "搜索" in labels  # the search placeholder is one of the labels checked

    if kind == "plan":
        return
    # tables: the header row on every page the table runs over
    # (topic and pair pages hold several tables — a tier's documents, 未见对应 … — each with its own header)
    header_cells = page.locator("article table thead").first.locator("th").all_inner_texts()
    headers = {clean("".join(h.locator("th").all_inner_texts())) for h in page.locator("article table thead").all()}
    assert kind != "topic" or {"举措", "原文（本专题相关句子加粗）"} <= set(header_cells), header_cells
    starts = [i for i, t in enumerate(pages) if any(h in t for h in headers)]
    assert starts, f"header row {header_cells} not found in the PDF"
    table_pages = range(starts[0], len(pages))
    missing = [i + 1 for i in table_pages if not any(h in pages[i] for h in headers)]
    assert not missing, f"{kind}: no table header row on PDF pages {missing} (headers: {headers})"
    if kind == "pair":
        assert len(reader.pages) >= 2, "the biggest plan pair should run over several pages"


FIT_PAGES = ["plans/shenzhen-2018-2020/", "topic", "pair", "compare/matrix/", "compare/year-themes/",
             "targets/", "deadlines/", "citations/", "years/2018/", "levels/city/", ""]


def test_tables_fit_the_printable_width(page: Page, portal_site: str, printed, e2e_report) -> None:
    """In print media, at the printable width of the page's paper, no table (or anything) sticks out."""
    problems, widths = [], {}
    for path in FIT_PAGES:
        path = printed.get(path, path)
        name = path or "home"
        page.emulate_media(media="screen")
        page.goto(portal_site + path)
        paper = paper_of(page)
        width = int(paper["width_px"])
        widths[name] = width
        page.set_viewport_size({"width": width, "height": 900})
        page.emulate_media(media="print")
        chrome = page.evaluate(HIDDEN_IN_PRINT_JS)
        if chrome:
            problems.append(f"{name}: site chrome visible in print media: {chrome}")
        tables = page.evaluate(TABLES_JS, width)
        too_wide = [t for t in tables
                    if t["scroll"] > t["container"] + 1 or t["scroll"] > width + 1 or t["right"] > width + 1]
        if too_wide:
            problems.append(f"{name}: tables cut at the edge of the paper ({width}px printable): {too_wide}")
        overall = page.evaluate("document.documentElement.scrollWidth")
        if overall > width + 1:
            problems.append(f"{name}: the printed page is {overall}px wide, the paper {width}px")
    e2e_report("printable widths checked (CSS px): " + ", ".join(f"{k} {v}" for k, v in widths.items()))
    assert not problems, "\n".join(problems)


def test_diff_marks_survive_black_and_white_print(page: Page, portal_site: str, printed) -> None:
    """Shared phrases are marked by colour on screen; on a black-and-white printer they must still show: underlined."""
    page.goto(portal_site + printed["pair"])
    page.emulate_media(media="print")
    styles = page.evaluate("""() => [...document.querySelectorAll('.pair-text .diff-same')].slice(0, 5).map(el => {
      const s = getComputedStyle(el); return s.textDecorationLine + ' ' + s.textDecorationStyle; })""")
    assert styles, "no shared phrase marked on the biggest pair page"
    assert all(s.startswith("underline") for s in styles), styles


@pytest.mark.parametrize("kind", HANDOUTS)
def test_handout_prints_no_ui_text(kind: str, page: Page, portal_site: str, printed, artifacts: Path) -> None:
    """A printed topic, matrix or pair page is a handout: none of the screen's controls or hints on it.
    The print date ("打印日期：…") is the one 打印 allowed."""
    reader, _ = print_pdf(page, portal_site + printed[kind], kind, artifacts)
    whole = clean("".join(p.extract_text() or "" for p in reader.pages))
    whole = whole.replace("打印日期", "")
    leaked = [ui for ui in UI_TEXTS if clean(ui) in whole]
    hints = [el for el in page.locator("article p").all_inner_texts() if "点击" in el]
    assert not leaked, (f"{kind}: UI text in the printed page: {leaked}"
                        + (f"; a hint for the screen sits in the page's text (give it its own element with class "
                           f"screen-only): {hints}" if hints else ""))


def test_screen_only_is_hidden_in_print(page: Page, portal_site: str, printed) -> None:
    """Hints such as “点击数字进入专题对照表” go in an element of class screen-only: shown on screen, not printed."""
    page.goto(portal_site + printed["matrix"])
    page.evaluate("""() => { const p = document.createElement('p'); p.className = 'screen-only'; p.id = 'hint-probe';
      p.textContent = '点击数字进入专题对照表。'; document.querySelector('article h1').after(p); }""")
    assert page.locator("#hint-probe").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("#hint-probe").is_visible()


def test_matrix_topic_column_is_readable(page: Page, portal_site: str, printed) -> None:
    """At the printable width of its paper the matrix shows every topic name on one line, in a column of
    at least 9em, and its count columns narrow."""
    page.goto(portal_site + printed["matrix"])
    width = int(paper_of(page)["width_px"])
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    cells = page.evaluate("""() => [...document.querySelectorAll('article .wide-table table tbody tr')].map(tr => {
      const first = tr.cells[0], range = document.createRange();
      range.selectNodeContents(first);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      return {text: first.textContent.trim(), lines: lines.size, width: first.getBoundingClientRect().width,
              em: parseFloat(getComputedStyle(first).fontSize),
              counts: [...tr.cells].slice(1).map(c => c.getBoundingClientRect().width)};
    })""")
    assert len(cells) > 20, cells
    wrapped = [c["text"] for c in cells if c["lines"] > 1]
    assert not wrapped, f"topic names broken over lines in the printed matrix ({width}px): {wrapped}"
    assert all(c["width"] >= 9 * c["em"] - 1 for c in cells), cells[0]
    first = cells[0]
    assert max(first["counts"]) < first["width"] / 2, f"count columns as wide as the topics: {first}"
