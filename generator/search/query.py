"""Reference evaluation of a query over the written index files (mirrors search.js).

Used by the tests and the benchmark; the browser does the same steps, but
verifies candidates lazily, in ranking order, chunk by chunk.

1. words = query_words(query); keys per word = word_keys(word)
2. candidates = ∩ over words of ∩ over keys of postings(key)   (a superset)
3. filters: level / year / topic from meta.js and facets.js
4. verify: every word occurs in the normalised title or text (exact)
5. rank: title equals query, kind rank, words in title (desc), occurrences (desc),
   first positions (asc), doc number
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from generator.search.encode import decode_list, decode_varints, fnv1a, unb64
from generator.search.index import equal_key, shard_key, word_keys
from generator.text.searchfold import normalize, query_words

_CALL = re.compile(r'^__portalSearch\.[a-z]\((?:(\d+),)?(?:"(\w+)",)?(.*)\);\s*$', re.S)
TF_CAP = 9


def parse_script(text: str) -> tuple[Optional[int], object]:
    m = _CALL.match(text)
    if not m:
        raise ValueError("not an index script")
    return (int(m.group(1)) if m.group(1) else None), json.loads(m.group(3))


@dataclass(frozen=True)
class Hit:
    doc: int
    url: str
    title: str
    plan: str
    key: tuple


class StaticIndex:
    def __init__(self, out_dir: Path):
        self.dir = Path(out_dir)
        self.meta: dict = self._load("meta.js")  # type: ignore[assignment]
        self.loaded_files: set[str] = {"meta.js"}
        pairs = decode_varints(unb64(self.meta["runs"]))
        self.profile = [pid for length, pid in zip(pairs[::2], pairs[1::2]) for _ in range(length)]
        self.chunk_of: list[tuple[int, int]] = []  # doc → (chunk, position)
        segs = self.meta["chunks"] + [[self.meta["docs"], 1]]
        chunk = 0
        for (first, per), (end, _) in zip(segs, segs[1:]):
            for start in range(first, end, per):
                self.chunk_of.extend((chunk, i) for i in range(min(per, end - start)))
                chunk += 1

    def _load(self, rel: str) -> object:
        return parse_script((self.dir / rel).read_text(encoding="utf-8"))[1]

    @lru_cache(maxsize=None)
    def shard(self, n: int) -> dict:
        if n in self.meta["empty"]:
            return {}
        self.loaded_files.add(f"i/{n}.js")
        return self._load(f"i/{n}.js")  # type: ignore[return-value]

    @lru_cache(maxsize=None)
    def chunk(self, n: int) -> list:
        self.loaded_files.add(f"d/{n}.js")
        return self._load(f"d/{n}.js")  # type: ignore[return-value]

    @lru_cache(maxsize=None)
    def topic_docs(self, topic: int) -> frozenset[int]:
        facets = self._load("facets.js")
        value = facets["topics"].get(str(topic))  # type: ignore[index]
        return frozenset(decode_list(unb64(value)) if value else ())

    def postings(self, key: str) -> list[int]:
        value = self.shard(fnv1a(shard_key(key)) % self.meta["shards"]).get(key)
        return decode_list(unb64(value)) if value else []

    def record(self, doc: int) -> list[str]:
        chunk, pos = self.chunk_of[doc]
        return self.chunk(chunk)[pos]

    def candidates(self, words: list[str]) -> set[int]:
        result: Optional[set[int]] = None
        for word in words:
            for key in word_keys(word):
                docs = set(self.postings(key))
                result = docs if result is None else result & docs
        return result or set()

    def passes(self, doc: int, level: str = "", year: str = "", topic: str = "") -> bool:
        kind, lv, years = self.meta["profiles"][self.profile[doc]]
        if level and (lv < 0 or self.meta["levels"][lv][0] != level):
            return False
        if year and not any(str(self.meta["years"][y]) == year for y in years):
            return False
        if topic:
            ids = [i for i, (tid, _) in enumerate(self.meta["topics"]) if tid == topic]
            if not ids or doc not in self.topic_docs(ids[0]):
                return False
        return True

    def search(self, query: str, level: str = "", year: str = "", topic: str = "") -> list[Hit]:
        words = query_words(query)
        if not words:
            return []
        equal = set(self.postings(equal_key(normalize(query))))
        hits = []
        for doc in sorted(self.candidates(words)):
            if not self.passes(doc, level, year, topic):
                continue
            url, title, plan, text = self.record(doc)
            ntitle, ntext = normalize(title), normalize(text)
            if not all(w in ntitle or w in ntext for w in words):
                continue
            kind = self.meta["profiles"][self.profile[doc]][0]
            in_title = sum(w in ntitle for w in words)
            tf = sum(min(ntext.count(w), TF_CAP) for w in words)
            first = sum(ntext.find(w) if w in ntext else len(ntext) for w in words)
            key = (doc not in equal, kind, -in_title, -tf, first, doc)
            hits.append(Hit(doc, url, title, plan, key))
        return sorted(hits, key=lambda h: h.key)
