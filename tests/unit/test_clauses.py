"""generator.enrich.clauses: the clause around a number or a deadline, on sentences of the seed documents."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_measures import SEEDS_DIR, load_measures

from generator.enrich.clauses import LONG, clause_around, clause_text, display
from generator.enrich.deadlines import extract_deadlines
from generator.enrich.targets import extract_targets

# (seed, sentence as in the seed, the span, the clause expected around it)
CASES = [
    # a short sentence is its own clause: the words around the number stay
    ("002", "持续推动社区党组织活动经费纳入财政预算，每个社区每年以 10 万元为基数，再依据社区党员人数每名党员增加 500 元。",
     "500 元", "持续推动社区党组织活动经费纳入财政预算，每个社区每年以 10 万元为基数，再依据社区党员人数每名党员增加 500 元"),
    ("002", "建立机关党委书记与党支部书记“双向约谈”制度，每年至少谈心谈话1次。", "1次",
     "建立机关党委书记与党支部书记“双向约谈”制度，每年至少谈心谈话1次"),
    ("002", "加强跟踪培养选拔。下半年，市里统一举办社区党委书记培训班。", "下半年", "下半年，市里统一举办社区党委书记培训班"),
    ("004", "国有企业党建重点是贯彻新颁布的国有企业基层党组织工作条例,持续推动全国国有企业党的建设工作会议30项重点任务落实。",
     "30项", "国有企业党建重点是贯彻新颁布的国有企业基层党组织工作条例,持续推动全国国有企业党的建设工作会议30项重点任务落实"),
    # a long sentence: the comma piece, with the piece before it when it starts with 每/其中/至少 …
    ("002", "引导各级党员领导干部严格落实双重组织生活制度，每年参加党组织关系所在支部组织生活不少于2次，其中至少讲1次党课，定期开展谈心谈话，"
            "面对面帮助基层党组织和党员学懂弄通做实。", "1次党课",
     "每年参加党组织关系所在支部组织生活不少于2次，其中至少讲1次党课"),
    ("002", "引导各级党员领导干部严格落实双重组织生活制度，每年参加党组织关系所在支部组织生活不少于2次，其中至少讲1次党课，定期开展谈心谈话，"
            "面对面帮助基层党组织和党员学懂弄通做实。", "2次",
     "引导各级党员领导干部严格落实双重组织生活制度，每年参加党组织关系所在支部组织生活不少于2次"),
    ("001", "落实双重组织生活制度，和基层联系点讲党课作辅导，全体处级党员领导干部深入到所在党支部上半年与下半年分别至少开展一次讲党课活动，"
            "做到带头学、带头讲、带头干，带动全体党员干部学习", "一次", "全体处级党员领导干部深入到所在党支部上半年与下半年分别至少开展一次讲党课活动"),
    ("003", "充实乡镇（街道）抓党建工作力量，确保每个乡镇（街道）至少有4人（党委副书记、组织委员、组织干事、办事员）专职抓基层党建工作，"
            "参照纪检、政法干部标准给予基层党务干部一定岗位补贴。", "4人",
     "确保每个乡镇（街道）至少有4人（党委副书记、组织委员、组织干事、办事员）专职抓基层党建工作"),
    ("004", "以市级以上园区,“有固定经营场所、有10名以上员工、有生产经营活动”的非公企业,省级社会组织和从业30人以上的社会组织为重点,"
            "持续开展“两个覆盖”攻坚行动", "30人", "省级社会组织和从业30人以上的社会组织为重点"),
    # a short piece that the number ends takes the piece after it: 到2020年，全面完成…
    ("001", "到2020年，党员教育管理监督全面加强，积极性、主动性和创造性全面激发，自觉在深入学习贯彻习近平新时代中国特色社会主义思想上作表率",
     "到2020年", "到2020年，党员教育管理监督全面加强"),
    ("004", "年内,各地要把基层各类网格整合成治理“一张网”,推动服务、管理、资源、力量向网格集聚,提升社区党组织快速反应、精准落实、服务群众的能力。",
     "年内", "年内,各地要把基层各类网格整合成治理“一张网”"),
    # ASCII ; ends a sentence too
    ("004", "推动各级党委(党组)加强领导指导,县级党委每年至少专题研究1次党支部建设工作;督促党委(党组)书记和班子成员年内全部建立党支部工作联系点",
     "1次", "推动各级党委(党组)加强领导指导,县级党委每年至少专题研究1次党支部建设工作"),
]


def _seed_text(seed: str) -> str:
    return " ".join(next(SEEDS_DIR.glob(f"{seed}_*.txt")).read_text(encoding="utf-8").split())


@pytest.mark.parametrize(("seed", "sentence", "span", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_clauses_of_seed_sentences(seed, sentence, span, expected):
    assert " ".join(sentence.split())[:40] in _seed_text(seed)
    start = sentence.index(span)
    lo, hi = clause_around(sentence, start, start + len(span))
    assert sentence[lo:hi] == expected
    assert lo <= start and hi >= start + len(span)


def test_targets_carry_their_clause():
    text = "持续推动社区党组织活动经费纳入财政预算，每个社区每年以 10 万元为基数，再依据社区党员人数每名党员增加 500 元。"
    ten, five_hundred = extract_targets(text)
    assert "每名党员增加 500 元" in five_hundred.clause
    assert "每个社区每年以 10 万元为基数" in ten.clause
    (target,) = extract_targets("采取定向检查和随机抽查相结合的方式，每年开展一次党建工作专项督查。")
    assert "每年开展一次" in target.clause


def test_deadlines_carry_their_clause():
    (d,) = extract_deadlines("加强跟踪培养选拔。下半年，市里统一举办社区党委书记培训班。")
    assert d.clause == "下半年，市里统一举办社区党委书记培训班"


def test_every_clause_of_the_corpus_is_a_substring_around_its_span():
    measures = load_measures()
    assert len(measures) > 100
    clauses = 0
    for m in measures:
        text = f"{m.title}。{m.text}"
        for found in [*extract_targets(text), *extract_deadlines(text)]:
            assert text[found.start : found.end] in found.clause
            assert found.clause in text
            assert len(found.clause) > len(found.raw) or found.clause == text.strip("。")
            clauses += 1
    assert clauses >= 80


def test_brackets_and_quotes_end_nothing():
    text = "按照“成熟一个、申报一个，验收一个”的要求，" + "市、区联合组成验收组不定期组织检查验收" * 3 + "，每年验收2次。"
    start = text.index("一个，")
    lo, hi = clause_around(text, start, start + 2)
    assert text[lo:hi] == "按照“成熟一个、申报一个，验收一个”的要求"


def test_a_stray_opening_mark_is_ignored():
    text = "（一" + "加强组织建设，" * 12 + "每年至少开展1次督查。"
    start = text.index("1次")
    assert clause_text(text, start, start + 2) == "加强组织建设，每年至少开展1次督查"


def test_display_collapses_whitespace_only():
    assert display("严格落实负责人、主办、辅\n\n助 3 类") == "严格落实负责人、主办、辅 助 3 类"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="每年至少1次，。；,;（）“”\n 党建", max_size=150), st.data())
def test_clause_always_covers_the_span(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lo, hi = clause_around(text, start, end)
    assert 0 <= lo <= start <= end <= hi <= len(text)


def test_long_is_about_sixty():
    assert 50 <= LONG <= 80
