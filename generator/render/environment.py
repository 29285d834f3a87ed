"""render: one Jinja2 environment over templates/pages; safe by default.

Every ``{{ value }}`` that is not already markup is escaped for an inline
Markdown context (HTML escaped and Markdown punctuation backslash-escaped), so
text from the YAML can never become markup, a link or a template. Helpers that
build markup (links, paragraphs) return ``Markup``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError
from markupsafe import Markup

from generator.problems import ContentErrors
from generator.render import markup, urls
from generator.render.template_errors import template_problem


@dataclass
class Page:
    """One generated Markdown page plus what the search index and the exports need to know of it."""

    path: str
    title: str
    markdown: str
    kind: str = "page"
    search_text: str = ""
    plan: str = ""
    level: str = ""
    years: tuple[int, ...] = ()
    topics: tuple[str, ...] = ()
    downloads: dict[str, Any] = field(default_factory=dict)  # data files the page offers: path → render.tables.Table


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return Markup(str(value))
    return Markup(markup.inline(str(value)))


class Here:
    """Link helpers bound to the page being rendered."""

    def __init__(self, path: str):
        self.path = path

    def href(self, target: str, anchor: str = "") -> str:
        return urls.rel(self.path, target, anchor)

    def link(self, label: str, target: str, anchor: str = "") -> Markup:
        return Markup(f"[{markup.inline(label) or '—'}]({self.href(target, anchor)})")


class Renderer:
    def __init__(self, templates: Path):
        self.templates = templates
        self.env = Environment(
            loader=FileSystemLoader(str(templates)),
            undefined=StrictUndefined,
            finalize=_finalize,
            autoescape=True,  # macro output is Markup; _finalize escapes everything else for Markdown
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            paras=lambda text, css="": Markup(markup.paragraphs(text, css)),
            html=lambda text: Markup(markup.text_html(text)),
            attr=lambda text: Markup(markup.attr(text)),
            cell=lambda text: Markup(markup.cell(text)),
            json=lambda value: Markup(json.dumps(value, ensure_ascii=False)),
            # a title handed to MkDocs/material, which print it without escaping (<title>, nav, header)
            theme_title=lambda value: Markup(json.dumps(markup.theme_text(value), ensure_ascii=False)),
            pct=lambda value: f"{value * 100:.0f}%",
            score=lambda value: f"{value:.2f}",
        )

    def render(self, template: str, path: str, **context: Any) -> str:
        """The Markdown of page ``path``; a broken template raises ContentErrors naming its file and line."""
        here = Here(path)
        try:
            return self.env.get_template(template).render(here=here, link=here.link, href=here.href, urls=urls, **context)
        except TemplateError as exc:
            raise ContentErrors([template_problem(exc, self.templates, template, path)]) from None
