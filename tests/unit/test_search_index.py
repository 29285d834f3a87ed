"""Search index (issue 7): the written files, evaluated by the Python reference implementation
(generator/search/query.py, which mirrors search.js), against a plain substring scan.

Docs are built from the seeds' paragraphs as they are in the files: PDF line breaks inside
words, page breaks, half-width punctuation in 004, "and" for 和 in 002.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator.publish.writer import Writer
from generator.render.pages.search import PAGE as SEARCH_PAGE
from generator.search import SearchDoc, SearchMeta, index_files, index_stats
from generator.search.encode import decode_list, encode_list, fnv1a
from generator.search.index import word_keys
from generator.search.query import StaticIndex, parse_script
from generator.text.searchfold import normalize, query_words
from tests.conftest import SEEDS


def write_search_index(docs, meta, out: Path) -> dict:
    """The index files written as the build writes them (one writer, stale files removed)."""
    files = index_files(docs, meta)
    writer = Writer(out)
    writer.write_all(files)
    writer.remove_stale()
    return index_stats(files)

LEVEL = {"000": "province", "001": "unit", "002": "city", "003": "city", "004": "central"}
YEARS = {"000": (2020,), "001": (2018, 2019, 2020), "002": (2018, 2019, 2020), "003": (2020,), "004": (2020,)}
PLAN = {"000": "广东省2020年工作要点", "001": "海珠区城市管理局实施方案", "002": "深圳市实施方案", "003": "2020年党建工作实施意见", "004": "全国重点任务"}
META = SearchMeta(
    levels=[("central", "中央"), ("province", "省"), ("city", "市"), ("district", "区"), ("unit", "部门/单位")],
    topics=[("ruanruo-huansan", "软弱涣散党组织整顿"), ("sanhui-yike", "组织生活（三会一课）")],
)
TOPIC_WORDS = {"ruanruo-huansan": "软弱涣散", "sanhui-yike": "三会一课"}


def seed_docs() -> list[SearchDoc]:
    """Every three consecutive paragraphs of a seed (blank-line separated, hard breaks kept) make a
    measure; each seed is also one plan page; plus a topic page and two hostile/odd pages."""
    docs: list[SearchDoc] = []
    for path in sorted(SEEDS.glob("*.txt")):
        key = path.name[:3]
        raw = path.read_text(encoding="utf-8")
        paragraphs = [p for p in re.split(r"\n\s*\n", raw) if p.strip()]
        for i in range(0, len(paragraphs), 3):
            text = "\n\n".join(paragraphs[i : i + 3])
            first = re.sub(r"\s+", "", text)[:18]
            docs.append(doc(key, f"plans/{key}/{i // 3 + 1}/", f"{i // 3 + 1}. {first}", "measure", text))
        docs.append(doc(key, f"plans/{key}/", PLAN[key], "plan", raw))
    docs.append(SearchDoc(url="topics/ruanruo-huansan/", title="软弱涣散", kind="topic", text="软弱涣散党组织整顿 相关举措", topics=("ruanruo-huansan",)))
    docs.append(SearchDoc(url="pages/hostile/", title="<script>alert(1)</script>标题", kind="page", text="正文 <img src=x onerror=alert(2)> 三会一课"))
    docs.append(SearchDoc(url="pages/width/", title="ＦＵＬＬ　Ｗｉｄｔｈ", kind="page", text="全角：ＡＢＣ１２３（２０２０）　Party  Building 深办发[2018]33号"))
    return docs


def doc(key: str, url: str, title: str, kind: str, text: str) -> SearchDoc:
    topics = tuple(t for t, w in TOPIC_WORDS.items() if w in normalize(text))
    return SearchDoc(url=url, title=title, kind=kind, text=text, plan=PLAN[key], level=LEVEL[key], years=YEARS[key], topics=topics)


QUERIES = [
    # single terms
    "党建", "组织", "支部", "书记", "考核", "党员", "整顿", "群众", "培训", "制度",
    # compound terms
    "三会一课", "党群服务中心", "基层党组织", "软弱涣散", "党组织书记", "发展党员", "组织生活",
    "基层党建", "党组织生活", "村党组织", "社区党组织", "两新组织", "主题党日",
    # several words
    "软弱涣散 整顿", "三会一课 主题党日", "党员 教育 培训", "深圳 智慧党建",
    # whole lead sentences
    "持续整顿软弱涣散基层党组织", "建立和落实不忘初心、牢记使命的制度",
    "深化习近平新时代中国特色社会主义思想学习教育", "巩固“不忘初心、牢记使命”主题教育成果",
    "严格“三会一课”等组织生活制度",
    # 文号
    "深办发〔2018〕33号", "粤组通〔2020〕12号", "海城管党组〔2018〕23号", "粤办发〔2018〕19号", "深办发[2018]33号",
    # half-/full-width variants
    "２０２０年", "ＡＮＤ", "１＋１０＋Ｎ", "（2018—2020年）", "(2018-2020年)", "abc123", "party building",
    # a space inside Chinese (two words), and an ideographic space
    "加强 党的基层组织建设", "三会　一课", "加强党的基层组织建设三年行动计划2020年工作要点",
    # one character
    "党", "课", "x", "1",
    # nothing
    "区块链", "三会一课区块链",
]


@pytest.fixture(scope="module")
def docs() -> list[SearchDoc]:
    return seed_docs()


@pytest.fixture(scope="module")
def index(tmp_path_factory, docs) -> StaticIndex:
    out = tmp_path_factory.mktemp("searchdata")
    stats = write_search_index(docs, META, out)
    assert stats["docs"] == len(docs)
    return StaticIndex(out)


_NORMALIZED: dict[int, tuple[str, str]] = {}


def scan(docs: list[SearchDoc], query: str) -> set[str]:
    """Plain substring scan over the normalised title and text: the definition of a match."""
    words = query_words(query)
    if not words:
        return set()
    out = set()
    for d in docs:
        title, text = _NORMALIZED.setdefault(id(d), (normalize(d.title), normalize(d.text)))
        if all(w in title or w in text for w in words):
            out.add(d.url)
    return out


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("组织生\n\n活", "组织生活"),
        ("2020 年工作要点", "2020年工作要点"),
        ("加强 党的基层组织建设", "加强党的基层组织建设"),
        ("Party  Building", "party building"),
        ("ＡＢＣ１２３", "abc123"),
        ("（２０２０）", "(2020)"),
        ("深办发[2018]33号", "深办发〔2018〕33号"),
        ("【2018】", "〔2018〕"),
        ("2018—2020", "2018-2020"),
        ("“三会一课”", "三会一课"),
        ("“两新”组织", "两新组织"),
        ("《条例》「规定」『办法』", "条例规定办法"),
        ("村(社区)", "村(社区)"), ("村（社区）", "村(社区)"),
        ("三会\u200b一课", "三会一课"),
        ("a\u3000b", "a b"),
        ("a，b", "a,b"),
        ("  首尾  ", "首尾"),
        ("x 1", "x 1"),
        ("and 党", "and党"),
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_query_words():
    assert query_words("软弱涣散 整顿") == ["软弱涣散", "整顿"]
    assert query_words("软弱涣散　整顿") == ["软弱涣散", "整顿"]  # ideographic space
    assert query_words(" 软弱  软弱涣散 ") == ["软弱涣散"]  # a word inside another adds nothing
    assert query_words("ＡＢＣ") == ["abc"]
    assert query_words("   ") == []


def test_word_keys():
    assert word_keys("党") == ["党"]
    assert word_keys("三会一课") == ["三会", "会一", "一课"]
    assert word_keys("课课课") == ["课课"]
    long = word_keys("习近平新时代中国特色社会主义思想")
    assert len(long) == 6 and long[0] == "习近" and long[-1] == "思想"


# --------------------------------------------------------------------------- codec


@pytest.mark.parametrize("seed", range(8))
def test_posting_list_roundtrip(seed):
    rng = random.Random(seed)
    n = rng.choice([0, 1, 5, 100, 3000])
    density = rng.choice([0.001, 0.05, 0.5, 0.99])
    docs = sorted(d for d in range(n) if rng.random() < density)
    data = encode_list(docs)
    assert decode_list(data) == docs
    if len(docs) > 500 and density > 0.4:
        assert data[0] == 1  # dense lists are bitmaps
    if 0 < len(docs) < 20 and n == 3000:
        assert data[0] == 0


def test_fnv1a_matches_reference_values():
    # the same values are asserted for search.js in tests/e2e/test_search_browser.py
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("三会") == fnv1a("三会")
    assert fnv1a("a") != fnv1a("b")
    assert 0 <= fnv1a("𠀀字") < 2**32  # astral characters hash their UTF-16 surrogates


# --------------------------------------------------------------------------- recall and precision


@pytest.mark.parametrize("query", QUERIES)
def test_results_equal_substring_scan(index, docs, query):
    hits = index.search(query)
    got = [h.url for h in hits]
    assert len(got) == len(set(got))
    assert set(got) == scan(docs, query)


def test_queries_cover_hits_and_misses(docs):
    sizes = {q: len(scan(docs, q)) for q in QUERIES}
    assert sum(1 for n in sizes.values() if n) >= 30
    assert sizes["区块链"] == 0 and sizes["三会一课区块链"] == 0


def test_recall_is_total_over_all_queries(index, docs, record_property):
    """Bigram candidates never miss a page; verified results are exactly the substring matches."""
    found = expected = candidates_missing = 0
    for query in QUERIES:
        truth = scan(docs, query)
        words = query_words(query)
        urls = [index.record(d)[0] for d in index.candidates(words)] if words else []
        candidates_missing += len(truth - set(urls))
        found += len(truth & {h.url for h in index.search(query)})
        expected += len(truth)
    assert len(QUERIES) >= 30
    assert candidates_missing == 0
    assert found == expected
    record_property("recall", f"{found}/{expected}")


def test_raw_substrings_are_found(index, docs):
    """A page whose raw text contains the query as typed is always found (normalisation only adds)."""
    for query in ["三会一课", "深办发〔2018〕33号", "粤组通〔2020〕12号", "党群服务中心", "主题党日", "（2018—2020年）"]:
        raw = {d.url for d in docs if query in d.title or query in d.text}
        assert raw, query
        assert raw <= {h.url for h in index.search(query)}, query


def test_normalisation_finds_broken_and_width_variants(index):
    # 000 prints "加强 党的基层组织建设三年行动计划 2020年工作要点" and "2020 年工作要点"
    assert any(h.url == "plans/000/" for h in index.search("加强党的基层组织建设三年行动计划2020年工作要点"))
    assert any(h.url == "plans/000/" for h in index.search("２０２０年工作要点"))
    assert [h.url for h in index.search("ｐａｒｔｙ ｂｕｉｌｄｉｎｇ")] == ["pages/width/"]
    assert [h.url for h in index.search("abc123")] == ["pages/width/"]
    # 002 mistakenly prints "and" for 和; full-width query finds it
    assert any(h.url == "plans/002/" for h in index.search("ＡＮＤ"))


def test_one_character_query(index, docs):
    hits = index.search("党")
    assert len(hits) == len(scan(docs, "党")) > 10


# --------------------------------------------------------------------------- ranking


def test_title_equal_to_query_ranks_first(index):
    hits = index.search("软弱涣散")
    assert hits[0].url == "topics/ruanruo-huansan/"
    assert hits[0].key[0] is False  # title equals the query


def test_plan_short_title_equal_ranks_first(index):
    assert index.search("深圳市实施方案")[0].url == "plans/002/"


def test_measures_before_plans_before_pages(index):
    for query in ["三会一课", "软弱涣散 整顿", "党群服务中心"]:
        kinds = [h.key[1] for h in index.search(query) if h.key[0]]  # after title-equal hits
        assert kinds == sorted(kinds), query
        assert kinds and kinds[0] == 0


def test_more_and_earlier_occurrences_rank_higher(index):
    hits = [h for h in index.search("三会一课") if h.key[:3] == (True, 0, 0)]
    tfs = [-h.key[3] for h in hits]
    assert tfs == sorted(tfs, reverse=True)
    assert tfs[0] >= 2


# --------------------------------------------------------------------------- filters


def test_filters(index, docs):
    truth = scan(docs, "三会一课")
    by_url = {d.url: d for d in docs}
    city = {h.url for h in index.search("三会一课", level="city")}
    assert city == {u for u in truth if by_url[u].level == "city"} and city
    y2018 = {h.url for h in index.search("三会一课", year="2018")}
    assert y2018 == {u for u in truth if 2018 in by_url[u].years} and y2018
    topic = {h.url for h in index.search("党组织", topic="ruanruo-huansan")}
    assert topic == {u for u in scan(docs, "党组织") if "ruanruo-huansan" in by_url[u].topics} and topic
    assert index.search("三会一课", level="nowhere") == []


# --------------------------------------------------------------------------- files


def test_output_is_deterministic_and_stale_files_go(tmp_path, docs):
    a, b = tmp_path / "a", tmp_path / "b"
    write_search_index(docs, META, a)
    write_search_index(list(docs), META, b)
    files_a = {p.relative_to(a).as_posix(): p.read_bytes() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix(): p.read_bytes() for p in b.rglob("*") if p.is_file()}
    assert files_a == files_b
    before = {p: p.stat().st_mtime_ns for p in a.rglob("*.js")}
    write_search_index(docs, META, a)
    assert {p: p.stat().st_mtime_ns for p in a.rglob("*.js")} == before  # unchanged files are not rewritten
    (a / "notes.txt").write_text("not ours", encoding="utf-8")
    stats = write_search_index(docs[:5], META, a)
    left = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    assert len(left) == stats["files"] and all(f.endswith(".js") for f in left)  # the writer owns its folder


def test_files_are_scripts_that_register(index):
    meta_text = (index.dir / "meta.js").read_text(encoding="utf-8")
    assert meta_text.startswith("__portalSearch.m(")
    for path in list((index.dir / "i").glob("*.js"))[:20] + list((index.dir / "d").glob("*.js"))[:20]:
        text = path.read_text(encoding="utf-8")
        n, _ = parse_script(text)
        assert n == int(path.stem)
        assert '"' + index.meta["version"] + '"' in text[:60]
        assert "\u2028" not in text and "\u2029" not in text


def test_query_loads_few_files(index):
    index.loaded_files.clear()
    index.shard.cache_clear()
    index.chunk.cache_clear()
    index.candidates(query_words("三会一课"))
    assert len(index.loaded_files) <= 3


def test_empty_corpus(tmp_path):
    stats = write_search_index([], META, tmp_path)
    assert stats["docs"] == 0
    assert StaticIndex(tmp_path).search("党") == []


def test_search_page_markdown():
    md = SEARCH_PAGE
    assert md.startswith("---\n")
    assert 'id="portal-search-page"' in md
    for label in ["搜索", "层级", "年份", "专题", "清除筛选"]:
        assert label in md
    assert 'name="search"' not in md


@settings(max_examples=300, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=5000), min_size=1, max_size=40), st.integers(min_value=0, max_value=2 ** 30))
def test_short_lists_are_encoded_as_the_general_encoder_encodes_them(docs, offset) -> None:
    from generator.search import encode

    ordered = sorted(d + offset for d in docs)
    assert encode._encode_small(ordered) == _numpy_encoding(ordered)
    assert encode.decode_list(encode.encode_list(ordered)) == ordered


def _numpy_encoding(docs):
    from generator.search import encode

    saved = encode.SMALL_LIST
    encode.SMALL_LIST = -1
    try:
        return encode.encode_list(docs)
    finally:
        encode.SMALL_LIST = saved
