"""End-to-end fixtures: the portal built once per session, served from a sub-path, and Debian's Chromium.

- ``portal_site``: base URL ``http://127.0.0.1:PORT/portal/`` of the normal build, served by a small
  threaded static server that maps ``/portal/`` to the built directory (as an intranet web server
  would serve the portal from a sub-path; nothing outside ``/portal/`` exists).
- ``offline_site``: the directory of the ``--offline`` build (opened from ``file://``).
- ``browser`` (session) and ``page`` (one fresh context per test, zh-CN, 1280×900).
- ``artifacts``: ``tests/artifacts/`` (git-ignored) for screenshots and PDFs a person can look at.
- ``e2e_report``: ``e2e_report("…")`` adds a line to the summary printed at the end of the run
  (PDF page counts and the like), so the figures show up in ``make test`` output.

Only the builds the collected tests use are made: the served one when the first test needs it, the
offline one right after it. For quick iteration set ``PORTAL_E2E_SITE`` / ``PORTAL_E2E_OFFLINE_SITE``
to directories built beforehand (``python -m generator build [--offline] --site-dir …``).

Without /usr/bin/chromium every test here is skipped (outside CI); with ``CI=true`` they run and fail.
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
INSTALL_HINT = "apt-get install -y chromium fonts-noto-cjk"
SUB_PATH = "/portal/"
BUILD_TIMEOUT = 240  # seconds per build

_REPORT = pytest.StashKey[list]()
_NEEDS = pytest.StashKey[set]()


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _chromium_missing_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found: the browser tests need Debian's Chromium and CJK fonts"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python Playwright is not installed (pip install -e '.[test]')"
    return None


def _is_e2e_item(item: pytest.Item) -> bool:
    try:
        return Path(str(item.path)).resolve().is_relative_to(HERE)
    except (AttributeError, ValueError):
        return False


# --------------------------------------------------------------------------- collection and report


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_REPORT] = []
    config.stash[_NEEDS] = set()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    e2e_items = [item for item in items if _is_e2e_item(item)]
    needs: set[str] = set()
    for item in e2e_items:
        names = set(getattr(item, "fixturenames", ()))
        if names & {"portal_site", "portal_dir"}:
            needs.add("online")
        if "offline_site" in names:
            needs.add("offline")
    config.stash[_NEEDS] = needs
    reason = _chromium_missing_reason()
    if reason and not _in_ci():
        skip = pytest.mark.skip(reason=f"{reason}; install with: {INSTALL_HINT}")
        for item in e2e_items:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    lines = config.stash.get(_REPORT, [])
    if not lines:
        return
    terminalreporter.section("portal e2e report")
    for line in lines:
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def e2e_report(pytestconfig):
    """Call with a line of text to print it in the summary at the end of the run."""

    def add(line: str) -> None:
        pytestconfig.stash[_REPORT].append(line)

    return add


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# --------------------------------------------------------------------------- builds


class _Build:
    """One `python -m generator build` running in the background."""

    def __init__(self, name: str, work: Path, offline: bool):
        self.name = name
        self.site_dir = work / name / "site"
        docs_dir = work / name / "docs"  # its parent holds the generated mkdocs.yml: one per build
        cmd = [sys.executable, "-m", "generator", "build", "--site-dir", str(self.site_dir), "--docs-dir", str(docs_dir)]
        if offline:
            cmd.append("--offline")
        self.cmd = cmd
        self.log = work / f"{name}.log"
        env = dict(os.environ)
        env.pop("PORTAL_DEBUG", None)
        env.pop("PORTAL_OFFLINE", None)
        self._log_file = open(self.log, "w", encoding="utf-8")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self._log_file, stderr=subprocess.STDOUT)
        self.seconds: float | None = None

    def wait(self) -> Path:
        try:
            code = self.proc.wait(timeout=BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            code = "timeout"
        finally:
            self._log_file.close()
        if self.seconds is None:
            self.seconds = time.perf_counter() - self.started
        if code != 0 or not (self.site_dir / "index.html").is_file():
            output = self.log.read_text(encoding="utf-8", errors="replace")[-4000:]
            pytest.fail(f"building the {self.name} site failed (exit {code}): {' '.join(self.cmd)}\n{output}", pytrace=False)
        return self.site_dir


class _Builds:
    """The builds the collected tests need. The served build starts at once; the offline one starts
    when the served one is done (or when it is asked for first): on a small machine two builds at
    once take longer than one after the other, and the offline copy is needed later in the run."""

    SPECS = {"online": ("PORTAL_E2E_SITE", False), "offline": ("PORTAL_E2E_OFFLINE_SITE", True)}

    def __init__(self, work: Path, needs: set[str]):
        self.work, self.needs = work, needs
        self.builds: dict[str, _Build | Path] = {}
        for name, (env_name, _) in self.SPECS.items():
            if os.environ.get(env_name):
                self.builds[name] = Path(os.environ[env_name]).resolve()
        if "online" in needs:
            self.start("online")
        else:
            self.start("offline")

    def start(self, name: str) -> None:
        if name not in self.builds:
            self.builds[name] = _Build(name, self.work, offline=self.SPECS[name][1])

    def site_dir(self, name: str, e2e_report) -> Path:
        self.start(name)
        build = self.builds[name]
        if isinstance(build, Path):
            if not (build / "index.html").is_file():
                pytest.fail(f"{build} holds no built site (index.html missing)", pytrace=False)
            return build
        already = build.seconds is not None
        try:
            site = build.wait()
        finally:
            if name == "online" and "offline" in self.needs:
                self.start("offline")
        if not already:
            e2e_report(f"build ({name}): {build.seconds:.1f} s → {site}")
        return site

    def stop(self) -> None:
        for build in self.builds.values():
            if isinstance(build, _Build) and build.proc.poll() is None:
                build.proc.kill()
                build.proc.wait()


@pytest.fixture(scope="session")
def _builds(pytestconfig, tmp_path_factory):
    builds = _Builds(tmp_path_factory.mktemp("portal-e2e"), pytestconfig.stash.get(_NEEDS, set()) or {"online"})
    yield builds
    builds.stop()


# --------------------------------------------------------------------------- static server


class _PortalHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under /portal/ only; everything else is 404 (as on the intranet server)."""

    site_root: str = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=self.site_root, **kwargs)

    def translate_path(self, path: str) -> str:
        path = urllib.parse.unquote(path.split("?", 1)[0].split("#", 1)[0])
        if not path.startswith(SUB_PATH):
            return os.path.join(self.site_root, "\0no-such-file")  # never exists → 404
        return super().translate_path("/" + path[len(SUB_PATH):])

    def do_GET(self):  # noqa: N802
        bare = self.path.split("?", 1)[0]
        if bare == SUB_PATH.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", SUB_PATH)
            self.end_headers()
            return
        super().do_GET()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # quiet
        pass


def _serve(site_dir: Path):
    handler = type("Handler", (_PortalHandler,), {"site_root": str(site_dir)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="portal-e2e-server", daemon=True)
    thread.start()
    return server, thread


@pytest.fixture(scope="session")
def portal_dir(_builds, e2e_report) -> Path:
    """The directory of the normal (served) build."""
    return _builds.site_dir("online", e2e_report)


@pytest.fixture(scope="session")
def portal_site(portal_dir) -> str:
    """Base URL of the portal served from a sub-path: http://127.0.0.1:PORT/portal/."""
    server, thread = _serve(portal_dir)
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}{SUB_PATH}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def offline_site(_builds, e2e_report) -> Path:
    """The directory of the --offline build (open it with file://…/index.html)."""
    return _builds.site_dir("offline", e2e_report)


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def _playwright():
    reason = _chromium_missing_reason()
    if reason:
        message = f"{reason}; install with: {INSTALL_HINT}"
        if _in_ci():
            pytest.fail(f"CI=true: {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(_playwright):
    """Debian's Chromium, headless, launched only through Playwright (never `playwright install`)."""
    browser = _playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A fresh page; JavaScript errors on it are collected in ``page.js_errors``."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors  # type: ignore[attr-defined]
    yield page
    page.close()


# --------------------------------------------------------------------------- helpers for the tests


def load_corpus(site_dir: Path) -> dict:
    """The site's open data: levels, topics, plans with their measures (titles, urls, related)."""
    return json.loads((site_dir / "data" / "corpus.json").read_text(encoding="utf-8"))


_HEADING_JS = """h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(e => e.remove());
  return c.textContent.replace(/\\s+/g, ' ').trim(); }"""


def text_of(locator) -> str:
    """The text of a heading (or any element) without the ¶ permalink, whitespace collapsed."""
    return locator.evaluate(_HEADING_JS)


def heading(page) -> str:
    """The text of the page's h1 as a reader sees it."""
    return text_of(page.locator("article h1").first)


def url_path(url: str) -> str:
    """The path of a URL below the site root (``http://…/portal/plans/x/`` → ``plans/x/``)."""
    path = urllib.parse.urlsplit(url).path
    return urllib.parse.unquote(path[len(SUB_PATH):] if path.startswith(SUB_PATH) else path.lstrip("/"))
