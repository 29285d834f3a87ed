"""The parts of a document around its body: header, 印发通知, title, 版记 footer, annexes."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.importer.patterns import (
    ANNEX_HEAD,
    ANNEX_NOTE,
    COPY_TO_LINE,
    DATE_LINE,
    DOC_NUMBER_LINE,
    NOTICE_TITLE,
    ORGAN_LINE,
    PRINTED_LINE,
    has_prose_punct,
    iso_date,
    match_key,
    match_marker,
)

MAX_HEADER_LINE = 40
MAX_TITLE = 100
MAX_SIGNERS = 2  # 中共某某镇委员会 / 某某镇人民政府 above one date


@dataclass
class Front:
    """Everything before the plan's preamble."""

    issuer: str = ""
    doc_number: str = ""
    notice_title: str = ""
    recipients: str = ""
    notice: list[str] = field(default_factory=list)
    notice_signer: str = ""
    notice_date: str = ""
    issued: str = ""
    title: str = ""
    signer: str = ""  # an organ's name under the title (中共深圳市福田区委办公室)
    dated: str = ""  # YYYY-MM-DD of a date under the title
    body_start: int = 0


@dataclass
class Tail:
    """Everything after the body: annex notes, annexes and the 版记 footer."""

    body_end: int
    annex_notes: list[str] = field(default_factory=list)
    annexes: list[tuple[str, list[str]]] = field(default_factory=list)  # (number, paragraphs)
    footer: list[str] = field(default_factory=list)
    printed: str = ""  # YYYY-MM-DD of the 印发 line
    signature: list[str] = field(default_factory=list)  # 落款 at the end of the body: signer(s) and date
    signer: str = ""
    signed: str = ""  # YYYY-MM-DD of the 落款


def _is_label(paragraph: str) -> bool:
    """A short line without sentence punctuation: an organ's name, a signer."""
    return len(paragraph) <= MAX_HEADER_LINE and not has_prose_punct(paragraph)


def _is_title_like(paragraph: str) -> bool:
    return len(paragraph) <= MAX_TITLE and not has_prose_punct(paragraph)


def _is_signer(paragraph: str) -> bool:
    return _is_label(paragraph) and not match_marker(paragraph) and not DATE_LINE.match(paragraph)


def _date(paragraph: str) -> str:
    m = DATE_LINE.match(paragraph)
    return iso_date(m) if m else ""


def outer_book_title(text: str) -> str:
    """The outermost 《…》 of ``text`` (nested 《》 allowed), or ""."""
    start = text.find("《")
    depth = 0
    for i in range(max(start, 0), len(text)):
        depth += {"《": 1, "》": -1}.get(text[i], 0)
        if start >= 0 and depth == 0:
            return text[start + 1:i]
    return ""


def _read_header(paragraphs: list[str], front: Front) -> int:
    i = 0
    if len(paragraphs) > 1 and _is_label(paragraphs[0]) and DOC_NUMBER_LINE.match(paragraphs[1]):
        front.issuer = paragraphs[0].removesuffix("文件").strip()
        i = 1
    elif paragraphs and _is_label(paragraphs[0]) and paragraphs[0].endswith("文件"):
        front.issuer = paragraphs[0].removesuffix("文件").strip()
        return 1
    if i < len(paragraphs) and DOC_NUMBER_LINE.match(paragraphs[i]):
        front.doc_number = paragraphs[i]
        i += 1
    return i


def _find_title(paragraphs: list[str], start: int, expected: str) -> int | None:
    if expected:
        key = match_key(expected)
        for i in range(start, len(paragraphs)):
            if match_key(paragraphs[i]) == key:
                return i
    after_date = [i + 1 for i in range(start, len(paragraphs) - 1) if DATE_LINE.match(paragraphs[i])]
    if after_date and _is_title_like(paragraphs[after_date[0]]):
        return after_date[0]
    return None


def _read_notice(paragraphs: list[str], i: int, front: Front) -> int:
    if i >= len(paragraphs) or has_prose_punct(paragraphs[i]) or not NOTICE_TITLE.match(paragraphs[i]):
        return i
    front.notice_title = paragraphs[i]
    i += 1
    if i < len(paragraphs) and paragraphs[i].endswith(("：", ":")) and not match_key(paragraphs[i]).startswith("附件"):
        front.recipients = paragraphs[i].rstrip("：:")
        i += 1
    title_at = _find_title(paragraphs, i, outer_book_title(front.notice_title))
    if title_at is None:
        return i
    body = paragraphs[i:title_at]
    if body and DATE_LINE.match(body[-1]):
        front.notice_date = body.pop()
        front.issued = iso_date(DATE_LINE.match(front.notice_date))
        if body and _is_label(body[-1]):
            front.notice_signer = body.pop()
    front.notice = body
    return title_at


def read_front(paragraphs: list[str]) -> Front:
    """Header (发文机关, 文号), 印发通知 and title of a document."""
    front = Front()
    i = _read_header(paragraphs, front)
    i = _read_notice(paragraphs, i, front)
    if i < len(paragraphs) and _is_title_like(paragraphs[i]):
        front.title = paragraphs[i]
        i = _read_title_signer(paragraphs, i + 1, front)
    front.body_start = i
    return front


def _read_title_signer(paragraphs: list[str], i: int, front: Front) -> int:
    """An organ's name and a date under the title (中共深圳市福田区委办公室 / 2019年3月1日)."""
    dated = i + 1 < len(paragraphs) and DATE_LINE.match(paragraphs[i + 1])
    if i < len(paragraphs) and _is_signer(paragraphs[i]) and (dated or ORGAN_LINE.match(paragraphs[i])):
        front.signer = paragraphs[i]
        i += 1
    if i < len(paragraphs) and DATE_LINE.match(paragraphs[i]):
        front.dated = _date(paragraphs[i])
        i += 1
    return i


def _read_footer(paragraphs: list[str], end: int, tail: Tail) -> int:
    while end > 0 and COPY_TO_LINE.match(paragraphs[end - 1]):
        end -= 1
    if end > 0 and PRINTED_LINE.match(paragraphs[end - 1]):
        tail.printed = iso_date(PRINTED_LINE.match(paragraphs[end - 1]))
        end -= 1
        if end > 0 and _is_label(paragraphs[end - 1]):
            end -= 1
    return end


def read_tail(paragraphs: list[str], start: int) -> Tail:
    """Split the annexes and the footer off the end of the body (from ``start``)."""
    tail = Tail(len(paragraphs))
    end = _read_footer(paragraphs, len(paragraphs), tail)
    tail.footer = paragraphs[end:]
    heads = [i for i in range(start, end) if ANNEX_HEAD.match(paragraphs[i])]
    for n, head in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else end
        tail.annexes.append((ANNEX_HEAD.match(paragraphs[head]).group(1), paragraphs[head + 1:stop]))
    tail.body_end = heads[0] if heads else end
    tail.annex_notes = [p for p in paragraphs[start:tail.body_end] if ANNEX_NOTE.match(p)]
    tail.body_end = _read_signature(paragraphs, start, tail.body_end, tail)
    return tail


def _read_signature(paragraphs: list[str], start: int, end: int, tail: Tail) -> int:
    """The 落款 closing the body: a date, with the signing organs above it; where the body ends then."""
    last = end
    while last > start and ANNEX_NOTE.match(paragraphs[last - 1]):
        last -= 1
    if last <= start + 1 or not DATE_LINE.match(paragraphs[last - 1]):
        return end
    first = last - 1
    while first > start + 1 and last - 1 - first < MAX_SIGNERS and _is_signer(paragraphs[first - 1]):
        first -= 1
    tail.signature = paragraphs[first:last]
    tail.signer = "、".join(tail.signature[:-1])
    tail.signed = _date(paragraphs[last - 1])
    return first
