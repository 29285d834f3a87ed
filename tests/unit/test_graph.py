"""The implementation graph as a maintainer and a reader meet it: citations in every standard form,
tiers, kinds and regions explained by ``check``, one reference entry per document, and pages that
list who implements what."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.importer.refs import find_based_on
from generator.load.loader import load
from generator.load.schema import schemas
from generator.load.site_config import load_site_config
from generator.pipeline import generate
from generator.text.citations import find_citations
from tests.conftest import GOOD_PLAN, SITE_CONFIG, portal_config
from tests.unit.test_pairs import CHAIN, TOWN_PREAMBLE, plan

CITATION_FORMS = {
    # the town plan of the issue: offices before the titles, <> and 〈〉 nested, half-width brackets, 、 and 和
    TOWN_PREAMBLE: [("粤办发〔2018〕19号", "广东省加强党的基层组织建设三年行动计划（2018—2020年）"),
                    ("梅办发〔2018〕6号", "梅州市实施方案"), ("华办函〔2018〕51号", "五华县实施方案")],
    "按照中共深圳市委办公厅《关于印发〈深圳市贯彻落实《广东省三年行动计划》实施方案〉的通知》（深办发〔2018〕33号）要求":
        [("深办发〔2018〕33号", "深圳市贯彻落实《广东省三年行动计划》实施方案")],
    "依据《甲办法》及《乙规定》(甲发[2019]3号)以及区委组织部《丙方案》": [("", "甲办法"), ("甲发[2019]3号", "乙规定"), ("", "丙方案")],
    "贯彻落实粤组通〔2020〕12号文件精神": [("粤组通〔2020〕12号", "")],
    "根据《中国共产党支部工作条例（试行）》（以下简称《条例》），落实《条例》要求": [("", "中国共产党支部工作条例（试行）")],
    "根据工作需要，制定本方案。": [],
}


@pytest.mark.parametrize("text", sorted(CITATION_FORMS))
def test_every_standard_citation_form_is_found(text: str) -> None:
    assert [(c.doc_number, c.title) for c in find_citations(text)] == CITATION_FORMS[text]


def test_the_importer_fills_based_on_from_those_forms() -> None:
    found = find_based_on([TOWN_PREAMBLE, "根据《梅州市实施方案》"])  # the second cites the same document again
    assert [r["doc_number"] for r in found] == ["粤办发〔2018〕19号", "梅办发〔2018〕6号", "华办函〔2018〕51号"]


def _warnings(content: Path, site_config: Path = SITE_CONFIG):
    result = load(portal_config(content, site_config))
    assert result.corpus is not None, [p.format() for p in result.errors]
    return result.warnings


def test_a_preamble_citing_a_doc_number_missing_from_based_on_is_warned_at_its_line(content_dir: Path) -> None:
    plans = dict(CHAIN, town=plan("town", "乡镇/街道", "2018-10-01", ["华办函〔2018〕51号"], region="五华县转水镇",
                                  preamble=TOWN_PREAMBLE))
    for name, text in plans.items():
        (content_dir / "plans" / f"{name}.yaml").write_text(text, encoding="utf-8")
    found = [w for w in _warnings(content_dir) if w.code == "plan.citation_not_in_based_on"]
    assert [(Path(w.path).name, w.line) for w in found] == [("town.yaml", 7), ("town.yaml", 7)]
    assert {w.message.split("引用了 ")[1].split("《")[0] for w in found} == {"粤办发〔2018〕19号", "梅办发〔2018〕6号"}
    assert all("based_on 中加一项" in w.message for w in found)


def _only(content: Path, text: str, site_config: Path = SITE_CONFIG):
    (content / "plans" / "plan.yaml").write_text(text, encoding="utf-8")
    return load(portal_config(content, site_config)).problems


def test_an_empty_tier_asks_to_fill_it_in_with_the_choices(content_dir: Path) -> None:
    [problem] = _only(content_dir, GOOD_PLAN.replace('tier: "city"', 'tier: ""'))
    assert problem.code == "plan.tier_missing" and (problem.line, problem.column) == (3, 7)
    assert problem.message.startswith("请填写 tier（层级）") and "中央、省、市、区县、乡镇/街道、村/社区" in problem.message
    assert "小写" not in problem.message  # not the slug rule


def test_tiers_and_kinds_take_their_chinese_names_and_aliases(content_dir: Path) -> None:
    assert _only(content_dir, GOOD_PLAN.replace('tier: "city"', 'tier: "县级"\nbody_kind: "组织部"')) == []
    corpus = load(portal_config(content_dir)).corpus
    assert (corpus.plans[0].tier, corpus.plans[0].body_kind) == ("district", "组织部门")
    [problem] = _only(content_dir, GOOD_PLAN.replace('tier: "city"', 'tier: "市"\nbody_kind: "街道办"'))
    assert problem.code == "plan.unknown_body_kind" and "党委、办公厅（室）、组织部门、部门" in problem.message


def test_the_old_level_field_says_it_was_renamed(content_dir: Path) -> None:
    [problem] = _only(content_dir, GOOD_PLAN.replace('tier: "city"', 'level: "city"'))
    assert problem.code == "plan.unknown_key" and "level 已改名为 tier" in problem.message


def test_regions_that_cannot_be_placed_are_explained(content_dir: Path, tmp_path: Path) -> None:
    [problem] = _only(content_dir, GOOD_PLAN.replace('tier: "city"', 'tier: "区县"\nregion: "南山区"'))
    assert problem.code == "plan.region_ambiguous" and "广东省 › 深圳市 › 南山区" in problem.message
    [problem] = _only(content_dir, GOOD_PLAN.replace('tier: "city"', 'tier: "市"\nregion: "华南理工大学"'))
    assert problem.code == "plan.region_unknown" and "site_config/regions.yaml" in problem.message
    config = tmp_path / "site_config"
    shutil.copytree(SITE_CONFIG, config)
    with (config / "regions.yaml").open("a", encoding="utf-8") as f:
        f.write('- name: "华南理工大学"\n  path: ["广东省", "广州市", "天河区"]\n')
    assert _only(content_dir, GOOD_PLAN.replace('tier: "city"', 'tier: "市"\nregion: "华南理工大学"'), config) == []
    assert load(portal_config(content_dir, config)).corpus.region_path("good-plan") == ("广东省", "广州市", "天河区")


def test_every_spelling_of_an_uncollected_document_is_one_entry(content_dir: Path) -> None:
    spellings = ["粤办发［2018］19号", "", ""]
    titles = ["", "中共广东省委办公厅关于印发〈广东省加强党的基层组织建设三年行动计划(2018-2020年)〉的通知",
              "广东省加强党的基层组织建设三年行动计划（2018-2020）"]
    for i, (number, title) in enumerate(zip(spellings, titles)):
        text = GOOD_PLAN.replace('"good-plan"', f'"p{i}"').replace('tier: "city"', 'tier: "市"\nregion: "深圳市"')
        text += f'based_on:\n  - {{doc_number: "{number}", title: "{title}"}}\n'
        (content_dir / "plans" / f"p{i}.yaml").write_text(text, encoding="utf-8")
    corpus = load(portal_config(content_dir)).corpus
    assert {r.reference_id for refs in corpus.based_on.values() for r in refs} == {"guangdong-three-year-plan-2018-2020"}


def test_a_document_page_lists_every_plan_implementing_it_by_tier(content_dir: Path, tmp_path: Path) -> None:
    for name, text in CHAIN.items():
        (content_dir / "plans" / f"{name}.yaml").write_text(text, encoding="utf-8")
    config = portal_config(content_dir, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site")
    generate(config)
    province = (tmp_path / "docs" / "plans" / "province" / "index.md").read_text(encoding="utf-8")
    down = next(line for line in province.splitlines() if line.startswith("| 下级落实"))
    assert "市：" in down and "乡镇/街道：" in down  # the city plans and the town that cites it directly
    assert "other-city" in down and "city/index.md" in down and "county/" not in down  # the county cites the city
    county = (tmp_path / "docs" / "plans" / "county" / "index.md").read_text(encoding="utf-8")
    assert "广东省 › 梅州市 › 五华县" in county and "| 层级 | [区县]" in county
    assert (tmp_path / "docs" / "compare" / "city--later" / "index.md").is_file()  # a 2021 plan under a 2018 one
    assert not (tmp_path / "docs" / "compare" / "other-city--county").exists()


def test_the_committed_schemas_are_those_the_model_gives() -> None:
    config, problems = load_site_config(SITE_CONFIG, 1 << 20)
    assert not problems
    for name, text in schemas(config).items():
        assert (SITE_CONFIG / name).read_text(encoding="utf-8") == text, f"site_config/{name}: run `make schema`"


def test_a_short_back_reference_is_not_a_cited_document() -> None:
    from generator.enrich.citations import find_citations as measure_citations
    from generator.load.references import Resolver

    found = measure_citations("贯彻《中国共产党支部工作条例（试行）》，落实《条例》规定。", Resolver([], []))
    assert [c.title for c in found] == ["中国共产党支部工作条例（试行）"]


def test_the_importer_hints_region_and_tier_from_the_issuer_without_guessing() -> None:
    from generator.importer.report import region_hint

    hint = region_hint("中共广州市海珠区城市管理局党组")
    assert "广东省 › 广州市 › 海珠区" in hint and "层级可能是 区县" in hint
    assert region_hint("中共中央办公厅") == "" and region_hint("华南理工大学党委") == ""  # no fuzzy or corrected match
