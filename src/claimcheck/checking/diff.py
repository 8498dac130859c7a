"""The diff stage: two loaded articles -> ``DiffReport`` (what both say, with verdicts, and what each adds).

Owns splitting the aligned topics of two sources into shared ones (cross-checked like an audit, cross-source
findings only) and topics only one side speaks about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..errors import InputError
from ..models import Claim, Corpus, DiffReport, DiffSummary, FailOn, Finding
from ..review.selection import choose_findings
from .align import align_claims
from .check import check_topic
from .report import finding_order


def _only_source(corpus: Corpus, name: str) -> None:
    if len(corpus.sources) != 1:
        reason = "; ".join(s.reason for s in corpus.skipped) or "it holds no article"
        raise InputError(
            f"diff needs exactly one article on each side, but {name} gives {len(corpus.sources)} ({reason})"
        )


def diff_corpora(
    a: Corpus,
    b: Corpus,
    *,
    names: tuple[str, str] = ("A", "B"),
    fail_on: FailOn = "conflict",
    generated: dt.date | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> DiffReport:
    """Compare two one-article corpora; raises ``InputError`` unless each holds exactly one, and they differ."""
    _only_source(a, names[0])
    _only_source(b, names[1])
    source_a, source_b = a.sources[0], b.sources[0]
    if source_a.path == source_b.path:
        raise InputError(f"diff needs two different articles, got {source_a.path} twice")
    findings: list[Finding] = []
    only_a: list[Claim] = []
    only_b: list[Claim] = []
    topics_a = topics_b = 0
    for topic, members in align_claims([*a.claims, *b.claims]):
        in_a = [c for c in members if c.source == source_a.path]
        in_b = [c for c in members if c.source == source_b.path]
        if in_a and in_b:
            findings.extend(f for f in check_topic(topic, members) if f.kind == "cross-source")
        elif in_a:
            only_a.extend(in_a)
            topics_a += 1
        else:
            only_b.extend(in_b)
            topics_b += 1
    findings, suppressed = choose_findings(findings, (source_a, source_b), select, ignore)
    findings.sort(key=finding_order)
    return DiffReport(
        generated=generated,
        fail_on=fail_on,
        a=source_a,
        b=source_b,
        findings=tuple(findings),
        only_in_a=tuple(only_a),
        only_in_b=tuple(only_b),
        skipped=(*a.skipped, *b.skipped),
        summary=DiffSummary.of(findings, fail_on, only_in_a=topics_a, only_in_b=topics_b, suppressed=len(suppressed)),
        suppressed=tuple(suppressed),
    )
