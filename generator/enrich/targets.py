"""Quantitative targets in a measure's text: 1%至 2%, 10 万元, 1:2, 3—7人, X万元, 两期 …

Numbers are found on a width-folded copy of the text (same length, so offsets
are those of the original): full-width digits and ％ count, spaces may stand
between a number and its unit (``1 名``), ranges use 至 到 — – - ~. Calendar
years (2018年, 2018—2020年), ordinals (第一), ages (40岁), anniversaries
(100周年) and names such as “1+10+N” are not targets; 用2—3年时间 and the like
are deadlines (see ``deadlines``). Chinese numerals count only before 次/期
(一次, 两期) and in 满六年.

``counts`` — what the number counts — is a short phrase taken from the text:
the noun phrase after the number (配备专职党务干部 → 专职党务干部), else the
subject before it (人员不少于1名 → 人员), else, for money, the nearest 经费-like
noun of the sentence. ``per`` keeps the 每… phrase that scales it (每个社区每年),
``bound`` whether it is a floor (不低于, 至少, 以上: "min"), a ceiling
(不超过, 最高: "max") or approximate ("about"). ``clause`` is the piece of the text that
holds it with the words that make it meaningful (每名党员增加500元, not 500元).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.enrich.clauses import clause_text
from generator.enrich.target_phrases import (
    NUM,
    UNIT,
    counted,
    left_clause,
    per_phrase,
    sentence_start,
)
from generator.text.fold import fold_width
from generator.text.tokenize import Tokenizer, tokenizer_for

_UNIT, _NUM = UNIT, NUM
_SEP = r"\s*[至到—–\-~―〜]\s*"
_CN = r"[一二两三四五六七八九十]{1,3}"

_PATTERNS = [
    ("ratio", re.compile(r"(?<![\d.:+])(\d+)\s*:\s*(\d+)(?![\d.:])")),
    ("range", re.compile(rf"(?<![\d.+第])({_NUM})\s*(%|{_UNIT})?{_SEP}({_NUM})\s*({_UNIT})")),
    ("placeholder", re.compile(rf"(?<![A-Za-z])X\s*({_UNIT})")),
    ("number", re.compile(rf"(?<![\d.+第])({_NUM})\s*({_UNIT})(?!性)")),
    ("chinese", re.compile(rf"(?<![第一二两三四五六七八九十])({_CN})\s*(次|期)(?!性)")),
    ("years", re.compile(rf"(?<=满)({_CN}|\d+)\s*(年)")),
]
# what a text must hold for a pattern to match in it (a quick test before the search)
_DIGIT = re.compile(r"\d")
_NEEDS = {
    "ratio": lambda folded: ":" in folded and _DIGIT.search(folded) is not None,
    "range": lambda folded: _DIGIT.search(folded) is not None,
    "placeholder": lambda folded: "X" in folded,
    "number": lambda folded: _DIGIT.search(folded) is not None,
    "chinese": lambda folded: "次" in folded or "期" in folded,
    "years": lambda folded: "满" in folded,
}

KINDS = {"%": "share", "‰": "share", "元": "amount", "万元": "amount", "亿元": "amount", "分钟": "duration", "小时": "duration", "年": "duration"}
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_PERIOD_WORDS = re.compile(r"每(?:年|季度|半年|月|周)|年内|上半年|下半年|每人每年")

_MIN = re.compile(r"(?:不低于|不少于|至少|最少|不小于)\s*[\u4e00-\u9fff]{0,10}\s*$")
_MAX = re.compile(r"(?:不超过|最高|最多|不高于|不大于)\s*[\u4e00-\u9fff]{0,10}\s*$")


@dataclass(frozen=True)
class Target:
    raw: str  # the exact substring of the text: "1%至 2%", "10 万元", "1:2", "X万元"
    value: str  # "1–2", "10", "1:2", "75"; "X" for placeholders
    unit: str  # "%", "万元", "元", "名", "人", "次", "个", "" for ratios …
    counts: str  # what it counts, a short phrase from the text: "专职党务干部"
    kind: str  # "ratio" | "amount" | "count" | "frequency" | "share" | "duration" | "placeholder"
    placeholder: bool  # True for "X万元" style placeholders
    start: int
    end: int
    per: str = ""  # the 每… phrase that scales it: "每个社区每年", "每名党员"
    bound: str = ""  # "min" (不低于/至少/以上), "max" (不超过/最高/以下), "about" (左右/约), ""
    clause: str = ""  # the clause of the text holding it, an exact substring: "每名党员增加 500 元" (see ``clauses``)


def extract_targets(text: str, tokenizer: Tokenizer | None = None) -> list[Target]:
    """All quantitative targets of ``text``, in order of appearance (phrases cut with ``tokenizer``)."""
    tok = tokenizer or tokenizer_for()
    folded = fold_width(text)
    spans: list[tuple[int, int, str, str, str, bool]] = []  # start, end, value, unit, kind-hint, placeholder
    taken = [False] * len(folded)
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(folded) if _NEEDS[name](folded) else ():
            if any(taken[m.start() : m.end()]) or _is_name(folded, m.start(), m.end()):
                continue
            value, unit = _value_unit(name, m)
            if value is None:
                continue
            spans.append((m.start(), m.end(), value, unit, name, name == "placeholder"))
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    spans.sort()
    return [_target(tok, text, folded, *span) for span in spans]


def _value_unit(name: str, m: re.Match) -> tuple[str | None, str]:
    if name == "ratio":
        return f"{int(m.group(1))}:{int(m.group(2))}", ""
    if name == "range":
        first_unit, unit = m.group(2), m.group(4)
        if first_unit and first_unit != unit:
            return None, ""
        return f"{m.group(1)}–{m.group(3)}", unit
    if name == "placeholder":
        return "X", m.group(1)
    if name in ("chinese", "years"):
        return str(_chinese_number(m.group(1))), m.group(2)
    return m.group(1), m.group(2)


def _is_name(folded: str, start: int, end: int) -> bool:
    """Numbers inside names such as “1+10+N” or 〔2018〕 are not targets."""
    before = folded[start - 1] if start else ""
    after = folded[end] if end < len(folded) else ""
    return before in "+〔[" or after in "+〕]"


def _chinese_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    value = 0
    for char in text:
        value = value * 10 + _CN_DIGITS[char]
    return value


def _target(tok: Tokenizer, text: str, folded: str, start: int, end: int, value: str, unit: str, name: str, placeholder: bool) -> Target:
    left = left_clause(folded, start)
    per = per_phrase(tok, folded, start)
    bound = _bound(left, folded[end : end + 3])
    if name == "ratio":
        kind = "ratio"
    elif placeholder:
        kind = "placeholder"
    elif unit in ("次", "期") and _PERIOD_WORDS.search(folded[sentence_start(folded, start) : start]):
        kind = "frequency"
    else:
        kind = KINDS.get(unit, "count")
    counts = counted(tok, folded, start, end, unit)
    return Target(text[start:end], value, unit, _unfold(counts, text, folded), kind, placeholder, start, end,
                  _unfold(per, text, folded), bound, clause_text(text, start, end))


def _bound(left: str, after: str) -> str:
    if _MIN.search(left) or after.lstrip().startswith("以上"):
        return "min"
    if _MAX.search(left) or after.lstrip().startswith(("以下", "以内")):
        return "max"
    if left.rstrip().endswith("约") or after.lstrip().startswith("左右"):
        return "about"
    return ""


def _unfold(phrase: str, text: str, folded: str) -> str:
    """Put back the original (full-width) characters that folding changed: （街道） not (街道)."""
    if phrase == "" or text == folded:
        return phrase
    table = _unfolding(text, folded)
    return "".join(table.get(char, char) for char in phrase)


@lru_cache(maxsize=64)
def _unfolding(text: str, folded: str) -> dict[str, str]:
    """Folded character → the original one it came from (the last of them), for the targets of one text."""
    return {f: t for t, f in zip(text, folded) if t != f}
