"""The importer: structure of small hand-made texts, the YAML draft, the CLI, and the five seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.command import main_import
from generator.importer.document import ImportResult, dump_yaml, import_text
from generator.importer.draft import quote
from generator.importer.fidelity import kept_ratio
from generator.load.model import Plan

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def draft(text: str, **kwargs) -> dict:
    return import_text(text, "test.txt", "test-plan", **kwargs).data


def measures(sections: list[dict]) -> list[dict]:
    found = []
    for section in sections:
        found += section["measures"] + measures(section["sections"])
    return found


def all_measures(data: dict) -> list[dict]:
    return measures(data["sections"]) + [m for a in data["annexes"] for m in a["measures"] + measures(a["sections"])]


# --- numbering styles ------------------------------------------------------

FOUR_LEVELS = """某某方案

为做好工作，制定本方案。

一、总体要求
（一）工作目标
1. 完善机制
（1）建立制度。按季度开展工作。
（2）加强考核。每年考核一次。
2. 强化保障
（1）落实经费。纳入预算。
"""


def test_four_marker_levels_nest_and_leaves_are_measures():
    data = draft(FOUR_LEVELS)
    top = data["sections"][0]
    assert (top["number"], top["title"]) == ("一", "总体要求")
    sub = top["sections"][0]
    assert (sub["number"], sub["title"]) == ("（一）", "工作目标")
    assert [s["title"] for s in sub["sections"]] == ["完善机制", "强化保障"]
    leaf = sub["sections"][0]["measures"][0]
    assert leaf == {"number": "1", "title": "建立制度", "text": "按季度开展工作。"}
    assert [m["title"] for m in all_measures(data)] == ["建立制度", "加强考核", "落实经费"]


@pytest.mark.parametrize("marker", ["1.", "1、", "1．", "1 .", "1. "])
def test_arabic_markers_in_every_style(marker):
    second = marker.replace("1", "2")
    data = draft(f"标题\n\n一、任务\n{marker}第一项。内容甲。\n{second}第二项。内容乙。")
    assert [(m["number"], m["title"], m["text"]) for m in all_measures(data)] == [
        ("1", "第一项", "内容甲。"), ("2", "第二项", "内容乙。")]


@pytest.mark.parametrize("opening,closing", [("（", "）"), ("(", ")")])
def test_bracketed_chinese_numerals_in_both_widths(opening, closing):
    text = f"标题\n\n一、任务\n{opening}一{closing}第一方面\n1.甲项。内容。\n{opening}二{closing} 第二方面\n2.乙项。内容。"
    sections = draft(text)["sections"][0]["sections"]
    assert [(s["number"], s["title"]) for s in sections] == [(f"{opening}一{closing}", "第一方面"), (f"{opening}二{closing}", "第二方面")]
    assert [m["number"] for s in sections for m in s["measures"]] == ["1", "2"]


def test_bracketed_arabic_numbers_are_measures_when_they_are_the_leaves():
    data = draft("标题\n\n一、任务\n（1）甲项。内容。\n(2)乙项。内容。")
    assert [m["number"] for m in all_measures(data)] == ["1", "2"]


def test_items_written_inline_are_sections_with_text_beside_measures():
    text = ("标题\n\n一、指导思想和主题目标\n（一）指导思想。以思想为指导。\n（二）主题目标。坚持一年一主题。\n"
            "二、具体措施\n（一）开展行动\n1.增强意识。带头学习。\n2.开展活动。落实制度。\n"
            "三、组织实施\n（一）加强统筹协调。在领导下实施。")
    data = draft(text)
    first = data["sections"][0]["sections"]
    assert first[0] == {"number": "（一）", "title": "指导思想", "text": "以思想为指导。", "measures": [], "sections": []}
    assert data["sections"][2]["sections"][0]["title"] == "加强统筹协调"
    assert len(all_measures(data)) == 2


def test_half_width_punctuation_is_stored_as_printed():
    data = draft("标题\n\n一、任务\n1.建立制度。按季度开展,每年考核;加强(统筹):落实。")
    assert all_measures(data)[0]["text"] == "按季度开展,每年考核;加强(统筹):落实。"


def test_measure_title_splits_at_first_full_stop_outside_quotes():
    data = draft("标题\n\n一、任务\n1.落实“把全面从严治党落到每个支部。”的要求。然后写正文。")
    assert all_measures(data)[0]["title"] == "落实“把全面从严治党落到每个支部。”的要求"


def test_title_only_measure_takes_the_following_paragraphs():
    text = "标题\n\n一、任务\n5. 在疫情防控中检验组织力。\n\n动员党员干部投身防控。\n\n6. 其他。内容。"
    first = all_measures(draft(text))[0]
    assert first == {"number": "5", "title": "在疫情防控中检验组织力", "text": "动员党员干部投身防控。"}


def test_single_sentence_measure_keeps_the_sentence_as_text_and_warns():
    result = import_text("标题\n\n一、任务\n1. 只有一句话。\n2. 第二项。内容。", "t.txt", "t")
    first = all_measures(result.data)[0]
    assert first == {"number": "1", "title": "只有一句话", "text": "只有一句话。"}
    assert any("只有一句" in w for w in result.warnings)


def test_heading_without_full_stop_gets_the_paragraphs_below_as_text():
    data = draft("标题\n\n一、任务\n1. 甲。乙。\n二、主要任务\n局党组全面加强领导。\n\n做到三个表率。\n三、措施\n2. 丙。丁。")
    assert data["sections"][1]["title"] == "主要任务"
    assert data["sections"][1]["text"] == "局党组全面加强领导。\n\n做到三个表率。"


def test_last_paragraph_after_an_inline_item_is_the_closing():
    text = "标题\n\n一、措施\n1.甲项。内容。\n二、保障\n（一）强化责任落实。各地要落实。\n（二）注重宣传。做好宣传。\n各单位要周密部署，扎实推进。"
    data = draft(text)
    assert data["closing"] == "各单位要周密部署，扎实推进。"
    assert data["sections"][1]["sections"][1]["text"] == "做好宣传。"


def test_gap_in_measure_numbers_is_reported():
    result = import_text("标题\n\n一、任务\n1.甲。乙。\n2.丙。丁。\n二、保障\n4.戊。己。", "t.txt", "t")
    assert any("2 之后是 4" in w for w in result.warnings)
    restart = import_text("标题\n\n一、任务\n1.甲。乙。\n二、保障\n1.戊。己。", "t.txt", "t")
    assert not any("不连续" in w for w in restart.warnings)


# --- unnumbered lead-sentence paragraphs ------------------------------------

LEAD_SENTENCES = """文章标题

做好2020年工作,要认真学习。

  认真落实“坚持用思想武装全党”的要求,推动增强意识。这是首要政治任务。

  抓实集中轮训。聚焦学习,确保每人每年至少参加1次培训。

  切实提升培训质量。把学习作为必修课。

  认真贯彻“把抓落实作为主要方式”的要求,推动落实。习近平总书记反复强调。

  深入一线摸实情。到一线、去现场。
"""


def test_lead_sentence_paragraphs_are_measures_under_heading_paragraphs():
    data = draft(LEAD_SENTENCES)
    assert data["preamble"] == "做好2020年工作,要认真学习。"
    heads = data["sections"]
    assert [(s["number"], s["title"], s["text"]) for s in heads] == [
        ("", "认真落实“坚持用思想武装全党”的要求,推动增强意识", "这是首要政治任务。"),
        ("", "认真贯彻“把抓落实作为主要方式”的要求,推动落实", "习近平总书记反复强调。")]
    assert [(m["number"], m["title"]) for m in all_measures(data)] == [
        ("1", "抓实集中轮训"), ("2", "切实提升培训质量"), ("3", "深入一线摸实情")]
    assert all_measures(data)[0]["text"] == "聚焦学习,确保每人每年至少参加1次培训。"


# --- header, notice, dates, footer ------------------------------------------

def notice_document(number_line: str, header: str = "中共深圳市委办公厅文件") -> str:
    return f"""{header}

{number_line}

中共深圳市委办公厅关于印发《深圳市实施方案（2018-2020年）》的通知

各区委，市直各单位：

现印发给你们，请认真贯彻落实。

中共深圳市委办公厅

2018年10月29日

深圳市实施方案（2018—2020年）

为推动工作，根据《中共广东省委办公厅关于印发〈广东省三年行动计划（2018—2020年）〉的通知》（粤办发〔2018〕19号）、《广州市三年行动计划（2018—2020年）》（穗办[2018]14号）、《海珠区实施意见》等文件精神，制定本方案。

一、任务

1. 甲项。内容。
"""


@pytest.mark.parametrize("number_line", ["深办发〔2018〕33号", "深办发[2018]33号", "深办发［2018］33号", "深办发（2018）33号", "深办发(2018)33号"])
def test_document_number_in_every_bracket_style_is_kept_as_printed(number_line):
    assert draft(notice_document(number_line))["doc_number"] == number_line


def test_header_notice_signer_date_and_title():
    data = draft(notice_document("深办发〔2018〕33号"))
    assert data["issuer"] == "中共深圳市委办公厅"
    assert data["recipients"] == "各区委，市直各单位"
    assert data["notice"] == "中共深圳市委办公厅关于印发《深圳市实施方案（2018-2020年）》的通知\n\n现印发给你们，请认真贯彻落实。"
    assert (data["notice_signer"], data["notice_date"], data["issued"]) == ("中共深圳市委办公厅", "2018年10月29日", "2018-10-29")
    assert data["title"] == "深圳市实施方案（2018—2020年）"
    assert data["period"] == {"start": 2018, "end": 2020}
    assert data["kind"] == "实施方案"


def test_header_without_the_word_file_is_the_issuer():
    assert draft(notice_document("粤组通〔2020〕12号", header="中共广东省委组织部"))["issuer"] == "中共广东省委组织部"


def test_based_on_lists_cited_documents_in_order_with_numbers():
    refs = draft(notice_document("深办发〔2018〕33号"))["based_on"]
    assert refs == [
        {"doc_number": "粤办发〔2018〕19号", "title": "广东省三年行动计划（2018—2020年）"},
        {"doc_number": "穗办[2018]14号", "title": "广州市三年行动计划（2018—2020年）"},
        {"doc_number": "", "title": "海珠区实施意见"},
    ]


def test_based_on_has_no_repeats_across_notice_and_preamble():
    text = ("关于印发《甲方案》的通知\n\n各单位：\n\n根据《乙计划（2018-2020年）》文件精神，制定了方案。\n\n"
            "甲方案\n\n为推动工作，根据《乙计划（2018—2020年）》，制定方案。\n\n一、任务\n1.甲。乙。")
    assert draft(text)["based_on"] == [{"doc_number": "", "title": "乙计划（2018—2020年）"}]


def test_printed_footer_gives_the_date_when_the_notice_has_none():
    text = "某方案\n\n一、任务\n1.甲项。内容。\n\n中共广东省委组织部办公室\n\n2020年3月20日印发\n"
    data = draft(text)
    assert data["footer"] == "中共广东省委组织部办公室\n\n2020年3月20日印发"
    assert data["issued"] == "2020-03-20"
    assert all_measures(data)[-1]["text"] == "内容。"


def test_web_page_publication_date_is_used_and_the_line_kept_out():
    data = draft("首页> 动态>标题\n标题\n发布日期: 2020-05-09 | 访问次数: 9\n\n一、任务\n1.甲。乙。")
    assert data["issued"] == "2020-05-09"
    assert "访问" not in yaml.safe_dump(data, allow_unicode=True)


# --- year themes and annexes --------------------------------------------------

def test_year_theme_lines_in_both_forms_are_copied():
    text = ("标题\n\n一、目标\n1. 目标要求\n——2018年以“规范化建设”为主题。以党章为根本遵循。\n"
            "——2019年，以“组织力提升”为主题，重点构建体制机制。\n二、任务\n2.甲。乙。")
    data = draft(text)
    assert data["year_themes"] == [
        {"year": 2018, "theme": "规范化建设", "text": "以党章为根本遵循。"},
        {"year": 2019, "theme": "组织力提升", "text": "重点构建体制机制。"}]
    assert all_measures(data)[0]["text"].startswith("——2018年以“规范化建设”为主题。")


def test_theme_stated_in_the_preamble_is_a_year_theme():
    data = draft("要点\n\n2020年是收官之年，总体要求是：聚焦“全面进步全面过硬”的主题，补短板。\n\n一、任务\n1.甲。乙。")
    assert data["year_themes"] == [{"year": 2020, "theme": "全面进步全面过硬", "text": ""}]


ANNEXED = """实施方案

一、任务
1. 甲项。内容。
2. 乙项。内容。

附件：2018年度重点任务

附 件

2018 年度重点任务

为贯彻落实方案，现提出 2018 年重点工作任务。

1. 丙项。内容。
2. 丁项。内容。
"""


def test_annex_is_split_off_with_its_year_intro_and_measures():
    data = draft(ANNEXED)
    assert len(measures(data["sections"])) == 2
    annex = data["annexes"][0]
    assert (annex["number"], annex["title"], annex["year"]) == ("", "2018年度重点任务", 2018)
    assert annex["text"] == "为贯彻落实方案，现提出2018年重点工作任务。"
    assert [m["title"] for m in annex["measures"]] == ["丙项", "丁项"]
    assert data["closing"] == "附件：2018年度重点任务"


# --- the YAML draft -----------------------------------------------------------

def test_yaml_draft_starts_with_the_schema_and_lists_what_to_fill_in():
    result = import_text(WEB_PAGE_WITH_ITEMS, "page.txt", "page")
    text = dump_yaml(result)
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../site_config/plan.schema.json"
    assert any(line.startswith("# 待填写：tier") for line in lines)
    assert "#   首页> 动态>标题" in lines
    assert 'tier: ""  # 待填写' in text


WEB_PAGE_WITH_ITEMS = "首页> 动态>标题\n标题\n\n一、任务\n1. 甲项。第一段。\n\n第二段。\n2. 乙项。内容。\n"


def test_yaml_draft_round_trips_and_quotes_every_string():
    result = import_text(WEB_PAGE_WITH_ITEMS, "page.txt", "page")
    text = dump_yaml(result)
    assert yaml.safe_load(text) == {k: v for k, v in result.data.items() if v is not None}
    assert 'number: "1"' in text
    assert "    text: |-\n" in text or "        text: |-\n" in text
    loaded = yaml.safe_load(text)
    assert all_measures(loaded)[0]["text"] == "第一段。\n\n第二段。"


def test_yaml_draft_keeps_the_model_key_order_and_validates_once_tier_is_filled():
    result = import_text(FOUR_LEVELS, "x.txt", "x")
    loaded = yaml.safe_load(dump_yaml(result))
    assert list(loaded)[:7] == ["id", "source", "title", "short_title", "doc_number", "issuer", "tier"]
    assert list(loaded)[-1] == "notes"
    Plan.model_validate(loaded | {"tier": "city"})


def test_yaml_draft_loads_with_the_projects_text_loader():
    from generator.load import source
    result = import_text(notice_document("深办发〔2018〕33号"), "n.txt", "n")
    doc, problems = source.parse_yaml_text(Path("n.yaml"), dump_yaml(result))
    assert problems == []
    assert doc.data["period"] == {"start": "2018", "end": "2020"}
    Plan.model_validate(doc.data | {"tier": "city"})


def test_missing_period_is_a_comment_not_a_null():
    text = dump_yaml(import_text("标题\n\n一、任务\n1. 甲。乙。", "t.txt", "t"))
    assert "# period:" in text and "null" not in text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_quoted_strings_round_trip(value):
    assert yaml.safe_load(f"k: {quote(value)}") == {"k": value}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="甲乙丙 ,：“”#'\"-|>1\t", max_size=12), min_size=1, max_size=5))
def test_multi_line_text_round_trips(lines):
    value = "\n\n".join(lines)
    result = ImportResult({"id": "t", "notes": value})
    assert yaml.safe_load(dump_yaml(result))["notes"] == value


# --- the CLI --------------------------------------------------------------------

def test_cli_prints_the_draft_and_warnings(tmp_path, capsys):
    source = tmp_path / "doc.txt"
    source.write_text(WEB_PAGE_WITH_ITEMS, encoding="utf-8")
    assert main_import(["import", str(source), "--id", "my-plan"]) == 0
    out, err = capsys.readouterr()
    assert yaml.safe_load(out)["id"] == "my-plan"
    assert "网页杂项" in err


def test_cli_reports_a_missing_file_without_traceback(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main_import([str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{missing}:1:1: ") and "Traceback" not in err


def test_cli_reports_a_non_utf8_file_with_its_position(tmp_path, capsys):
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("第一行\n".encode() + "中文".encode("gbk"))
    assert main_import([str(bad)]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}:2:1: ")


def test_cli_refuses_a_bad_id(tmp_path, capsys):
    source = tmp_path / "doc.txt"
    source.write_text("标题", encoding="utf-8")
    assert main_import([str(source), "--id", "Not A Slug"]) == 2
    assert "方案 id" in capsys.readouterr().err


# --- the seeds ------------------------------------------------------------------

SEED_EXPECTATIONS = {
    "000": {"measures": 25, "annex": [], "doc_number": "粤组通〔2020〕12号", "issued": "2020-03-20", "themes": [2020]},
    "001": {"measures": 22, "annex": [], "doc_number": "海城管党组〔2018〕23号", "issued": "2018-10-23", "themes": [2018, 2019, 2020]},
    "002": {"measures": 42, "annex": [27], "doc_number": "深办发〔2018〕33号", "issued": "2018-10-29", "themes": [2018, 2019, 2020]},
    "003": {"measures": 10, "annex": [], "doc_number": "", "issued": "", "themes": []},
    "004": {"measures": 24, "annex": [], "doc_number": "", "issued": "2020-05-09", "themes": []},
}


def seed_file(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"source documents not found at {SEEDS}")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0]


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seed_import_without_hand_edits(prefix, capsys):
    path = seed_file(prefix)
    text = path.read_text(encoding="utf-8")
    expected = SEED_EXPECTATIONS[prefix]
    result = import_text(text, path.name)
    kept = kept_ratio(text, result.data)
    with capsys.disabled():
        print(f"\n{path.name}: kept {kept:.2%} of the body's Chinese characters, "
              f"{len(measures(result.data['sections']))} measures, annexes {[len(a['measures']) for a in result.data['annexes']]}")
    assert kept >= 0.98
    assert len(measures(result.data["sections"])) == expected["measures"]
    assert [len(a["measures"]) for a in result.data["annexes"]] == expected["annex"]
    assert [t["year"] for t in result.data["year_themes"]] == expected["themes"]
    assert result.data["doc_number"] == expected["doc_number"]
    assert result.data["issued"] == expected["issued"]
    assert all(m["title"] and m["text"] for m in all_measures(result.data))
    assert not any(line in yaml.safe_dump(result.data, allow_unicode=True) for line in result.chrome)


@pytest.mark.parametrize("prefix", ["001", "002"])
def test_seed_year_themes(prefix):
    data = import_text(seed_file(prefix).read_text(encoding="utf-8")).data
    assert [t["theme"] for t in data["year_themes"]] == ["规范化建设", "组织力提升", "基层党建全面进步全面过硬"]
    assert all(t["text"] for t in data["year_themes"])


def test_seed_measure_numbers_run_without_gaps():
    for prefix, expected in SEED_EXPECTATIONS.items():
        data = import_text(seed_file(prefix).read_text(encoding="utf-8")).data
        numbers = [m["number"] for m in measures(data["sections"])]
        assert numbers == [str(n) for n in range(1, expected["measures"] + 1)], prefix


def test_kept_ratio_notices_a_lost_paragraph():
    text = seed_file("000").read_text(encoding="utf-8")
    data = import_text(text).data
    data["sections"][0]["measures"][0]["text"] = ""
    assert kept_ratio(text, data) < 0.995


FRAGMENTS = st.sampled_from(["（2020—2018年）", "0000年", "（1900-2200年）", "一、", "（一）", "(二)", "1.", "2、", "（1）", "附 件", "附件：甲", "关于印发《甲》的通知", "各单位：",
                             "粤组通〔2020〕12号", "2018年10月29日", "2020年3月20日印发", "——2018年以“甲”为主题。",
                             "认真落实“甲”的要求,乙。", "根据《甲》（粤办发〔2018〕19号）、《乙》", "首页> 甲", "相关新闻",
                             "组织", "建设", "。", "，", "\n", "\n\n", " ", "2020 年", "“", "”", "《", "》"])


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=60))
def test_any_text_gives_a_loadable_draft(pieces):
    result = import_text("".join(pieces), "fuzz.txt")
    loaded = yaml.safe_load(dump_yaml(result))
    assert loaded["id"] == "fuzz"
    assert all(m["title"] and m["text"] for m in all_measures(loaded))
    filled = {"tier": "city", "title": loaded["title"] or "标题",
              "annexes": [a | {"title": a["title"] or "附件"} for a in loaded["annexes"]]}
    Plan.model_validate(loaded | filled)
