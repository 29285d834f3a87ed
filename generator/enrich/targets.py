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
(不超过, 最高: "max") or approximate ("about").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.text import fold_width, get_tokenizer

UNITS = ("万元", "亿元", "元", "%", "‰", "人次", "名", "人", "次", "个", "项", "类", "档", "期", "批", "户", "所", "家", "分钟", "小时")
_UNIT = "|".join(re.escape(u) for u in UNITS)
_NUM = r"\d+(?:\.\d+)?"
_SEP = r"\s*[至到—–\-~―〜]\s*"
_CN = r"[一二两三四五六七八九十]{1,3}"

_PATTERNS = [
    ("ratio", re.compile(rf"(?<![\d.:+])(\d+)\s*:\s*(\d+)(?![\d.:])")),
    ("range", re.compile(rf"(?<![\d.+第])({_NUM})\s*(%|{_UNIT})?{_SEP}({_NUM})\s*({_UNIT})")),
    ("placeholder", re.compile(rf"(?<![A-Za-z])X\s*({_UNIT})")),
    ("number", re.compile(rf"(?<![\d.+第])({_NUM})\s*({_UNIT})(?!性)")),
    ("chinese", re.compile(rf"(?<![第一二两三四五六七八九十])({_CN})\s*(次|期)(?!性)")),
    ("years", re.compile(rf"(?<=满)({_CN}|\d+)\s*(年)")),
]

MONEY = ("经费", "资金", "报酬", "补贴", "奖励")
KINDS = {"%": "share", "‰": "share", "元": "amount", "万元": "amount", "亿元": "amount", "分钟": "duration", "小时": "duration", "年": "duration"}
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_CLAUSE_END = "，。；：！？,;:!?\n、（()）"
_SENTENCE_END = "。；;!?！？\n"
_PERIOD_WORDS = re.compile(r"每(?:年|季度|半年|月|周)|年内|上半年|下半年|每人每年")

# Words skipped before the counted noun phrase (配备专职党务干部 → 专职党务干部).
_LEAD = {
    "的", "以上", "以下", "以内", "左右", "比例", "之", "为", "配备", "配齐", "建立", "安排", "储备", "设", "设立",
    "联系", "挂点", "参加", "开展", "召开", "组织", "举办", "听取", "讲", "专题研究", "研究", "选派", "培养",
    "达到", "增加", "进行", "确定", "推动", "落实", "作为",
}
# Words that end the noun phrase after the number.
_STOP = {"落实", "为", "作为", "用于", "纳入", "进入", "和", "及", "与", "在", "等", "分管", "负责", "承担", "基数", "标准", "部分"}
_NOMINAL_POS = {"vn", "an", "b", "j", "l", "i", "f", "s", "m", "q", "eng", "zg"}
_NOMINAL = {"培训", "示范", "组织", "管理", "服务", "发展", "建设", "达标", "试点", "摸排", "督查", "督导", "调研", "汇报",
            "谈话", "讲党课", "评议", "考察", "抓", "回头看", "举措", "会", "班", "“", "”"}
_LOOSE_HEADS = {"举措", "措施", "任务"}  # 中小学党建7项举措: the subject before the number joins them
_GENERIC = {"自查", "达标", "部分", "标准"}  # say nothing on their own: use the subject before the number
_LEFT_DROP_POS = {"d", "ad", "p", "c", "uj", "ul", "vd", "x"}
# Words trimmed from the subject before the number (人员不少于1名 → 人员).
_TRAIL = {"不少", "于", "不低于", "低于", "不", "至少", "最少", "不超过", "超过", "最高", "最多", "达到", "要", "按", "按照",
          "以", "占", "为", "的", "有", "约", "共", "基本", "实现", "满", "确保", "力争", "年底", "年内", "今年", "明确",
          "凡", "凡有", "各", "对", "把", "再", "依据", "参加", "合计", "总数", "平均", "其中", "市", "区", "全市", "全面", "实施",
          "全面实施", "专职"}
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


def extract_targets(text: str) -> list[Target]:
    """All quantitative targets of ``text``, in order of appearance."""
    folded = fold_width(text)
    spans: list[tuple[int, int, str, str, str, bool]] = []  # start, end, value, unit, kind-hint, placeholder
    taken = [False] * len(folded)
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            if any(taken[m.start() : m.end()]) or _is_name(folded, m.start(), m.end()):
                continue
            value, unit = _value_unit(name, m)
            if value is None:
                continue
            spans.append((m.start(), m.end(), value, unit, name, name == "placeholder"))
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    spans.sort()
    return [_target(text, folded, *span) for span in spans]


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


def _target(text: str, folded: str, start: int, end: int, value: str, unit: str, name: str, placeholder: bool) -> Target:
    left = _left_clause(folded, start)
    per = _per(folded, start)
    bound = _bound(left, folded[end : end + 3])
    if name == "ratio":
        kind = "ratio"
    elif placeholder:
        kind = "placeholder"
    elif unit in ("次", "期") and _PERIOD_WORDS.search(folded[_sentence_start(folded, start) : start]):
        kind = "frequency"
    else:
        kind = KINDS.get(unit, "count")
    counts = _counts(folded, start, end, unit)
    return Target(text[start:end], value, unit, _unfold(counts, text, folded), kind, placeholder, start, end,
                  _unfold(per, text, folded), bound)


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
    table = {f: t for t, f in zip(text, folded) if t != f}
    return "".join(table.get(char, char) for char in phrase)


# --- what it counts ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _pos_tokenizer():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(get_tokenizer())


@lru_cache(maxsize=1 << 14)
def _words(span: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in _pos_tokenizer().lcut(span) if p.word.strip()) if span else ()


def _nominal(word: str, flag: str) -> bool:
    return flag.startswith("n") or flag in _NOMINAL_POS or word in _NOMINAL


def _sentence_start(folded: str, start: int) -> int:
    i = start
    while i > 0 and folded[i - 1] not in _SENTENCE_END:
        i -= 1
    return i


def _left_clause(folded: str, start: int) -> str:
    i = start
    while i > 0 and folded[i - 1] not in _CLAUSE_END:
        i -= 1
    return folded[i:start]


def _per(folded: str, start: int) -> str:
    """The 每… phrases of the clause before the number: 每个社区每年, 每名党员, 每个乡镇(街道)."""
    i = start
    while i > 0 and folded[i - 1] not in "，。；：,;:\n":
        i -= 1
    words = _words(folded[i:start])
    parts = []
    for k, (word, _) in enumerate(words):
        if not word.startswith("每"):
            continue
        phrase = word
        if word in ("每", "每个", "每名", "每位", "每一"):
            rest = list(words[k + 1 : k + 6])
            if rest and rest[0][1] == "q":  # 每 名 党员
                phrase += rest.pop(0)[0]
            if rest and (rest[0][1].startswith("n") or rest[0][1] in ("zg", "j")):  # one noun: 每名市委常委
                phrase += rest.pop(0)[0]
                if rest and rest[0][0] in "(（":  # 每个乡镇（街道）
                    close = next((i for i, (w, _) in enumerate(rest) if w in ")）"), None)
                    if close is not None and close <= 3:
                        phrase += "".join(w for w, _ in rest[: close + 1])
        parts.append(phrase)
    return "".join(parts)


def _counts(folded: str, start: int, end: int, unit: str) -> str:
    right = _right_phrase(folded, end)
    left = _left_phrase(folded, start)
    if right in _LOOSE_HEADS:
        return left + right if 0 < len(left) <= 8 else right
    if right and right not in _GENERIC:
        return right
    if unit in ("元", "万元", "亿元") or not (left or right):
        money = _money_noun(folded, start, end)
        if money:
            return money
    return left or right


def _right_phrase(folded: str, end: int) -> str:
    """The noun phrase after the number: skip 以上/的/配备…, stop at the first verb after a noun."""
    stop = end
    # skip a following number+unit (3类35档岗位) and a parenthetical (4人（…）专职…)
    while True:
        m = re.match(rf"\s*(?:(?:{_NUM}|X)\s*(?:{_UNIT})|[(（][^)）]{{0,40}}[)）])", folded[stop:])
        if not m:
            break
        stop += m.end()
    i = stop
    while i < len(folded) and folded[i] not in _CLAUSE_END and i - stop < 30:
        i += 1
    words = list(_words(folded[stop:i]))
    while words and words[0][0] in _LEAD:
        words.pop(0)
    phrase, seen_noun = "", False
    for word, flag in words:
        if word in _STOP:
            break
        if _nominal(word, flag):
            seen_noun = True
        elif seen_noun:
            break
        phrase += word
    phrase = re.sub("专职$", "", phrase)
    if phrase.count("“") < phrase.count("”"):
        phrase = phrase.rstrip("”")
    return _tail(phrase, 20)


def _left_phrase(folded: str, start: int) -> str:
    """The subject before the number: 人员不少于1名 → 人员; A按B的1—2% → A."""
    words = [(w, f) for w, f in _words(_left_clause(folded, start)) if not w.startswith("每")]
    for k, (word, _) in enumerate(words):
        if word in ("按", "按照") and k > 0:
            words = words[:k]
            break
    while words and (words[-1][0] in _TRAIL or words[-1][0] in ("个", "名", "位", "人")):
        words.pop()
    kept, size = [], 0
    for word, flag in reversed(words):  # Chinese heads come last: keep the tail
        if size + len(word) > 14 and kept:
            break
        kept.insert(0, (word, flag))
        size += len(word)
    while len(kept) > 1 and (kept[0][0] in _TRAIL | _LEAD or kept[0][1] in _LEFT_DROP_POS):
        kept.pop(0)
    return "".join(w for w, _ in kept)


def _money_noun(folded: str, start: int, end: int) -> str:
    """The 经费-like noun of the sentence nearest to the number, with its modifiers."""
    lo = _sentence_start(folded, start)
    hi = end
    while hi < len(folded) and folded[hi] not in _SENTENCE_END:
        hi += 1
    best = None
    for m in re.finditer("|".join(MONEY), folded[lo:hi]):
        noun_start, noun_end = lo + m.start(), lo + m.end()
        distance = start - noun_end if noun_end <= start else noun_start - end
        if distance >= 0 and (best is None or distance < best[0]):
            best = (distance, noun_end)
    if best is None:
        return ""
    return _left_phrase(folded, best[1]) or folded[best[1] - 2 : best[1]]


def _tail(phrase: str, limit: int) -> str:
    """The last words of ``phrase`` that fit in ``limit`` characters (Chinese heads come last)."""
    if len(phrase) <= limit:
        return phrase
    out = ""
    for word in reversed(get_tokenizer().lcut(phrase)):
        if len(out) + len(word) > limit:
            break
        out = word + out
    return out
