"""Line breaks lost in a paste: a document copied out of a viewer as one or a few very long lines.

Where the breaks were there are spaces (or nothing, after a sentence end). A long line with such
breaks (``is_collapsed``) is cut back into lines before anything else reads it:

1. web chrome inside it (breadcrumb, 发布日期/访问次数, 字体, 打印本页 …, ``chrome.chrome_spans``)
   becomes lines of its own, which ``split_chrome`` then drops as usual;
2. a space after a sentence end (。！？；：) or after a file name (….docx) is a break, and so is
   ``附件`` standing alone;
3. a numbering marker (一、 （一） 1. （1）) after a space or a sentence end is a break when it continues
   its numbering: the next number of its style (after a sentence end and a space, up to ``MAX_GAP``
   ahead), or 1 again after a marker of another style (``Numbering``). So ``：1.……；2.……`` inside
   item 5 stays where it is, and so does a marker-like number out of sequence;
4. any other space is a break where a hard line break would be one by cleanup's rules
   (``spaces.resolve_spaces``).

Nothing but whitespace is ever removed, and in about linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.chrome import chrome_spans
from generator.importer.cleanup import inline_styles
from generator.importer.patterns import ANNEX_HEAD, Marker, cn_number, match_marker
from generator.importer.spaces import WHITESPACE, resolve_spaces

MIN_LONG = 200  # shorter lines are left as they are …
MIN_SHORT = 20  # … unless another line of the text has lost its breaks, or the text has only FEW_LINES
FEW_LINES = 3
MIN_SIGNALS = 2  # breaks a long line must show to be cut
SPACED_OUT = 10  # this many pieces, most of one or two characters: spaced-out PDF text (加 强 党 的), not lost breaks
MAX_GAP = 3  # numbers an item after a sentence end and a space may skip (a gap in the source's numbering)

STOPS = "。！？；：!?;:"
QUOTE_CLOSE = "”’」』"
CN = "一二三四五六七八九十"
MARKER = (rf"(?P<cn>[{CN}]{{1,3}})\s*[、．]|[（(]\s*(?P<pcn>[{CN}]{{1,3}})\s*[）)]"
          r"|(?P<num>\d{1,2})\s*[.．、](?![\d.．])|[（(]\s*(?P<pnum>\d{1,2})\s*[）)]")
EVENTS = re.compile(rf"(?P<annex>(?<!\S)附\s*件\s*\d{{0,2}}(?=\s))|(?P<ws>\s+)"
                    rf"|(?<=[\s{STOPS}！？])(?P<marker>{MARKER})")
SIGNALS = re.compile(rf"[{STOPS}{QUOTE_CLOSE}]\s+\S|\s(?:{MARKER})|。(?:[{CN}]{{1,3}}[、．])")
FILE_END = re.compile(r"\.(?:docx?|pdf|wps|ofd|txt|rtf|xlsx?|html?)$", re.I)
ANNEX_NOTE_END = re.compile(r"附\s*件\s*\d*\s*[:：]\s*$")
IN_SENTENCE = "见照据按及和与的为、，,"  # 附件 after these is cited in a sentence


@dataclass
class Numbering:
    """The last number of each marker style, to tell a heading inside a line from a number in a sentence."""

    last: dict[str, int] = field(default_factory=dict)
    latest: str = ""  # the style of the last marker taken

    def fits(self, style: str, number: int, gap: int = 1) -> bool:
        """The next number (up to ``gap`` ahead), or 1 again under a new heading."""
        if style not in self.last:
            return number == 1
        last = self.last[style]
        return last < number <= last + gap or (number == 1 and self.latest != style)

    def take(self, style: str, number: int) -> None:
        self.last[style], self.latest = number, style


@dataclass
class Restored:
    lines: list[str]
    collapsed: int = 0  # long lines that were cut
    pieces: int = 0  # the lines they were cut into


def _marker_value(m: re.Match[str]) -> tuple[str, int]:
    style = next(name for name in ("cn", "pcn", "num", "pnum") if m.group(name))
    text = m.group(style)
    return style, int(text) if text.isdigit() else cn_number(text)


def _signals(line: str) -> int:
    count = 0
    for _ in SIGNALS.finditer(line):
        count += 1
        if count >= MIN_SIGNALS:
            break
    return count


def is_collapsed(line: str, min_long: int = MIN_LONG) -> bool:
    """A long line that holds several paragraphs: spaces (or nothing) where its line breaks were."""
    line = line.strip()
    if len(line) < min_long:
        return False
    tokens = WHITESPACE.split(line)
    spaced_out = sum(1 for token in tokens if len(token) <= 2) * 2 > len(tokens) >= SPACED_OUT
    return not spaced_out and _signals(line) >= MIN_SIGNALS


def _hard_space(text: str, start: int) -> bool:
    """A space after a sentence end or a file name is a line break."""
    before = text[start - 1]
    if before in STOPS or (before in QUOTE_CLOSE and start > 1 and text[start - 2] in "。！？!?"):
        return True
    return bool(FILE_END.search(text, max(0, start - 6), start))


def _space_before(text: str, at: int) -> int:
    """Where the whitespace before ``at`` starts."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _annex_head(text: str, at: int) -> bool:
    """附件 standing alone, as a heading (not 详见 附件 2 in a sentence)."""
    space = _space_before(text, at)
    return space == 0 or text[space - 1] not in IN_SENTENCE


def _take_marker(text: str, m: re.Match[str], numbering: Numbering, spaced: bool) -> bool:
    before = text[m.start() - 1]
    if not before.isspace() and before in "；：;:" and spaced:  # ：1.……；2.…… in a sentence
        return False
    if ANNEX_NOTE_END.search(text, max(0, m.start() - 8), m.start()):  # 附件：1.……
        return False
    style, number = _marker_value(m)
    space = _space_before(text, m.start())
    gap = MAX_GAP if 0 < space < m.start() and _hard_space(text, space) else 1  # after 。 and a space: a gap
    if not numbering.fits(style, number, gap):
        return False
    numbering.take(style, number)
    return True


def _cuts(text: str, numbering: Numbering, spaced: bool) -> list[str]:
    """``text`` cut at its hard breaks: spaces after sentence ends, markers that continue their numbering."""
    pieces, start = [], 0
    for m in EVENTS.finditer(text):
        if m.group("ws") and m.start() > 0 and _hard_space(text, m.start()):
            pieces.append(text[start:m.start()])
            start = m.end()
        elif m.group("marker") and _take_marker(text, m, numbering, spaced):
            pieces.append(text[start:m.start()])
            start = m.start()
        elif m.group("annex") and _annex_head(text, m.start()):
            pieces += [text[start:m.start()], m.group("annex")]
            start = m.end()
            numbering.last.clear()
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def _cut_line(line: str, numbering: Numbering) -> list[tuple[str, bool]]:
    """(piece, is_chrome) of a collapsed line; the pieces still to be resolved at their soft spaces."""
    line = line.strip()
    spaced = sum(1 for m in SIGNALS.finditer(line) if any(ch.isspace() for ch in m.group())) >= MIN_SIGNALS
    lead = match_marker(line)
    if lead:
        numbering.take(*_lead_value(lead))
    pieces: list[tuple[str, bool]] = []
    start = 0
    for chrome_start, chrome_end in chrome_spans(line) + [(len(line), len(line))]:
        pieces += [(piece, False) for piece in _cuts(line[start:chrome_start], numbering, spaced)]
        if chrome_end > chrome_start:
            pieces.append((line[chrome_start:chrome_end].strip(), True))
        start = chrome_end
    return pieces


def _lead_value(marker: Marker) -> tuple[str, int]:
    number = re.sub(r"[（()）\s]", "", marker.number)
    return marker.style, int(number) if number.isdigit() else cn_number(number)


def _first_words(piece: str) -> str:
    """What a marker line says before its first space: for telling items written ``title。text``."""
    marker = match_marker(piece)
    if not marker:
        return ""
    rest = marker.rest.split(maxsplit=1)
    return piece[:len(piece) - len(marker.rest)] + (rest[0] if rest else "")


def restore_breaks(text: str) -> Restored:
    """The lines of ``text``, each collapsed line cut back into the lines it lost."""
    numbering = Numbering()
    plan: list[str | list[tuple[str, bool]]] = []
    lines = text.splitlines()
    few = sum(1 for line in lines if line.strip()) <= FEW_LINES
    min_long = MIN_SHORT if few or any(is_collapsed(line) for line in lines) else MIN_LONG
    for line in lines:
        if is_collapsed(line, min_long):
            plan.append(_cut_line(line, numbering))
            continue
        marker = match_marker(line.strip())
        if marker:
            numbering.take(*_lead_value(marker))
        elif ANNEX_HEAD.match(line.strip()):
            numbering.last.clear()
        plan.append(line)
    cut = [piece for item in plan if isinstance(item, list) for piece, chrome in item if not chrome]
    inline = inline_styles([_first_words(piece) for piece in cut] + [i for i in plan if isinstance(i, str)])
    result = Restored([])
    for item in plan:
        if isinstance(item, str):
            result.lines.append(item)
            continue
        before = len(result.lines)
        for piece, chrome in item:
            result.lines += [piece] if chrome else resolve_spaces(piece, inline)
        result.collapsed, result.pieces = result.collapsed + 1, result.pieces + len(result.lines) - before
    return result
