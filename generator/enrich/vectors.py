"""Measures as sparse rows: jieba words, character bigrams and topics, TF-IDF weighted, L2-normalised.

Each measure becomes one sparse row that joins three L2-normalised parts (words with the
title counted twice, Chinese character bigrams, topics one-hot), scaled by the square roots
of ``WEIGHTS`` (which add up to 1), so that the dot product of two rows is
``whole = 0.6·cos(words) + 0.25·cos(bigrams) + 0.15·cos(topics)``, in [0, 1].
Terms found in more than ``MAX_DF`` of the measures get no weight.

A lower plan often takes one sentence of a broad upper measure and makes a measure of it, or
keeps a sentence of the upper measure word for word among its own: ``passages`` makes a row of
character bigrams for the title and each sentence of a measure, and the score of two measures is
``(1 − PASSAGE_WEIGHT)·whole + PASSAGE_WEIGHT·(best cosine of a passage of one and a passage of
the other)`` (``blend``), still in [0, 1].

Rows come in two kinds (``RowKind``), computed from the same counts in one pass:

* ``SCORED`` — the rows scores are made of: raw term counts (a term a measure repeats is what
  it is about), every term kept up to a generous bound (``SCORED.keep``, which only very long
  measures reach). Pruning a long measure to a few terms made its scores small: a broad city
  measure then fell under the related threshold against the national task it implements.
* ``SHORTLIST`` — sparse rows for finding candidates at scale (``related``): sublinear counts,
  each part pruned to its ``SHORTLIST.keep`` heaviest terms. Every pruned part is normalised
  again, so that pruning changes which terms count, never the scale of the scores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import Sequence

import numpy as np
import scipy.sparse as sp

from generator.enrich import features
from generator.enrich.features import HAN_FIRST as _HAN_FIRST, HAN_SPAN as _HAN_SPAN, RelItem
from generator.text.fold import normalize
from generator.text.tokenize import Tokenizer

WEIGHTS = {"words": 0.60, "bigrams": 0.25, "topics": 0.15}
MAX_DF = 0.5
MIN_DOCS_TO_PRUNE = 50
IDF_FLOOR = 0.3
PAD_WIDTH = 1024
PASSAGE_WEIGHT = 0.2
PASSAGE_MIN_CHARS = 7  # shorter sentences (sub-headings: "加强教育培训。") are no passages of their own
_PASSAGE_ENDS = np.array([ord(c) for c in "。；;!?！？\0"], dtype=np.int32)


@dataclass(frozen=True)
class RowKind:
    """How the rows of one use are weighted and pruned."""

    keep: dict[str, int] = field(default_factory=dict)  # part → the heaviest terms a row keeps (none: all)
    sublinear: bool = True  # 1 + log(count) instead of the count
    dtype: type = np.float32  # float64: sums that do not depend on the order of the terms (rounded scores)


SCORED = RowKind({"words": 150, "bigrams": 300}, sublinear=False, dtype=np.float64)
SHORTLIST = RowKind({"words": 25, "bigrams": 40}, sublinear=True)


def vectorize(items: Sequence[RelItem], *, tokenizer: Tokenizer, fit: Sequence[RelItem] | None = None,
              kind: RowKind = SCORED) -> sp.csr_matrix:
    """The weighted, normalised rows of ``items`` of one kind (term weights from ``fit``, default items)."""
    return vectorize_kinds(items, tokenizer=tokenizer, fit=fit, kinds=(kind,))[0]


def vectorize_kinds(items: Sequence[RelItem], *, tokenizer: Tokenizer, kinds: Sequence[RowKind],
                    fit: Sequence[RelItem] | None = None) -> list[sp.csr_matrix]:
    """The rows of ``items`` of each of ``kinds``, from one tokenisation and one count of the terms."""
    fit = items if fit is None else fit
    features.prefetch(tokenizer, fit if fit is items else [*fit, *items])
    parts = [
        ("words", _Vocab(), lambda item: features.words(tokenizer, item.title, item.text), True),
        ("bigrams", _KeyVocab(), lambda item: features.bigrams(item.title, item.text), True),
        ("topics", _Vocab(), _topic_list, False),
    ]
    out: list[list[sp.csr_matrix]] = [[] for _ in kinds]
    for name, vocab, extract, weighted in parts:
        fit_counts = vocab.fit([extract(item) for item in fit])
        counts = fit_counts if fit is items else vocab.transform([extract(item) for item in items])
        idf = _idf(fit_counts, prune_common=weighted)
        for rows, kind in zip(out, kinds):
            part = _tfidf(counts, idf, sublinear=weighted and kind.sublinear)
            if name in kind.keep:
                part = _normalize(_keep_heaviest(part, kind.keep[name]))
            rows.append(part * np.sqrt(WEIGHTS[name]))
    return [sp.hstack(rows, format="csr", dtype=kind.dtype) for rows, kind in zip(out, kinds)]


@dataclass(frozen=True)
class Passages:
    """Passages as rows (bigram counts, TF-IDF over the passages, norm 1); item i has rows start[i]:start[i + 1]."""

    matrix: sp.csr_matrix
    start: np.ndarray


def passages(items: Sequence[RelItem]) -> Passages:
    """The title and each sentence of at least ``PASSAGE_MIN_CHARS`` characters of every item, as rows."""
    return weigh_passages(passage_counts(items))


def passage_counts(items: Sequence[RelItem]) -> Passages:
    """The passages of ``passages`` as counts of their bigrams (columns in the order of the bigram keys).

    One pass over all the texts with numpy: a passage ends at a sentence mark, an item at a NUL.
    """
    text = "".join(f"{normalize(i.title)}。{normalize(i.text)}".replace("\0", "") + "\0" for i in items)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int32)
    ends = np.isin(codes, _PASSAGE_ENDS)
    marks = np.flatnonzero(ends)
    passage = np.cumsum(ends, dtype=np.int32) - ends  # of each character (a mark closes its own passage)
    owner = np.cumsum(codes == 0, dtype=np.int32) - (codes == 0)  # the item of each character
    title = np.r_[True, codes[marks[:-1]] == 0]  # the first passage of an item
    han = (codes >= _HAN_FIRST) & (codes < _HAN_FIRST + _HAN_SPAN)
    pair = np.flatnonzero(han[:-1] & han[1:])
    long_enough = np.bincount(passage[~ends], minlength=marks.size) >= PASSAGE_MIN_CHARS
    kept = (title | long_enough) & (np.bincount(passage[pair], minlength=marks.size) > 0)
    pair = pair[kept[passage[pair]]]
    columns, cols = np.unique((codes[pair].astype(np.int64) - _HAN_FIRST) * _HAN_SPAN + codes[pair + 1] - _HAN_FIRST,
                              return_inverse=True)
    rows = (np.cumsum(kept) - 1)[passage[pair]]
    counts = sp.csr_matrix((np.ones(cols.size), (rows, cols.ravel())), shape=(int(kept.sum()), max(columns.size, 1)))
    counts.sum_duplicates()
    start = np.r_[0, np.cumsum(np.bincount(owner[marks][kept], minlength=len(items)))].astype(np.int64)
    return Passages(counts, start)


def passages_of(counts: Passages, chosen: np.ndarray) -> Passages:
    """``passages`` of some of the items, from the ``passage_counts`` of all: the passages of an item do not
    depend on the others, and the bigrams the chosen ones have keep the order of their keys."""
    sizes = np.diff(counts.start)[chosen]
    rows = np.repeat(counts.start[chosen] - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))
    found = counts.matrix[rows]
    ordered = np.sort(found.indices)
    used = ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if ordered.size else ordered
    found = sp.csr_matrix((found.data, np.searchsorted(used, found.indices).astype(found.indices.dtype), found.indptr),
                          shape=(rows.size, max(used.size, 1)))
    return weigh_passages(Passages(found, np.r_[0, np.cumsum(sizes)].astype(np.int64)))


def weigh_passages(counts: Passages) -> Passages:
    """Passage counts as TF-IDF rows of norm 1 (over these passages)."""
    return Passages(_tfidf(counts.matrix, _idf(counts.matrix, prune_common=True), sublinear=False), counts.start)


def blend(whole: np.ndarray, passage: np.ndarray) -> np.ndarray:
    """The score of pairs of measures from their whole-measure and best-passage cosines."""
    return (1.0 - PASSAGE_WEIGHT) * whole + PASSAGE_WEIGHT * passage


def _topic_list(item: RelItem) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item.topics))


# --- matrices ------------------------------------------------------------------------------


class _Vocab:
    """Term → column for hashable terms; documents → count matrix."""

    def __init__(self) -> None:
        self.index: dict = {}

    def fit(self, docs: list) -> sp.csr_matrix:
        index, terms = self.index, list(chain.from_iterable(docs))
        for term in dict.fromkeys(terms):  # new terms numbered in order of first occurrence
            index.setdefault(term, len(index))
        return _counts(docs, np.fromiter(map(index.__getitem__, terms), dtype=np.int64, count=len(terms)), len(index))

    def transform(self, docs: list) -> sp.csr_matrix:
        get = self.index.get
        cols = np.fromiter((get(term, -1) for doc in docs for term in doc), dtype=np.int64)
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
    return idf


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray, sublinear: bool) -> sp.csr_matrix:
    matrix = counts.astype(np.float64)
    if sublinear:
        matrix.data = 1.0 + np.log(matrix.data)
    matrix.data *= idf[matrix.indices]
    matrix.eliminate_zeros()
    return _normalize(matrix)


def _normalize(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """Rows scaled to norm 1 (empty rows stay empty)."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix.data /= np.repeat(norms, np.diff(matrix.indptr))
    return matrix


def _keep_heaviest(matrix: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Each row's ``keep`` largest entries, not normalised again (ties at the cut stay)."""
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
