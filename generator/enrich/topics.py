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
from typing import Annotated, Any, Sequence

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from generator.text import normalize

TITLE_WEIGHT = 4
TEXT_CAP = 2
MIN_SCORE = 2
RELATIVE = 0.5
MAX_TOPICS = 3

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="专题 id（小写字母、数字、连字符），用于网址")
    name: NonEmpty = Field(description="专题名称，如 软弱涣散党组织整顿")
    description: NonEmpty = Field(description="一句话说明")
    words: list[NonEmpty] = Field(min_length=1, description="标志词")
    general: bool = Field(False, description="“指导思想/目标要求”一类举措的兜底专题")

    @field_validator("words")
    @classmethod
    def _unique_words(cls, words: list[str]) -> list[str]:
        seen = set()
        for word in words:
            if word in seen:
                raise ValueError(f"标志词重复：{word}")
            seen.add(word)
        return words


def parse_topics(data: list[dict[str, Any]]) -> list[Topic]:
    """Validate the parsed topics.yaml list; raise ValueError naming every bad entry at once."""
    if not isinstance(data, list):
        raise ValueError("topics.yaml 应为列表（每项一个专题）")
    topics: list[Topic] = []
    problems: list[str] = []
    for index, entry in enumerate(data, 1):
        label = f"第 {index} 个专题"
        if isinstance(entry, dict) and entry.get("id"):
            label += f"（{entry['id']}）"
        try:
            topics.append(Topic.model_validate(entry))
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(part) for part in err["loc"]) or "专题"
                problems.append(f"{label} {where}: {err['msg']}")
    ids = [t.id for t in topics]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"专题 id 重复：{dup}")
    if sum(t.general for t in topics) > 1:
        problems.append("只能有一个 general: true 的专题")
    if problems:
        raise ValueError("专题配置有误：\n" + "\n".join(problems))
    return topics


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


def topic_scores(title: str, text: str, topics: Sequence[Topic]) -> dict[str, int]:
    """Score of every non-general topic that has at least one marker word in the measure."""
    return {tid: score for tid, (score, _) in _scores(title, text, topics).items()}


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
