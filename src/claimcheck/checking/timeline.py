"""Version timelines: every release-date claim for a model family, one row per version, one column per source.

Owns building the timeline (``build_timeline``) and its order checks: a version dated before its predecessor in
the same line (same family and tier: "Claude Opus 4.7" after "Claude Opus 4.6"). Two sources dating the same
version differently is already a cross-source conflict; the timeline shows it in the row's status.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..attribution.lexicon import Lexicon, default_lexicon
from ..models import (
    Claim,
    DateValue,
    FailOn,
    Family,
    Finding,
    FindingKind,
    Skipped,
    Source,
    Status,
    Timeline,
    TimelineRow,
    TimelineSummary,
    fails,
)
from ..values.dates import format_date
from .check import cite, finding_id
from .compare import group_verdict


def _parse(version: str, lexicon: Lexicon | None = None) -> tuple[str, str, tuple[int, ...]] | None:
    """("Claude", "Claude Opus", (4, 6)) for "Claude Opus 4.6"; None for names without a version number."""
    lexicon = lexicon or default_lexicon()
    for family in lexicon.families:
        if not version.startswith(family):
            continue
        m = re.search(r"(\d+(?:\.\d+)*)", version[len(family) :])
        if not m:
            return None
        tier = version[len(family) : m.start() + len(family)].strip(" -")
        line = f"{family} {tier}".strip() if tier else family
        return family, line, tuple(int(p) for p in m.group(1).split("."))
    return _parse_shape(version)


_SHAPE = re.compile(r"^(?P<head>[A-Za-z][\w.]*?(?:[\s-][A-Za-z][\w.]*?)*?)[\s-]?(?P<number>\d+(?:\.\d+)*)(?P<tail>.*)$")
_SIZE_WORD = re.compile(r"^(?:\d+x)?\d+(?:\.\d+)?[BMKT]$")


def _parse_shape(version: str) -> tuple[str, str, tuple[int, ...]] | None:
    """A name nobody listed, read from its shape: ("Kestrel", "Kestrel Mini", (3,)) for "Kestrel 3 Mini".

    The words before the version number are the family (a letter glued to the number stays with it:
    "Nimbus-R1" is the "Nimbus-R" line); variant words after it name the line ("Kestrel 3 Mini" follows
    "Kestrel 2 Mini", not "Kestrel 2"); a size ("405B") names a variant of the same version, not a line.
    """
    m = _SHAPE.match(version.strip())
    if not m or not re.search(r"[A-Za-z]{2}", m.group("head")):
        return None
    family = m.group("head").strip(" -")
    glued, _, rest = m.group("tail").partition(" ")
    words = [w for w in rest.split() if not _SIZE_WORD.match(w)]
    if glued and not glued.startswith((".", "-")):
        words.insert(0, glued)  # "GPT-4o": the "o" line
    elif glued.startswith("-") and glued[1:] and not _SIZE_WORD.match(glued[1:]):
        words.insert(0, glued[1:])  # "Phi-4-mini"
    line = " ".join([family, *words])
    return family, line, tuple(int(p) for p in m.group("number").split("."))


def _release_claims(claims: Iterable[Claim]) -> list[tuple[Claim, DateValue]]:
    """Usable release-date claims about a named subject, each with its (effective) date."""
    return [
        (c, value)
        for c in claims
        if c.metric == "release date" and c.subject and c.usable and isinstance(value := c.effective_value, DateValue)
    ]


def build_timeline(
    claims: Sequence[Claim],
    sources: Sequence[str] = (),
    lexicon: Lexicon | None = None,
    *,
    skipped: Sequence[Skipped] = (),
    source_records: Sequence[Source] = (),
    fail_on: FailOn = "conflict",
    generated: dt.date | None = None,
) -> Timeline:
    """The timeline with its summary: the summary counts exactly what the table and the order list show."""
    releases = _release_claims(claims)
    by_version: dict[str, list[tuple[Claim, DateValue]]] = defaultdict(list)
    for claim, date in releases:
        assert claim.subject is not None
        by_version[claim.subject].append((claim, date))
    families: dict[str, list[TimelineRow]] = defaultdict(list)
    for version, members in by_version.items():
        parsed = _parse(version, lexicon)
        if parsed is None:
            continue
        family, line, number = parsed
        dates: dict[str, list[str]] = defaultdict(list)
        for claim, date in members:
            text = format_date(date)
            if text not in dates[claim.source]:
                dates[claim.source].append(text)
        status: Status | None = None
        if len(members) > 1:
            status = group_verdict([date for _, date in members])[0]
        families[family].append(
            TimelineRow(
                version=version,
                line=line,
                number=number,
                dates={k: "; ".join(v) for k, v in dates.items()},
                claims=tuple(c.id for c, _ in members),
                status=status,
            )
        )
    ordered = tuple(
        Family(family=f, rows=tuple(sorted(rows, key=lambda r: (r.number, r.line))))
        for f, rows in sorted(families.items())
    )
    used_sources = tuple(sources) or tuple(sorted({c.source for c, _ in releases}))
    findings = tuple(timeline_findings(claims, lexicon))
    rows = [row for family_ in ordered for row in family_.rows]
    summary = TimelineSummary(
        versions=len(rows),
        families=len(ordered),
        order_problems=len(findings),
        conflicting_dates=sum(row.status == "conflict" for row in rows),
        skipped=len(skipped),
        failed=fails([*(f.status for f in findings), *(row.status for row in rows)], fail_on),
    )
    return Timeline(
        generated=generated,
        fail_on=fail_on,
        sources=used_sources,
        families=ordered,
        findings=findings,
        skipped=tuple(skipped),
        summary=summary,
        source_records=tuple(source_records),
    )


def timeline_findings(claims: Sequence[Claim], lexicon: Lexicon | None = None) -> list[Finding]:
    """Order checks: within a line, no version may be dated before its predecessor.

    Each version is compared with the previous version number in its line, using the latest date any source
    gives the predecessor and the earliest date any source gives the version: linear in the number of claims.
    """
    # a year only inferred ("February 18" in an article of the next year) may be wrong by exactly the year that
    # would reverse the order, so only dates with a stated year can put one version before another
    releases = [(c, date) for c, date in _release_claims(claims) if date.year_from == "explicit"]
    lines: dict[str, dict[tuple[int, ...], list[tuple[Claim, DateValue]]]] = defaultdict(lambda: defaultdict(list))
    for claim, date in releases:
        parsed = _parse(claim.subject or "", lexicon)
        if parsed is not None:
            lines[parsed[1]][parsed[2]].append((claim, date))
    findings = []
    for line, versions in lines.items():
        ordered = sorted(versions)
        for previous, current in zip(ordered, ordered[1:], strict=False):
            before, a = max(versions[previous], key=lambda pair: pair[1].start)
            after, b = min(versions[current], key=lambda pair: pair[1].end)
            if b.end < a.start:
                findings.append(
                    Finding(
                        id=finding_id("timeline", f"{line} order", [before.id, after.id]),
                        kind="timeline",
                        status="conflict",
                        topic=f"{line} / version order",
                        message=f"{after.subject} is dated {format_date(b)}, before its predecessor "
                        f"{before.subject} ({format_date(a)})",
                        computation=f"{after.subject} ({format_date(b)}) < {before.subject} ({format_date(a)})",
                        claims=(cite(before), cite(after)),
                    )
                )
    return findings


def era_findings(claims: Sequence[Claim]) -> list[Finding]:
    """Eras of the same organisation that overlap by more than a shared boundary year.

    "From 2021 to 2023 ..., from 2023 to 2025 ..." is a sequence of phases (they share 2023 only). "Between 2021
    and 2025 humans wrote every line" against "from 2023 to 2025 chatbots generated snippets" is not: the two
    accounts cannot both describe the same organisation's history.
    """
    eras = [
        c for c in claims if c.metric == "era" and c.subject and c.usable and isinstance(c.effective_value, DateValue)
    ]
    # one representative claim per organisation and distinct span: pairwise work stays tiny at any corpus size
    spans: dict[str | None, dict[tuple[dt.date, dt.date], Claim]] = defaultdict(dict)
    for era in eras:
        value = era.effective_value
        assert isinstance(value, DateValue)
        spans[era.subject].setdefault((value.start, value.end), era)
    pairs = [
        (a, b)
        for by_span in spans.values()
        for i, a in enumerate(by_span.values())
        for b in list(by_span.values())[i + 1 :]
    ]
    findings = []
    for a, b in pairs:
        va, vb = a.effective_value, b.effective_value
        assert isinstance(va, DateValue) and isinstance(vb, DateValue)
        if (va.start, va.end) == (vb.start, vb.end):
            continue
        start, end = max(va.start, vb.start), min(va.end, vb.end)
        overlap_days = (end - start).days + 1
        if overlap_days <= 366:
            continue  # adjacent phases share at most their boundary year
        kind: FindingKind = "timeline"
        where = "in the same article" if a.source == b.source else "across sources"
        findings.append(
            Finding(
                id=finding_id(kind, f"{a.subject} eras", [a.id, b.id]),
                kind=kind,
                status="conflict",
                topic=f"{a.subject} / eras",
                message=(
                    f"{a.subject}: the era {format_date(va)} ({a.scope}) and the era {format_date(vb)} "
                    f"({b.scope}) overlap {where} for {start.year}-{end.year}"
                ),
                computation=f"{format_date(va)} ∩ {format_date(vb)} = {start.isoformat()} to {end.isoformat()} "
                f"({overlap_days} days, more than one shared boundary year)",
                claims=(cite(a), cite(b)),
            )
        )
    return findings
