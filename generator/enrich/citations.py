"""Documents a text cites: 《title》 with an optional （文号）, resolved to a plan or a reference."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.load.references import Resolver
from generator.text.fold import ref_key

CITATION = re.compile(r"《([^《》]{2,120})》(?:[（(]([^（）()]{0,40}?[〔\[［(（]\d{4}[〕\]］)）][^（）()]{0,10}?号)[）)])?")


@dataclass(frozen=True)
class Citation:
    key: str  # folded title: one entry of the citation index
    title: str
    doc_number: str = ""
    plan_id: str | None = None
    reference_id: str | None = None


def find_citations(text: str, resolver: Resolver) -> list[Citation]:
    """The 《…》 of ``text``, one per title (the first with a 文号 wins), in order."""
    found: dict[str, Citation] = {}
    for match in CITATION.finditer(text):
        title, number = match.group(1).strip(), (match.group(2) or "").strip()
        key = ref_key(title)
        where = resolver.find(title, number)
        if key not in found or (number and not found[key].doc_number):
            found[key] = Citation(key, title, number, where.plan_id, where.reference_id)
    return list(found.values())


def without_citations(text: str) -> str:
    """``text`` with every cited 《title》（文号） taken out (their years are not the text's)."""
    return CITATION.sub("", text)
