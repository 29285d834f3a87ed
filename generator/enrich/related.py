"""Related measures across plans: candidates from sparse shortlist rows, scored exactly, top k per measure.

Scores blend the whole-measure cosine of the ``SCORED`` rows and the best passage-pair cosine,
in [0, 1] (see ``vectors``). Scoring every pair would cost far more at scale than it is worth,
so it goes in two steps, ``BLOCK`` measures at a time:

1. candidates: ``X·Xᵀ`` on the pruned ``SHORTLIST`` rows, one sparse product per block; each
   measure keeps its ``CANDIDATES`` best other-plan measures (one sort per block of the few
   entries above a floor);
2. scores of those pairs only: the dot products of their ``SCORED`` rows (vectorised over the
   pairs) and their best passage pair (one sparse product for every ``PASSAGE_ROWS`` measures,
   which holds the passage pairs of their candidate pairs only); scores under the threshold are
   dropped, at most ``PER_PLAN`` links go to one other plan (the measure page lists them by
   tier: one long plan does not push the other tiers out) and the top k are kept.

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
PASSAGE_ROWS = 64  # row measures whose passages are compared with their pairs' in one product
SLOT_TABLE = 1 << 22  # (slot, term) keys looked up in a table up to this many, else by search


Related = dict[str, list[tuple[str, float]]]


def compute_related(
    items: Sequence[RelItem], *, threshold: float, top_k: int = 10, tokenizer: Tokenizer | None = None,
    counts: vectors.Passages | None = None,
) -> Related:
    """Every item id → [(other id, score)], best first, other groups only, score ≥ threshold
    (``counts``: the ``vectors.passage_counts`` of ``items``, if already made)."""
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
    passages = vectors.weigh_passages(vectors.passage_counts(items) if counts is None else counts)
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
    """The best cosine of a passage of ``rows[i]`` and one of ``cols[i]`` (0 without any).

    In chunks of at most ``PAIR_CHUNK`` pairs and ``PASSAGE_ROWS`` changes of the row measure
    (pairs grouped by row make few chunks), each one sparse product (see ``_chunk_best``).
    """
    out = np.zeros(rows.size, dtype=np.float64)
    matrix, start = passages.matrix, passages.start
    entries = (matrix.indptr[start[:-1]], matrix.indptr[start[1:]] - matrix.indptr[start[:-1]])  # of each measure
    lengths, counts = np.diff(matrix.indptr), np.diff(start)
    term_index = np.full(matrix.shape[1], -1, dtype=np.int64)
    heads = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if rows.size else np.zeros(0, dtype=np.int64)
    bounds = np.union1d(heads[::PASSAGE_ROWS], np.arange(0, rows.size, PAIR_CHUNK)).tolist()
    for lo, hi in zip(bounds, [*bounds[1:], rows.size]):
        out[lo:hi] = _chunk_best(passages, (entries, lengths, counts, term_index), rows[lo:hi], cols[lo:hi])
    return out


def _chunk_best(passages: vectors.Passages, scratch: tuple, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Each row measure of the chunk gets a slot; a term of its passages becomes the column (slot, term)
    on the left, and so does a term of a passage of each of its pairs' other measures on the right (one
    column more for the terms no left passage of the slot has): the product of the two holds the cosines
    of the passage pairs of the pairs only, each summed term by term in the order of the left passage's
    row, as ``P[left] @ P[right].T`` sums it."""
    (entries, lengths, counts, term_index), matrix = scratch, passages.matrix
    measures, slot = np.unique(rows, return_inverse=True)
    left, right = _ranges(passages.start, counts, measures), _ranges(passages.start, counts, cols)
    if not (left.size and right.size):
        return np.zeros(rows.size, dtype=np.float64)
    left_at, right_at = _ranges(*entries, measures), _ranges(*entries, cols)
    terms = _distinct(matrix.indices[left_at])
    term_index[terms] = np.arange(terms.size)
    size = terms.size + 1  # keys per slot: the terms, then one for every other term
    left_keys = np.repeat(np.arange(measures.size) * size, entries[1][measures]) + term_index[matrix.indices[left_at]]
    right_terms = term_index[matrix.indices[right_at]]
    term_index[terms] = -1
    right_terms[right_terms < 0] = terms.size
    right_keys = np.repeat(slot.ravel() * size, entries[1][cols]) + right_terms
    left_cols, right_cols = _slot_columns(left_keys, right_keys, measures.size * size)
    width = left_cols.size + 1  # the last column: no left entry has it
    right_cols[right_cols < 0] = width - 1
    left_rows = sp.csr_matrix((matrix.data[left_at], left_cols, _pointers(lengths, left)), shape=(left.size, width))
    right_rows = sp.csr_matrix((matrix.data[right_at], right_cols, _pointers(lengths, right)),
                               shape=(right.size, width))
    sims = (left_rows @ right_rows.T).tocsc()
    best = np.zeros(right.size, dtype=np.float64)
    filled = np.flatnonzero(np.diff(sims.indptr))
    if filled.size:
        best[filled] = np.maximum.reduceat(sims.data, sims.indptr[filled])
    out, sizes = np.zeros(rows.size, dtype=np.float64), counts[cols]
    out[sizes > 0] = np.maximum.reduceat(best, (np.cumsum(sizes) - sizes)[sizes > 0])
    return out


def _slot_columns(left_keys: np.ndarray, right_keys: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """One column per left (slot, term) key; the right keys' columns (-1: no left entry has the key)."""
    if size <= SLOT_TABLE:  # a table of every key
        table = np.full(size, -1, dtype=np.int64)
        table[left_keys] = np.arange(left_keys.size)
        return table[left_keys], table[right_keys]
    keys = _distinct(left_keys)
    at = np.minimum(np.searchsorted(keys, right_keys), keys.size - 1)
    return np.searchsorted(keys, left_keys), np.where(keys[at] == right_keys, at, -1)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values (np.unique, without its hash table)."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if ordered.size else ordered


def _pointers(lengths: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """CSR row pointers of ``rows`` (of ``lengths`` entries each) taken one after the other."""
    return np.r_[0, np.cumsum(lengths[rows])]


def _ranges(start: np.ndarray, counts: np.ndarray, items: np.ndarray) -> np.ndarray:
    """The rows (entries) ``start[i]:start[i] + counts[i]`` of ``items``, one item after the other."""
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
