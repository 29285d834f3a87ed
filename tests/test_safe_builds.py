"""Nothing broken goes live, nothing is lost: atomic builds, byte-identical rebuilds, text shown literally everywhere."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import pytest

from generator.publish.exports import to_csv, to_xlsx
from generator.render.tables import Table
from tests.conftest import CONTENT, ROOT, SITE_CONFIG, run_generator
from tests.site_build import EPOCH, FIXTURES, build, tree_digest

HOSTILE = FIXTURES / "hostile" / "content"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("hostile"), HOSTILE)


def test_failed_build_leaves_the_live_site_byte_identical(tmp_path: Path, portal: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(portal, site)
    before = tree_digest(site)
    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    plan = broken / "plans" / "shenzhen-2018-2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("tier: ", "levle: ", 1), encoding="utf-8")
    result = run_generator("build", "--content", str(broken), "--site-dir", str(site), "--docs-dir", str(tmp_path / "docs"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"shenzhen-2018-2020\.yaml:\d+:1: 未知字段“levle”", result.stderr), result.stderr
    assert "原有网站保持不变" in result.stderr
    assert tree_digest(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-build")]


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path, portal: Path) -> None:
    again = build(tmp_path)
    first, second = tree_digest(portal), tree_digest(again)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, differing[:10]


def test_unchanged_rebuild_rewrites_no_generated_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    args = ("build", "--no-mkdocs", "--docs-dir", str(docs))
    assert run_generator(*args).returncode == 0
    stale = docs / "plans" / "no-longer-there" / "index.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    again = run_generator(*args)
    assert "改动 0 个文件，删除 1 个过时文件" in again.stdout, again.stdout
    assert not stale.exists()


HOSTILE_TEXTS = [
    "<script>alert(1)</script>恶意标题 *星号* _下划线_",
    "<img src=x onerror=alert(2)>",
    "{{ 7*7 }}号",
    "`反引号`",
    "**粗体** 与 ~~删除~~",
    "=cmd|' /C calc'!A0 整顿软弱涣散党组织",
    "-减号开头 {#id} 软弱涣散",
    "反斜杠 \\ 和 &amp; 实体 &lt;",
]


def visible_text(html: str) -> str:
    import html as html_module

    html = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", " ", html, flags=re.S)
    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_hostile_text_is_shown_literally_never_as_markup(hostile_site: Path) -> None:
    plan = (hostile_site / "plans" / "hostile" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", visible_text(plan))
    for value in HOSTILE_TEXTS:
        assert re.sub(r"\s+", " ", value) in text, value
    assert "很长的一行" * 400 in text
    for page in hostile_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html and "<iframe" not in html, page
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.I), page
        assert "<b>主题</b>" not in html and "<em>星号</em>" not in html and "<strong>粗体</strong>" not in html, page
        assert "<style>body{display:none}" not in html, page
        assert ">49号<" not in html, page


def test_hostile_text_in_table_cells_keeps_the_table_intact(hostile_site: Path) -> None:
    topic_pages = [p for p in (hostile_site / "topics").rglob("index.html") if "=cmd|" in visible_text(p.read_text(encoding="utf-8"))]
    assert topic_pages, "the measure on 软弱涣散 must be listed on a topic page"
    html = topic_pages[0].read_text(encoding="utf-8")
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", html, re.S) if "calc" in r)
    assert "=cmd|' /C calc'!A0" in visible_text(row)
    assert len(re.findall(r"<td", row)) == 3  # the | inside the title did not split the cell (举措 | 原文 | 数字与时间)


def test_spreadsheet_downloads_neutralise_formulas(hostile_site: Path) -> None:
    data = (hostile_site / "data" / "plans" / "hostile.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    titles = [r[1] for r in rows[1:]]
    assert "'=cmd|' /C calc'!A0 整顿软弱涣散党组织" in titles
    assert "'+加号开头的党群服务中心" in titles and "'-减号开头 {#id} 软弱涣散" in titles
    table = Table("t", ["a"], [["=1+1"], ["@SUM(A1)"], ["普通"]])
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table))).active
    assert [c.value for c in sheet["A"]] == ["a", "=1+1", "@SUM(A1)", "普通"]
    assert all(c.data_type == "s" for c in sheet["A"])
    assert to_csv(table).decode("utf-8-sig").splitlines()[1] == "'=1+1"


# --------------------------------------------------------------------------- outputs and concurrency


def folder_state(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir")
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A folder holding a copy of the plans and the site config, a hand-written mkdocs.yml and someone's files."""
    shutil.copytree(CONTENT, tmp_path / "content")
    shutil.copytree(SITE_CONFIG, tmp_path / "site_config")
    (tmp_path / "mkdocs.yml").write_text("site_name: 手写的配置\n", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "会议记录.txt").write_text("不属于门户的文件", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("where", [
    ("--site-dir", "."),  # holds content/ and site_config/
    ("--site-dir", "content"),
    ("--site-dir", "content/plans/site"),
    ("--site-dir", "notes"),  # an existing folder the portal did not make
    ("--docs-dir", "content"),
    ("--docs-dir", "docs"),  # would overwrite the hand-written mkdocs.yml beside it
    ("--site-dir", "build"),  # contains the docs folder build/docs
])
def test_dangerous_output_folders_are_refused_and_nothing_changes(workspace: Path, where: tuple[str, str]) -> None:
    option, value = where
    before = folder_state(workspace)
    args = {"--site-dir": str(workspace / "site"), "--docs-dir": str(workspace / "build" / "docs")}
    args[option] = str((workspace / value).resolve())
    result = run_generator("build", "--content", str(workspace / "content"), "--site-config", str(workspace / "site_config"),
                           *[x for pair in args.items() for x in pair])
    assert result.returncode == 1, result.stdout
    assert f"拒绝生成：{option}" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert folder_state(workspace) == before


def test_published_site_is_readable_by_another_user(portal: Path, tmp_path_factory) -> None:
    mask = os.umask(0)
    os.umask(mask)
    modes = {p.relative_to(portal).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in [portal, *portal.rglob("*")]}
    wrong = {k: oct(m) for k, m in modes.items() if m & 0o444 & ~mask != 0o444 & ~mask or ((portal / k).is_dir() and m & 0o111 & ~mask != 0o111 & ~mask)}
    assert not wrong, list(wrong.items())[:5]
    if os.geteuid() != 0:
        return
    shared = Path(tempfile.mkdtemp())
    shared.chmod(0o755)
    try:
        shutil.copytree(portal, shared / "site")  # copytree keeps the modes, as `cp -r` does
        read = subprocess.run(["cat", str(shared / "site" / "plans" / "shenzhen-2018-2020" / "index.html")],
                              user=65534, capture_output=True, text=True)
        assert read.returncode == 0 and "深办发〔2018〕33号" in read.stdout, read.stderr
    finally:
        shutil.rmtree(shared)


def test_two_builds_at_once_give_the_site_of_one_clean_build(tmp_path: Path, portal: Path) -> None:
    (tmp_path / ".site-build-killed").mkdir()  # left by a killed build
    (tmp_path / ".site-build-killed" / "index.html").write_text("old", encoding="utf-8")
    args = ["build", "--site-dir", str(tmp_path / "site"), "--docs-dir", str(tmp_path / "build" / "docs")]
    env = dict(os.environ, **EPOCH)
    runs = [subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert any("另一个生成任务正在使用" in err for _, err in outputs)
    assert tree_digest(tmp_path / "site") == tree_digest(portal)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "site"]


def test_a_site_that_lost_pages_is_not_published(tmp_path: Path, monkeypatch) -> None:
    from generator.config import PortalConfig
    from generator.publish import mkdocs_run

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("旧网站", encoding="utf-8")

    def partial_build(config, out, *shards):  # as if build/docs had been deleted half-way
        (out / "index.html").write_text("新", encoding="utf-8")
        return subprocess.CompletedProcess([], 0, "", "")

    monkeypatch.setattr(mkdocs_run, "run_mkdocs", partial_build)
    with pytest.raises(mkdocs_run.PublishError, match="缺少 1 个页面"):
        mkdocs_run.publish(PortalConfig(site_dir=site, docs_dir=tmp_path / "build" / "docs"), ["index.md", "plans/p/index.md"])
    assert (site / "index.html").read_text(encoding="utf-8") == "旧网站"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "site"]
    assert not list((tmp_path / "build").iterdir()), "the working copy of a failed build is thrown away"


def test_an_old_site_that_cannot_be_removed_is_reported_as_such(tmp_path: Path, monkeypatch) -> None:
    from generator.publish import swap

    new, live = tmp_path / "new", tmp_path / "site"
    new.mkdir()
    live.mkdir()
    (new / "index.html").write_text("新", encoding="utf-8")

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(swap.shutil, "rmtree", refuse)
    with pytest.raises(swap.OldSiteKept):
        swap.swap_in(new, live)
    assert (live / "index.html").read_text(encoding="utf-8") == "新"


def test_a_failing_mkdocs_is_summarised_and_its_log_kept(tmp_path: Path) -> None:
    from generator.config import PortalConfig
    from generator.publish.mkdocs_run import failure_summary

    config = PortalConfig(docs_dir=tmp_path / "build" / "docs")
    config.docs_dir.mkdir(parents=True)
    trace = "Traceback (most recent call last):\n  File \"x.py\", line 1\nERROR    -  Config value 'theme': Unrecognised theme name: 'nope'.\nAborted with 1 errors!"
    summary = failure_summary(config, subprocess.CompletedProcess([], 1, "", trace))
    assert "Traceback" not in summary and "Unrecognised theme name" in summary
    assert summary.startswith("MkDocs 未能生成网站（退出码 1）")
    log = tmp_path / "build" / "mkdocs-build.log"
    assert f"完整日志：{log}" in summary and "Traceback" in log.read_text(encoding="utf-8")
