"""Folding text for comparison: width, whitespace artefacts, and the keys of 文号 and titles.

* ``fold_width``: full-width ASCII to half-width, character for character (offsets stay valid);
* ``normalize``: NFKC, whitespace runs collapsed, line-break artefacts between Chinese
  characters removed — the form in which measures are tokenised and topic words matched;
* ``ref_key``: the key under which a 文号 or a document title is looked up, whatever the
  bracket and dash widths (粤办发［2018］19号 = 粤办发〔2018〕19号).

The search index has its own fold (``text.searchfold``), mirrored by search.js.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = _HAN + "\u3000-\u303f\u2018-\u201f\u2014\u2026\uff00-\uffef"
_SPACE_BETWEEN = re.compile(rf"(?<=[{_CJK}0-9])\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+(?=[0-9])")
_WS = re.compile(r"\s+")
_SPACES = (" ", "\n", "\t", "\r", "\u3000", "\xa0", "\f", "\v")
HAN = _HAN


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


@lru_cache(maxsize=1 << 12)
def fold_width(text: str) -> str:
    """Full-width ASCII to half-width (１２％ → 12%, （ → (), ideographic space to space.

    Character for character (NFKC where it maps to a single character), so the
    result has the same length as ``text`` and offsets stay valid. Memoised: the
    enrich steps fold the same measure text one after the other.
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


_BRACKETS = str.maketrans({"[": "〔", "［": "〔", "【": "〔", "]": "〕", "］": "〕", "】": "〕", "(": "（", ")": "）",
                           "—": "-", "–": "-", "－": "-", "〈": "", "〉": "", "《": "", "》": "", " ": "", "\u3000": ""})


_WRAPPER = re.compile(r"^.*?关于(?:印发|转发)(.+)的通知$")
_PERIOD = re.compile(r"（(\d{4})年?-(\d{4})年?）")


def ref_key(text: str) -> str:
    """The lookup key of a 文号 or a title: bracket and dash widths, book-title marks and spaces folded,
    the wrapper 关于印发《X》的通知 reduced to X, and （2018-2020） written as （2018—2020年）."""
    text = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    text = re.sub(r"\s+", "", text.replace("(", "（").replace(")", "）"))
    text = _WRAPPER.sub(r"\1", text)
    return _PERIOD.sub(r"（\1-\2）", text)
