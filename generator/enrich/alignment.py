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
from scipy.optimize import linear_sum_assignment

from generator.enrich.related import SCORE_DECIMALS, best_passages
from generator.enrich.topics import is_general_measure
from generator.enrich.vectors import RelItem, blend, passages, vectorize
from generator.text.diff import compare_texts
from generator.text.tokenize import Tokenizer


@dataclass(frozen=True)
class Row:
    """One row of a comparison: both measures, or one side alone; scores where both are there."""

    upper: str | None
    lower: str | None
    score: float | None = None  # similarity of the wording, 0–1
    overlap: float | None = None  # share of the text the two have in common, 0–1
    framing: bool = False  # a 指导思想/目标要求-like measure, not compared item by item


def similarity(upper: Sequence[RelItem], lower: Sequence[RelItem], tokenizer: Tokenizer) -> np.ndarray:
    """Upper × lower scores, as related measures score pairs: whole measures and best passages blended."""
    items = [*upper, *lower]
    matrix = vectorize(items, tokenizer=tokenizer)
    whole = (matrix[: len(upper)] @ matrix[len(upper):].T).toarray()
    rows, cols = np.divmod(np.arange(len(upper) * len(lower)), len(lower))
    passage = best_passages(passages(items), rows, cols + len(upper)).reshape(whole.shape)
    return np.round(np.minimum(blend(whole, passage), 1.0), SCORE_DECIMALS)


def align(upper: Sequence[RelItem], lower: Sequence[RelItem], threshold: float, tokenizer: Tokenizer) -> list[Row]:
    """Rows in the upper plan's order: aligned pairs and unmatched upper measures, then the lower's own, then framing."""
    up = [i for i in upper if not is_general_measure(i.title)]
    down = [i for i in lower if not is_general_measure(i.title)]
    partner: dict[str, tuple[RelItem, float]] = {}
    if up and down:
        scores = similarity(up, down, tokenizer)
        rows, cols = linear_sum_assignment(scores, maximize=True)
        partner = {up[r].id: (down[c], float(scores[r, c])) for r, c in zip(rows, cols)
                   if scores[r, c] >= threshold and scores[r, c] > 0}
    result = [_row(u, *partner[u.id]) if u.id in partner else Row(u.id, None) for u in up]
    taken = {row.lower for row in result if row.lower}
    result += [Row(None, d.id) for d in down if d.id not in taken]
    result += [Row(i.id, None, framing=True) for i in upper if i not in up]
    result += [Row(None, i.id, framing=True) for i in lower if i not in down]
    return result


def _row(u: RelItem, d: RelItem, score: float) -> Row:
    overlap = compare_texts(u.text, d.text).ratio  # the texts the pair page shows side by side
    return Row(u.id, d.id, score, round(overlap, SCORE_DECIMALS))
