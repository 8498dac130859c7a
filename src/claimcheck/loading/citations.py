"""The last step of loading one article, after its claims are extracted: where its citations point.

Owns two things that depend on the file as an editor shows it: HTML pages' claims moved to the lines of the page
source (``htmllines``), and the lines an inline ``<!-- claimcheck: ignore -->`` suppresses, recorded on the
``Source`` so they travel back from worker processes with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..models import Article, Claim, Source, replace
from ..review.selection import suppressed_lines
from .htmllines import cite_html_lines
from .textnorm import decode


def place_citations(article: Article, claims: Sequence[Claim], path: Path) -> tuple[Source, list[Claim]]:
    source = article.source
    if source.format != "html":
        return replace(source, suppressed_lines=tuple(sorted(suppressed_lines(article.text)))), list(claims)
    try:
        page, _ = decode(path.read_bytes())
    except Exception:  # noqa: BLE001 - the file was readable a moment ago; without it, cite the extracted text
        return replace(source, lines="extracted-text"), list(claims)
    placed, found = cite_html_lines(article, claims, page)
    if not found:
        return replace(source, lines="extracted-text"), list(claims)
    return replace(source, suppressed_lines=tuple(sorted(suppressed_lines(page)))), placed
