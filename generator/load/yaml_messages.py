"""PyYAML's English syntax errors turned into problem codes (``yaml.*``) whose Chinese texts,
with what to write instead, are in ``generator.messages``."""

from __future__ import annotations

import yaml

# (fragment of PyYAML's problem text, problem code); the first fragment found wins
_CODES: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed here", "yaml.colon_in_text"),
    ("could not find expected ':'", "yaml.missing_colon"),
    ("found unexpected end of stream", "yaml.unclosed"),
    ("found unknown escape character", "yaml.bad_escape"),
    ("expected a single document", "yaml.several_documents"),
    ("found undefined alias", "yaml.undefined_alias"),
    ("expected <block end>, but found '-'", "yaml.list_indent"),
    ("expected <block end>", "yaml.indent"),
    ("did not find expected key", "yaml.expected_key"),
    ("did not find expected '-' indicator", "yaml.list_item_indent"),
    ("found character '\\t'", "yaml.tab"),
    ("found character", "yaml.bad_first_char"),
    ("did not find expected node content", "yaml.missing_content"),
    ("while scanning a block scalar", "yaml.block_scalar"),
    ("special characters are not allowed", "yaml.control_char"),
)


def yaml_problem(exc: yaml.YAMLError) -> tuple[str, dict[str, str]]:
    """The problem code of a PyYAML error and the parameters of its message."""
    problem = getattr(exc, "problem", None) or str(exc)
    for fragment, code in _CODES:
        if fragment in problem:
            return code, {}
    return "yaml.syntax", {"problem": problem}
