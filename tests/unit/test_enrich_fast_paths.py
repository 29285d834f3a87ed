"""The enrich stage's fast paths give exactly what their plain forms give (same floats, same spans, same tags)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from seed_measures import load_measures, topics

from generator.config import DEFAULT
from generator.enrich import related, topics as topic_module, vectors
from generator.enrich.alignment import best_passage_grid
from generator.enrich.related import RelItem
from generator.enrich.topics import assign_topics, topic_evidence
from generator.text import diff, jieba_setup
from generator.text.tokenize import tokenizer_for


@pytest.fixture(scope="module")
def items():
    return [RelItem(m.id, m.plan, m.title, m.text, tuple(assign_topics(m.title, m.text, topics(), m.topics)))
            for m in load_measures()]


def _plain_best(found: vectors.Passages, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The best passage cosine of each pair, one product per pair."""
    out = np.zeros(rows.size)
    for i, (r, c) in enumerate(zip(rows.tolist(), cols.tolist())):
        left = found.matrix[found.start[r] : found.start[r + 1]]
        right = found.matrix[found.start[c] : found.start[c + 1]]
        if left.shape[0] and right.shape[0]:
            out[i] = max(0.0, (left @ right.T).toarray().max())
    return out


def test_best_passages_are_those_of_each_pair_alone(items, monkeypatch):
    found = vectors.passages(items)
    rng = np.random.default_rng(7)
    rows = np.sort(rng.integers(0, len(items), 3000))
    cols = rng.integers(0, len(items), rows.size)
    expected = _plain_best(found, rows, cols)
    assert np.array_equal(related.best_passages(found, rows, cols), expected)
    monkeypatch.setattr(related, "PASSAGE_ROWS", 3)
    monkeypatch.setattr(related, "SLOT_TABLE", 1)  # the search instead of the table
    assert np.array_equal(related.best_passages(found, rows, cols), expected)
    unsorted = rng.permutation(rows.size)
    assert np.array_equal(related.best_passages(found, rows[unsorted], cols[unsorted]), expected[unsorted])


@pytest.mark.parametrize("cells", [1 << 22, 40, 1])
def test_the_passage_grid_of_two_plans_is_best_passages_of_every_pair(items, monkeypatch, cells):
    from generator.enrich import alignment

    monkeypatch.setattr(alignment, "GRID_CELLS", cells)
    chosen = [*items[:40], RelItem("x/1", "x", "", "", ()), *items[60:95]]
    found = vectors.passages(chosen)
    rows, cols = np.divmod(np.arange(40 * 36), 36)
    grid = best_passage_grid(found, 40)
    assert np.array_equal(grid, _plain_best(found, rows, cols + 40).reshape(40, 36))


def test_mentions_of_the_whole_text_are_those_found_clause_by_clause(items):
    matcher = topic_module._matcher(topics())
    assert not matcher.crossing
    for item in items:
        title_found, text_found, _ = topic_module._whole_mentions(item.title, item.text, matcher)
        assert title_found == list(topic_module._clause_mentions(item.title, matcher))
        assert text_found == list(topic_module._clause_mentions(item.text, matcher))


def test_a_marker_word_with_a_clause_break_is_matched_clause_by_clause():
    from generator.load.model import Topic

    odd = [Topic(id="a", name="甲", description="甲", words=["组织，生活", "三会一课"]),
           Topic(id="b", name="乙", description="乙", words=["党费"])]
    assert topic_module._matcher(odd).crossing
    # a clause never holds the word (only the count of all mentions does), as when every clause was searched alone
    in_title, in_text, _, every = topic_module._tally("严格组织，生活", "严格组织，生活。缴纳党费。", odd)
    assert (in_title, every) == ({}, {0: 2, 1: 1}) and list(in_text) == [1]
    assert [e.topic for e in topic_evidence("严格组织，生活", "严格组织，生活。", odd)] == ["a"]


def test_the_trie_finds_the_longest_word_at_each_position():
    import re

    words = ["党组织", "村党组织", "党组织书记", "书记", "组织", "党"]
    plain = re.compile("(?=(" + "|".join(sorted(words, key=len, reverse=True)) + "))")
    trie = re.compile(topic_module._trie(words))
    for text in ("村党组织书记和党组织书记抓党建", "党组织党组", "", "书记书"):
        found = [(m.start, text[m.start:m.end]) for m in topic_module._find(trie, {w: 0 for w in words}, text)]
        every = [(m.start(), m.group(1)) for m in plain.finditer(text)]
        assert set(found) <= set(every) and found[:1] == every[:1]
        search, at = [], trie.search(text)
        while at is not None:
            search.append((at.start(), at.group()))
            at = trie.search(text, at.start() + 1)
        assert search == every


def _plain_shared(left: str, right: str, n: int = 4):
    """shared_phrases as first written: per-character flags."""
    from generator.text.fold import fold_width

    def letters(text):
        folded = fold_width(text)
        offsets = [i for i, ch in enumerate(folded) if not diff._SKIP.match(ch)]
        return "".join(folded[i] for i in offsets), offsets

    def covered(a, grams):
        flags = [False] * len(a)
        for i in range(len(a) - n + 1):
            if a[i:i + n] in grams:
                flags[i:i + n] = [True] * n
        return flags

    def spans(flags, offsets):
        found, start = [], None
        for i, flag in enumerate(flags + [False]):
            if flag and start is None:
                start = i
            elif not flag and start is not None:
                found.append((offsets[start], offsets[i - 1] + 1))
                start = None
        return found

    a, a_at = letters(left)
    b, b_at = letters(right)
    if len(a) < n or len(b) < n:
        return [], [], 0.0
    in_a = covered(a, {b[i:i + n] for i in range(len(b) - n + 1)})
    in_b = covered(b, {a[i:i + n] for i in range(len(a) - n + 1)})
    return spans(in_a, a_at), spans(in_b, b_at), (sum(in_a) + sum(in_b)) / (len(a) + len(b))


def test_shared_phrases_and_overlap_match_the_plain_computation(items):
    texts = [i.text for i in items[:80]] + ["", "党建", "  加强，党的  建设。", "（１２）党建工作责任制\n落实"]
    for left, right in zip(texts, texts[1:] + texts[:1]):
        plain = _plain_shared(left, right)
        assert diff.shared_phrases(left, right) == plain
        assert diff.overlap(left, right) == plain[2]
        d = diff.compare_texts(left, right)
        assert (list(d.left_spans), list(d.right_spans), d.ratio) == plain


def test_word_tags_read_in_one_go_are_those_jieba_reads():
    import jieba.posseg

    tokenizer = tokenizer_for(DEFAULT).jieba
    plain = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    plain.load_word_tag(tokenizer.get_dict_file())
    assert jieba_setup.word_tags(tokenizer.get_dict_file()) == plain.word_tag_tab
    assert jieba_setup.word_tags(io.BytesIO(b"a 1 n\n\nb 2 v\n")) == {"a": "n", "b": "v"}
    for odd in (b"a 1 n\nb 2\n", b"a 1 n\r\nb 2 v\n", b"a  n\nb 1 2 v\n", b" a 1 n\n", "a\u30001 n\n".encode(), b"\xff 1 n"):
        assert jieba_setup.word_tags(io.BytesIO(odd)) is None


def test_the_prefix_copy_gives_what_jieba_loads(tmp_path):
    import jieba

    plain = jieba.Tokenizer()
    plain.tmp_dir = str(tmp_path)
    plain.initialize()
    first, second = jieba.Tokenizer(), jieba.Tokenizer()
    for fresh, from_copy in ((first, False), (second, True)):
        fresh.tmp_dir = str(tmp_path)
        jieba_setup.initialize(fresh, tmp_path / "copy")
        assert (fresh in jieba_setup._TAGS) is from_copy  # the second one read the copy the first one made
        assert fresh.initialized and fresh.total == plain.total
        assert fresh.FREQ == plain.FREQ and list(fresh.FREQ) == list(plain.FREQ)
        tags = jieba_setup.word_tags(fresh.get_dict_file())
        assert jieba_setup.pos_tokenizer(fresh).word_tag_tab == tags
    copy = tmp_path / "copy" / f"{jieba_setup.FORMAT}.bin"
    assert not jieba_setup._load(jieba.Tokenizer(), copy, "another stamp")
    copy.write_bytes(copy.read_bytes()[:-3])  # cut short: jieba initialises as usual
    third = jieba.Tokenizer()
    third.tmp_dir = str(tmp_path)
    jieba_setup.initialize(third, tmp_path / "copy")
    assert third not in jieba_setup._TAGS and third.FREQ == plain.FREQ


def test_bigrams_of_many_texts_at_once_are_those_of_each_text(items):
    from generator.enrich import features
    from generator.text.fold import normalize

    def plain(text):
        codes = np.frombuffer(normalize(text).encode("utf-32-le"), dtype=np.uint32).astype(np.int32) - features.HAN_FIRST
        han = (codes >= 0) & (codes < features.HAN_SPAN)
        pair = han[:-1] & han[1:]
        return codes[:-1][pair] * features.HAN_SPAN + codes[1:][pair]

    odd = [RelItem(f"x/{i}", "x", title, text, ()) for i, (title, text) in
           enumerate([("", ""), ("党", "建"), ("党建\0工作", "\0党建"), ("ab党建cd", "党建ａｂ工作\n责任")])]
    chosen = [*items[:50], *odd]
    features._BIGRAMS.clear()
    features.prefetch(tokenizer_for(DEFAULT), chosen)
    for item in chosen:
        got = features.bigrams(item.title, item.text)
        expected = np.concatenate([plain(item.title)] * features.TITLE_REPEAT + [plain(item.text)])
        assert got.dtype == expected.dtype and np.array_equal(got, expected)


def test_passages_of_some_items_from_the_counts_of_all(items):
    counts = vectors.passage_counts(items)
    for chosen in (np.arange(len(items)), np.arange(30, 90), np.array([5, 3, len(items) - 1, 4]), np.zeros(0, dtype=np.int64)):
        alone, part = vectors.passages([items[i] for i in chosen]), vectors.passages_of(counts, chosen)
        assert np.array_equal(alone.start, part.start) and alone.matrix.shape == part.matrix.shape
        assert np.array_equal(alone.matrix.indptr, part.matrix.indptr)
        assert np.array_equal(alone.matrix.indices, part.matrix.indices)
        assert np.array_equal(alone.matrix.data, part.matrix.data)


def test_an_alignment_from_the_corpus_passage_counts_is_the_same(items):
    from generator.enrich.alignment import align

    plans = list(dict.fromkeys(i.group for i in items))
    index = (vectors.passage_counts(items), {item.id: i for i, item in enumerate(items)})
    tokenizer = tokenizer_for(DEFAULT)
    for upper, lower in zip(plans, plans[1:]):
        up, down = [i for i in items if i.group == upper], [i for i in items if i.group == lower]
        assert align(up, down, DEFAULT.pair_threshold, tokenizer, index) == align(up, down, DEFAULT.pair_threshold, tokenizer)


def test_related_measures_and_plan_pairs_computed_at_once_are_those_computed_one_after_the_other():
    """enrich.parallel: the plan pairs from a forked process equal those computed in this one."""
    from generator.enrich.enrichment import enrich
    from generator.load.loader import load
    from tests.conftest import portal_config

    config = portal_config()
    corpus = load(config).corpus
    one = enrich(corpus, config.replace(enrich_parallel=False))
    two = enrich(corpus, config.replace(enrich_parallel=True))
    assert one.related == two.related and one.related
    assert one.pairs == two.pairs and one.pairs
