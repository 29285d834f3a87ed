"""Writing the generated docs directory: only files that changed, stale files removed."""

from __future__ import annotations

import os
from pathlib import Path


class DocsWriter:
    def __init__(self, root: Path):
        self.root = root
        self.written: set[str] = set()
        self.changed = 0

    def write(self, rel_path: str, content: str | bytes) -> None:
        if rel_path in self.written:
            raise ValueError(f"two outputs claim {rel_path}")
        self.written.add(rel_path)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = self.root / rel_path
        if path.is_file() and path.read_bytes() == data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        self.changed += 1

    def keep_tree(self, rel_dir: str) -> None:
        """Files some other writer put under ``rel_dir`` (e.g. the search index) are not stale."""
        base = self.root / rel_dir
        for path in base.rglob("*"):
            if path.is_file():
                self.written.add(path.relative_to(self.root).as_posix())

    def remove_stale(self) -> int:
        removed = 0
        for path in sorted(self.root.rglob("*"), reverse=True):
            rel = path.relative_to(self.root).as_posix()
            if path.is_file() and rel not in self.written:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        return removed
