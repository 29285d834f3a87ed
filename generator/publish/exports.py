"""Data files: the tables pages offer, as CSV, XLSX and DOCX (same rows as the page), and JSON.

Output is deterministic (no timestamps) and safe to open in a spreadsheet: text that
starts like a formula is neutralised.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
import math
import re
import zipfile
from json.encoder import encode_basestring
from typing import Iterable, Sequence
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.worksheet import Worksheet

from generator.memo import Memo, no_memo
from generator.render.tables import Cell, Table, cell_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIXED_TIME = datetime.datetime(2000, 1, 1)
HEADER_FONT = Font(bold=True)
TEXT_ALIGNMENT = Alignment(wrap_text=True, vertical="top")


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
    """One sheet of the table: header bold, text wrapped and top-aligned, frozen and printed on every page.

    openpyxl makes the workbook (once per column count); the rows are written as XML into its sheet, cell by
    cell as openpyxl writes them: strings inline (never a formula), numbers as numbers."""
    shared, part, (head, middle, tail), (header_style, text_style) = _xlsx_parts(len(table.header))
    rows = [list(table.header)]  # the header row: bold; then numbers stay numbers, everything else is text
    rows += [[c if isinstance(c, (int, float)) else cell_text(c) for c in r] for r in table.rows]
    last = max(len(r) for r in rows) or 1
    dimension = f'<dimension ref="A1:{get_column_letter(last)}{len(rows)}"/>'
    letters = [get_column_letter(i) for i in range(1, last + 1)]
    cells = ("".join(_sheet_cell(f"{letters[c]}{r}", v, header_style if r == 1 else text_style)
                     for c, v in enumerate(row))
             for r, row in enumerate(rows, start=1))
    body = "".join(f'<row r="{r}">{xml}</row>' for r, xml in enumerate(cells, start=1) if xml)
    return _zip_members([(part, "".join((head, dimension, middle, body, tail)).encode("utf-8"))], base=shared)


def _sheet_cell(ref: str, value: object, style: int) -> str:
    """A cell as openpyxl writes it: text an inline string in ``style``, a number (or bool) unstyled."""
    if not isinstance(value, str):
        return f'<c r="{ref}" t="{"b" if isinstance(value, bool) else "n"}"><v>{safe_string(value)}</v></c>'
    text = value[:32767]  # openpyxl's checks: Excel's longest cell text, no control characters
    if not text:
        return f'<c r="{ref}" s="{style}" t="inlineStr"></c>'
    if not text.isprintable() and ILLEGAL_CHARACTERS_RE.search(text):  # isprintable() is the fast check
        raise IllegalCharacterError(f"{text} cannot be used in worksheets.")
    space = ' xml:space="preserve"' if text != text.strip() else ""
    text = escape(text).replace("\r", "&#13;")  # a carriage return kept, as lxml writes it
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


@functools.lru_cache(maxsize=None)
def _xlsx_parts(columns: int) -> tuple[bytes, str, tuple[str, str, str], tuple[int, int]]:
    """The workbook of ``columns`` columns without rows, made once: its zip less the sheet, the sheet's path, the
    sheet's XML before the dimension, up to the rows and after them, and the header and text styles' indexes."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("表格")
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    for i in range(1, columns + 1):
        ws.column_dimensions[get_column_letter(i)].width = 18 if i > 1 else 12
    styles = _style_index(ws, HEADER_FONT), _style_index(ws, None)
    wb.properties.creator = "规划参考门户"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    wb.save(raw)
    part = ws.path.lstrip("/")
    sheet = zipfile.ZipFile(raw).read(part).decode("utf-8")
    around = re.fullmatch(r"(.*?)(<sheetViews>.*?<sheetData>)(</sheetData>.*)", sheet, re.S)
    if around is None:  # openpyxl writes no dimension for a write-only sheet, and no rows were added
        raise RuntimeError(f"unexpected sheet from openpyxl: {sheet[:200]}")
    return _fixed_zip_times(raw.getvalue(), without=part), part, around.groups(), styles


def _style_index(ws, font: Font | None) -> int:
    """The index in the workbook's cell styles of text wrapped and top-aligned (in ``font`` if given)."""
    cell = WriteOnlyCell(ws)
    cell.alignment = TEXT_ALIGNMENT
    if font is not None:
        cell.font = font
    return cell.style_id


def _fixed_zip_times(data: bytes, *, without: str = "") -> bytes:
    """The zip ``data`` again (less its member ``without``), with fixed times and no save-time stamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return _zip_members((info.filename, source.read(info.filename)) for info in source.infolist()
                        if info.filename != without)


def _zip_members(members: Iterable[tuple[str, bytes]], base: bytes = b"") -> bytes:
    """A zip of ``members`` (name, data) with fixed times, added to the zip ``base`` (its members kept as they are)."""
    out = io.BytesIO(base)
    with zipfile.ZipFile(out, "a" if base else "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            fixed = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            if name == "docProps/core.xml":  # openpyxl stamps the save time here
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            target.writestr(fixed, data)
    return out.getvalue()


def dumps_json(data: object) -> bytes:
    """``json.dumps(data, ensure_ascii=False, indent=1)`` and a newline, byte for byte, several times faster.

    json's C encoder does not indent; its Python one walks corpus.json (a million values at 3,000
    measures) through generators. Here the containers are walked once and every string is escaped by
    json's own (C) ``encode_basestring``; anything else (a number key, NaN) goes to json.dumps."""
    out: list[str] = []
    try:
        _indented(data, "\n", out)
    except TypeError:
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    out.append("\n")
    return "".join(out).encode("utf-8")


def _indented(value: object, newline: str, out: list[str]) -> None:  # noqa: C901 - one branch per JSON type
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif value is None or kind is bool:
        out.append("null" if value is None else "true" if value else "false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and math.isfinite(value):
        out.append(float.__repr__(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + " "
        sep = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError(key)
            out.append(sep + encode_basestring(key) + ": ")
            _indented(item, inner, out)
            sep = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + " "
        sep = "[" + inner
        for item in value:
            out.append(sep)
            _indented(item, inner, out)
            sep = "," + inner
        out.append(newline + "]")
    else:
        raise TypeError(kind)


def rows_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    return to_csv(Table("", list(header), [list(r) for r in rows]))


def to_docx(table: Table) -> bytes:
    """A Word document holding the table (header row repeated on every page, landscape when wide)."""
    from generator.publish import docx_table  # python-docx is loaded only when Word files are written

    return _zip_members([(docx_table.DOCUMENT_PART, docx_table.document_part(table))], base=_docx_shared())


@functools.lru_cache(maxsize=1)
def _docx_shared() -> bytes:
    """Every part of a Word download but the document part, zipped once (the styles alone are ~900 kB of XML)."""
    from generator.publish import docx_table

    doc = docx_table.skeleton(1)
    doc.core_properties.author = "规划参考门户"
    doc.core_properties.created = doc.core_properties.modified = FIXED_TIME
    raw = io.BytesIO()
    doc.save(raw)
    return _fixed_zip_times(raw.getvalue(), without=docx_table.DOCUMENT_PART)


def table_files(downloads: dict[str, Table], memo: Memo | None = None) -> dict[str, bytes]:
    """The files of a page's downloads: each path ending .csv, .xlsx or .docx, from its table (or the memory)."""
    writers = {".csv": to_csv, ".xlsx": to_xlsx, ".docx": to_docx}
    memo = memo or no_memo()
    files = {}
    for path, table in downloads.items():
        suffix = path[path.rindex("."):]
        if suffix == ".csv":  # quick to write; only the office files are worth remembering
            files[path] = to_csv(table)
        else:
            files[path] = memo.get("table" + suffix, memo.key(table), lambda: writers[suffix](table))
    return files
