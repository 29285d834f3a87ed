"""Time expressions in a measure's text, and the years a text names.

Kinds of ``Deadline``:

* ``deadline`` — by a named year: 到2020年, 2018年年底前, 2020年底, 截至2019年6月底;
* ``span`` — a length of time: 力争用2—3年时间, 通过3年工作, 3年内;
* ``period`` — recurring: 每年, 每年底, 每年年底前, 每季度, 每半年, 每月;
* ``within`` — a part of the current year, without naming it: 年内, 年底前, 今年, 上半年, 下半年.

``resolve_year`` gives a deadline its year: the year it names, else — for the relative
kinds — the year of the one-year document it stands in (``document_year``: an annex of
its own year such as 2018年度…重点任务, a plan whose period is one year, a yearly plan
without a period). Each ``Deadline`` carries its ``clause`` (see ``clauses``).

A bare year (2020年发展的党员中, 《…（2018—2020年）》) is not a deadline;
``years_named`` lists it. Matching runs on a width-folded copy of the text (same
length), so full-width digits count and offsets are those of the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.enrich.citations import without_citations
from generator.enrich.clauses import clause_text
from generator.text.fold import fold_width

_YEAR = r"(?:199\d|20[0-4]\d)"
_DASH = r"[至到—–\-~―〜]"
_SEP = rf"\s*{_DASH}\s*"
_CN = r"[一二两三四五六七八九十]{1,3}"
_N = rf"(?:\d{{1,2}}|{_CN})"

_DEADLINE = re.compile(
    rf"(?P<pre>(?:截至|截止到|截止|到|至)\s*)?(?<![\d年])(?P<year>{_YEAR})\s*年"
    rf"(?!{_SEP}\d)"  # not the first year of a range 2018年—2020年
    rf"(?P<month>\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?"
    rf"(?P<part>\s*(?:年底|年末|底|末|上半年|下半年|年内))?"
    rf"(?P<post>\s*(?:以前|之前|前))?"
)
_SPAN = re.compile(rf"(?:力争)?(?:用|利用|通过|经过|花)\s*{_N}(?:{_SEP}{_N})?\s*年(?:左右)?(?:的)?(?:时间|工作|努力)?|(?<![\d年])\d{{1,2}}\s*年(?:之内|内)|(?<![一二两三四五六七八九十]){_CN}年(?:之内|内)")
_PERIOD = re.compile(r"每(?:年度|年?年底前?|年?年末|半年|季度|个月|月|周|两年|年)")
_WITHIN = re.compile(r"年底前|年底|年末|年内|今年|本年度|当年|上半年|下半年")


@dataclass(frozen=True)
class Deadline:
    raw: str  # "2018年年底前", "到2020年", "年内", "每季度", "力争用2—3年时间", "每年", "上半年"
    kind: str  # "deadline" | "period" | "span" | "within"
    year: int | None  # the year it names, if any
    start: int
    end: int
    clause: str = ""  # the clause of the text holding it, an exact substring (see ``clauses``)


def extract_deadlines(text: str) -> list[Deadline]:
    """Time expressions of ``text``, in order of appearance (overlaps resolved by kind order)."""
    folded = fold_width(text)
    taken = [False] * len(folded)
    found: list[Deadline] = []

    def add(start: int, end: int, kind: str, year: int | None) -> None:
        if start < end and not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            found.append(Deadline(text[start:end], kind, year, start, end, clause_text(text, start, end)))

    if "年" not in folded and "每" not in folded:
        return found  # every kind names 年 but 每季度, 每月 …
    for m in _DEADLINE.finditer(folded) if "年" in folded else ():
        pre, part, post = m.group("pre"), m.group("part"), m.group("post")
        if not (pre or part or post):
            continue  # a bare year: 2020年发展的党员中
        if pre and re.search(r"\d\s*年?\s*$", folded[max(0, m.start() - 6) : m.start()]):
            continue  # 2018至2020年 is a range, not 至2020年
        add(m.start(), m.end(), "deadline", int(m.group("year")))
    for pattern, kind, needs in ((_SPAN, "span", "年"), (_PERIOD, "period", "每"), (_WITHIN, "within", "年")):
        for m in pattern.finditer(folded) if needs in folded else ():
            if kind == "within" and _inside_year(folded, m.start()):
                continue
            add(m.start(), m.end(), kind, None)
    return sorted(found, key=lambda d: d.start)


def _inside_year(folded: str, start: int) -> bool:
    """年底/年内 right after a year or 每 belongs to a deadline or period (2020年底, 每年底)."""
    before = folded[max(0, start - 6) : start].rstrip()
    return bool(re.search(r"(?:\d\s*年?|每年?|[一二两三四五六七八九十])$", before))


_YEAR_RANGE = re.compile(rf"(?<!\d)({_YEAR}){_SEP}({_YEAR})\s*年")
_YEAR_ONE = re.compile(rf"(?<!\d)({_YEAR})\s*年")


def years_named(text: str) -> list[int]:
    """Years 1990–2049 named in ``text`` (2018年; 2018—2020年 → 2018, 2019, 2020), sorted, unique."""
    folded = fold_width(text)
    years: set[int] = set()
    if "年" not in folded:
        return []
    for m in _YEAR_RANGE.finditer(folded):
        first, last = int(m.group(1)), int(m.group(2))
        if first <= last <= first + 10:
            years.update(range(first, last + 1))
        else:
            years.update((first, last))
    years.update(int(m.group(1)) for m in _YEAR_ONE.finditer(folded))
    return sorted(years)


RELATIVE_KINDS = ("within", "period", "span")  # resolved with the document's year: 年内, 每季度, 用2—3年时间 (from then)
YEARLY_KINDS = ("工作要点",)  # kinds of document that are yearly by nature


def resolve_year(deadline: Deadline, plan_year: int | None) -> int | None:
    """The year of ``deadline``: the one it names (2018年年底前), else ``plan_year`` — the year of the
    one-year document (or annex) it stands in, see ``document_year`` — for 年内/年底前/今年/上半年,
    and for recurring or spanning ones (每季度 of a 2018 task list is 2018's); None when neither says."""
    if deadline.year is not None:
        return deadline.year
    return plan_year if deadline.kind in RELATIVE_KINDS else None


def _one_year(title: str) -> int | None:
    """The year a title names when it names exactly one, outside cited titles: 2018年度…重点任务 → 2018."""
    years = years_named(without_citations(title))
    return years[0] if len(years) == 1 else None


def document_year(plan, annex=None) -> int | None:
    """The year of a one-year document: the annex's own year (its ``year``, else the one its title names),
    else the plan's period when it is one year, else — without a period — the one year its title names
    or, for a yearly kind (工作要点), the year it was issued. None for a document of several years."""
    if annex is not None:
        year = annex.year or _one_year(annex.title)
        if year:
            return year
    period = plan.period
    if period is not None:
        return period.start if period.start == period.end else None
    year = _one_year(plan.title)
    if year is None and plan.kind in YEARLY_KINDS:
        year = plan.issued_year
    return year
