"""Relative links between pages are exactly what posixpath.relpath gives (the fast path counts parts)."""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.urls import rel

PATH = st.lists(st.sampled_from(["plans", "p-1", "2", "index.md", "data", "x.csv", "中文", ".", ".."]),
                min_size=1, max_size=5).map("/".join)


@settings(max_examples=3000, deadline=None)
@given(PATH, PATH)
def test_rel_is_posix_relpath_from_the_folder_of_the_page(source: str, target: str) -> None:
    assert rel(source, target) == posixpath.relpath(target, posixpath.dirname(source) or ".")


def test_rel_keeps_the_anchor() -> None:
    assert rel("plans/a/1/index.md", "plans/a/index.md", "m-1") == "../index.md#m-1"
