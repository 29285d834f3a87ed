"""Chinese text helpers: width folding, normalisation and jieba tokenisation.

jieba is initialised once per process, lazily, on the first call that needs it,
with the domain dictionary ``site_config/dictionary.txt`` (so that 软弱涣散,
三会一课, 党群服务中心 … stay whole) and with its prefix-dictionary cache under
the git-ignored ``.cache/jieba/``. Its "Building prefix dict" chatter is silenced.

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
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parent.parent
DICTIONARY_PATH = ROOT / "site_config" / "dictionary.txt"
STOPWORDS_PATH = ROOT / "site_config" / "stopwords.txt"
CACHE_DIR = ROOT / ".cache" / "jieba"

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = _HAN + "\u3000-\u303f\u2018-\u201f\u2014\u2026\uff00-\uffef"
_SPACE_BETWEEN = re.compile(rf"(?<=[{_CJK}0-9])\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+(?=[0-9])")
_WS = re.compile(r"\s+")
# The runs jieba segments independently (jieba.re_han_default, widened to
# the CJK extension A block); everything else is punctuation or space.
_BLOCK = re.compile(rf"[{_HAN}a-zA-Z0-9+#&._%\-]+")
_WORDLIKE = re.compile(rf"[{_HAN}a-zA-Z0-9]")
_DICT_LINE = re.compile(r"^(\S+) (\d+) ([a-z]+)$")


class _NFKCTable(dict):
    """str.translate table: each character to its NFKC form (computed once per character)."""

    def __init__(self, single: bool) -> None:
        super().__init__()
        self.single = single  # only one-character results (keeps lengths and offsets)

    def __missing__(self, code: int):
        folded = unicodedata.normalize("NFKC", chr(code))
        if folded == chr(code) or (self.single and len(folded) != 1):
            value = code
        else:
            value = ord(folded) if self.single else folded
        self[code] = value
        return value


_WIDTH_TABLE = _NFKCTable(single=True)
_NFKC_TABLE = _NFKCTable(single=False)
_SPACES = (" ", "\n", "\t", "\r", "\u3000", "\xa0", "\f", "\v")


def fold_width(text: str) -> str:
    """Full-width ASCII to half-width (１２％ → 12%, （ → (), ideographic space to space.

    Character for character (NFKC where it maps to a single character), so the
    result has the same length as ``text`` and offsets stay valid.
    """
    return text.translate(_WIDTH_TABLE)


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """NFKC-like normal form for comparison and tokenisation.

    Each character becomes its NFKC form (full-width ASCII → half-width, …),
    runs of whitespace collapse to one space, and whitespace between two
    Chinese characters (or between a Chinese character and a digit) is dropped:
    it comes from hard line breaks and page breaks in PDF extractions (组织生 / 活)
    and from typesetting (``2020 年``). Spaces next to Latin words are kept
    (``思想 and 党的``).
    """
    text = text.translate(_NFKC_TABLE)
    if any(space in text for space in _SPACES):
        text = _WS.sub(" ", text).strip()
        text = _SPACE_BETWEEN.sub("", text)
    return text


def read_dictionary(path: Path = DICTIONARY_PATH) -> list[tuple[str, int, str]]:
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


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Stop words of official prose (site_config/stopwords.txt; '#' starts a comment)."""
    words = set()
    for line in STOPWORDS_PATH.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return frozenset(words)


_lock = threading.Lock()
_tokenizer = None


def get_tokenizer():
    """The process-wide jieba.Tokenizer with the domain dictionary (built on first use)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                _tokenizer = _build_tokenizer()
    return _tokenizer


def _build_tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(CACHE_DIR)
    except OSError:  # read-only checkout: jieba falls back to the system temp dir
        pass
    tokenizer.initialize()
    for word, freq, tag in read_dictionary():
        tokenizer.add_word(word, freq, tag)
    return tokenizer


@lru_cache(maxsize=1 << 18)
def _cut_block(block: str) -> tuple[str, ...]:
    return tuple(get_tokenizer().lcut(block))


def segment(text: str) -> list[str]:
    """All jieba words of the normalised text, stop words included, punctuation dropped."""
    words: list[str] = []
    for match in _BLOCK.finditer(normalize(text)):
        words.extend(_cut_block(match.group()))
    return words


def tokenize(text: str) -> list[str]:
    """Content words of ``text``: jieba words without stop words, punctuation or spaces."""
    stop = stopwords()
    return [w for w in segment(text) if w not in stop and _WORDLIKE.search(w)]


PARALLEL_MIN_CHARS = 2_000_000  # below this, forking costs more than it saves


def tokenize_many(texts: Iterable[str], *, processes: int | None = None) -> list[list[str]]:
    """``tokenize`` of many texts, in forked worker processes when that pays off.

    ``processes=None`` decides: several processes only for at least
    ``PARALLEL_MIN_CHARS`` characters, on a platform with ``fork``, from a
    process without other threads (forking a threaded process is unsafe), and
    unless ``PORTAL_TOKENIZE_PROCESSES`` says otherwise (``1`` turns it off).
    The result is the same either way.
    """
    texts = list(texts)
    count = _process_count(texts) if processes is None else max(1, processes)
    if count == 1 or len(texts) < 2:
        return [tokenize(text) for text in texts]
    get_tokenizer()  # the children inherit it, and the clause cache so far
    size = -(-len(texts) // (count * 4))
    chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
    with multiprocessing.get_context("fork").Pool(count) as pool:
        parts = pool.map(_tokenize_chunk, chunks)
    return [joined.split("\x00") if joined else [] for part in parts for joined in part]


def _tokenize_chunk(texts: list[str]) -> list[str]:
    # one string per text: far cheaper to send back than lists of short strings
    return ["\x00".join(tokenize(text)) for text in texts]


def _process_count(texts: list[str]) -> int:
    setting = os.environ.get("PORTAL_TOKENIZE_PROCESSES", "").strip()
    wanted = int(setting) if setting.isdigit() else (os.cpu_count() or 1)
    if (
        wanted <= 1
        or "fork" not in multiprocessing.get_all_start_methods()
        or threading.active_count() > 1
        or multiprocessing.current_process().daemon
        or sum(map(len, texts)) < PARALLEL_MIN_CHARS
    ):
        return 1
    return min(wanted, 8)
