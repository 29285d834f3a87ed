"""Running MkDocs — one process per core, into a working copy kept between builds — and publishing the result.

* ``run_mkdocs`` renders the shards of the site in parallel (``mkdocs_build``, ``mkdocs_hooks``) into
  the working copy beside the docs directory. Only pages whose Markdown changed since they were last
  rendered are rendered again; when anything that every page depends on changed — the navigation
  and settings (the generated mkdocs.yml), the theme, the versions of MkDocs and mkdocs-material —
  the working copy is emptied first (``build_stamp``). So an edit re-renders the pages it touched,
  and the result is the site a build from nothing would give.
* a build that fails throws the working copy away (the next build starts from nothing) and leaves
  the live site as it was; one that succeeds is checked for lost pages and exchanged with the live
  site in one step, the old site becoming the next working copy (``buffers``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from generator.config import PortalConfig
from generator.progress import Progress
from generator.publish.mkdocs_hooks import MANIFEST
from generator.publish import buffers
from generator.publish.swap import OldSiteKept, remove_leftovers
from generator.publish.targets import SITE_MARKER
from generator.publish.writer import remove_except

__all__ = ["OldSiteKept", "PublishError", "publish", "run_mkdocs", "mkdocs_command", "mkdocs_env"]
SMALL_SITE = 300  # pages; below this one process renders everything (starting a second costs more)


class PublishError(Exception):
    pass


def mkdocs_env(config: PortalConfig) -> dict[str, str]:
    """What mkdocs.yml reads with !ENV: the offline switch.

    ``NO_MKDOCS_2_WARNING`` turns off the banner mkdocs-material (9.7+) prints at every start
    ("Material for MkDocs reaches end of life …", Zensical).
    """
    return dict(os.environ, PORTAL_OFFLINE="true" if config.offline else "false", NO_MKDOCS_2_WARNING="1")


def mkdocs_command(config: PortalConfig, *args: str) -> list[str]:
    """``mkdocs …`` on the generated configuration (``serve`` uses it)."""
    return [sys.executable, "-m", "mkdocs", *args, "-f", str(config.generated_mkdocs_yml)]


def work_dir(config: PortalConfig) -> Path:
    docs = config.docs_dir.resolve()
    return docs.parent / f"{docs.name}-site"


def build_stamp(config: PortalConfig) -> str:
    """A digest of everything every page depends on besides its own Markdown."""
    digest = hashlib.sha256()
    for name in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions"):
        digest.update(f"{name}={version(name)};".encode())
    digest.update(f"site={config.site_dir.resolve()};offline={config.offline};".encode())
    inputs = [config.generated_mkdocs_yml, config.mkdocs_yml, *config.mkdocs_code,
              *sorted(p for p in config.theme_dir.rglob("*.html"))]
    for path in inputs:
        digest.update(path.as_posix().encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
    return digest.hexdigest()


def processes(config: PortalConfig, pages: int) -> int:
    if config.mkdocs_processes:
        return config.mkdocs_processes
    return 1 if pages < SMALL_SITE else max(1, min(os.cpu_count() or 1, 2))


def run_mkdocs(config: PortalConfig, out: Path, shards: int = 1) -> subprocess.CompletedProcess:
    """MkDocs in ``shards`` processes at once, each rendering its share of the pages into ``out``."""
    running = []
    for index in range(shards):
        cmd = [sys.executable, "-m", "generator.publish.mkdocs_build", str(config.generated_mkdocs_yml), str(out),
               f"{index}/{shards}"]
        running.append(subprocess.Popen(cmd, cwd=config.repository, env=mkdocs_env(config), stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True))
    results = [(proc, *proc.communicate()) for proc in running]
    code = next((proc.returncode for proc, _, _ in results if proc.returncode), 0)
    stdout = "\n".join(out_text for _, out_text, _ in results)
    stderr = "\n".join(err for _, _, err in results if err)
    return subprocess.CompletedProcess(cmd, code, stdout, stderr)


def rendered_count(result: subprocess.CompletedProcess) -> int:
    counts = [json.loads(line)["rendered"] for line in result.stdout.splitlines() if line.startswith('{"rendered"')]
    return sum(counts)


MKDOCS_LOG = "mkdocs-build.log"
SUMMARY_LINES = 5


def failure_summary(config: PortalConfig, result: subprocess.CompletedProcess) -> str:
    """What went wrong, in a few lines; MkDocs' whole output (a traceback, maybe) goes to a log file."""
    log = config.docs_dir.resolve().parent / MKDOCS_LOG
    output = "\n".join(part for part in (result.stdout, result.stderr) if part).strip()
    log.write_text(output + "\n", encoding="utf-8")
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    keyed = [line for line in lines if line.startswith(("ERROR", "WARNING", "Error", "Aborted"))]
    shown = (keyed or lines[-1:])[:SUMMARY_LINES]
    body = "\n".join(f"  {line}" for line in shown)
    return f"MkDocs 未能生成网站（退出码 {result.returncode}）。主要信息：\n{body}\n完整日志：{log}"


def missing_pages(site: Path, expected: list[str]) -> list[str]:
    """Pages (``plans/x/index.md``) whose HTML the build did not produce."""
    return [rel for rel in expected if not (site / (rel[: -len(".md")] + ".html")).is_file()]


def remove_unlisted(site: Path) -> int:
    """Delete what the working copy holds beyond the manifest of this build (pages removed since), and the manifest."""
    manifest = site / MANIFEST
    if not manifest.is_file():  # MkDocs did not finish: missing_pages tells what is lost
        return 0
    listed = set(json.loads(manifest.read_text(encoding="utf-8")))
    manifest.unlink()
    return remove_except(site, listed | {SITE_MARKER})


def render_site(config: PortalConfig, pages: list[str], progress: Progress) -> tuple[Path, str, buffers.Stamps]:
    """The working copy with every page rendered; raises PublishError (and forgets the copy) otherwise."""
    work, stamp = work_dir(config), build_stamp(config)
    stamps = buffers.prepare(work, stamp, config.site_dir.resolve())
    with progress.stage("mkdocs") as stage:
        result = run_mkdocs(config, work, processes(config, len(pages)))
        if result.returncode != 0:
            shutil.rmtree(work, ignore_errors=True)
            raise PublishError(failure_summary(config, result))
        remove_unlisted(work)
        lost = missing_pages(work, pages)
        if lost:
            shutil.rmtree(work, ignore_errors=True)
            raise PublishError(f"生成的网站缺少 {len(lost)} 个页面（如 {lost[0]}）：生成过程中 Markdown 目录被改动或删除了。")
        progress.counts["rendered"] = rendered = rendered_count(result)
        stage.done = f"渲染 {rendered} 个页面（共 {len(pages)} 个）"
        progress.notes.append(f"MkDocs {stage.done}")
    return work, stamp, stamps


def publish(config: PortalConfig, pages: list[str], progress: Progress | None = None) -> None:
    """Render the site (``render_site``), then exchange it with the live ``site_dir`` (``buffers``).

    ``pages`` are the Markdown pages the generator wrote: each must come out as HTML, or the build
    lost its inputs on the way and nothing is published.
    """
    progress = progress or Progress(quiet=True)
    site_dir = config.site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir)
    work, stamp, stamps = render_site(config, pages, progress)
    with progress.stage("swap") as stage:
        buffers.go_live(work, site_dir, stamp, stamps)
        stage.done = str(config.site_dir)
