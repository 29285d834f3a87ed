"""Side-by-side text comparison of two measures, character level, with the share of shared wording."""

from __future__ import annotations

import difflib
import html
from dataclasses import dataclass


@dataclass(frozen=True)
class TextDiff:
    left_html: str
    right_html: str
    ratio: float  # 文字重合度: shared characters / characters of both texts (0..1)


def _span(css: str, text: str) -> str:
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f'<span class="{css}">{escaped}</span>' if css else escaped


def compare_texts(left: str, right: str) -> TextDiff:
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    left_parts, right_parts, shared = [], [], 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            shared += i2 - i1
            left_parts.append(_span("diff-same", left[i1:i2]))
            right_parts.append(_span("diff-same", right[j1:j2]))
            continue
        if i2 > i1:
            left_parts.append(_span("diff-only", left[i1:i2]))
        if j2 > j1:
            right_parts.append(_span("diff-other", right[j1:j2]))
    total = len(left) + len(right)
    ratio = (2 * shared / total) if total else 0.0
    return TextDiff("".join(left_parts), "".join(right_parts), ratio)
