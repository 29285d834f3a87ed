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
DENSE_CELLS = 16_000_000  # block rows × items held as one dense float32 array (64 MB)


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
    n = len(items)
    if n < 2 or top_k <= 0:
        return result
    matrix = vectorize(items)
    transposed = matrix.T.tocsr()
    groups = _codes([item.group for item in items])
    rows_per_block = max(1, min(BLOCK, DENSE_CELLS // n))
    for start in range(0, n, rows_per_block):
        block = (matrix[start : start + rows_per_block] @ transposed).toarray()
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
    words, bigrams, topics = _Vocab(), _KeyVocab(), _Vocab()
    parts = [
        ("words", words, _word_list, KEEP_WORDS, True),
        ("bigrams", bigrams, _bigram_keys, KEEP_BIGRAMS, True),
        ("topics", topics, _topic_list, None, False),
    ]
    out = []
    for name, vocab, extract, keep, sublinear in parts:
        fit_counts = vocab.fit([extract(item) for item in fit])
        counts = fit_counts if fit is items else vocab.transform([extract(item) for item in items])
        part = _tfidf(counts, _idf(fit_counts, prune_common=sublinear), sublinear=sublinear)
        if keep:
            part = _keep_heaviest(part, keep)
        out.append(part * np.float32(np.sqrt(WEIGHTS[name])))
    return sp.hstack(out, format="csr", dtype=np.float32)


# --- features -----------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _words(title: str, text: str) -> tuple[str, ...]:
    return tuple(tokenize(title) * TITLE_REPEAT + tokenize(text))


@lru_cache(maxsize=1 << 16)
def _bigrams(title: str, text: str) -> np.ndarray:
    keys = np.concatenate([_han_bigrams(title)] * TITLE_REPEAT + [_han_bigrams(text)])
    keys.flags.writeable = False
    return keys


_HAN_FIRST, _HAN_SPAN = 0x4E00, 0x9FFF - 0x4E00 + 1


def _han_bigrams(text: str) -> np.ndarray:
    codes = np.frombuffer(normalize(text).encode("utf-32-le"), dtype=np.uint32).astype(np.int32) - _HAN_FIRST
    han = (codes >= 0) & (codes < _HAN_SPAN)
    pair = han[:-1] & han[1:]
    return codes[:-1][pair] * _HAN_SPAN + codes[1:][pair]


def _word_list(item: RelItem) -> tuple[str, ...]:
    return _words(item.title, item.text)


def _bigram_keys(item: RelItem) -> np.ndarray:
    return _bigrams(item.title, item.text)


def _topic_list(item: RelItem) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item.topics))


# --- matrices ------------------------------------------------------------------------------


class _Vocab:
    """Term → column for hashable terms; documents → count matrix."""

    def __init__(self) -> None:
        self.index: dict = {}

    def fit(self, docs: list) -> sp.csr_matrix:
        index = self.index
        cols = [index.setdefault(term, len(index)) for doc in docs for term in doc]
        return _counts(docs, np.array(cols, dtype=np.int64), len(index))

    def transform(self, docs: list) -> sp.csr_matrix:
        cols = np.array([self.index.get(term, -1) for doc in docs for term in doc], dtype=np.int64)
        return _counts(docs, cols, len(self.index))


class _KeyVocab:
    """Integer keys (character bigrams) → columns, with numpy."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.int32)

    def fit(self, docs: list) -> sp.csr_matrix:
        allkeys = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int32)
        self.keys, cols = np.unique(allkeys, return_inverse=True)
        return _counts(docs, cols.ravel(), len(self.keys))

    def transform(self, docs: list) -> sp.csr_matrix:
        allkeys = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int32)
        pos = np.searchsorted(self.keys, allkeys)
        found = pos < len(self.keys)
        found[found] = self.keys[pos[found]] == allkeys[found]
        return _counts(docs, np.where(found, pos, -1), len(self.keys))


def _counts(docs: list, cols: np.ndarray, width: int) -> sp.csr_matrix:
    rows = np.repeat(np.arange(len(docs)), [len(doc) for doc in docs])
    known = cols >= 0
    data = np.ones(int(known.sum()), dtype=np.float32)
    matrix = sp.csr_matrix((data, (rows[known], cols[known])), shape=(len(docs), max(width, 1)))
    matrix.sum_duplicates()
    return matrix


def _idf(counts: sp.csr_matrix, prune_common: bool) -> np.ndarray:
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf = np.log((1.0 + n) / (1.0 + df))
    if prune_common:  # words and bigrams: too common to tell measures apart
        idf[df > MAX_DF * n] = 0.0
    return idf.astype(np.float32)


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray, sublinear: bool) -> sp.csr_matrix:
    matrix = counts.astype(np.float32)
    if sublinear:
        matrix.data = 1.0 + np.log(matrix.data)
    matrix.data *= idf[matrix.indices]
    matrix.eliminate_zeros()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix.data /= np.repeat(norms, np.diff(matrix.indptr)).astype(np.float32)
    return matrix


def _keep_heaviest(matrix: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Each row's ``keep`` largest entries (rows keep their norm-1 scaling; ties at the cut stay)."""
    lengths = np.diff(matrix.indptr)
    if lengths.size == 0 or lengths.max() <= keep:
        return matrix
    rows = np.repeat(np.arange(matrix.shape[0]), lengths)
    padded = np.zeros((matrix.shape[0], int(lengths.max())), dtype=matrix.data.dtype)
    padded[rows, np.arange(rows.size) - matrix.indptr[rows]] = matrix.data
    width = padded.shape[1]
    cut = np.partition(padded, width - keep, axis=1)[:, width - keep]
    chosen = matrix.data >= cut[rows]
    return sp.csr_matrix((matrix.data[chosen], (rows[chosen], matrix.indices[chosen])), shape=matrix.shape)


def _codes(values: list[str]) -> np.ndarray:
    table: dict[str, int] = {}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64)


def _top_per_row(block: np.ndarray, start: int, groups: np.ndarray, top_k: int, threshold: float):
    """(global rows, cols, scores) of each row's top_k other-group entries ≥ threshold, best first."""
    count, n = block.shape
    block[groups[start : start + count, None] == groups[None, :]] = -1.0
    k = min(top_k, n)
    cols = np.argpartition(block, n - k, axis=1)[:, n - k :]
    scores = np.take_along_axis(block, cols, axis=1)
    order = np.lexsort((cols, -scores), axis=1)
    cols, scores = np.take_along_axis(cols, order, 1), np.take_along_axis(scores, order, 1)
    rows = np.broadcast_to(np.arange(start, start + count)[:, None], cols.shape)
    keep = (scores >= threshold) & (scores > 0)
    return rows[keep], cols[keep], scores[keep].astype(np.float64)
