"""Golden output: a small fixture corpus built with `build --no-mkdocs`, compared file by file with tests/golden/.

Pelican's functional tests compare a whole output folder with a committed one; so do we, for the
generated Markdown, data files, search shards and the generated MkDocs config (its nav). After a
deliberate change, `make golden` writes the expected tree again; review it with `git diff tests/golden`.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run_generator
from tests.site_build import EPOCH, FIXTURES

SCENARIOS = ["basic"]
EXPECTED = ROOT / "tests" / "golden"
MAX_DIFF_LINES = 60
CONFIG_NAME = "mkdocs.yml"


def generate(scenario: str, out: Path) -> dict[str, bytes]:
    """Every generated file (relative path → bytes); the config's machine-specific paths replaced."""
    fixture = FIXTURES / scenario
    docs = out / "build" / "docs"
    result = run_generator("build", "--no-mkdocs", "--content", str(fixture / "content"),
                           "--site-config", str(fixture / "site_config"), "--docs-dir", str(docs), env=EPOCH)
    assert result.returncode == 0, result.stderr + result.stdout
    files = {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}
    files[CONFIG_NAME] = portable_config((docs.parent / CONFIG_NAME).read_text(encoding="utf-8"))
    return files


def portable_config(text: str) -> bytes:
    """The generated mkdocs.yml with the paths that depend on where it was built replaced."""
    config = yaml.safe_load(text)
    config["INHERIT"] = "<repository>/mkdocs.yml"
    config["docs_dir"] = "<docs>"
    config["theme"]["custom_dir"] = "<repository>/templates/theme"
    config["hooks"] = ["<repository>/generator/publish/mkdocs_hooks.py" for _ in config.get("hooks", [])]
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000).encode("utf-8")


def expected_tree(scenario: str) -> dict[str, bytes]:
    folder = EXPECTED / scenario
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_tree(scenario: str, files: dict[str, bytes]) -> None:
    folder = EXPECTED / scenario
    shutil.rmtree(folder, ignore_errors=True)
    for rel, data in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def text_diff(rel: str, expected: bytes, actual: bytes) -> list[str]:
    try:
        old, new = expected.decode("utf-8"), actual.decode("utf-8")
        if "\0" in old + new:
            raise UnicodeDecodeError("utf-8", b"", 0, 1, "NUL")
    except UnicodeDecodeError:
        return [f"--- {rel}: binary file differs ({len(expected)} → {len(actual)} bytes)"]
    return list(difflib.unified_diff(old.splitlines(), new.splitlines(), f"expected/{rel}", f"generated/{rel}", lineterm="", n=2))


def describe(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    missing = sorted(expected.keys() - actual.keys())
    extra = sorted(actual.keys() - expected.keys())
    changed = sorted(k for k in expected.keys() & actual.keys() if expected[k] != actual[k])
    lines = [f"{len(changed)} changed, {len(missing)} missing, {len(extra)} new file(s). "
             "If the change is deliberate, run `make golden` and review `git diff tests/golden`."]
    lines += [f"missing: {rel}" for rel in missing] + [f"new: {rel}" for rel in extra]
    diff: list[str] = []
    for rel in changed:
        diff += text_diff(rel, expected[rel], actual[rel])
    if len(diff) > MAX_DIFF_LINES:
        diff = diff[:MAX_DIFF_LINES] + [f"… {len(diff) - MAX_DIFF_LINES} more diff lines"]
    return "\n".join(lines + diff)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_generated_tree_matches_the_golden_tree(scenario: str, tmp_path: Path, request) -> None:
    actual = generate(scenario, tmp_path)
    if request.config.getoption("--update-golden"):
        write_tree(scenario, actual)
        pytest.skip(f"tests/golden/{scenario} written again ({len(actual)} files)")
    expected = expected_tree(scenario)
    assert expected, f"tests/golden/{scenario} is empty: run `make golden` once"
    assert actual == expected, describe(expected, actual)


def test_a_changed_page_is_reported_as_a_readable_diff() -> None:
    expected = {"plans/p/index.md": "# 标题\n\n第一段\n".encode(), "data/x.xlsx": b"\x00\x01"}
    actual = {"plans/p/index.md": "# 标题\n\n第一段（改）\n".encode(), "data/x.xlsx": b"\x00\x02", "new.md": b""}
    report = describe(expected, actual)
    assert report.startswith("2 changed, 0 missing, 1 new file(s).")
    assert "new: new.md" in report
    assert "-第一段\n+第一段（改）" in report
    assert "data/x.xlsx: binary file differs" in report


def test_the_search_words_come_from_the_dictionary_of_the_chosen_site_config(tmp_path: Path) -> None:
    """服务圈 is only in the fixture's dictionary: the portal search's word list (words.js) has it only if the build used it."""
    from generator.search.query import parse_script

    fixture = FIXTURES / "basic"
    docs = tmp_path / "build" / "docs"
    result = run_generator("build", "--no-mkdocs", "--content", str(fixture / "content"), "--site-config",
                           str(fixture / "site_config"), "--docs-dir", str(docs), env=EPOCH)
    assert result.returncode == 0, result.stderr
    _, data = parse_script((docs / "searchdata" / "words.js").read_text(encoding="utf-8"))
    assert "服务圈" in data["words"] and "党群服务中心" in data["words"]
    assert "服务圈" not in (ROOT / "site_config" / "dictionary.txt").read_text(encoding="utf-8")
