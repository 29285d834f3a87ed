"""Typed content model of a plan file (content/plans/*.yaml).

Every model forbids unknown keys and is frozen. Scalars arrive as text from
``generator.source`` (no YAML 1.1 guessing); fields that are numbers or dates
are converted here, and nowhere else. A validator's error is a ``PydanticCustomError`` whose
type is the problem code (a key of ``generator.messages.MESSAGES``).
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Optional

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

UNSTATED = "未注明"  # what a field holds when the document does not state it (title)
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]


def _is_partial_date(value: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real month and day."""
    m = PARTIAL_DATE.match(value)
    if not m:
        return False
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        return False
    if day:
        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError:
            return False
    return True


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Period(Strict):
    start: int = Field(ge=1900, le=2100, description="起始年份")
    end: int = Field(ge=1900, le=2100, description="截止年份")

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise PydanticCustomError("plan.period_order", "period end is before its start")
        return self


class DocRef(Strict):
    """A document this plan implements, or a curated link target."""

    doc_number: str = Field("", description="文号，如 粤办发〔2018〕19号")
    title: str = Field("", description="文件标题（不含书名号）")

    @model_validator(mode="after")
    def _some_key(self) -> "DocRef":
        if not (self.doc_number.strip() or self.title.strip()):
            raise PydanticCustomError("plan.docref_empty", "give doc_number or title")
        return self


class SeeAlso(Strict):
    """A curated link from a measure: to a measure (plan/key) or a plan."""

    plan: Slug = Field(description="目标方案的 id")
    measure: str = Field("", description="目标举措的编号键，如 12 或 a1-5；留空表示链接到整个方案")
    note: str = Field("", description="说明")


class YearTheme(Strict):
    year: int = Field(ge=1900, le=2100)
    theme: NonEmpty = Field(description="年度主题，如 规范化建设")
    text: str = Field("", description="该年度的目标文字（照录原文）")


class Measure(Strict):
    number: str = Field("", description="原文编号，照录，如 1、12；原文没有编号则留空，不要自行编号")
    title: NonEmpty = Field(description="举措的引领句（首句）")
    text: NonEmpty = Field(description="引领句之后的正文，段落之间空一行")
    topics: list[Slug] = Field(default_factory=list, description="人工补充的专题 id")
    see_also: list[SeeAlso] = Field(default_factory=list, description="人工整理的相关链接")

    @property
    def numbered_title(self) -> str:
        """``12. 标题``, or the bare title of a measure the document does not number."""
        return f"{self.number}. {self.title}" if self.number else self.title


class Section(Strict):
    number: str = Field("", description="原文编号，如 一、（一）")
    title: str = Field("", description="标题")
    text: str = Field("", description="标题下、举措前的导语文字")
    measures: list[Measure] = Field(default_factory=list)
    sections: list["Section"] = Field(default_factory=list, description="下级标题")


class Annex(Strict):
    number: str = Field("", description="附件编号，如 1")
    title: NonEmpty
    year: Optional[int] = Field(None, ge=1900, le=2100, description="附件所属年度")
    text: str = Field("", description="附件导语")
    measures: list[Measure] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class Plan(Strict):
    id: Slug = Field(description="方案 id（小写字母、数字、连字符），用于网址")
    source: str = Field("", description="来源文件名，如 002_0c7bae69e7ac0a7c.txt")
    title: str = Field("", description="标题，照录原文；原文没有标题（节选、残篇）时写 未注明，并在 short_title 中写简称")
    short_title: str = Field("", description="简称，如 深圳市实施方案；title 为 未注明 时必填，页面上显示它")
    doc_number: str = Field("", description="文号；原文没有则留空")
    issuer: str = Field("", description="发文机关；原文未注明则留空")
    tier: str = Field("", description="层级（发文机关所在的行政层级）：中央、省、市、区县、乡镇/街道、村/社区，"
                                       "即 site_config/levels.yaml 中的 name")
    body_kind: str = Field("", description="发文机关类别：党委、办公厅（室）、组织部门、部门、高校、国有企业、医院、其他，"
                                            "即 site_config/body_kinds.yaml 中的 name；原文看不出则留空")
    region: str = Field("", description="地区，如 广州市海珠区；中央文件写 全国")
    kind: str = Field("", description="文种：实施方案、工作要点、实施意见、文章……")
    issued: str = Field("", description="成文或印发日期：YYYY、YYYY-MM 或 YYYY-MM-DD；未知留空")
    period: Optional[Period] = None
    based_on: list[DocRef] = Field(default_factory=list)
    recipients: str = Field("", description="主送机关")
    notice: str = Field("", description="印发通知正文")
    notice_signer: str = ""
    notice_date: str = Field("", description="通知落款日期，照录，如 2018年10月29日")
    preamble: str = ""
    year_themes: list[YearTheme] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    annexes: list[Annex] = Field(default_factory=list)
    closing: str = Field("", description="正文之后的结束语")
    footer: str = Field("", description="版记，如 印发机关和日期")
    notes: str = Field("", description="编者按：对原文错漏的说明")
    unofficial: str = Field("", description="不是正式文件时写明它是什么（如 网上刊登的范文，不是正式文件）；页面醒目标明，正式文件留空")

    @field_validator("issued")
    @classmethod
    def _partial_date(cls, value: str) -> str:
        if value != "" and not _is_partial_date(value):
            raise PydanticCustomError("plan.date_format", "issued must be YYYY, YYYY-MM or YYYY-MM-DD")
        return value

    @property
    def display_title(self) -> str:
        return self.short_title or self.title

    @property
    def full_title(self) -> str:
        """The title to show and quote: the document's own, or the short title marked as not the document's."""
        return f"{self.short_title}（原文未注明标题）" if self.title_unstated else self.title

    @property
    def title_unstated(self) -> bool:
        """The document has no title of its own (title: 未注明): pages show the short title, marked as such."""
        return self.title.strip() == UNSTATED

    @property
    def issued_year(self) -> Optional[int]:
        return int(self.issued[:4]) if self.issued else None


class Level(Strict):
    """An administrative tier of site_config/levels.yaml (中央 … 村/社区), top first."""

    key: Slug = Field(description="网址用的键，如 district")
    name: NonEmpty = Field(description="层级名称，方案文件的 tier 写它，如 区县")
    order: int
    description: str = ""
    aliases: list[NonEmpty] = Field(default_factory=list, description="tier 的其他写法，如 县级、区")

    def matches(self, value: str) -> bool:
        return value in (self.key, self.name) or value in self.aliases


class BodyKind(Strict):
    """A kind of issuing body of site_config/body_kinds.yaml (党委, 部门, 高校 …)."""

    name: NonEmpty = Field(description="类别名称，方案文件的 body_kind 写它，如 部门")
    description: str = ""
    aliases: list[NonEmpty] = Field(default_factory=list, description="body_kind 的其他写法")

    def matches(self, value: str) -> bool:
        return value == self.name or value in self.aliases


class RegionOverride(Strict):
    """A body or place the division table cannot place (site_config/regions.yaml)."""

    name: NonEmpty = Field(description="region 或发文机关中的写法，如 华南理工大学、广州开发区")
    path: list[NonEmpty] = Field(min_length=1, description="行政区划路径，从上到下，如 [广东省, 广州市, 天河区]")
    note: str = ""


class Reference(Strict):
    """A document cited by plans but not in the corpus (site_config/references.yaml)."""

    id: Slug
    title: NonEmpty
    doc_number: str = ""
    issuer: str = ""
    issued: str = ""
    tier: str = Field("", description="层级，site_config/levels.yaml 中的 name 或 key")
    region: str = ""
    note: str = ""
    aliases: list[str] = Field(default_factory=list, description="原文中出现的其他写法")


class ComparisonPair(Strict):
    """An extra pair of plans to compare (site_config/comparisons.yaml)."""

    upper: Slug
    lower: Slug
    note: str = ""


class Topic(Strict):
    """A topic of site_config/topics.yaml: measures are assigned to it by its marker words."""

    id: Slug = Field(description="专题 id（小写字母、数字、连字符），用于网址")
    name: NonEmpty = Field(description="专题名称，如 软弱涣散党组织整顿")
    description: NonEmpty = Field(description="一句话说明")
    words: list[NonEmpty] = Field(min_length=1, description="标志词")
    excludes: list[NonEmpty] = Field(default_factory=list,
                                     description="含有标志词但不属于本专题的说法（如 示范 之于 示范文本），出现时不计")
    general: bool = Field(False, description="“指导思想/目标要求”一类举措的兜底专题")

    @field_validator("words")
    @classmethod
    def _unique_words(cls, words: list[str]) -> list[str]:
        seen = set()
        for word in words:
            if word in seen:
                raise PydanticCustomError("config.duplicate_word", "duplicate marker word {word}", {"word": word})
            seen.add(word)
        return words


Section.model_rebuild()
