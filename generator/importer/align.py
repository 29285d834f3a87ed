"""How many characters of one text another keeps in the same order, in about linear time.

The count is difflib's: the sizes of ``SequenceMatcher.get_matching_blocks``. But difflib's
longest-match search costs the product of the lengths when characters repeat (an 880 KB line
took 85 s), so it is run only on pairs where that is cheap (``_cost`` ≤ the budget; every seed is).
A longer pair is cut into short stretches first:

1. anchors — ``ANCHOR_SIZE``-character strings found exactly once in each text, kept in the
   order of both (a longest increasing subsequence, as in patience diff);
2. between two anchors, where repeated text leaves no unique string: forward anchors — where a
   string of the first text occurs in the second after the last anchor (in step with it if the
   text there agrees, else the next place), taken when the ``CONFIRM`` characters from there
   agree too and it is not much further on in the second text than the first text went since
   the last anchor (so that text the second one left out is not found in a later copy);
3. a stretch still too costly is matched window by window, and a window of a few characters
   repeated over and over is counted as the characters both windows share.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter

EXACT_BUDGET = 500_000  # steps of difflib's longest-match search allowed for an exact count
ANCHOR_SIZE = 16
ANCHOR_STEP = 32  # anchors are tried at every ANCHOR_STEP-th position of the first text
CONFIRM = 48  # a forward anchor: this many characters from it agree in both texts
SEARCH = 1_000  # how far ahead a forward anchor is looked for, past how far the first text went since the last
WINDOW = 1_000  # a stretch without anchors is matched in windows of this many characters
WINDOW_SLACK = 500  # a window of the second text is this much longer
WINDOW_BUDGET = 50_000


def _cost(a: str, b: str) -> int:
    """The steps of one difflib longest-match search over the whole of ``a`` and ``b``."""
    if not a or not b:
        return 0
    counts = Counter(b)
    return sum(n * counts[ch] for ch, n in Counter(a).items())


def _exact(a: str, b: str) -> int:
    return sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def matched_in_order(expected: str, actual: str, budget: int = EXACT_BUDGET) -> int:
    """Characters of ``expected`` found in ``actual`` in the same order (difflib's matching blocks)."""
    if _cost(expected, actual) <= budget:
        return _exact(expected, actual)
    return _between(expected, actual, _anchors(expected, actual), lambda a, b: _stretch(a, b, budget))


def _between(a: str, b: str, anchors: list[tuple[int, int]], match) -> int:
    """The anchors' characters, and ``match`` of each stretch before, between and after them."""
    total, i0, j0 = 0, 0, 0
    for i, j in anchors + [(len(a), len(b))]:
        gap_a, gap_b = a[i0:i], b[j0:j]
        total += len(gap_a) if gap_a == gap_b else match(gap_a, gap_b)
        total += ANCHOR_SIZE if i < len(a) else 0
        i0, j0 = i + ANCHOR_SIZE, j + ANCHOR_SIZE
    return total


def _once(text: str, wanted: set[str]) -> dict[str, int]:
    """Where each string of ``wanted`` occurs in ``text``, for those that occur exactly once."""
    seen: dict[str, int] = {}
    for at in range(len(text) - ANCHOR_SIZE + 1):
        gram = text[at:at + ANCHOR_SIZE]
        if gram in wanted:
            seen[gram] = -1 if gram in seen else at
    return {gram: at for gram, at in seen.items() if at >= 0}


def _anchors(a: str, b: str) -> list[tuple[int, int]]:
    """(position in a, position in b) of strings found once in each, in the order of both, not overlapping."""
    sampled = {a[i:i + ANCHOR_SIZE] for i in range(0, len(a) - ANCHOR_SIZE + 1, ANCHOR_STEP)}
    in_a, in_b = _once(a, sampled), _once(b, sampled)
    pairs = sorted((at, in_b[gram]) for gram, at in in_a.items() if gram in in_b)
    anchors: list[tuple[int, int]] = []
    for i, j in _increasing(pairs):
        if not anchors or (i >= anchors[-1][0] + ANCHOR_SIZE and j >= anchors[-1][1] + ANCHOR_SIZE):
            anchors.append((i, j))
    return anchors


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by their first item) whose second items increase."""
    tails: list[int] = []  # tails[k]: the second item ending the best run of length k + 1
    ends: list[int] = []  # the index in pairs of that pair
    before = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[k], ends[k] = j, index
        before[index] = ends[k - 1] if k else -1
    run, index = [], ends[-1] if ends else -1
    while index >= 0:
        run.append(pairs[index])
        index = before[index]
    return run[::-1]


def _forward_anchors(a: str, b: str) -> list[tuple[int, int]]:
    """Anchors of repeated text: for each sampled string of a, its next confirmed place in b after the last anchor."""
    anchors: list[tuple[int, int]] = []
    last, j, shift = 0, 0, 0
    for i in range(0, len(a) - CONFIRM + 1, ANCHOR_STEP):
        confirmed = a[i:i + CONFIRM]
        at = i + shift  # in step with the last anchor, first
        if at < j or b[at:at + CONFIRM] != confirmed:
            at = b.find(a[i:i + ANCHOR_SIZE], j, j + 2 * (i - last) + SEARCH)
        if at >= 0 and b[at:at + CONFIRM] == confirmed:
            anchors.append((i, at))
            last, j, shift = i + ANCHOR_SIZE, at + ANCHOR_SIZE, at - i
    return anchors


def _stretch(a: str, b: str, budget: int) -> int:
    """Matched characters of a stretch between two anchors."""
    if _cost(a, b) <= budget:
        return _exact(a, b)
    return _between(a, b, _forward_anchors(a, b), lambda x, y: _exact(x, y) if _cost(x, y) <= budget else _windowed(x, y))


def _windowed(a: str, b: str) -> int:
    """Window by window, each window of b starting where the last solid match of the previous one ended."""
    total, j = 0, 0
    for i in range(0, len(a), WINDOW):
        piece = a[i:i + WINDOW]
        if _cost(piece, b[j:j + len(piece)]) > WINDOW_BUDGET:  # a few characters repeated: count them, keep in step
            window = b[j:j + len(piece)]
            total += sum((Counter(piece) & Counter(window)).values())
            j += len(window)
            continue
        window = b[j:j + len(piece) + WINDOW_SLACK]
        blocks = difflib.SequenceMatcher(None, piece, window, autojunk=False).get_matching_blocks()[:-1]
        solid = [k for k, block in enumerate(blocks) if block.size >= ANCHOR_SIZE // 2]  # not a stray common character
        kept = blocks[:solid[-1] + 1] if solid else []  # the stray ones after it may belong to the next window
        total += sum(block.size for block in kept)
        j += kept[-1].b + kept[-1].size if kept else 0
    return total
