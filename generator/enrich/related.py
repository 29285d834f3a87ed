"""Related measures across plans: sparse TF-IDF similarity with a topic bonus.

Each measure becomes one sparse row that joins three L2-normalised parts:

* jieba words (domain dictionary, stop words removed; the title counted twice),
* Chinese character bigrams (recall for short texts and for words jieba splits
  differently), and
* its topics (one-hot),

scaled by the square roots of ``WEIGHTS`` (which add up to 1), so that the dot
product of two rows is ``0.6·cos(words) + 0.25·cos(bigrams) + 0.15·cos(topics)``,
a score in [0, 1].

Scaling to a province portal (20,000–30,000 measures): terms found in more than
``MAX_DF`` of the measures get no weight, and each row keeps only its
``KEEP_WORDS``/``KEEP_BIGRAMS`` heaviest terms (after normalisation, so scores
stay comparable: a pruned dot product is at most the full cosine). ``X·Xᵀ`` is
then computed ``BLOCK`` rows at a time as a sparse product; same-group pairs
and scores under the threshold are dropped and the top k of every row are
picked with one lexsort per block — no Python loop over pairs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np
import scipy.sparse as sp

from generator.text import normalize, tokenize

WEIGHTS = {"words": 0.60, "bigrams": 0.25, "topics": 0.15}
DEFAULT_THRESHOLD = 0.15
TITLE_REPEAT = 2
MAX_DF = 0.5
KEEP_WORDS = 40
KEEP_BIGRAMS = 60
BLOCK = 2000


@dataclass(frozen=True)
class RelItem:
    id: str  # "plan-id/key"
    group: str  # plan id: measures of one group are never related to each other
    title: str
    text: str
    topics: tuple[str, ...]
    level_order: int  # 1 central .. 5 unit (informational)


Related = dict[str, list[tuple[str, float]]]


def compute_related(
    items: Sequence[RelItem], *, top_k: int = 10, threshold: float = DEFAULT_THRESHOLD
) -> Related:
    """Every item id → [(other id, score)], best first, other groups only, score ≥ threshold."""
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})[:5]
        raise ValueError(f"duplicate measure ids: {dup}")
    result: Related = {item_id: [] for item_id in ids}
    if len(items) < 2 or top_k <= 0:
        return result
    matrix = vectorize(items)
    transposed = matrix.T.tocsr()
    groups = _codes([item.group for item in items])
    for start in range(0, len(items), BLOCK):
        block = matrix[start : start + BLOCK] @ transposed
        rows, cols, scores = _top_per_row(block, start, groups, top_k, threshold)
        for row, col, score in zip(rows.tolist(), cols.tolist(), scores.tolist()):
            result[ids[row]].append((ids[col], min(score, 1.0)))
    return result


def best_match(
    upper: Sequence[RelItem],
    lower: Sequence[RelItem],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    corpus: Sequence[RelItem] = (),
) -> dict[str, tuple[str, float] | None]:
    """For each measure of ``upper``, the most similar measure of ``lower`` (or None under threshold).

    Term weights come from ``corpus`` when given (e.g. all measures, for scores
    comparable with ``compute_related``), else from ``upper`` and ``lower``.
    """
    result: dict[str, tuple[str, float] | None] = {item.id: None for item in upper}
    if not upper or not lower:
        return result
    fit = list(corpus) or [*upper, *lower]
    matrix = vectorize([*upper, *lower], fit=fit)
    scores = (matrix[: len(upper)] @ matrix[len(upper) :].T).toarray()
    best = scores.argmax(axis=1)
    for row, item in enumerate(upper):
        col = int(best[row])
        score = float(scores[row, col])
        if score >= threshold and score > 0:
            result[item.id] = (lower[col].id, min(score, 1.0))
    return result


def vectorize(items: Sequence[RelItem], *, fit: Sequence[RelItem] | None = None) -> sp.csr_matrix:
    """The weighted, normalised, pruned rows of ``items`` (term weights from ``fit``, default items)."""
    fit = items if fit is None else fit
    parts = []
    for name, extract, keep in (
        ("words", _word_counts, KEEP_WORDS),
        ("bigrams", _bigram_counts, KEEP_BIGRAMS),
        ("topics", _topic_counts, None),
    ):
        vocab: dict = {}
        fit_counts = _count_matrix([extract(item) for item in fit], vocab, grow=True)
        counts = fit_counts if fit is items else _count_matrix([extract(item) for item in items], vocab)
        part = _tfidf(counts, _idf(fit_counts, prune_common=name != "topics"), sublinear=name != "topics")
        if keep:
            part = _keep_heaviest(part, keep)
        parts.append(part * np.sqrt(WEIGHTS[name]))
    return sp.hstack(parts, format="csr", dtype=np.float64)


# --- features -----------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _words(title: str, text: str) -> tuple[tuple[str, int], ...]:
    counts = Counter(tokenize(title) * TITLE_REPEAT)
    counts.update(tokenize(text))
    return tuple(counts.items())


@lru_cache(maxsize=1 << 16)
def _bigrams(title: str, text: str) -> tuple[tuple[int, int], ...]:
    keys = np.concatenate([_han_bigrams(title)] * TITLE_REPEAT + [_han_bigrams(text)])
    values, counts = np.unique(keys, return_counts=True)
    return tuple(zip(values.tolist(), counts.tolist()))


def _han_bigrams(text: str) -> np.ndarray:
    codes = np.frombuffer(normalize(text).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    han = (codes >= 0x4E00) & (codes <= 0x9FFF)
    pair = han[:-1] & han[1:]
    return (codes[:-1][pair] << 21) | codes[1:][pair]


def _word_counts(item: RelItem):
    return _words(item.title, item.text)


def _bigram_counts(item: RelItem):
    return _bigrams(item.title, item.text)


def _topic_counts(item: RelItem):
    return tuple((topic, 1) for topic in dict.fromkeys(item.topics))


# --- matrices ------------------------------------------------------------------------------


def _count_matrix(rows: list, vocab: dict, grow: bool = False) -> sp.csr_matrix:
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for row in rows:
        for term, count in row:
            col = vocab.get(term)
            if col is None:
                if not grow:
                    continue
                col = vocab[term] = len(vocab)
            indices.append(col)
            data.append(count)
        indptr.append(len(indices))
    shape = (len(rows), max(len(vocab), 1))
    return sp.csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), indptr), shape=shape)


def _idf(counts: sp.csr_matrix, prune_common: bool) -> np.ndarray:
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf = np.log((1.0 + n) / (1.0 + df))
    if prune_common:  # words and bigrams: too common to tell measures apart
        idf[df > MAX_DF * n] = 0.0
    return idf


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray, sublinear: bool) -> sp.csr_matrix:
    matrix = counts.copy()
    if sublinear:
        matrix.data = 1.0 + np.log(matrix.data)
    matrix = matrix @ sp.diags(idf)
    matrix = sp.csr_matrix(matrix)
    matrix.eliminate_zeros()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def _keep_heaviest(matrix: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Each row's ``keep`` largest entries (rows keep their norm-1 scaling)."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.lexsort((-matrix.data, rows))
    rank = np.arange(order.size) - matrix.indptr[rows[order]]
    chosen = np.sort(order[rank < keep])
    return sp.csr_matrix(
        (matrix.data[chosen], (rows[chosen], matrix.indices[chosen])), shape=matrix.shape
    )


def _codes(values: list[str]) -> np.ndarray:
    table: dict[str, int] = {}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64)


def _top_per_row(block: sp.csr_matrix, start: int, groups: np.ndarray, top_k: int, threshold: float):
    """(global rows, cols, scores) of each row's top_k other-group entries ≥ threshold, best first."""
    block = sp.csr_matrix(block)
    rows = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr)) + start
    cols, scores = block.indices, block.data
    keep = (groups[rows] != groups[cols]) & (scores >= threshold) & (scores > 0)
    rows, cols, scores = rows[keep], cols[keep], scores[keep]
    order = np.lexsort((cols, -scores, rows))
    rows, cols, scores = rows[order], cols[order], scores[order]
    first = np.searchsorted(rows, rows, side="left")
    keep = np.arange(rows.size) - first < top_k
    return rows[keep], cols[keep], scores[keep]
