"""How strongly two aligned measures correspond, in words a reader can take to a meeting.

The similarity of their wording (0–1, see ``enrich.vectors``) is banded by the thresholds of
``PortalConfig``: 高度对应 (the lower measure restates the upper one), 部分对应 (it takes up part
of it), 弱对应 (some shared words; read both). The number itself goes in a tooltip.
"""

from __future__ import annotations

HIGH, PARTIAL, WEAK = "高度对应", "部分对应", "弱对应"


def strength(score: float, high: float, partial: float) -> str:
    if score >= high:
        return HIGH
    return PARTIAL if score >= partial else WEAK
