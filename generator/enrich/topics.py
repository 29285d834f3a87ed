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

import re
from dataclasses import dataclass
from typing import Sequence

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


def is_general_measure(title: str, text: str = "") -> bool:
    """Whether a measure is a 指导思想/目标要求/总体要求-like statement rather than a task."""
    head = normalize(title).strip()
    head = re.sub(r"^[(（]?[一二三四五六七八九十\d]+[)）、.．]?\s*", "", head)
    return bool(_GENERAL_TITLE.match(head))


@dataclass(frozen=True)
class TopicEvidence:
    """A topic of a measure and the spans of the text's clauses that address it (empty: title only or fallback)."""

    topic: str
    clauses: tuple[tuple[int, int], ...] = ()
    curated: bool = False


@dataclass(frozen=True)
class _Mention:
    start: int  # within the clause
    end: int
    topic: int  # index into the topic list


_compiled: dict[tuple, tuple] = {}


def _matcher(topics: Sequence[Topic]) -> tuple[re.Pattern | None, dict[str, int]]:
    """A lookahead alternation of every marker word and excluded phrase (longest first), so that
    overlapping words are all found (村党组织书记: 村党组织 and 党组织书记), and word → topic index
    (-1 for an excluded phrase such as 示范文本, which hides the marker word inside it); memoised."""
    key = tuple(id(t) for t in topics)
    entry = _compiled.get(key)
    if entry is None or any(a is not b for a, b in zip(entry[0], topics)):
        owner: dict[str, int] = {}
        for i, t in enumerate(topics):
            if not t.general:
                owner.update({fold_width(w): -1 for w in t.excludes})
                for w in t.words:
                    owner.setdefault(fold_width(w), i)
        words = sorted(owner, key=len, reverse=True)
        pattern = re.compile("(?=(" + "|".join(map(re.escape, words)) + "))") if words else None
        entry = (tuple(topics), (pattern, owner))
        if len(_compiled) > 32:
            _compiled.clear()
        _compiled[key] = entry
    return entry[1]


def _find(pattern: re.Pattern, owner: dict[str, int], text: str) -> list[_Mention]:
    """Mentions of marker words, the longest at each position; none inside an excluded phrase or a longer word of its topic."""
    found = [_Mention(m.start(), m.start() + len(m.group(1)), owner[m.group(1)]) for m in pattern.finditer(text)]
    hidden = [(m.start, m.end) for m in found if m.topic < 0]
    kept: list[_Mention] = []
    for m in found:
        if m.topic < 0 or any(s <= m.start and m.end <= e for s, e in hidden):
            continue
        if kept and kept[-1].topic == m.topic and m.end <= kept[-1].end:
            continue  # 党组织书记 inside 基层党组织书记 of the same topic
        kept.append(m)
    return kept


def _passing(clause: str, m: _Mention, mentions: list[_Mention], topics: Sequence[Topic]) -> bool:
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
        return not any(fold_width(w) in head.group(1) for w in topics[m.topic].words)
    cut = rest.rfind("的")
    if cut < 0:
        return False
    tail = rest[cut + 1:]  # 集智慧党建、多元融合…于一体的党建阵地; 快速反应、精准落实、服务群众的能力
    named = any(n.start > m.end + cut for n in others)
    return named or bool(_FUNCTION_HEAD.match(tail))


_BOOK_TITLE = re.compile(r"《[^《》]*》")


def _clause_mentions(text: str, pattern: re.Pattern, owner: dict[str, int], topics: Sequence[Topic]):
    """(clause span, substantive mention, whether it is inside a cited document's 《title》) of ``text``, in order."""
    folded = fold_width(text)
    cited = [(b.start(), b.end()) for b in _BOOK_TITLE.finditer(folded)]
    for c in _CLAUSE.finditer(folded):
        clause = c.group()
        mentions = _find(pattern, owner, clause)
        for m in mentions:
            if not _passing(clause, m, mentions, topics):
                at = c.start() + m.start
                yield (c.start(), c.end()), m, any(s < at < e for s, e in cited)


def _tally(title: str, text: str, topics: Sequence[Topic]) -> tuple[dict, dict, dict, dict]:
    """Per topic index: substantive mentions in the title, in the text (with their clause spans), and all mentions."""
    pattern, owner = _matcher(topics)
    in_title: dict[int, int] = {}
    in_text: dict[int, list[tuple[tuple[int, int], bool]]] = {}
    strong: dict[int, bool] = {}
    if pattern is None:
        return in_title, in_text, strong, {}
    for _, m, _ in _clause_mentions(title, pattern, owner, topics):
        in_title[m.topic] = in_title.get(m.topic, 0) + 1
    for span, m, cited in _clause_mentions(text, pattern, owner, topics):
        in_text.setdefault(m.topic, []).append((span, cited))
        strong[m.topic] = strong.get(m.topic, False) or m.end - m.start >= STRONG_LENGTH
    every: dict[int, int] = {}
    for m in _find(pattern, owner, fold_width(f"{title}。{text}")):
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
    kept = [i for i in range(len(topics))
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
