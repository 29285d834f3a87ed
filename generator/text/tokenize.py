"""jieba tokenisation with the portal's dictionary and stop words.

A ``Tokenizer`` is built from the ``dictionary.txt`` and ``stopwords.txt`` of the
configured ``site_config`` (``tokenizer_for(config)``), once per process and
configuration, lazily, with jieba's prefix-dictionary cache under the
git-ignored ``.cache/jieba/`` and its "Building prefix dict" chatter silenced.
Domain terms (软弱涣散, 三会一课, 党群服务中心 …) stay whole.

Tokenisation works clause by clause (jieba itself segments each run between
punctuation marks independently), and clauses are cached: official documents
repeat clauses verbatim across levels, and the enrich steps tokenise the same
measure more than once.
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
from generator.text.fold import HAN, normalize

# The runs jieba segments independently (jieba.re_han_default, widened to
# the CJK extension A block); everything else is punctuation or space.
_BLOCK = re.compile(rf"[{HAN}a-zA-Z0-9+#&._%\-]+")
_WORDLIKE = re.compile(rf"[{HAN}a-zA-Z0-9]")
_DICT_LINE = re.compile(r"^(\S+) (\d+) ([a-z]+)$")
PARALLEL_MIN_CHARS = 2_000_000  # below this, forking costs more than it saves
CLAUSE_CACHE = 1 << 18


def read_dictionary(path: Path) -> list[tuple[str, int, str]]:
    """The domain dictionary as (word, frequency, part of speech) triples."""
    entries = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        match = _DICT_LINE.match(line.strip())
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
        try:
            (self.cache_dir / "jieba").mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(self.cache_dir / "jieba")
        except OSError:  # read-only checkout: jieba falls back to the system temp dir
            pass
        tokenizer.initialize()
        for word, freq, tag in read_dictionary(self.dictionary):
            tokenizer.add_word(word, freq, tag)
        return tokenizer

    def pos(self):
        """A jieba.posseg tokenizer over the same dictionary (parts of speech)."""
        if self._pos is None:
            import jieba.posseg

            self._pos = jieba.posseg.POSTokenizer(self.jieba)
        return self._pos

    def _cut_uncached(self, block: str) -> tuple[str, ...]:
        return tuple(self.jieba.lcut(block))

    def cut(self, text: str) -> list[str]:
        """jieba's words of ``text`` as it is (no normalisation, punctuation kept)."""
        return self.jieba.lcut(text)

    def segment(self, text: str) -> list[str]:
        """All jieba words of the normalised text, stop words included, punctuation dropped."""
        words: list[str] = []
        for match in _BLOCK.finditer(normalize(text)):
            words.extend(self._cut_block(match.group()))
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
