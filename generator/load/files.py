"""Opening the files of content/ and site_config/ safely: regular files only, inside their folder, bounded reads.

* a FIFO, a device, a socket or a directory named like a plan is refused without being read (a FIFO
  would block ``check`` for ever, ``/dev/zero`` would never end) — code ``file.not_regular``;
* a symbolic link that leads outside its folder (``content/``) is refused before its target is read,
  so no message ever shows the target's text — code ``file.outside``;
* a file larger than the limit is refused from its size, and never more than the limit is read;
* editor and system files (``.x.yaml``, ``._x.yaml``, ``.#x.yaml``, ``x.yaml~``, ``#x.yaml#``) are not plans.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.messages import phrase
from generator.problems import ContentError, display_path, error

PLAN_SUFFIXES = (".yaml", ".yml")


def is_editor_file(name: str) -> bool:
    """Hidden files, macOS resource forks, Emacs lock and autosave files, backup copies."""
    return name.startswith((".", "#")) or name.endswith(("~", "#"))


def plan_files(folder: Path) -> list[Path]:
    """The plan files of a folder (``*.yaml``, ``*.yml``), without editor and system files, sorted."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(folder / name for name in names if name.endswith(PLAN_SUFFIXES) and not is_editor_file(name))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return phrase("kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return phrase("kind.device")
    if stat.S_ISSOCK(mode):
        return phrase("kind.socket")
    if stat.S_ISDIR(mode):
        return phrase("kind.directory")
    return phrase("kind.other")


_REASONS = {errno.ENOENT: "reason.missing", errno.EACCES: "reason.permission", errno.EPERM: "reason.permission",
            errno.ELOOP: "reason.loop", errno.EISDIR: "reason.directory"}


def reason(exc: OSError) -> str:
    """Why a file could not be read, in Chinese (the system's own words are English)."""
    key = _REASONS.get(exc.errno or 0)
    return phrase(key) if key else phrase("reason.other", code=errno.errorcode.get(exc.errno or 0, "?"))


def _outside(path: Path, root: Path) -> bool:
    try:
        target, folder = path.resolve(), root.resolve()
    except (OSError, RuntimeError):  # a symlink loop: reading it fails with its own reason
        return False
    return not target.is_relative_to(folder)


def refusal(path: Path, mode: int, size: int, max_bytes: int, codes: dict[str, str]) -> ContentError | None:
    """Why a file of this mode and size is not read, or None."""
    if not stat.S_ISREG(mode):
        return error(codes["not_regular"], path, 1, 1, kind=_kind(mode))
    if size > max_bytes:
        return error(codes["too_large"], path, 1, 1, size_kb=size // 1024, limit_kb=max_bytes // 1024)
    return None


FILE_CODES = {"not_regular": "file.not_regular", "too_large": "file.too_large", "unreadable": "file.unreadable"}


def read_limited(path: Path, max_bytes: int, codes: dict[str, str] = FILE_CODES) -> tuple[bytes | None, ContentError | None]:
    """The bytes of a regular file of at most ``max_bytes``, or the reason it is not read.

    The file is checked before it is opened, and opened without blocking (a FIFO swapped in
    between does not hang) and checked again, so nothing but a regular file is ever read.
    """
    try:
        info = os.stat(path)
        problem = refusal(path, info.st_mode, info.st_size, max_bytes, codes)
        if problem is not None:
            return None, problem
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as stream:
            info = os.fstat(stream.fileno())
            problem = refusal(path, info.st_mode, info.st_size, max_bytes, codes)
            raw = stream.read(max_bytes + 1) if problem is None else b""
    except OSError as exc:
        return None, error(codes["unreadable"], path, 1, 1, reason=reason(exc))
    if problem is None and len(raw) > max_bytes:  # grew after fstat
        problem = error(codes["too_large"], path, 1, 1, size_kb=len(raw) // 1024, limit_kb=max_bytes // 1024)
    return (None, problem) if problem else (raw, None)


def read_file(path: Path, max_bytes: int, root: Path | None = None) -> tuple[bytes | None, list[ContentError]]:
    """``read_limited``, and first: a file that leads outside ``root`` (by a symbolic link) is refused."""
    if root is not None and _outside(path, root):
        return None, [error("file.outside", path, 1, 1, folder=display_path(root))]
    raw, problem = read_limited(path, max_bytes)
    return raw, [problem] if problem else []
