"""Table pages: one Markdown table, printable (landscape when wide), offering CSV and XLSX of the same rows.

The page names its downloads (path → ``Table``); ``publish.exports`` turns them into files.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Union

from markupsafe import Markup

from generator.render import markup, urls
from generator.render.environment import Here, Page

Cell = Union[str, int, float, tuple]  # text, number, or (label, page path[, anchor])


@dataclass
class Table:
    """A table as the page shows it; its CSV and XLSX downloads are made from the same rows."""

    title: str
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


def cell_text(value: Cell) -> str:
    if isinstance(value, tuple):
        return str(value[0])
    return str(value)


def markdown_table(here: str, table: Table) -> Markup:
    link = Here(here).link
    lines = ["| " + " | ".join(markup.cell(h) for h in table.header) + " |", "|" + "---|" * len(table.header)]
    for row in table.rows:
        cells = [link(c[0], c[1], c[2] if len(c) > 2 else "") if isinstance(c, tuple) else markup.cell(str(c)) for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return Markup("\n".join(lines))


_BARE_NUMBER = re.compile(r"^[\d\s.,%—–\-]*$")


def table_page(site, path: str, table: Table, *, intro: str = "", landscape: bool = False, kind: str = "compare",
               before: str = "", after: str = "", topics: tuple[str, ...] = (), unsearched: tuple[int, ...] = (),
               template: str = "table.md.j2", **context) -> Page:
    """The page of ``table``; columns in ``unsearched`` (texts found on their own pages) stay out of its search text.

    A page with its own layout (``template``, with its ``context``) still offers ``table`` as its downloads."""
    csv_path, xlsx_path, docx_path = (urls.table_file(path, ext) for ext in ("csv", "xlsx", "docx"))
    body = markdown_table(path, table) if template == "table.md.j2" else ""
    markdown = site.render(template, path, table=table, intro=intro, landscape=landscape,
                           body=body, csv=csv_path, xlsx=xlsx_path, docx=docx_path,
                           before=Markup(before), after=Markup(after), **context)
    rows = [" ".join(t for i, c in enumerate(row) if i not in unsearched and not _BARE_NUMBER.match(t := cell_text(c)))
            for row in table.rows]  # counts and scores alone ("0", "0.17", "14%") would be digit soup in snippets
    text = "\n".join([table.title, intro] + rows)
    return Page(path, table.title, markdown, kind=kind, search_text=text, topics=topics,
                downloads={csv_path: table, xlsx_path: table, docx_path: table})
