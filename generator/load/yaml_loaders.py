"""The two YAML loaders of ``load.source``: the same nodes, one pure Python and one on libyaml.

Both resolve every plain scalar to text, refuse anchors and aliases and limit nesting. Plans are
read with ``FastTextLoader`` first; whatever it is not sure about (an error, tabs, explicit tags,
values inside ``[ ]``/``{ }``, empty unquoted values, a file not ending in a newline, a root that is
not a mapping) is read again with ``TextLoader``, whose marks and messages ``yaml_messages`` explains.
tests/unit/test_fast_yaml.py checks the two agree, on the repository's files and on random texts.
"""

from __future__ import annotations

import yaml
from yaml.composer import Composer
from yaml.resolver import BaseResolver

from generator.config import DEFAULT

try:
    from yaml.cyaml import CParser
except ImportError:  # a PyYAML built without libyaml: the pure-Python loader only
    CParser = None


class AliasRefused(yaml.YAMLError):
    def __init__(self, mark: yaml.Mark):
        super().__init__("alias")
        self.mark = mark


class NotSure(yaml.YAMLError):
    """The libyaml reading may differ from PyYAML's here: read the file with the pure-Python loader."""


class TooDeep(yaml.YAMLError):
    def __init__(self, mark: yaml.Mark):
        super().__init__("too deep")
        self.mark = mark


class _Guarded:
    """Composing that refuses anchors and aliases and limits nesting (mixed into both loaders below)."""

    max_depth: int
    depth: int

    def compose_node(self, parent, index):  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise AliasRefused(event.start_mark)
        if not isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            return Composer.compose_node(self, parent, index)
        if self.depth >= self.max_depth:
            raise TooDeep(event.start_mark)
        self.depth += 1
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            self.depth -= 1


class TextLoader(_Guarded, yaml.SafeLoader):
    """A SafeLoader that resolves every plain scalar to text, refuses anchors and aliases, and limits nesting.

    Pure Python: its error marks and messages are the ones ``yaml_messages`` explains.
    """

    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream: str, max_depth: int = DEFAULT.max_depth) -> None:
        super().__init__(stream)
        self.max_depth, self.depth = max_depth, 0


FastTextLoader = None
if CParser is not None:
    class FastTextLoader(_Guarded, Composer, CParser, BaseResolver):
        """The same nodes as ``TextLoader`` (tags, values, marks), scanned and parsed by libyaml: ~6× faster.

        Only for files that parse: on any YAML error the file is read again with ``TextLoader``, so
        maintainers get the same messages whichever parser libyaml would have given.
        """

        yaml_implicit_resolvers: dict = {}

        def __init__(self, stream: str, max_depth: int = DEFAULT.max_depth) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            BaseResolver.__init__(self)
            self.max_depth, self.depth, self.in_flow = max_depth, 0, False

        def compose_node(self, parent, index):  # type: ignore[override]
            event = self.peek_event()
            if getattr(event, "tag", None) is not None or self.in_flow:
                raise NotSure()  # explicit tags, and values in [ ] or { }: libyaml accepts some PyYAML refuses
            if not getattr(event, "flow_style", False):
                return _Guarded.compose_node(self, parent, index)
            self.in_flow = True  # [] and {} (no values inside) are fine
            try:
                return _Guarded.compose_node(self, parent, index)
            finally:
                self.in_flow = False

        def compose_scalar_node(self, anchor):
            event = self.peek_event()
            if not event.value and event.style not in ('"', "'"):
                raise NotSure()  # an empty unquoted value: libyaml may place or accept it otherwise than PyYAML
            return Composer.compose_scalar_node(self, anchor)
