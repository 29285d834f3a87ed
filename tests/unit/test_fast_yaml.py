"""Reading with libyaml gives exactly what the pure-Python loader gives: data, positions, problems.

Plans are read with ``FastTextLoader`` (libyaml) and, on any error, again with ``TextLoader`` for its
messages: so a file either parses the same way with both, or is refused by both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load import source
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(source.FastTextLoader is None, reason="PyYAML without libyaml")


def read(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """What a maintainer's file becomes: data, where each value and key was written, and the problems."""
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(source, "FastTextLoader", None)
        doc, problems = source.parse_yaml_text(Path("plans/x.yaml"), text)
    seen = (doc.data, doc.positions, doc.key_positions) if doc is not None else None
    return seen, [p.format() for p in problems]


def agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert read(text, True, monkeypatch) == read(text, False, monkeypatch)


REPO_YAML = sorted(p for folder in ("content", "site_config", "tests/fixtures") for p in (ROOT / folder).rglob("*.yaml"))


@pytest.mark.parametrize("path", REPO_YAML, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_yaml_file_of_the_repository_reads_the_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    agree(path.read_text(encoding="utf-8", errors="replace"), monkeypatch)


BROKEN = [
    'title: "未闭合\nid: x\n', "a: 1\na: 2\n", "a: &x 1\nb: *x\n", "- a\nb: c\n", "a: [1, 2\n", "a:\n\t- b\n",
    "a: 'it''s'\n", 'a: "\\x"\n', "a: b: c\n", "? a\n: b\n", "!!python/object:os.system x\n", "a: |\n  x\n y\n",
    "%YAML 1.1\n---\na: 1\n", "a: 1\n---\nb: 2\n", "[" * 70 + "]" * 70, "a: “中文引号”\n", 'a: "x"y\n',
]


@pytest.mark.parametrize("text", BROKEN)
def test_broken_and_unusual_texts_are_refused_or_read_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    agree(text, monkeypatch)


PIECES = st.sampled_from(["a", "标题", ":", ": ", "- ", "  ", "\n", '"', "'", "[", "]", "{", "}", ",", "#", "&x", "*x",
                          "|", ">", "? ", "!", "%", "---", "...", "\\", "１", "“", "”", "x: y", "\t"])


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(PIECES, max_size=30).map(lambda pieces: "".join(pieces) + "\n"))
def test_random_texts_are_refused_or_read_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    agree(text, monkeypatch)


PLAN_TEXT = (ROOT / "tests" / "fixtures" / "mini" / "content" / "plans" / "city.yaml").read_text(encoding="utf-8")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, len(PLAN_TEXT)), st.integers(0, 3), PIECES), min_size=1, max_size=3))
def test_a_plan_file_with_a_slip_reads_alike(edits: list, monkeypatch: pytest.MonkeyPatch) -> None:
    """A maintainer's typo (characters inserted or deleted anywhere): both readings agree, problems included."""
    text = PLAN_TEXT
    for at, cut, piece in edits:
        text = text[:at] + piece + text[at + cut:]
    agree(text, monkeypatch)
