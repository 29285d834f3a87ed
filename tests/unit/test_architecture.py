"""The shape of generator/: the pipeline's stages as folders, imports only forwards, small modules and functions."""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
STAGES = ("load", "enrich", "render", "publish")  # in pipeline order: a stage imports only earlier ones
HELPERS = {  # folders beside the stages, and what they may import from the package
    "text": {"config", "text"},
    "search": {"config", "text", "search"},
    "importer": {"config", "problems", "messages", "load", "text", "importer"},
    "memo": {"memo"},
}
MAX_TOP_LEVEL = 8
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 50


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@lru_cache(maxsize=1)
def modules() -> dict[str, ast.Module]:
    return {module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, tree: ast.Module) -> set[str]:
    """Every generator module ``name`` imports, at the top or inside a function."""
    found = set()
    package = name if (PACKAGE / Path(*name.split(".")[1:]) / "__init__.py").exists() else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("generator")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if not base.startswith("generator"):
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in modules() else base)
    return found - {name}


def area(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_folders_are_the_pipeline() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert set(STAGES) | set(HELPERS) <= folders
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= MAX_TOP_LEVEL, loose


def test_no_stage_imports_a_later_stage() -> None:
    wrong = []
    for name, tree in modules().items():
        here = area(name)
        for target in imports_of(name, tree):
            there = area(target)
            if here in STAGES and there in STAGES and STAGES.index(there) > STAGES.index(here):
                wrong.append(f"{name} → {target}")
            if here in HELPERS and there and there not in HELPERS[here]:
                wrong.append(f"{name} → {target}")
            if here in STAGES and there == "importer":
                wrong.append(f"{name} → {target}")
    assert not wrong, wrong


def test_there_is_no_import_cycle() -> None:
    graph = {name: imports_of(name, tree) & modules().keys() for name, tree in modules().items()}
    state: dict[str, int] = {}  # 1 on the stack, 2 done

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return trail + [node, nxt]
            if nxt not in state and (cycle := visit(nxt, trail + [node])):
                return cycle
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start, [])
            assert cycle is None, " → ".join(cycle[cycle.index(cycle[-1]):])


def test_modules_and_functions_stay_small() -> None:
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(ROOT)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}(): {length} lines")
    assert not too_long, too_long


@pytest.mark.parametrize("needle", ["__file__", "environ.get(", "getenv("])
def test_paths_and_settings_come_from_the_config_only(needle: str) -> None:
    users = sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
                   if needle in p.read_text(encoding="utf-8") and p.name != "config.py")
    assert users == []
