"""Documents a text cites as its basis, in the standard forms of official Chinese documents.

    根据省委办公厅《关于印发<广东省……>的通知》(粤办发〔2018〕19号)、市委办《…》(梅办发〔2018〕6号)和县委办《…》

A citation starts with a trigger (根据, 按照, 依据, 贯彻落实 …), may name the issuing office
before the 《…》 (省委办公厅, 市委办, 中共广东省委 …), and may be followed by its 文号 in full- or
half-width brackets. Several are joined by 、 和 及 以及 与 or a comma. Titles may nest 〈〉, <>
or 《》; the wrapper 关于印发《X》的通知 (or 转发) yields the title X. A short title that only refers
back to a document named before (《条例》, 《意见》) is not a citation of its own. A trigger followed by a bare
文号 (根据粤办发〔2018〕19号文件精神) is a citation too. The importer and ``check`` both use this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

OPEN_BRACKET = r"[〔\[［(（【]"
CLOSE_BRACKET = r"[〕\]］)）】]"
DOC_NUMBER_BODY = rf"[\u4e00-\u9fff]{{1,12}}\s*{OPEN_BRACKET}\s*\d{{4}}\s*{CLOSE_BRACKET}\s*\d{{1,4}}\s*号"
DOC_NUMBER = re.compile(DOC_NUMBER_BODY)

TRIGGER = re.compile(r"(?:根据|按照|依据|遵照|贯彻落实|贯彻|落实)")
OFFICE = r"[\u4e00-\u9fff]{0,20}?"  # 省委办公厅, 中共深圳市委办公厅, 市委办, 县委办 (none as well)
_OPENERS = "《"
_TITLE_START = re.compile(rf"\s*{OFFICE}\s*(?=[{_OPENERS}])")
_BARE_NUMBER = re.compile(rf"\s*({DOC_NUMBER_BODY})")
_NUMBER_AFTER = re.compile(rf"\s*{OPEN_BRACKET}\s*({DOC_NUMBER_BODY})\s*{CLOSE_BRACKET}")
_SEPARATOR = re.compile(r"\s*(?:、|和|及|以及|与|，|,|；)\s*")
_WRAPPER = re.compile(r"^.*?关于(?:印发|转发)\s*[《〈<＜](.+)[》〉>＞]\s*的通知$")
_BACK_REFERENCE = re.compile(r"^(?:本|该|此|上述)?(?:条例|意见|办法|方案|通知|规定|决定|计划|纲要|规划|要点|准则|细则)$")
_NESTED = str.maketrans({"<": "〈", ">": "〉", "＜": "〈", "＞": "〉"})


@dataclass(frozen=True)
class Citation:
    doc_number: str
    title: str
    start: int  # offsets of the citation in the text
    end: int

    def as_ref(self) -> dict:
        return {"doc_number": self.doc_number, "title": self.title}


def is_back_reference(title: str) -> bool:
    """《条例》, 《意见》: a short form referring back to a document named before, not a document of its own."""
    return bool(_BACK_REFERENCE.match(title.strip()))


def book_title_at(text: str, start: int) -> tuple[str, int] | None:
    """The 《…》 starting at ``start`` (nested 《》 allowed): its inside and the index after it."""
    if start >= len(text) or text[start] != "《":
        return None
    depth = 0
    for i in range(start, len(text)):
        depth += {"《": 1, "》": -1}.get(text[i], 0)
        if depth == 0:
            return text[start + 1:i], i + 1
    return None


def unwrap_title(title: str) -> str:
    """关于印发《X》的通知 → X (nested marks written 〈〉), else the title itself."""
    title = title.strip()
    inner = _WRAPPER.match(title)
    return (inner.group(1) if inner else title).translate(_NESTED).strip()


def _list_at(text: str, pos: int) -> Iterator[Citation]:
    """The citations 《A》（文号）、B office《B》… starting at ``pos``."""
    while True:
        head = _TITLE_START.match(text, pos)
        found = book_title_at(text, head.end()) if head else None
        if found is None:
            return
        title, end = found
        start = head.end()
        number = _NUMBER_AFTER.match(text, end)
        if number:
            end = number.end()
        title = unwrap_title(title)
        if number or not _BACK_REFERENCE.match(title):  # 《条例》 alone names what was cited before
            yield Citation(re.sub(r"\s+", "", number.group(1)) if number else "", title, start, end)
        separator = _SEPARATOR.match(text, end)
        if not separator or not _TITLE_START.match(text, separator.end()):
            return
        pos = separator.end()


def find_citations(text: str) -> list[Citation]:
    """Every cited document of ``text``, in order (repeats kept; callers dedupe as they need)."""
    found: list[Citation] = []
    pos = 0
    for trigger in TRIGGER.finditer(text):
        if trigger.start() < pos:
            continue
        listed = list(_list_at(text, trigger.end()))
        if not listed:
            bare = _BARE_NUMBER.match(text, trigger.end())
            if bare:
                listed = [Citation(re.sub(r"\s+", "", bare.group(1)), "", bare.start(1), bare.end(1))]
        found += listed
        pos = listed[-1].end if listed else pos
    return found


def doc_numbers_in(text: str) -> list[str]:
    """Every 文号 written anywhere in ``text`` (spaces removed), in order."""
    return [re.sub(r"\s+", "", m.group(0)) for m in DOC_NUMBER.finditer(text)]
