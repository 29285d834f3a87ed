"""The build's memory (generator.memo): a result comes back only for the very same inputs, code and settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from markupsafe import Markup

from generator.load.model import Measure
from generator.memo import Fingerprinter, Memo, Unfingerprintable, code_salt

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=12,
)


@dataclass
class Row:
    label: str
    cells: list


@settings(deadline=None)
@given(values, values)
def test_equal_values_give_equal_digests_and_different_ones_differ(a, b) -> None:
    assert (Fingerprinter().digest(a) == Fingerprinter().digest(b)) == (repr(a) == repr(b) and type(a) is type(b))


def test_kinds_of_value_are_told_apart() -> None:
    f = Fingerprinter()
    digests = {f.digest(v) for v in (1, 1.0, True, "1", Markup("1"), (1,), [1], {"1": 1}, None, "")}
    assert len(digests) == 10
    assert f.digest(("ab", "c")) != f.digest(("a", "bc"))


def test_objects_are_digested_by_content_not_identity() -> None:
    one = Measure(number="1", title="加强组织建设", text="每年开展1次。")
    same = Measure(number="1", title="加强组织建设", text="每年开展1次。")
    edited = Measure(number="1", title="加强组织建设", text="每年开展2次。")
    f = Fingerprinter()
    assert f.digest(Row("a", [one])) == f.digest(Row("a", [same]))
    assert f.digest(Row("a", [one])) != f.digest(Row("a", [edited]))


def test_a_value_it_does_not_know_is_refused_not_guessed() -> None:
    with pytest.raises(Unfingerprintable):
        Fingerprinter().digest({"x": object()})


def test_results_come_back_only_under_the_same_salt(tmp_path: Path) -> None:
    path = tmp_path / "memo.pickle"
    first = Memo(path, "salt-a")
    assert first.get("page", first.key("p", 1), lambda: "made") == "made"
    first.save()
    again = Memo(path, "salt-a")
    assert again.get("page", again.key("p", 1), lambda: "made again") == "made"
    assert (again.hits, again.misses) == (1, 0)
    other_code = Memo(path, "salt-b")
    assert other_code.get("page", other_code.key("p", 1), lambda: "made again") == "made again"


def test_only_what_a_build_used_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "memo.pickle"
    memo = Memo(path, "s")
    for n in range(3):
        memo.get("page", memo.key(n), lambda: n)
    memo.save()
    memo = Memo(path, "s")
    memo.get("page", memo.key(0), lambda: -1)
    memo.save()
    memo = Memo(path, "s")
    assert memo.get("page", memo.key(1), lambda: "gone") == "gone"


def test_an_unreadable_memory_is_an_empty_one(tmp_path: Path) -> None:
    path = tmp_path / "memo.pickle"
    path.write_bytes(b"not a pickle")
    memo = Memo(path, "s")
    assert memo.get("page", memo.key(1), lambda: "fresh") == "fresh"


def test_the_salt_changes_with_code_templates_site_config_and_settings(tmp_path: Path) -> None:
    repo, site_config = tmp_path / "repo", tmp_path / "site_config"
    for path in (repo / "generator" / "a.py", repo / "templates" / "pages" / "p.md.j2", site_config / "topics.yaml"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    base = code_salt(repo, site_config, {"related_threshold": 0.12, "quiet": False})
    assert code_salt(repo, site_config, {"related_threshold": 0.12, "quiet": True}) == base  # run-only setting
    assert code_salt(repo, site_config, {"related_threshold": 0.2, "quiet": False}) != base
    for path in (repo / "generator" / "a.py", repo / "templates" / "pages" / "p.md.j2", site_config / "topics.yaml"):
        path.write_text("y", encoding="utf-8")
        assert code_salt(repo, site_config, {"related_threshold": 0.12, "quiet": False}) != base
        base = code_salt(repo, site_config, {"related_threshold": 0.12, "quiet": False})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    | st.dictionaries(st.integers(), inner, max_size=2),
    max_leaves=20,
)


@settings(deadline=None)
@given(json_values)
def test_corpus_json_is_written_as_json_dumps_writes_it(value) -> None:
    """publish.exports.dumps_json (the fast indented writer of data/corpus.json) gives json.dumps' bytes."""
    import json

    from generator.publish.exports import dumps_json

    assert dumps_json(value) == (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def test_a_memory_that_cannot_be_written_does_not_fail_the_build(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    memo = Memo(blocker / "memo.pickle", "s")
    memo.get("page", memo.key(1), lambda: "made")
    memo.save()  # no exception
    assert not (tmp_path / "memo.pickle").exists()
