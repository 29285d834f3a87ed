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

TABLE_PAGES = ["compare/matrix", "compare/year-themes", "targets", "deadlines", "compare/shenzhen-2018-2020--haizhu-cgj-2018-2020"]


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


def table_pages(portal: Path) -> list[str]:
    topics = sorted(p.parent.relative_to(portal).as_posix() for p in (portal / "topics").glob("*/index.html"))
    return TABLE_PAGES + topics


@pytest.mark.parametrize("which", ["csv", "xlsx", "docx"])
def test_downloads_hold_the_rows_of_the_page(portal: Path, which: str) -> None:
    checked = 0
    for rel in table_pages(portal):
        shown = page_rows(portal / rel / "index.html")
        data = portal / "data" / f"{rel}.{which}"
        assert data.is_file(), data
        if which == "csv":
            rows = [[unneutralise(c) for c in r] for r in csv.reader(io.StringIO(data.read_bytes().decode("utf-8-sig")))]
        elif which == "docx":
            [table] = docx.Document(str(data)).tables
            rows = [[cell.text for cell in row.cells] for row in table.rows]
        else:
            sheet = openpyxl.load_workbook(data).active
            rows = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
        norm = lambda rs: [[re.sub(r"\s+", " ", c).strip() or "—" for c in r] for r in rs]  # noqa: E731
        assert norm(rows) == norm(shown), rel
        checked += 1
    assert checked > 20


def test_every_table_page_offers_both_downloads(portal: Path) -> None:
    for rel in table_pages(portal):
        page = (portal / rel / "index.html").read_text(encoding="utf-8")
        assert all(f"{Path(rel).name}.{ext}" in page for ext in ("csv", "xlsx", "docx")), rel
