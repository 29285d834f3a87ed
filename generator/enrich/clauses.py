"""The clause of a text around a span: the words that make a number, a deadline or a topic word meaningful.

``clause_around(text, start, end)`` returns offsets into ``text`` (so the clause is an
exact substring of it; renderers collapse its whitespace for display):

* the sentence holding the span — the text between 。；;！!？? (a blank line also ends
  one) — when it is short (at most ``LONG`` characters);
* else the comma piece holding the span (pieces end at ，,：:), extended by a
  neighbouring piece when the piece is very short (under ``SHORT`` characters: the
  following piece when the span ends it, 到2020年，全面完成…; else the preceding one) or
  starts with a word that leans on what comes before (每, 至少, 不少于, 其中 …).

Punctuation inside brackets and quotes (（…）《…》“…”) ends nothing; an opening mark that
is never closed is ignored. Whitespace and dash bullets (——) at the ends are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

LONG = 60  # a sentence longer than this is cut down to its comma piece
SHORT = 8  # a comma piece shorter than this takes in a neighbouring piece
SENTENCE_ENDS = "。；;！!？?"
PIECE_ENDS = "，,：:"
LEANING = ("每", "至少", "不少于", "不低于", "不超过", "不高于", "最多", "最少", "最高", "其中", "并", "且", "再", "分别", "均")
_PAIRS = {"（": "）", "(": ")", "《": "》", "“": "”", "‘": "’", "「": "」", "【": "】", "〔": "〕", "[": "]"}
_MAX_BRACKET = 120  # a bracket or quote longer than this protects nothing (a stray mark)
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_EDGE = " \t\r\n\u3000\xa0—"


@lru_cache(maxsize=1 << 12)
def _marks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Positions of the sentence ends and piece ends of ``text`` that stand outside brackets and quotes."""
    inside = _protected(text)
    sentence = {i for i, ch in enumerate(text) if ch in SENTENCE_ENDS and not inside[i]}
    sentence.update(m.start() for m in _BLANK_LINE.finditer(text))
    pieces = {i for i, ch in enumerate(text) if ch in PIECE_ENDS and not inside[i]}
    return tuple(sorted(sentence)), tuple(sorted(pieces | sentence))


def _protected(text: str) -> list[bool]:
    """Which characters stand inside a matched pair of brackets or quotes."""
    inside = [False] * len(text)
    closers = {close: open_ for open_, close in _PAIRS.items()}
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            stack.append((ch, i))
        elif ch in closers:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == closers[ch]:
                    opened = stack[depth][1]
                    del stack[depth:]
                    if i - opened <= _MAX_BRACKET:
                        inside[opened + 1 : i] = [True] * (i - opened - 1)
                    break
    return inside


def _between(marks: tuple[int, ...], start: int, end: int, size: int) -> tuple[int, int]:
    """The span from just after the last mark before ``start`` to the first mark at or after ``end``."""
    lo = max((m + 1 for m in marks if m < start), default=0)
    hi = min((m for m in marks if m >= end), default=size)
    return lo, hi


def _strip(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo] in _EDGE:
        lo += 1
    while hi > lo and text[hi - 1] in _EDGE:
        hi -= 1
    return lo, hi


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets ``(lo, hi)`` of the clause of ``text`` holding ``text[start:end]``; ``lo <= start``, ``hi >= end``."""
    size = len(text)
    start = max(0, min(start, size))
    end = max(start, min(end, size))
    sentences, pieces = _marks(text)
    s_lo, s_hi = _strip(text, *_between(sentences, start, end, size))
    if s_hi - s_lo <= LONG:
        return _cover(s_lo, s_hi, start, end)
    raw_lo, raw_hi = _between(pieces, start, end, size)
    lo, hi = _strip(text, raw_lo, raw_hi)
    if hi - lo < SHORT and not text[end:hi].strip() and raw_hi < s_hi:
        hi = _strip(text, *_between(pieces, raw_hi + 1, raw_hi + 1, size))[1]  # 到2020年，全面完成…
    elif (hi - lo < SHORT or text.startswith(LEANING, lo)) and raw_lo > s_lo:
        lo = _strip(text, *_between(pieces, raw_lo - 1, raw_lo - 1, size))[0]  # …不少于2次，其中至少讲1次党课
    return _cover(max(lo, s_lo), min(hi, s_hi), start, end)


def _cover(lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """Never less than the span itself (a span of only punctuation or spaces)."""
    return min(lo, start), max(hi, end)


def clause_text(text: str, start: int, end: int) -> str:
    """``text[lo:hi]`` of ``clause_around``: the exact substring."""
    lo, hi = clause_around(text, start, end)
    return text[lo:hi]


def display(clause: str) -> str:
    """A clause for a page: its whitespace runs collapsed to one space."""
    return " ".join(clause.split())
