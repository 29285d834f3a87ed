"""The document part of a table's Word download: python-docx makes the document, the rows are one XML string.

python-docx's ``add_row`` and ``cell.text`` cost a search of the whole table for every row. Here python-docx
makes, once per column count, the document with its page (A4, landscape when wide), an empty level-1 heading
and an empty "Table Grid" table; the title and the rows are WordprocessingML as python-docx itself writes
them (a ``w:tcW`` width in every cell, one 9 pt run per cell with tabs and line ends as ``w:tab`` and ``w:br``,
the header row bold and repeated on every page), put in where that document has a marker.
"""

from __future__ import annotations

import functools
import re
from typing import Sequence
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from generator.render.tables import Table, cell_text

DOCUMENT_PART = "word/document.xml"
FONT_SIZE = 18  # half-points: 9 pt
WIDE = 4  # a table of more columns than this is printed landscape
TITLE, ROWS = "title", "rows"  # the markers (XML comments) where the title's run and the rows go

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # what XML 1.0 forbids
_TAB_OR_BREAK = re.compile("([\t\r\n])")
_SPECIAL = {"\t": "<w:tab/>", "\r": "<w:br/>", "\n": "<w:br/>"}


def skeleton(columns: int) -> DocumentObject:
    """An A4 document (landscape when wide) with an empty level-1 heading and an empty "Table Grid" table."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if columns > WIDE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    doc.add_heading("", level=1)
    grid = doc.add_table(rows=0, cols=columns)
    grid.style = "Table Grid"
    return doc


def document_part(table: Table) -> bytes:
    """The document part of the Word download of ``table``: its title as the heading, then the table."""
    widths, before, between, after = _template(len(table.header))
    title = f"<w:r>{run_content(table.title)}</w:r>" if table.title else ""
    return b"".join(part.encode("utf-8") for part in (before, title, between, rows_xml(widths, table), after))


@functools.lru_cache(maxsize=None)
def _template(columns: int) -> tuple[tuple[str, ...], str, str, str]:
    """The cell widths (twips) of the skeleton of ``columns`` columns, and its document part around the markers."""
    doc = skeleton(columns)
    tbl = doc.tables[0]._tbl
    doc.paragraphs[0]._p.append(etree.Comment(TITLE))
    tbl.append(etree.Comment(ROWS))
    before, rest = serialize_part_xml(doc.element).decode("utf-8").split(f"<!--{TITLE}-->")
    between, after = rest.split(f"<!--{ROWS}-->")
    widths = tuple(col.get(qn("w:w")) for col in tbl.tblGrid.iterchildren(qn("w:gridCol")))
    return widths, before, between, after


def rows_xml(widths: Sequence[str], table: Table) -> str:
    """The header row (bold, repeated on each page) and the rows, a cell per column as ``add_row`` makes them."""
    repeated = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>'
    header = _row_xml(_cell_starts(widths, "<w:b/>"), widths, list(table.header), repeated)
    starts = _cell_starts(widths, "")
    return header + "".join(_row_xml(starts, widths, [cell_text(value) for value in row]) for row in table.rows)


def _cell_starts(widths: Sequence[str], bold: str) -> list[str]:
    """What each column's cells hold before the text: the cell's width, then a paragraph and its 9 pt run."""
    run = f'<w:p><w:r><w:rPr>{bold}<w:sz w:val="{FONT_SIZE}"/></w:rPr>'
    return [f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>{run}' for width in widths]


def _row_xml(starts: list[str], widths: Sequence[str], texts: list[str], properties: str = "") -> str:
    """A row of a cell per column: a run holding the text, or an empty paragraph where the row has no value."""
    cells = "".join(f"{start}{run_content(text)}</w:r></w:p></w:tc>" for start, text in zip(starts, texts))
    empty = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr><w:p/></w:tc>'
                    for width in widths[len(texts):])
    return f"<w:tr>{properties}{cells}{empty}</w:tr>"


def run_content(text: str) -> str:
    """The inside of a run showing ``text`` as python-docx's ``run.text`` writes it (tab → w:tab, CR/LF → w:br)."""
    if text.isprintable():  # no tab, no line end, nothing XML forbids: one w:t (the common case, checked fast)
        return _text(text) if text else ""
    pieces = _TAB_OR_BREAK.split(_NOT_XML.sub("", text))
    return "".join(_SPECIAL.get(piece) or _text(piece) for piece in pieces if piece)


def _text(piece: str) -> str:
    space = ' xml:space="preserve"' if piece.strip() != piece else ""
    return f"<w:t{space}>{escape(piece)}</w:t>"
