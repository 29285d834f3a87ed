"""The terms a measure's rows are made of (see ``vectors``): jieba words and Chinese character bigrams,
the title counted ``TITLE_REPEAT`` times, each computed once per build.

Related measures and every plan pair ask for the terms of the same measures again: they are kept
(up to ``CACHE_LIMIT`` measures), and those not seen yet are computed in one go — the words with
``Tokenizer.tokenize_many``, the bigrams of all the texts with one pass of numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from generator.text.fold import normalize
from generator.text.tokenize import Tokenizer

TITLE_REPEAT = 2
CACHE_LIMIT = 1 << 17
HAN_FIRST, HAN_SPAN = 0x4E00, 0x9FFF - 0x4E00 + 1


@dataclass(frozen=True)
class RelItem:
    id: str  # "plan-id/key"
    group: str  # plan id: measures of one group are never related to each other
    title: str
    text: str
    topics: tuple[str, ...]


_WORDS: dict[tuple, tuple[str, ...]] = {}  # (tokenizer key, title, text) → words
_BIGRAMS: dict[tuple[str, str], np.ndarray] = {}  # (title, text) → bigram keys (read-only)


def words(tok: Tokenizer, title: str, text: str) -> tuple[str, ...]:
    key = (tok.key, title, text)
    found = _WORDS.get(key)
    if found is None:
        found = tuple(tok.tokenize(title) * TITLE_REPEAT + tok.tokenize(text))
        _remember(_WORDS, {key: found})
    return found


def cached_words(tok: Tokenizer, item: RelItem) -> tuple[str, ...]:
    """The words of a measure (tokenised once per build: the same cache as related measures)."""
    return words(tok, item.title, item.text)


def bigrams(title: str, text: str) -> np.ndarray:
    """The keys of the bigrams of two Chinese characters of the title (``TITLE_REPEAT`` times) and the text."""
    found = _BIGRAMS.get((title, text))
    if found is None:
        _prefetch_bigrams([(title, text)])
        found = _BIGRAMS[(title, text)]
    return found


def prefetch(tok: Tokenizer, items: Sequence[RelItem]) -> None:
    """Compute the words and bigrams of the measures not seen yet, in one go each."""
    _prefetch_words(tok, items)
    missing = [key for key in dict.fromkeys((item.title, item.text) for item in items) if key not in _BIGRAMS]
    if missing:
        _prefetch_bigrams(missing)


def _prefetch_words(tok: Tokenizer, items: Sequence[RelItem]) -> None:
    """Tokenise the measures not seen yet in one go (``tokenize_many`` may use several processes)."""
    missing = list(dict.fromkeys((item.title, item.text) for item in items if (tok.key, item.title, item.text) not in _WORDS))
    if len(missing) < 2:
        return
    texts = list(dict.fromkeys(part for key in missing for part in key))  # measures share titles and texts
    tokens = dict(zip(texts, tok.tokenize_many(texts)))
    _remember(_WORDS, {(tok.key, title, text): tuple(tokens[title] * TITLE_REPEAT + tokens[text])
                       for title, text in missing})


def _prefetch_bigrams(missing: list[tuple[str, str]]) -> None:
    """The bigram keys of (title, text) pairs, from one array of all their normalised texts (a NUL after each:
    no bigram runs from one text into the next)."""
    texts = [normalize(part) for key in missing for part in key]
    codes = np.frombuffer("\0".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.int32) - HAN_FIRST
    han = (codes >= 0) & (codes < HAN_SPAN)
    pair = han[:-1] & han[1:]
    keys = codes[:-1][pair] * HAN_SPAN + codes[1:][pair]
    starts = np.cumsum([0] + [len(t) + 1 for t in texts])
    bounds = np.searchsorted(np.flatnonzero(pair), starts).tolist()
    found = {}
    for i, key in enumerate(missing):
        title, text = keys[bounds[2 * i] : bounds[2 * i + 1]], keys[bounds[2 * i + 1] : bounds[2 * i + 2]]
        found[key] = np.concatenate([title] * TITLE_REPEAT + [text])
        found[key].flags.writeable = False
    _remember(_BIGRAMS, found)


def _remember(cache: dict, entries: dict) -> None:
    if len(cache) + len(entries) > CACHE_LIMIT:
        cache.clear()
    cache.update(entries)
