"""MkDocs hooks of the portal (``hooks:`` in the generated mkdocs.yml), for ``build`` and ``serve`` alike.

* ``on_files``: in a sharded build (``extra.portal_shard: i/n``, set by ``publish.mkdocs_build``) this
  process renders only its share of the pages — a plan's pages stay together, so the anchors a
  measure page links to on its plan page are checked in the same process — and only shard 0
  copies the static files; the other pages and files count as unchanged, so MkDocs skips them;
* ``on_post_page``: every page loses the indentation of mkdocs-material's templates (about a third
  of its bytes; not inside ``<pre>`` or ``<textarea>``) and, unless the site is the offline copy,
  gets its Content-Security-Policy (``publish.csp``);
* MkDocs' warning that a dirty build may leave the navigation stale is dropped (see ``_DropDirtyWarning``);
* ``on_env``: the theme's compiled templates are kept between builds (Jinja's bytecode cache);
* ``on_post_build``: shard 0 writes the list of every file the site should hold
  (``MANIFEST``), so an incremental build can delete what a removed page left behind.
"""

from __future__ import annotations

import json
import logging
import re
import zlib
from pathlib import Path

from generator.publish.csp import with_policy

MANIFEST = ".portal-manifest.json"
SHARD_KEY = "portal_shard"  # in the config's ``extra``: "i/n"
STATIC_TEMPLATE_OUTPUTS = ("404.html", "sitemap.xml", "sitemap.xml.gz")
_VERBATIM = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n]+")  # ASCII whitespace only: an ideographic space (U+3000) is text


DIRTY_WARNING = "A 'dirty' build is being performed"


class _DropDirtyWarning(logging.Filter):
    """Dirty builds are how the portal renders only what changed (``mkdocs_build``, ``serve --dirty``):
    every page's sidebar comes from the generated nav, whose change starts a build from nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())


def shard(config) -> tuple[int, int]:
    index, _, count = str(config.extra.get(SHARD_KEY, "0/1")).partition("/")
    return int(index), max(int(count or 1), 1)


def shard_of(src_uri: str, count: int) -> int:
    """Stable: the same page goes to the same shard in every run; all of ``plans/<id>/…`` together."""
    parts = src_uri.split("/")
    group = "/".join(parts[:2]) if parts[0] == "plans" and len(parts) > 2 else src_uri
    return zlib.crc32(group.encode("utf-8")) % count


def _unchanged() -> bool:
    return False


def on_files(files, config):
    index, count = shard(config)
    if count == 1:
        return files
    for file in files:
        theirs = shard_of(file.src_uri, count) != index if file.is_documentation_page() else index != 0
        if theirs:
            file.is_modified = _unchanged
    return files


def without_indentation(html: str) -> str:
    parts = _VERBATIM.split(html)
    # split() yields text, then (whole verbatim block, tag name) pairs
    out = []
    for i, part in enumerate(parts):
        kind = i % 3
        if kind == 0:
            out.append(_INDENT.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


def _offline(config) -> bool:
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(offline and offline.config.enabled)


_COMMAND = ["build"]  # ``mkdocs serve`` says so in on_startup; publish.mkdocs_build calls build() directly


def on_startup(command, dirty):
    _COMMAND[0] = command


def on_post_page(output, page, config):
    """Serving live, no policy: the preview injects its own reload script into every page."""
    output = without_indentation(output)
    return output if _offline(config) or _COMMAND[0] == "serve" else with_policy(output)


def on_post_template(output_content, template_name, config):
    """404.html is a page too; sitemap.xml stays as it is."""
    if not template_name.endswith(".html"):
        return output_content
    return on_post_page(output_content, None, config)


def on_env(env, config, files):
    """The theme's templates compiled once and kept beside the working copy (``build/docs-site.jinja/``): each
    MkDocs process of every build otherwise compiles mkdocs-material's ~30 templates again. Jinja checks each
    cached template against its source, so an edited template is compiled afresh."""
    if _COMMAND[0] == "build":
        from jinja2 import FileSystemBytecodeCache

        site = Path(config.site_dir)
        cache = site.with_name(f"{site.name}.jinja")
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env


_OUTPUTS: list[str] = []  # every file MkDocs writes in this build (set when the nav is made)


def on_nav(nav, config, files):
    _OUTPUTS[:] = [f.dest_uri for f in files if f.inclusion.is_included()] + list(STATIC_TEMPLATE_OUTPUTS)
    return nav


def on_post_build(config):
    if shard(config)[0] == 0:
        Path(config.site_dir, MANIFEST).write_text(json.dumps(sorted(set(_OUTPUTS)), ensure_ascii=False), encoding="utf-8")
