"""One frozen ``PortalConfig``: paths, thresholds, limits and switches, built once and passed down.

``PortalConfig.from_args`` builds it from the command line (and ``PORTAL_DEBUG`` /
``PORTAL_TOKENIZE_PROCESSES``, ``PORTAL_MKDOCS_PROCESSES`` and ``CI`` from the environment, read here and nowhere else);
the defaults describe this repository's own layout. Nothing else in the package
computes a path from ``__file__`` or reads a setting from the environment.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

REPOSITORY = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PortalConfig:
    # where things are
    content: Path = REPOSITORY / "content"
    site_config: Path = REPOSITORY / "site_config"
    docs_dir: Path = REPOSITORY / "build" / "docs"
    site_dir: Path = REPOSITORY / "site"
    repository: Path = REPOSITORY
    # switches
    offline: bool = False
    debug: bool = False
    quiet: bool = False  # no progress lines (``--quiet``, and in CI): only results and problems
    timings_file: Path | None = None  # ``--timings``: seconds per stage as JSON
    # limits
    max_file_bytes: int = 2 * 1024 * 1024  # a plan file larger than this is refused
    max_depth: int = 64  # YAML nested deeper than this (lists in lists, mappings in mappings) is refused
    max_section_depth: int = 6  # sections inside sections, at most this many levels
    max_import_bytes: int = 5 * 1024 * 1024  # a text larger than this is refused by the importer
    nav_plan_limit: int = 60  # past this many plans the nav lists levels only
    tokenize_processes: int | None = None  # None: as many as the machine has, for large inputs only
    enrich_parallel: bool | None = None  # related measures and plan pairs at once (two processes); None: large corpora
    mkdocs_processes: int | None = None  # MkDocs processes rendering shards of the site; None: 2 cores for large sites
    # thresholds of the comparisons
    related_threshold: float = 0.12  # related measures shown on a measure page
    related_top_k: int = 10
    pair_threshold: float = 0.15  # best match between an upper and a lower plan's measures
    max_auto_uppers: int = 6  # automatic pair comparisons per plan (keeps pair pages linear)
    strength_high: float = 0.70  # similarity from which two measures are 高度对应
    strength_partial: float = 0.42  # … 部分对应; below it (and above the pair threshold) 弱对应

    @property
    def dictionary(self) -> Path:
        return self.site_config / "dictionary.txt"

    @property
    def stopwords(self) -> Path:
        return self.site_config / "stopwords.txt"

    @property
    def templates(self) -> Path:
        return self.repository / "templates" / "pages"

    @property
    def theme_dir(self) -> Path:
        return self.repository / "templates" / "theme"

    @property
    def mkdocs_yml(self) -> Path:
        """The MkDocs configuration people edit."""
        return self.repository / "mkdocs.yml"

    @property
    def mkdocs_hooks(self) -> Path:
        """The portal's MkDocs hooks (named in the generated mkdocs.yml)."""
        return self.repository / "generator" / "publish" / "mkdocs_hooks.py"

    @property
    def mkdocs_code(self) -> list[Path]:
        """The code that runs inside MkDocs: a change to it renders every page again."""
        publish = self.repository / "generator" / "publish"
        return [publish / name for name in ("mkdocs_hooks.py", "mkdocs_build.py", "csp.py")]

    @property
    def generated_mkdocs_yml(self) -> Path:
        """The generated MkDocs configuration (inherits ``mkdocs_yml``, adds docs_dir and nav)."""
        return self.docs_dir.parent / "mkdocs.yml"

    @property
    def memo_file(self) -> Path:
        """What the last build of this docs directory computed (``generator.memo``), beside it."""
        return self.docs_dir.parent / f"{self.docs_dir.name}-memo.pickle"

    @property
    def cache_dir(self) -> Path:
        return self.repository / ".cache"

    def replace(self, **changes) -> "PortalConfig":
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_args(cls, args, environ: Mapping[str, str] = os.environ) -> "PortalConfig":
        """The config of one command: its arguments where given, the defaults otherwise."""
        given = {name: getattr(args, name) for name in ("content", "site_config", "docs_dir", "site_dir", "offline")
                 if getattr(args, name, None) is not None}
        processes = environ.get("PORTAL_TOKENIZE_PROCESSES", "").strip()
        renderers = environ.get("PORTAL_MKDOCS_PROCESSES", "").strip()
        quiet = bool(getattr(args, "quiet", False)) or environ.get("CI", "").lower() == "true"
        return cls(**given, debug=bool(environ.get("PORTAL_DEBUG")), quiet=quiet,
                   timings_file=getattr(args, "timings", None),
                   tokenize_processes=int(processes) if processes.isdigit() else None,
                   mkdocs_processes=int(renderers) if renderers.isdigit() and int(renderers) > 0 else None)


DEFAULT = PortalConfig()
