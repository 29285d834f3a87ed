"""Every page's source path and URL: the one place that decides them (a contract other tools rely on).

A page is identified by its source path in the docs directory (``plans/x/index.md``);
its URL is the directory (``plans/x/``). Links between pages are written as relative
``.md`` paths so that MkDocs checks them and rewrites them for any deployment
(sub-path, ``file://`` copy).
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


def plan(plan_id: str) -> str:
    return f"plans/{plan_id}/index.md"


def measure(plan_id: str, key: str) -> str:
    return f"plans/{plan_id}/{key}/index.md"


def measure_id_path(measure_id: str) -> str:
    plan_id, key = measure_id.split("/", 1)
    return measure(plan_id, key)


def year(value: int) -> str:
    return f"years/{value}/index.md"


def level(key: str) -> str:
    return f"levels/{key}/index.md"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}/index.md"


def reference(reference_id: str) -> str:
    """The page of a document the portal does not hold (site_config/references.yaml)."""
    return f"references/{reference_id}/index.md"


def pair(upper: str, lower: str) -> str:
    return f"compare/{upper}--{lower}/index.md"


HOME = "index.md"
PLANS = "plans/index.md"
YEARS = "years/index.md"
LEVELS = "levels/index.md"
TOPICS = "topics/index.md"
COMPARE = "compare/index.md"
MATRIX = "compare/matrix/index.md"
YEAR_THEMES = "compare/year-themes/index.md"
CITATIONS = "citations/index.md"
TARGETS = "targets/index.md"
DEADLINES = "deadlines/index.md"
SEARCH = "search/index.md"
SEARCH_DATA = "searchdata"  # folder of the search index files (search.js loads them from here)

CORPUS_JSON = "data/corpus.json"


def plan_csv(plan_id: str) -> str:
    return f"data/plans/{plan_id}.csv"


def table_file(page_path: str, ext: str) -> str:
    """Download of a table page: ``topics/x/index.md`` → ``data/topics/x.csv``."""
    stem = posixpath.dirname(page_path) or "home"
    return f"data/{stem}.{ext}"


def url_of(path: str) -> str:
    """The directory URL of a page source path (``plans/x/index.md`` → ``plans/x/``)."""
    if path.endswith("index.md"):
        return path[: -len("index.md")]
    return path


def rel(from_path: str, to_path: str, anchor: str = "") -> str:
    """A relative link from one source file to another (or to a data file)."""
    return _rel(from_path, to_path) + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=1 << 16)
def _rel(from_path: str, to_path: str) -> str:
    """``posixpath.relpath(to_path, dirname(from_path))`` for the plain relative paths of the docs tree.

    Counted by parts (posixpath.relpath makes both absolute first, which dominated page rendering);
    anything unusual (``.``, ``..``, empty parts) goes to posixpath.relpath itself.
    """
    source, target = from_path.split("/")[:-1], to_path.split("/")
    if any(part in ("", ".", "..") for part in (*source, *target)):
        return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    shared = 0
    while shared < len(source) and shared < len(target) and source[shared] == target[shared]:
        shared += 1
    return "/".join([".."] * (len(source) - shared) + target[shared:]) or "."


def measure_anchor(key: str) -> str:
    return f"m-{key}"
