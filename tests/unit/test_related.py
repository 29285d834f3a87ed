"""generator.enrich.related: related measures across the five plans, and plan-pair best matches."""

from __future__ import annotations

import numpy as np
import pytest
from seed_measures import load_measures, topics

from generator.config import DEFAULT
from generator.enrich import related, vectors
from generator.enrich.alignment import align
from generator.enrich.related import RelItem, compute_related
from generator.enrich.topics import assign_topics
from generator.text.tokenize import tokenizer_for

THRESHOLD = DEFAULT.related_threshold  # the threshold the build uses

# Hand-picked pairs: each must be in the other's top 5. "004:…" names an article measure by its title.
PAIRS = [
    ("000/4", "001/13"),  # 完善精准整顿软弱涣散基层党组织工作机制 ↔ 精准整顿软弱涣散基层党组织
    ("000/4", "002/23"),  # ↔ 持续整顿软弱涣散基层党组织
    ("001/13", "002/23"),
    ("000/4", "004:持续整顿软弱涣散村党组织"),
    ("002/23", "004:持续整顿软弱涣散村党组织"),
    ("001/15", "002/17"),  # 为铲除黑恶势力滋生土壤提供坚强组织保证 (near-identical)
    ("001/19", "002/18"),  # 系统推进基层作风建设 ↔ 加强作风建设
    ("001/20", "002/19"),  # 加强纪律教育 ↔ 加强纪律教育
    ("001/16", "002/33"),  # 加强党务工作者队伍建设
    ("000/14", "002/36"),  # 党群服务中心实体化功能化建设 ↔ “1+10+N”党群服务中心体系
    ("000/24", "002/41"),  # 统筹协调和督促落实 ↔ 述职评议考核机制
    ("001/22", "002/41"),  # 述职评议考核机制
    ("001/5", "002/31"),  # 发展党员工作质量
    ("001/8", "002/32"),  # 党内民主和激励关怀帮扶制度
    ("000/11", "002/26"),  # 基层党组织书记集中轮训 ↔ 全员轮训
    ("000/21", "004:国有企业党建重点"),
    ("000/14", "004:加强党群服务中心功能建设"),
]


@pytest.fixture(scope="module")
def measures():
    return load_measures()


@pytest.fixture(scope="module")
def items(measures):
    return [RelItem(m.id, m.plan, m.title, m.text, tuple(assign_topics(m.title, m.text, topics(), m.topics)))
            for m in measures]


@pytest.fixture(scope="module")
def result(items):
    return compute_related(items, top_k=DEFAULT.related_top_k, threshold=THRESHOLD)


def _id(measures, ref):
    if ref.startswith("004:"):
        found = [m.id for m in measures if m.seed == "004" and ref[4:] in m.title]
        assert len(found) == 1, ref
        return found[0]
    return next(m.id for m in measures if m.ref == ref)


def test_hand_picked_pairs_are_in_each_others_top_5(measures, result):
    ranks, misses = [], []
    for a, b in PAIRS:
        ia, ib = _id(measures, a), _id(measures, b)
        top_a = [other for other, _ in result[ia]]
        top_b = [other for other, _ in result[ib]]
        rank_ab = top_a.index(ib) + 1 if ib in top_a else None
        rank_ba = top_b.index(ia) + 1 if ia in top_b else None
        ranks.append(f"{a} ↔ {b}: {rank_ab}/{rank_ba}")
        if not (rank_ab and rank_ab <= 5 and rank_ba and rank_ba <= 5):
            misses.append(ranks[-1])
    print("\nranks (a's list / b's list):\n  " + "\n  ".join(ranks))
    assert misses == []


def test_never_related_within_a_plan_or_its_annexes(items, result):
    group = {item.id: item.group for item in items}
    same = [(a, b) for a, links in result.items() for b, _ in links if group[a] == group[b]]
    assert same == []
    shenzhen = next(item.group for item in items if item.id.endswith("/a1-16"))
    assert all(group[b] != shenzhen for a, links in result.items() if group[a] == shenzhen for b, _ in links)


def test_scores_sorted_bounded_and_above_threshold(items, result):
    assert set(result) == {item.id for item in items}
    for links in result.values():
        scores = [score for _, score in links]
        assert scores == sorted(scores, reverse=True)
        assert all(THRESHOLD <= s <= 1.0 for s in scores)
        assert len(links) <= 10
        assert len({other for other, _ in links}) == len(links)


def test_threshold_and_top_k_are_respected(items, result):
    strict = compute_related(items, top_k=3, threshold=0.3)
    for item_id, links in strict.items():
        assert all(score >= 0.3 for _, score in links)
        assert len(links) <= 3
        assert links == [link for link in result[item_id] if link[1] >= 0.3][:3]
    assert sum(map(len, strict.values())) < sum(map(len, result.values()))


def test_near_identical_measures_score_high(measures, result):
    a, b = _id(measures, "001/20"), _id(measures, "002/19")  # 加强纪律教育, almost word for word
    assert result[a][0] == (b, pytest.approx(result[a][0][1]))
    assert result[a][0][1] > 0.8


def test_independent_of_input_order_and_block_size(items, result, monkeypatch):
    monkeypatch.setattr(related, "BLOCK", 7)
    reordered = compute_related(list(reversed(items)), top_k=DEFAULT.related_top_k, threshold=THRESHOLD)
    assert reordered.keys() == result.keys()
    for item_id, links in result.items():
        assert [o for o, _ in reordered[item_id]] == [o for o, _ in links]
        assert [s for _, s in reordered[item_id]] == pytest.approx([s for _, s in links], abs=1e-5)


def test_duplicate_ids_are_refused(items):
    with pytest.raises(ValueError, match="duplicate"):
        compute_related([items[0], items[0]], threshold=THRESHOLD)


def test_tiny_inputs():
    assert compute_related([], threshold=THRESHOLD) == {}
    one = RelItem("p/1", "p", "加强纪律教育。", "突出强化政治纪律和组织纪律。", ())
    assert compute_related([one], threshold=THRESHOLD) == {"p/1": []}
    twin = RelItem("q/1", "q", one.title, one.text, ())
    sibling = RelItem("p/2", "p", one.title, one.text, ())
    out = compute_related([one, twin, sibling], threshold=0.0)
    assert [o for o, _ in out["p/1"]] == ["q/1"]
    assert [o for o, _ in out["q/1"]] == ["p/1", "p/2"]


def test_alignment_between_two_plans(measures, items):
    by_plan: dict[str, list[RelItem]] = {}
    for m, item in zip(measures, items):
        by_plan.setdefault(m.seed, []).append(item)
    upper, lower = by_plan["000"], by_plan["002"]
    rows = align(upper, lower, DEFAULT.pair_threshold, tokenizer_for())
    pairs = {r.upper: r.lower for r in rows if r.upper and r.lower}
    assert {r.upper for r in rows if r.upper} == {item.id for item in upper}  # every upper measure has its row
    assert len(set(pairs.values())) == len(pairs)  # one to one
    assert pairs[_id(measures, "000/4")] in {_id(measures, "002/23"), _id(measures, "002/a1-16")}
    assert pairs[_id(measures, "000/11")] == _id(measures, "002/26")
    assert all(r.score >= DEFAULT.pair_threshold for r in rows if r.upper and r.lower)
    assert not [r for r in align(upper, lower, 0.99, tokenizer_for()) if r.upper and r.lower]
    assert all(r.lower is None for r in align(upper, [], 0.1, tokenizer_for()))


def test_at_most_per_plan_links_to_one_other_plan(items, result):
    group = {item.id: item.group for item in items}
    for links in result.values():
        per_plan: dict[str, int] = {}
        for other, _ in links:
            per_plan[group[other]] = per_plan.get(group[other], 0) + 1
        assert max(per_plan.values(), default=0) <= related.PER_PLAN


def test_shortlist_finds_what_scoring_every_pair_finds(items, result):
    """The candidates of the pruned rows lose (almost) nothing: scoring every pair gives the same links."""
    scored = vectors.vectorize(items, tokenizer=tokenizer_for())
    n = len(items)
    groups = related._codes([item.group for item in items])
    rows, cols = np.divmod(np.arange(n * n), n)
    rows, cols = rows[groups[rows] != groups[cols]], cols[groups[rows] != groups[cols]]
    scores = related.pair_scores(scored, vectors.passages(items), rows, cols)
    id_rank = np.argsort(np.argsort(np.array([item.id for item in items], dtype=object)))
    best = related._best(rows, cols, scores, groups, id_rank, DEFAULT.related_top_k, THRESHOLD)
    exhaustive = {(items[r].id, items[c].id) for r, c in zip(best[0].tolist(), best[1].tolist())}
    found = {(a, b) for a, links in result.items() for b, _ in links}
    assert len(found & exhaustive) >= 0.98 * len(exhaustive)
    assert len(found) <= len(exhaustive)


def test_pruning_keeps_the_scale_of_the_scores(items):
    """Each part of a row has norm 1 after pruning, so a measure scores 1 against itself on both kinds of rows."""
    kinds = (vectors.SCORED, vectors.SHORTLIST)
    scored, shortlist = vectors.vectorize_kinds(items, tokenizer=tokenizer_for(), kinds=kinds)
    for matrix in (scored, shortlist):
        self_scores = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
        assert self_scores == pytest.approx(np.ones(len(items)), abs=1e-4)
    assert shortlist.nnz < scored.nnz
