"""Measures as sparse rows: jieba words, character bigrams and topics, TF-IDF weighted and pruned.

Each measure becomes one sparse row that joins three L2-normalised parts (words with the
title counted twice, Chinese character bigrams, topics one-hot), scaled by the square roots
of ``WEIGHTS`` (which add up to 1), so that the dot product of two rows is
``0.6·cos(words) + 0.25·cos(bigrams) + 0.15·cos(topics)``, a score in [0, 1].
Terms found in more than ``MAX_DF`` of the measures get no weight, and each row keeps only
its ``KEEP_WORDS``/``KEEP_BIGRAMS`` heaviest terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np
import scipy.sparse as sp

from generator.text.fold import normalize
from generator.text.tokenize import Tokenizer

WEIGHTS = {"words": 0.60, "bigrams": 0.25, "topics": 0.15}
TITLE_REPEAT = 2
MAX_DF = 0.5
MIN_DOCS_TO_PRUNE = 50
IDF_FLOOR = 0.3
KEEP_WORDS = 25
KEEP_BIGRAMS = 40
PAD_WIDTH = 1024


@dataclass(frozen=True)
class RelItem:
    id: str  # "plan-id/key"
    group: str  # plan id: measures of one group are never related to each other
    title: str
    text: str
    topics: tuple[str, ...]


def vectorize(items: Sequence[RelItem], *, tokenizer: Tokenizer, fit: Sequence[RelItem] | None = None) -> sp.csr_matrix:
    """The weighted, normalised, pruned rows of ``items`` (term weights from ``fit``, default items)."""
    fit = items if fit is None else fit
    _prefetch_words(tokenizer, fit if fit is items else [*fit, *items])
    parts = [
        ("words", _Vocab(), lambda item: _words(tokenizer, item.title, item.text), KEEP_WORDS, True),
        ("bigrams", _KeyVocab(), _bigram_keys, KEEP_BIGRAMS, True),
        ("topics", _Vocab(), _topic_list, None, False),
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


_WORDS: dict[tuple, tuple[str, ...]] = {}  # (tokenizer key, title, text) → words
_WORDS_LIMIT = 1 << 17


def _words(tok: Tokenizer, title: str, text: str) -> tuple[str, ...]:
    key = (tok.key, title, text)
    words = _WORDS.get(key)
    if words is None:
        words = tuple(tok.tokenize(title) * TITLE_REPEAT + tok.tokenize(text))
        _remember({key: words})
    return words


def cached_words(tok: Tokenizer, item: RelItem) -> tuple[str, ...]:
    """The words of a measure (tokenised once per build: the same cache as related measures)."""
    return _words(tok, item.title, item.text)


def _prefetch_words(tok: Tokenizer, items: Sequence[RelItem]) -> None:
    """Tokenise the measures not seen yet in one go (``tokenize_many`` may use several processes)."""
    missing = list(dict.fromkeys((item.title, item.text) for item in items if (tok.key, item.title, item.text) not in _WORDS))
    if len(missing) < 2:
        return
    tokens = tok.tokenize_many([part for key in missing for part in key])
    _remember({(tok.key, *key): tuple(tokens[2 * i] * TITLE_REPEAT + tokens[2 * i + 1]) for i, key in enumerate(missing)})


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
