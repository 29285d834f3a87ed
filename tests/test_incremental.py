"""Builds after an edit render only what changed, and give the bytes of a build from nothing (issue 16).

Also: a site rendered by two MkDocs processes at once is the site one process renders.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import run_generator
from tests.site_build import EPOCH, FIXTURES, tree_digest

MINI = FIXTURES / "mini" / "content"


def build(content: Path, out: Path, **env: str) -> str:
    result = run_generator("build", "--content", str(content), "--docs-dir", str(out / "build" / "docs"),
                           "--site-dir", str(out / "site"), env={**EPOCH, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout


def rendered(output: str) -> tuple[int, int]:
    found = re.search(r"渲染 (\d+) 个页面（共 (\d+) 个）", output)
    assert found, output
    return int(found.group(1)), int(found.group(2))


def test_an_edited_measure_rebuilds_its_pages_only_and_matches_a_full_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    first = build(content, tmp_path / "kept")
    assert rendered(first)[0] == rendered(first)[1], "the first build renders every page"
    again = build(content, tmp_path / "kept")
    assert rendered(again)[0] == 0, "nothing changed: nothing is rendered again"

    plan = next(iter(sorted((content / "plans").glob("*.yaml"))))
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r'(\n\s+text: ")', r"\1（改动后的文字）", text, count=1), encoding="utf-8")
    edited = build(content, tmp_path / "kept")
    done, total = rendered(edited)
    assert 0 < done < total
    build(content, tmp_path / "fresh")
    assert tree_digest(tmp_path / "kept" / "site") == tree_digest(tmp_path / "fresh" / "site")
    page = next((tmp_path / "kept" / "site" / "plans").glob("*/index.html")).parent
    assert "（改动后的文字）" in "".join(p.read_text(encoding="utf-8") for p in page.rglob("*.html"))


def test_the_copy_a_build_renders_into_catches_up_with_the_builds_before(tmp_path: Path) -> None:
    """The live site and the working copy trade places: each build renders into a copy one build behind."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    build(content, tmp_path / "kept")
    plans = sorted((content / "plans").glob("*.yaml"))
    for step, (plan, words) in enumerate([(plans[0], "（第一处改动）"), (plans[-1], "（第二处改动）"), (None, "")]):
        if plan is not None:
            text = plan.read_text(encoding="utf-8")
            plan.write_text(re.sub(r'(\n\s+text: ")', rf"\1{words}", text, count=1), encoding="utf-8")
        output = build(content, tmp_path / "kept")
        assert rendered(output)[0] < rendered(output)[1], output
        build(content, tmp_path / f"fresh{step}")
        assert tree_digest(tmp_path / "kept" / "site") == tree_digest(tmp_path / f"fresh{step}" / "site"), step
    assert not list((tmp_path / "kept").glob(".site-build-*")), "nothing is left beside the site"


def test_a_removed_plan_leaves_nothing_behind(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    city = (content / "plans" / "city.yaml").read_text(encoding="utf-8")
    extra = content / "plans" / "extra.yaml"
    extra.write_text(city.replace('id: "city-plan"', 'id: "extra-plan"'), encoding="utf-8")
    output = build(content, tmp_path / "kept")
    assert (tmp_path / "kept" / "site" / "plans" / "extra-plan" / "index.html").is_file(), output
    extra.unlink()
    output = build(content, tmp_path / "kept")
    assert not (tmp_path / "kept" / "site" / "plans" / "extra-plan").exists()
    assert rendered(output)[0] == rendered(output)[1], "the navigation changed: every page is rendered"
    again = build(content, tmp_path / "kept")
    assert rendered(again)[0] == 0, "the next build starts from the site just rendered, not from nothing"
    build(content, tmp_path / "fresh")
    assert tree_digest(tmp_path / "kept" / "site") == tree_digest(tmp_path / "fresh" / "site")


def test_two_mkdocs_processes_render_the_site_one_renders(tmp_path: Path) -> None:
    build(MINI, tmp_path / "one", PORTAL_MKDOCS_PROCESSES="1")
    output = build(MINI, tmp_path / "two", PORTAL_MKDOCS_PROCESSES="2")
    assert rendered(output)[0] == rendered(output)[1]
    assert tree_digest(tmp_path / "one" / "site") == tree_digest(tmp_path / "two" / "site")


def edits(content: Path):
    """Edits a maintainer makes, one after another: a measure's text, a title, a plan's short title, a measure removed."""
    plans = sorted((content / "plans").glob("*.yaml"))

    def sub(path: Path, pattern: str, replacement: str) -> None:
        text = path.read_text(encoding="utf-8")
        changed = re.sub(pattern, replacement, text, count=1)
        assert changed != text, f"{path.name}: nothing matched {pattern}"
        path.write_text(changed, encoding="utf-8")

    yield lambda: sub(plans[0], r'(\n\s+text: ")', r"\1（改动后的文字）")
    yield lambda: sub(plans[-1], r'(\n\s+title: ")', r"\1修改后的")
    yield lambda: sub(plans[len(plans) // 2], r'(\nshort_title: ")', r"\1改名的")
    yield lambda: sub(plans[0], r'\n(\s+)- number: "[^"\n]*"\n\1  title: "[^"\n]*"\n\1  text: "[^"\n]*"(?=\n\1- number)', "")


def test_generated_markdown_after_edits_is_what_a_build_from_nothing_generates(tmp_path: Path) -> None:
    """The build's memory (generator.memo) hands back earlier pages only where nothing they show has changed."""
    from generator.pipeline import generate
    from generator.problems import ContentErrors
    from tests.conftest import CONTENT, portal_config
    from tests.site_build import tree_digest

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    kept = portal_config(content=content, docs_dir=tmp_path / "kept" / "docs")
    generate(kept)
    assert kept.memo_file.is_file()
    for number, edit in enumerate(edits(content)):
        edit()
        try:
            generate(kept)
        except ContentErrors as exc:
            raise AssertionError(f"edit {number}: {exc.problems}") from None
        fresh = portal_config(content=content, docs_dir=tmp_path / f"fresh{number}" / "docs")
        generate(fresh)
        expected, actual = tree_digest(fresh.docs_dir), tree_digest(kept.docs_dir)
        assert actual == expected, (number, sorted(k for k in expected.keys() | actual.keys() if expected.get(k) != actual.get(k))[:5])
