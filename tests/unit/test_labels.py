"""What readers see is what the document says: no invented numbers, no field names in editor's notes."""

from __future__ import annotations

from pathlib import Path

from generator.load.loader import load
from generator.pipeline import generate
from tests.conftest import GOOD_PLAN, portal_config

UNNUMBERED = GOOD_PLAN.replace('number: "1"', 'number: ""').replace('number: "2"', 'number: ""')


def test_a_measure_the_document_does_not_number_gets_no_number(content_dir: Path, tmp_path: Path) -> None:
    (content_dir / "plans" / "plan.yaml").write_text(UNNUMBERED, encoding="utf-8")
    generate(portal_config(content_dir, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site"))
    plan_dir = tmp_path / "docs" / "plans" / "good-plan"
    measure = (plan_dir / "n1" / "index.md").read_text(encoding="utf-8")
    assert "# 持续整顿软弱涣散党组织" in measure and "第 1 条" not in measure and "1. 持续" not in measure
    assert "（原文未编号）" in measure  # the citation line names it without a number
    page = (plan_dir / "index.md").read_text(encoding="utf-8")
    assert "单独查看这一项" in page and "第 1 条" not in page


def test_field_names_in_an_editors_note_are_warned_about(content_dir: Path) -> None:
    text = GOOD_PLAN + 'notes: "原文没有写发文机关，issuer 留空；region 不作推断。"\n'
    (content_dir / "plans" / "plan.yaml").write_text(text, encoding="utf-8")
    [warning] = load(portal_config(content_dir)).warnings
    assert warning.code == "plan.notes_field_name" and warning.line == 15
    assert "issuer" in warning.message and "发文机关" in warning.message and "地区" in warning.message


def test_an_unofficial_text_says_so_before_anything_else(content_dir: Path, tmp_path: Path) -> None:
    text = GOOD_PLAN + 'unofficial: "网上刊登的范文，不是正式文件。"\n'
    (content_dir / "plans" / "plan.yaml").write_text(text, encoding="utf-8")
    generate(portal_config(content_dir, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site"))
    page = (tmp_path / "docs" / "plans" / "good-plan" / "index.md").read_text(encoding="utf-8")
    assert page.index("非正式文件") < page.index("doc-meta") and "网上刊登的范文" in page
    assert "（非正式文件）" in (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")


def test_a_busy_preview_port_gives_one_chinese_line_naming_the_option() -> None:
    import socket

    from generator.publish.serve import port_problem

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        message = port_problem(f"127.0.0.1:{port}")
    assert message and f"端口 {port} 已被占用" in message and "PORT=" in message and "--dev-addr" in message
    assert "\n" not in message
    assert port_problem("8000") is not None  # not host:port


def test_a_document_without_a_title_shows_its_short_title_marked_as_the_editors(content_dir: Path, tmp_path: Path) -> None:
    text = GOOD_PLAN.replace('title: "某市实施方案"', 'title: "未注明"\nshort_title: "某镇党建工作要点（节选）"')
    (content_dir / "plans" / "plan.yaml").write_text(text, encoding="utf-8")
    assert load(portal_config(content_dir)).problems == []
    generate(portal_config(content_dir, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site"))
    page = (tmp_path / "docs" / "plans" / "good-plan" / "index.md").read_text(encoding="utf-8")
    assert "# 某镇党建工作要点（节选）（原文未注明标题）" in page and "# 未注明" not in page
