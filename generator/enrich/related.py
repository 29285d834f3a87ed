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
then computed ``BLOCK`` rows at a time as a sparse product; scores under the
threshold and same-group pairs are dropped and the top k of every row are
picked with one argsort per block — no Python loop over pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np
import scipy.sparse as sp

from generator.text import normalize, tokenize, tokenize_many

WEIGHTS = {"words": 0.60, "bigrams": 0.25, "topics": 0.15}
DEFAULT_THRESHOLD = 0.15
TITLE_REPEAT = 2
MAX_DF = 0.5
MIN_DOCS_TO_PRUNE = 50
IDF_FLOOR = 0.3
SCORE_DECIMALS = 4
KEEP_WORDS = 25
KEEP_BIGRAMS = 40
BLOCK = 2000
PAD_WIDTH = 1024


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
    id_rank = np.argsort(np.argsort(np.array(ids, dtype=object)))
    for start in range(0, n, BLOCK):
        block = matrix[start : start + BLOCK] @ transposed
        rows, cols, scores = _top_per_row(block, start, groups, id_rank, top_k, threshold)
        for row, col, score in zip(rows.tolist(), cols.tolist(), scores.tolist()):
            result[ids[row]].append((ids[col], score))
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
    scores = np.round(np.minimum((matrix[: len(upper)] @ matrix[len(upper) :].T).toarray(), 1.0), SCORE_DECIMALS)
    by_id = np.argsort(np.array([item.id for item in lower], dtype=object))  # ties: the smaller id
    best = by_id[scores[:, by_id].argmax(axis=1)]
    for row, item in enumerate(upper):
        col = int(best[row])
        score = float(scores[row, col])
        if score >= threshold and score > 0:
            result[item.id] = (lower[col].id, score)
    return result


def vectorize(items: Sequence[RelItem], *, fit: Sequence[RelItem] | None = None) -> sp.csr_matrix:
    """The weighted, normalised, pruned rows of ``items`` (term weights from ``fit``, default items)."""
    fit = items if fit is None else fit
    _prefetch_words(fit if fit is items else [*fit, *items])
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


_WORDS: dict[tuple[str, str], tuple[str, ...]] = {}
_WORDS_LIMIT = 1 << 17


def _words(title: str, text: str) -> tuple[str, ...]:
    key = (title, text)
    words = _WORDS.get(key)
    if words is None:
        words = tuple(tokenize(title) * TITLE_REPEAT + tokenize(text))
        _remember({key: words})
    return words


def _prefetch_words(items: Sequence[RelItem]) -> None:
    """Tokenise the measures not seen yet in one go (``tokenize_many`` may use several processes)."""
    missing = list(dict.fromkeys((item.title, item.text) for item in items if (item.title, item.text) not in _WORDS))
    if len(missing) < 2:
        return
    tokens = tokenize_many([part for key in missing for part in key])
    _remember({key: tuple(tokens[2 * i] * TITLE_REPEAT + tokens[2 * i + 1]) for i, key in enumerate(missing)})


def _remember(entries: dict) -> None:
    if len(_WORDS) + len(entries) > _WORDS_LIMIT:
        _WORDS.clear()
    _WORDS.update(entries)


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
    """Smoothed idf with a small floor (a word in every measure of a tiny corpus still counts)."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf = np.log((1.0 + n) / (1.0 + df)) + IDF_FLOOR
    if prune_common and n >= MIN_DOCS_TO_PRUNE:  # words and bigrams too common to tell measures apart
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
    cut = np.zeros(matrix.shape[0], dtype=matrix.data.dtype)
    # rows up to PAD_WIDTH entries: one partition of a padded array; longer rows (rare): one by one
    short = np.flatnonzero((lengths > keep) & (lengths <= PAD_WIDTH))
    if short.size:
        width = int(lengths[short].max())
        padded = np.zeros((short.size, width), dtype=matrix.data.dtype)
        in_short = np.zeros(matrix.shape[0], dtype=bool)
        in_short[short] = True
        where = in_short[rows]
        slot = np.searchsorted(short, rows[where])
        padded[slot, (np.arange(rows.size) - matrix.indptr[rows])[where]] = matrix.data[where]
        cut[short] = np.partition(padded, width - keep, axis=1)[:, width - keep]
    for row in np.flatnonzero(lengths > PAD_WIDTH):
        values = matrix.data[matrix.indptr[row] : matrix.indptr[row + 1]]
        cut[row] = np.partition(values, values.size - keep)[values.size - keep]
    chosen = matrix.data >= cut[rows]
    return sp.csr_matrix((matrix.data[chosen], (rows[chosen], matrix.indices[chosen])), shape=matrix.shape)


def _codes(values: list[str]) -> np.ndarray:
    table: dict[str, int] = {}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64)


def _top_per_row(block, start: int, groups: np.ndarray, id_rank: np.ndarray, top_k: int, threshold: float):
    """(global rows, cols, scores) of each row's top_k other-group entries ≥ threshold, best first.

    Scores are rounded to ``SCORE_DECIMALS`` (float32 sums depend on term order) and
    ties go to the smaller id, so the result does not depend on the order of the input.
    """
    block = sp.csr_matrix(block)
    at = np.flatnonzero(block.data >= max(threshold - 10.0**-SCORE_DECIMALS, np.finfo(np.float32).tiny))
    scores = np.round(np.minimum(block.data[at].astype(np.float64), 1.0), SCORE_DECIMALS)
    passed = (scores >= threshold) & (scores > 0)
    at, scores = at[passed], scores[passed]
    rows = np.searchsorted(block.indptr, at, side="right") - 1 + start
    cols = block.indices[at]
    other = groups[rows] != groups[cols]
    rows, cols, scores = rows[other], cols[other], scores[other]
    n = np.int64(id_rank.size)
    points = np.rint(scores * 10**SCORE_DECIMALS).astype(np.int64)
    key = ((rows - start) * (10**SCORE_DECIMALS + 1) + (10**SCORE_DECIMALS - points)) * n + id_rank[cols]
    order = np.argsort(key)  # by row, then score descending, then id
    rows, cols, scores = rows[order], cols[order], scores[order]
    rank = np.arange(rows.size) - np.searchsorted(rows, rows, side="left")
    best = rank < top_k
    return rows[best], cols[best], scores[best]
