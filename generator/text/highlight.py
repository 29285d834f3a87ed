"""Measure texts as HTML with some of their spans emphasised (a topic's clauses, the phrases two texts share).

The text is escaped; spans are offsets into it (merged when they touch or overlap), so what
is shown is exactly the document's wording with marks around parts of it.
"""

from __future__ import annotations

import html
from typing import Iterable


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def marked(text: str, spans: Iterable[tuple[int, int]], tag: str = "mark", css: str = "") -> str:
    """``text`` as HTML, each span wrapped in ``<tag class=css>``."""
    cls = f' class="{css}"' if css else ""
    out, at = [], 0
    for start, end in merge(spans):
        out += [_escape(text[at:start]), f"<{tag}{cls}>", _escape(text[start:end]), f"</{tag}>"]
        at = end
    out.append(_escape(text[at:]))
    return "".join(out)


def excerpt(text: str, spans: Iterable[tuple[int, int]], joiner: str = "……") -> str:
    """The spans' text alone, in order, whitespace collapsed ("严格“三会一课”等组织生活制度……推进公立医院党的建设")."""
    return joiner.join(" ".join(text[s:e].split()) for s, e in merge(spans))
