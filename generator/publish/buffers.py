"""Two rendered copies of the site, swapped: the live one and the one the next build renders into.

Hard-linking a 6,000-file site into a temporary folder and deleting the old one cost more than
rendering the pages an edit touched (about 1.5 s at 3,000 measures). So the working copy MkDocs
renders into and the live site trade places in one ``renameat2(RENAME_EXCHANGE)``: the site goes
live, and the site it replaced becomes the next working copy, one build behind. MkDocs' dirty
build brings it up to date (a page is rendered when its Markdown is newer than its HTML, which
covers the edits of the last two builds), and the manifest of that build deletes what it no
longer lists.

What a copy was rendered with (``build_stamp``) is kept beside the copies, by the folder's
device and inode (which travel with the folder through the exchange) and the time its marker was
written, so nothing of ours is left inside the published site but that marker. A copy without a
current stamp is emptied first, or made a hard-linked copy of the live site when that is current
(safe: MkDocs writes a changed file as a new file, ``mkdocs_build``).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from generator.publish.swap import exchange, link_copy, make_readable, swap_in
from generator.publish.targets import MARKER_TEXT, SITE_MARKER
from generator.publish.writer import replace_file


def _identity(folder: Path) -> str:
    """The folder (device, inode) and when its marker was written: an inode reused by a new folder, or a folder
    another build (of another docs directory) rendered into and published, is not taken for the one recorded."""
    stat, marker = folder.stat(), folder / SITE_MARKER
    return f"{stat.st_dev}:{stat.st_ino}:{marker.stat().st_mtime_ns if marker.is_file() else 0}"


class Stamps:
    """``build_stamp`` of each rendered copy (the working copy, the live site), in a file beside the working copy."""

    def __init__(self, work: Path) -> None:
        self.path = work.with_name(f"{work.name}.stamps.json")

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def of(self, folder: Path) -> str | None:
        return self._read().get(_identity(folder)) if folder.is_dir() else None

    def set(self, folder: Path, stamp: str | None, keep: tuple[Path, ...] = ()) -> None:
        """Record (or with ``None`` forget) the stamp of ``folder``; entries of folders not in ``keep`` go."""
        alive = {_identity(p) for p in (folder, *keep) if p.is_dir()}
        data = {k: v for k, v in self._read().items() if k in alive}
        if stamp is None:
            data.pop(_identity(folder), None)
        else:
            data[_identity(folder)] = stamp
        if not data:
            self.path.unlink(missing_ok=True)
            return
        replace_file(self.path, json.dumps(data, sort_keys=True).encode("utf-8"))


def prepare(work: Path, stamp: str, site_dir: Path) -> Stamps:
    """The working copy as the last build with the same stamp left it, else empty; marked unfinished."""
    stamps = Stamps(work)
    if stamps.of(work) != stamp:
        shutil.rmtree(work, ignore_errors=True)
        if stamps.of(site_dir) == stamp:  # the live site is current (a build just rendered it): start from it
            link_copy(site_dir, work)
            stamps.set(work, stamp, keep=(site_dir,))
    work.mkdir(parents=True, exist_ok=True)
    stamps.set(work, None, keep=(site_dir,))  # a build that dies half-way must not look finished
    return stamps


def go_live(work: Path, site_dir: Path, stamp: str, stamps: Stamps) -> None:
    """Put the rendered working copy in place of ``site_dir`` in one step (raises swap.OldSiteKept)."""
    replace_file(work / SITE_MARKER, MARKER_TEXT.encode("utf-8"))  # the old marker may be a hard link into the live site
    stamps.set(work, stamp, keep=(site_dir,))
    if site_dir.is_dir() and exchange(work, site_dir):
        return  # the old site is now the working copy, with the stamp it was rendered with (if any)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        link_copy(work, tmp)
        make_readable(tmp)
        swap_in(tmp, site_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    stamps.set(site_dir, stamp, keep=(work,))  # the copy holds what the working copy holds
