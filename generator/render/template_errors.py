"""Problems of the page templates (templates/pages/*.md.j2) as ``path:line:column`` problems, not internal errors."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

from generator.problems import ContentError, error


def template_problem(exc: TemplateError, templates: Path, name: str, page: str) -> ContentError:
    """Where in which template ``exc`` happened, and what it was, in Chinese."""
    if isinstance(exc, TemplateSyntaxError):
        where = Path(exc.filename) if exc.filename else templates / (exc.name or name)
        return error("template.syntax", where, exc.lineno or 1, 1, problem=exc.message or type(exc).__name__)
    if isinstance(exc, TemplateNotFound):
        return error("template.missing", templates / (exc.name or name), 1, 1, name=exc.name or name)
    path, line = _template_frame(exc.__traceback__, templates / name)
    return error("template.error", path, line, 1, page=page, problem=exc.message or type(exc).__name__)


def _template_frame(tb: TracebackType | None, default: Path) -> tuple[Path, int]:
    """The innermost traceback frame that belongs to a template (jinja2 maps those to template lines)."""
    found = (default, 1)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (Path(filename), tb.tb_lineno)
        tb = tb.tb_next
    return found
