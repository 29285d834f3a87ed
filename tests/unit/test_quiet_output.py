"""Nothing a reader trips over: a reproducible install, and builds without other programs' chatter.

- requirements.lock pins every dependency of pyproject.toml (and its `test` extra and build
  backend) to one version with hashes (`make lock` regenerates it).
- Neither the generator nor the MkDocs it runs prints jieba's progress lines
  ("Building prefix dict …") or mkdocs-material's end-of-life banner; real messages still show.
"""

from __future__ import annotations

import re
import subprocess
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT, portal_config, run_generator

LOCK = ROOT / "requirements.lock"
MINI = ROOT / "tests" / "fixtures" / "mini" / "content"

CHATTER = (
    "Building prefix dict",
    "Loading model",
    "Dumping model",
    "Prefix dict has been built",
    "Material for MkDocs reaches end of life",
    "Zensical",
    "NO_MKDOCS_2_WARNING",
)


def locked() -> dict[str, tuple[str, int]]:
    """Normalised name → (pinned version, number of hashes) of each entry of requirements.lock."""
    pins: dict[str, tuple[str, int]] = {}
    name = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        pin = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line)
        if pin:
            name = canonicalize_name(pin.group(1))
            pins[name] = (pin.group(2), 0)
        elif name and line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[name]
            pins[name] = (version, hashes + 1)
        elif not line.startswith(" "):
            name = None
    return pins


def required() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    specs = [*project["project"]["dependencies"], *project["project"]["optional-dependencies"]["test"],
             *project["build-system"]["requires"]]
    return [Requirement(spec) for spec in specs]


def test_the_lock_pins_every_dependency_of_pyproject():
    pins = locked()
    missing = [str(req) for req in required() if canonicalize_name(req.name) not in pins]
    assert not missing, f"not in requirements.lock (run `make lock`): {missing}"
    outside = [f"{req} (locked {pins[canonicalize_name(req.name)][0]})" for req in required()
               if not req.specifier.contains(pins[canonicalize_name(req.name)][0], prereleases=True)]
    assert not outside, f"requirements.lock is older than pyproject.toml (run `make lock`): {outside}"


def test_every_locked_package_has_hashes():
    pins = locked()
    assert {"pip", "setuptools", "wheel"} <= pins.keys()  # what builds jieba (an sdist) and the project, offline too
    assert not [name for name, (_, hashes) in pins.items() if hashes == 0]
    unpinned = [line for line in LOCK.read_text(encoding="utf-8").splitlines()
                if re.match(r"^[A-Za-z0-9]", line) and "==" not in line]
    assert not unpinned


def test_a_build_prints_no_jieba_progress_or_material_banner(tmp_path):
    docs = tmp_path / "build" / "docs"
    result = run_generator("build", "--no-mkdocs", "--content", str(MINI), "--docs-dir", str(docs))
    assert result.returncode == 0, result.stderr
    generator_output = result.stdout + result.stderr
    assert "警告" in result.stderr  # the fixture's own warnings still show
    assert not [line for line in generator_output.splitlines() if line.startswith(CHATTER) or "Zensical" in line]

    # MkDocs as the build and `serve` run it: its output is kept on failure (build/mkdocs-build.log)
    # and is on screen while serving, so it must not carry jieba's lines (the search plugin, lang: zh)
    from generator.publish.mkdocs_run import mkdocs_command, mkdocs_env

    config = portal_config(content=MINI, docs_dir=docs, site_dir=tmp_path / "site")
    mkdocs = subprocess.run(mkdocs_command(config, "build", "--strict") + ["-d", str(tmp_path / "site")],
                            cwd=config.repository, env=mkdocs_env(config), capture_output=True, text=True)
    assert mkdocs.returncode == 0, mkdocs.stdout + mkdocs.stderr
    output = mkdocs.stdout + mkdocs.stderr
    assert "Documentation built in" in output  # MkDocs' own messages still show
    assert not [line for line in output.splitlines() if any(chatter in line for chatter in CHATTER)], output
    assert (tmp_path / "site" / "index.html").is_file()
