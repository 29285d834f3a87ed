"""The hierarchy of a document body: 一、 / （一） / 1. / （1） markers, or unnumbered lead sentences.

The body becomes a tree of nodes; leaves of the most common leaf style are
measures, every other node is a section. Nothing is rewritten: a node's title
is its first sentence (up to the first 。) and its text is the rest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.importer.patterns import (
    LEAD_HEADING,
    STYLE_ORDER,
    bare_number,
    match_marker,
)

PARAGRAPH_SEP = "\n\n"
MEASURE_SHARE = 3  # a style needs at least 1/3 of the leaves to be the measures' style
SECTION_STYLES = ("cn",)  # 一、 二、 number the parts of a document


@dataclass
class Node:
    style: str
    number: str
    head: str  # the marker paragraph without its marker
    paragraphs: list[str] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)


@dataclass
class Body:
    preamble: list[str] = field(default_factory=list)
    sections: list[dict] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def split_lead(paragraph: str) -> tuple[str, str]:
    """``title。rest`` → (title, rest), splitting at the first 。 outside quotation marks."""
    depth = 0
    for i, ch in enumerate(paragraph):
        depth += {"“": 1, "”": -1, "‘": 1, "’": -1, "「": 1, "」": -1}.get(ch, 0)
        if ch == "。" and depth <= 0:
            return paragraph[:i], paragraph[i + 1:]
    return paragraph, ""


def build_tree(paragraphs: list[str]) -> tuple[list[str], list[Node]]:
    """Paragraphs → (preamble, top-level nodes)."""
    preamble: list[str] = []
    roots: list[Node] = []
    stack: list[Node] = []
    for paragraph in paragraphs:
        marker = match_marker(paragraph)
        if marker is None:
            (stack[-1].paragraphs if stack else preamble).append(paragraph)
            continue
        node = Node(marker.style, marker.number, marker.rest)
        styles = [n.style for n in stack]
        if marker.style in styles:
            del stack[styles.index(marker.style):]
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return preamble, roots


def _leaves(nodes: list[Node], depth: int = 1) -> list[tuple[Node, int]]:
    found: list[tuple[Node, int]] = []
    for node in nodes:
        found += _leaves(node.children, depth + 1) if node.children else [(node, depth)]
    return found


def measure_style(roots: list[Node]) -> str:
    """The innermost style that holds a fair share of the leaves is the style of measures.

    Leaves of other styles (``（一）指导思想。…`` beside ``1.`` items) are sections with text;
    a few ``（1）`` sub-items inside one measure do not turn every ``1.`` item into a section.
    一、 items are parts of the document, never measures: a document numbered 一、二、 only has none.
    """
    leaves = [(node, d) for node, d in _leaves(roots) if node.style not in SECTION_STYLES]
    counts = Counter(node.style for node, _ in leaves)
    depth = {node.style: d for node, d in sorted(leaves, key=lambda pair: pair[1])}
    fair = [style for style, n in counts.items() if n * MEASURE_SHARE >= len(leaves)]
    return max(fair, key=lambda style: (depth[style], STYLE_ORDER[style]), default="")


def _title_and_text(head: str, paragraphs: list[str]) -> tuple[str, str]:
    title, rest = split_lead(head)
    text = PARAGRAPH_SEP.join(p for p in [rest.strip(), *paragraphs] if p)
    return title.strip(), text


def measure_dict(number: str, head: str, paragraphs: list[str], warnings: list[str]) -> dict | None:
    """{number, title, text}, or None when there is no lead sentence to take a title from."""
    if not head.strip() and paragraphs:
        head, paragraphs = paragraphs[0], paragraphs[1:]
    title, text = _title_and_text(head, paragraphs)
    if not title:
        return None
    if not text:
        text = head.strip()
        warnings.append(f"举措 {number}“{title}”只有一句，已把这句同时作为标题和正文，请核对。")
    return {"number": number, "title": title, "text": text}


def _node_to_dict(node: Node, style: str, warnings: list[str]) -> tuple[str, dict]:
    if not node.children and node.style == style:
        measure = measure_dict(bare_number(node.number), node.head, node.paragraphs, warnings)
        if measure:
            return "measure", measure
        warnings.append(f"编号“{node.number}”后面没有文字，已作为空标题的章节保留，请核对。")
    title, text = _title_and_text(node.head, node.paragraphs)
    section = {"number": node.number, "title": title, "text": text, "measures": [], "sections": []}
    seen_section = False
    for child in node.children:
        kind, value = _node_to_dict(child, style, warnings)
        if kind == "measure" and seen_section:
            warnings.append(f"第 {node.number} 部分中举措 {value['number']} 排在下级标题之后，草稿中的顺序会改变，请核对。")
        seen_section = seen_section or kind == "section"
        section["measures" if kind == "measure" else "sections"].append(value)
    return "section", section


def _take_closing(roots: list[Node]) -> list[str]:
    """Paragraphs after a last item written ``title。text`` are the document's closing words."""
    if not roots:
        return []
    last = roots[-1]
    while last.children:
        last = last.children[-1]
    if last is roots[-1] or not last.paragraphs or not split_lead(last.head)[1].strip():
        return []
    closing, last.paragraphs = last.paragraphs, []
    return closing


def parse_numbered(paragraphs: list[str]) -> Body:
    preamble, roots = build_tree(paragraphs)
    body = Body(preamble=preamble)
    body.closing = _take_closing(roots)
    if body.closing:
        body.warnings.append(f"正文最后一段（“{body.closing[0][:20]}……”）已作为结束语 closing，请核对。")
    style = measure_style(roots)
    loose: list[dict] = []
    for node in roots:
        kind, value = _node_to_dict(node, style, body.warnings)
        if kind == "measure":
            loose.append(value)
        else:
            body.sections.append(value)
    if loose:
        body.sections.insert(0, {"number": "", "title": "", "text": "", "measures": loose, "sections": []})
    body.warnings += numbering_gaps(body.sections)
    return body


def _all_measures(sections: list[dict]) -> list[dict]:
    found: list[dict] = []
    for section in sections:
        found += section["measures"] + _all_measures(section["sections"])
    return found


def numbering_gaps(sections: list[dict]) -> list[str]:
    """Warnings for measure numbers that neither follow the previous one nor restart at 1."""
    warnings, previous = [], 0
    for measure in _all_measures(sections):
        if not measure["number"].isdigit():
            continue
        number = int(measure["number"])
        if number not in (previous + 1, 1):
            warnings.append(f"举措编号不连续：{previous} 之后是 {number}，请对照原文检查是否漏掉或拆错了条目。")
        previous = number
    return warnings


def is_lead_sentence_document(paragraphs: list[str]) -> bool:
    """No numbered markers, but at least two 认真落实…的要求 heading paragraphs."""
    if any(match_marker(p) for p in paragraphs):
        return False
    return sum(1 for p in paragraphs if LEAD_HEADING.match(p)) >= 2


def parse_lead_sentences(paragraphs: list[str]) -> Body:
    """Unnumbered documents: heading paragraphs → sections, the paragraphs under them → measures 1..N."""
    body = Body()
    current: dict | None = None
    count = 0
    for paragraph in paragraphs:
        if LEAD_HEADING.match(paragraph):
            title, rest = split_lead(paragraph)
            current = {"number": "", "title": title, "text": rest.strip(), "measures": [], "sections": []}
            body.sections.append(current)
        elif current is None:
            body.preamble.append(paragraph)
        elif (measure := measure_dict(str(count + 1), paragraph, [], body.warnings)) is not None:
            count += 1
            current["measures"].append(measure)
        else:
            current["text"] = PARAGRAPH_SEP.join(p for p in (current["text"], paragraph) if p)
    if count:
        body.warnings.append(f"原文的举措没有编号，草稿按出现顺序编为 1—{count}，请在 notes 中说明。")
    return body


def parse_body(paragraphs: list[str]) -> Body:
    if is_lead_sentence_document(paragraphs):
        return parse_lead_sentences(paragraphs)
    return parse_numbered(paragraphs)
