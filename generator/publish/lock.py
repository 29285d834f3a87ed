"""One build at a time per build folder: an exclusive ``flock`` on ``<build folder>/.portal-build.lock``.

A second ``build`` (or the regeneration of ``serve``) waits for the first to finish, saying so;
the lock goes with the process, so a killed build never leaves it held.
"""

from __future__ import annotations

import fcntl
import sys
from contextlib import contextmanager
from typing import Iterator

from generator.config import PortalConfig

LOCK_NAME = ".portal-build.lock"


@contextmanager
def build_lock(config: PortalConfig) -> Iterator[None]:
    folder = config.docs_dir.resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_NAME, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"另一个生成任务正在使用 {folder}，等它完成后继续……", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
