"""The importer on pastes as they arrive: lost line breaks, 一、-only plans, signers instead of a header,
placeholders of model texts, a file name above the text, chrome inside one long line.

The fixtures (tests/fixtures/import/*.txt) are composed of sentences of the seeds. Every draft must load
with ``generator check`` once its tier is filled in.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.breaks import is_collapsed, restore_breaks
from generator.importer.chrome import is_chrome_line, split_chrome
from generator.importer.cleanup import remove_cjk_spaces
from generator.importer.command import main_import
from generator.importer.document import dump_yaml, import_text
from generator.importer.patterns import DATE_LINE, iso_date
from generator.importer.refs import find_kind, find_period
from generator.load.model import Plan
from tests.unit.test_importer import ANNEXED, FOUR_LEVELS, LEAD_SENTENCES, WEB_PAGE_WITH_ITEMS, notice_document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
SEEDS = ROOT.parent / "shared" / "seeds"


def fixture(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def imported(name: str):
    return import_text(fixture(name), f"{name}.txt", name.replace("_", "-"))


def measures(sections: list[dict]) -> list[dict]:
    found = []
    for section in sections:
        found += section["measures"] + measures(section["sections"])
    return found


def outline(sections: list[dict]) -> list:
    """(number, title, [sub-outline], [measure numbers]) of every section, for comparing structure."""
    return [(s["number"], s["title"], outline(s["sections"]), [m["number"] for m in s["measures"]]) for s in sections]


def one_line(text: str, separator: str = " ") -> str:
    """The text as a viewer's copy gives it: every line break turned into a space."""
    return separator.join(line.strip() for line in text.splitlines() if line.strip())


# --- structure from a paste that lost its line breaks -------------------------------------

def test_one_line_paste_of_a_numbered_plan_gets_title_sections_and_measures():
    result = imported("one_line_numbered")
    data = result.data
    assert data["title"] == "转水镇加强党的基层组织建设三年行动计划实施方案（2019—2021年）"
    assert data["preamble"].startswith("为推动全面从严治党向基层延伸") and data["preamble"].endswith("制定本方案。")
    assert outline(data["sections"]) == [
        ("一", "指导思想", [], []),
        ("二", "具体措施", [
            ("（一）", "开展铸魂补钙行动，用习近平新时代中国特色社会主义思想武装全体党员干部", [], ["1", "2"]),
            ("（二）", "开展“头雁”培育行动，全面提升带头人队伍建设水平", [], ["3", "4"])], []),
        ("三", "组织实施", [("（一）", "加强统筹协调", [], []), ("（二）", "强化检查监督", [], [])], []),
    ]
    assert data["sections"][0]["text"].startswith("以习近平新时代中国特色社会主义思想为指导")
    assert result.kept >= 0.98
    assert any("换行已丢失" in line for line in result.found)


def test_break_inside_a_word_is_joined_and_a_sentence_enumeration_is_not_cut():
    second, fourth = (measures(imported("one_line_numbered").data["sections"])[i] for i in (1, 3))
    assert "一起参加组织生活，规范党内政治生活。" in second["text"]
    assert fourth["text"].endswith("每年至少开展1次集中轮训，轮训内容包括：（1）政治理论学习；（2）党务知识培训；（3）实地观摩交流。")


@pytest.mark.parametrize("name", ["sections_only", "signer_header", "placeholders", "one_line_numbered"])
@pytest.mark.parametrize("separator", [" ", "\u3000\u3000", "\t"])
def test_a_fixture_pasted_on_one_line_gives_the_same_draft(name, separator):
    expected = imported(name).data
    assert import_text(one_line(fixture(name), separator), f"{name}.txt", name.replace("_", "-")).data == expected


@pytest.mark.parametrize("text", [FOUR_LEVELS, LEAD_SENTENCES, ANNEXED, WEB_PAGE_WITH_ITEMS, notice_document("深办发〔2018〕33号")],
                         ids=["four-levels", "lead-sentences", "annexed", "web-page", "notice"])
def test_short_hand_made_texts_on_one_line_give_the_same_draft(text):
    assert import_text(one_line(text), "t.txt", "t").data == import_text(text, "t.txt", "t").data


SEED_PREFIXES = ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_a_seed_pasted_on_one_line_gives_the_same_draft(prefix):
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    text = found[0].read_text(encoding="utf-8")
    flat = import_text(one_line(text), found[0].name)
    assert flat.data == import_text(text, found[0].name).data
    assert flat.kept >= 0.98


def test_a_few_long_lines_keep_their_numbering_across_lines():
    data = imported("attachment_docx").data
    assert [s["number"] for s in data["sections"]] == ["一", "二", "三"]
    assert [s["title"] for s in data["sections"][2]["sections"]] == ["加强组织领导", "强化督促检查"]
    assert [m["number"] for m in measures(data["sections"])] == ["1", "2", "3", "4"]
    assert data["closing"] == "各高校党委要结合实际，认真抓好贯彻落实。"


RED_HEAD_ON_ONE_LINE = (
    "中共某某县委办公室文件 某办发〔2021〕5号 关于印发《某某县加强基层党组织建设三年行动计划（2021—2023年）》的通知 "
    "各乡镇党委，县直各单位党组（党委）： 现将《某某县加强基层党组织建设三年行动计划（2021—2023年）》印发给你们，"
    "请结合实际认真抓好贯彻落实。 中共某某县委办公室 2021年3月1日 某某县加强基层党组织建设三年行动计划（2021—2023年） "
    "为推动全面从严治党向基层延伸，制定本计划。 一、总体目标 到2023年，基层党组织政治功能和组织力明显增强。 "
    "二、主要任务 1、强化政治引领。把政治建设摆在首位。 2、建强组织体系。优化基层党组织设置，推动党的组织和工作全覆盖。 "
    "3、加强队伍建设。选优配强党组织书记，详见 附件 1。 三、保障措施 （一）加强组织领导。各级党组织要把本计划落实情况纳入述职评议考核。 "
    "（二）强化经费保障。落实基层党组织工作经费。 附件：1.重点任务清单 2.责任分工表 "
    "附件1 重点任务清单 1.开展集中轮训。每年轮训一次。 2.开展评星定级。每年评定一次。 附件2 责任分工表 1.县委组织部。负责牵头抓总。")


def test_red_head_notice_with_annexes_on_one_line():
    result = import_text(RED_HEAD_ON_ONE_LINE, "t.txt", "t")
    data = result.data
    assert (data["issuer"], data["doc_number"], data["notice_date"]) == ("中共某某县委办公室", "某办发〔2021〕5号", "2021年3月1日")
    assert data["title"] == "某某县加强基层党组织建设三年行动计划（2021—2023年）"
    assert [m["number"] for m in measures(data["sections"])] == ["1", "2", "3"]
    assert measures(data["sections"])[2]["text"] == "选优配强党组织书记，详见附件1。"
    assert [(a["number"], a["title"], [m["number"] for m in a["measures"]]) for a in data["annexes"]] == [
        ("1", "重点任务清单", ["1", "2"]), ("2", "责任分工表", ["1"])]
    assert data["closing"] == "附件：1.重点任务清单2.责任分工表"
    assert result.kept >= 0.98


def test_markers_inside_a_line_count_only_in_sequence():
    text = one_line("""某某实施方案
为深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，推动全面从严治党向基层延伸，促进党的基层组织建设全面进步、全面过硬，结合实际，制定本方案。
一、主要任务
1. 加强学习。学习内容包括：1.理论；2.业务。
2. 落实制度。在第 2、3 季度各考核 1 次。
二、保障措施
（一）加强领导。各单位要落实。""")
    data = import_text(text, "t.txt", "t").data
    assert [(m["number"], m["text"]) for m in measures(data["sections"])] == [
        ("1", "学习内容包括：1.理论；2.业务。"), ("2", "在第2、3季度各考核1次。")]
    assert data["sections"][1]["sections"][0]["title"] == "加强领导"


def test_short_and_ordinary_lines_are_not_taken_for_lost_breaks():
    assert not is_collapsed("1. 建立制度。按季度开展工作。 2. 加强考核。")  # short
    spaced = "加 强 党 的 建 设 。 " * 40  # spaced-out PDF text: every character apart
    assert not is_collapsed(spaced)
    assert is_collapsed("为做好工作，制定本方案。 " * 20 + "一、任务 1.甲项。内容。")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["组织", "建设", "。", "，", "；", "：", " ", "  ", "\u3000", "一、", "（一）", "(二)",
                                 "1.", "2、", "（1）", "附 件", "附件：", "首页 > 甲", "发布日期：2020-05-09", "字体：大 中 小",
                                 "相关新闻", "and", "XX", "2020 年", ".docx", "【打印本页】", "\n"]), max_size=80))
def test_restoring_breaks_changes_nothing_but_whitespace(pieces):
    text = "".join(pieces) * 3
    restored = "".join(restore_breaks(text).lines)
    assert re.sub(r"\s", "", restored) == re.sub(r"\s", "", text)


# --- a plan numbered 一、二、 only ----------------------------------------------------------

def test_plan_with_only_chinese_numbered_parts_gets_sections_with_text_and_no_measures():
    result = imported("sections_only")
    data = result.data
    assert [(s["number"], s["title"]) for s in data["sections"]] == [
        ("一", "持续深入学习贯彻习近平新时代中国特色社会主义思想"), ("二", "推进党支部标准化规范化建设"),
        ("三", "加强基层党组织书记队伍建设"), ("四", "强化基层党建工作保障")]
    assert measures(data["sections"]) == []
    assert all(s["text"] for s in data["sections"])
    assert data["sections"][0]["text"].count("\n\n") == 1  # two paragraphs
    header = dump_yaml(result)
    assert "# 未发现编号举措，正文按段落保存在各部分的 text 中。" in header.splitlines()


def test_chinese_numbered_items_are_never_measures_but_items_under_them_are():
    text = "某某方案\n\n一、加强学习。深入学习。\n二、完善制度。\n（一）建立台账。逐月更新。\n（二）定期通报。每季度一次。\n三、强化保障。落实经费。"
    data = import_text(text, "t.txt", "t").data
    assert [(s["number"], s["title"], s["text"]) for s in data["sections"]] == [
        ("一", "加强学习", "深入学习。"), ("二", "完善制度", ""), ("三", "强化保障", "落实经费。")]
    assert [(m["number"], m["title"]) for m in measures(data["sections"])] == [("一", "建立台账"), ("二", "定期通报")]


# --- front matter from the text ----------------------------------------------------------

@pytest.mark.parametrize("name, title, period, kind, issuer, issued", [
    ("one_line_numbered", "转水镇加强党的基层组织建设三年行动计划实施方案（2019—2021年）", (2019, 2021), "实施方案",
     "中共转水镇委员会", "2019-03-01"),
    ("sections_only", "福田区2020年基层党建工作要点", (2020, 2020), "工作要点", "中共深圳市福田区委组织部", "2020-03-20"),
    ("signer_header", "深圳市福田区推进党支部标准化规范化建设工作方案（2019-2021年）", (2019, 2021), "工作方案",
     "中共深圳市福田区委办公室", "2019-04-08"),
    ("placeholders", "XX街道2021年基层党建工作实施方案", (2021, 2021), "实施方案", "XX街道党工委", "2021-02-03"),
    ("attachment_docx", "新时代江苏高校党建工作实施方案(2019-2021年)", (2019, 2021), "实施方案", "", ""),
    ("web_one_line", "海珠区2020年基层党建工作方案", (2020, 2020), "工作方案", "中共广州市海珠区委组织部", "2020-04-10"),
])
def test_fields_read_from_the_text(name, title, period, kind, issuer, issued):
    data = imported(name).data
    assert (data["title"], data["kind"], data["issuer"], data["issued"]) == (title, kind, issuer, issued)
    assert (data["period"]["start"], data["period"]["end"]) == period


def test_signer_at_the_end_is_the_issuer_and_stays_in_the_closing():
    result = imported("one_line_numbered")
    assert result.data["closing"] == "中共转水镇委员会\n\n2019年3月1日"
    assert "中共转水镇委员会" not in measures(result.data["sections"])[-1]["text"]
    assert any("取自文末落款" in w for w in result.warnings)


def test_signer_under_the_title_is_the_issuer_not_the_preamble():
    result = imported("signer_header")
    assert result.data["preamble"].startswith("为深入学习贯彻")
    assert result.kept >= 0.98
    text = "某某工作方案\n\n中共某某县委办公室\n\n（二〇一九年三月五日）\n\n为做好工作，制定本方案。\n\n一、任务\n1.甲项。内容。"
    data = import_text(text, "t.txt", "t").data
    assert (data["title"], data["issuer"], data["issued"]) == ("某某工作方案", "中共某某县委办公室", "2019-03-05")


def test_notice_signer_is_the_issuer_when_there_is_no_header():
    data = imported("web_one_line").data
    assert data["recipients"] == "各街道党工委，区直各单位党组织"
    assert data["notice_date"] == "2020年4月10日"
    assert [m["number"] for m in measures(data["sections"])] == ["1", "2", "3", "4", "5"]


def test_leading_file_name_gives_the_title_and_is_not_body_text():
    result = imported("attachment_docx")
    assert result.data["preamble"].startswith("为深入学习贯彻")
    dumped = yaml.safe_dump(result.data, allow_unicode=True)
    assert ".docx" not in dumped and "附件1" not in dumped
    assert not any("正文末尾" in w for w in result.warnings)
    assert result.data["closing"] == "各高校党委要结合实际，认真抓好贯彻落实。"
    assert result.kept >= 0.98


@pytest.mark.parametrize("line, title", [
    ("附件1:新时代江苏高校党建工作实施方案(2019-2021年).docx", "新时代江苏高校党建工作实施方案(2019-2021年)"),
    ("附件2：某某市基层党建工作要点.PDF", "某某市基层党建工作要点"),
    ("某某县乡村振兴行动计划（2018—2022年）.doc", "某某县乡村振兴行动计划（2018—2022年）"),
])
def test_file_names_in_every_form(line, title):
    page = split_chrome(f"{line}\n为做好工作，制定本方案。\n附件：1.名单.xlsx")
    assert (page.attachments, page.file_title) == ([line], title)
    assert [x for x in page.lines if x] == ["为做好工作，制定本方案。", "附件：1.名单.xlsx"]  # a later one is text


def test_printed_title_wins_over_the_file_name():
    text = "附件1:某某方案(2019-2021年).docx\n某某方案（2019—2021年）\n为做好工作，制定本方案。\n一、任务\n1.甲项。内容。"
    data = import_text(text, "t.txt", "t").data
    assert data["title"] == "某某方案（2019—2021年）" and data["preamble"] == "为做好工作，制定本方案。"


@pytest.mark.parametrize("line, date", [("2019年3月1日", "2019-03-01"), ("（2019年3月1日）", "2019-03-01"),
                                        ("二〇一九年十二月二十一日", "2019-12-21"), ("二○二○年三月五日", "2020-03-05"),
                                        ("XX年XX月XX日", ""), ("2019年2月30日", "")])
def test_signing_dates_in_every_form(line, date):
    assert iso_date(DATE_LINE.match(line)) == date


@pytest.mark.parametrize("title", ["某某方案（2019-2021年）", "某某方案(2019—2021年)", "某某方案（2019–2021年）",
                                   "某某方案（2019～2021年）", "某某方案（2019至2021年）", "某某方案〔2019年—2021年〕",
                                   "某某方案（２０１９－２０２１年）", "某某2019-2021年行动方案"])
def test_period_in_any_dash_and_bracket(title):
    assert find_period(title) == {"start": 2019, "end": 2021}


@pytest.mark.parametrize("title, kind", [
    ("某某实施方案", "实施方案"), ("某某工作方案（2019—2021年）", "工作方案"), ("2020年工作要点", "工作要点"),
    ("某某三年行动计划（2018-2020年）", "行动计划"), ("关于加强某某工作的实施意见", "实施意见"),
    ("关于加强某某工作的意见（试行）", "意见"), ("关于开展某某活动的通知", "通知"), ("某某发展规划（2021—2025年）", "规划"),
])
def test_kind_from_the_title(title, kind):
    assert find_kind(title) == kind


# --- placeholders and web chrome ----------------------------------------------------------

def test_placeholders_of_a_model_text_are_kept_literally():
    result = imported("placeholders")
    dumped = yaml.safe_dump(result.data, allow_unicode=True)
    text = "\n".join(s["text"] for s in result.data["sections"]) + "".join(m["text"] for m in measures(result.data["sections"]))
    assert "着力打造富有XX特色的基层党建品牌" in text
    assert "在XX村、XX社区开展试点" in text and "不低于X万元" in text and "由××同志牵头负责，XX年XX月XX日前完成" in text
    assert "结合XX街道实际" in result.data["preamble"]
    assert result.data["closing"] == "XX街道党工委\n\nXX年XX月XX日"
    assert "XX" not in result.chrome
    assert result.kept >= 0.98 and "XX街道" in dumped


def test_web_chrome_still_goes_to_the_header_comment():
    for name in ("placeholders", "web_one_line"):
        result = imported(name)
        assert any(line.startswith(("首页", "当前位置")) for line in result.chrome), name
        assert any("发布" in line for line in result.chrome) and any("字体" in line for line in result.chrome)
        assert any("打印本页" in line for line in result.chrome)
        dumped = yaml.safe_dump(result.data, allow_unicode=True)
        assert not any(word in dumped for word in ("浏览次数", "字体", "打印本页", "关闭窗口")), name
        assert "#   【打印本页】" in dump_yaml(result).replace("【打印本页】 ", "【打印本页】")


@pytest.mark.parametrize("line", ["XX", "××", "XX XX", "X"])
def test_a_placeholder_on_its_own_line_is_not_chrome(line):
    assert not is_chrome_line(line)


@pytest.mark.parametrize("line", ["Baidu", "map", "【打印本页】【关闭窗口】", "打印 关闭", "字体大小：大 中 小", "【字体：大 中 小】",
                                  "分享到：", "当前位置：首页 > 通知公告", "发布时间：2021-03-02 浏览量：12"])
def test_chrome_lines(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize("line", ["关闭小散乱污企业，推动产业转型升级。", "收藏品市场监管由市场监管部门负责。",
                                  "打印机等办公设备统一采购。"])
def test_body_lines_that_start_like_a_button_are_kept(line):
    assert not is_chrome_line(line)


def test_spaces_around_placeholders_are_artefacts_but_latin_words_keep_theirs():
    assert remove_cjk_spaces("在 XX 街道安排 X 万元") == "在XX街道安排X万元"
    assert remove_cjk_spaces("由 ×× 同志负责") == "由××同志负责"
    assert remove_cjk_spaces("思想 and 党的") == "思想 and 党的"


# --- the drafts load -----------------------------------------------------------------------

FIXTURE_NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def test_every_fixture_draft_validates_once_tier_is_filled():
    for name in FIXTURE_NAMES:
        loaded = yaml.safe_load(dump_yaml(imported(name)))
        Plan.model_validate(loaded | {"tier": "区县"})


def test_cli_drafts_pass_check(tmp_path, capsys):
    plans = tmp_path / "content" / "plans"
    plans.mkdir(parents=True)
    for name in FIXTURE_NAMES:
        plan_id = name.replace("_", "-")
        assert main_import(["import", str(FIXTURES / f"{name}.txt"), "--id", plan_id]) == 0
        draft_text = capsys.readouterr().out
        assert 'tier: ""' in draft_text
        (plans / f"{plan_id}.yaml").write_text(re.sub(r'^tier: "".*$', 'tier: "区县"', draft_text, flags=re.M),
                                               encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "generator", "check", "--content", str(tmp_path / "content")],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"{len(FIXTURE_NAMES)} 个方案" in check.stdout + check.stderr
