"""Comparison tables: the Word, Excel and CSV downloads hold the same rows as the page."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT

from generator.publish.exports import to_docx, to_xlsx
from generator.render.tables import Table

TABLE_PAGES = ["compare/matrix", "compare/year-themes", "targets", "deadlines"]


def page_rows(page: Path) -> list[list[str]]:
    text = page.read_text(encoding="utf-8")
    table = re.search(r'<div class="wide-table">.*?<table>(.*?)</table>', text, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return rows


def unneutralise(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:2] in ("=", "+", "-", "@") else value


def laid_out_pages(portal: Path) -> list[str]:
    """Topic and pair pages: laid out by tier and document or side by side, their downloads one row per measure."""
    topics = sorted(p.parent.relative_to(portal).as_posix() for p in (portal / "topics").glob("*/index.html"))
    pairs = sorted(p.parent.relative_to(portal).as_posix() for p in (portal / "compare").glob("*--*/index.html"))
    return topics + pairs


def table_pages(portal: Path) -> list[str]:
    return TABLE_PAGES + laid_out_pages(portal)


def download_rows(data: Path, which: str) -> list[list[str]]:
    assert data.is_file(), data
    if which == "csv":
        return [[unneutralise(c) for c in r] for r in csv.reader(io.StringIO(data.read_bytes().decode("utf-8-sig")))]
    if which == "docx":
        [table] = docx.Document(str(data)).tables
        return [[cell.text for cell in row.cells] for row in table.rows]
    sheet = openpyxl.load_workbook(data).active
    return [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("which", ["csv", "xlsx", "docx"])
def test_downloads_hold_the_rows_of_the_page(portal: Path, which: str) -> None:
    for rel in TABLE_PAGES:
        shown = page_rows(portal / rel / "index.html")
        rows = download_rows(portal / "data" / f"{rel}.{which}", which)
        norm = lambda rs: [[re.sub(r"\s+", " ", c).strip() or "—" for c in r] for r in rs]  # noqa: E731
        assert norm(rows) == norm(shown), rel


def page_measures(page: Path) -> list[str]:
    """The measure links of a laid-out page's table rows, in order (the measures' labels)."""
    text = page.read_text(encoding="utf-8")
    labels = []
    for body in re.findall(r"<tbody>(.*?)</tbody>", text, re.S):
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
            labels += [html.unescape(re.sub(r"<[^>]+>", "", a)).strip() for a in re.findall(r"<a [^>]*>(.*?)</a>", row, re.S)]
    return labels


@pytest.mark.parametrize("which", ["csv", "xlsx", "docx"])
def test_topic_and_pair_downloads_carry_the_measures_and_texts_of_the_page(portal: Path, which: str) -> None:
    """Each measure the page shows is a row of the download, in the page's order, with its whole text."""
    checked = 0
    for rel in laid_out_pages(portal):
        page = portal / rel / "index.html"
        shown = squash(html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))))
        rows = download_rows(portal / "data" / f"{rel}.{which}", which)
        header, body = rows[0], rows[1:]
        text_columns = [i for i, h in enumerate(header) if h.endswith("原文") and h != "本专题相关原文"]
        label_columns = [i for i, h in enumerate(header) if h.endswith("举措")]
        assert text_columns and label_columns, (rel, header)
        for row in body:
            for i in text_columns:
                assert row[i] == "—" or squash(row[i]) in shown, (rel, row[i][:40])
        labels = [squash(row[i]) for row in body for i in label_columns if row[i] not in ("—", "")]
        on_page = [squash(label) for label in page_measures(page)]
        assert [x for x in on_page if x in labels] == labels, rel
        checked += 1
    assert checked > 20


def test_every_table_page_offers_both_downloads(portal: Path) -> None:
    for rel in table_pages(portal):
        page = (portal / rel / "index.html").read_text(encoding="utf-8")
        assert all(f"{Path(rel).name}.{ext}" in page for ext in ("csv", "xlsx", "docx")), rel


def test_word_and_excel_files_show_every_cell_as_written() -> None:
    """Line ends, tabs, markup characters, edge spaces and formula-like text as they are, numbers as numbers; the
    header bold and repeated on every page, 9 pt in Word; the same bytes every time."""
    header = ["序号", "=公式", "说明", "数", "五"]
    table = Table("标题 <&>", header, [["a\nb\tc", ("链接", "x/y"), " 前后空格 ", 3, "<b>&amp;</b>"],
                                     ["", "=1+1", "@SUM(A1)", 2.5, "😀"], ["短"]])
    texts = [header, ["a\nb\tc", "链接", " 前后空格 ", "3", "<b>&amp;</b>"], ["", "=1+1", "@SUM(A1)", "2.5", "😀"]]
    word = docx.Document(io.BytesIO(to_docx(table)))
    [grid] = word.tables
    assert [[c.text for c in r.cells] for r in grid.rows] == texts + [["短", "", "", "", ""]]
    assert word.paragraphs[0].text == "标题 <&>" and word.sections[0].orientation == WD_ORIENT.LANDSCAPE
    runs = [[r for c in row.cells for p in c.paragraphs for r in p.runs] for row in grid.rows]
    assert all(r.bold for r in runs[0]) and not any(r.bold for row in runs[1:] for r in row)
    assert {r.font.size.pt for row in runs for r in row} == {9.0}
    assert [r._tr.trPr is not None and r._tr.trPr.xpath("w:tblHeader") != [] for r in grid.rows] == [True, False, False, False]
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table))).active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values == [texts[0], texts[1][:3] + [3, texts[1][4]], [None, "=1+1", "@SUM(A1)", 2.5, "😀"], ["短"] + [None] * 4]
    assert all(c.font.b and c.alignment.wrap_text and c.alignment.vertical == "top" for c in sheet[1])
    assert all(c.data_type == "s" and not c.font.b and c.alignment.wrap_text for c in sheet["B"][1:3] + sheet["C"][1:3])
    assert (sheet.freeze_panes, sheet.print_title_rows, sheet.page_setup.orientation) == ("A2", "$1:$1", "landscape")
    assert to_docx(table) == to_docx(table) and to_xlsx(table) == to_xlsx(table)
    assert docx.Document(io.BytesIO(to_docx(Table("t", ["a\x01b"], [])))).tables[0].cell(0, 0).text == "ab"
