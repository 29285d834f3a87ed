"""A broken page template is reported as `template:line:column: 中文说明`, never as an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.problems import ContentErrors
from generator.render.environment import Renderer


def broken(tmp_path: Path, text: str) -> Renderer:
    (tmp_path / "page.md.j2").write_text(text, encoding="utf-8")
    return Renderer(tmp_path)


def problem_of(renderer: Renderer, template: str = "page.md.j2"):
    with pytest.raises(ContentErrors) as caught:
        renderer.render(template, "plans/p/index.md", title="标题")
    [problem] = caught.value.problems
    return problem


def test_a_syntax_error_names_the_template_and_line(tmp_path: Path) -> None:
    problem = problem_of(broken(tmp_path, "# {{ title }}\n\n{% if title %}\n没有 endif\n"))
    assert (problem.code, Path(problem.path).name, problem.line) == ("template.syntax", "page.md.j2", 4)
    assert "页面模板有语法错误" in problem.format()


def test_an_error_while_rendering_names_the_line_and_the_page(tmp_path: Path) -> None:
    problem = problem_of(broken(tmp_path, "# {{ title }}\n\n{{ no_such_value.name }}\n"))
    assert (problem.code, Path(problem.path).name, problem.line) == ("template.error", "page.md.j2", 3)
    assert "plans/p/index.md" in problem.message


def test_a_missing_template_says_which(tmp_path: Path) -> None:
    problem = problem_of(Renderer(tmp_path), "plan.md.j2")
    assert problem.code == "template.missing" and "plan.md.j2" in problem.message
