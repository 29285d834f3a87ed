"""One-to-one alignment of an upper and a lower plan's measures, as an assignment over their similarities.

Each upper measure gets at most one lower measure and each lower measure at most one upper
measure (``scipy.optimize.linear_sum_assignment`` maximises the total similarity), so two
upper measures never claim one lower measure while a better free one exists; pairs under the
threshold are dropped. Framing measures (指导思想, 目标要求, 总体要求, 基本原则 …) are set
aside on both sides: they are reported as such, not as unmatched or as 本级特色.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from generator.enrich.related import SCORE_DECIMALS
from generator.enrich.topics import is_general_measure
from generator.enrich.vectors import Passages, RelItem, blend, passages, passages_of, vectorize
from generator.text.diff import overlap
from generator.text.tokenize import Tokenizer

GRID_CELLS = 1 << 22  # passage pairs compared in one dense product
PassageIndex = tuple[Passages, dict[str, int]]  # passage counts of some items, and the index of each item id


@dataclass(frozen=True)
class Row:
    """One row of a comparison: both measures, or one side alone; scores where both are there."""

    upper: str | None
    lower: str | None
    score: float | None = None  # similarity of the wording, 0–1
    overlap: float | None = None  # share of the text the two have in common, 0–1
    framing: bool = False  # a 指导思想/目标要求-like measure, not compared item by item


def similarity(upper: Sequence[RelItem], lower: Sequence[RelItem], tokenizer: Tokenizer,
               counts: PassageIndex | None = None) -> np.ndarray:
    """Upper × lower scores, as related measures score pairs: whole measures and best passages blended
    (the passages from ``counts``, the passage counts of a corpus holding them, where given)."""
    items = [*upper, *lower]
    matrix = vectorize(items, tokenizer=tokenizer)
    whole = (matrix[: len(upper)] @ matrix[len(upper):].T).toarray()
    if counts is None:
        found = passages(items)
    else:
        found = passages_of(counts[0], np.array([counts[1][i.id] for i in items], dtype=np.int64))
    passage = best_passage_grid(found, len(upper))
    return np.round(np.minimum(blend(whole, passage), 1.0), SCORE_DECIMALS)


def best_passage_grid(found: Passages, split: int) -> np.ndarray:
    """The best cosine of a passage of each item before ``split`` and one of each item from it (0 without
    any), as ``related.best_passages`` of every such pair gives it: the passages of a block of the first
    items times those of all the others in one product, of at most ``GRID_CELLS`` cells."""
    counts, start = np.diff(found.start), found.start
    out = np.zeros((split, counts.size - split), dtype=np.float64)
    lower = np.flatnonzero(counts[split:] > 0)
    if not lower.size:
        return out
    right = found.matrix[start[split] : start[-1]].T.tocsr()
    col_firsts = start[split + lower] - start[split]
    step = max(1, GRID_CELLS // int(start[-1] - start[split]))  # passages of the first items in one block
    lo = 0
    while lo < split:
        hi = min(split, max(lo + 1, int(np.searchsorted(start, start[lo] + step, side="right")) - 1))
        upper = np.flatnonzero(counts[lo:hi] > 0)
        if upper.size:
            sims = (found.matrix[start[lo] : start[hi]] @ right).toarray()
            best = np.maximum.reduceat(sims, col_firsts, axis=1)
            out[np.ix_(lo + upper, lower)] = np.maximum.reduceat(best, start[lo + upper] - start[lo], axis=0)
        lo = hi
    return out


def align(upper: Sequence[RelItem], lower: Sequence[RelItem], threshold: float, tokenizer: Tokenizer,
          counts: PassageIndex | None = None) -> list[Row]:
    """Rows in the upper plan's order: aligned pairs and unmatched upper measures, then the lower's own, then framing."""
    framing_up = [is_general_measure(i.title) for i in upper]
    framing_down = [is_general_measure(i.title) for i in lower]
    up = [i for i, framing in zip(upper, framing_up) if not framing]
    down = [i for i, framing in zip(lower, framing_down) if not framing]
    partner: dict[str, tuple[RelItem, float]] = {}
    if up and down:
        scores = similarity(up, down, tokenizer, counts)
        from scipy.optimize import linear_sum_assignment  # a third of a second to import: in the process that aligns

        rows, cols = linear_sum_assignment(scores, maximize=True)
        partner = {up[r].id: (down[c], float(scores[r, c])) for r, c in zip(rows, cols)
                   if scores[r, c] >= threshold and scores[r, c] > 0}
    result = [_row(u, *partner[u.id]) if u.id in partner else Row(u.id, None) for u in up]
    taken = {row.lower for row in result if row.lower}
    result += [Row(None, d.id) for d in down if d.id not in taken]
    result += [Row(i.id, None, framing=True) for i, framing in zip(upper, framing_up) if framing]
    result += [Row(None, i.id, framing=True) for i, framing in zip(lower, framing_down) if framing]
    return result


def _row(u: RelItem, d: RelItem, score: float) -> Row:
    shared = overlap(u.text, d.text)  # the texts the pair page shows side by side (its phrases computed once)
    return Row(u.id, d.id, score, round(shared, SCORE_DECIMALS))
