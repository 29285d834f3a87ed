"""Table pages: one Markdown table, printable (landscape when wide), with CSV and XLSX of the same rows."""

from __future__ import annotations

from markupsafe import Markup

from .. import markup, urls
from ..exports import Table, cell_text, to_csv, to_xlsx
from ..render import Page, Here


def markdown_table(here: str, table: Table) -> Markup:
    link = Here(here).link
    lines = ["| " + " | ".join(markup.cell(h) for h in table.header) + " |", "|" + "---|" * len(table.header)]
    for row in table.rows:
        cells = [link(c[0], c[1], c[2] if len(c) > 2 else "") if isinstance(c, tuple) else markup.cell(str(c)) for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return Markup("\n".join(lines))


def table_page(site, path: str, table: Table, *, intro: str = "", landscape: bool = False, kind: str = "compare",
               before: str = "", after: str = "", topics: tuple[str, ...] = ()) -> Page:
    csv_path, xlsx_path = urls.table_file(path, "csv"), urls.table_file(path, "xlsx")
    markdown = site.render("table.md.j2", path, table=table, intro=intro, landscape=landscape,
                           body=markdown_table(path, table), csv=csv_path, xlsx=xlsx_path,
                           before=Markup(before), after=Markup(after))
    text = "\n".join([table.title, intro] + [" ".join(cell_text(c) for c in row) for row in table.rows])
    return Page(path, table.title, markdown, kind=kind, search_text=text, topics=topics,
                files={csv_path: to_csv(table), xlsx_path: to_xlsx(table)})
