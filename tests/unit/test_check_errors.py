"""Every kind of authoring mistake is reported as a problem with a stable code at the place it was made.

Cases assert the code and the position; the Chinese wording lives in generator/messages.py and is
pinned only by ``test_the_wording_of_a_few_messages`` (and every template is checked to format).
"""

from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import pytest

from generator.config import DEFAULT
from generator.load.loader import load
from generator.messages import MESSAGES
from generator.problems import ContentError, display_path, error
from tests.conftest import GOOD_PLAN, SITE_CONFIG, portal_config, run_generator

GOOD = GOOD_PLAN

TITLE = 'title: "某市实施方案"'
TEXT = 'text: "开展精准整顿。"'
ISSUED = 'issued: "2018-10-29"'


def write(content: Path, name: str, data: str | bytes) -> Path:
    path = content / "plans" / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def problems_of(content: Path, **settings) -> list[ContentError]:
    return load(portal_config(content, **settings)).problems


def only(content: Path, **settings) -> ContentError:
    found = problems_of(content, **settings)
    assert len(found) == 1, [p.format() for p in found]
    return found[0]


def where(problem: ContentError) -> tuple[str, str, int, int]:
    """(file name, code, line, column) of a problem."""
    return Path(problem.path).name, problem.code, problem.line, problem.column


CASES = {
    # name: (yaml text, expected code, (line, column))
    "unclosed_quote": (GOOD.replace(TITLE, 'title: "某市实施方案'), "yaml.unclosed_quote", (2, 8)),
    "unclosed_single_quote": (GOOD.replace(TITLE, "title: '某市实施方案"), "yaml.unclosed", (2, 8)),
    "indent": (GOOD.replace(ISSUED, " " + ISSUED), "yaml.indent", (4, 2)),
    "several_documents": (GOOD + "---\nid: \"x\"\n", "yaml.several_documents", (15, 1)),
    "block_scalar_header": (GOOD + "notes: |x\n  甲\n", "yaml.block_scalar", (15, 9)),
    "unclosed_bracket": (GOOD.replace(TITLE, 'title: ["a", "b"'), "yaml.flow_unclosed", (3, 1)),
    "unknown_key": (GOOD.replace(TITLE, TITLE + '\nshort_titel: "某市方案"'), "plan.unknown_key", (3, 1)),
    "missing_title": (GOOD.replace(TITLE + "\n", ""), "plan.title_missing", (1, 1)),
    "empty_title": (GOOD.replace(TITLE, 'title: ""'), "plan.title_missing", (2, 8)),
    "unstated_title_without_short_title": (GOOD.replace(TITLE, 'title: "未注明"'), "plan.short_title_needed", (2, 8)),
    "wrong_type": (GOOD.replace(TITLE, 'title: ["a", "b"]'), "plan.wrong_type.text", (2, 8)),
    "invalid_date": (GOOD.replace('"2018-10-29"', '"2018-02-30"'), "plan.date_format", (4, 9)),
    "unknown_tier": (GOOD.replace('tier: "city"', 'tier: "cty"'), "plan.unknown_tier", (3, 7)),
    "duplicate_measure_number": (GOOD.replace('number: "2"', 'number: "1"'), "plan.duplicate_number", (12, 17)),
    "unsafe_id_slash": (GOOD.replace('"good-plan"', '"a/b"'), "plan.slug", (1, 5)),
    "unsafe_id_dots": (GOOD.replace('"good-plan"', '"../etc"'), "plan.slug", (1, 5)),
    "unsafe_id_chinese": (GOOD.replace('"good-plan"', '"深圳"'), "plan.slug", (1, 5)),
    "empty_measure_text": (GOOD.replace(TEXT, 'text: ""'), "plan.empty_text", (11, 15)),
    "list_for_mapping": ("- id: \"x\"\n", "plan.wrong_type.top_level", (1, 1)),
    "measures_not_list": (GOOD.split("    measures:")[0] + '    measures: "一条"\n', "plan.wrong_type.list", (8, 15)),
    "duplicate_key": (GOOD.replace('tier: "city"', 'tier: "city"\ntier: "province"'), "yaml.duplicate_key", (4, 1)),
    "inner_quote_title": (GOOD.replace(TITLE, 'title: "关于"两新"组织的方案"'), "yaml.inner_quote", (2, 11)),
    "inner_quote_single": (GOOD.replace(TITLE, "title: '某市'两新'方案'"), "yaml.inner_quote", (2, 11)),
    "alias": (GOOD.replace(TITLE, 'title: &t "某市实施方案"\nshort_title: *t'), "yaml.alias", (2, 8)),
    "tab_indent": (GOOD.replace("  - number: \"一、\"", "\t- number: \"一、\""), "yaml.tab_indent", (6, 1)),
    "see_also_nowhere": (GOOD.replace(TEXT, TEXT + '\n        see_also: [{plan: "no-such-plan"}]'), "plan.see_also_plan", (12, 27)),
    "see_also_measure_nowhere": (GOOD.replace(TEXT, TEXT + '\n        see_also: [{plan: "good-plan", measure: "99"}]'),
                                 "plan.see_also_measure", (12, 49)),
    "unknown_topic": (GOOD.replace(TEXT, TEXT + '\n        topics: ["no-such-topic"]'), "plan.unknown_topic", (12, 18)),
    "period_order": (GOOD.replace(ISSUED, ISSUED + "\nperiod: {start: 2020, end: 2018}"), "plan.period_order", (5, 9)),
    "year_not_number": (GOOD.replace(ISSUED, ISSUED + '\nyear_themes: [{year: "二〇一八", theme: "规范化建设"}]'),
                        "plan.wrong_type.integer", (5, 22)),
    "year_out_of_range": (GOOD.replace(ISSUED, ISSUED + "\nperiod: {start: 1800, end: 2018}"), "plan.out_of_range", (5, 17)),
    "docref_empty": (GOOD.replace(ISSUED, ISSUED + '\nbased_on: [{doc_number: ""}]'), "plan.docref_empty", (5, 12)),
    "id_too_long": (GOOD.replace('"good-plan"', '"' + "a" * 81 + '"'), "plan.too_long", (1, 5)),
    "key_not_scalar": (GOOD.replace(TITLE, TITLE + '\n[a, b]: "x"'), "yaml.key_not_scalar", (3, 1)),
    "colon_in_text": (GOOD.replace(TITLE, "title: 某市: 方案"), "yaml.colon_in_text", (2, 10)),
    "unclosed_quote_at_end": (GOOD + 'notes: "abc', "yaml.unclosed", (15, 8)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_mistake_is_reported_where_it_is(content_dir: Path, name: str) -> None:
    text, code, (line, column) = CASES[name]
    write(content_dir, "plan.yaml", text)
    problem = only(content_dir)
    assert Path(problem.path).parts[-2:] == ("plans", "plan.yaml")
    assert (problem.code, problem.line, problem.column) == (code, line, column), problem.format()
    assert problem.is_error
    assert problem.format().startswith(f"{problem.path}:{line}:{column}: ")


def test_an_explicit_tag_is_refused_where_it_is(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", GOOD.replace(TITLE, 'title: !foo "某市实施方案"'))
    found = sorted(where(p) for p in problems_of(content_dir))
    assert found == [("plan.yaml", "plan.wrong_type.text", 2, 8), ("plan.yaml", "yaml.tag", 2, 8)]


def test_all_problems_of_all_files_are_reported_at_once(content_dir: Path) -> None:
    write(content_dir, "a.yaml", GOOD.replace(TITLE, 'titel: "x"'))
    write(content_dir, "b.yaml", GOOD.replace('"good-plan"', '"other"').replace('"2018-10-29"', '"2018-13"'))
    write(content_dir, "c.yaml", b"\xef\xbb\xbf" + GOOD.encode())
    found = {where(p) for p in problems_of(content_dir)}
    assert ("a.yaml", "plan.unknown_key", 2, 1) in found
    assert ("b.yaml", "plan.date_format", 4, 9) in found
    assert ("c.yaml", "file.bom", 1, 1) in found


def test_duplicate_plan_ids_across_files(content_dir: Path) -> None:
    write(content_dir, "a.yaml", GOOD)
    write(content_dir, "b.yaml", GOOD)
    problem = only(content_dir)
    assert where(problem) == ("b.yaml", "plan.duplicate_id", 1, 5)
    assert (content_dir / "plans" / "a.yaml").as_posix() in problem.message  # names the file that has it first


def test_gbk_file_names_the_encoding_and_the_fix(content_dir: Path) -> None:
    write(content_dir, "gbk.yaml", GOOD.encode("gb18030"))
    problem = only(content_dir)
    assert where(problem) == ("gbk.yaml", "file.not_utf8", 2, 11)
    assert "iconv -f GB18030 -t UTF-8 gbk.yaml" in problem.message


def test_bom_empty_and_oversized_files(content_dir: Path) -> None:
    write(content_dir, "bom.yaml", b"\xef\xbb\xbf" + GOOD.encode())
    write(content_dir, "empty.yaml", b"")
    write(content_dir, "comments.yaml", b"# only a comment\n")
    write(content_dir, "huge.yaml", GOOD.encode() + b"# " + b"x" * DEFAULT.max_file_bytes + b"\n")
    write(content_dir, "utf16.yaml", GOOD.encode("utf-16"))
    assert sorted(where(p) for p in problems_of(content_dir)) == [
        ("bom.yaml", "file.bom", 1, 1),
        ("comments.yaml", "file.only_comments", 1, 1),
        ("empty.yaml", "file.empty", 1, 1),
        ("huge.yaml", "file.too_large", 1, 1),
        ("utf16.yaml", "file.utf16", 1, 1),
    ]


def test_no_plan_files_at_all(content_dir: Path) -> None:
    problem = only(content_dir)
    assert (problem.code, problem.line, problem.column) == ("content.no_plans", 1, 1)
    assert Path(problem.path).name == "plans"


def test_based_on_that_resolves_to_nothing_is_a_warning(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", GOOD.replace(ISSUED, ISSUED + '\nbased_on: [{doc_number: "无此文〔2099〕1号"}]'))
    result = load(portal_config(content_dir))
    assert result.corpus is not None and not result.errors
    assert [where(w) for w in result.warnings] == [("plan.yaml", "plan.based_on_unresolved", 5, 12)]
    assert not result.warnings[0].is_error


def _site_config_with_second_general_topic(tmp_path: Path) -> tuple[Path, int]:
    """A copy of site_config/ whose second topic says ``general: true`` too; and the line it says so on."""
    folder = tmp_path / "site_config"
    shutil.copytree(SITE_CONFIG, folder)
    lines = (folder / "topics.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    second = [i for i, line in enumerate(lines) if line.startswith("- id:")][1]
    lines.insert(second + 1, "  general: true\n")
    (folder / "topics.yaml").write_text("".join(lines), encoding="utf-8")
    return folder, second + 2


def test_two_general_topics_are_refused(content_dir: Path, tmp_path: Path) -> None:
    write(content_dir, "plan.yaml", GOOD)
    site_config, line = _site_config_with_second_general_topic(tmp_path)
    problem = only(content_dir, site_config=site_config)
    assert where(problem) == ("topics.yaml", "config.two_general_topics", line, 12)
    assert Path(problem.path).parent == site_config


def test_the_wording_of_a_few_messages(content_dir: Path) -> None:
    """The one place the Chinese text is pinned: an unknown key with a suggestion, and the based_on warning."""
    path = display_path(write(content_dir, "plan.yaml", GOOD.replace(TITLE, TITLE + '\nshort_titel: "某市方案"')))
    assert only(content_dir).format() == (
        f"{path}:3:1: 未知字段“short_titel”。您是不是想写“short_title”？这里可用的字段有：id、source、title、short_title、"
        "doc_number、issuer、tier、body_kind、region、kind、issued、period、based_on、recipients、notice、notice_signer、"
        "notice_date、preamble、year_themes、sections、annexes、closing、footer、notes、unofficial。"
    )
    write(content_dir, "plan.yaml", GOOD.replace(ISSUED, ISSUED + '\nbased_on: [{doc_number: "无此文〔2099〕1号"}]'))
    assert only(content_dir).format() == (
        f"{path}:5:12: 警告：依据文件 无此文〔2099〕1号 既不是本门户收录的方案，也不在 site_config/references.yaml 中。"
        "请在 references.yaml 中补充这份文件（id、title、doc_number），或核对文号和标题。"
    )


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_template_formats(code: str) -> None:
    fields = {name for _, name, _, _ in string.Formatter().parse(MESSAGES[code]) if name}
    problem = error(code, "plan.yaml", 1, 1, **{name: "x" for name in fields})
    assert problem.code == code
    assert re.search(r"[\u4e00-\u9fff]", problem.message), problem.message
    assert not re.search(r"\{\w*\}", problem.message), problem.message  # a literal "{ }" (yaml.unclosed) is fine


def test_an_unknown_code_is_a_bug() -> None:
    with pytest.raises(KeyError):
        error("plan.no_such_code", "plan.yaml", 1, 1)


def test_yaml_1_1_guessing_is_off_every_scalar_is_text(content_dir: Path) -> None:
    text = GOOD.replace('number: "1"', "number: 1.10").replace(TITLE, "title: no").replace('"2018-10-29"', "2018-10-29")
    text = text.replace(TEXT, "text: on")
    write(content_dir, "plan.yaml", text)
    result = load(portal_config(content_dir))
    assert not result.errors, [p.format() for p in result.errors]
    plan = result.corpus.plans[0]
    assert plan.title == "no" and plan.issued == "2018-10-29"
    measure = plan.sections[0].measures[0]
    assert measure.number == "1.10" and measure.text == "on"


def test_check_command_exit_status_and_no_traceback(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", GOOD.replace('tier: "city"', 'tier: ["city"]'))
    result = run_generator("check", "--content", str(content_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    problem = only(content_dir)
    assert where(problem) == ("plan.yaml", "plan.wrong_type.text", 3, 7)
    assert result.stderr.splitlines()[0] == problem.format()
    write(content_dir, "plan.yaml", GOOD)
    ok = run_generator("check", "--content", str(content_dir))
    assert ok.returncode == 0, ok.stderr
    assert "1 个方案，2 条举措" in ok.stdout


SEED_PLANS = ("guangdong-2020-points", "haizhu-cgj-2018-2020", "shenzhen-2018-2020", "city-2020-opinion",
              "national-2020-key-tasks")


def test_the_portal_passes_check_and_the_five_seed_plans_without_warnings() -> None:
    """Whatever else content/plans/ holds (a maintainer's new plan may have warnings), the seeds have none."""
    result = run_generator("check")
    assert result.returncode == 0, result.stderr
    assert not [line for line in result.stderr.splitlines() if any(f"/{p}.yaml:" in line for p in SEED_PLANS)]
    assert re.search(r"检查完毕：\d+ 个方案", result.stdout)
