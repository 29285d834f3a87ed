"""Web-page chrome around a pasted document: breadcrumbs, counters, font and print buttons, related links.

``split_chrome`` works on lines: a chrome line is dropped from the document and listed for the
draft's header comment. A leading file-name line (``附件1:……(2019-2021年).docx``, the name a file
viewer shows above the text) is not document text either: it is kept apart in ``attachments``.
``chrome_spans`` finds the same chrome inside one long line whose line breaks were lost, so that
``breaks`` can give each piece a line of its own. Placeholders of a model text (XX, ××, X万元) are
document text, never chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.patterns import FILE_LINE

SPACES = " \t\u00a0\u3000"
MAX_META_LINE = 150  # a counter line longer than this is a paragraph that mentions 发布时间
COUNTER_LABELS = "择稿人员|发布日期|发布时间|访问次数|浏览次数|阅读次数|点击数|点击量|浏览量|阅读量|责任编辑"
META_LABELS = f"{COUNTER_LABELS}|信息来源|文章来源|来源|作者"
ACTIONS = r"打印本页|打印此页|关闭本页|关闭窗口|收藏本页|加入收藏|返回顶部|返回首页|分享到\s*[:：]?"
SHORT_ACTIONS = r"打印|关闭|收藏|返回|分享"
FONT = r"[【〖\[]?\s*字\s*[体号](?:大小)?\s*[:：]"
CHROME_LINE = (
    re.compile(r"^(?:(?:您?当前(?:的)?位置|所在位置)\s*[:：]\s*)?首页\s*[>＞›»]"),  # breadcrumb
    re.compile(r"^(?:您?当前(?:的)?位置|所在位置)\s*[:：]"),
    re.compile(rf"^{FONT}"),
    re.compile(r"^[〖【\[]?\s*背景色"),
    re.compile(rf"^(?:[【\[〖]?\s*(?:{ACTIONS}|{SHORT_ACTIONS})\s*[】\]〗]?\s*[|｜/]?\s*)+$"),  # 【打印本页】【关闭窗口】
    re.compile(r"^[【\[]?\s*分享到\s*[:：]"),
    re.compile(r"^(?:信息|文章)?来源\s*[:：]|^作者\s*[:：]|^(?:上一篇|下一篇)\s*[:：]"),
    re.compile(r"^本文系.{0,20}(原创|投稿)"),
    re.compile(r"(仅供学习参考|请勿照搬照抄|转载请注明|扫一扫在手机)"),
    re.compile(r"^[A-Za-z][A-Za-z .:/_-]{0,30}$"),  # lone Latin words: Baidu, map (not XX: see is_placeholder)
)
SHORT_CHROME_LINE = (
    re.compile(rf"({COUNTER_LABELS})\s*[:：]"),
    re.compile(r"版权所有|ICP备|网站标识码|网站地图"),
)
CHROME_TAIL = re.compile(r"^(相关新闻|相关链接|相关文章|相关阅读)\s*[:：]?$")
PUBLISHED = re.compile(r"发布(?:日期|时间)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
PLACEHOLDER = re.compile(r"^[XxＸｘ×\s]+$")

# The same chrome inside a long line (each piece starts and ends at a space or the line's ends).
_VALUE = r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|[^\s|｜]*)"
_META = rf"(?:{META_LABELS})\s*[:：]\s*{_VALUE}"
INLINE_CHROME = (
    re.compile(r"(?<!\S)(?:(?:您?当前(?:的)?位置|所在位置)\s*[:：]\s*)?首页(?:\s*[>＞›»]+\s*[^\s>＞›»]+)+"),
    re.compile(rf"(?<!\S)(?:[|｜]\s*)?{_META}(?:\s*[|｜]?\s*{_META})*(?:\s*[|｜])?(?!\S)"),
    re.compile(rf"(?<!\S){FONT}\s*(?:[【\[]?[大中小][】\]]?(?:\s+|(?=[【\[]))?){{0,3}}[】〗\]]?(?!\S)"),
    re.compile(r"(?<!\S)[〖【\[]?\s*背景色\s*[:：]?\S*"),
    re.compile(rf"(?<!\S)(?:[【\[〖]?\s*(?:{ACTIONS})\s*[】\]〗]?\s*|[【\[]\s*(?:{SHORT_ACTIONS})\s*[】\]]\s*)+(?!\S)"),
)
INLINE_TAIL = re.compile(r"(?<!\S)(?:(?:相关新闻|相关链接|相关文章|相关阅读)\s*[:：]?|(?:上一篇|下一篇)\s*[:：])(?!\S)")
REPEAT_WINDOW = 120  # a breadcrumb's last item, printed again as the page's title within this many characters


@dataclass
class ChromeSplit:
    """The lines of a page, split into the document and the page around it."""

    lines: list[str]
    chrome: list[str] = field(default_factory=list)
    published: str = ""  # YYYY-MM-DD stated by the page, if any
    attachments: list[str] = field(default_factory=list)  # leading file-name lines, as printed
    file_title: str = ""  # the title the first one names: without 附件N: and the extension


def is_placeholder(text: str) -> bool:
    """XX, ××, x x: a blank left in a model text for a name or a number."""
    return bool(PLACEHOLDER.match(text)) and bool(text.strip())


def is_chrome_line(line: str) -> bool:
    if is_placeholder(line):
        return False
    if any(p.search(line) for p in CHROME_LINE):
        return True
    return len(line) <= MAX_META_LINE and any(p.search(line) for p in SHORT_CHROME_LINE)


def _published(line: str) -> str:
    found = PUBLISHED.search(line)
    if not found:
        return ""
    y, m, d = (int(g) for g in found.groups())
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else ""


def split_chrome(text: str) -> ChromeSplit:
    """Drop web-page chrome lines (breadcrumbs, counters, site notes, related links) and a leading file name."""
    result = ChromeSplit([])
    in_tail, in_body = False, False
    for raw in text.splitlines():
        line = raw.strip(SPACES)
        in_tail = in_tail or bool(CHROME_TAIL.match(line))
        if line and (in_tail or is_chrome_line(line)):
            result.chrome.append(line)
            result.published = result.published or _published(line)
            result.lines.append("")
            continue
        named = FILE_LINE.match(line) if line and not in_body else None
        if named:
            result.attachments.append(line)
            result.file_title = result.file_title or named.group(1).strip()
            result.lines.append("")
            continue
        in_body = in_body or bool(line)
        result.lines.append(raw)
    return result


def body_text(text: str) -> str:
    """The text of a source without its chrome lines and leading file name (for fidelity checks)."""
    return "\n".join(split_chrome(text).lines)


def _breadcrumb_end(line: str, start: int, end: int) -> int:
    """A breadcrumb ending in the page title runs on to where that title is printed again."""
    last = re.split(r"[>＞›»]\s*", line[start:end])[-1].strip()
    again = line.find(last, end, end + REPEAT_WINDOW) if len(last) >= 4 else -1
    return again if again > end else end


def chrome_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of the chrome pieces of a long line, in order; a related-links tail runs to the end."""
    spans = []
    for n, pattern in enumerate(INLINE_CHROME):
        for m in pattern.finditer(line):
            end = _breadcrumb_end(line, m.start(), m.end()) if n == 0 else m.end()
            spans.append((m.start(), end))
    tail = INLINE_TAIL.search(line)
    if tail and tail.group().startswith("相关"):  # 相关新闻 on a line of its own: the lines after it are the tail
        spans += [(tail.start(), tail.end()), (tail.end(), len(line))]
    elif tail:  # 上一篇：…… 下一篇：…… as one line
        spans.append((tail.start(), len(line)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged
