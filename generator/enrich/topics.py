"""Topics of a measure, from the marker words of site_config/topics.yaml.

A topic's score for a measure counts its marker words: a word in the title
(the lead sentence) weighs ``TITLE_WEIGHT``, each of its first two occurrences
in the text weighs 1. A measure gets the topics that score at least
``MIN_SCORE`` and at least ``RELATIVE`` of the best one, best first, at most
``MAX_TOPICS``; when no topic reaches ``MIN_SCORE`` it gets the best one (one
passing mention is still better than no topic). Words match as substrings of
the normalised text (full-width folded), so 党群服务中心 is found inside
“1+10+N”党群服务中心体系.

Measures such as 指导思想 or 目标要求 mention everything in passing; they get
only the general topic (``general: true``), if topics.yaml has one.
"""

from __future__ import annotations

import re
from typing import Sequence

from generator.load.model import Topic
from generator.text.fold import normalize

TITLE_WEIGHT = 4
TEXT_CAP = 2
MIN_SCORE = 2
RELATIVE = 0.5
MAX_TOPICS = 3

_GENERAL_TITLE = re.compile(
    r"^(?:指导思想|总体要求|目标要求|主题目标|总体目标|工作目标|主要目标|目标任务|基本原则|主要任务)"
    r"(?:和(?:主题目标|目标要求|工作目标|基本原则|主要任务))?[。.:：]?$"
)


def is_general_measure(title: str, text: str = "") -> bool:
    """Whether a measure is a 指导思想/目标要求/总体要求-like statement rather than a task."""
    head = normalize(title).strip()
    head = re.sub(r"^[(（]?[一二三四五六七八九十\d]+[)）、.．]?\s*", "", head)
    return bool(_GENERAL_TITLE.match(head))


_compiled: dict[tuple, tuple] = {}


def _matchers(topics: Sequence[Topic]) -> tuple[list[str], list[tuple[str, int]]]:
    """(topic ids, [(normalised word, topic index)] of the non-general topics), memoised per topic list."""
    key = tuple(id(t) for t in topics)
    entry = _compiled.get(key)
    if entry is None or any(a is not b for a, b in zip(entry[0], topics)):
        words = [(normalize(w), i) for i, t in enumerate(topics) if not t.general for w in t.words]
        entry = (tuple(topics), ([t.id for t in topics], words))
        if len(_compiled) > 32:
            _compiled.clear()
        _compiled[key] = entry
    return entry[1]


def _scores(title: str, text: str, topics: Sequence[Topic]) -> dict[str, tuple[int, int]]:
    head, body = normalize(title), normalize(text)
    ids, words = _matchers(topics)
    total = [0] * len(ids)
    in_title = [0] * len(ids)
    for word, index in words:
        if word in body:
            total[index] += min(body.count(word), TEXT_CAP)
        if word in head:
            total[index] += TITLE_WEIGHT
            in_title[index] += TITLE_WEIGHT
    return {ids[i]: (total[i], in_title[i]) for i in range(len(ids)) if total[i]}


def assign_topics(title: str, text: str, topics: Sequence[Topic], curated: Sequence[str] = ()) -> list[str]:
    """Topic ids of a measure, best first; curated ids come first and are always kept."""
    if is_general_measure(title, text):
        auto = [t.id for t in topics if t.general]
    else:
        auto = _select(_scores(title, text, topics), [t.id for t in topics])
    result = list(dict.fromkeys(curated))
    result += [tid for tid in auto if tid not in result]
    return result


def _select(scores: dict[str, tuple[int, int]], order: list[str]) -> list[str]:
    """Best first (ties: more weight in the title, then the order of topics.yaml)."""
    if not scores:
        return []
    rank = {tid: i for i, tid in enumerate(order)}
    ranked = sorted(scores, key=lambda tid: (-scores[tid][0], -scores[tid][1], rank[tid]))
    best = scores[ranked[0]][0]
    if best < MIN_SCORE:
        return ranked[:1]
    floor = max(MIN_SCORE, RELATIVE * best)
    return [tid for tid in ranked if scores[tid][0] >= floor][:MAX_TOPICS]
