"""Documents → the logical index: doc order, postings, facet profiles, chunks.

Doc numbers follow (kind rank, input order): measures, then plans, then other
pages, so the number itself is the last ranking key. Postings are keyed by

* ``AB``   — a bigram of the normalised title or text (adjacent non-space code points);
* ``A``    — a single character (for one-character query words);
* ``" AB"`` — a bigram of the title alone (ranking: words in the title);
* ``"  H"`` — H = 64-bit digest of a normalised title (ranking: title equals the query).

A space cannot occur inside a normalised bigram, so the prefixes never collide.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Sequence

from generator.search.encode import EQUAL_SEED, fnv1a
from generator.search.model import SearchDoc, SearchMeta, kind_rank
from generator.text.searchfold import normalize

MAX_KEYS_PER_WORD = 6
TITLE_PREFIX = " "
EQUAL_PREFIX = "  "
NUMBERING = re.compile(r"^\s*(?:\d+(?:[-.．]\d+)*\s*[.．、](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)\s*")


def bigrams(s: str) -> set[str]:
    """Pairs of adjacent characters, none of them a space."""
    pairs = set(map(str.__add__, s, s[1:]))
    return {p for p in pairs if " " not in p} if " " in s else pairs


def word_keys(word: str) -> list[str]:
    """Index keys looked up for one normalised query word (a subset for long words)."""
    if len(word) == 1:
        return [word]
    grams = [word[i : i + 2] for i in range(len(word) - 1)]
    if len(grams) > MAX_KEYS_PER_WORD:
        step = (len(grams) - 1) / (MAX_KEYS_PER_WORD - 1)
        grams = [grams[int(i * step + 0.5)] for i in range(MAX_KEYS_PER_WORD)]
    return list(dict.fromkeys(grams))


def shard_key(key: str) -> str:
    """The part of a key that is hashed: title bigrams share the shard of the bigram."""
    if key.startswith(EQUAL_PREFIX):
        return key
    return key.lstrip(" ")


def strip_numbering(title: str) -> str:
    return NUMBERING.sub("", title, count=1)


def equal_key(normalized_title: str) -> str:
    """Key of the list of docs whose title equals a string: a 64-bit digest, not the title itself."""
    return EQUAL_PREFIX + f"{fnv1a(normalized_title):08x}{fnv1a(normalized_title, EQUAL_SEED):08x}"


def title_forms(doc: SearchDoc) -> set[str]:
    """Normalised forms a query must equal to rank first: the title without its number; a plan's short title."""
    forms = {normalize(strip_numbering(doc.title))}
    if doc.kind == "plan" and doc.plan:
        forms.add(normalize(doc.plan))
    if doc.kind == "topic" and "：" in doc.title:  # 专题对照：党员教育培训 → the topic's name
        forms.add(normalize(doc.title.split("：", 1)[1]))
    return {f for f in forms if f}


@dataclass
class LogicalIndex:
    docs: list[SearchDoc]  # in doc-number order
    postings: dict[str, list[int]]
    levels: list[tuple[str, str]]
    topics: list[tuple[str, str]]
    years: list[int]
    profiles: list[tuple[int, int, tuple[int, ...]]]  # (kind rank, level index, year indexes)
    runs: list[tuple[int, int]]  # (first doc, profile index)
    topic_docs: dict[int, list[int]] = field(default_factory=dict)
    words: tuple[str, ...] = ()


def _labels(known: Sequence[tuple[str, str]], used: set[str]) -> list[tuple[str, str]]:
    keys = {k for k, _ in known}
    return list(known) + [(k, k) for k in sorted(used - keys)]


def doc_keys(doc: SearchDoc) -> tuple[str, ...]:
    """The posting keys of one doc: its characters and bigrams, its title's bigrams, the forms its title equals."""
    title, text = normalize(doc.title), normalize(doc.text)
    title_grams = bigrams(title)
    keys = title_grams | bigrams(text) | set(title + text) - {" "}
    keys.update(TITLE_PREFIX + key for key in title_grams)
    keys.update(equal_key(form) for form in title_forms(doc))
    return tuple(keys)


def build_index(docs: Sequence[SearchDoc], meta: SearchMeta,
                keys_of: Callable[[SearchDoc], Sequence[str]] = doc_keys) -> LogicalIndex:
    """``keys_of`` gives a doc's posting keys (``doc_keys``, or what an earlier build computed for the same doc)."""
    ordered = [d for _, _, d in sorted((kind_rank(d.kind), i, d) for i, d in enumerate(docs))]
    levels = _labels(meta.levels, {d.level for d in ordered if d.level})
    topics = _labels(meta.topics, {t for d in ordered for t in d.topics})
    years = sorted({y for d in ordered for y in d.years})
    level_ix = {k: i for i, (k, _) in enumerate(levels)}
    topic_ix = {k: i for i, (k, _) in enumerate(topics)}
    year_ix = {y: i for i, y in enumerate(years)}

    postings: dict[str, list[int]] = defaultdict(list)
    profiles: dict[tuple, int] = {}
    runs: list[tuple[int, int]] = []
    topic_docs: dict[int, list[int]] = defaultdict(list)
    for n, doc in enumerate(ordered):
        for key in keys_of(doc):
            postings[key].append(n)
        profile = (kind_rank(doc.kind), level_ix.get(doc.level, -1), tuple(sorted({year_ix[y] for y in doc.years})))
        pid = profiles.setdefault(profile, len(profiles))
        if not runs or runs[-1][1] != pid:
            runs.append((n, pid))
        for t in sorted({topic_ix[t] for t in doc.topics}):
            topic_docs[t].append(n)
    return LogicalIndex(
        docs=ordered,
        postings=dict(postings),
        levels=levels,
        topics=topics,
        years=years,
        profiles=list(profiles),
        runs=runs,
        topic_docs=dict(topic_docs),
        words=tuple(sorted(set(meta.words))),
    )
