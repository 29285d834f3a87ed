"""Hostile and odd content: every problem ends as ``path:line:column: 中文说明`` with a code, in bounded time.

Special files (FIFOs, devices, symbolic links out of content/), control characters and line separators,
escapes a spreadsheet cannot hold, deep nesting, odd measure numbers, bad word lists and config files.
The loader is run in-process (in a thread with a time limit, so that a file that blocks fails the test
instead of hanging it); tests/unit/test_bounded_work.py runs the commands themselves.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import threading
from pathlib import Path

import pytest
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from generator.load.corpus import measure_key
from generator.load.loader import LoadResult, load
from generator.problems import ContentError
from tests.conftest import GOOD_PLAN, SITE_CONFIG, portal_config

GOOD = GOOD_PLAN
TEXT = "开展精准整顿。"  # on line 11, its quote at column 15: a character after 开展 is at column 18
ENGLISH = re.compile(r"Input should|found|expected|while |but |unable|exceeded|maximum|Errno|No such", re.I)


def write(content: Path, name: str, data: str | bytes) -> Path:
    path = content / "plans" / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def load_soon(content: Path, seconds: float = 20, **settings) -> LoadResult:
    """``load``, failing (not hanging) when it takes longer than ``seconds``."""
    box: dict[str, LoadResult] = {}
    worker = threading.Thread(target=lambda: box.setdefault("result", load(portal_config(content, **settings))), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"load() did not finish in {seconds} s"
    return box["result"]


def where(problem: ContentError) -> tuple[str, str, int, int]:
    return Path(problem.path).name, problem.code, problem.line, problem.column


def errors_of(content: Path, **settings) -> list[tuple[str, str, int, int]]:
    result = load_soon(content, **settings)
    for problem in result.problems:
        assert re.match(r".+:\d+:\d+: .*[\u4e00-\u9fff]", problem.format()), problem.format()
        assert not ENGLISH.search(problem.message), problem.message
    return sorted(where(p) for p in result.errors)


def site_config(tmp_path: Path, files: dict[str, str | bytes | None]) -> Path:
    """A copy of site_config/ with some files replaced (None: removed)."""
    folder = tmp_path / "site_config"
    shutil.copytree(SITE_CONFIG, folder)
    for name, data in files.items():
        (folder / name).unlink()
        if data is not None:
            (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


# --- 1. special files -----------------------------------------------------------------------

def test_a_fifo_named_like_a_plan_is_refused_without_blocking(content_dir: Path) -> None:
    write(content_dir, "good.yaml", GOOD)
    os.mkfifo(content_dir / "plans" / "x.yaml")
    assert errors_of(content_dir, seconds=10) == [("x.yaml", "file.not_regular", 1, 1)]


def test_a_device_is_refused(content_dir: Path) -> None:
    write(content_dir, "good.yaml", GOOD)
    try:
        os.mknod(content_dir / "plans" / "null.yaml", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("creating a device file needs root")
    assert errors_of(content_dir) == [("null.yaml", "file.not_regular", 1, 1)]


def test_a_link_out_of_content_is_refused_and_its_target_never_shown(content_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2-secret\n", encoding="utf-8")
    write(content_dir, "good.yaml", GOOD)
    os.symlink(secret, content_dir / "plans" / "x.yaml")
    os.symlink("/dev/zero", content_dir / "plans" / "zero.yaml")
    result = load_soon(content_dir)
    assert sorted(where(p) for p in result.errors) == [("x.yaml", "file.outside", 1, 1), ("zero.yaml", "file.outside", 1, 1)]
    assert all("hunter2" not in p.format() for p in result.problems)


def test_a_link_inside_content_is_read(content_dir: Path) -> None:
    (content_dir / "drafts").mkdir()
    (content_dir / "drafts" / "good.yaml").write_text(GOOD, encoding="utf-8")
    os.symlink(content_dir / "drafts" / "good.yaml", content_dir / "plans" / "good.yaml")
    result = load_soon(content_dir)
    assert not result.errors and [p.id for p in result.corpus.plans] == ["good-plan"]


def test_broken_and_looping_links_say_why_in_chinese(content_dir: Path) -> None:
    write(content_dir, "good.yaml", GOOD)
    os.symlink(content_dir / "plans" / "nowhere", content_dir / "plans" / "broken.yaml")
    os.symlink(content_dir / "plans" / "loop.yaml", content_dir / "plans" / "loop.yaml")
    assert errors_of(content_dir) == [("broken.yaml", "file.unreadable", 1, 1), ("loop.yaml", "file.unreadable", 1, 1)]


def test_editor_and_hidden_files_are_not_plans(content_dir: Path) -> None:
    write(content_dir, "good.yaml", GOOD)
    for name in ("._good.yaml", ".#good.yaml", ".good.yaml", "good.yaml~", "#good.yaml#"):
        write(content_dir, name, b"\x00\x05 not yaml: [")
    result = load_soon(content_dir)
    assert result.problems == [] and len(result.corpus.plans) == 1


# --- 2. control characters and line separators in the file -----------------------------------

@pytest.mark.parametrize("char", ["\x00", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x80", "\x9f", "\ufffe"])
def test_a_control_character_is_shown_where_it_is(content_dir: Path, char: str) -> None:
    write(content_dir, "plan.yaml", GOOD.replace(TEXT, "开展" + char + "精准整顿。"))
    result = load_soon(content_dir)
    assert [where(p) for p in result.errors] == [("plan.yaml", "yaml.control_char", 11, 18)]
    assert f"U+{ord(char):04X}" in result.errors[0].message


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_line_separators_are_refused_at_the_line_an_editor_shows(content_dir: Path, char: str) -> None:
    """YAML reads them as line breaks, editors do not: refused, each at the editor's line and column."""
    text = GOOD.replace('title: "某市实施方案"', f'title: "某市{char}实施方案"').replace(TEXT, f"开展{char}精准整顿。")
    write(content_dir, "plan.yaml", text)
    result = load_soon(content_dir)
    assert [where(p) for p in result.errors] == [("plan.yaml", "yaml.line_separator", 2, 11),
                                                  ("plan.yaml", "yaml.line_separator", 11, 18)]
    assert f"U+{ord(char):04X}" in result.errors[0].message


def test_a_binary_file_gives_a_few_lines_not_thousands(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", b"a: \x01\n" * 5000)
    found = errors_of(content_dir)
    assert 0 < len(found) <= 10 and found[0] == ("plan.yaml", "yaml.control_char", 1, 4)


# --- 3. escapes that a web page or a spreadsheet cannot hold ----------------------------------

SPREADSHEET_REFUSES = [chr(c) for c in range(0x20) if ILLEGAL_CHARACTERS_RE.match(chr(c))]


@pytest.mark.parametrize("code", [ord(c) for c in SPREADSHEET_REFUSES] + [0x7F, 0x85, 0x9F, 0xD800, 0xFFFF])
def test_every_escape_openpyxl_refuses_is_refused_at_its_value(content_dir: Path, code: int) -> None:
    escape = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    write(content_dir, "plan.yaml", GOOD.replace(TEXT, f"开展{escape}精准整顿。"))
    result = load_soon(content_dir)
    assert [where(p) for p in result.errors] == [("plan.yaml", "plan.control_char", 11, 15)]
    assert f"U+{code:04X}" in result.errors[0].message and "第 3 个字符" in result.errors[0].message


@pytest.mark.parametrize("escape", ["\\0", "\\a", "\\b", "\\e", "\\v", "\\f", "\\u0001"])
def test_named_escapes_are_refused_too(content_dir: Path, escape: str) -> None:
    write(content_dir, "plan.yaml", GOOD.replace(TEXT, f"开展{escape}精准整顿。"))
    assert errors_of(content_dir) == [("plan.yaml", "plan.control_char", 11, 15)]


def test_an_escape_in_a_key_is_refused_where_the_key_is(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", GOOD + '"no\\x01tes": "甲"\n')
    assert ("plan.yaml", "plan.control_char", 15, 1) in errors_of(content_dir)


def test_tabs_and_line_breaks_by_escape_are_fine(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", GOOD.replace(TEXT, "开展\\t精准\\n整顿。"))
    result = load_soon(content_dir)
    assert not result.errors and result.corpus.plans[0].sections[0].measures[0].text == "开展\t精准\n整顿。"


# --- 4. nesting --------------------------------------------------------------------------------

def _nested_sections(depth: int) -> str:
    text = 'id: "good-plan"\ntitle: "某市实施方案"\ntier: "city"\nsections:\n'
    for level in range(depth):
        pad = "  " * (2 * level)
        text += f'{pad}  - title: "第{level + 1}层"\n'
        text += f"{pad}    sections:\n" if level < depth - 1 else ""
    return text


def test_400_levels_of_sections_stop_at_the_yaml_depth_limit(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", _nested_sections(400))
    found = errors_of(content_dir)
    assert [(name, code) for name, code, _, _ in found] == [("plan.yaml", "yaml.too_deep")]
    assert found[0][2] == 4 + 2 * 31 + 1  # the 65th mapping/list: the 33rd section's list … line 67


@pytest.mark.parametrize("nested", ["[" * 400 + "]" * 400, "{a: " * 400 + "1" + "}" * 400])
def test_400_levels_of_flow_nesting_stop_at_the_limit(content_dir: Path, nested: str) -> None:
    write(content_dir, "plan.yaml", GOOD + f"notes: {nested}\n")
    found = errors_of(content_dir)
    assert [(n, c, line) for n, c, line, _ in found] == [("plan.yaml", "yaml.too_deep", 15)]


def test_400_levels_of_block_lists_stop_at_the_limit(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", GOOD + "notes:\n" + "".join("  " * i + "- \n" for i in range(400)))
    assert [(n, c) for n, c, _, _ in errors_of(content_dir)] == [("plan.yaml", "yaml.too_deep")]


def test_sections_deeper_than_the_section_limit(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", _nested_sections(7))
    assert errors_of(content_dir) == [("plan.yaml", "plan.sections_too_deep", 4 + 2 * 6 + 1, 5 + 4 * 6)]
    write(content_dir, "plan.yaml", _nested_sections(6))
    assert errors_of(content_dir) == []
    assert errors_of(content_dir, max_section_depth=3) == [("plan.yaml", "plan.sections_too_deep", 4 + 2 * 3 + 1, 5 + 4 * 3)]


def test_the_yaml_depth_limit_comes_from_the_config(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", GOOD)
    assert errors_of(content_dir, max_depth=4) == [("plan.yaml", "yaml.too_deep", 9, 9)]


# --- 5. measure numbers --------------------------------------------------------------------------

@pytest.mark.parametrize("number, key", [("12", "12"), ("01", "1"), ("１２", "12"), ("3.", "3"), ("4、", "4"),
                                         ("፩", "n8"), ("²", "2"), ("٣", "n8"), ("1234567", "n8"), ("9" * 5000, "n8"),
                                         ("一", "n8"), ("", "n8")])
def test_measure_keys_take_only_short_ascii_numbers(number: str, key: str) -> None:
    assert measure_key(number, 7) == key


@pytest.mark.parametrize("number", ["፩", "9" * 5000])
def test_odd_measure_numbers_load(content_dir: Path, number: str) -> None:
    write(content_dir, "plan.yaml", GOOD.replace('number: "2"', f'number: "{number}"'))
    result = load_soon(content_dir)
    assert not result.errors
    assert [m.key for m in result.corpus.measures] == ["1", "n2"]


def test_a_huge_year_is_a_wrong_integer_in_chinese(content_dir: Path) -> None:
    write(content_dir, "plan.yaml", GOOD + "period: {start: " + "9" * 5000 + ", end: 2020}\n")
    result = load_soon(content_dir)
    assert [where(p) for p in result.errors] == [("plan.yaml", "plan.wrong_type.integer", 15, 17)]
    assert "整数年份" in result.errors[0].message and len(result.errors[0].message) < 200


# --- 6. the dictionary and the stop words ----------------------------------------------------

DICTIONARY = (SITE_CONFIG / "dictionary.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("line, column", [("三会一课 lots n", 6), ("三会一课 3000", 10), ("三会一课 3000 N", 11),
                                          ("三会一课  3000 n", 5), ("三会一课\t3000\tn", 5), ("三会一课 3000 n x", 13),
                                          ("三会一课 1234567890 n", 6), ("三会一课 ፩ n", 6)])
def test_a_wrong_dictionary_line_is_shown_where_it_goes_wrong(content_dir: Path, tmp_path: Path, line: str, column: int) -> None:
    write(content_dir, "plan.yaml", GOOD)
    config = site_config(tmp_path, {"dictionary.txt": "软弱涣散 3000 n\n\n" + line + "\n"})
    result = load_soon(content_dir, site_config=config)
    assert [where(p) for p in result.errors] == [("dictionary.txt", "config.dictionary_line", 3, column)]
    assert line.strip() in result.errors[0].message


@pytest.mark.parametrize("name", ["dictionary.txt", "stopwords.txt"])
def test_word_lists_that_are_missing_not_utf8_or_special(content_dir: Path, tmp_path: Path, name: str) -> None:
    write(content_dir, "plan.yaml", GOOD)
    assert errors_of(content_dir, site_config=site_config(tmp_path / "a", {name: None})) == [(name, "config.missing_file", 1, 1)]
    gbk = site_config(tmp_path / "b", {name: "的 1 n\n软弱涣散 3000 n\n".encode("gb18030")})
    assert errors_of(content_dir, site_config=gbk) == [(name, "file.not_utf8", 1, 1)]
    control = site_config(tmp_path / "c", {name: "软弱涣散 3000 n\n三会\x0b一课 3000 n\n"})
    assert errors_of(content_dir, site_config=control) == [(name, "yaml.control_char", 2, 3)]
    fifo = site_config(tmp_path / "d", {name: None})
    os.mkfifo(fifo / name)
    assert errors_of(content_dir, site_config=fifo, seconds=10) == [(name, "file.not_regular", 1, 1)]


def test_empty_word_lists_are_fine(content_dir: Path, tmp_path: Path) -> None:
    write(content_dir, "plan.yaml", GOOD)
    assert errors_of(content_dir, site_config=site_config(tmp_path, {"dictionary.txt": "", "stopwords.txt": ""})) == []


# --- 7. config files are told about as config files ------------------------------------------

TOPICS = (SITE_CONFIG / "topics.yaml").read_text(encoding="utf-8")
LEVELS = (SITE_CONFIG / "levels.yaml").read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_an_empty_config_file_gets_config_advice(content_dir: Path, tmp_path: Path) -> None:
    write(content_dir, "plan.yaml", GOOD)
    result = load_soon(content_dir, site_config=site_config(tmp_path / "a", {"topics.yaml": ""}))
    assert [where(p) for p in result.errors] == [("topics.yaml", "config.empty", 1, 1)]
    assert "配置文件" in result.errors[0].message and "level" not in result.errors[0].message
    comments = site_config(tmp_path / "b", {"levels.yaml": "# 层级\n"})
    assert errors_of(content_dir, site_config=comments) == [("levels.yaml", "config.only_comments", 1, 1)]


def test_a_level_order_must_be_an_integer_not_a_year(content_dir: Path, tmp_path: Path) -> None:
    write(content_dir, "plan.yaml", GOOD)
    levels = LEVELS.replace("order: 1", "order: first", 1)
    result = load_soon(content_dir, site_config=site_config(tmp_path, {"levels.yaml": levels}))
    assert [where(p) for p in result.errors] == [("levels.yaml", "plan.wrong_type.integer", _line_of(levels, "first"), 10)]
    assert "整数" in result.errors[0].message and "年份" not in result.errors[0].message


def test_a_topic_general_flag_and_empty_words_in_chinese(content_dir: Path, tmp_path: Path) -> None:
    write(content_dir, "plan.yaml", GOOD)
    topics = TOPICS.replace("  general: true", '  general: "maybe"', 1)
    topics = re.sub(r"words: \[[^\]]*\]", "words: []", topics, count=1)
    result = load_soon(content_dir, site_config=site_config(tmp_path, {"topics.yaml": topics}))
    assert sorted(where(p) for p in result.errors) == [
        ("topics.yaml", "plan.too_few", _line_of(topics, "words: []"), 10),
        ("topics.yaml", "plan.wrong_type.bool", _line_of(topics, "maybe"), 12),
    ]
    assert all(not ENGLISH.search(p.message) for p in result.errors)


BROKEN_YAML = ["a: [1, 2\nb: 3\n", "a: {x: 1\n", "%x\n", "a: !x! y\n", "a: &\n", "a: |5x\n  t\n", 'a: "abc\n---\nb',
               "a: b\n- c\n", "a:\n  b: 1\n c: 2\n", "@x: 1\n", "a: `b`\n", 'a: "\\x4"\n', "- a\nb: c\n", "a: b: c\n",
               "---\na: 1\n---\nb: 2\n", "a: 'x\nb: 'y'\nc: z\n", "[a, b]]\n", "a: *x\n", "? [a\n"]


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_no_english_from_pyyaml_reaches_the_maintainer(content_dir: Path, text: str) -> None:
    write(content_dir, "plan.yaml", text)
    result = load_soon(content_dir)
    assert result.errors
    for problem in result.errors:
        assert not ENGLISH.search(problem.message) and "YAML" in problem.message or problem.code.startswith("plan."), problem.message


# --- 8. site_config/comparisons.yaml -----------------------------------------------------------

OTHER = (GOOD.replace('"good-plan"', '"other-plan"').replace('tier: "city"', 'tier: "district"')
         .replace("开展精准整顿。", "区里开展整顿。").replace("合理布局党群服务中心。", "区里建设服务中心。"))


@pytest.mark.parametrize("pairs, expected", [
    ('- upper: "good-plan"\n  lower: "no-such-plan"\n', [("comparison_unknown_plan", 2, 10)]),
    ('- upper: "good-plam"\n  lower: "other-plan"\n', [("comparison_unknown_plan", 1, 10)]),
    ('- upper: "good-plan"\n  lower: "good-plan"\n', [("comparison_same_plan", 2, 10)]),
    ('- upper: "national-x"\n  lower: "city-y"\n', []),  # another portal's plans altogether: nothing to say
    ('- upper: "good-plan"\n  lower: "other-plan"\n', []),
])
def test_comparisons_naming_missing_plans_are_warnings(content_dir: Path, tmp_path: Path, pairs: str, expected: list) -> None:
    write(content_dir, "good.yaml", GOOD)
    write(content_dir, "other.yaml", OTHER)
    result = load_soon(content_dir, site_config=site_config(tmp_path, {"comparisons.yaml": pairs}))
    assert not result.errors and result.corpus is not None
    assert [(w.code.removeprefix("config."), w.line, w.column) for w in result.warnings] == expected
    assert all(Path(w.path).name == "comparisons.yaml" and not w.is_error for w in result.warnings)
    if "good-plam" in pairs:
        assert "good-plan" in result.warnings[0].message  # the likely id is suggested
