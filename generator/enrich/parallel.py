"""Two independent computations at once on a machine with two cores: one here, one in a forked process.

The related measures and the plan pairs read the same items and passage counts and write nothing
the other reads, so ``both`` computes the second in a child process forked from this one (it
inherits the corpus without copying it) while this process computes the first. The child's result
comes back pickled; the values are those the same calls give in one process (a test compares them).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, TypeVar

A = TypeVar("A")
B = TypeVar("B")
MIN_ITEMS = 1000  # below this many measures starting a process costs more than it saves

_second: Callable | None = None  # what the forked child runs (inherited, never pickled)


def _run_second():
    return _second()


def worth_it(items: int, wanted: bool | None) -> bool:
    """``wanted`` (the setting) decides; unset, two cores and a large corpus do."""
    if wanted is not None:
        return wanted and hasattr(os, "fork")
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2 and items >= MIN_ITEMS


def both(first: Callable[[], A], second: Callable[[], B], parallel: bool) -> tuple[A, B]:
    """``(first(), second())``; with ``parallel``, ``second`` runs in a forked process meanwhile."""
    global _second
    if not parallel:
        return first(), second()
    _second = second
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            future = pool.submit(_run_second)
            return first(), future.result()
    finally:
        _second = None
