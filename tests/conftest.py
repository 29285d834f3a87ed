"""Shared fixtures: the repository's paths, and a CLI runner that runs `python -m generator` as a maintainer would."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_CONFIG = ROOT / "site_config"
CONTENT = ROOT / "content"
SEEDS = ROOT.parent / "shared" / "seeds"


def portal_config(content: Path = CONTENT, site_config: Path = SITE_CONFIG, **settings):
    """The configuration a command would build for this content and site config."""
    from generator.config import PortalConfig

    return PortalConfig(content=content, site_config=site_config, **settings)


# A valid plan the error tests break in one place at a time.
GOOD_PLAN = textwrap.dedent("""\
    id: "good-plan"
    title: "某市实施方案"
    tier: "city"
    issued: "2018-10-29"
    sections:
      - number: "一、"
        title: "重点任务"
        measures:
          - number: "1"
            title: "持续整顿软弱涣散党组织"
            text: "开展精准整顿。"
          - number: "2"
            title: "建设党群服务中心"
            text: "合理布局党群服务中心。"
    """)


def pytest_addoption(parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="write tests/golden/ again from the fixture corpus")


def run_generator(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, **(env or {}))
    full_env.pop("PORTAL_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=full_env, capture_output=True, text=True)


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    (tmp_path / "content" / "plans").mkdir(parents=True)
    return tmp_path / "content"


@pytest.fixture(scope="session")
def portal(tmp_path_factory) -> Path:
    """The real portal (five plans), built once per test session with `python -m generator build`."""
    from tests.site_build import build

    return build(tmp_path_factory.mktemp("portal"))
