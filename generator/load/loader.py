"""load: content/plans/*.yaml + site_config/ → a Corpus, or every problem of every file at once.

Problems found here: ``content.no_plans`` and ``plan.duplicate_id``; the rest come from the modules it calls
(the files themselves: ``files``, ``source``; site_config: ``site_config``, ``wordlists``; the plans: ``validation``, ``checks``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.config import PortalConfig
from generator.load.checks import check_comparisons, check_depth, check_links, check_plan
from generator.load.duplicates import check_duplicates
from generator.load.graph_checks import check_citations, check_regions
from generator.load.corpus import Corpus, build_corpus
from generator.load.model import Plan
from generator.load.site_config import SiteConfig, load_site_config
from generator.load.files import plan_files as _plan_files
from generator.load.regions import lookup
from generator.load.source import YamlDocument, parse_yaml_text, read_text
from generator.memo import Memo, no_memo
from generator.load.validation import validate
from generator.load.wordlists import wordlist_problems
from generator.problems import ContentError, error, sort_problems


@dataclass
class LoadResult:
    corpus: Corpus | None
    problems: list[ContentError]

    @property
    def errors(self) -> list[ContentError]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[ContentError]:
        return [p for p in self.problems if not p.is_error]


def plan_files(content: Path) -> list[Path]:
    """The plan files of content/plans/ (editor and hidden files left out)."""
    return _plan_files(content / "plans")


def load(portal: PortalConfig, memo: Memo | None = None) -> LoadResult:
    """Every plan of ``portal.content`` with the site config of ``portal.site_config``; all problems at once.

    ``memo``: a file's parse and a region's division path as an earlier build found them for the same text."""
    memo = memo or no_memo()
    config, config_problems = load_site_config(portal.site_config, portal.max_file_bytes, portal.max_depth)
    problems = config_problems + wordlist_problems(portal)
    plans, docs, found = read_plans(portal, memo)
    if any(p.is_error for p in problems):
        return LoadResult(None, sort_problems(problems + found))
    problems += found
    for plan in plans:
        problems += check_plan(plan, docs[plan.id], config) + check_depth(plan, docs[plan.id], portal.max_section_depth)
    corpus = build_corpus(config, [canonical(plan, config) for plan in plans],
                          lambda text: memo.get("region", memo.key(text), lambda: lookup(text)))
    problems += check_links(corpus, docs) + check_regions(corpus, docs) + check_citations(corpus, docs)
    problems += check_duplicates(corpus, docs)
    if not any(p.is_error for p in found):  # else a plan named there may be one that did not load
        problems += check_comparisons(corpus)
    return LoadResult(corpus if not any(p.is_error for p in problems) else None, sort_problems(problems))


def canonical(plan: Plan, config: SiteConfig) -> Plan:
    """The plan with its tier as the key of levels.yaml and its body kind as the name of body_kinds.yaml."""
    level, kind = config.level(plan.tier), config.body_kind(plan.body_kind)
    update = {"tier": level.key if level else plan.tier, "body_kind": kind.name if kind else plan.body_kind}
    return plan.model_copy(update=update) if update != {"tier": plan.tier, "body_kind": plan.body_kind} else plan


def parse(path: Path, portal: PortalConfig, memo: Memo) -> tuple[YamlDocument | None, list[ContentError]]:
    """``read_yaml``, the parse from the memory when the file holds the text it held then."""
    text, problems = read_text(path, portal.max_file_bytes, portal.content)
    if text is None:
        return None, problems
    return memo.get("yaml", memo.key(path.as_posix(), text),
                    lambda: parse_yaml_text(path, text, max_depth=portal.max_depth))


def read_plans(portal: PortalConfig, memo: Memo | None = None) -> tuple[list[Plan], dict[str, YamlDocument], list[ContentError]]:
    """The valid plans of the content folder, the YAML they came from, and the problems of the others."""
    memo = memo or no_memo()
    problems: list[ContentError] = []
    plans: list[Plan] = []
    docs: dict[str, YamlDocument] = {}
    files = plan_files(portal.content)
    if not files:
        problems.append(error("content.no_plans", portal.content / "plans", 1, 1))
    for path in files:
        doc, found = parse(path, portal, memo)
        problems += found
        if doc is None:
            continue
        plan, found = validate(doc, Plan)
        problems += found
        if plan is None:
            continue
        if plan.id in docs:
            first = docs[plan.id]
            line, column = doc.where(("id",))
            problems.append(error("plan.duplicate_id", path, line, column, id=plan.id, first_path=first.path.as_posix(),
                                  first_line=first.where(("id",))[0]))
            continue
        docs[plan.id] = doc
        plans.append(plan)
    return plans, docs, problems


