"""Which plans are compared: only along the implementation graph, configured pairs and same-basis pairs."""

from __future__ import annotations

from pathlib import Path

from generator.config import DEFAULT
from generator.enrich.pairs import CONFIGURED, IMPLEMENTS, SAME_BASIS, implemented_plans, issued_after, plan_pairs
from generator.load.loader import load
from tests.conftest import portal_config


def plan(plan_id: str, level: str, issued: str, based_on: list[str], measures: int = 2, doc_number: str = "") -> str:
    refs = "".join(f'\n  - {{doc_number: "{ref}"}}' for ref in based_on)
    items = "".join(f'\n      - {{number: "{i}", title: "举措{i}", text: "开展软弱涣散党组织整顿。"}}' for i in range(1, measures + 1))
    return (f'id: "{plan_id}"\ntitle: "{plan_id} 方案"\nlevel: "{level}"\nissued: "{issued}"\ndoc_number: "{doc_number}"\n'
            f'based_on:{refs or " []"}\nsections:\n  - number: "一、"\n    title: "任务"\n    measures:{items or " []"}\n')


def corpus_of(content: Path, plans: dict[str, str]):
    for name, text in plans.items():
        (content / "plans" / f"{name}.yaml").write_text(text, encoding="utf-8")
    result = load(portal_config(content))
    assert result.corpus is not None, [p.format() for p in result.errors]
    return result.corpus


CHAIN = {
    "province": plan("province", "province", "2018-06-01", [], doc_number="粤办发〔2018〕19号"),
    "city": plan("city", "city", "2018-08-01", ["粤办发〔2018〕19号"], doc_number="梅办发〔2018〕6号"),
    "county": plan("county", "district", "2018-09-01", ["梅办发〔2018〕6号"], doc_number="华办函〔2018〕51号"),
    "town": plan("town", "unit", "2018-10-01", ["华办函〔2018〕51号"]),
    "later": plan("later", "district", "2021-03-01", ["梅办发〔2018〕6号"]),  # a 2021 plan implementing a 2018 one
    "other-city": plan("other-city", "city", "2018-09-01", ["粤办发〔2018〕19号"]),  # a sibling in another city
    "empty": plan("empty", "district", "2018-09-01", ["梅办发〔2018〕6号"], measures=0),
    "early": plan("early", "district", "2018-01-01", ["不存在〔2018〕1号"]),  # cites nothing collected
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
    assert ("later", "town") not in pairs and ("later", "county") not in pairs
    corpus = corpus_of(content_dir, CHAIN)
    assert issued_after(corpus.plan("later"), corpus.plan("town")) and not issued_after(corpus.plan("city"), corpus.plan("later"))


def test_no_pair_from_tier_alone_nor_with_a_plan_without_measures(content_dir: Path) -> None:
    pairs = pairs_of(content_dir)
    assert not [p for p in pairs if "empty" in p]
    assert not [p for p in pairs if "early" in p]  # it implements nothing collected
    assert ("other-city", "county") not in pairs and ("other-city", "town") not in pairs  # another city's plan
    assert ("city", "other-city") not in pairs and ("other-city", "city") not in pairs  # same tier: siblings


def test_plans_implementing_one_document_at_different_tiers_are_same_basis(content_dir: Path) -> None:
    plans = {"a": plan("a", "city", "2018-10-01", ["粤办发〔2018〕19号"]),
             "b": plan("b", "unit", "2018-10-02", ["粤办发〔2018〕19号"]),
             "c": plan("c", "unit", "2018-10-03", ["粤办发〔2018〕19号"])}
    pairs = pairs_of(content_dir, plans)
    assert pairs == {("a", "b"): SAME_BASIS, ("a", "c"): SAME_BASIS}  # b and c, same tier: no pair


def test_the_chain_is_walked_nearest_first_with_the_plans_in_between(content_dir: Path) -> None:
    corpus = corpus_of(content_dir, CHAIN)
    assert implemented_plans(corpus, "town") == [("county", ()), ("city", ("county",)), ("province", ("county", "city"))]


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
