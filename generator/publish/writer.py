"""The one writer of generated output: pages, data files, search shards and the generated MkDocs config.

* a file is written only when its bytes change (so MkDocs' and editors' watchers see real changes only),
  through a temporary file and a rename (a reader never sees half a file);
* two outputs that claim one path are a bug and raise, never overwrite each other silently;
* ``remove_stale`` deletes every file under the root that this run did not write, and empty folders.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping


class PathClaimedTwice(ValueError):
    pass


class Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: set[str] = set()
        self.changed = 0
        self.removed = 0
        self._outside: set[Path] = set()

    def write(self, rel_path: str, content: str | bytes) -> None:
        """Write ``content`` to ``root/rel_path`` unless it is already there."""
        if rel_path in self.written:
            raise PathClaimedTwice(f"two outputs claim {rel_path}")
        self.written.add(rel_path)
        self._write(self.root / rel_path, content)

    def write_all(self, files: Mapping[str, str | bytes], under: str = "") -> None:
        for rel_path, content in files.items():
            self.write(f"{under}/{rel_path}" if under else rel_path, content)

    def write_outside(self, path: Path, content: str | bytes) -> Path:
        """A file beside the root (the generated mkdocs.yml): written if changed, never stale."""
        path = path.resolve()
        if path in self._outside:
            raise PathClaimedTwice(f"two outputs claim {path}")
        self._outside.add(path)
        self._write(path, content)
        return path

    def _write(self, path: Path, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        if path.is_file() and path.read_bytes() == data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, data)
        self.changed += 1

    def missing(self) -> list[str]:
        """Files this run wrote that are no longer there (something deleted them meanwhile)."""
        return sorted(rel for rel in self.written if not (self.root / rel).is_file())

    def remove_stale(self) -> int:
        """Delete what this run did not write under the root; return how many files went."""
        self.removed += remove_except(self.root, self.written)
        return self.removed


def replace_file(path: Path, data: bytes) -> None:
    """``path`` now holds ``data``, as a new file put in place in one rename: a reader never sees half of it,
    and a hard link to the old file (the live site shares files with the working copy) keeps the old bytes."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def remove_except(root: Path, keep: set[str]) -> int:
    """Delete every file under ``root`` whose relative path is not in ``keep``, and empty folders."""
    removed = 0
    for folder, dirs, files in os.walk(root, topdown=False):
        rel = os.path.relpath(folder, root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in files:
            if prefix + name not in keep:
                os.unlink(os.path.join(folder, name))
                removed += 1
        if prefix and not os.listdir(folder):
            os.rmdir(folder)
    return removed
