"""Running MkDocs into a temporary directory and swapping it in for site/ only when it succeeded."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.config import PortalConfig
from generator.publish.csp import add_policies
from generator.publish.targets import MARKER_TEXT, SITE_MARKER

RENAME_EXCHANGE = 2
AT_FDCWD = -100


class PublishError(Exception):
    pass


def mkdocs_env(config: PortalConfig) -> dict[str, str]:
    """What mkdocs.yml reads with !ENV: the offline switch and the dictionary of the configured site_config.

    ``NO_MKDOCS_2_WARNING`` turns off the banner mkdocs-material (9.7+) prints at every start
    ("Material for MkDocs reaches end of life …", Zensical).
    """
    return dict(os.environ, PORTAL_OFFLINE="true" if config.offline else "false",
                PORTAL_JIEBA_DICT=str(config.dictionary.resolve()), NO_MKDOCS_2_WARNING="1")


# `python -m mkdocs`, with jieba's progress lines ("Building prefix dict from …", "Loading model …",
# "Prefix dict has been built successfully.") silenced: the search plugin (lang: zh) loads jieba in
# that process, and jieba logs them at DEBUG to stderr by default. Its warnings and errors still show.
MKDOCS_MAIN = ("import logging, jieba; jieba.setLogLevel(logging.WARNING); "
               "from mkdocs.__main__ import cli; cli(prog_name='mkdocs')")


def mkdocs_command(config: PortalConfig, *args: str) -> list[str]:
    return [sys.executable, "-c", MKDOCS_MAIN, *args, "-f", str(config.generated_mkdocs_yml)]


def run_mkdocs(config: PortalConfig, out_dir: Path) -> subprocess.CompletedProcess:
    cmd = mkdocs_command(config, "build", "--strict", "--quiet") + ["-d", str(out_dir)]
    return subprocess.run(cmd, cwd=config.repository, env=mkdocs_env(config), capture_output=True, text=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


class OldSiteKept(Exception):
    """The new site is live, but the old one could not be deleted."""


def swap_in(new_dir: Path, site_dir: Path) -> None:
    """Replace site_dir by new_dir in one step; the old site is removed afterwards (OldSiteKept if it cannot be)."""
    if not site_dir.exists():
        os.rename(new_dir, site_dir)
        return
    if _exchange(new_dir, site_dir):
        _remove_old(new_dir)  # new_dir now holds the old site
        return
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(site_dir, old)
    os.rename(new_dir, site_dir)
    _remove_old(old)


def _remove_old(old: Path) -> None:
    try:
        shutil.rmtree(old)
    except OSError as exc:
        raise OldSiteKept(f"{old}（{exc.strerror or exc}）") from None


def remove_leftovers(site_dir: Path) -> None:
    """Temporary folders of builds that were killed before they could clean up."""
    for leftover in site_dir.parent.glob(f".{site_dir.name}-build-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(site_dir.with_name(site_dir.name + ".old"), ignore_errors=True)


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


def publish(config: PortalConfig, pages: list[str]) -> None:
    """Build the site with MkDocs into a temporary folder beside ``site_dir``, check it, then swap it in.

    ``pages`` are the Markdown pages the generator wrote: each must come out as HTML, or the build
    lost its inputs on the way and nothing is published.
    """
    site_dir = config.site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        result = run_mkdocs(config, tmp)
        if result.returncode != 0:
            raise PublishError(failure_summary(config, result))
        lost = missing_pages(tmp, pages)
        if lost:
            raise PublishError(f"生成的网站缺少 {len(lost)} 个页面（如 {lost[0]}）：生成过程中 Markdown 目录被改动或删除了。")
        if not config.offline:
            add_policies(tmp)
        (tmp / SITE_MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private; a web server runs as another user
        swap_in(tmp, site_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
