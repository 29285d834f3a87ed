"""generator.enrich.deadlines: time expressions and years named, in sentences from the seed documents."""

from __future__ import annotations

import pytest

from generator.enrich.deadlines import Deadline, extract_deadlines, years_named

# (seed, sentence as in the seed, [(raw, kind, year)])
CASES = [
    ("002", "整合资源加强街道党校建设，2018年年底前全面完成挂牌、开班。", [("2018年年底前", "deadline", 2018)]),
    ("001", "按照不定比例、动态管理的要求，到2020年全面完成软弱涣散基层党组织整顿工作。", [("到2020年", "deadline", 2020)]),
    ("001", "到2020年，党员教育管理监督全面加强，积极性、主动性和创造性全面激发", [("到2020年", "deadline", 2020)]),
    ("002", "实施社区“两委”成员学历提升计划，力争用2—3年时间推动社区“两委”成员全部达到大专学历。",
     [("力争用2—3年时间", "span", None)]),
    ("002", "通过3年工作，推动党在基层的组织覆盖和工作覆盖更加有效", [("通过3年工作", "span", None)]),
    ("002", "严格落实党员领导干部双重组织生活制度，年内参加党组织关系所在支部组织生活不少于2次，其中至少讲1次党课。",
     [("年内", "within", None)]),
    ("002", "每季度印发“三会一课”主题内容指引，扎实开展“三会一课”、组织生活会和民主评议党员", [("每季度", "period", None)]),
    ("001", "全体处级党员领导干部深入到所在党支部上半年与下半年分别至少开展一次讲党课活动",
     [("上半年", "within", None), ("下半年", "within", None)]),
    ("002", "加强跟踪培养选拔。下半年，市里统一举办社区党委书记培训班。", [("下半年", "within", None)]),
    ("003", "市县党委要把国企党建工作纳入整体工作部署和党建总体规划，每半年听取1次工作汇报、开展1次集中督导。",
     [("每半年", "period", None)]),
    ("002", "每年底由上级党委（党总支）对基层党支部书记履行党建工作职责情况进行考核", [("每年底", "period", None)]),
    ("002", "市委每年度制定落实《广东省加强党的基层组织建设三年行动计划（2018—2020年）》重点任务",
     [("每年度", "period", None)]),
    ("002", "持续推动社区党组织活动经费纳入财政预算，每个社区每年以 10 万元为基数", [("每年", "period", None)]),
    ("002", "逐个盯住抓实、逐个验收过关，年底基本实现100%达标。", [("年底", "within", None)]),
    ("002", "整合资源加强街道党校建设，力争年底前全面完成挂牌、开班。", [("年底前", "within", None)]),
    ("004", "进一步强化街道抓党建、抓治理、抓服务的主责,确保年内取得实质性进展。", [("年内", "within", None)]),
    ("004", "要坚持边摸排、边组建、边巩固,年底前摸清底数、找准症结", [("年底前", "within", None)]),
    ("004", "保持贫困村第一书记稳定,今年原则上不轮换,已经脱贫的村第一书记不能撤。", [("今年", "within", None)]),
    ("004", "分层次抓好各领域基层党组织书记集中轮训,确保每人每年至少参加1次培训。", [("每年", "period", None)]),
    ("003", "采取明查暗访、巡回观摩、对调检查等方式，每季度组织一次督导调研，召开一次推进会或片区会",
     [("每季度", "period", None)]),
    # no deadline: bare years, plan periods in titles, anniversaries
    ("003", "2020年发展的党员中，40岁以下的要达到75%以上", []),
    ("000", "2020 年是实施全省加强党的基层组织建设三年行动计划收官之年", []),
    ("000", "提前做好2021年乡镇党委换届和村（社区）“两委”换届准备。", []),
    ("001", "海珠区城市管理局加强党的基层组织建设三年行动计划实施方案（2018—2020年）", []),
]


@pytest.mark.parametrize(("seed", "sentence", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_deadlines_of_seed_sentences(seed, sentence, expected):
    found = extract_deadlines(sentence)
    assert [(d.raw, d.kind, d.year) for d in found] == expected
    for d in found:
        assert sentence[d.start : d.end] == d.raw


@pytest.mark.parametrize(
    ("sentence", "raw", "year"),
    [
        ("２０１９年底前完成", "２０１９年底前", 2019),
        ("截至2019年6月底，全面完成整顿", "截至2019年6月底", 2019),
        ("2020 年年底前基本建成", "2020 年年底前", 2020),
        ("在2021年以前完成换届", "2021年以前", 2021),
    ],
)
def test_more_deadline_forms(sentence, raw, year):
    (d,) = [d for d in extract_deadlines(sentence) if d.kind == "deadline"]
    assert (d.raw, d.year) == (raw, year)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("每年年底前报送工作情况", [("每年年底前", "period", None)]),
        ("力争三年内完成", [("三年内", "span", None)]),
        ("用两年时间完成全部整顿", [("用两年时间", "span", None)]),
        ("到2020年底基本建成", [("到2020年底", "deadline", 2020)]),
    ],
)
def test_more_forms(sentence, found):
    assert [(d.raw, d.kind, d.year) for d in extract_deadlines(sentence)] == found


def test_a_range_of_years_is_not_a_deadline():
    assert [d for d in extract_deadlines("2018至2020年，每年评定一次") if d.kind == "deadline"] == []
    assert [d for d in extract_deadlines("2018年至2020年期间") if d.kind == "deadline"] == []


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("2018年年底前全面完成挂牌、开班", [2018]),
        ("《广东省加强党的基层组织建设三年行动计划（2018—2020年）》", [2018, 2019, 2020]),
        ("海珠区加强党的基层组织建设三年行动计划实施意见（2018-2020年）", [2018, 2019, 2020]),
        ("《2019—2023年全国党员教育培训工作规划》和2020 年工作要点", [2019, 2020, 2021, 2022, 2023]),
        ("提前做好2021年乡镇党委换届；２０２０年３月２０日印发", [2020, 2021]),
        ("粤组通〔2020〕12号", []),  # a document number is not a year named in the prose
        ("从1985年到2060年", []),  # outside 1990–2049
        ("职工人数100人以上、营业收入2000万元", []),
    ],
)
def test_years_named(sentence, years):
    assert years_named(sentence) == years


def test_whole_seed_documents():
    from seed_measures import SEEDS_DIR

    text = next(SEEDS_DIR.glob("002_*.txt")).read_text(encoding="utf-8")
    kinds = {d.kind for d in extract_deadlines(text)}
    assert kinds == {"deadline", "period", "span", "within"}
    assert years_named(text) == [2018, 2019, 2020]


def test_deadline_is_frozen():
    (d,) = extract_deadlines("到2020年全面完成")
    assert isinstance(d, Deadline)
    with pytest.raises(AttributeError):
        d.year = 2021  # type: ignore[misc]


# ---- the year of a relative deadline, and the 时间节点 page ----

from generator.enrich.deadlines import document_year, resolve_year  # noqa: E402
from generator.load.model import Annex, Period, Plan  # noqa: E402


def _plan(**fields) -> Plan:
    return Plan(id="p", title=fields.pop("title", "某市实施方案"), **fields)


@pytest.mark.parametrize(
    ("plan", "annex", "year"),
    [
        (_plan(period=Period(start=2020, end=2020)), None, 2020),  # a one-year plan
        (_plan(period=Period(start=2018, end=2020)), None, None),  # three years: no one year
        (_plan(period=Period(start=2018, end=2020)), Annex(title="2018年度重点任务", year=2018), 2018),
        (_plan(period=Period(start=2018, end=2020)),
         Annex(title="2019年度落实《广东省加强党的基层组织建设三年行动计划（2018—2020年）》重点任务"), 2019),  # its title says
        (_plan(period=Period(start=2018, end=2020)), Annex(title="任务清单"), None),
        (_plan(period=Period(start=2020, end=2020)), Annex(title="任务清单"), 2020),  # the plan's year
        (_plan(title="2020年党建工作实施意见", issued="2020-02"), None, 2020),  # no period: the title names one year
        (_plan(title="党建工作要点", kind="工作要点", issued="2021-03-01"), None, 2021),  # a yearly kind: issued
        (_plan(title="党建工作实施意见", issued="2021-03-01"), None, None),
        (_plan(title="贯彻《2019—2023年全国党员教育培训工作规划》的意见", issued="2020"), None, None),
    ],
)
def test_document_year(plan, annex, year):
    assert document_year(plan, annex) == year


def test_resolve_year():
    within, period, span = (extract_deadlines(s)[0] for s in ("年底前全面完成", "每季度印发指引", "力争用2—3年时间完成"))
    (named,) = extract_deadlines("2018年年底前全面完成挂牌")
    assert [resolve_year(d, 2020) for d in (within, period, span, named)] == [2020, 2020, 2020, 2018]
    assert [resolve_year(d, None) for d in (within, period, span, named)] == [None, None, None, 2018]


def test_relative_deadlines_of_yearly_documents_resolve():
    from seed_measures import corpus

    c = corpus()
    resolved = {}
    for pm in c.measures:
        for d in extract_deadlines(f"{pm.measure.title}。{pm.measure.text}"):
            resolved.setdefault(pm.plan.id if pm.annex is None else f"{pm.plan.id}/annex", []).append(
                resolve_year(d, document_year(pm.plan, pm.annex)))
    assert set(resolved["national-2020-key-tasks"]) == {2020}  # 今年/年内/年底前 of a 2020 document
    assert set(resolved["shenzhen-2018-2020/annex"]) == {2018}  # 年内/年底前/下半年 of the 2018 annex
    assert None in resolved["shenzhen-2018-2020"]  # 每年 of the three-year plan says no one year


@pytest.fixture(scope="module")
def site():
    from seed_measures import corpus

    from generator.config import DEFAULT
    from generator.enrich.enrichment import Enrichment
    from generator.enrich.targets import extract_targets
    from generator.render.context import Site
    from generator.render.environment import Renderer

    c, e = corpus(), Enrichment()
    for pm in c.measures:
        text = f"{pm.measure.title}。{pm.measure.text}"
        e.deadlines[pm.id], e.targets[pm.id], e.topics[pm.id] = extract_deadlines(text), extract_targets(text), []
    return Site(c, e, Renderer(DEFAULT.templates))


def test_deadline_rows_merge_and_quote(site):
    from generator.render.pages.targets import UNSTATED_YEAR, deadline_rows

    rows = deadline_rows(site)
    keys = [(r[0], r[1], r[5][1]) for r in rows]
    assert len(keys) == len(set(keys))  # same year, words and measure: one row
    clauses = [(r[2], r[5][1]) for r in rows]
    assert len(clauses) == len(set(clauses))  # a clause of a measure: one row
    assert not [r for r in rows if r[0] == UNSTATED_YEAR and r[5][0].startswith("附件")]  # the 2018 annex says its year
    texts = {pm.id: " ".join(f"{pm.measure.title}。{pm.measure.text}".split()) for pm in site.corpus.measures}
    for r in rows:
        assert any(all(c in text for c in r[2].split("……")) for text in texts.values()), r
    # (a maintainer's added plan may carry the same sentences: every such row, not exactly one)
    both = [r for r in rows if "上半年" in r[1]]
    assert both and all(r[1] == "上半年、下半年" for r in both)
    every = [r for r in rows if r[1] == "每年" and "加大财政对基层党建投入力度" in r[5][0]]
    assert every and all("每名党员增加500元……" in r[2] for r in every)


def test_deadlines_page_has_the_clause_column(site):
    from generator.render.pages.targets import deadlines_page

    table = next(iter(deadlines_page(site).downloads.values()))
    assert table.header == ["年份", "时间要求", "原文", "层级", "文件", "举措"]
    assert ["2018年", "下半年", "下半年，市里统一举办社区党委书记培训班"] in [r[:3] for r in table.rows]


def test_merge_deadlines_links_rows():
    from generator.render.pages.targets import merge_deadlines

    text = "每年开展督查。年内完成整改。每年评定一次。年内公布结果。"
    rows = merge_deadlines(extract_deadlines(text), lambda d: 2020)
    assert [[d.raw for d in group] for _, group in rows] == [["每年", "每年"], ["年内", "年内"]]
    rows = merge_deadlines(extract_deadlines(text), lambda d: None if d.kind == "period" else 2020)
    assert [year for year, _ in rows] == [None, 2020]
    linked = "每年开展督查。年内完成整改，每年评定一次。"  # the second 每年 shares the first's words and 年内's clause
    rows = merge_deadlines(extract_deadlines(linked), lambda d: 2020)
    assert [[d.raw for d in group] for _, group in rows] == [["每年", "年内", "每年"]]
