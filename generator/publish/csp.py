"""A Content-Security-Policy for every page of the served site: scripts only from the site itself.

mkdocs-material writes a few small inline scripts into every page; each page's policy allows
exactly those, by their SHA-256, and nothing else inline. No other origin is allowed for
anything, ``<base>`` cannot be set, and no plugin content runs — so even text that slipped
through as markup could neither run a script nor load a resource from another host.
The copy opened from disk (``--offline``) gets no policy: browsers treat ``file://`` as an
opaque origin that ``'self'`` does not match.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
CHARSET = '<meta charset="utf-8">'
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-src 'self'")


def script_hashes(html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        digest = base64.b64encode(hashlib.sha256(match.group(1).encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def with_policy(html: str) -> str:
    """The page with its policy as the first element of <head> after the charset."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=" ".join(script_hashes(html)))}">'
    if CHARSET in html:
        return html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)
    return html.replace("<head>", f"<head>\n    {meta}", 1)
