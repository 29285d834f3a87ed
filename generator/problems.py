"""Author-facing problems: ``path:line:column: message`` in Chinese."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ContentErrors(Exception):
    """Raised by a stage that cannot go on; carries every problem found."""

    def __init__(self, problems: list["ContentError"]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    column: int
    message: str
    severity: str = "error"  # "error" | "warning"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        prefix = "" if self.is_error else "警告："
        return f"{self.path}:{self.line}:{self.column}: {prefix}{self.message}"


def display_path(path: Path | str) -> str:
    """A path as the maintainer knows it: relative to the working directory when possible."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def error(path: Path | str, line: int, column: int, message: str) -> ContentError:
    return ContentError(display_path(path), line, column, message, "error")


def warning(path: Path | str, line: int, column: int, message: str) -> ContentError:
    return ContentError(display_path(path), line, column, message, "warning")


def sort_problems(problems: list[ContentError]) -> list[ContentError]:
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.message))
