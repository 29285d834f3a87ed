"""generator.text: jieba with the domain dictionary, stop words, normalisation."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys

import pytest

from generator.config import DEFAULT, PortalConfig
from generator.load.site_config import load_site_config
from generator.text.fold import fold_width, normalize
from generator.text.tokenize import Tokenizer, read_dictionary, tokenizer_for

ROOT = DEFAULT.repository
TOKENIZER = tokenizer_for(DEFAULT)
tokenize, segment = TOKENIZER.tokenize, TOKENIZER.segment


def test_jieba_imports_and_is_initialised_once():
    import jieba  # noqa: F401  (mkdocs' search plugin fails silently without it)

    assert tokenizer_for(DEFAULT) is tokenizer_for(DEFAULT.replace())


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("精准整顿软弱涣散基层党组织。", "软弱涣散"),
        ("严格“三会一课”等组织生活制度", "三会一课"),
        ("推进党群服务中心实体化功能化建设。", "党群服务中心"),
        ("健全抓基层党建工作的述职评议考核机制。", "述职评议考核"),
        ("在全市全面推行“深圳智慧党建”系统", "智慧党建"),
        ("推进村党组织书记和村委会主任“一肩挑”。", "一肩挑"),
        ("规范实施社区“民生微实事”", "民生微实事"),
        ("全面推广“主题党日”做法", "主题党日"),
    ],
)
def test_domain_terms_stay_whole_in_seed_sentences(sentence, word):
    assert word in tokenize(sentence)


def test_every_dictionary_term_is_one_token():
    split = [(word, segment(word)) for word, _, _ in read_dictionary(DEFAULT.dictionary) if segment(word) != [word]]
    assert split == []


def test_dictionary_format_and_size():
    lines = (ROOT / "site_config" / "dictionary.txt").read_text(encoding="utf-8").splitlines()
    bad = [line for line in lines if not re.fullmatch(r"\S+ \d+ [a-z]+", line)]
    assert bad == [], "every line is '词 频率 词性' (jieba and mkdocs' jieba_dict_user read it as is)"
    words = [line.split()[0] for line in lines]
    assert len(words) == len(set(words))
    for required in ("软弱涣散", "三会一课", "党群服务中心", "两新组织", "头雁", "一肩挑", "述职评议考核", "主题党日",
                     "第一书记", "党建引领", "基层党组织", "党支部", "智慧党建", "扫黑除恶", "组织力", "达标创优",
                     "评星定级", "双带头人", "四议两公开", "民生微实事", "党务工作者", "后备干部"):
        assert required in words


def test_every_topic_word_is_in_the_dictionary():
    topics, problems = load_site_config(DEFAULT.site_config, DEFAULT.max_file_bytes)
    assert problems == []
    words = {word for word, _, _ in read_dictionary(DEFAULT.dictionary)}
    missing = sorted({w for topic in topics.topics for w in topic.words} - words)
    assert missing == []


def test_stop_words_and_punctuation_are_removed():
    tokens = tokenize("各级党组织要切实加强和改进党员教育管理工作，进一步提高党员队伍整体素质。")
    assert "的" not in tokens and "和" not in tokens and "切实" not in tokens and "进一步" not in tokens
    assert "，" not in tokens and "。" not in tokens
    assert "党员教育" in tokens and "党员队伍" in tokens


def test_tokenize_ignores_hard_line_breaks_and_full_width_forms():
    assert tokenize("开展组织生\n\n活创新案例评选") == tokenize("开展组织生活创新案例评选")
    assert tokenize("按照机关工作人员总数的１％至２％配备") == tokenize("按照机关工作人员总数的1%至2%配备")


def test_normalize():
    assert normalize("１２％（试行）") == "12%(试行)"
    assert normalize("  组织生\n\n活　 ") == "组织生活"
    assert normalize("2020 年工作要点") == "2020年工作要点"
    assert normalize("思想 and 党的十九大精神") == "思想 and 党的十九大精神"
    assert normalize("a  \t b") == "a b"


def test_fold_width_keeps_offsets():
    raw = "每个社区每年以 １０ 万元为基数（试行）"
    folded = fold_width(raw)
    assert len(folded) == len(raw)
    assert folded == "每个社区每年以 10 万元为基数(试行)"


def test_jieba_is_quiet_and_caches_under_dot_cache():
    code = "from generator.text.tokenize import tokenizer_for; print(tokenizer_for().tokenize('软弱涣散'))"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "软弱涣散" in run.stdout
    assert "Building prefix dict" not in run.stderr and "Loading model" not in run.stderr
    assert (ROOT / ".cache" / "jieba" / "jieba.cache").is_file()


def test_tokenize_many_matches_tokenize():
    texts = ["精准整顿软弱涣散基层党组织。", "", "推进党群服务中心实体化功能化建设。"] * 3
    assert TOKENIZER.tokenize_many(texts) == [tokenize(t) for t in texts]


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_tokenize_many_in_worker_processes_gives_the_same_tokens():
    texts = ["精准整顿软弱涣散基层党组织。", "推进党群服务中心实体化功能化建设。", "健全抓基层党建工作的述职评议考核机制。"] * 4
    assert TOKENIZER.tokenize_many(texts, processes=2) == [tokenize(t) for t in texts]


def test_tokenize_many_stays_in_process_for_small_inputs_or_when_configured():
    assert TOKENIZER.process_count(["软弱涣散"] * 10) == 1
    one = tokenizer_for(DEFAULT.replace(tokenize_processes=1))
    assert one.process_count(["软弱涣散" * 1000] * 1000) == 1
    args = argparse.Namespace()
    assert PortalConfig.from_args(args, {"PORTAL_TOKENIZE_PROCESSES": "1"}).tokenize_processes == 1
    assert PortalConfig.from_args(args, {}).tokenize_processes is None


def test_the_configured_site_config_selects_dictionary_and_stop_words(tmp_path):
    config = tmp_path / "site_config"
    shutil.copytree(ROOT / "site_config", config)
    with (config / "dictionary.txt").open("a", encoding="utf-8") as f:
        f.write("红色驿站联盟 3000 n\n")
    (config / "stopwords.txt").write_text("党员\n", encoding="utf-8")
    own = tokenizer_for(DEFAULT.replace(site_config=config))
    sentence = "建设红色驿站联盟，党员先行。"
    assert "红色驿站联盟" in own.tokenize(sentence) and "红色驿站联盟" not in tokenize(sentence)
    assert "党员" not in own.tokenize(sentence) and "先行" in own.tokenize(sentence)
    assert isinstance(own, Tokenizer) and own is not TOKENIZER
