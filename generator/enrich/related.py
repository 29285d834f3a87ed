"""Related measures across plans: candidates from sparse shortlist rows, scored exactly, top k per measure.

Scores blend the whole-measure cosine of the ``SCORED`` rows and the best passage-pair cosine,
in [0, 1] (see ``vectors``). Scoring every pair would cost far more at scale than it is worth,
so it goes in two steps, ``BLOCK`` measures at a time:

1. candidates: ``X·Xᵀ`` on the pruned ``SHORTLIST`` rows, one sparse product per block; each
   measure keeps its ``CANDIDATES`` best other-plan measures (one sort per block of the few
   entries above a floor);
2. scores of those pairs only: the dot products of their ``SCORED`` rows (vectorised over the
   pairs) and their best passage pair (one small sparse product for every ``PASSAGE_BATCH``
   measures and all their candidates); scores under the threshold are dropped, at most ``PER_PLAN`` links go to one
   other plan (the measure page lists them by tier: one long plan does not push the other
   tiers out) and the top k are kept.

Work and memory grow with the measures times the block, never with the pairs of the corpus,
and no Python loop runs over pairs, so 20,000–30,000 measures stay fast.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import scipy.sparse as sp

from generator.enrich import vectors
from generator.enrich.vectors import RelItem
from generator.text.tokenize import Tokenizer, tokenizer_for

SCORE_DECIMALS = 4
BLOCK = 1000
CANDIDATES = 30  # candidates scored exactly per measure (at least 3·top_k): the same for any smaller top_k
PER_PLAN = 4  # links of one measure to measures of one other plan, at most
PAIR_CHUNK = 25_000  # candidate pairs scored at once
PASSAGE_BATCH = 4  # measures whose passages are compared with their candidates' in one product


Related = dict[str, list[tuple[str, float]]]


def compute_related(
    items: Sequence[RelItem], *, threshold: float, top_k: int = 10, tokenizer: Tokenizer | None = None
) -> Related:
    """Every item id → [(other id, score)], best first, other groups only, score ≥ threshold."""
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})[:5]
        raise ValueError(f"duplicate measure ids: {dup}")
    result: Related = {item_id: [] for item_id in ids}
    n = len(items)
    if n < 2 or top_k <= 0:
        return result
    scored, shortlist = vectors.vectorize_kinds(items, tokenizer=tokenizer or tokenizer_for(),
                                                kinds=(vectors.SCORED, vectors.SHORTLIST))
    passages = vectors.passages(items)
    transposed = shortlist.T.tocsr()
    groups = _codes([item.group for item in items])
    id_rank = np.argsort(np.argsort(np.array(ids, dtype=object)))
    for start in range(0, n, BLOCK):
        rows, cols = _candidates(shortlist[start : start + BLOCK] @ transposed, start, groups, id_rank,
                                 max(CANDIDATES, 3 * top_k))
        scores = pair_scores(scored, passages, rows, cols)
        rows, cols, scores = _best(rows, cols, scores, groups, id_rank, top_k, threshold)
        for row, col, score in zip(rows.tolist(), cols.tolist(), scores.tolist()):
            result[ids[row]].append((ids[col], score))
    return result


def pair_scores(matrix: sp.csr_matrix, passages: vectors.Passages, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The scores of the pairs (``rows[i]``, ``cols[i]``): whole rows of ``matrix`` and best passages, rounded."""
    whole = np.zeros(rows.size, dtype=np.float64)
    for at in range(0, rows.size, PAIR_CHUNK):
        left, right = matrix[rows[at : at + PAIR_CHUNK]], matrix[cols[at : at + PAIR_CHUNK]]
        whole[at : at + PAIR_CHUNK] = np.asarray(left.multiply(right).sum(axis=1), dtype=np.float64).ravel()
    scores = vectors.blend(whole, best_passages(passages, rows, cols))
    return np.round(np.minimum(scores, 1.0), SCORE_DECIMALS)


def best_passages(passages: vectors.Passages, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The best cosine of a passage of ``rows[i]`` and one of ``cols[i]`` (0 without any); pairs grouped by row.

    ``PASSAGE_BATCH`` measures at a time: one sparse product of their passages with those of all
    their candidates, of which the parts of other measures' candidates are set aside.
    """
    out = np.zeros(rows.size, dtype=np.float64)
    heads = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if rows.size else np.zeros(0, dtype=np.int64)
    ends = [*heads[PASSAGE_BATCH::PASSAGE_BATCH].tolist(), rows.size]
    for lo, hi in zip(heads[::PASSAGE_BATCH].tolist(), ends):
        out[lo:hi] = _batch_best(passages, rows[lo:hi], cols[lo:hi])
    return out


def _batch_best(passages: vectors.Passages, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    counts = np.diff(passages.start)
    measures, owner = np.unique(rows, return_inverse=True)
    left, right = _ranges(passages.start, counts, measures), _ranges(passages.start, counts, cols)
    out = np.zeros(rows.size, dtype=np.float64)
    if not (left.size and right.size):
        return out
    sims = (passages.matrix[left] @ passages.matrix[right].T).toarray()
    left_owner, right_owner = np.repeat(np.arange(measures.size), counts[measures]), np.repeat(owner, counts[cols])
    sims[left_owner[:, None] != right_owner[None, :]] = 0.0
    sizes = counts[cols]
    firsts = np.cumsum(sizes) - sizes
    out[sizes > 0] = np.maximum.reduceat(sims.max(axis=0), firsts[sizes > 0])
    return out


def _ranges(start: np.ndarray, counts: np.ndarray, items: np.ndarray) -> np.ndarray:
    """The passage rows of ``items``, one item after the other."""
    sizes = counts[items]
    return np.repeat(start[items] - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))


def _codes(values: list[str]) -> np.ndarray:
    table: dict[str, int] = {}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64)


def _candidates(block: sp.csr_matrix, start: int, groups: np.ndarray, id_rank: np.ndarray, keep: int):
    """(global rows, cols) of each block row's ``keep`` best other-group entries (> 0), best first.

    Linear in the block however many entries the product has (rows of recombined sentences share
    terms with most rows): the least of the maxima of ``keep`` slices of a row is a floor under its
    ``keep``-th best entry, so only the few entries above it are sorted.
    """
    dense = block.toarray()
    del block
    dense[groups[start : start + dense.shape[0], None] == groups[None, :]] = 0.0
    floor = np.zeros(dense.shape[0], dtype=dense.dtype)
    if dense.shape[1] > keep:
        slices = np.linspace(0, dense.shape[1], keep + 1).astype(np.int64)[:-1]
        floor = np.maximum.reduceat(dense, slices, axis=1).min(axis=1)
    rows, cols = np.nonzero((dense >= floor[:, None]) & (dense > 0))
    scores = np.round(dense[rows, cols].astype(np.float64), SCORE_DECIMALS)
    rows, cols, scores = _ranked(rows + start, cols, scores, id_rank)
    best = _rank_within(rows) < keep
    return rows[best], cols[best]


def _best(rows, cols, scores, groups: np.ndarray, id_rank: np.ndarray, top_k: int, threshold: float):
    """Each row's top_k entries ≥ threshold, at most ``PER_PLAN`` of one other group, best first."""
    passed = (scores >= threshold) & (scores > 0)
    rows, cols, scores = _ranked(rows[passed], cols[passed], scores[passed], id_rank)
    in_plan = _rank_within(rows * np.int64(groups.max() + 1) + groups[cols])
    rows, cols, scores = rows[in_plan < PER_PLAN], cols[in_plan < PER_PLAN], scores[in_plan < PER_PLAN]
    best = _rank_within(rows) < top_k
    return rows[best], cols[best], scores[best]


def _ranked(rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, id_rank: np.ndarray):
    """The entries by row, then score descending, then the other measure's id.

    Scores are rounded to ``SCORE_DECIMALS`` (float sums depend on the order of the terms) and
    ties go to the smaller id, so the result does not depend on the order of the input.
    """
    points = np.rint(scores * 10**SCORE_DECIMALS).astype(np.int64)
    order = np.lexsort((id_rank[cols], -points, rows))
    return rows[order], cols[order], scores[order]


def _rank_within(keys: np.ndarray) -> np.ndarray:
    """For entries in an order where equal keys keep their relative order: each one's rank among equal keys."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    ranks = np.empty(keys.size, dtype=np.int64)
    ranks[order] = np.arange(keys.size) - np.searchsorted(sorted_keys, sorted_keys, side="left")
    return ranks
