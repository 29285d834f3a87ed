"""Topics of a measure, from the marker words of site_config/topics.yaml, with the clauses that justify them.

A measure carries every topic it *substantially addresses*: a clause (a piece of the text
between ，；。： …) that sets a requirement on the topic — 严格“三会一课”等组织生活制度,
落实高校党建工作责任制 — not the topics it merely mentions in passing. A marker word in a
clause is a passing mention when

* it only qualifies another topic's word that follows it in the same phrase, through 的 or
  overlapping it (支部抓“三会一课”的党员教育工作格局 is about 党员教育, 村党组织书记 about 书记);
* it is one item of a list that ends in 等 and a head that is not about the topic
  (实现党员在线组织学习、开展三会一课、缴纳党费等功能).

A short marker word (two characters: 高校, 考核, 示范) must be backed by a second
substantive mention of its topic; a mention in the title (the lead sentence) always counts.
Topics are ranked title first, then by the number of substantive mentions, at most
``MAX_TOPICS``. A measure none of whose mentions is substantive gets its most mentioned topic
(one passing mention is still better than no topic). Curated ``topics:`` of the YAML come
first and are always kept. Matching runs on a width-folded copy (same length), so the
clause offsets are those of the original text.

Measures such as 指导思想 or 目标要求 mention everything in passing; they get
only the general topic (``general: true``), if topics.yaml has one.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Sequence

from generator.load.model import Topic
from generator.text.fold import fold_width, normalize

MAX_TOPICS = 4
STRONG_LENGTH = 3  # marker words this long count alone; shorter ones need a second mention

_GENERAL_TITLE = re.compile(
    r"^(?:指导思想|总体要求|目标要求|主题目标|总体目标|工作目标|主要目标|目标任务|基本原则|主要任务)"
    r"(?:和(?:主题目标|目标要求|工作目标|基本原则|主要任务))?[。.:：]?$"
)
_CLAUSE = re.compile(r"[^，,；;。：:！!？?\n]+")
_LIST_BREAK = re.compile(r"[、，,；;：:]")
_ENUM_HEAD = re.compile(r"等([^、]*)$")
_FUNCTION_HEAD = re.compile(r"^(?:重要)?(?:作用|能力|功能|活动|渠道|方式|途径|载体)")


_NUMBERING = re.compile(r"^[(（]?[一二三四五六七八九十\d]+[)）、.．]?\s*")


def is_general_measure(title: str, text: str = "") -> bool:
    """Whether a measure is a 指导思想/目标要求/总体要求-like statement rather than a task."""
    return _general_title(title)


@lru_cache(maxsize=1 << 16)
def _general_title(title: str) -> bool:
    return bool(_GENERAL_TITLE.match(_NUMBERING.sub("", normalize(title).strip())))


@dataclass(frozen=True)
class TopicEvidence:
    """A topic of a measure and the spans of the text's clauses that address it (empty: title only or fallback)."""

    topic: str
    clauses: tuple[tuple[int, int], ...] = ()
    curated: bool = False


class _Mention(NamedTuple):
    start: int  # within the clause
    end: int
    topic: int  # index into the topic list


_compiled: dict[tuple, tuple] = {}


class _Matcher(NamedTuple):
    pattern: re.Pattern | None
    owner: dict[str, int]  # word → topic index, -1 for an excluded phrase
    words: tuple[tuple[str, ...], ...]  # each topic's marker words, width-folded
    crossing: bool  # a word or phrase holds a clause break (then mentions are found clause by clause)


def _matcher(topics: Sequence[Topic]) -> _Matcher:
    """A pattern of every marker word and excluded phrase that matches the longest at a position (searched
    again from the next position, so that overlapping words are all found: 村党组织书记 has 村党组织 and
    党组织书记), and word → topic index (-1 for an excluded phrase such as 示范文本, which hides the marker
    word inside it); memoised."""
    key = tuple(map(id, topics))
    entry = _compiled.get(key)
    if entry is None or any(map(operator.is_not, entry[0], topics)):
        owner: dict[str, int] = {}
        for i, t in enumerate(topics):
            if not t.general:
                owner.update({fold_width(w): -1 for w in t.excludes})
                for w in t.words:
                    owner.setdefault(fold_width(w), i)
        pattern = re.compile(_trie(owner)) if owner else None
        crossing = any(_CLAUSE.fullmatch(w) is None for w in owner)
        words = tuple(tuple(fold_width(w) for w in t.words) for t in topics)
        entry = (tuple(topics), _Matcher(pattern, owner, words, crossing))
        if len(_compiled) > 32:
            _compiled.clear()
        _compiled[key] = entry
    return entry[1]


def _trie(words) -> str:
    """An alternation of ``words`` as a trie: at a position it matches the longest of them that is there
    (a longer word is tried before the shorter one it extends), as ``|`` over them longest first would."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _find(pattern: re.Pattern, owner: dict[str, int], text: str) -> list[_Mention]:
    """Mentions of marker words, the longest at each position; none inside an excluded phrase or a longer word of its topic."""
    found = []
    search = pattern.search
    m = search(text)
    while m is not None:  # the next word from the position after the last one's start: overlapping words too
        at, word = m.start(), m.group()
        found.append(_Mention(at, at + len(word), owner[word]))
        m = search(text, at + 1)
    hidden = [(m.start, m.end) for m in found if m.topic < 0]
    kept: list[_Mention] = []
    for m in found:
        if m.topic < 0 or (hidden and any(s <= m.start and m.end <= e for s, e in hidden)):
            continue
        if kept and kept[-1].topic == m.topic and m.end <= kept[-1].end:
            continue  # 党组织书记 inside 基层党组织书记 of the same topic
        kept.append(m)
    return kept


def _passing(clause: str, m: _Mention, mentions: list[_Mention], words: tuple[tuple[str, ...], ...]) -> bool:
    """Whether mention ``m`` only qualifies a later word of another topic, or is an item of a list about something else."""
    others = [n for n in mentions if n.topic != m.topic and n.start > m.start]
    for later in others:
        if later.start < m.end:
            return True  # 村党组织书记: the later, overlapping word is the head
        gap = clause[m.end:later.start]
        if "的" in gap and len(gap) <= 12 and not _LIST_BREAK.search(gap):
            return True
    if "、" not in clause:
        return False
    rest = clause[m.end:]
    head = _ENUM_HEAD.search(rest)
    if head is not None:  # 实现党员在线组织学习、开展三会一课、缴纳党费等功能
        return not any(w in head.group(1) for w in words[m.topic])
    cut = rest.rfind("的")
    if cut < 0:
        return False
    tail = rest[cut + 1:]  # 集智慧党建、多元融合…于一体的党建阵地; 快速反应、精准落实、服务群众的能力
    named = any(n.start > m.end + cut for n in others)
    return named or bool(_FUNCTION_HEAD.match(tail))


_BOOK_TITLE = re.compile(r"《[^《》]*》")


def _clause_mentions(text: str, matcher: _Matcher):
    """(clause span, substantive mention, whether it is inside a cited document's 《title》) of ``text``, in order,
    finding the mentions clause by clause."""
    folded = fold_width(text)
    cited = [(b.start(), b.end()) for b in _BOOK_TITLE.finditer(folded)]
    for c in _CLAUSE.finditer(folded):
        clause = c.group()
        mentions = _find(matcher.pattern, matcher.owner, clause)
        for m in mentions:
            if not _passing(clause, m, mentions, matcher.words):
                at = c.start() + m.start
                yield (c.start(), c.end()), m, any(s < at < e for s, e in cited)


def _whole_mentions(title: str, text: str, matcher: _Matcher) -> tuple[list, list, list[_Mention]]:
    """The substantive mentions of the title and of the text (as ``_clause_mentions`` gives them), and all
    mentions of both, from one search of ``title。text``: no word holds a clause break, so the mentions of
    the whole that lie in a clause are those of the clause alone."""
    whole = fold_width(f"{title}。{text}")
    mentions = _find(matcher.pattern, matcher.owner, whole)
    split = len(title) + 1  # where the text starts
    cited = [(b.start(), b.end()) for b in _BOOK_TITLE.finditer(whole, split)]
    in_title, in_text, k = [], [], 0
    for c in _CLAUSE.finditer(whole):
        start, end = c.span()
        j = k
        while j < len(mentions) and mentions[j].start < end:
            j += 1
        if j == k:
            continue
        local = [_Mention(m.start - start, m.end - start, m.topic) for m in mentions[k:j]]
        clause = c.group()
        for m in local:
            if (len(local) > 1 or "、" in clause) and _passing(clause, m, local, matcher.words):
                continue  # (a mention alone in a clause without 、 is never a passing one)
            if end < split:
                in_title.append(((start, end), m, False))
            else:
                at = start + m.start
                in_text.append(((start - split, end - split), m, bool(cited) and any(s < at < e for s, e in cited)))
        k = j
    return in_title, in_text, mentions


def _tally(title: str, text: str, topics: Sequence[Topic]) -> tuple[dict, dict, dict, dict]:
    """Per topic index: substantive mentions in the title, in the text (with their clause spans), and all mentions."""
    matcher = _matcher(topics)
    in_title: dict[int, int] = {}
    in_text: dict[int, list[tuple[tuple[int, int], bool]]] = {}
    strong: dict[int, bool] = {}
    if matcher.pattern is None:
        return in_title, in_text, strong, {}
    if matcher.crossing:
        title_found, text_found = _clause_mentions(title, matcher), _clause_mentions(text, matcher)
        mentions = _find(matcher.pattern, matcher.owner, fold_width(f"{title}。{text}"))
    else:
        title_found, text_found, mentions = _whole_mentions(title, text, matcher)
    for _, m, _ in title_found:
        in_title[m.topic] = in_title.get(m.topic, 0) + 1
    for span, m, cited in text_found:
        in_text.setdefault(m.topic, []).append((span, cited))
        strong[m.topic] = strong.get(m.topic, False) or m.end - m.start >= STRONG_LENGTH
    every: dict[int, int] = {}
    for m in mentions:
        every[m.topic] = every.get(m.topic, 0) + 1
    return in_title, in_text, strong, every


def topic_evidence(title: str, text: str, topics: Sequence[Topic], curated: Sequence[str] = ()) -> list[TopicEvidence]:
    """The topics of a measure, best first, each with the clauses of the text that address it."""
    if is_general_measure(title, text):
        auto = [TopicEvidence(t.id) for t in topics if t.general]
    else:
        auto = _select(*_tally(title, text, topics), topics)
    result = [TopicEvidence(tid, curated=True) for tid in dict.fromkeys(curated)]
    seen = {e.topic for e in result}
    for e in auto:
        if e.topic in seen:
            result = [TopicEvidence(x.topic, e.clauses, True) if x.topic == e.topic else x for x in result]
        else:
            result.append(e)
    return result


def _select(in_title: dict, in_text: dict, strong: dict, every: dict, topics: Sequence[Topic]) -> list[TopicEvidence]:
    """Title topics, then text topics backed by a long word or two substantive mentions; else the most mentioned one."""
    kept = [i for i in {**in_title, **in_text}  # (the sort below gives the order)
            if in_title.get(i) or (i in in_text and (strong[i] or len(in_text[i]) + in_title.get(i, 0) >= 2))]
    own = {i: sum(not cited for _, cited in found) for i, found in in_text.items()}  # a 《title》 names, it does not ask
    kept.sort(key=lambda i: (-in_title.get(i, 0), -own.get(i, 0), -len(in_text.get(i, ())), -every.get(i, 0), i))
    if not kept and every:
        kept = [min(every, key=lambda i: (-every[i], i))]
    return [TopicEvidence(topics[i].id, tuple(dict.fromkeys(span for span, _ in in_text.get(i, ()))))
            for i in kept[:MAX_TOPICS]]


def assign_topics(title: str, text: str, topics: Sequence[Topic], curated: Sequence[str] = ()) -> list[str]:
    """Topic ids of a measure, best first; curated ids come first and are always kept."""
    return [e.topic for e in topic_evidence(title, text, topics, curated)]
