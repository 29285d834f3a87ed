"""The phrases two measure texts share, for a side-by-side reading, and the share of wording they have in common.

A shared phrase is a run of at least ``MIN_PHRASE`` characters (punctuation and spaces not
counted, widths folded) that occurs in both texts, in any order: a lower plan that moves a
sentence of its upper plan still shows it as shared. Single characters and short words both
texts happen to use (党, 建设, 基层) are not phrases, so a reader sees the copied or adapted
wording, not character noise. Linear in the texts' lengths (sets of character n-grams).

The phrases of a pair of texts are computed once per build (``SHARED_CACHE`` pairs are kept):
the enrich stage needs the share of every aligned pair, the pages the spans of the same pairs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from generator.text.highlight import marked
from generator.text.fold import fold_width

MIN_PHRASE = 4
SHARED_CACHE = 1 << 15
LETTERS_CACHE = 1 << 13  # texts: an upper plan's measures are compared with those of every lower plan
_SKIPPED = r"\s，,。.；;：:、！!？?“”‘’\"'《》〈〉（）()【】〔〕\[\]—\-…·"
_SKIP = re.compile(f"[{_SKIPPED}]")
_KEPT_RUN = re.compile(f"[^{_SKIPPED}]+")  # exactly the characters ``_SKIP`` does not match, in runs


@dataclass(frozen=True)
class TextDiff:
    left_html: str
    right_html: str
    ratio: float  # 文字重合度: characters in shared phrases / characters of both texts (0..1), punctuation not counted
    left_spans: tuple[tuple[int, int], ...] = ()
    right_spans: tuple[tuple[int, int], ...] = ()


@lru_cache(maxsize=LETTERS_CACHE)
def _letters(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """The text without punctuation and spaces (width-folded), and where each run of kept characters
    starts in the result and in ``text``."""
    runs = list(_KEPT_RUN.finditer(fold_width(text)))
    lengths = [run.end() - run.start() for run in runs]
    return "".join(run.group() for run in runs), tuple(accumulate(lengths, initial=0))[:-1], tuple(r.start() for r in runs)


def _offset(letters_at: tuple[int, ...], text_at: tuple[int, ...], i: int) -> int:
    """The offset in the text of the ``i``-th kept character."""
    run = bisect_right(letters_at, i) - 1
    return text_at[run] + i - letters_at[run]


def _grams(letters: str, n: int) -> list[str]:
    return [letters[i:i + n] for i in range(len(letters) - n + 1)]


def _covered(grams: list[str], other: set[str], n: int) -> list[list[int]]:
    """The runs [start, end) of letters that lie in an n-gram ``other`` also has (touching runs joined)."""
    runs: list[list[int]] = []
    for i in [i for i, gram in enumerate(grams) if gram in other]:
        if runs and i <= runs[-1][1]:
            runs[-1][1] = i + n
        else:
            runs.append([i, i + n])
    return runs


def _spans(runs: list[list[int]], letters_at: tuple[int, ...], text_at: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Runs of covered characters as spans of the original text (punctuation inside a run stays inside)."""
    return tuple((_offset(letters_at, text_at, start), _offset(letters_at, text_at, end - 1) + 1) for start, end in runs)


@lru_cache(maxsize=SHARED_CACHE)
def _shared(left: str, right: str, n: int) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...], float]:
    a, *a_at = _letters(left)
    b, *b_at = _letters(right)
    if len(a) < n or len(b) < n:
        return (), (), 0.0
    a_grams, b_grams = _grams(a, n), _grams(b, n)
    in_a, in_b = _covered(a_grams, set(b_grams), n), _covered(b_grams, set(a_grams), n)
    ratio = (sum(e - s for s, e in in_a) + sum(e - s for s, e in in_b)) / (len(a) + len(b))
    return _spans(in_a, *a_at), _spans(in_b, *b_at), ratio


def shared_phrases(left: str, right: str, n: int = MIN_PHRASE) -> tuple[list[tuple[int, int]], list[tuple[int, int]], float]:
    """Spans of ``left`` and of ``right`` in phrases both share, and the share of their characters so covered."""
    left_spans, right_spans, ratio = _shared(left, right, n)
    return list(left_spans), list(right_spans), ratio


def overlap(left: str, right: str) -> float:
    """文字重合度 of two texts alone (``compare_texts(left, right).ratio``, without the HTML)."""
    return _shared(left, right, MIN_PHRASE)[2]


def compare_texts(left: str, right: str) -> TextDiff:
    """Both texts as HTML with their shared phrases marked (class ``diff-same``), and 文字重合度."""
    left_spans, right_spans, ratio = _shared(left, right, MIN_PHRASE)
    return TextDiff(marked(left, left_spans, "span", "diff-same"), marked(right, right_spans, "span", "diff-same"), ratio,
                    left_spans, right_spans)
