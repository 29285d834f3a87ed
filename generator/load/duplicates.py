"""The same document imported twice: two plans sharing a 文号, a ``source`` file, or nearly all measure texts.

Warnings ``plan.duplicate_doc_number``, ``plan.duplicate_source`` and ``plan.duplicate_text`` name
the other file and line. The work is linear: 文号 and sources are looked up in dicts, and measure
texts are matched through an index of their normalised form (no comparison of every pair of plans).
"""

from __future__ import annotations

from collections import Counter

from generator.load.corpus import Corpus
from generator.load.source import YamlDocument
from generator.problems import ContentError, warning
from generator.text.fold import normalize, ref_key

SHARED_TEXT = 0.9  # share of the smaller plan's measures found word for word in the other


def _first_by(corpus: Corpus, docs: dict[str, YamlDocument], field: str, key_of, code: str) -> list[ContentError]:
    first: dict[str, str] = {}
    problems = []
    for plan in corpus.plans:
        value = getattr(plan, field).strip()
        if not value:
            continue
        key = key_of(value)
        if key in first:
            other = first[key]
            line, column = docs[plan.id].where((field,))
            problems.append(warning(code, docs[plan.id].path, line, column, value=value, other_id=other,
                                    other_path=docs[other].path.as_posix(), other_line=docs[other].where((field,))[0]))
        first.setdefault(key, plan.id)
    return problems


def _shared_text(corpus: Corpus, docs: dict[str, YamlDocument]) -> list[ContentError]:
    owners: dict[str, str] = {}  # normalised measure text → the first plan holding it
    problems = []
    for plan in corpus.plans:
        texts = {normalize(m.measure.title + m.measure.text) for m in corpus.by_plan[plan.id]}
        shared = Counter(owners[t] for t in texts if t in owners and owners[t] != plan.id)
        for other, count in shared.most_common(1):
            smaller = min(len(texts), len(corpus.by_plan[other]))
            if smaller and count / smaller >= SHARED_TEXT:
                doc = docs[plan.id]
                problems.append(warning("plan.duplicate_text", doc.path, *doc.where(("id",)), other_id=other,
                                        other_path=docs[other].path.as_posix(), share=round(100 * count / smaller)))
        for text in texts:
            owners.setdefault(text, plan.id)
    return problems


def check_duplicates(corpus: Corpus, docs: dict[str, YamlDocument]) -> list[ContentError]:
    problems = _first_by(corpus, docs, "doc_number", ref_key, "plan.duplicate_doc_number")
    problems += _first_by(corpus, docs, "source", lambda s: s, "plan.duplicate_source")
    return problems + _shared_text(corpus, docs)

