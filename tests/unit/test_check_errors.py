"""Every kind of authoring mistake gives `path:line:column: message` in Chinese that says what to write instead."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.config import DEFAULT
from generator.load.loader import load
from tests.conftest import portal_config, run_generator

GOOD = textwrap.dedent("""\
    id: "good-plan"
    title: "某市实施方案"
    level: "city"
    issued: "2018-10-29"
    sections:
      - number: "一、"
        title: "重点任务"
        measures:
          - number: "1"
            title: "持续整顿软弱涣散党组织"
            text: "开展精准整顿。"
          - number: "2"
            title: "建设党群服务中心"
            text: "合理布局党群服务中心。"
    """)


def write(content: Path, name: str, data: str | bytes) -> Path:
    path = content / "plans" / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def problems_of(content: Path) -> list[str]:
    return [p.format() for p in load(portal_config(content)).problems]


def only(content: Path) -> str:
    found = problems_of(content)
    assert len(found) == 1, found
    return found[0]


CASES = {
    # name: (yaml text, expected "line:column", fragment of the message)
    "yaml_syntax": (GOOD.replace('title: "某市实施方案"', 'title: "某市实施方案'), None, "YAML 格式错误"),
    "unknown_key": (GOOD.replace('title: "某市实施方案"', 'title: "某市实施方案"\nshort_titel: "某市方案"'), "3:1", "未知字段“short_titel”。您是不是想写“short_title”？"),
    "missing_title": (GOOD.replace('title: "某市实施方案"\n', ""), "1:1", "缺少必填字段 title（标题）"),
    "wrong_type": (GOOD.replace('title: "某市实施方案"', 'title: ["a", "b"]'), "2:8", "title（标题） 应是一段文字，这里却是列表"),
    "invalid_date": (GOOD.replace('"2018-10-29"', '"2018-02-30"'), "4:9", "日期格式不对"),
    "unknown_level": (GOOD.replace('level: "city"', 'level: "cty"'), "3:8", "未知层级“cty”。请写 site_config/levels.yaml 中的一个：central（中央）"),
    "duplicate_measure_number": (GOOD.replace('number: "2"', 'number: "1"'), "12:17", "举措编号“1”在正文中重复（第 9 行已有）"),
    "unsafe_id_slash": (GOOD.replace('"good-plan"', '"a/b"'), "1:5", "id（网址用的标识） 的写法不对"),
    "unsafe_id_dots": (GOOD.replace('"good-plan"', '"../etc"'), "1:5", "不能有空格、斜杠、“..”或汉字"),
    "unsafe_id_chinese": (GOOD.replace('"good-plan"', '"深圳"'), "1:5", "只能用小写英文字母"),
    "empty_measure_text": (GOOD.replace('text: "开展精准整顿。"', 'text: ""'), "11:15", "text（正文） 不能为空"),
    "list_for_mapping": ("- id: \"x\"\n", "1:1", "应是“键: 值”形式的映射"),
    "measures_not_list": (GOOD.split("    measures:")[0] + '    measures: "一条"\n', "8:15", "measures（举措） 应是列表"),
    "duplicate_key": (GOOD.replace('level: "city"', 'level: "city"\nlevel: "province"'), "4:1", "键“level”在同一层里重复出现（第 3 行已经写过）"),
    "alias": (GOOD.replace('title: "某市实施方案"', 'title: &t "某市实施方案"\nshort_title: *t'), "2:8", "不支持 YAML 锚点（&）和别名（*）"),
    "tab_indent": (GOOD.replace("  - number: \"一、\"", "\t- number: \"一、\""), "6:1", "制表符（Tab）"),
    "see_also_nowhere": (GOOD.replace('text: "开展精准整顿。"', 'text: "开展精准整顿。"\n        see_also: [{plan: "no-such-plan"}]'), "12:27", "see_also 指向的方案“no-such-plan”不存在"),
    "see_also_measure_nowhere": (GOOD.replace('text: "开展精准整顿。"', 'text: "开展精准整顿。"\n        see_also: [{plan: "good-plan", measure: "99"}]'), "12:49", "没有编号键为“99”的举措"),
    "unknown_topic": (GOOD.replace('text: "开展精准整顿。"', 'text: "开展精准整顿。"\n        topics: ["no-such-topic"]'), "12:18", "未知专题“no-such-topic”"),
    "period_order": (GOOD.replace('issued: "2018-10-29"', 'issued: "2018-10-29"\nperiod: {start: 2020, end: 2018}'), "5:9", "截止年份早于起始年份"),
    "year_not_number": (GOOD.replace('issued: "2018-10-29"', 'issued: "2018-10-29"\nyear_themes: [{year: "二〇一八", theme: "规范化建设"}]'), "5:22", "year（年份） 应是整数年份"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_mistake_is_reported_where_it_is(content_dir: Path, name: str) -> None:
    text, where, fragment = CASES[name]
    path = write(content_dir, "plan.yaml", text)
    message = only(content_dir)
    assert str(Path("plans") / "plan.yaml") in message
    if where:
        assert f"plan.yaml:{where}: " in message, message
    assert fragment in message, message


def test_all_problems_of_all_files_are_reported_at_once(content_dir: Path) -> None:
    write(content_dir, "a.yaml", GOOD.replace('title: "某市实施方案"', 'titel: "x"'))
    write(content_dir, "b.yaml", GOOD.replace('"good-plan"', '"other"').replace('"2018-10-29"', '"2018-13"'))
    write(content_dir, "c.yaml", b"\xef\xbb\xbf" + GOOD.encode())
    found = problems_of(content_dir)
    assert any("a.yaml:2:1" in p for p in found)
    assert any("b.yaml:4:9" in p for p in found)
    assert any("c.yaml:1:1" in p and "BOM" in p for p in found)


def test_duplicate_plan_ids_across_files(content_dir: Path) -> None:
    write(content_dir, "a.yaml", GOOD)
    write(content_dir, "b.yaml", GOOD)
    message = only(content_dir)
    assert "b.yaml:1:5: 方案 id“good-plan”已被" in message and "a.yaml 第 1 行使用" in message


def test_gbk_file_names_the_encoding_and_the_fix(content_dir: Path) -> None:
    write(content_dir, "gbk.yaml", GOOD.encode("gb18030"))
    message = only(content_dir)
    assert "gbk.yaml:2:" in message and ": 文件不是 UTF-8 编码（看起来是 GBK" in message
    assert "iconv -f GB18030 -t UTF-8" in message


def test_bom_empty_and_oversized_files(content_dir: Path) -> None:
    write(content_dir, "bom.yaml", b"\xef\xbb\xbf" + GOOD.encode())
    write(content_dir, "empty.yaml", b"")
    write(content_dir, "comments.yaml", b"# only a comment\n")
    write(content_dir, "huge.yaml", GOOD.encode() + b"# " + b"x" * DEFAULT.max_file_bytes + b"\n")
    found = "\n".join(problems_of(content_dir))
    assert "bom.yaml:1:1: 文件开头有 BOM" in found
    assert "empty.yaml:1:1: 文件是空的" in found
    assert "comments.yaml:1:1: 文件里只有注释" in found
    assert "huge.yaml:1:1: 文件太大" in found


def test_based_on_that_resolves_to_nothing_is_a_warning(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", GOOD.replace('issued: "2018-10-29"', 'issued: "2018-10-29"\nbased_on: [{doc_number: "无此文〔2099〕1号"}]'))
    result = load(portal_config(content_dir))
    assert result.corpus is not None and not result.errors
    assert [w.format() for w in result.warnings] == [
        f"{result.warnings[0].path}:5:12: 警告：依据文件 无此文〔2099〕1号 既不是本门户收录的方案，也不在 site_config/references.yaml 中。请在 references.yaml 中补充这份文件（id、title、doc_number），或核对文号和标题。"
    ]


def test_yaml_1_1_guessing_is_off_every_scalar_is_text(content_dir: Path) -> None:
    text = GOOD.replace('number: "1"', "number: 1.10").replace('title: "某市实施方案"', "title: no").replace('"2018-10-29"', "2018-10-29")
    text = text.replace('text: "开展精准整顿。"', "text: on")
    write(content_dir, "plan.yaml", text)
    result = load(portal_config(content_dir))
    assert not result.errors, [p.format() for p in result.errors]
    plan = result.corpus.plans[0]
    assert plan.title == "no" and plan.issued == "2018-10-29"
    measure = plan.sections[0].measures[0]
    assert measure.number == "1.10" and measure.text == "on"


def test_check_command_exit_status_and_no_traceback(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", GOOD.replace('level: "city"', 'level: ["city"]').replace('titel', 'x'))
    result = run_generator("check", "--content", str(content_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "plan.yaml:3:8: level（层级） 应是一段文字" in result.stderr
    write(content_dir, "plan.yaml", GOOD)
    ok = run_generator("check", "--content", str(content_dir))
    assert ok.returncode == 0, ok.stderr
    assert "1 个方案，2 条举措" in ok.stdout


def test_the_five_plans_pass_check_without_warnings() -> None:
    result = run_generator("check")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    assert "5 个方案" in result.stdout
