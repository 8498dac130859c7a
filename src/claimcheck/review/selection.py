"""Which findings a run reports: ``--select``/``--ignore`` by kind and status, and inline suppressions.

Selectors are finding kinds (cross-source, internal, arithmetic, temporal, timeline) or statuses (conflict,
compatible, agree). ``--select`` keeps a finding when it matches a selected kind (if any kind is selected) and a
selected status (if any status is selected): ``--select cross-source --select conflict`` keeps cross-source
conflicts. ``--ignore`` drops a finding that matches any ignored kind or status.

A reviewed false alarm is suppressed in the article itself with an HTML comment, invisible when the article is
rendered:

    Claude 4 shipped in 2024. <!-- claimcheck: ignore -->      the line it is on

    <!-- claimcheck: ignore -->                                on a line of its own: the paragraph below it
    Claude 4 shipped in 2024, and ...                          (up to the next blank line)

A finding is suppressed when any line it cites is; suppressed findings are counted in the summary, not hidden.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..config import KINDS, STATUSES, validate_selectors
from ..models import Finding, Source

MARKER = re.compile(r"<!--\s*claimcheck\s*:\s*ignore\s*-->", re.IGNORECASE)


def suppressed_lines(text: str) -> frozenset[int]:
    """The 1-based lines of ``text`` an inline ``<!-- claimcheck: ignore -->`` covers."""
    lines = text.splitlines()
    covered: set[int] = set()
    for index, line in enumerate(lines):
        if not MARKER.search(line):
            continue
        if MARKER.sub("", line).strip():
            covered.add(index + 1)
            continue
        # a marker on its own line covers the paragraph that follows (skipping blank lines before it)
        following = index + 1
        while following < len(lines) and not lines[following].strip():
            following += 1
        while following < len(lines) and lines[following].strip():
            covered.add(following + 1)
            following += 1
    return frozenset(covered)


def check_selectors(selectors: Iterable[str]) -> list[str]:
    """The selectors, or ValueError naming the first one that is neither a kind nor a status."""
    return list(validate_selectors(list(selectors)))


def selected(finding: Finding, select: Sequence[str], ignore: Sequence[str]) -> bool:
    kinds = [s for s in select if s in KINDS]
    statuses = [s for s in select if s in STATUSES]
    if kinds and finding.kind not in kinds:
        return False
    if statuses and finding.status not in statuses:
        return False
    return finding.kind not in ignore and finding.status not in ignore


def select_findings(findings: Iterable[Finding], select: Sequence[str], ignore: Sequence[str]) -> list[Finding]:
    return [f for f in findings if selected(f, select, ignore)]


def split_suppressed(
    findings: Iterable[Finding], suppressed: Mapping[str, frozenset[int]]
) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed): a finding is suppressed when any line it cites carries a suppression."""
    kept: list[Finding] = []
    hidden: list[Finding] = []
    for finding in findings:
        if any(claim.line in suppressed.get(claim.source, frozenset()) for claim in finding.claims):
            hidden.append(finding)
        else:
            kept.append(finding)
    return kept, hidden


def choose_findings(
    findings: Iterable[Finding], sources: Iterable[Source], select: Sequence[str], ignore: Sequence[str]
) -> tuple[list[Finding], list[Finding]]:
    """(reported, suppressed): --select/--ignore first, then the articles' inline suppressions."""
    lines = {s.path: frozenset(s.suppressed_lines) for s in sources if s.suppressed_lines}
    return split_suppressed(select_findings(findings, select, ignore), lines)
