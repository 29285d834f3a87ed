"""Setting jieba up fast: its prefix dictionary and its parts of speech from a quicker cache.

Both give exactly what jieba builds itself, only sooner (jieba's own set-up took most of a
small build's enrich stage):

* ``initialize`` — ``jieba.Tokenizer.initialize`` unmarshals about half a million words and
  frequencies from its ``jieba.cache`` (about a second). The outcome is kept once more under
  ``.cache/jieba/`` as the words in one string and the frequencies in one array, with the part
  of speech of each word of the dictionary file beside it; that loads several times faster. It
  is used only while jieba's cache file and the dictionary file are those it was made from
  (same jieba version, paths, sizes and modification times); otherwise jieba initialises as
  usual and the copy is made again.
* ``pos_tokenizer`` — ``jieba.posseg.POSTokenizer`` reads the word tags of the dictionary
  file line by line, and importing ``jieba.posseg`` does so once more for its default
  instance; here they come from the copy, or from the file split in one go (when every line
  is three fields between single spaces, else jieba reads it), and the default instance gets
  a copy of them.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
import weakref
from array import array
from pathlib import Path

FORMAT = "portal-prefix-3"
_OTHER_SPACE = re.compile(r"[^\S \n]")  # whitespace but the spaces between fields and the line breaks
_TAGS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # tokenizer → its word tags, read with its prefixes


def initialize(tokenizer, cache_dir: Path | None) -> None:
    """``tokenizer.initialize()`` for jieba's default dictionary, from the quicker copy where it is current."""
    stamp = _stamp(tokenizer)
    if cache_dir is None or stamp is None:
        tokenizer.initialize()
        return
    copy = cache_dir / f"{FORMAT}.bin"
    if stamp and _load(tokenizer, copy, stamp):
        return
    tokenizer.initialize()
    stamp = _stamp(tokenizer, initialized=True)
    if stamp:
        _save(tokenizer, copy, stamp)


def _stamp(tokenizer, initialized: bool = False) -> str | None:
    """What identifies jieba's cache file and dictionary file ("" while one is missing; None: another dictionary)."""
    import jieba

    if tokenizer.initialized != initialized or tokenizer.dictionary != jieba.DEFAULT_DICT:
        return None
    cache = Path(tokenizer.cache_file or os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache"))
    with tokenizer.get_dict_file() as file:
        source = getattr(file, "name", None)
    try:
        files = [(path.resolve(), path.stat()) for path in (cache, Path(source))] if isinstance(source, str) else []
    except OSError:
        return ""
    found = "\t".join(f"{path}\t{stat.st_size}\t{stat.st_mtime_ns}" for path, stat in files)
    return f"{FORMAT}\t{sys.byteorder}\t{jieba.__version__}\t{found}" if files else ""


def _load(tokenizer, copy: Path, stamp: str) -> bool:
    try:
        head, words, tags, counts = copy.read_bytes().split(b"\0", 3)  # the counts last: their bytes hold NULs
        header, total, size = head.decode("utf-8").rsplit("\t", 2)
        freqs = array("q")
        freqs.frombytes(counts)
        keys = words.decode("utf-8").split("\n")
        tags = tags.decode("utf-8").split("\n")
    except (OSError, ValueError):
        return False
    if header != stamp or not len(keys) == len(freqs) == len(tags) == int(size):
        return False
    tokenizer.FREQ, tokenizer.total = dict(zip(keys, freqs.tolist())), int(total)
    tokenizer.initialized = True
    _TAGS[tokenizer] = {key: tag for key, tag in zip(keys, tags) if tag}
    return True


def _save(tokenizer, copy: Path, stamp: str) -> None:
    keys, freqs = list(tokenizer.FREQ), list(tokenizer.FREQ.values())
    tags = word_tags(tokenizer.get_dict_file())
    if (not keys or tags is None or not all(map(tokenizer.FREQ.__contains__, tags))
            or any("\n" in k or "\0" in k for k in (*keys, *tags.values())) or type(tokenizer.total) is not int
            or any(type(v) is not int or not -(1 << 63) <= v < 1 << 63 for v in freqs)):
        return  # not what the copy can hold: jieba's own cache serves
    data = b"\0".join([f"{stamp}\t{tokenizer.total}\t{len(keys)}".encode("utf-8"), "\n".join(keys).encode("utf-8"),
                       "\n".join(tags.get(k, "") for k in keys).encode("utf-8"), array("q", freqs).tobytes()])
    temp = None
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=copy.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, copy)
    except OSError:  # a read-only checkout: jieba's own cache still serves
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def pos_tokenizer(tokenizer):
    """``jieba.posseg.POSTokenizer(tokenizer)``, its word tags from the copy or read in one go (``word_tags``);
    importing jieba.posseg reads them once more for its default instance, which gets a copy when it has the same
    dictionary."""
    import jieba

    tags = _TAGS.pop(tokenizer, None)
    if tags is None:
        tags = word_tags(tokenizer.get_dict_file())
    if tags is not None and "jieba.posseg" not in sys.modules and jieba.dt.dictionary == tokenizer.dictionary:
        jieba.dt.get_dict_file = lambda: io.BytesIO()  # read by POSTokenizer(jieba.dt) as jieba.posseg is imported
        try:
            import jieba.posseg
        finally:
            del jieba.dt.get_dict_file
        jieba.posseg.dt.word_tag_tab = dict(tags)
    import jieba.posseg

    if tags is None:
        return jieba.posseg.POSTokenizer(tokenizer)
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer, pos.word_tag_tab = tokenizer, tags
    return pos


def word_tags(file) -> dict[str, str] | None:
    """Word → tag of a jieba dictionary file, as ``POSTokenizer.load_word_tag`` reads it line by line;
    None (read it that way) unless every line is three fields between single spaces."""
    with file:
        data = file.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if ("  " in text or "\n " in text or " \n" in text or text.startswith(" ") or text.endswith(" ")
            or _OTHER_SPACE.search(text) or len(fields := text.split()) != 3 * _lines(text)):
        return None
    return dict(zip(fields[0::3], fields[2::3]))


def _lines(text: str) -> int:
    """The lines of ``text`` that are not empty."""
    if "\n\n" in text or text.startswith("\n"):
        lines = text.split("\n")
        return len(lines) - lines.count("")
    return text.count("\n") + (not text.endswith("\n")) if text else 0
