"""load: content/plans/*.yaml + site_config/ → a Corpus, or every problem of every file at once.

Problems found here: ``content.no_plans`` and ``plan.duplicate_id``; the rest come from the modules it calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.config import PortalConfig
from generator.load.checks import check_links, check_plan
from generator.load.corpus import Corpus, build_corpus
from generator.load.model import Plan
from generator.load.site_config import load_site_config
from generator.load.source import YamlDocument, read_yaml
from generator.load.validation import validate
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
    folder = content / "plans"
    return sorted(list(folder.glob("*.yaml")) + list(folder.glob("*.yml")))


def load(portal: PortalConfig) -> LoadResult:
    """Every plan of ``portal.content`` with the site config of ``portal.site_config``; all problems at once."""
    config, config_problems = load_site_config(portal.site_config, portal.max_file_bytes)
    problems = list(config_problems)
    plans, docs, found = read_plans(portal)
    problems += found
    if any(p.is_error for p in config_problems):
        return LoadResult(None, sort_problems(problems))
    for plan in plans:
        problems += check_plan(plan, docs[plan.id], config)
    corpus = build_corpus(config, plans)
    problems += check_links(corpus, docs)
    return LoadResult(corpus if not any(p.is_error for p in problems) else None, sort_problems(problems))


def read_plans(portal: PortalConfig) -> tuple[list[Plan], dict[str, YamlDocument], list[ContentError]]:
    """The valid plans of the content folder, the YAML they came from, and the problems of the others."""
    problems: list[ContentError] = []
    plans: list[Plan] = []
    docs: dict[str, YamlDocument] = {}
    files = plan_files(portal.content)
    if not files:
        problems.append(error("content.no_plans", portal.content / "plans", 1, 1))
    for path in files:
        doc, found = read_yaml(path, portal.max_file_bytes)
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


