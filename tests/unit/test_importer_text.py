"""Clean-up of extracted text: chrome, artefact spaces, hard line breaks."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.cleanup import (
    cjk_only,
    inline_styles,
    remove_cjk_spaces,
    repair_paragraphs,
    split_chrome,
)


def paragraphs(text: str) -> list[str]:
    return repair_paragraphs(text.split("\n"))


# --- chrome -----------------------------------------------------------------

WEB_PAGE = """首页> 党建动态>一篇文章

一篇文章的标题

择稿人员: 刘磊 \u00a0\u00a0 | \u00a0发布日期: 2020-05-09 \u00a0\u00a0| \u00a0 访问次数: 895
字体:
〖背景色:

做好2020年基层党建工作,要认真学习。

相关新闻
某条新闻的标题
Baidu
map
"""


def test_web_chrome_is_dropped_and_listed():
    page = split_chrome(WEB_PAGE)
    kept = [line for line in page.lines if line.strip()]
    assert kept == ["一篇文章的标题", "做好2020年基层党建工作,要认真学习。"]
    assert page.chrome[0] == "首页> 党建动态>一篇文章"
    assert any(line.startswith("择稿人员") for line in page.chrome)
    assert {"字体:", "〖背景色:", "相关新闻", "某条新闻的标题", "Baidu", "map"} <= set(page.chrome)


def test_web_page_date_is_read_from_the_chrome_line():
    assert split_chrome(WEB_PAGE).published == "2020-05-09"


def test_site_note_is_chrome_but_body_lines_stay():
    page = split_chrome("本文系作者原创投稿，仅供学习参考，请勿照搬照抄！\n2020年党建工作实施意见\n为做好工作，制定本意见。")
    assert page.chrome == ["本文系作者原创投稿，仅供学习参考，请勿照搬照抄！"]
    assert [line for line in page.lines if line] == ["2020年党建工作实施意见", "为做好工作，制定本意见。"]


def test_chrome_keeps_line_count_so_positions_stay_comparable():
    assert len(split_chrome(WEB_PAGE).lines) == len(WEB_PAGE.splitlines())


# --- spaces -----------------------------------------------------------------

def test_spaces_between_chinese_and_digits_are_artefacts():
    assert remove_cjk_spaces("2020 年工作要点") == "2020年工作要点"
    assert remove_cjk_spaces("人员不少于 1 名。") == "人员不少于1名。"
    assert remove_cjk_spaces("每年以 10 万元为基数") == "每年以10万元为基数"
    assert remove_cjk_spaces("总数的 1%至 2%配备") == "总数的1%至2%配备"
    assert remove_cjk_spaces("（2018—2020 年）》 重点任务") == "（2018—2020年）》重点任务"


def test_spaces_between_chinese_characters_are_removed():
    assert remove_cjk_spaces("关于印发《加强 党的基层组织建设》的通知") == "关于印发《加强党的基层组织建设》的通知"


def test_other_spaces_are_kept():
    assert remove_cjk_spaces("思想 and 党的十九大精神") == "思想 and 党的十九大精神"
    assert remove_cjk_spaces("(二) 开展行动") == "(二) 开展行动"


def test_space_between_two_headlines_is_kept():
    title = "扎实推进基层党建工作重点任务落实 增强基层党组织政治功能和组织力"
    assert remove_cjk_spaces(title) == title


# --- line breaks ------------------------------------------------------------

def test_break_inside_a_word_is_joined():
    text = "8. 建立工作机制。进一步规范党支部设置，创新组织生\n\n活，强化考核激励。"
    assert paragraphs(text) == ["8. 建立工作机制。进一步规范党支部设置，创新组织生活，强化考核激励。"]


def test_break_after_a_closing_quote_inside_a_sentence_is_joined():
    text = "9. 健全体系。注重在“两新”组织中选拔，举办市“两新”\n\n组织党组织书记培训示范班。"
    assert paragraphs(text)[0].endswith("举办市“两新”组织党组织书记培训示范班。")


def test_sentence_end_starts_a_new_paragraph():
    assert paragraphs("第一段。\n第二段，接着写。") == ["第一段。", "第二段，接着写。"]


def test_heading_is_not_joined_to_the_paragraph_under_it():
    text = "二、主要任务\n\n局党组全面加强领导，做到“三个表率”。"
    assert paragraphs(text) == ["二、主要任务", "局党组全面加强领导，做到“三个表率”。"]


def test_marker_starts_a_new_paragraph_even_after_an_open_sentence():
    text = "1. 甲。乙，丙\n2. 丁。戊。"
    assert paragraphs(text) == ["1. 甲。乙，丙", "2. 丁。戊。"]


def test_title_broken_over_two_lines_is_joined():
    text = "加强党的基层组织建设三年行动计划\n\n2020 年工作要点\n\n2020 年是收官之年，总体要求是：抓落实。"
    assert paragraphs(text) == ["加强党的基层组织建设三年行动计划2020年工作要点", "2020年是收官之年，总体要求是：抓落实。"]


def test_measure_title_broken_by_a_page_is_joined_when_items_are_written_inline():
    text = ("3. 增强责任意识。把学习作为责任。\n\n4. 广泛深入开展习近平新时代中国特色社会主义思想\n\n"
            "的普及教育。坚持把学习作为重要内容。\n\n5. 推动规范。每季度印发指引。")
    assert paragraphs(text)[1] == "4. 广泛深入开展习近平新时代中国特色社会主义思想的普及教育。坚持把学习作为重要内容。"


def test_heading_style_items_are_not_joined():
    text = "（一）开展行动，提升水平\n1.甲。乙。\n（二）开展培育行动，全面提升\n聚焦重点任务，推动提升。"
    assert inline_styles(text.split("\n")) == {"num"}
    assert paragraphs(text)[2:] == ["（二）开展培育行动，全面提升", "聚焦重点任务，推动提升。"]


def test_document_number_and_dates_stand_alone():
    text = "中共深圳市委办公厅文件\n\n深办发〔2018〕33号\n\n中共深圳市委办公厅\n\n2018年10月29日\n\n深圳市实施方案"
    assert paragraphs(text) == ["中共深圳市委办公厅文件", "深办发〔2018〕33号", "中共深圳市委办公厅", "2018年10月29日", "深圳市实施方案"]


def test_half_width_punctuation_is_kept_as_printed():
    text = "做好工作,要认真学习:贯彻(落实)精神;推动\n\n发展。"
    assert paragraphs(text) == ["做好工作,要认真学习:贯彻(落实)精神;推动发展。"]


def test_year_theme_line_broken_inside_is_joined_and_next_theme_is_separate():
    text = "——2018年以“规范化建设”为主题。着力解决党员教育管理不规\n\n范等突出问题。\n\n——2019年以“组织力提升”为主题。重点构建体制机制。"
    result = paragraphs(text)
    assert len(result) == 2 and "不规范等突出问题。" in result[0]


PIECES = st.sampled_from(["组织", "建设", "。", "，", ",", "：", "一、", "（一）", "(二)", "1.", "2、", "（1）",
                          "——2018年以“规范化建设”为主题。", "粤组通〔2020〕12号", "2018年10月29日", " ", "\n", "\n\n",
                          "2020 年", "“两新”", "附 件", "and", "10"])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_repair_never_loses_or_reorders_printed_characters(pieces):
    text = "".join(pieces)
    repaired = "".join(paragraphs(text))
    assert re.sub(r"\s", "", repaired) == re.sub(r"\s", "", text)


def test_cjk_only_keeps_chinese_characters():
    assert cjk_only("1. 甲，乙 and 丙（2020年）") == "甲乙丙年"
