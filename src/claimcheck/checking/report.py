"""Assembling the audit's result: a loaded corpus and its findings -> ``Report``.

Owns the order findings are listed in (conflicts first, then by kind and size) and the report's summary, which
``Summary.of`` computes once, fail verdict included; renderers only read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..models import Corpus, FailOn, Finding, Report, Summary, Topic

_STATUS_ORDER = {"conflict": 0, "compatible": 1, "agree": 2}
_KIND_ORDER = {"cross-source": 0, "timeline": 1, "arithmetic": 2, "temporal": 3, "internal": 4}


def finding_order(f: Finding) -> tuple[int, int, float, str, str]:
    return (
        _STATUS_ORDER[f.status],
        _KIND_ORDER.get(f.kind, 9),
        -(f.relative_difference or 0.0),
        f.topic,
        f.id,
    )


def build_report(
    corpus: Corpus,
    topics: Sequence[Topic],
    findings: Sequence[Finding],
    *,
    fail_on: FailOn = "conflict",
    generated: dt.date | None = None,
    suppressed: Sequence[Finding] = (),
) -> Report:
    ordered = sorted(findings, key=finding_order)
    summary = Summary.of(
        ordered,
        fail_on,
        sources=len(corpus.sources),
        skipped=len(corpus.skipped),
        claims=len(corpus.claims),
        topics=len(topics),
        suppressed=len(suppressed),
    )
    return Report(
        generated=generated,
        fail_on=fail_on,
        sources=corpus.sources,
        claims=corpus.claims,
        topics=tuple(topics),
        findings=tuple(ordered),
        skipped=corpus.skipped,
        summary=summary,
        suppressed=tuple(sorted(suppressed, key=finding_order)),
    )
