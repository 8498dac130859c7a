"""Text to citable units: sentences, headings, list items, table headers and table rows.

This module owns the layout rules of article text, Markdown and plain text alike: what a paragraph, heading,
list item and table look like, where a sentence ends, and how a table flattened into plain text (copied from a
web page, cells separated by single spaces) is split back into a row label and cells. Every unit carries exact
character offsets into the text it was given; nothing here reads files.

It works line by line in four passes, each linear in the size of the text (no regular expression here can
backtrack over more than one short token, so a 5 MB line costs what a 5 MB page of short lines does):

1. structure: Markdown headings, fences, pipe tables, list items and their continuation lines;
2. flattened text tables among the remaining lines;
3. plain-text headings (short unpunctuated lines standing on their own, or lines ending in `` #``);
4. prose: lines are joined into a flow when a long line was wrapped, and flows are split into sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from ..models import Cell, Unit, UnitKind

# A line shorter than this, without terminal punctuation, standing alone, reads as a heading.
_HEADING_MAX = 90
# A prose line at least this long that does not end a sentence was wrapped: it continues on the next line.
_WRAP_MIN = 50
# A text with prose lines longer than this (3% of its lines or more) holds one paragraph per line, not wrapped text.
_WRAPPED_MAX = 120
# Flattened tables: longer lines are prose, not rows.
_ROW_MAX = 300
_HEADER_MAX = 200
_HEADER_MAX_WORDS = 28  # a price table's header names each column in five words
# No real sentence, list item or heading is longer than this; a longer "unit" (a log dump, a page without
# punctuation) is split into pieces of at most this size at the last clause or word break, because the later
# stages look at a whole unit around every value and would cost time quadratic in the unit's length.
MAX_UNIT_CHARS = 1_000
# ... into pieces of at most this size: every value in a piece costs time proportional to the piece's length, and
# a unit this long is no real sentence whose clauses need to stay together
PIECE_CHARS = 300
# A guessed heading whose text stands alone this often is a caption, not a section title.
_REPEATED_CAPTION = 3

_MD_HEADING = re.compile(r"(#{1,6})(?:[ \t]+|$)")
_FENCE = re.compile(r"(?:`{3,}|~{3,})")
_RULE = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r"(?:=+|-{2,})[ \t]*$")
_LIST = re.compile(
    r"(?:[-*+\u2022\u25e6\u25aa\u25ab\u2023\u2043\u25a1\u25a0\u2610\u2611"
    r"\u2713\u2714\u27a2\u25ba\u25cb\u25cf]"
    r"|\d{1,3}[.)])[ \t]+(?=\S)"
)
_PIPE_SEPARATOR = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_BLOCKQUOTE = re.compile(r"(?:>[ \t]?)+")
_TOKEN = re.compile(r"\S+")
_BOLD_LINE = re.compile(r"(\*\*|__)[^*_]+\1")
# A line ending in one of these was cut mid-sentence: it is not a heading.
_TRAILING_FUNCTION_WORDS = frozenset(
    "a an the to of and or for with in on at by from that which who is are was were as than but".split()
)
_ALNUM = re.compile(r"[^\W_]")
# "Access: google.ai/studio", "Release: 2026": a label and one value (not "WEAK: humans gate releases")
_LABELLED_VALUE = re.compile(r"[^:]{1,40}:\s+(?:\S+|.*\d.*)")

_CLOSERS = "\"')]}*_"
_SENTENCE_END = ".!?:;"
_WRAP_END = ".!?:"

# ------------------------------------------------------------------------------------------- public API


def line_starts(text: str) -> tuple[int, ...]:
    """Offset of the first character of every line (lines end at ``\\n`` only: the text is normalised)."""
    return (0, *(match.end() for match in re.finditer("\n", text)))


def segment(
    text: str, *, body_start: int = 0, markdown: bool = False, notes: list[str] | None = None
) -> tuple[Unit, ...]:
    """Split ``text`` into units, in document order, skipping everything before ``body_start`` (front matter).

    ``markdown`` enables Markdown-only syntax: code fences (their lines yield no units), thematic breaks,
    setext headings and blockquote markers. Pipe tables, ``#`` headings and list items are recognised in both
    modes. ``notes``, when given, receives what the user should be told: the over-long units cut into pieces.
    """
    starts = line_starts(text)
    lines = _split_inline_tables(text, _split_lines(text, starts, body_start, markdown))
    _mark_structure(text, lines, markdown)
    _mark_spec_lines(text, lines)
    _mark_text_tables(text, lines)
    _mark_headings(text, lines, markdown)
    _mark_flows(text, lines)
    cuts: list[tuple[int, int, int]] = []
    units = tuple(_emit(text, lines, starts, cuts))
    if notes is not None:
        notes.extend(_cut_notes(cuts))
    return units


def _cut_notes(cuts: list[tuple[int, int, int]]) -> tuple[str, ...]:
    """One note for the over-long units of a file: where the first ones are, how long, in how many pieces."""
    if not cuts:
        return ()
    shown = "; ".join(f"line {line}: {length:,} characters in {pieces:,} pieces" for line, length, pieces in cuts[:3])
    more = f"; and {len(cuts) - 3:,} more" if len(cuts) > 3 else ""
    many = len(cuts) != 1
    return (
        f"{len(cuts):,} unit{'s' if many else ''} longer than {MAX_UNIT_CHARS:,} characters without a sentence end "
        f"(not prose: a log, a data dump, a page without punctuation) {'were' if many else 'was'} read in pieces of at "
        f"most {PIECE_CHARS} characters, cut at clause breaks, so a value's context is its piece ({shown}{more})",
    )


# ------------------------------------------------------------------------------------------------ lines


@dataclass(slots=True)
class _Line:
    start: int  # first character of the line
    end: int  # past the last character, newline excluded
    cs: int  # content start: after indentation (and blockquote markers)
    ce: int  # content end: trailing whitespace removed
    kind: str = ""  # "" until a pass claims the line
    body: int = 0  # where a heading's or list item's own text starts (after its marker)
    body_end: int = 0
    until: int = 0  # index of the last line a unit starting here covers (list continuations, prose flows)
    row: _Row | None = None
    headers: tuple[str, ...] = ()
    column_names: tuple[str | None, ...] = ()
    k: int = 0
    label: tuple[int, int] | None = None  # a spec line's label (on this line, or the line above)

    @property
    def blank(self) -> bool:
        return self.cs >= self.ce


@dataclass(slots=True)
class _Row:
    label_end: int
    cells: list[tuple[int, int]] = field(default_factory=list)
    strong: bool = False  # holds a value with a marker of its own (%, $, x, sign) or a date
    empty: frozenset[int] = frozenset()  # indexes of cells that hold only a dash or "n/a": no value, a place


def _split_lines(text: str, starts: tuple[int, ...], body_start: int, markdown: bool) -> list[_Line]:
    lines: list[_Line] = []
    total = len(text)
    for index, start in enumerate(starts):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else total
        if end < body_start:
            continue
        start = max(start, body_start)
        raw = text[start:end]
        stripped = raw.lstrip()
        cs = start + len(raw) - len(stripped)
        ce = start + len(raw.rstrip())
        if markdown and cs < ce and text[cs] == ">":
            match = _BLOCKQUOTE.match(text, cs, ce)
            if match:
                cs = match.end()
                while cs < ce and text[cs].isspace():
                    cs += 1
        lines.append(_Line(start, end, cs, max(cs, ce)))
    return lines


# a pipe table whose line breaks were lost: "| A | B | |---|---| | 1 | 2 | | 3 | 4 |" on one line
_INLINE_SEPARATOR = re.compile(r"\|[ \t]*(?P<sep>\|(?:[ \t]*:?-{3,}:?[ \t]*\|){2,})")


def _split_inline_tables(text: str, lines: list[_Line]) -> list[_Line]:
    """Cut a pipe table flattened onto one line back into its header, separator and rows (one part of the line
    each), so that the table passes read it as the table it was. Rows are told apart by the empty cell that
    joins them ("| |"); where that pattern breaks off, the rest of the line stays one part."""
    out: list[_Line] = []
    for line in lines:
        m = _INLINE_SEPARATOR.search(text, line.cs, line.ce) if "|" in text[line.cs : line.ce] else None
        if m is None:
            out.append(line)
            continue
        bars = [i for i in range(line.cs, line.ce) if text[i] == "|" and text[i - 1 : i] != "\\"]
        columns = m.group("sep").count("|") - 1
        sep_start, sep_end = m.start("sep"), m.end("sep")
        before = [b for b in bars if b < sep_start]
        if len(before) < columns + 1:
            out.append(line)
            continue
        header_start = before[-(columns + 1)]
        parts = [(line.cs, header_start)] if text[line.cs : header_start].strip() else []
        parts += [(header_start, m.start() + 1), (sep_start, sep_end)]
        after = [b for b in bars if b >= sep_end]
        position = 0
        while position + columns < len(after):
            row_bars = after[position : position + columns + 1]
            parts.append((row_bars[0], row_bars[-1] + 1))
            position += columns
            # the next row starts at the bar after the empty cell that joins the two
            if position + 1 < len(after) and not text[after[position] + 1 : after[position + 1]].strip():
                position += 1
            else:
                break
        rest = parts[-1][1]
        if text[rest : line.ce].strip():
            parts.append((rest, line.ce))
        for start, end in parts:
            part_start, part_end = _strip_span(text, start, end)
            if part_end > part_start:
                out.append(_Line(line.start, line.end, part_start, part_end))
    return out


def _content(text: str, line: _Line) -> str:
    return text[line.cs : line.ce]


def _ends_with(content: str, marks: str) -> bool:
    trimmed = content.rstrip(_CLOSERS + " \t")
    return bool(trimmed) and trimmed[-1] in marks


def _has_alnum(content: str) -> bool:
    return _ALNUM.search(content) is not None


# ------------------------------------------------------------------------------------ pass 1: structure


def _mark_structure(text: str, lines: list[_Line], markdown: bool) -> None:
    index = 0
    count = len(lines)
    while index < count:
        line = lines[index]
        if line.blank:
            line.kind = "blank"
            index += 1
            continue
        indent = line.cs - line.start
        if markdown and indent <= 3 and _FENCE.match(text, line.cs, line.ce):
            fence = text[line.cs : line.cs + 3]
            line.kind = "skip"
            index += 1
            while index < count and not text.startswith(fence, lines[index].cs):
                lines[index].kind = "skip"
                index += 1
            if index < count:
                lines[index].kind = "skip"
                index += 1
            continue
        if markdown and _RULE.match(text, line.cs, line.ce):
            line.kind = "skip"
            index += 1
            continue
        heading = _MD_HEADING.match(text, line.cs, line.ce) if indent <= 3 else None
        if heading:
            line.kind = "heading"
            line.body = heading.end()
            line.body_end = _before_trailing_hashes(text, line.body, line.ce) or line.ce
            index += 1
            continue
        if "|" in _content(text, line) and index + 1 < count and _is_pipe_separator(text, lines[index + 1]):
            index = _mark_pipe_table(text, lines, index)
            continue
        if index + 1 < count and _framed_rows(text, line, lines[index + 1]):
            # a pipe table copied without its "|---|" line: rows framed by pipes with the same number of cells
            index = _mark_pipe_table(text, lines, index, separator=False)
            continue
        item = _LIST.match(text, line.cs, line.ce)
        if item:
            line.kind = "list"
            line.body = item.end()
            last = index
            while last + 1 < count:
                following = lines[last + 1]
                if following.blank or following.cs - following.start <= indent:
                    break
                if _LIST.match(text, following.cs, following.ce) or _MD_HEADING.match(text, following.cs, following.ce):
                    break
                following.kind = "cont"
                last += 1
            line.until = last
            line.body_end = lines[last].ce
            index = last + 1
            continue
        if markdown and index + 1 < count and _SETEXT.match(text, lines[index + 1].cs, lines[index + 1].ce):
            previous = lines[index - 1] if index else None
            if previous is None or previous.kind in ("blank", "skip", "heading", "list", "cont"):
                line.kind = "heading"
                line.body, line.body_end = line.cs, line.ce
                lines[index + 1].kind = "skip"
                index += 2
                continue
        index += 1


def _before_trailing_hashes(text: str, start: int, end: int) -> int | None:
    """End of the text before closing hashes ("## Title ##", the web's "Title #"), or None without them.

    Done with rstrip rather than a regular expression: searching for "spaces then hashes at the end" is
    quadratic on a long run of spaces.
    """
    content = text[start:end]
    without_hashes = content.rstrip("#")
    if len(without_hashes) == len(content) or not without_hashes[-1:].isspace():
        return None
    return start + len(without_hashes.rstrip())


def _is_pipe_separator(text: str, line: _Line) -> bool:
    content = _content(text, line)
    return "|" in content and "-" in content and _PIPE_SEPARATOR.match(text, line.cs, line.ce) is not None


def _pipe_cells(text: str, line: _Line) -> list[tuple[int, int]]:
    """Stripped spans of a pipe-table line's cells; ``\\|`` does not split."""
    spans: list[tuple[int, int]] = []
    cell_start = line.cs
    position = line.cs
    content_end = line.ce
    if text.startswith("|", line.cs):
        cell_start = position = line.cs + 1
    while True:
        bar = text.find("|", position, content_end)
        while bar > 0 and text[bar - 1] == "\\":
            bar = text.find("|", bar + 1, content_end)
        if bar == -1:
            if cell_start < content_end:
                spans.append(_strip_span(text, cell_start, content_end))
            break
        spans.append(_strip_span(text, cell_start, bar))
        cell_start = position = bar + 1
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    return (start + left, start + right) if right > left else (start + left, start + left)


def _framed(text: str, line: _Line) -> int:
    """The number of cells of a line framed by pipes ("| a | b | c |"), or 0."""
    content = _content(text, line)
    if len(content) < 5 or not (content.startswith("|") and content.endswith("|")):
        return 0
    return content.count("|") - 1


def _framed_rows(text: str, first: _Line, second: _Line) -> bool:
    cells = _framed(text, first)
    return cells >= 3 and _framed(text, second) == cells


def _mark_pipe_table(text: str, lines: list[_Line], index: int, *, separator: bool = True) -> int:
    header = lines[index]
    names = tuple(text[s:e] for s, e in _pipe_cells(text, header))
    header.kind = "pipe_header"
    header.headers = names
    if separator:
        lines[index + 1].kind = "skip"
    index += 2 if separator else 1
    while index < len(lines) and not lines[index].blank and "|" in _content(text, lines[index]):
        lines[index].kind = "pipe_row"
        lines[index].headers = names
        index += 1
    return index


# ------------------------------------------------------------------------------- pass 2: flattened tables

_VALUE_TOKEN = re.compile(
    r"(?P<pre>[~<>+\u00b1\u2248-]|[<>]=)?(?P<cur>[$\u20ac\u00a3\u00a5])?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:-[$\u20ac\u00a3\u00a5]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)?"
    r"(?P<suf>%|x|\u00d7|[KMBTk](?![A-Za-z])|\+)?(?P<unit>/\S*)?\+?"
)
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ROW_DATE = re.compile(
    rf"(?<!\S)(?:{_MONTH_NAME} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}} {_MONTH_NAME},? \d{{4}}"
    rf"|{_MONTH_NAME} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?![\w%])"
)
_UNIT_WORDS = frozenset(
    "token tokens day days hour hours hr hrs minute minutes min mins second seconds sec secs week weeks "
    "month months year years elo point points pts pp percent thousand million billion trillion".split()
)
# After one of these a number continues the cell ("70+ in 52 days"); elsewhere a number starts a new cell.
_CONNECTORS = frozenset("in of per to from over at on for within across with by and or than out vs vs. versus".split())
_VERSUS = frozenset(("vs", "vs.", "versus"))
# A cell holding only one of these is empty ("| 64K | - | 8K |" flattened to "64K - 8K"): it keeps its column's place.
_EMPTY_CELLS = frozenset(("-", "\u2013", "\u2014", "n/a", "N/A", "NA"))
# "1M Tokens Output Price": the amount a header prices per, not a value of the header line
_PER_AMOUNT = re.compile(r"1[KMB]")


def _value_kind(token: str, previous: str | None, following: str | None) -> str | None:
    """How strongly a token reads as a table value, or None.

    ``"strong"``: a number with a marker of its own (``57.7%``, ``$2.50/M``, ``427x``, ``+144``, ``272K``,
    ``70+``); ``"unit"``: a number followed by a unit word (``52 days``, ``144 Elo``); ``"bare"``: a bare
    number not directly after a capitalised name word (``Claude 3.5`` and ``Terminal-Bench 2.0`` keep their
    numbers).
    """
    core = token.rstrip(",;")
    match = _VALUE_TOKEN.fullmatch(core)
    if match is None:
        return None
    if match.group("pre") or match.group("cur") or match.group("suf") or match.group("unit") or core.endswith("+"):
        return "strong"
    if following is not None and following.rstrip(",;").lower() in _UNIT_WORDS:
        return "unit"
    if previous is not None and previous[:1].isupper():
        return None
    return "bare"


def _parse_row(text: str, line: _Line) -> _Row | None:
    """A flattened table row's label and cell spans, or None when the line is not a row.

    A cell starts at a value token or a date outside parentheses; it extends over lowercase words, unit words,
    parentheticals and a "vs X" phrase; a capitalised word or a new value (not after a connector such as "in")
    starts the next cell. The row label is the text before the first cell.
    """
    if line.kind or line.blank or line.ce - line.cs > _ROW_MAX:
        return None
    content = _content(text, line)
    if _ends_with(content, _SENTENCE_END) or content.startswith("By "):
        return None
    tokens = [(line.cs + m.start(), line.cs + m.end(), m.group()) for m in _TOKEN.finditer(content)]
    dates = {line.cs + m.start(): line.cs + m.end() for m in _ROW_DATE.finditer(content)}
    cells: list[list[int]] = []
    empty: set[int] = set()
    strong = False
    current: list[int] | None = None
    previous: str | None = None
    depth = 0
    index = 0
    while index < len(tokens):
        start, end, token = tokens[index]
        following = tokens[index + 1][2] if index + 1 < len(tokens) else None
        kind = "date" if start in dates and depth == 0 else None
        if kind is None and depth == 0 and not token.startswith("("):
            kind = _value_kind(token, previous, following)
        if depth > 0 or token.startswith("("):  # a parenthetical never starts a cell
            if current is not None:
                current[1] = end
        elif (
            token in _EMPTY_CELLS
            and current is not None
            and (following is None or following in _EMPTY_CELLS or _value_kind(following, token, None))
        ):
            empty.add(len(cells))  # a dash between two values: an empty cell, not part of the one before
            current = [start, end]
            cells.append(current)
        elif kind:
            strong = strong or kind in ("strong", "date")
            if current is None or (previous or "").lower() not in _CONNECTORS:
                current = [start, end]
                cells.append(current)
            else:
                current[1] = end
            if kind == "date":  # the date's other tokens ("5,", "2026") belong to it
                while index + 1 < len(tokens) and tokens[index + 1][0] < dates[start]:
                    index += 1
                    depth = max(0, depth + tokens[index][2].count("(") - tokens[index][2].count(")"))
                current[1] = tokens[index][1]
        elif current is None:
            pass  # still in the row label
        elif token.lower() in _VERSUS:
            current[1] = end
            index = _absorb_versus_object(tokens, index, current)
        elif not token[:1].isupper() or token.lower() in _UNIT_WORDS:
            current[1] = end  # lowercase words, units and symbols extend the cell
        else:
            current = [start, end]  # a capitalised word starts a text cell ("Claude", "Tie")
            cells.append(current)
        depth = max(0, depth + token.count("(") - token.count(")")) if kind != "date" else depth
        previous = tokens[index][2]
        index += 1
    if not cells:
        return None
    label_end = line.cs
    for start, end, _token in tokens:
        if start >= cells[0][0]:
            break
        label_end = end
    if label_end == line.cs:
        return None
    valued = sum(1 for cell in cells if cell[0] in dates or _value_kind(text[cell[0] : cell[1]].split()[0], None, None))
    if valued * 2 < len(cells) - len(empty) and text[line.cs : label_end].split()[-1][:1].islower():
        # "Single T400 GPU reaches 10 PFLOPS FP8 Tensor Core speed": a subject and its verb, then mostly words that
        # are capitalised: a sentence, not a row
        return None
    return _Row(label_end, [(s, e) for s, e in cells], strong, frozenset(empty))


def _absorb_versus_object(tokens: list[tuple[int, int, str]], index: int, current: list[int]) -> int:
    """Extend a cell over the object of "vs": a name up to its version ("vs GPT-5.2", "vs Claude 4.6")."""
    following = index + 1
    if following >= len(tokens) or not tokens[following][2][:1].isupper():
        return index  # "vs human": the lowercase words extend the cell by themselves
    for ahead in range(following, min(following + 4, len(tokens))):
        word = tokens[ahead][2]
        if not (word[:1].isupper() or word[:1].isdigit()):
            break
        if any(char.isdigit() for char in word):
            current[1] = tokens[ahead][1]
            return ahead
    current[1] = tokens[following][1]
    return following


def _is_header(text: str, line: _Line) -> bool:
    if line.kind or line.blank or line.ce - line.cs > _HEADER_MAX:
        return False
    content = _content(text, line)
    if _ends_with(content, _SENTENCE_END + ","):
        return False
    words = content.split()
    if not 2 <= len(words) <= _HEADER_MAX_WORDS or not words[0][:1].isupper():
        return False
    if sum(1 for word in words if word[:1].isupper() or word[:1].isdigit()) * 2 < len(words):
        return False
    if _ROW_DATE.search(content):
        return False
    previous: str | None = None
    for position, word in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else None
        per_amount = _PER_AMOUNT.fullmatch(word) and (following or "").lower().startswith("token")
        if not per_amount and _value_kind(word, previous, following) in ("strong", "unit"):
            return False
        previous = word
    return True


def _mark_text_tables(text: str, lines: list[_Line]) -> None:
    index = 0
    count = len(lines)
    while index + 1 < count:
        header = lines[index]
        first = _parse_row(text, lines[index + 1]) if _is_header(text, header) else None
        if first is None:
            index += 1
            continue
        rows = [(index + 1, first)]
        following = index + 2
        while following < count:
            row = _parse_row(text, lines[following])
            if row is None:
                break
            rows.append((following, row))
            following += 1
        if len(rows) == 1 and not first.strong:
            index += 1  # one row of weak evidence ("March 9, 2026 6 min read" under a title): not a table
            continue
        _settle_empty_cells(rows)
        k = max(len(row.cells) for _, row in rows)
        label_header, names = _split_header(_content(text, header).split(), k)
        header.kind = "text_header"
        header.headers = (label_header, *(name for name in names if name is not None))
        for row_index, row in rows:
            line = lines[row_index]
            line.kind = "text_row"
            line.row = row
            line.headers = header.headers
            line.column_names = tuple(names)
            line.k = k
        index = following


def _settle_empty_cells(rows: list[tuple[int, _Row]]) -> None:
    """Keep a row's dash cells only where they fill it to the table's width (the widest row without one); a
    dash elsewhere is punctuation, and joins the cell before it again."""
    width = max((len(row.cells) for _, row in rows if not row.empty), default=0)
    for _, row in rows:
        if row.empty and len(row.cells) != width:
            cells = list(row.cells)
            for position in sorted(row.empty, reverse=True):
                if position > 0:
                    cells[position - 1] = (cells[position - 1][0], cells[position][1])
                del cells[position]
            row.cells, row.empty = cells, frozenset()


def _split_header(words: list[str], k: int) -> tuple[str, list[str | None]]:
    """Group a flattened header line's words into the row-label header and k column names.

    The first word names the row labels. The rest are grouped so that a word with a digit closes a name with
    the capitalised words before it ("Claude Opus 4.6"), a word seen before pairs with the word just before it
    ("Cached Input"), and lowercase words or parentheticals stay with the word they follow. When that does not
    give k names, single words are tried; surplus leading words then join the row-label header, missing names
    are None.
    """
    first, rest = words[0], words[1:]
    by_head_noun = _split_at_head_nouns(rest)
    if k > 1 and len(by_head_noun) == k:  # one column: surplus words name the row labels ("Benchmark Name")
        return first, [" ".join(group) for group in by_head_noun]
    candidates = [
        _group_words(rest, whole_name=True),
        _group_words(rest, whole_name=False),
        [[word] for word in rest],
    ]
    for groups in candidates:
        if len(groups) == k:
            return first, [" ".join(group) for group in groups]
    groups = _join_compounds(candidates[0], k)
    if len(groups) == k:
        return first, [" ".join(group) for group in groups]
    if len(groups) > k:
        surplus = len(groups) - k
        label = " ".join([first, *(word for group in groups[:surplus] for word in group)])
        return label, [" ".join(group) for group in groups[surplus:]]
    names: list[str | None] = [" ".join(group) for group in groups]
    return first, names + [None] * (k - len(names))


# The head nouns of two-word column names ("Context Window", "Total Params", "Release Date"): with more words
# than columns, a single word before one of these joins it, from the right, before any word joins the label.
_HEAD_NOUNS = frozenset(
    "window length size count date price cost score rate params parameters tokens time hours memory bandwidth "
    "power speed limit tier type version".split()
)


def _split_at_head_nouns(words: list[str]) -> list[list[str]]:
    """Column names that each end in a head noun or a closing bracket ("Context Length Max Output Tokens 1M Tokens
    Input Price (Cache Hit)"): a name ends there unless a bracket follows, or the noun is what a per-amount
    counts ("1M Tokens"). Empty when the words do not end in such a name."""
    groups: list[list[str]] = []
    current: list[str] = []
    depth = 0
    for index, word in enumerate(words):
        current.append(word)
        depth = max(0, depth + word.count("(") - word.count(")"))
        following = words[index + 1] if index + 1 < len(words) else ""
        per_amount = index > 0 and _PER_AMOUNT.fullmatch(words[index - 1]) is not None
        noun = word.lower() in _HEAD_NOUNS and not per_amount and not following.startswith("(")
        if depth == 0 and (noun or word.endswith(")")):
            groups.append(current)
            current = []
    return [] if current or not groups else groups


def _join_compounds(groups: list[list[str]], k: int) -> list[list[str]]:
    groups = [list(g) for g in groups]
    index = len(groups) - 1
    while len(groups) > k and index > 1:  # the first name may still belong to the label ("Benchmark Name")
        if len(groups[index]) == 1 and groups[index][0].lower() in _HEAD_NOUNS and len(groups[index - 1]) == 1:
            groups[index - 1 : index + 1] = [groups[index - 1] + groups[index]]
        index -= 1
    return groups


def _group_words(words: list[str], *, whole_name: bool) -> list[list[str]]:
    groups: list[list[str]] = []
    pending: list[list[str]] = []
    seen: set[str] = set()
    depth = 0
    # index of the last word with a digit: before it, a repeated word is part of a versioned name ("Corvid Swift
    # 3 Corvid Swift 2"), not a qualifier pairing with its neighbour ("Input Cached Input")
    last_digit = max((i for i, w in enumerate(words) if any(c.isdigit() for c in w)), default=-1)
    # a word every column name ends in ("Active Params Total Params"): each occurrence pairs with its qualifier
    repeated = {w.lower() for w in words if sum(1 for x in words if x.lower() == w.lower()) > 1}
    for index, word in enumerate(words):
        attaches = depth > 0 or word.startswith("(") or not (word[:1].isupper() or word[:1].isdigit())
        depth = max(0, depth + word.count("(") - word.count(")"))
        if attaches and (pending or groups):
            (pending or groups)[-1].append(word)
            continue
        if any(char.isdigit() for char in word):
            taken = pending if whole_name else pending[-1:]
            groups.extend(pending[: len(pending) - len(taken)])
            groups.append([*(w for item in taken for w in item), word])
            pending = []
        elif (
            word.lower() in repeated
            and pending
            and index > last_digit
            and index > 0
            and not any(c.isdigit() for c in words[index - 1])
            and words[index - 1].lower() not in repeated
        ):
            groups.extend(pending[:-1])
            groups.append([*pending[-1], word])
            pending = []
        else:
            pending.append([word])
        seen.add(word.lower())
    groups.extend(pending)
    return groups


# ------------------------------------------------------------------------------------ pass 3: headings


def _is_plain(line: _Line) -> bool:
    return line.kind == ""


def _short_unpunctuated(text: str, line: _Line) -> bool:
    content = _content(text, line)
    return len(content) < _HEADING_MAX and not _ends_with(content, _SENTENCE_END + ",") and _has_alnum(content)


def _mark_headings(text: str, lines: list[_Line], markdown: bool) -> None:
    for line in lines:
        if not _is_plain(line):
            continue
        content = _content(text, line)
        if not _has_alnum(content):
            line.kind = "separator"  # rules drawn with box characters, "* * *": like a blank line to neighbours
            continue
        marked_end = None if markdown else _before_trailing_hashes(text, line.cs, line.ce)
        if marked_end is not None and _has_alnum(text[line.cs : marked_end]):
            line.kind = "heading"
            line.body, line.body_end = line.cs, marked_end
    guessed: list[_Line] = []
    # Markdown marks its headings; a short paragraph there is just a short paragraph. A ".md" file without a
    # single marked heading is text copied from a web page into a file, and its headings are guessed as in text.
    marked = markdown and any(line.kind == "heading" for line in lines)
    for index, line in enumerate(lines):
        if not _is_plain(line) or not _short_unpunctuated(text, line):
            continue
        content = _content(text, line)
        if marked and not _BOLD_LINE.fullmatch(content):
            continue
        if content.startswith("By ") or content.rsplit(None, 1)[-1].lower() in _TRAILING_FUNCTION_WORDS:
            continue  # a byline, or the first half of a wrapped sentence
        if _LABELLED_VALUE.fullmatch(content):
            continue  # "Access: google.ai/studio", "Cost: Free": a fact line, not a section title
        previous = lines[index - 1] if index else None
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and not following.kind:
            if text[following.cs : following.cs + 1].islower():
                continue  # the next line continues this one
            if len(content) >= _WRAP_MIN and not _title_like(content):
                continue  # a long sentence-case line with prose right below: a wrapped paragraph
        if _stands_apart(text, previous) and _stands_apart(text, following):
            line.kind = "heading"
            line.body, line.body_end = line.cs, line.ce
            guessed.append(line)
    # The same short line standing alone again and again is a caption or boilerplate ("Claude" under every
    # image of a page), not a section title: it goes back to prose.
    counts = Counter(_content(text, line) for line in guessed)
    for line in guessed:
        if counts[_content(text, line)] >= _REPEATED_CAPTION:
            line.kind = ""


def _title_like(content: str) -> bool:
    """Most longer words capitalised, as in "Evidence of Acceleration: Benchmarks and Time Horizons"."""
    words = [word for word in content.split() if len(word) >= 4]
    return not words or 2 * sum(1 for word in words if not word[:1].islower()) >= len(words)


def _stands_apart(text: str, neighbour: _Line | None) -> bool:
    """True when a neighbouring line does not make a short line part of a run of short lines."""
    if neighbour is None or neighbour.kind:
        return True  # start or end of text, blank, separator, or structure (list, table, heading)
    return not _short_unpunctuated(text, neighbour)


# --------------------------------------------------------------------------------------- pass 4: prose


def _wrap_width(text: str, lines: list[_Line]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when its lines are whole paragraphs.

    Text copied from a web page holds one paragraph per line, many of them hundreds of characters long: there
    a line that does not end a sentence (a title, "Training time: 280K GPU hours") is a unit of its own. Text
    wrapped by hand or by an editor keeps nearly every line under a fixed width.
    """
    contents = [_content(text, line) for line in lines if _is_plain(line)]
    if not contents:
        return None
    # a few long prose lines (not a URL or a code line) are enough: wrapped text has none
    long_prose = sum(1 for c in contents if len(c) > _WRAPPED_MAX and c.count(" ") >= 10)
    if long_prose and long_prose * 33 >= len(contents):
        return None
    lengths = sorted(len(c) for c in contents)
    return lengths[min(len(lengths) - 1, (len(lengths) * 9) // 10)]


def _mark_flows(text: str, lines: list[_Line]) -> None:
    width = _wrap_width(text, lines)
    index = 0
    count = len(lines)
    while index < count:
        if not _is_plain(lines[index]):
            index += 1
            continue
        run_end = index
        while run_end + 1 < count and _is_plain(lines[run_end + 1]):
            run_end += 1
        # A run of lines none of which ends a sentence is a list of lines (a text table without numbers, a
        # byline block), not wrapped prose: each line stands alone.
        line_list = run_end > index and not any(
            _ends_with(_content(text, lines[i]), _SENTENCE_END) for i in range(index, run_end + 1)
        )
        listed = _statement_lines(text, lines, index, run_end)
        position = index
        while position <= run_end:
            last = position
            while not line_list and last < run_end and _wraps(text, lines[last], width) and last not in listed:
                last += 1
            lines[position].kind = "prose"
            lines[position].until = last
            for covered in range(position + 1, last + 1):
                lines[covered].kind = "cont"
            position = last + 1
        index = run_end + 1


def _statement_lines(text: str, lines: list[_Line], first: int, last: int) -> set[int]:
    """Lines of a key-fact list without bullets: three or more lines in a row, each opening with a capital or a
    digit and none ending a sentence ("Tern T400 delivers 18 PFLOPS of FP4" / "Tern T400 has 160 GB of HBM").
    Wrapped prose rarely opens three lines in a row with a capital; each such line stands alone."""
    out: set[int] = set()
    stretch: list[int] = []
    for i in range(first, last + 2):
        content = _content(text, lines[i]) if i <= last else ""
        if content[:1].isupper() or content[:1].isdigit():
            if not _ends_with(content, _SENTENCE_END):
                stretch.append(i)
                continue
        if len(stretch) >= 3:
            out.update(stretch)
        stretch = []
    return out


def _wraps(text: str, line: _Line, width: int | None) -> bool:
    content = _content(text, line)
    if _ends_with(content, _WRAP_END):
        return False
    if content.endswith(",") or content.rsplit(None, 1)[-1].lower() in _TRAILING_FUNCTION_WORDS:
        return True  # cut mid-sentence, whatever the layout
    if width is None:
        return False  # one paragraph per line: a line that does not end a sentence still ends its unit
    return len(content) >= max(_WRAP_MIN, (width * 3) // 5)


# ------------------------------------------------------------------------------------------- spec sheets

# Number formats: a spec sheet's label that ends in digits ("FP16", "BF16", "INT8"); longest first, so a label
# glued to its figure splits where the format ends ("FP6482.3 TFLOPS" is FP64 and 82.3 TFLOPS).
_FORMAT_LABEL = r"(?:(?:MX|NV)?FP(?:64|32|16|8|6|4)|BF16|TF32|U?INT(?:16|8|4))"
_SPEC_UNIT = (
    r"(?:[KMGTPE]?B(?:/s)?|[kKMGT]?W|[kKMGT]?Hz|[kMGTPE]?FLOPS|[GTP]?OPS|CUs?|SMs?|cores?|-?bits?|nm|mm²|%|x|"
    r"[GMT]T/s|Gbps|TFLOPS|PFLOPS)(?![A-Za-z])"
)
# "Bandwidth5.2TB/s", "Compute Units304 CUs", "HBM Stacks8", "FP16330.6 TFLOPS": a label glued to its figure, as
# pages flatten a spec table; the label ends in a lowercase letter or ")" (or is a number format).
_GLUED_SPEC = re.compile(
    rf"(?P<label>{_FORMAT_LABEL}|[A-Z][A-Za-z]*(?:[ &/-][A-Za-z()]+){{0,4}}?[a-z)])"
    rf"(?P<value>[$\u20ac\u00a3~]?\d[\d.,]*)(?P<rest>(?:\s?{_SPEC_UNIT})?(?:\s\S+){{0,2}})"
)
_GLUED_UNIT = re.compile(rf"\s?{_SPEC_UNIT}")
# a line that is a figure and its unit only: "750 W", "192GB GB", "$1.71/hour", "164.6 TFLOPS"
_VALUE_LINE = re.compile(
    r"[~\u2248]?[$\u20ac\u00a3]?\d[\d.,]*(?:\s?[A-Z$%/][\w/%+\u00b2]*|[a-zA-Z/%+][\w/%+\u00b2]*)?(?:\s[A-Z/][\w/]*)?"
)
_GLUED_NUMBER = re.compile(r"(?P<n>\d{1,2})(?=[A-Z])")


def _mark_spec_lines(text: str, lines: list[_Line]) -> None:
    """Spec sheets flattened into lines: glued key-fact numbers, glued labels, label lines over value lines.

    * a run of three or more lines (or list items) numbered 1, 2, 3 ... with the number glued to the text
      ("1Tern T400 has ...", "2Tern T500 ...") is a numbered list: the number is its marker, never a value or
      part of a name;
    * a label glued to its figure ("Bandwidth5.2TB/s", "FP16330.6 TFLOPS") is a row: the label, then one cell;
      alone it needs a unit after the figure, and in a block of such lines (three within a few lines) none;
    * a short label line over a line that is only a figure and its unit ("TDP" / "750 W") makes the figure's line
      a row labelled by the line above.
    """
    _mark_glued_numbering(text, lines)
    glued: dict[int, re.Match[str]] = {}
    for index, line in enumerate(lines):
        if line.kind or line.blank or line.ce - line.cs > 60:
            continue
        match = _GLUED_SPEC.fullmatch(_content(text, line))
        if match:
            glued[index] = match
    for index, match in glued.items():
        near = sum(1 for other in range(index - 3, index + 4) if other in glued)
        if not (_GLUED_UNIT.match(match.group("rest")) or near >= 3):
            continue
        line = lines[index]
        line.kind = "spec_row"
        line.label = (line.cs, line.cs + match.end("label"))
        line.row = _Row(line.cs + match.end("label"), [(line.cs + match.start("value"), line.ce)], True)
    for index in range(1, len(lines)):
        line, above = lines[index], lines[index - 1]
        if line.kind or line.blank or above.blank or above.kind not in ("", "heading"):
            continue
        content, label = _content(text, line), _content(text, above)
        if not _VALUE_LINE.fullmatch(content) or _VALUE_LINE.fullmatch(label):
            continue
        if len(label) > 40 or len(label.split()) > 5 or _ends_with(label, _SENTENCE_END + ","):
            continue
        line.kind = "spec_row"
        line.label = (above.cs, above.ce)
        line.row = _Row(line.cs, [(line.cs, line.ce)], True)


def _mark_glued_numbering(text: str, lines: list[_Line]) -> None:
    index = 0
    while index < len(lines):
        run: list[tuple[int, int]] = []
        expected: int | None = None
        probe = index
        while probe < len(lines):
            line = lines[probe]
            begins = line.body if line.kind == "list" else line.cs
            plain = line.kind in ("", "list") and not line.blank
            match = _GLUED_NUMBER.match(text, begins, line.ce) if plain else None
            if match is None or (expected is not None and int(match.group("n")) != expected):
                break
            run.append((probe, match.end()))
            expected = int(match.group("n")) + 1
            probe += 1
        if len(run) >= 3:
            for position, body in run:
                line = lines[position]
                if line.kind != "list":
                    line.kind, line.body_end, line.until = "list", line.ce, position
                line.body = body
            index = probe
        else:
            index += 1


def _emit_spec_row(text: str, line: _Line, add: _Add) -> None:
    assert line.row is not None and line.label is not None
    label = text[line.label[0] : line.label[1]]
    start, end = line.row.cells[0]
    cell = Cell(text=text[start:end], start=start, end=end, header=None, row_label=label)
    add("table_row", line.cs, line.ce, cells=(cell,), table_headers=())


# ------------------------------------------------------------------------------------------- sentences

_BOUNDARY = re.compile(r"(?<![.!?])([.!?]++[\"')\]]{0,3}+)\s++(?=\S)")
_ABBREVIATIONS = frozenset(
    "e.g. i.e. vs. cf. al. approx. ca. est. dr. mr. mrs. ms. prof. st. jr. sr. inc. ltd. corp. co. llc. "
    "fig. figs. eq. vol. ed. pp. ref. dept. gov. u.s. u.k. u.n. e.u.".split()
)
# Abbreviations that end a sentence unless a number follows ("No. 1", "Jan. 5").
_NUMBER_ABBREVIATIONS = frozenset("no. nos. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.".split())
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")
_SENTENCE_OPENERS = "\"'([*$\u20ac\u00a3"


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        following = text[match.end()]
        if not (following.isupper() or following.isdigit() or following in _SENTENCE_OPENERS):
            continue
        punctuation = match.group(1)
        if punctuation[0] == "." and not punctuation.startswith("..") and _is_abbreviation(text, match, following):
            continue
        spans.append((sentence_start, match.end(1)))
        sentence_start = match.end()
    spans.append((sentence_start, end))
    return spans


_PIECE_BREAKS = ("; ", ", ", " ")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long unit into pieces of at most PIECE_CHARS, at the last clause break of each window
    (else the last space, else mid-word): linear in the unit's length."""
    pieces: list[tuple[int, int]] = []
    while end - start > PIECE_CHARS:
        limit = start + PIECE_CHARS
        cut = -1
        for mark in _PIECE_BREAKS:
            cut = text.rfind(mark, start + PIECE_CHARS // 2, limit)
            if cut != -1:
                cut += len(mark) - 1
                break
        if cut <= start:
            cut = limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _is_abbreviation(text: str, match: re.Match[str], following: str) -> bool:
    dot = match.start(1)
    window = text[max(0, dot - 24) : dot + 1]
    word = window[window.rfind(" ") + 1 :]
    if not word[:1].isalpha() or not word.isprintable() or "\u3000" in word:
        # rare: a line break, tab or other space before the word, or an opening quote or bracket
        pieces = window.split()
        word = pieces[-1].lstrip("\"'([") if pieces else ""
    lowered = word.lower()
    if lowered in _ABBREVIATIONS or _INITIALISM.fullmatch(word):
        return True
    if lowered in _NUMBER_ABBREVIATIONS:
        return following.isdigit()
    return len(word) == 2 and word[0].isupper()  # an initial: "J. Smith"


# ------------------------------------------------------------------------------------------------- emit


def _emit(text: str, lines: list[_Line], starts: tuple[int, ...], cuts: list[tuple[int, int, int]]) -> list[Unit]:
    """The units of the marked lines; each over-long unit cut into pieces is recorded in ``cuts`` as (line,
    length, pieces)."""
    units: list[Unit] = []
    section: str | None = None

    def add(
        kind: UnitKind,
        start: int,
        end: int,
        *,
        cells: tuple[Cell, ...] = (),
        table_headers: tuple[str, ...] = (),
    ) -> Unit | None:
        start, end = _strip_span(text, start, end)
        if end - start > MAX_UNIT_CHARS and kind != "table_row":
            last = None
            pieces = _pieces(text, start, end)
            cuts.append((bisect_right(starts, start), end - start, len(pieces)))
            for piece_start, piece_end in pieces:
                last = add("sentence", piece_start, piece_end) or last
            return last
        body = text[start:end]
        if not _has_alnum(body):
            return None
        line_index = bisect_right(starts, start) - 1
        unit = Unit(
            kind=kind,
            text=body,
            start=start,
            end=end,
            line=line_index + 1,
            column=start - starts[line_index] + 1,
            section=section,
            cells=cells,
            table_headers=table_headers,
        )
        units.append(unit)
        return unit

    for line in lines:
        kind = line.kind
        if kind == "heading":
            unit = add("heading", line.body, line.body_end)
            if unit is not None:
                section = unit.text.strip("*_ \t") or unit.text
        elif kind == "list":
            add("list_item", line.body, line.body_end)
        elif kind == "prose":
            for start, end in _sentence_spans(text, line.cs, lines[line.until].ce):
                add("sentence", start, end)
        elif kind in ("pipe_header", "text_header"):
            add("table_header", line.cs, line.ce, table_headers=line.headers)
        elif kind == "pipe_row":
            _emit_pipe_row(text, line, add)
        elif kind == "text_row":
            _emit_text_row(text, line, add)
        elif kind == "spec_row":
            _emit_spec_row(text, line, add)
    return units


def _emit_pipe_row(text: str, line: _Line, add: _Add) -> None:
    spans = _pipe_cells(text, line)
    if not spans:
        return
    label = text[spans[0][0] : spans[0][1]] or None
    cells = tuple(
        Cell(
            text=text[start:end],
            start=start,
            end=end,
            header=line.headers[position] if position < len(line.headers) else None,
            row_label=label,
        )
        for position, (start, end) in enumerate(spans)
        if position > 0 and end > start
    )
    add("table_row", line.cs, line.ce, cells=cells, table_headers=line.headers)


def _emit_text_row(text: str, line: _Line, add: _Add) -> None:
    row = line.row
    assert row is not None
    label = text[line.cs : row.label_end]
    complete = len(row.cells) == line.k
    cells = tuple(
        Cell(
            text=text[start:end],
            start=start,
            end=end,
            header=line.column_names[position] if complete else None,
            row_label=label,
            ambiguous=not complete,
        )
        for position, (start, end) in enumerate(row.cells)
        if position not in row.empty
    )
    add("table_row", line.cs, line.ce, cells=cells, table_headers=line.headers)


class _Add(Protocol):
    """The signature of ``add`` in ``_emit``."""

    def __call__(
        self,
        kind: UnitKind,
        start: int,
        end: int,
        *,
        cells: tuple[Cell, ...] = (),
        table_headers: tuple[str, ...] = (),
    ) -> Unit | None: ...
