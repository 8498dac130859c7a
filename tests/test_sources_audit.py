"""The audit of the sample articles finds what a careful reader finds, and nothing a careful reader would reject.

These pin the findings themselves (the golden file pins the bytes of the report).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.models import Report
from claimcheck.pipeline import Settings, audit

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def report() -> Report:
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return audit(["sources"], Settings(today=dt.date(2026, 11, 23), jobs=1))
    finally:
        os.chdir(here)


def _find(report: Report, kind: str, status: str, text: str):  # type: ignore[no-untyped-def]
    return [
        f
        for f in report.findings
        if f.kind == kind and f.status == status and text in (f.topic + " " + f.message + " " + (f.computation or ""))
    ]


def test_two_years_for_claude_4(report: Report) -> None:
    assert _find(report, "cross-source", "conflict", "Claude 4 / release date")


def test_shares_of_ai_written_code_reconcile(report: Report) -> None:
    found = _find(report, "cross-source", "compatible", "share of code written by AI")
    assert found and found[0].reconciled == "80-90%"
    assert any("different scopes" in n for n in found[0].notes)
    assert any("before Claude Code" in n for n in found[0].notes)  # the single-digit figure is a series


def test_arithmetic_slips(report: Report) -> None:
    assert _find(report, "arithmetic", "conflict", "is 43 days")
    assert _find(report, "arithmetic", "conflict", "one every 2.7 months")


def test_dates_after_publication(report: Report) -> None:
    temporal = [f for f in report.findings if f.kind == "temporal"]
    assert sorted(f.claims[0].line for f in temporal) == [58, 147]


def test_overlapping_eras(report: Report) -> None:
    assert len(_find(report, "timeline", "conflict", "eras")) == 2


def test_agreements_across_sources(report: Report) -> None:
    assert _find(report, "cross-source", "agree", "Claude Opus 4.6 / release date")


def test_no_other_contradictions(report: Report) -> None:
    conflicts = [f for f in report.findings if f.status == "conflict"]
    assert len(conflicts) == 7, [f.message for f in conflicts]
    # correct table arithmetic, prices and benchmark repeats stay quiet
    assert not [f for f in conflicts if "difference" in f.topic or "price" in f.topic]
