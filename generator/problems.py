"""Author-facing problems: ``path:line:column: message`` in Chinese, each with a stable code.

A problem is made with ``error(code, ...)`` or ``warning(code, ...)``: the code names the kind of
mistake (see ``generator.messages.MESSAGES``), the parameters fill in its Chinese template.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.messages import MESSAGES, PHRASES


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
    code: str = ""  # a key of generator.messages.MESSAGES, e.g. "plan.unknown_key"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        prefix = "" if self.is_error else PHRASES["warning_prefix"]
        return f"{self.path}:{self.line}:{self.column}: {prefix}{self.message}"


def display_path(path: Path | str) -> str:
    """A path as the maintainer knows it: relative to the working directory when possible."""
    p = Path(path)
    try:  # the folder resolved, not the file: a symbolic link is named as itself, not as its target
        return str((p.parent.resolve() / p.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a loop of symbolic links
        return str(p)


def _problem(severity: str, code: str, path: Path | str, line: int, column: int, params: dict) -> ContentError:
    message = MESSAGES[code].format(**params)  # an unknown code is a bug: KeyError
    return ContentError(display_path(path), line, column, message, severity, code)


def error(code: str, path: Path | str, line: int, column: int, /, **params: object) -> ContentError:
    """An error of kind ``code`` at ``path:line:column``; ``params`` fill in its template."""
    return _problem("error", code, path, line, column, params)


def warning(code: str, path: Path | str, line: int, column: int, /, **params: object) -> ContentError:
    """A warning of kind ``code``: reported, but the site is still built."""
    return _problem("warning", code, path, line, column, params)


def sort_problems(problems: list[ContentError]) -> list[ContentError]:
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.message))
