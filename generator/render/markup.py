"""Putting text from the YAML into Markdown so that it is shown literally, whatever it contains.

Body text goes into raw HTML blocks (``<p>``), which Markdown leaves alone, with
HTML escaped. Inline places (headings, table cells, link texts) get HTML escaped
and every Markdown punctuation character backslash-escaped.
"""

from __future__ import annotations

import html
import re

# the characters Python-Markdown (with the tables extension) lets a backslash escape
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def inline(text: str) -> str:
    """Text for an inline Markdown context (heading, table cell, link text)."""
    text = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def theme_text(text: str) -> str:
    """Text for the theme boundary: mkdocs-material prints page and nav titles raw into HTML."""
    return html.escape(" ".join(str(text).split()), quote=True)


def attr(text: str) -> str:
    return html.escape(" ".join(str(text).split()), quote=True)


def text_html(text: str) -> str:
    """HTML-escaped text for use inside a raw HTML block (line breaks kept)."""
    return html.escape(str(text), quote=False).replace("\n", "<br>")


def paragraphs(text: str, css: str = "") -> str:
    """Paragraphs (separated by blank lines) as a raw HTML block; empty text gives nothing."""
    cls = f' class="{css}"' if css else ""
    paras = [p.strip() for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    return "\n\n".join(f"<p{cls}>{text_html(p)}</p>" for p in paras)


def cell(text: str) -> str:
    """A table cell: inline-escaped, never empty (an empty cell would end the row early)."""
    value = inline(text)
    return value if value else "—"
