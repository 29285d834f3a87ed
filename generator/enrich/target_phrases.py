"""What a number in a measure counts: the short phrases around it, cut with jieba's parts of speech.

``counted`` — the noun phrase after the number (配备专职党务干部 → 专职党务干部), else the
subject before it (人员不少于1名 → 人员), else, for money, the nearest 经费-like noun of
the sentence; ``per_phrase`` — the 每… phrase that scales it (每个社区每年).
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.text.tokenize import Tokenizer

UNITS = ("万元", "亿元", "元", "%", "‰", "人次", "名", "人", "次", "个", "项", "类", "档", "期", "批", "户", "所", "家", "分钟", "小时")
UNIT = "|".join(re.escape(u) for u in UNITS)
NUM = r"\d+(?:\.\d+)?"
MONEY = ("经费", "资金", "报酬", "补贴", "奖励")
_CLAUSE_END = "，。；：！？,;:!?\n、（()）"
_SENTENCE_END = "。；;!?！？\n"
_UNIT, _NUM = UNIT, NUM

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
@lru_cache(maxsize=1 << 14)
def _words(tok: Tokenizer, span: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in tok.pos().lcut(span) if p.word.strip()) if span else ()


def _nominal(word: str, flag: str) -> bool:
    return flag.startswith("n") or flag in _NOMINAL_POS or word in _NOMINAL


def sentence_start(folded: str, start: int) -> int:
    i = start
    while i > 0 and folded[i - 1] not in _SENTENCE_END:
        i -= 1
    return i


def left_clause(folded: str, start: int) -> str:
    i = start
    while i > 0 and folded[i - 1] not in _CLAUSE_END:
        i -= 1
    return folded[i:start]


def per_phrase(tok: Tokenizer, folded: str, start: int) -> str:
    """The 每… phrases of the clause before the number: 每个社区每年, 每名党员, 每个乡镇(街道)."""
    i = start
    while i > 0 and folded[i - 1] not in "，。；：,;:\n":
        i -= 1
    words = _words(tok, folded[i:start])
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


def counted(tok: Tokenizer, folded: str, start: int, end: int, unit: str) -> str:
    right = _right_phrase(tok, folded, end)
    left = _left_phrase(tok, folded, start)
    if right in _LOOSE_HEADS:
        return left + right if 0 < len(left) <= 8 else right
    if right and right not in _GENERIC:
        return right
    if unit in ("元", "万元", "亿元") or not (left or right):
        money = _money_noun(tok, folded, start, end)
        if money:
            return money
    return left or right


def _right_phrase(tok: Tokenizer, folded: str, end: int) -> str:
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
    words = list(_words(tok, folded[stop:i]))
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
    return _tail(tok, phrase, 20)


def _left_phrase(tok: Tokenizer, folded: str, start: int) -> str:
    """The subject before the number: 人员不少于1名 → 人员; A按B的1—2% → A."""
    words = [(w, f) for w, f in _words(tok, left_clause(folded, start)) if not w.startswith("每")]
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


def _money_noun(tok: Tokenizer, folded: str, start: int, end: int) -> str:
    """The 经费-like noun of the sentence nearest to the number, with its modifiers."""
    lo = sentence_start(folded, start)
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
    return _left_phrase(tok, folded, best[1]) or folded[best[1] - 2 : best[1]]


def _tail(tok: Tokenizer, phrase: str, limit: int) -> str:
    """The last words of ``phrase`` that fit in ``limit`` characters (Chinese heads come last)."""
    if len(phrase) <= limit:
        return phrase
    out = ""
    for word in reversed(tok.cut(phrase)):
        if len(out) + len(word) > limit:
            break
        out = word + out
    return out
