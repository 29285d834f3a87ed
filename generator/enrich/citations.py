"""Documents a text cites: 《title》 with an optional （文号）, resolved to a plan or a reference."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.load.references import Resolver
from generator.text.citations import is_back_reference
from generator.text.fold import ref_key

CITATION = re.compile(r"《([^《》]{2,120})》(?:[（(]([^（）()]{0,40}?[〔\[［(（]\d{4}[〕\]］)）][^（）()]{0,10}?号)[）)])?")


@dataclass(frozen=True)
class Citation:
    key: str  # one entry of the citation index per document: plan:<id>, ref:<id>, or the folded 文号/title
    title: str
    doc_number: str = ""
    plan_id: str | None = None
    reference_id: str | None = None


def find_citations(text: str, resolver: Resolver) -> list[Citation]:
    """The 《…》 of ``text``, one per title (the first with a 文号 wins), in order."""
    found: dict[str, Citation] = {}
    for match in CITATION.finditer(text):
        title, number = match.group(1).strip(), (match.group(2) or "").strip()
        if not number and is_back_reference(title):
            continue
        where = resolver.find(number, title)
        key = document_key(where.plan_id, where.reference_id, number, title)
        if key not in found or (number and not found[key].doc_number):
            found[key] = Citation(key, title, number, where.plan_id, where.reference_id)
    return list(found.values())


def document_key(plan_id: str | None, reference_id: str | None, doc_number: str = "", title: str = "") -> str:
    """Every spelling of one document gets one key: the plan or reference it resolved to, else its 文号 or title."""
    if plan_id:
        return f"plan:{plan_id}"
    if reference_id:
        return f"ref:{reference_id}"
    return f"doc:{ref_key(doc_number)}" if doc_number else f"title:{ref_key(title)}"


def without_citations(text: str) -> str:
    """``text`` with every cited 《title》（文号） taken out (their years are not the text's)."""
    return CITATION.sub("", text)
