"""Data files: the tables pages offer, as CSV and XLSX (same rows as the page), and JSON.

Output is deterministic (no timestamps) and safe to open in a spreadsheet: text that
starts like a formula is neutralised.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import zipfile
from typing import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from generator.render.tables import Cell, Table, cell_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIXED_TIME = datetime.datetime(2000, 1, 1)


def neutralise(text: str) -> str:
    """A spreadsheet must show this as text, never run it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in table.header])
    for row in table.rows:
        writer.writerow([neutralise(cell_text(c)) for c in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM so that Excel reads UTF-8


def to_xlsx(table: Table) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "表格"
    ws.append(table.header)
    for row in table.rows:
        ws.append([cell_text(c) if not isinstance(c, (int, float)) else c for c in row])
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                c.data_type = "s"  # never a formula
                c.alignment = Alignment(wrap_text=True, vertical="top")
    for c in ws[1]:
        c.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    for i, _ in enumerate(table.header, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = 18 if i > 1 else 12
    wb.properties.creator = "规划参考门户"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    wb.save(raw)
    return _fixed_zip_times(raw.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            target.writestr(fixed, data)
    return out.getvalue()


def dumps_json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def rows_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    return to_csv(Table("", list(header), [list(r) for r in rows]))


def to_docx(table: Table) -> bytes:
    """A Word document holding the table (header row repeated on every page, landscape when wide)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if len(table.header) > 4:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    doc.add_heading(table.title, level=1)
    grid = doc.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, table.header):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    header = grid.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for row in table.rows:
        for cell, value in zip(grid.add_row().cells, row):
            cell.text = cell_text(value)
    for paragraph_row in grid.rows:
        for cell in paragraph_row.cells:
            for run in (r for p in cell.paragraphs for r in p.runs):
                run.font.size = Pt(9)
    doc.core_properties.author = "规划参考门户"
    doc.core_properties.created = doc.core_properties.modified = FIXED_TIME
    raw = io.BytesIO()
    doc.save(raw)
    return _fixed_zip_times(raw.getvalue())


def table_files(downloads: dict[str, Table]) -> dict[str, bytes]:
    """The files of a page's downloads: each path ending .csv, .xlsx or .docx, from its table."""
    writers = {".csv": to_csv, ".xlsx": to_xlsx, ".docx": to_docx}
    return {path: writers[path[path.rindex("."):]](table) for path, table in downloads.items()}
