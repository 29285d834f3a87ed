"""The phrases two measure texts share, for a side-by-side reading, and the share of wording they have in common.

A shared phrase is a run of at least ``MIN_PHRASE`` characters (punctuation and spaces not
counted, widths folded) that occurs in both texts, in any order: a lower plan that moves a
sentence of its upper plan still shows it as shared. Single characters and short words both
texts happen to use (党, 建设, 基层) are not phrases, so a reader sees the copied or adapted
wording, not character noise. Linear in the texts' lengths (sets of character n-grams).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.text.highlight import marked
from generator.text.fold import fold_width

MIN_PHRASE = 4
_SKIP = re.compile(r"[\s，,。.；;：:、！!？?“”‘’\"'《》〈〉（）()【】〔〕\[\]—\-…·]")


@dataclass(frozen=True)
class TextDiff:
    left_html: str
    right_html: str
    ratio: float  # 文字重合度: characters in shared phrases / characters of both texts (0..1), punctuation not counted
    left_spans: tuple[tuple[int, int], ...] = ()
    right_spans: tuple[tuple[int, int], ...] = ()


def _letters(text: str) -> tuple[str, list[int]]:
    """The text without punctuation and spaces (width-folded), and each kept character's offset in ``text``."""
    folded = fold_width(text)
    offsets = [i for i, ch in enumerate(folded) if not _SKIP.match(ch)]
    return "".join(folded[i] for i in offsets), offsets


def _grams(letters: str, n: int) -> set[str]:
    return {letters[i:i + n] for i in range(len(letters) - n + 1)}


def _covered(letters: str, other: set[str], n: int) -> list[bool]:
    """Which characters of ``letters`` lie in an n-gram that ``other`` also has."""
    covered = [False] * len(letters)
    for i in range(len(letters) - n + 1):
        if letters[i:i + n] in other:
            covered[i:i + n] = [True] * n
    return covered


def _spans(covered: list[bool], offsets: list[int]) -> list[tuple[int, int]]:
    """Runs of covered characters as spans of the original text (punctuation inside a run stays inside)."""
    spans: list[tuple[int, int]] = []
    start = None
    for i, flag in enumerate(covered + [False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            spans.append((offsets[start], offsets[i - 1] + 1))
            start = None
    return spans


def shared_phrases(left: str, right: str, n: int = MIN_PHRASE) -> tuple[list[tuple[int, int]], list[tuple[int, int]], float]:
    """Spans of ``left`` and of ``right`` in phrases both share, and the share of their characters so covered."""
    a, a_at = _letters(left)
    b, b_at = _letters(right)
    if len(a) < n or len(b) < n:
        return [], [], 0.0
    in_a, in_b = _covered(a, _grams(b, n), n), _covered(b, _grams(a, n), n)
    ratio = (sum(in_a) + sum(in_b)) / (len(a) + len(b))
    return _spans(in_a, a_at), _spans(in_b, b_at), ratio


def compare_texts(left: str, right: str) -> TextDiff:
    """Both texts as HTML with their shared phrases marked (class ``diff-same``), and 文字重合度."""
    left_spans, right_spans, ratio = shared_phrases(left, right)
    return TextDiff(marked(left, left_spans, "span", "diff-same"), marked(right, right_spans, "span", "diff-same"), ratio,
                    tuple(left_spans), tuple(right_spans))
