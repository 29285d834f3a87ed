"""jieba tokenisation with the portal's dictionary and stop words.

A ``Tokenizer`` is built from the ``dictionary.txt`` and ``stopwords.txt`` of the
configured ``site_config`` (``tokenizer_for(config)``), once per process and
configuration, lazily, with jieba's prefix-dictionary cache under the
git-ignored ``.cache/jieba/`` (and a quicker copy of it, see ``jieba_setup``)
and its "Building prefix dict" chatter silenced.
Domain terms (软弱涣散, 三会一课, 党群服务中心 …) stay whole.

Tokenisation works clause by clause (jieba itself segments each run between
punctuation marks independently), and clauses are cached: official documents
repeat clauses verbatim across levels, and the enrich steps tokenise the same
measure more than once.

jieba's HMM (for runs of characters its dictionary does not know) takes time
quadratic in the length of a run: 100,000 characters without punctuation took
minutes. So jieba is only ever given pieces of at most ``MAX_RUN`` characters
(``bounded``): a longer text is cut after punctuation or spaces, where jieba
itself would cut it, and only a run longer than ``MAX_RUN`` without any is cut at
fixed lengths; jieba.posseg tags such a cut piece without its HMM, which is linear
but slow (about 0.1 ms a character). Runs of real prose are far shorter (the
longest in the seeds: 40 characters), so their words and tags do not change.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from generator.config import DEFAULT, PortalConfig
from generator.text import jieba_setup
from generator.text.fold import HAN, normalize

# The runs jieba segments independently (jieba.re_han_default, widened to
# the CJK extension A block); everything else is punctuation or space.
_BLOCK = re.compile(rf"[{HAN}a-zA-Z0-9+#&._%\-]+")
_WORDLIKE = re.compile(rf"[{HAN}a-zA-Z0-9]")
# one line of dictionary.txt: 词 频率 词性 (the loader reports lines that are not, with their place)
DICTIONARY_LINE = re.compile(r"^(\S+) ([0-9]{1,9}) ([a-z]+)$")
MAX_RUN = 200  # the longest piece of text jieba is given at once
# after these characters both jieba.cut and jieba.posseg start a new run (their re_han_default,
# re_han_internal and re_skip): text cut there is segmented as if it were whole
_CUT_AFTER = re.compile(r"[^\u4e00-\u9fd5a-zA-Z0-9+#&._%\-\r]")
PARALLEL_MIN_CHARS = 2_000_000  # below this, forking costs more than it saves
CLAUSE_CACHE = 1 << 18


def pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` in pieces of at most ``MAX_RUN`` characters, each with whether it was cut inside a run."""
    found: list[tuple[str, bool]] = []
    start, inside = 0, False  # inside: the piece begins inside a run
    while len(text) - start > MAX_RUN:
        last = None
        for last in _CUT_AFTER.finditer(text, start, start + MAX_RUN):
            pass
        end = last.end() if last is not None else start + MAX_RUN
        found.append((text[start:end], inside or last is None))
        start, inside = end, last is None
    found.append((text[start:], inside))
    return found


def bounded(text: str) -> list[str]:
    """``text`` in pieces jieba segments as it would segment the whole, at most ``MAX_RUN`` characters each."""
    return [text] if len(text) <= MAX_RUN else [piece for piece, _ in pieces(text)]


class _BoundedPOS:
    """jieba.posseg's tokenizer given bounded pieces (``lcut`` only); a run cut at a fixed length without the HMM."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def lcut(self, text: str) -> list:
        if len(text) <= MAX_RUN:
            return self.tokenizer.lcut(text)
        return [pair for piece, inside in pieces(text) for pair in self.tokenizer.lcut(piece, HMM=not inside)]


def read_dictionary(path: Path) -> list[tuple[str, int, str]]:
    """The domain dictionary as (word, frequency, part of speech) triples."""
    entries = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        match = DICTIONARY_LINE.match(line.strip())
        if not match:
            raise ValueError(f"{path}:{lineno}: expected '词 频率 词性', got {line!r}")
        word, freq, tag = match.groups()
        entries.append((word, int(freq), tag))
    return entries


def read_stopwords(path: Path) -> frozenset[str]:
    """Stop words of official prose (one per line; '#' starts a comment)."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return frozenset(words)


class Tokenizer:
    """jieba with one dictionary and one stop-word list; ``segment``, ``tokenize``, ``tokenize_many``."""

    def __init__(self, dictionary: Path, stopwords: Path, cache_dir: Path, processes: int | None = None) -> None:
        self.dictionary, self.cache_dir, self.processes = dictionary, cache_dir, processes
        self.stopwords = read_stopwords(stopwords)
        self.key = (str(dictionary), str(stopwords))
        self._jieba = None
        self._pos = None
        self._lock = threading.Lock()
        self._cut_block = lru_cache(maxsize=CLAUSE_CACHE)(self._cut_uncached)

    @property
    def jieba(self):
        """The jieba.Tokenizer with the domain dictionary (built on first use)."""
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    self._jieba = self._build()
        return self._jieba

    def _build(self):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        cache: Path | None = self.cache_dir / "jieba"
        try:
            cache.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(cache)
        except OSError:  # read-only checkout: jieba falls back to the system temp dir
            cache = None
        jieba_setup.initialize(tokenizer, cache)
        for word, freq, tag in read_dictionary(self.dictionary):
            tokenizer.add_word(word, freq, tag)
        return tokenizer

    def pos(self):
        """A jieba.posseg tokenizer over the same dictionary (parts of speech)."""
        if self._pos is None:
            tokenizer = self.jieba
            with self._lock:
                if self._pos is None:
                    self._pos = _BoundedPOS(jieba_setup.pos_tokenizer(tokenizer))
        return self._pos

    def _cut_uncached(self, block: str) -> tuple[str, ...]:
        return tuple(self.jieba.lcut(block))

    def cut(self, text: str) -> list[str]:
        """jieba's words of ``text`` as it is (no normalisation, punctuation kept)."""
        return [word for piece in bounded(text) for word in self.jieba.lcut(piece)]

    def segment(self, text: str) -> list[str]:
        """All jieba words of the normalised text, stop words included, punctuation dropped."""
        words: list[str] = []
        for match in _BLOCK.finditer(normalize(text)):
            for piece in bounded(match.group()):  # a run: cut at fixed lengths if longer than MAX_RUN
                words.extend(self._cut_block(piece))
        return words

    def tokenize(self, text: str) -> list[str]:
        """Content words of ``text``: jieba words without stop words, punctuation or spaces."""
        stop = self.stopwords
        return [w for w in self.segment(text) if w not in stop and _WORDLIKE.search(w)]

    def tokenize_many(self, texts: Iterable[str], *, processes: int | None = None) -> list[list[str]]:
        """``tokenize`` of many texts, in forked worker processes when that pays off.

        ``processes=None`` decides: several processes only for at least
        ``PARALLEL_MIN_CHARS`` characters, on a platform with ``fork``, from a
        process without other threads (forking a threaded process is unsafe), and
        unless the configuration says otherwise (``1`` turns it off). The result
        is the same either way.
        """
        texts = list(texts)
        count = self.process_count(texts) if processes is None else max(1, processes)
        if count == 1 or len(texts) < 2:
            return [self.tokenize(text) for text in texts]
        global _FORKED
        self.jieba  # noqa: B018 - the children inherit it, and the clause cache so far
        _FORKED = self
        size = -(-len(texts) // (count * 4))
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        with multiprocessing.get_context("fork").Pool(count) as pool:
            parts = pool.map(_tokenize_chunk, chunks)
        return [joined.split("\x00") if joined else [] for part in parts for joined in part]

    def process_count(self, texts: list[str]) -> int:
        wanted = self.processes if self.processes is not None else (os.cpu_count() or 1)
        if (
            wanted <= 1
            or "fork" not in multiprocessing.get_all_start_methods()
            or threading.active_count() > 1
            or multiprocessing.current_process().daemon
            or sum(map(len, texts)) < PARALLEL_MIN_CHARS
        ):
            return 1
        return min(wanted, 8)


_FORKED: Tokenizer | None = None  # the tokenizer the forked workers use


def _tokenize_chunk(texts: list[str]) -> list[str]:
    # one string per text: far cheaper to send back than lists of short strings
    return ["\x00".join(_FORKED.tokenize(text)) for text in texts]


_tokenizers: dict[tuple, Tokenizer] = {}
_tokenizers_lock = threading.Lock()


def tokenizer_for(config: PortalConfig = DEFAULT) -> Tokenizer:
    """The process-wide tokenizer of a configuration (one per dictionary and stop-word file)."""
    key = (config.dictionary, config.stopwords, config.cache_dir, config.tokenize_processes)
    with _tokenizers_lock:
        if key not in _tokenizers:
            _tokenizers[key] = Tokenizer(config.dictionary, config.stopwords, config.cache_dir, config.tokenize_processes)
        return _tokenizers[key]
