"""How much of a source document a plan keeps: Chinese characters, in reading order.

Used by the importer to warn about lost text, and by the fidelity tests. The counting in order
(``matched_in_order``, difflib's matching blocks in about linear time) is ``importer.align``.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.importer.align import matched_in_order
from generator.importer.breaks import restore_breaks
from generator.importer.cleanup import body_text, cjk_only

__all__ = ["kept_ratio", "matched_in_order", "plan_characters", "reading_order", "source_characters", "sourced_ratio"]

ANCHOR = 12
WINDOW_MARGIN = 200
MAX_CANDIDATES = 8


def _section_parts(section: dict) -> Iterator[str]:
    yield section.get("number", "")
    yield section.get("title", "")
    yield section.get("text", "")
    for measure in section.get("measures", []):
        yield measure.get("title", "")
        yield measure.get("text", "")
    for child in section.get("sections", []):
        yield from _section_parts(child)


def _notice_parts(plan: dict) -> Iterator[str]:
    notice = plan.get("notice", "").split("\n\n", 1)
    yield notice[0]  # the notice's own title comes before its recipients
    yield plan.get("recipients", "")
    yield from notice[1:]
    yield plan.get("notice_signer", "")
    yield plan.get("notice_date", "")


def reading_order(plan: dict) -> Iterator[str]:
    """Every text field of a plan dict, in the order the source prints them (year themes are copies).

    The issuer heads a document with a 文号 or a 印发通知 (版头); without them it is signed under
    the title or at the end (where the closing holds it too).
    """
    headed = bool(plan.get("doc_number") or plan.get("notice"))
    yield plan.get("issuer", "") if headed else ""
    yield plan.get("doc_number", "")
    yield from _notice_parts(plan)
    yield plan.get("title", "")
    yield "" if headed else plan.get("issuer", "")
    yield plan.get("preamble", "")
    for section in plan.get("sections", []):
        yield from _section_parts(section)
    yield plan.get("closing", "")
    for annex in plan.get("annexes", []):
        yield annex.get("title", "")
        yield from _section_parts({"text": annex.get("text", ""), "measures": annex.get("measures", []),
                                   "sections": annex.get("sections", [])})
    yield plan.get("footer", "")


def plan_characters(plan: dict) -> str:
    return cjk_only("".join(str(part) for part in reading_order(plan)))


def source_characters(source_text: str) -> str:
    """The Chinese characters of a source's body: without chrome, also inside lines whose breaks were lost."""
    return cjk_only(body_text("\n".join(restore_breaks(source_text).lines)))


def kept_ratio(source_text: str, plan: dict) -> float:
    """Share of the source body's Chinese characters that the plan keeps, in order."""
    expected = source_characters(source_text)
    if not expected:
        return 1.0
    return matched_in_order(expected, plan_characters(plan)) / len(expected)


def _windows(haystack: str, needle: str) -> Iterator[str]:
    """Parts of ``haystack`` where ``needle`` may come from: around each occurrence of its anchors."""
    found = False
    for offset in range(0, max(len(needle) - ANCHOR, 0) + 1, ANCHOR):
        anchor, at = needle[offset:offset + ANCHOR], -1
        for _ in range(MAX_CANDIDATES):
            at = haystack.find(anchor, at + 1)
            if at < 0:
                break
            found = True
            start = max(at - offset - WINDOW_MARGIN, 0)
            yield haystack[start:at - offset + len(needle) + WINDOW_MARGIN]
    if not found:
        yield haystack


def sourced_ratio(fragment: str, source_chars: str) -> float:
    """Share of ``fragment``'s Chinese characters that appear, in order, in the source characters."""
    needle = cjk_only(fragment)
    if not needle:
        return 1.0
    best = 0
    for window in _windows(source_chars, needle):
        best = max(best, matched_in_order(needle, window))
        if best == len(needle):
            break
    return best / len(needle)
