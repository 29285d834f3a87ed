"""PyYAML's English syntax errors turned into problem codes (``yaml.*``) whose Chinese texts,
with what to write instead, are in ``generator.messages``. No English reaches the maintainer:
an error no fragment names is ``yaml.syntax``, a Chinese message without PyYAML's words.

PyYAML puts what went wrong in ``problem`` ("found unexpected end of stream") and what it was
doing in ``context`` ("while scanning a block scalar", "expected a single document in the
stream"): the problem's fragments are tried first, then the context's.
"""

from __future__ import annotations

import re

import yaml

# (fragment of PyYAML's problem text, problem code); the first fragment found wins
_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed here", "yaml.colon_in_text"),
    ("could not find expected ':'", "yaml.missing_colon"),
    ("found unexpected end of stream", "yaml.unclosed"),
    ("found unknown escape character", "yaml.bad_escape"),
    ("expected escape sequence of", "yaml.bad_escape"),
    ("but found another document", "yaml.several_documents"),
    ("found unexpected document separator", "yaml.unclosed"),  # only inside a quoted text
    ("found undefined alias", "yaml.undefined_alias"),
    ("found duplicate anchor", "yaml.alias"),
    ("expected <block end>, but found '-'", "yaml.list_indent"),
    ("expected <block end>", "yaml.indent"),
    ("did not find expected key", "yaml.expected_key"),
    ("did not find expected '-' indicator", "yaml.list_item_indent"),
    ("sequence entries are not allowed here", "yaml.list_item_indent"),
    ("found character '\\t'", "yaml.tab"),
    ("found character", "yaml.bad_first_char"),
    ("did not find expected node content", "yaml.missing_content"),
    ("expected the node content", "yaml.missing_content"),
    ("expected chomping or indentation indicators", "yaml.block_scalar"),
    ("expected indentation indicator", "yaml.block_scalar"),
    ("invalid indentation or unclosed '[' or '{'", "yaml.flow_unclosed"),
    ("expected ',' or ']'", "yaml.flow_unclosed"),
    ("expected ',' or '}'", "yaml.flow_unclosed"),
    ("special characters are not allowed", "yaml.control_char"),
)
# (fragment of PyYAML's context text, problem code), tried when no problem fragment matched
_CONTEXTS: tuple[tuple[str, str], ...] = (
    ("expected a single document", "yaml.several_documents"),
    ("while scanning a block scalar", "yaml.block_scalar"),
    ("while scanning a directive", "yaml.bad_first_char"),
    ("while scanning a tag", "yaml.bad_tag"),
    ("while parsing a tag", "yaml.bad_tag"),
    ("while scanning an anchor", "yaml.alias"),
    ("while scanning an alias", "yaml.alias"),
    ("while scanning a quoted scalar", "yaml.unclosed"),
    ("while scanning a double-quoted scalar", "yaml.bad_escape"),
    ("while parsing a flow", "yaml.flow_unclosed"),
)


def yaml_problem(exc: yaml.YAMLError) -> tuple[str, dict[str, str]]:
    """The problem code of a PyYAML error and the parameters of its message."""
    problem = getattr(exc, "problem", None) or ("" if hasattr(exc, "problem") else str(exc))
    context = getattr(exc, "context", None) or ""
    for text, table in ((problem, _PROBLEMS), (context, _CONTEXTS)):
        for fragment, code in table:
            if fragment in text:
                return code, ({"char": "?"} if code == "yaml.control_char" else {})
    return "yaml.syntax", {}


def problem_mark(exc: yaml.MarkedYAMLError) -> yaml.Mark | None:
    """Where to point: at the problem; but at the opening quote of a quoted text that never ends."""
    if exc.context_mark is not None and "while scanning a quoted scalar" in (exc.context or ""):
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


def unclosed_quote(text: str, mark: yaml.Mark) -> yaml.Mark | None:
    """Where a quoted text that ran over several lines, and ended on the line of the error at ``mark``, began.

    A quote left open reads on to the next quote of the file (``title: "某市`` takes in the lines
    below up to ``level: "``), and the error comes right after it: the quote is what to fix.
    """
    loader = yaml.SafeLoader(text)
    last = None
    try:
        while loader.check_token():
            token = loader.get_token()
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    if last is None or last.style not in ('"', "'") or last.end_mark.line != mark.line:
        return None
    return last.start_mark if last.start_mark.line < last.end_mark.line else None


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?(["'])""")


def inner_quote(text: str, mark: yaml.Mark) -> int | None:
    """The column (from 0) of a quote that ended a quoted value early on the error's line, if that is the error.

    ``text: "开展"三会一课"活动"`` reads as the text 开展 followed by stray characters: the straight
    quote inside the text is what to fix.
    """
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    m = _QUOTED_VALUE.match(line)
    if not m:
        return None
    quote, i = m.group(1), m.end()
    while i < len(line):
        if quote == '"' and line[i] == "\\":
            i += 2
            continue
        if line[i] == quote:
            if quote == "'" and line[i + 1:i + 2] == "'":  # '' is a quote inside single quotes
                i += 2
                continue
            rest = line[i + 1:].strip()
            return i if rest and not rest.startswith("#") else None
        i += 1
    return None
