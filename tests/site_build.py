"""Building a site for tests, once per session: the real portal, and small fixture portals."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.conftest import CONTENT, ROOT, run_generator

FIXTURES = ROOT / "tests" / "fixtures"
EPOCH = {"SOURCE_DATE_EPOCH": "1600000000"}


def build(out: Path, content: Path = CONTENT, *extra: str) -> Path:
    site = out / "site"
    result = run_generator("build", "--content", str(content), "--site-dir", str(site), "--docs-dir", str(out / "build" / "docs"), *extra, env=EPOCH)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    return site


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
