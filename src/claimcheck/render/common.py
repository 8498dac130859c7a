"""Helpers shared by the renderers: quoting, citations, value text."""

from __future__ import annotations

from ..models import CitedClaim, Finding

QUOTE_LIMIT = 160


def shorten_quote(quote: str, value_text: str, limit: int = QUOTE_LIMIT) -> str:
    """Shorten a long quote with ellipses around the cited value, never cutting the value itself."""
    quote = " ".join(quote.split())
    if len(quote) <= limit:
        return quote
    at = quote.find(" ".join(value_text.split())) if value_text else -1
    if at < 0:
        return quote[: limit - 1].rstrip() + "…"
    value_end = at + len(value_text)
    room = max(limit - (value_end - at), 20)
    start = max(0, at - room // 2)
    end = min(len(quote), value_end + room - (at - start))
    if end - start < limit and start > 0:
        start = max(0, end - limit)
    # snap to word boundaries outside the value
    if start > 0:
        space = quote.find(" ", start, at)
        start = space + 1 if space != -1 else start
    if end < len(quote):
        space = quote.rfind(" ", value_end, end)
        end = space if space != -1 else end
    return ("…" if start > 0 else "") + quote[start:end].strip() + ("…" if end < len(quote) else "")


def common_folder(paths: list[str]) -> str:
    """The folder all source paths share ("sources/"), so tables can show shorter, still unambiguous paths."""
    import posixpath

    folders = [posixpath.dirname(p) for p in paths if p]
    if not folders:
        return ""
    common = (
        posixpath.commonpath(folders) if all(f.startswith("/") == folders[0].startswith("/") for f in folders) else ""
    )
    return common


def short_path(path: str, folder: str) -> str:
    if folder and path.startswith(folder.rstrip("/") + "/"):
        return path[len(folder.rstrip("/")) + 1 :]
    return path


def finding_locations(finding: Finding) -> list[tuple[CitedClaim, list[CitedClaim]]]:
    """The distinct (source, line) places a finding cites, in order, each with every claim cited there.

    An arithmetic finding often cites three values of one sentence; they are one place to point at.
    """
    places: dict[tuple[str, int], list[CitedClaim]] = {}
    for claim in finding.claims:
        places.setdefault((claim.source, claim.line), []).append(claim)
    return [(claims[0], claims) for claims in places.values()]


def uncited_text(uncited: int) -> str:
    """How a finding's claims beyond those it cites are shown ("and 3,412 more claims, not cited")."""
    if uncited <= 0:
        return ""
    return f"and {uncited:,} more claim{'s' if uncited != 1 else ''}, not cited"
