"""The terminal view (rich): contradictions first with their quotes, then reconciled tables per topic.

Written to read well at 80 columns and when piped: colour only where the console supports it (rich honours
``NO_COLOR`` and non-TTY output), and nothing depends on colour to be understood (statuses are words).
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..checking.check import claim_topic, format_value
from ..models import CitedClaim, Claim, DiffReport, Extraction, Finding, Report, Timeline
from ..values.dates import format_date
from .common import common_folder, short_path, shorten_quote, uncited_text
from .summary import diff_summary, report_summary

_STYLE = {"conflict": "bold red", "compatible": "yellow", "agree": "green"}


@dataclass(frozen=True)
class Screen:
    """How the table formats are drawn: the width and whether to use colour (terminal escapes)."""

    width: int | None = None  # None: the terminal's width (rich's detection, honouring COLUMNS)
    color: bool = False


FILE_SCREEN = Screen(width=100, color=False)  # --output FILE: plain text at a fixed width
_SCREEN: ContextVar[Screen] = ContextVar("screen", default=FILE_SCREEN)


@contextmanager
def drawn_on(screen: Screen) -> Iterator[None]:
    """Draw the table formats for ``screen`` inside the block (the CLI picks it from where the output goes)."""
    token = _SCREEN.set(screen)
    try:
        yield
    finally:
        _SCREEN.reset(token)


def _draw(draw: Callable[[Console], None]) -> str:
    screen = _SCREEN.get()
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=screen.width,
        force_terminal=screen.color,
        color_system="auto" if screen.color else None,
        soft_wrap=False,
        highlight=False,
        legacy_windows=False,
    )
    draw(console)
    return buffer.getvalue()


def report_table(report: Report) -> str:
    return _draw(lambda console: render_report(report, console))


def extraction_table(extraction: Extraction) -> str:
    return _draw(lambda console: render_extraction(extraction, console))


def diff_table(report: DiffReport) -> str:
    return _draw(lambda console: render_diff(report, console))


def timeline_table(timeline: Timeline) -> str:
    return _draw(lambda console: render_timeline(timeline, console))


def render_report(report: Report, console: Console) -> None:
    folder = common_folder([s.path for s in report.sources])
    console.print(Text(f"claimcheck audit: {report_summary(report)}", style="bold"))
    if folder:
        console.print(Text(f"paths below are relative to {folder}/", style="dim"))
    conflicts = [f for f in report.findings if f.status == "conflict"]
    compatible = [f for f in report.findings if f.status == "compatible"]
    if conflicts:
        console.print()
        console.print(Text(f"Contradictions ({len(conflicts)})", style="bold red"))
        for number, finding in enumerate(conflicts, start=1):
            console.print(_finding_block(number, finding, folder))
    else:
        console.print(Text("No contradictions found.", style="green"))
    if compatible:
        console.print()
        console.print(Text(f"Compatible, reconciled ({len(compatible)})", style="bold yellow"))
        for number, finding in enumerate(compatible, start=1):
            console.print(_finding_block(number, finding, folder))
    _topic_lists(report, console, folder)
    _suppressed(report, console, folder)
    _extracted_lines(report, console)
    _skipped(report, console)


def _suppressed(report: Report | DiffReport, console: Console, folder: str = "") -> None:
    if not report.suppressed:
        return
    console.print()
    console.print(Text(f"Suppressed in the articles ({len(report.suppressed)})", style="bold"))
    for finding in report.suppressed:
        where = ", ".join(dict.fromkeys(f"{short_path(c.source, folder)}:{c.line}" for c in finding.claims))
        console.print(Text(f"  {finding.status} [{finding.kind}] {finding.topic}: {where}"), soft_wrap=True)


def _extracted_lines(report: Report, console: Console) -> None:
    for source in report.sources:
        if source.lines == "extracted-text":
            console.print(
                Text(f"note: lines of {source.path} count the text extracted from the page, not the HTML source"),
                soft_wrap=True,
            )


def _claim_cell(claim: CitedClaim, folder: str) -> Text:
    value = format_value(claim.value)
    when = f" (as of {format_date(claim.as_of)})" if claim.as_of else ""
    return Text.assemble(
        (value, "bold"),
        when,
        "\n",
        (f"{short_path(claim.source, folder)}:{claim.line}", "cyan"),
        "\n",
        shorten_quote(claim.quote, claim.value.text, 120),
    )


def _finding_block(number: int, finding: Finding, folder: str = "") -> Panel:
    header = Text.assemble(
        (f"{number}. {finding.status.upper()}", _STYLE[finding.status]), f" [{finding.kind}] {finding.topic}"
    )
    parts: list[RenderableType] = [Text(finding.message)]
    if finding.computation:
        parts.append(Text(f"computation: {finding.computation}", style="dim"))
    if len(finding.claims) == 2:
        # two claims: side by side, each with its value, citation and quote
        table = Table(box=box.SIMPLE, show_header=False, expand=True, pad_edge=False)
        table.add_column(ratio=1, overflow="fold")
        table.add_column(ratio=1, overflow="fold")
        table.add_row(_claim_cell(finding.claims[0], folder), _claim_cell(finding.claims[1], folder))
        parts.append(table)
    else:
        for claim in finding.claims:
            parts.append(Text.assemble("• ", _claim_cell(claim, folder)))
    if finding.uncited:
        parts.append(Text(f"• {uncited_text(finding.uncited)}", style="dim"))
    for note in finding.notes:
        parts.append(Text(f"note: {note}", style="dim"))
    return Panel(Group(*parts), title=header, title_align="left", box=box.ROUNDED, expand=True)


def _topic_lists(report: Report, console: Console, folder: str) -> None:
    """Every aligned topic, each claim once, with the topic's verdict and reconciled value."""
    cross = [f for f in report.findings if f.kind in ("cross-source", "internal")]
    if not cross:
        return
    console.print()
    console.print(Text("Reconciled claims by topic", style="bold"))
    by_topic: dict[str, list[Finding]] = defaultdict(list)
    for finding in cross:
        by_topic[finding.topic].append(finding)
    rank = {"agree": 0, "compatible": 1, "conflict": 2}
    for topic in sorted(by_topic, key=str.lower):
        findings = by_topic[topic]
        worst = max(findings, key=lambda f: rank[f.status])
        reconciled = "; ".join(dict.fromkeys(_dated_reconciled(f) for f in findings if f.reconciled))
        line = Text.assemble(("• ", "dim"), (topic, "bold"), "  ", (worst.status, _STYLE[worst.status]))
        if reconciled and worst.status != "conflict":
            line.append(f"  → {reconciled}")
        console.print(line)
        seen: set[str] = set()
        for finding in findings:
            for claim in finding.claims:
                if claim.id in seen:
                    continue
                seen.add(claim.id)
                when = (
                    f" as of {format_date(claim.as_of)}"
                    if claim.as_of
                    else (f" ({claim.period})" if claim.period else "")
                )
                console.print(
                    Text.assemble(
                        "    ",
                        (f"{format_value(claim.value)}{when}", ""),
                        "  ",
                        (f"{short_path(claim.source, folder)}:{claim.line}", "cyan"),
                    )
                )


def _dated_reconciled(finding: Finding) -> str:
    """ "80-90% as of May 2026": a reconciled value says which time slice it holds for."""
    dates = sorted({format_date(c.as_of) for c in finding.claims if c.as_of})
    return f"{finding.reconciled} as of {', '.join(dates)}" if dates else str(finding.reconciled)


def _skipped(report: Report | Extraction | DiffReport, console: Console) -> None:
    if not report.skipped:
        return
    console.print()
    console.print(Text(f"Skipped inputs ({len(report.skipped)})", style="bold"))
    for skipped in report.skipped:
        # soft wrap: a path is never broken in the middle, so it can be copied from the terminal
        console.print(Text.assemble("  ", (skipped.path, "cyan"), f": {skipped.reason}"), soft_wrap=True)


def render_extraction(extraction: Extraction, console: Console) -> None:
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in extraction.claims:
        by_source[claim.source].append(claim)
    for source in extraction.sources:
        claims = by_source.get(source.path, [])
        published = (
            f", published {source.published} ({source.published_from})"
            if source.published
            else ", publication date unknown"
        )
        console.print(Text.assemble((source.path, "bold cyan"), f": {len(claims)} claims{published}"))
        if not claims:
            continue
        table = Table(box=box.SIMPLE_HEAD, expand=True)
        table.add_column("Line", justify="right", no_wrap=True)
        table.add_column("Subject", ratio=2)
        table.add_column("Metric", ratio=3)
        table.add_column("Value", ratio=2)
        table.add_column("As of", ratio=1)
        for claim in claims:
            flags = " (forecast)" if claim.forecast else ""
            table.add_row(
                str(claim.line),
                claim.subject or "-",
                (claim.metric or "-") + flags,
                format_value(claim.effective_value),
                format_date(claim.as_of) if claim.as_of else "",
            )
        console.print(table)
    _skipped(extraction, console)


def render_findings_list(findings: Sequence[Finding], console: Console) -> None:
    for number, finding in enumerate(findings, start=1):
        console.print(_finding_block(number, finding))


def render_diff(report: DiffReport, console: Console) -> None:
    console.print(Text(f"claimcheck diff: {report.a.path} vs {report.b.path}", style="bold"))
    console.print(Text(diff_summary(report)))
    folder = common_folder([report.a.path, report.b.path])
    disagreements = [f for f in report.findings if f.status != "agree"]
    if disagreements:
        console.print()
        console.print(Text("Where they differ", style="bold red"))
        for number, finding in enumerate(disagreements, start=1):
            console.print(_finding_block(number, finding, folder))
    else:
        console.print(Text("No contradictions between the two.", style="green"))
    agreed = [f for f in report.findings if f.status == "agree"]
    if agreed:
        console.print()
        console.print(Text(f"Both say ({len(agreed)})", style="bold green"))
        for finding in agreed:
            cites = ", ".join(f"{short_path(c.source, folder)}:{c.line}" for c in finding.claims)
            value = format_value(finding.claims[0].value)
            console.print(Text.assemble("  = ", (finding.topic, "bold"), f": {value}  ", (cites, "cyan")))
    for label, claims, source in (
        ("Only in A", report.only_in_a, report.a),
        ("Only in B", report.only_in_b, report.b),
    ):
        console.print()
        console.print(Text(f"{label} ({source.path})", style="bold"))
        if not claims:
            console.print(Text("  nothing the other does not also cover", style="dim"))
            continue
        by_topic: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_topic[claim_topic(claim)].append(claim)
        for topic in sorted(by_topic, key=str.lower):
            values = ", ".join(dict.fromkeys(format_value(c.effective_value) for c in by_topic[topic]))
            lines = ", ".join(str(c.line) for c in by_topic[topic])
            console.print(Text.assemble("  + ", (topic, "bold"), f": {values}  ", (f"line {lines}", "cyan")))
    _skipped(report, console)


def render_timeline(timeline: Timeline, console: Console) -> None:
    if not timeline.families:
        console.print(Text("No release dates found for any versioned model family.", style="dim"))
        return
    folder = common_folder(list(timeline.sources))
    for family in timeline.families:
        console.print(Text(f"{family.family} version timeline", style="bold"))
        sources = [s for s in timeline.sources if any(s in row.dates for row in family.rows)]
        table = Table(box=box.SIMPLE_HEAD, expand=True)
        table.add_column("Version", ratio=2)
        for source in sources:
            table.add_column(short_path(source, folder), ratio=2, overflow="fold")
        table.add_column("Status", ratio=1)
        for row in family.rows:
            status = Text(row.status or "-", style=_STYLE.get(row.status or "", ""))
            table.add_row(row.version, *[row.dates.get(s, "") for s in sources], status)
        console.print(table)
    if timeline.findings:
        console.print(Text(f"Order problems ({len(timeline.findings)})", style="bold red"))
        render_findings_list(timeline.findings, console)
