"""Nothing broken goes live, nothing is lost: atomic builds, byte-identical rebuilds, text shown literally everywhere."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from generator.publish.exports import to_csv, to_xlsx
from generator.render.tables import Table
from tests.conftest import CONTENT, run_generator
from tests.site_build import FIXTURES, build, tree_digest

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
    plan.write_text(plan.read_text(encoding="utf-8").replace("level: ", "levle: ", 1), encoding="utf-8")
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
    assert len(re.findall(r"<td", row)) == 6  # the | inside the title did not split the cell


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
