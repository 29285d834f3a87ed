"""Text normalisation shared by the index (Python) and the browser (search.js).

The two implementations must agree character for character; tests pin both.

1. Width: full-width ASCII U+FF01–U+FF5E → U+0021–U+007E, ideographic space → space.
2. Equivalent marks: 〔〕【】[] → 〔〕; dashes ‐‑‒–—―－ → "-"; quotes and book-title marks of every
   kind (“”„"‘’'「」『』《》〈〉) removed, so 两新组织 finds “两新”组织 and 《条例》 finds 条例.
3. ASCII letters lower-cased.
4. Whitespace (and zero-width characters) removed, except one space kept
   between two ASCII letters/digits ("party building", "2018 2020").
   So "组织生\\n\\n活" → "组织生活" and "2020 年" → "2020年".

A query is first split on whitespace into words (all must occur), then each word
is normalised; page text is normalised as a whole.
"""

from __future__ import annotations

import re

QUOTES = "“”„＂\"‘’＇'「」『』《》〈〉﹁﹂﹃﹄"
_MAP = {0x3000: " ", 0x00A0: " "}
for _code in range(0xFF01, 0xFF5F):
    _MAP[_code] = chr(_code - 0xFEE0).lower()
for _ch in "〔【[［":
    _MAP[ord(_ch)] = "〔"
for _ch in "〕】]］":
    _MAP[ord(_ch)] = "〕"
for _ch in "‐‑‒–—―－":
    _MAP[ord(_ch)] = "-"
for _ch in QUOTES:
    _MAP[ord(_ch)] = ""
for _code in range(ord("A"), ord("Z") + 1):
    _MAP[_code] = chr(_code + 32)
for _ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
    _MAP[ord(_ch)] = ""
_TABLE = str.maketrans(_MAP)
WHITESPACE = "\t\n\v\f\r \x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_WS = re.compile(f"[{WHITESPACE}]+")
_KEEP = re.compile(r"(?<=[a-z0-9]) (?=[a-z0-9])")


def fold(text: str) -> str:
    """Width, marks and case (steps 1–3), character for character except that zero-width characters,
    quotes and book-title marks are removed."""
    return text.translate(_TABLE)


def normalize(text: str) -> str:
    """Steps 1–4: the form in which pages are indexed and queries matched."""
    collapsed = _WS.sub(" ", fold(text))
    # keep a space only between two ASCII alphanumerics; drop every other space
    kept = _KEEP.sub("\x00", collapsed)
    return kept.replace(" ", "").replace("\x00", " ")


def query_words(query: str) -> list[str]:
    """Words of a query: split on whitespace (incl. full-width space), normalised, de-duplicated, non-empty."""
    words: list[str] = []
    for raw in _WS.split(fold(query)):
        word = normalize(raw)
        if word and word not in words:
            words.append(word)
    # a word contained in another adds nothing to an AND query
    return [w for w in words if not any(w != o and w in o for o in words)]
