"""The one-line summary of each command's result (stderr, and the heading of the table views).

Every number comes from the result's ``summary``, computed once by the library; nothing is recounted here.
"""

from __future__ import annotations

from typing import assert_never

from ..models import DiffReport, Extraction, Report, Timeline


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def report_summary(report: Report) -> str:
    s = report.summary
    parts = [_plural(s.sources, "source"), f"{s.claims} claims", f"{s.topics} topics"]
    verdict = f"{_plural(s.conflicts, 'conflict')}, {s.compatible} compatible, {s.agree} agree"
    skipped = f", {s.skipped} skipped" if s.skipped else ""
    suppressed = f", {s.suppressed} suppressed" if s.suppressed else ""
    return f"{', '.join(parts)}: {verdict}{skipped}{suppressed}"


def diff_summary(report: DiffReport) -> str:
    s = report.summary
    return (
        f"{_plural(s.conflicts, 'conflict')}, {s.compatible} compatible, {s.agree} agree; "
        f"A adds {_plural(s.only_in_a, 'topic')}, B adds {s.only_in_b}"
        + (f"; {s.suppressed} suppressed" if s.suppressed else "")
    )


def extraction_summary(extraction: Extraction) -> str:
    s = extraction.summary
    return f"{s.sources} sources, {s.claims} claims" + (f", {s.skipped} skipped" if s.skipped else "")


def timeline_summary(timeline: Timeline) -> str:
    s = timeline.summary
    conflicting = f", {_plural(s.conflicting_dates, 'version')} dated differently" if s.conflicting_dates else ""
    skipped = f", {s.skipped} skipped" if s.skipped else ""
    return (
        f"{s.versions} versions in {s.families} families, {s.order_problems} order "
        f"problem{'s' if s.order_problems != 1 else ''}{conflicting}{skipped}"
    )


def summary_line(result: Report | Extraction | DiffReport | Timeline) -> str:
    match result:
        case Report():
            return report_summary(result)
        case DiffReport():
            return diff_summary(result)
        case Extraction():
            return extraction_summary(result)
        case Timeline():
            return timeline_summary(result)
        case _:
            assert_never(result)
