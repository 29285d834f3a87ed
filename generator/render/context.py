"""What every page family needs: the corpus, its enrichment, the renderer, and small shared lookups."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable

from markupsafe import Markup

from generator.enrich.citations import Citation
from generator.enrich.enrichment import Enrichment
from generator.load.regions import NATION, display
from generator.load.corpus import Corpus, PlacedMeasure, walk
from generator.load.model import Plan, Section
from generator.memo import Memo, no_memo
from generator.render import markup, urls
from generator.render.environment import Here, Renderer


@dataclass
class Site:
    corpus: Corpus
    enrichment: Enrichment
    renderer: Renderer
    memo: Memo = field(default_factory=no_memo)
    _section_anchors: dict[int, str] = field(default_factory=dict)
    _placed: dict[int, PlacedMeasure] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for plan in self.corpus.plans:
            self._section_anchors.update((id(b.section), b.anchor) for b in walk(plan) if b.section is not None)
        self._placed = {id(m.measure): m for m in self.corpus.measures}
        self.topics_by_id = {t.id: t for t in self.corpus.config.topics}

    def section_anchor(self, section: Section) -> str:
        return self._section_anchors[id(section)]

    def placed_by_measure(self, measures) -> list[PlacedMeasure]:
        return [self._placed[id(m)] for m in measures]

    def level_name(self, key: str) -> str:
        return self.corpus.level_name(key)

    def region_label(self, plan: Plan) -> str:
        """The plan's region as written, with its division path when that says more (海珠区 → 广东省 › 广州市 › 海珠区)."""
        path = display(self.corpus.region_path(plan.id))
        if not plan.region:
            return f"{path}（据发文机关）" if path and path != NATION else path
        return plan.region if not path or path.endswith(plan.region) or path == plan.region else f"{plan.region}（{path}）"

    def render(self, template: str, path: str, **context) -> str:
        return self.renderer.render(template, path, site=self, section_anchor=self.section_anchor, section_label=section_label,
                                    placed_by_measure=self.placed_by_measure, **context)

    def render_memo(self, template: str, path: str, inputs: Any, context: Callable[[], dict]) -> str:
        """``render`` of a page whose ``context()`` is computed from ``inputs`` alone (and the site configuration):
        the Markdown of an earlier build when the template, the path and ``inputs`` are the same. The template
        gets no ``site``, so it cannot read anything the key does not cover."""
        def make() -> str:
            return self.renderer.render(template, path, section_anchor=self.section_anchor, section_label=section_label,
                                        **context())
        return self.memo.get("page", self.memo.key(template, path, inputs), make)

    def link(self, here: str, label: str, target: str, anchor: str = "") -> Markup:
        return Here(here).link(label, target, anchor)

    def measure(self, measure_id: str) -> PlacedMeasure:
        return self.corpus.by_id[measure_id]

    def citation_link(self, here_path: str, citation: Citation) -> Markup:
        """《title》（文号） linked to the plan when it is in the corpus, else to the citation index."""
        label = f"《{citation.title}》" + (f"（{citation.doc_number}）" if citation.doc_number else "")
        if citation.plan_id or citation.reference_id:
            target = urls.plan(citation.plan_id) if citation.plan_id else urls.reference(citation.reference_id)
            return Markup(f"[{markup.inline(label)}]({urls.rel(here_path, target)})")
        return Markup(f"[{markup.inline(label)}]({urls.rel(here_path, urls.CITATIONS, citation_anchor(citation.key))})")


def _by_region(site: Site, plan: Plan) -> tuple:
    return site.corpus.region_path(plan.id), plan.issued or "9999", plan.id


def plans_by_level(site: Site, plans: list[Plan]) -> list[dict]:
    """Plans grouped by tier, top tier first, and by region within a tier: [{name, plans}]."""
    groups = []
    for level in site.corpus.config.levels:
        members = sorted((p for p in plans if p.tier == level.key), key=lambda p: _by_region(site, p))
        if members:
            groups.append({"name": level.name, "plans": members})
    return groups


def citation_anchor(key: str) -> str:
    """A stable anchor on the citation index for a cited title."""
    return "c-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


CJK_NUMERALS = set("一二三四五六七八九十百")


def section_label(section: Section) -> str:
    """一、标题 / （一）标题 / 1. 标题 — the number as printed, with the separator the document uses."""
    number, title = section.number.strip(), section.title.strip()
    if not number:
        return title
    if number.endswith(("、", "）", ")", ".", "．")) or not title:
        return number + title
    if number[-1] in CJK_NUMERALS:
        return f"{number}、{title}"
    return f"{number}. {title}"


def issued_label(plan: Plan) -> str:
    if not plan.issued:
        return "未注明"
    parts = plan.issued.split("-")
    return "".join(f"{int(v)}{unit}" for v, unit in zip(parts, ("年", "月", "日")))


def measure_plain_text(pm: PlacedMeasure) -> str:
    return f"{pm.numbered_title}。{pm.measure.text}"
