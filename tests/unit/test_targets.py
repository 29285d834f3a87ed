"""generator.enrich.targets: quantitative targets in sentences taken from the seed documents."""

from __future__ import annotations

import pytest

from generator.enrich.targets import Target, extract_targets

# (seed, sentence as in the seed, [(value, unit, kind, a phrase that `counts` contains, `per` or None, bound)])
CASES = [
    ("001", "大力推进基层党建工作队伍专职化建设，按照机关工作人员总数的 1%至 2%配备专职党务干部。",
     [("1–2", "%", "share", "专职党务干部", None, "")]),
    ("001", "各支部明确从事基层党建工作的人员不少于 1 名。",
     [("1", "名", "count", "从事基层党建工作的人员", None, "min")]),
    ("001", "采取定向检查和随机抽查相结合的方式，每年开展一次党建工作专项督查。",
     [("1", "次", "frequency", "党建工作专项督查", "每年", "")]),
    ("001", "全体处级党员领导干部深入到所在党支部上半年与下半年分别至少开展一次讲党课活动",
     [("1", "次", "frequency", "讲党课活动", None, "min")]),
    ("002", "社区党建标准化建设基本实现100%达标，建成“1+10+N”党群服务中心体系",
     [("100", "%", "share", "社区党建标准化建设", None, "")]),
    ("002", "每年参加党组织关系所在支部组织生活不少于2次，其中至少讲1次党课，定期开展谈心谈话",
     [("2", "次", "frequency", "组织生活", "每年", "min"), ("1", "次", "frequency", "党课", None, "min")]),
    ("002", "建立机关党委书记与党支部书记“双向约谈”制度，每年至少谈心谈话1次。",
     [("1", "次", "frequency", "谈心谈话", "每年", "min")]),
    ("002", "推动全国互联网百强企业、互联网独角兽企业、营业收入亿元以上及职工人数100人以上的企业单独建立党组织。",
     [("100", "人", "count", "企业", None, "min")]),
    ("002", "建立市领导挂点整顿软弱涣散社区党组织制度，每名市委常委挂点联系1个软弱涣散社区党委。",
     [("1", "个", "count", "软弱涣散社区党委", "每名市委常委", "")]),
    ("002", "按不低于1:2比例建立社区党委书记后备干部队伍，注重推荐工作骨干、优秀年轻干部、妇女干部进入后备干部队伍",
     [("1:2", "", "ratio", "社区党委书记后备干部队伍", None, "min")]),
    ("002", "实施社区“两委”成员学历提升计划，力争用2—3年时间推动社区“两委”成员全部达到大专学历。每年举办两期市“两新”组织党组织书记培训示范班",
     [("2", "期", "frequency", "党组织书记培训示范班", "每年", "")]),
    ("002", "落实就业年龄段社区党委书记实行事业岗位、事业待遇，连续任职满六年、表现优秀的经规定程序后纳入事业编制。",
     [("6", "年", "duration", "连续任职", None, "")]),
    ("002", "推动市、区党员领导干部每人至少联系1名党外高层次人才，做好政治吸纳工作。",
     [("1", "名", "count", "党外高层次人才", "每人", "min")]),
    ("002", "明确1名街道党工委副书记专职分管基层党建和基层治理，配齐配强组织委员和组织员",
     [("1", "名", "count", "街道党工委副书记", None, "")]),
    ("002", "机关国有企事业单位专职党务工作人员按干部职工总数的1—2%配备。市直机关每个党支部设1名半专职党务干部",
     [("1–2", "%", "share", "专职党务工作人员", None, ""), ("1", "名", "count", "半专职党务干部", "每个党支部", "")]),
    ("002", "严格落实负责人、主办、辅\n\n助 3 类 35 档岗位管理体系，突出政治标准",
     [("3", "类", "count", "岗位", None, ""), ("35", "档", "count", "岗位", None, "")]),
    ("002", "持续推动社区党组织活动经费纳入财政预算，每个社区每年以 10 万元为基数，再依据社区党员人数每名党员增加 500 元。",
     [("10", "万元", "amount", "社区党组织活动经费", "每个社区每年", ""),
      ("500", "元", "amount", "社区党组织活动经费", "每名党员", "")]),
    ("002", "市、区按平均每个社区每年 200 万元安排“民生微实事”经费，增强社区党组织服务群众的经费保障。",
     [("200", "万元", "amount", "“民生微实事”经费", "每个社区每年", "")]),
    ("002", "督促国有企业按照上年度职工工资总额 1% 安排党组织工作经费，确保党组织有经费开展活动。",
     [("1", "%", "share", "党组织工作经费", None, "")]),
    ("002", "组织开展全市74个街道任期考察和班子配备工作，选优配强街道领导班子",
     [("74", "个", "count", "街道", None, "")]),
    ("002", "开展社区党建标准化建设“冬季攻坚、百日冲刺”行动，对占总数20%的尚未达标社区，逐个盯住抓实",
     [("20", "%", "share", "尚未达标社区", None, "")]),
    ("002", "对各领域基层党委、总支、支部设置情况进行一次全面摸排，对设置不合理的进行合并、拆分或改设",
     [("1", "次", "count", "全面摸排", None, "")]),
    ("002", "“在高层次人才中发展党员”等10个专题，蹲点调研、解剖麻雀",
     [("10", "个", "count", "专题", None, "")]),
    ("003", "2020年发展的党员中，40岁以下的要达到75%以上，高中以上学历达到80%以上，进一步优化党员队伍结构。",
     [("75", "%", "share", "40岁以下", None, "min"), ("80", "%", "share", "高中以上学历", None, "min")]),
    ("003", "选优配强村级组织班子尤其是党组织书记，每村建立3—7人的后备干部队伍。",
     [("3–7", "人", "count", "后备干部队伍", "每村", "")]),
    ("003", "确保每个乡镇有X个以上县级村级集体经济发展试点，逐步消除集体经济收入空白村",
     [("X", "个", "placeholder", "村级集体经济发展试点", "每个乡镇", "min")]),
    ("003", "各县（市）财政列支不低于X万元，各城市区财政列支不低于X万元，作为基层党建工作专项经费，用于阵地建设、功能提升、教育培训等。",
     [("X", "万元", "placeholder", "基层党建工作专项经费", None, "min"),
      ("X", "万元", "placeholder", "基层党建工作专项经费", None, "min")]),
    ("003", "社区党组织工作经费按照每户不低于X元标准纳入财政预算。",
     [("X", "元", "placeholder", "社区党组织工作经费", "每户", "min")]),
    ("003", "非公经济组织党费全额返还，党组织工作经费纳入企业管理费，不超过职工年度工资总额1%部分在企业所得税前扣除。",
     [("1", "%", "share", "职工年度工资总额", None, "max")]),
    ("003", "市县党委要把国企党建工作纳入整体工作部署和党建总体规划，每半年听取1次工作汇报、开展1次集中督导。",
     [("1", "次", "frequency", "工作汇报", "每半年", ""), ("1", "次", "frequency", "督导", None, "")]),
    ("003", "确保每个乡镇（街道）至少有4人（党委副书记、组织委员、组织干事、办事员）专职抓基层党建工作",
     [("4", "人", "count", "专职抓基层党建工作", "每个乡镇（街道）", "min")]),
    ("003", "开展软弱涣散基层党组织整顿“回头看”，对前八批后进村党组织按照不低于10%的比例自查",
     [("10", "%", "share", "后进村党组织", None, "min")]),
    ("003", "国企下属单位、职能部门、外地或海外分支机构等常设或临时机构，凡有正式党员3名以上，都要成立党组织或临时党支部。",
     [("3", "名", "count", "党员", None, "min")]),
    ("003", "采取明查暗访、巡回观摩、对调检查等方式，每季度组织一次督导调研，召开一次推进会或片区会",
     [("1", "次", "frequency", "督导调研", "每季度", ""), ("1", "次", "frequency", "推进会", None, "")]),
    ("003", "对排名位列县、区前三名的给予专项经费奖励，最高奖励X万元。",
     [("X", "万元", "placeholder", "奖励", None, "max")]),
    ("004", "分层次抓好各领域基层党组织书记集中轮训,确保每人每年至少参加1次培训。",
     [("1", "次", "frequency", "培训", "每人每年", "min")]),
    ("004", "认真落实村党组织书记县级党委备案管理制度,尽早研究换届人选,每个村至少要储备1至2名后备力量。",
     [("1–2", "名", "count", "后备力量", "每个村", "min")]),
    ("004", "要按照“15分钟服务圈”的要求合理布局党群服务中心",
     [("15", "分钟", "duration", "服务圈", None, "")]),
    ("004", "以市级以上园区,“有固定经营场所、有10名以上员工、有生产经营活动”的非公企业,省级社会组织和从业30人以上的社会组织为重点",
     [("10", "名", "count", "员工", None, "min"), ("30", "人", "count", "社会组织", None, "min")]),
    ("004", "国有企业党建重点是贯彻新颁布的国有企业基层党组织工作条例,持续推动全国国有企业党的建设工作会议30项重点任务落实。",
     [("30", "项", "count", "重点任务", None, "")]),
    ("004", "县级党委每年至少专题研究1次党支部建设工作",
     [("1", "次", "frequency", "党支部建设工作", "每年", "min")]),
    ("000", "完成5类大型企业和成员较多的社会组织党的组织覆盖，破解社会组织党建难题。",
     [("5", "类", "count", "大型企业", None, "")]),
    ("000", "落实高校党建工作责任制，全面实施中小学党建7项举措，推进公立医院党的建设。",
     [("7", "项", "count", "中小学党建举措", None, "")]),
]


@pytest.mark.parametrize(("seed", "sentence", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_targets_of_seed_sentences(seed, sentence, expected):
    found = extract_targets(sentence)
    got = [(t.value, t.unit, t.kind) for t in found]
    assert got == [(value, unit, kind) for value, unit, kind, *_ in expected]
    for target, (_, _, _, counts, per, bound) in zip(found, expected):
        assert counts in target.counts, (target.raw, target.counts)
        assert len(target.counts) <= 20
        if per is not None:
            assert target.per == per
        assert target.bound == bound, target.raw
        assert target.placeholder is (target.value == "X")
        assert sentence[target.start : target.end] == target.raw


def test_enough_seed_sentences():
    assert len(CASES) >= 30
    assert sum(len(expected) for _, _, expected in CASES) >= 40


def test_raw_keeps_the_spaces_and_widths_of_the_text():
    (target,) = extract_targets("按照机关工作人员总数的 １％至 ２％配备专职党务干部")
    assert target.raw == "１％至 ２％"
    assert (target.value, target.unit, target.counts) == ("1–2", "%", "专职党务干部")
    (target,) = extract_targets("各支部明确从事基层党建工作的人员不少于 1 名。")
    assert target.raw == "1 名"


@pytest.mark.parametrize("dash", ["至", "到", "—", "–", "-", "~", "～", "－"])
def test_range_separators(dash):
    (target,) = extract_targets(f"每村建立3{dash}7人的后备干部队伍。")
    assert (target.value, target.unit, target.counts) == ("3–7", "人", "后备干部队伍")


def test_full_width_digits_and_percent():
    (target,) = extract_targets("督促国有企业按照上年度职工工资总额１％安排党组织工作经费")
    assert (target.value, target.unit, target.kind) == ("1", "%", "share")


def test_counts_keeps_full_width_brackets_of_the_text():
    (target,) = extract_targets("确保每个乡镇（街道）至少有4人专职抓基层党建工作")
    assert target.per == "每个乡镇（街道）"


@pytest.mark.parametrize(
    "sentence",
    [
        "2020 年是实施全省加强党的基层组织建设三年行动计划收官之年",  # a year
        "贯彻落实《2019—2023年全国党员教育培训工作规划》",  # a span of years in a title
        "完善“1+10+N”党群服务中心体系建设。",  # a name
        "挖掘利用“第一次全国劳动大会旧址”等红色文化资源",  # an ordinal
        "配合做好庆祝中国共产党成立100周年活动首次颁发“七一勋章”",  # an anniversary
        "推进基层党建工作的统筹协调，打好“四张牌”",  # Chinese numerals outside 次/期
        "根据《中共广东省委办公厅关于印发〈广东省加强党的基层组织建设三年行动计划（2018—2020年）〉的通知》（粤办发〔2018〕19号）",
        "力争用2—3年时间推动社区“两委”成员全部达到大专学历",  # a span: see deadlines
    ],
)
def test_not_targets(sentence):
    assert extract_targets(sentence) == []


def test_target_is_frozen():
    (target,) = extract_targets("每村建立3—7人的后备干部队伍。")
    assert isinstance(target, Target)
    with pytest.raises(AttributeError):
        target.value = "4"  # type: ignore[misc]


def test_targets_carry_the_clause_of_their_sentence():
    text = "持续推动社区党组织活动经费纳入财政预算，每个社区每年以 10 万元为基数，再依据社区党员人数每名党员增加 500 元。"
    for target in extract_targets(text):
        assert target.clause in text and target.raw in target.clause
    assert "每名党员增加 500 元" in extract_targets(text)[1].clause
    (target,) = extract_targets("建立机关党委书记与党支部书记“双向约谈”制度，每年至少谈心谈话1次。")
    assert "每年至少谈心谈话1次" in target.clause


def test_targets_page_quotes_the_clause():
    from seed_measures import corpus

    from generator.config import DEFAULT
    from generator.enrich.enrichment import Enrichment
    from generator.render.context import Site
    from generator.render.environment import Renderer
    from generator.render.pages.targets import targets_page

    c, e = corpus(), Enrichment()
    for pm in c.measures:
        e.targets[pm.id], e.topics[pm.id] = extract_targets(f"{pm.measure.title}。{pm.measure.text}"), []
    table = next(iter(targets_page(Site(c, e, Renderer(DEFAULT.templates))).downloads.values()))
    assert table.header[4:6] == ["原文", "数值"]
    quoted = {(r[4], r[5]) for r in table.rows}
    assert any("每名党员增加500元" in clause and value == "500" for clause, value in quoted)
    assert all(len(clause) > 3 for clause, _ in quoted)
