"""Which plans are compared: only along the implementation graph, configured pairs and same-basis pairs.

The fixtures are a chain in 梅州 (province → city → county → town, citing by 文号 in the forms
real documents use), a 2021 plan implementing a 2018 one, bodies of the same tiers in another
city (深圳), a plan with no measures and one citing nothing collected.
"""

from __future__ import annotations

from pathlib import Path

from generator.config import DEFAULT
from generator.enrich.pairs import CONFIGURED, IMPLEMENTS, SAME_BASIS, implemented_plans, issued_after, plan_pairs
from generator.load.loader import load
from tests.conftest import portal_config


def plan(plan_id: str, tier: str, issued: str, based_on: list[str], measures: int = 2, doc_number: str = "",
         region: str = "", preamble: str = "") -> str:
    refs = "".join(f'\n  - {{doc_number: "{ref}"}}' for ref in based_on)
    items = "".join(f'\n      - {{number: "{i}", title: "举措{i}", text: "开展软弱涣散党组织整顿。"}}' for i in range(1, measures + 1))
    return (f'id: "{plan_id}"\ntitle: "{plan_id} 方案"\ntier: "{tier}"\nregion: "{region}"\nissued: "{issued}"\n'
            f'doc_number: "{doc_number}"\npreamble: "{preamble}"\n'
            f'based_on:{refs or " []"}\nsections:\n  - number: "一、"\n    title: "任务"\n    measures:{items or " []"}\n')


def corpus_of(content: Path, plans: dict[str, str]):
    for name, text in plans.items():
        (content / "plans" / f"{name}.yaml").write_text(text, encoding="utf-8")
    result = load(portal_config(content))
    assert result.corpus is not None, [p.format() for p in result.errors]
    return result.corpus


TOWN_PREAMBLE = ("根据省委办公厅《关于印发<广东省加强党的基层组织建设三年行动计划（2018—2020年）>的通知》(粤办发〔2018〕19号)、"
                 "市委办《关于印发〈梅州市实施方案〉的通知》(梅办发〔2018〕6号)和县委办《五华县实施方案》(华办函〔2018〕51号)精神，结合实际，制定本方案。")
CHAIN = {
    "province": plan("province", "省", "2018-06-01", [], doc_number="粤办发〔2018〕19号", region="广东省"),
    "city": plan("city", "市", "2018-08-01", ["粤办发〔2018〕19号"], doc_number="梅办发〔2018〕6号", region="梅州市"),
    "county": plan("county", "区县", "2018-09-01", ["梅办发〔2018〕6号"], doc_number="华办函〔2018〕51号", region="梅州市五华县"),
    "town": plan("town", "乡镇/街道", "2018-10-01", ["粤办发〔2018〕19号", "梅办发〔2018〕6号", "华办函〔2018〕51号"],
                 region="五华县转水镇", preamble=TOWN_PREAMBLE),
    "later": plan("later", "区县", "2021-03-01", ["梅办发〔2018〕6号"], region="兴宁市"),  # a 2021 plan implementing a 2018 one
    "other-city": plan("other-city", "市", "2018-09-01", ["粤办发〔2018〕19号"], region="深圳市",
                       doc_number="深办发〔2018〕33号"),  # a sibling in another city
    "other-county": plan("other-county", "区县", "2018-10-01", ["深办发〔2018〕33号"], region="深圳市福田区"),
    "empty": plan("empty", "区县", "2018-09-01", ["梅办发〔2018〕6号"], measures=0, region="梅州市梅县区"),
    "early": plan("early", "区县", "2018-01-01", ["不存在〔2018〕1号"], region="梅州市平远县"),  # cites nothing collected
}


def pairs_of(content_dir: Path, plans: dict[str, str] = CHAIN) -> dict[tuple[str, str], str]:
    corpus = corpus_of(content_dir, plans)
    return {(u, low): relation for u, low, relation, _, _ in plan_pairs(corpus, DEFAULT.max_auto_uppers)}


def test_a_plan_is_compared_with_what_it_implements_up_the_chain(content_dir: Path) -> None:
    pairs = pairs_of(content_dir)
    assert pairs[("county", "town")] == IMPLEMENTS
    assert pairs[("city", "town")] == IMPLEMENTS and pairs[("province", "town")] == IMPLEMENTS  # through the chain
    assert pairs[("city", "county")] == IMPLEMENTS and pairs[("province", "city")] == IMPLEMENTS


def test_years_do_not_matter_but_a_later_document_is_never_a_basis(content_dir: Path) -> None:
    pairs = pairs_of(content_dir)
    assert pairs[("city", "later")] == IMPLEMENTS  # periods do not overlap: still its basis
    assert pairs.get(("later", "town")) != IMPLEMENTS and ("later", "county") not in pairs
    corpus = corpus_of(content_dir, CHAIN)
    assert issued_after(corpus.plan("later"), corpus.plan("town")) and not issued_after(corpus.plan("city"), corpus.plan("later"))


def test_no_pair_from_tier_alone_nor_with_a_plan_without_measures(content_dir: Path) -> None:
    pairs = pairs_of(content_dir)
    assert not [p for p in pairs if "empty" in p]
    assert not [p for p in pairs if "early" in p]  # it implements nothing collected
    assert ("other-city", "county") not in pairs  # another city's plan
    assert pairs[("other-city", "town")] == SAME_BASIS  # both implement 粤办发〔2018〕19号: said so, not upper
    assert ("city", "other-city") not in pairs and ("other-city", "city") not in pairs  # same tier: siblings
    assert ("city", "other-county") not in pairs and ("other-city", "county") not in pairs  # other cities' bodies
    assert pairs[("other-city", "other-county")] == IMPLEMENTS and pairs[("province", "other-county")] == IMPLEMENTS


def test_a_cited_plan_outside_the_region_is_not_an_upper(content_dir: Path) -> None:
    """A Guangzhou district plan that (wrongly) lists Shenzhen's plan gets no comparison with it, and a warning."""
    plans = dict(CHAIN, stray=plan("stray", "区县", "2018-11-01", ["深办发〔2018〕33号"], region="广州市海珠区"))
    pairs = pairs_of(content_dir, plans)
    assert ("other-city", "stray") not in pairs
    result = load(portal_config(content_dir))
    warned = [(w.code, Path(w.path).name) for w in result.warnings]
    assert ("plan.based_on_not_above", "stray.yaml") in warned
    message = next(w.message for w in result.warnings if w.code == "plan.based_on_not_above")
    assert "广东省 › 深圳市" in message and "广东省 › 广州市 › 海珠区" in message


def test_regions_are_division_paths(content_dir: Path) -> None:
    corpus = corpus_of(content_dir, CHAIN)
    assert corpus.region_path("town") == ("广东省", "梅州市", "五华县", "转水镇")
    assert corpus.region_path("county") == ("广东省", "梅州市", "五华县")
    assert corpus.is_above("county", "town") and corpus.is_above("city", "later")
    assert not corpus.is_above("other-city", "county") and not corpus.is_above("town", "county")


def test_plans_implementing_one_document_at_different_tiers_are_same_basis(content_dir: Path) -> None:
    plans = {"a": plan("a", "市", "2018-10-01", ["粤办发〔2018〕19号"], region="深圳市"),
             "b": plan("b", "区县", "2018-10-02", ["粤办发〔2018〕19号"], region="广州市海珠区"),
             "c": plan("c", "区县", "2018-10-03", ["粤办发〔2018〕19号"], region="广州市越秀区")}
    pairs = pairs_of(content_dir, plans)
    assert pairs == {("a", "b"): SAME_BASIS, ("a", "c"): SAME_BASIS}  # b and c, same tier: no pair


def test_the_chain_is_walked_nearest_first_with_the_plans_in_between(content_dir: Path) -> None:
    corpus = corpus_of(content_dir, CHAIN)
    assert implemented_plans(corpus, "county") == [("city", ()), ("province", ("city",))]
    assert [u for u, _ in implemented_plans(corpus, "town")] == ["province", "city", "county"]  # it cites all three


def test_configured_pairs_are_labelled_as_configured(content_dir: Path, tmp_path: Path) -> None:
    import shutil

    config = tmp_path / "site_config"
    shutil.copytree(DEFAULT.site_config, config)
    (config / "comparisons.yaml").write_text('- {upper: "other-city", lower: "town", note: "跨市对照"}\n', encoding="utf-8")
    for name, text in CHAIN.items():
        (content_dir / "plans" / f"{name}.yaml").write_text(text, encoding="utf-8")
    corpus = load(portal_config(content_dir, config)).corpus
    pairs = {(u, low): (relation, note) for u, low, relation, note, _ in plan_pairs(corpus, DEFAULT.max_auto_uppers)}
    assert pairs[("other-city", "town")] == (CONFIGURED, "跨市对照")
