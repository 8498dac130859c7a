"""Citations into HTML files as an editor shows them: each claim's line and column in the page source.

The loader extracts an HTML page's main text, so claims are first placed in that text. Here each claim's sentence
is found again in the page's visible text (tags, comments, scripts and styles dropped, entities decoded, the same
one-for-one character normalisation, whitespace ignored because tags and layout break lines anywhere), and its
value is mapped back to the offset in the file. When a sentence cannot be found (text the extractor joined or
reordered), the citations of that file stay in the extracted text and the source says so
(``Source.lines == "extracted-text"``): a citation is never silently wrong.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Sequence

from ..models import Article, Claim, replace
from .textnorm import normalize

_TOKEN = re.compile(
    r"<!--.*?-->|<(script|style|template|noscript)\b.*?</\1\s*>|<[^>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",
    re.DOTALL | re.IGNORECASE,
)


def visible_chars(page: str) -> tuple[str, list[int]]:
    """The page's visible characters without whitespace, and each one's offset in ``page``."""
    chars: list[str] = []
    offsets: list[int] = []
    position = 0

    def text(start: int, end: int) -> None:
        for at in range(start, end):
            if not page[at].isspace():
                chars.append(page[at])
                offsets.append(at)

    for match in _TOKEN.finditer(page):
        text(position, match.start())
        token = match.group(0)
        if token.startswith("&"):
            for char in html.unescape(token):
                if not char.isspace():
                    chars.append(char)
                    offsets.append(match.start())
        position = match.end()
    text(position, len(page))
    return normalize("".join(chars)), offsets


def _squeeze(text: str) -> str:
    return "".join(text.split())


def cite_html_lines(article: Article, claims: Sequence[Claim], page: str) -> tuple[list[Claim], bool]:
    """(claims with lines and columns in ``page``, True) or (the claims unchanged, False) if any cannot be placed."""
    visible, offsets = visible_chars(page)
    page_lines = [0, *[m.end() for m in re.finditer(r"\r\n|\r|\n", page)]]
    unit_starts = [unit.start for unit in article.units]
    placed: list[Claim] = []
    search_from = 0
    for claim in sorted(claims, key=lambda c: c.start):
        index = bisect_right(unit_starts, claim.start) - 1
        if index < 0 or not article.units[index].start <= claim.start < article.units[index].end:
            return list(claims), False
        unit = article.units[index]
        sentence = _squeeze(unit.text)
        into = len(_squeeze(article.text[unit.start : claim.start]))
        at = visible.find(sentence, search_from)
        if at < 0:
            at = visible.find(sentence)
        if at < 0 or not sentence:
            return list(claims), False
        search_from = at
        offset = offsets[at + into]
        line = bisect_right(page_lines, offset)
        placed.append(replace(claim, line=line, column=offset - page_lines[line - 1] + 1))
    by_id = {id(original): new for original, new in zip(sorted(claims, key=lambda c: c.start), placed, strict=True)}
    return [by_id[id(c)] for c in claims], True
