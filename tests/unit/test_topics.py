"""generator.enrich.topics: site_config/topics.yaml and the topics of the five plans' measures."""

from __future__ import annotations

import re
import shutil
import textwrap

import yaml

import pytest
from pydantic import ValidationError
from seed_measures import ROOT, load_measures
from seed_measures import topics as portal_topics

from generator.enrich.topics import MAX_TOPICS, assign_topics, is_general_measure, topic_evidence
from generator.load.model import Topic
from generator.load.site_config import load_site_config

TOPICS_YAML = ROOT / "site_config" / "topics.yaml"


@pytest.fixture(scope="module")
def topics() -> list[Topic]:
    return portal_topics()


@pytest.fixture(scope="module")
def measures():
    return {m.ref: m for m in load_measures()}


def _assigned(measure, topics):
    return assign_topics(measure.title, measure.text, topics)


def _find(measures, seed, title_part):
    found = [m for m in measures.values() if m.seed == seed and title_part in m.title]
    assert len(found) == 1, (seed, title_part, [m.ref for m in found])
    return found[0]


def test_topics_yaml_has_the_required_topics(topics):
    assert 20 <= len(topics) <= 40
    ids = [t.id for t in topics]
    for required in ("ruanruo-huansan", "shuji-duiwu", "dangyuan-jiaoyu", "fazhan-dangyuan", "zhibu-biaozhunhua",
                     "dangqun-zhongxin", "jingfei-baozhang", "dangwu-duiwu", "zhihui-dangjian", "shuzhi-kaohe",
                     "liangxin", "guoyou-qiye", "jiguan", "gaoxiao-xuexiao", "chengshi-zhili", "nongcun-zhenxing",
                     "saohei-chu-e", "zuofeng-jilv", "zuzhi-shenghuo", "dangyuan-guanli", "jili-guanhuai",
                     "xuexi-guanche", "zuzhi-shezhi", "tongchou-duncu", "yiqing-fangkong"):
        assert required in ids
    names = {t.id: t.name for t in topics}
    assert names["ruanruo-huansan"] == "软弱涣散党组织整顿"
    assert sum(t.general for t in topics) == 1


def test_topics_yaml_quotes_every_string():
    unquoted = []
    for lineno, line in enumerate(TOPICS_YAML.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r"^\s*-?\s*(id|name|description):\s*(.*)$", line)
        if m and not m.group(2).startswith('"'):
            unquoted.append(lineno)
        m = re.match(r"^\s*words:\s*\[(.*)\]\s*$", line)
        if m and any(not w.strip().startswith('"') for w in m.group(1).split(",")):
            unquoted.append(lineno)
    assert unquoted == []


def test_every_measure_has_a_topic_unless_general(topics, measures):
    general, missing = [], []
    for m in measures.values():
        assigned = _assigned(m, topics)
        if is_general_measure(m.title, m.text):
            general.append(f"{m.ref} {m.title}")
            assert assigned == ["zongti-yaoqiu"]
        elif not assigned:
            missing.append(f"{m.ref} {m.title}")
    print("\ngeneral measures (only the general topic):\n  " + "\n  ".join(general))
    assert missing == []
    assert [g.split()[0] for g in general] == ["002/1", "002/2"]


@pytest.mark.parametrize(
    ("ref", "topic"),
    [
        ("000/4", "ruanruo-huansan"),  # 完善精准整顿软弱涣散基层党组织工作机制
        ("000/5", "yiqing-fangkong"),  # 在统筹推进新冠肺炎疫情防控中检验和提升组织力
        ("000/14", "dangqun-zhongxin"),  # 推进党群服务中心实体化功能化建设
        ("000/23", "zhihui-dangjian"),  # 加强“广东党建云”平台建设和运行
        ("000/24", "tongchou-duncu"),  # 完善统筹协调和督促落实工作机制
        ("001/13", "ruanruo-huansan"),
        ("001/15", "saohei-chu-e"),  # 为铲除黑恶势力滋生土壤提供坚强组织保证
        ("001/16", "dangwu-duiwu"),  # 加强党务工作者队伍建设
        ("001/20", "zuofeng-jilv"),  # 加强纪律教育
        ("002/10", "guoyou-qiye"),  # 坚持党对国有企业的领导不动摇
        ("002/35", "jingfei-baozhang"),  # 加大财政对基层党建投入力度
        ("002/36", "dangqun-zhongxin"),  # 完善“1+10+N”党群服务中心体系建设
        ("002/41", "shuzhi-kaohe"),  # 健全抓基层党建工作述职评议考核机制
        ("002/a1-16", "ruanruo-huansan"),  # 持续整顿软弱涣散社区党组织
        ("003/5", "jingfei-baozhang"),  # 强化党建工作经费保障
        ("003/7", "guoyou-qiye"),  # 加强和改进国企党建工作
    ],
)
def test_hand_checked_first_topic(topics, measures, ref, topic):
    assert _assigned(measures[ref], topics)[0] == topic


@pytest.mark.parametrize(
    ("seed", "title_part", "topic"),
    [
        ("004", "持续整顿软弱涣散村党组织", "ruanruo-huansan"),
        ("004", "加强党群服务中心功能建设", "dangqun-zhongxin"),
        ("004", "高校党建重点", "gaoxiao-xuexiao"),
        ("004", "公立医院党建重点", "gongli-yiyuan"),
        ("004", "选优配强村党组织带头人", "shuji-duiwu"),
    ],
)
def test_hand_checked_article_measures(topics, measures, seed, title_part, topic):
    assert _assigned(_find(measures, seed, title_part), topics)[0] == topic


@pytest.mark.parametrize(
    ("ref", "topic"),
    [
        ("004/n5", "nongcun-zhenxing"),  # 村党组织带头人: also rural
        ("003/8", "ruanruo-huansan"),  # 加强和改进农村党建工作 … 软弱涣散基层党组织整顿“回头看”
    ],
)
def test_secondary_topics(topics, measures, ref, topic):
    assert topic in _assigned(measures[ref], topics)


def test_few_topics_per_measure(topics, measures):
    counts = [len(_assigned(m, topics)) for m in measures.values()]
    assert max(counts) <= MAX_TOPICS
    assert sum(counts) / len(counts) <= 3


def test_curated_topics_come_first_and_are_kept(topics, measures):
    m = measures["000/4"]
    auto = assign_topics(m.title, m.text, topics)
    assert auto[0] == "ruanruo-huansan" and "fuwu-qunzhong" not in auto
    assert assign_topics(m.title, m.text, topics, curated=["fuwu-qunzhong"]) == ["fuwu-qunzhong", *auto]
    assert assign_topics(m.title, m.text, topics, curated=["ruanruo-huansan"]) == auto
    general = measures["002/1"]
    assert assign_topics(general.title, general.text, topics, curated=["xuexi-guanche"]) == ["xuexi-guanche", "zongti-yaoqiu"]


def test_a_measure_without_marker_words_gets_no_topic(topics):
    assert assign_topics("天气晴朗。", "今天适合出门散步。", topics) == []


@pytest.mark.parametrize(
    ("title", "general"),
    [
        ("指导思想。", True),
        ("目标要求", True),
        ("（一）指导思想", True),
        ("主题目标。", True),
        ("指导思想和主题目标", True),
        ("总体要求", True),
        ("完善统筹协调和督促落实工作机制。", False),
        ("强化政治功能，注重政治引领。", False),
        ("坚持以习近平新时代中国特色社会主义思想为指导", False),
    ],
)
def test_is_general_measure(title, general):
    assert is_general_measure(title, "") is general


def test_bad_topics_are_reported_with_their_positions(tmp_path):
    config = tmp_path / "site_config"
    shutil.copytree(ROOT / "site_config", config)
    (config / "topics.yaml").write_text(textwrap.dedent("""\
        - {id: "Bad_Id", name: "甲", description: "甲。", words: ["甲"]}
        - {id: "ok", name: "乙", description: "乙。", words: []}
        - {id: "dup", name: "丙", description: "丙。", words: ["丙"], colour: "red"}
        - {id: "dup", name: "丁", description: "丁。", words: ["丁"]}
        """), encoding="utf-8")
    _, problems = load_site_config(config, 1 << 20)
    where = sorted((p.line, p.column) for p in problems)
    assert all(p.path.endswith("topics.yaml") and p.is_error for p in problems)
    assert (1, 8) in where  # the bad id
    assert (2, 51) in where  # the empty words list
    assert (3, 59) in where  # the unknown key colour


def test_topic_is_frozen_and_forbids_extra_keys():
    topic = Topic(id="a-b", name="甲", description="甲。", words=["甲"])
    with pytest.raises(ValidationError):
        topic.id = "c"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Topic(id="a-b", name="甲", description="甲。", words=["甲"], colour="red")


# --------------------------------------------------------------------------- hand-checked topics (precision and recall)

GOLD = yaml.safe_load((ROOT / "tests" / "fixtures" / "topics" / "gold.yaml").read_text(encoding="utf-8"))


def _scores(part, topics, measures):
    """(precision, recall) of the assigned topics against tests/fixtures/topics/gold.yaml."""
    right = assigned = required = found = 0
    for ref, gold in GOLD[part].items():
        got = _assigned(measures[ref], topics)
        ok = set(gold["required"]) | set(gold.get("acceptable", []))
        right += sum(t in ok for t in got)
        assigned += len(got)
        required += len(gold["required"])
        found += sum(t in got for t in gold["required"])
    return right / assigned, found / required


@pytest.mark.parametrize(("part", "precision", "recall"), [("dev", 0.88, 0.97), ("heldout", 0.8, 0.95)])
def test_topics_match_the_hand_checked_set(topics, measures, part, precision, recall, record_property):
    p, r = _scores(part, topics, measures)
    record_property("precision_recall", f"{p:.3f} {r:.3f}")
    assert p >= precision and r >= recall, (p, r)


@pytest.mark.parametrize(
    ("ref", "topic", "clause"),
    [
        ("000/2", "zuzhi-shenghuo", "严格“三会一课”等组织生活制度"),  # the matrix's false zero of 省 × 组织生活
        ("000/21", "gaoxiao-xuexiao", "落实高校党建工作责任制"),
        ("000/21", "gongli-yiyuan", "推进公立医院党的建设"),
    ],
)
def test_a_topic_carries_the_clause_that_justifies_it(topics, measures, ref, topic, clause):
    m = measures[ref]
    evidence = {e.topic: e for e in topic_evidence(m.title, m.text, topics)}
    assert topic in evidence
    assert clause in [m.text[s:e] for s, e in evidence[topic].clauses]


@pytest.mark.parametrize(
    ("ref", "passing"),
    [
        ("000/3", "zuzhi-shenghuo"),  # 支部抓“三会一课”的党员教育工作格局: about 党员教育
        ("002/a1-24", "zuzhi-shenghuo"),  # 实现党员在线组织学习、开展三会一课、缴纳党费等功能
        ("001/17", "zhihui-dangjian"),  # 集智慧党建、多元融合、综合服务于一体的党建阵地
        ("004/n17", "shifan-chuangxin"),  # 议事规则示范文本 (an excluded phrase)
    ],
)
def test_a_passing_mention_is_not_a_topic(topics, measures, ref, passing):
    assert passing not in _assigned(measures[ref], topics)


def test_a_short_word_needs_a_second_mention():
    topic = Topic(id="gaoxiao", name="高校", description="高校党建。", words=["高校"])
    other = Topic(id="fazhan", name="发展党员", description="发展党员。", words=["发展党员"])
    once = "做好发展党员工作，组织高校参观学习。"
    assert assign_topics("发展党员", once, [topic, other]) == ["fazhan"]
    assert assign_topics("发展党员", once + "落实高校党建责任。", [topic, other]) == ["fazhan", "gaoxiao"]
