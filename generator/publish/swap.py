"""Publishing a finished site: an atomic swap for the live one, and a hard-linked copy of the working copy."""

from __future__ import annotations

import ctypes
import os
import shutil
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


class OldSiteKept(Exception):
    """The new site is live, but the old one could not be deleted."""


def swap_in(new_dir: Path, site_dir: Path) -> None:
    """Replace site_dir by new_dir in one step; the old site is removed afterwards (OldSiteKept if it cannot be)."""
    if not site_dir.exists():
        os.rename(new_dir, site_dir)
        return
    if exchange(new_dir, site_dir):
        _remove_old(new_dir)  # new_dir now holds the old site
        return
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(site_dir, old)
    os.rename(new_dir, site_dir)
    _remove_old(old)


def _remove_old(old: Path) -> None:
    try:
        shutil.rmtree(old)
    except OSError as exc:
        raise OldSiteKept(f"{old}（{exc.strerror or exc}）") from None


def remove_leftovers(site_dir: Path) -> None:
    """Temporary folders of builds that were killed before they could clean up."""
    for leftover in site_dir.parent.glob(f".{site_dir.name}-build-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(site_dir.with_name(site_dir.name + ".old"), ignore_errors=True)


def link_copy(source: Path, target: Path, skip: frozenset[str] = frozenset()) -> None:
    """``target`` gets every file of ``source`` as a hard link (a copy where links are impossible).

    Safe because nothing rewrites a file of the working copy in place (``mkdocs_build``): a
    changed file is a new file, so the published site keeps the old one.
    """
    for folder, dirs, files in os.walk(source):
        rel = os.path.relpath(folder, source)
        out = target / rel if rel != "." else target
        out.mkdir(parents=True, exist_ok=True)
        for name in files:
            if rel == "." and name in skip:
                continue
            try:
                os.link(os.path.join(folder, name), out / name)
            except OSError:
                shutil.copy2(os.path.join(folder, name), out / name)


def make_readable(folder: Path) -> None:
    """mkdtemp makes a folder private; a web server runs as another user."""
    os.chmod(folder, 0o777 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
