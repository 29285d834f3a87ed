"""Bounded work: inputs that used to hang or take minutes finish quickly, and the commands end with a position.

* the importer's text comparison (``importer.align``) is about linear, and gives the same figures as
  difflib where difflib is cheap; the importer refuses texts over its size limit and UTF-16;
* jieba is only given bounded pieces (``text.tokenize``), without changing the words of real prose;
* ``check``, ``build --no-mkdocs`` and ``import`` on hostile input exit 1 with ``path:line:column: 中文``,
  each within a timeout (a hang fails the test instead of blocking it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import DEFAULT
from generator.importer import align
from generator.importer.command import SourceError, main_import, read_source
from generator.importer.document import import_text
from generator.importer.fidelity import kept_ratio, plan_characters, source_characters
from generator.load.loader import load
from generator.text import tokenize
from generator.text.fold import normalize
from generator.text.tokenize import MAX_RUN, tokenizer_for
from tests.conftest import CONTENT, ROOT, SEEDS, portal_config
from tests.unit.test_hostile_input import GOOD, TEXT, write

TIMEOUT = 60  # seconds for one command; all of these take a few


def seeds() -> list[Path]:
    found = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"source documents not found at {SEEDS}")
    return found


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PORTAL_DEBUG"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT)


# --- the importer's comparison ----------------------------------------------------------------

def test_the_comparison_agrees_with_difflib_on_every_seed_even_when_forced_to_cut() -> None:
    for path in seeds():
        text = path.read_text(encoding="utf-8")
        source, plan = source_characters(text), plan_characters(import_text(text, path.name).data)
        exact = align._exact(source, plan)
        for budget in (align.EXACT_BUDGET, 10_000, 0):  # 0: anchors, forward anchors and windows everywhere
            assert abs(align.matched_in_order(source, plan, budget) - exact) <= len(source) * 0.0001, (path.name, budget)


def test_a_long_repetitive_text_is_compared_in_linear_time() -> None:
    text = seeds()[2].read_text(encoding="utf-8")
    line = "".join(text.split("\n")) * 60  # ≈ 900 KB on one line
    ratio = kept_ratio(line, import_text(line, "one-line.txt").data)  # 85 s with difflib alone; seconds now
    assert ratio > 0.9
    assert align.matched_in_order("党" * 300_000, "党" * 300_000) == 300_000
    assert align.matched_in_order("甲乙" * 100_000, "乙甲" * 100_000) >= 199_999


def test_moved_and_lost_text_is_counted_in_order() -> None:
    parts = [source_characters(path.read_text(encoding="utf-8")) for path in seeds()]
    whole = "".join(parts)
    assert align.matched_in_order(whole, "".join(parts[1:])) == len(whole) - len(parts[0])
    moved = "".join(parts[1:] + parts[:1])  # the first document moved to the end: it is out of order
    assert align.matched_in_order(whole, moved, budget=0) <= len(whole) - min(map(len, parts)) + 200


def test_the_importer_refuses_a_text_over_its_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes("甲".encode() * (DEFAULT.max_import_bytes // 3 + 1))
    with pytest.raises(SourceError) as caught:
        read_source(big)
    assert caught.value.problem.code == "import.too_large" and str(caught.value).startswith(f"{big}:1:1: ")


@pytest.mark.parametrize("encoding, codec", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
def test_the_importer_names_utf16(tmp_path: Path, encoding: str, codec: str) -> None:
    source = tmp_path / "doc.txt"
    source.write_bytes("关于印发《实施方案》的通知\n一、总体要求\n1. 甲。\n".encode(encoding))
    with pytest.raises(SourceError) as caught:
        read_source(source)
    assert caught.value.problem.code == "import.utf16"
    assert f"iconv -f {codec} -t UTF-8 doc.txt" in str(caught.value) and "GB18030" not in str(caught.value)


def test_the_importer_refuses_a_fifo_without_blocking(tmp_path: Path, capsys) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert main_import([str(tmp_path / "pipe.txt")]) == 1
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'pipe.txt'}:1:1: 这不是普通文件")


def test_control_characters_of_a_source_are_dropped_and_page_breaks_kept_as_breaks() -> None:
    from generator.importer.draft import dump_yaml
    from generator.load.source import parse_yaml_text

    text = "关于印发《某市实施方案》的通知\n\n一、总体要求\n\n1. 加强组织。开展\x01精准整顿。\x0c2. 建设阵地。合理布局。\n"
    result = import_text(text, "doc.txt", "doc")
    measures = result.data["sections"][0]["measures"]
    assert [m["number"] for m in measures] == ["1", "2"] and measures[0]["text"] == "开展精准整顿。"
    assert any("U+0001" in w for w in result.warnings)
    _, problems = parse_yaml_text(Path("doc.yaml"), dump_yaml(result))
    assert problems == []


# --- the tokenizer ------------------------------------------------------------------------------

def _unbounded_segment(tok, text: str) -> list[str]:
    """What ``segment`` did before pieces were bounded: jieba on each whole run."""
    return [w for match in tokenize._BLOCK.finditer(normalize(text)) for w in tok.jieba.lcut(match.group())]


def test_bounding_changes_no_word_of_the_real_plans() -> None:
    tok = tokenizer_for(DEFAULT)
    corpus = load(portal_config(CONTENT)).corpus
    for placed in corpus.measures:
        text = placed.measure.title + placed.measure.text
        assert tok.segment(text) == _unbounded_segment(tok, text), placed.id
        assert tok.pos().lcut(text) == list(tok.pos().tokenizer.lcut(text)), placed.id


def test_jieba_is_given_bounded_pieces(monkeypatch) -> None:
    tok = tokenize.Tokenizer(DEFAULT.dictionary, DEFAULT.stopwords, DEFAULT.cache_dir)
    seen: list[int] = []
    real = tok.jieba.lcut
    monkeypatch.setattr(tok.jieba, "lcut", lambda text, *a, **k: seen.append(len(text)) or real(text, *a, **k))
    tok.segment("党" * 1000 + "。" + "群" * 50)
    tok.cut("建" * 999)
    assert seen and max(seen) <= MAX_RUN and sum(seen) == 1000 + 50 + 999 - 800  # the first run's five equal pieces are cut once


def test_a_100000_character_run_is_tokenised_in_linear_time() -> None:
    tok = tokenize.Tokenizer(DEFAULT.dictionary, DEFAULT.stopwords, DEFAULT.cache_dir)
    tok.jieba  # noqa: B018 - built outside the timed part
    run_ = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(100_000))  # no punctuation, hardly a known word
    words = tok.tokenize(run_)  # minutes before bounding, seconds now (the bound itself is tested above)
    pairs = tok.pos().lcut(run_[:20_000] + "配备1名专职干部")
    assert len("".join(words)) > 50_000  # hardly a stop word among them
    assert "".join(p.word for p in pairs).endswith("配备1名专职干部")


# --- the commands -----------------------------------------------------------------------------

def _assert_refused(result: subprocess.CompletedProcess, path: Path, line: int, column: int) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "内部错误" not in result.stderr and "Traceback" not in result.stderr
    assert f"{path}:{line}:{column}: " in result.stderr, result.stderr


HOSTILE = {  # name: (write the case into plans/, line, column)
    "fifo": (lambda plans: os.mkfifo(plans / "x.yaml"), 1, 1),
    "outside": (lambda plans: os.symlink("/dev/zero", plans / "x.yaml"), 1, 1),
    "nul": (lambda plans: (plans / "x.yaml").write_text(GOOD.replace(TEXT, "开展\x00精准"), encoding="utf-8"), 11, 18),
    "escape": (lambda plans: (plans / "x.yaml").write_text(GOOD.replace(TEXT, "开展\\x01精准"), encoding="utf-8"), 11, 15),
    "deep": (lambda plans: (plans / "x.yaml").write_text(GOOD + "notes: " + "[" * 400 + "]" * 400 + "\n", encoding="utf-8"), 15, 71),
}


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_check_and_build_end_with_a_position(tmp_path: Path, name: str, command: str) -> None:
    plans = tmp_path / "content" / "plans"
    plans.mkdir(parents=True)
    make, line, column = HOSTILE[name]
    make(plans)
    extra = ["--no-mkdocs", "--docs-dir", str(tmp_path / "docs")] if command == "build" else []
    _assert_refused(run(command, "--content", str(tmp_path / "content"), *extra), plans / "x.yaml", line, column)
    assert not (tmp_path / "docs").exists()


def test_build_with_a_bad_dictionary_ends_with_its_position(tmp_path: Path) -> None:
    from tests.unit.test_hostile_input import site_config

    config = site_config(tmp_path, {"dictionary.txt": "软弱涣散 3000 n\n三会一课 lots\n"})
    write_to = tmp_path / "content"
    (write_to / "plans").mkdir(parents=True)
    write(write_to, "plan.yaml", GOOD)
    result = run("build", "--no-mkdocs", "--content", str(write_to), "--site-config", str(config),
                 "--docs-dir", str(tmp_path / "docs"))
    _assert_refused(result, config / "dictionary.txt", 2, 6)


def test_import_of_a_huge_text_ends_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"\xe7\x94\xb2" * (DEFAULT.max_import_bytes // 3 + 10))
    result = run("import", str(big))  # refused by its size, before reading it all
    _assert_refused(result, big, 1, 1)
