"""File layout of the static index and ``write_search_index``.

Every file is a script calling the global registration object, so the browser
can load it with a <script> element under file:// as well as over HTTP::

    meta.js        __portalSearch.m({...})                once per page view
    facets.js      __portalSearch.f(v, {topics: {...}})   topic lists (full search page)
    i/<n>.js       __portalSearch.i(n, v, {key: list})    posting shard n = fnv1a(key) mod shards
    d/<n>.js       __portalSearch.d(n, v, [[url, title, plan, text], ...])  doc chunk n
    words.js       __portalSearch.w(v, {words: [...], max: n})  the corpus's words (only for a phrase without hits)

v is the index version (a digest of the layout: shard count, chunks, doc numbers and facets; also
in meta.js): a stale cached meta.js is detected when a shard of another layout arrives. An edit of
a page's words alone keeps the layout, and with it every shard those words are not in.

Output is deterministic (sorted keys, no timestamps). ``index_files`` returns the
files; ``publish.writer`` writes them (only when their bytes change) and removes stale ones.
"""

from __future__ import annotations

import hashlib
import json
from typing import Callable, Sequence

from generator.search.encode import b64, encode_b64, fnv1a, varint
from generator.search.index import LogicalIndex, build_index, doc_keys, shard_key
from generator.search.model import SearchDoc, SearchMeta, kind_rank

FORMAT = 1
SHARD_TARGET_BYTES = 2048
CHUNK_TARGET_BYTES = 2048
MAX_SHARDS = 4096


def _json(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _shard_count(total_bytes: int) -> int:
    count = 16
    while count < MAX_SHARDS and total_bytes / count > SHARD_TARGET_BYTES:
        count *= 2
    return count


def _record(doc: SearchDoc) -> list[str]:
    return [doc.url, doc.title, doc.plan, doc.text]


def chunk_segments(index: LogicalIndex) -> list[list[int]]:
    """[[first doc, docs per chunk], ...]: one segment per kind rank, sized by the average record."""
    segments: list[list[int]] = []
    start = 0
    docs = index.docs
    while start < len(docs):
        rank = kind_rank(docs[start].kind)
        end = start
        while end < len(docs) and kind_rank(docs[end].kind) == rank:
            end += 1
        size = sum(len(_json(_record(d)).encode()) for d in docs[start:end]) / (end - start)
        segments.append([start, max(1, min(64, round(CHUNK_TARGET_BYTES / size)))])
        start = end
    return segments


def chunks(index: LogicalIndex, segments: list[list[int]]) -> list[list[int]]:
    """Doc numbers of each chunk, in chunk order."""
    out: list[list[int]] = []
    bounds = [s[0] for s in segments[1:]] + [len(index.docs)]
    for (first, per), end in zip(segments, bounds):
        out.extend(list(range(s, min(s + per, end))) for s in range(first, end, per))
    return out


def render_files(index: LogicalIndex) -> dict[str, str]:
    """Relative path → file text."""
    lists = {key: encode_b64(docs) for key, docs in index.postings.items()}
    total = sum(len(k.encode()) + len(v) + 6 for k, v in lists.items())
    shards = _shard_count(total)
    grouped: dict[int, dict[str, str]] = {}
    for key, value in lists.items():
        grouped.setdefault(fnv1a(shard_key(key)) % shards, {})[key] = value
    bodies: dict[str, tuple[str, str]] = {}  # path → (call with its number, JSON body)
    for n, body in grouped.items():
        bodies[f"i/{n}.js"] = (f"i({n},", _json(body))
    segments = chunk_segments(index) if index.docs else []
    for n, members in enumerate(chunks(index, segments)):
        bodies[f"d/{n}.js"] = (f"d({n},", _json([_record(index.docs[d]) for d in members]))
    topics = {str(t): encode_b64(docs) for t, docs in index.topic_docs.items()}
    bodies["facets.js"] = ("f(", _json({"topics": topics}))
    bodies["words.js"] = ("w(", _json({"words": list(index.words), "max": max((len(w) for w in index.words), default=0)}))
    meta = {
        "format": FORMAT,
        "docs": len(index.docs),
        "shards": shards,
        "empty": sorted(set(range(shards)) - set(grouped)),
        "chunks": segments,
        "levels": [list(x) for x in index.levels],
        "topics": [list(x) for x in index.topics],
        "years": index.years,
        "profiles": [[k, lv, list(ys)] for k, lv, ys in index.profiles],
        "runs": encode_runs(index.runs, len(index.docs)),
    }
    meta["version"] = version = layout_version(meta, index)
    files = {path: f'__portalSearch.{call}"{version}",{body});\n' for path, (call, body) in bodies.items()}
    files["meta.js"] = f"__portalSearch.m({_json(meta)});\n"
    return files


def layout_version(meta: dict, index: LogicalIndex) -> str:
    """The index version: a digest of where everything is (shards, chunks, which doc has which number, facets).

    It changes when a cached meta.js would send the browser to the wrong file or doc; an edit that only
    changes the words of a page keeps it, so the shards that page's words are not in stay byte for byte.
    """
    digest = hashlib.sha256(_json(meta).encode())
    for doc in index.docs:
        digest.update(f"{doc.url}\0".encode())
    return digest.hexdigest()[:12]


def encode_runs(runs: list[tuple[int, int]], total: int) -> str:
    """Profile runs as base64 of varint pairs (run length, profile index)."""
    out = bytearray()
    ends = [first for first, _ in runs[1:]] + [total]
    for (first, pid), end in zip(runs, ends):
        varint(end - first, out)
        varint(pid, out)
    return b64(bytes(out))


def index_files(docs: Sequence[SearchDoc], meta: SearchMeta, keys_of: Callable[[SearchDoc], Sequence[str]] = doc_keys
                ) -> dict[str, str]:
    """Every file of the index (relative path → text); the caller writes them. ``keys_of``: see ``build_index``."""
    return render_files(build_index(docs, meta, keys_of))


def index_stats(files: dict[str, str]) -> dict:
    """{docs, files, bytes, shards, chunks} of a set of index files (for benchmarks and the build log)."""
    meta = json.loads(files["meta.js"][len("__portalSearch.m("):-len(");\n")])
    return {
        "docs": meta["docs"],
        "files": len(files),
        "bytes": sum(len(text.encode("utf-8")) for text in files.values()),
        "shards": sum(1 for f in files if f.startswith("i/")),
        "chunks": sum(1 for f in files if f.startswith("d/")),
    }
