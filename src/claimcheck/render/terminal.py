"""The terminal view (rich): contradictions first with their quotes, then reconciled tables per topic.

Written to read well at 80 columns and when piped: colour only where the console supports it (rich honours
``NO_COLOR`` and non-TTY output), and nothing depends on colour to be understood (statuses are words).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..check import format_value
from ..dates import format_date
from ..models import Claim, Extraction, Finding, Report
from .common import citation, shorten_quote

_STYLE = {"conflict": "bold red", "compatible": "yellow", "agree": "green"}


def summary_line(report: Report) -> str:
    s = report.summary
    parts = [f"{s.sources} source{'s' if s.sources != 1 else ''}", f"{s.claims} claims", f"{s.topics} topics"]
    verdict = f"{s.conflicts} conflict{'s' if s.conflicts != 1 else ''}, {s.compatible} compatible, {s.agree} agree"
    skipped = f", {s.skipped} skipped" if s.skipped else ""
    return f"{', '.join(parts)}: {verdict}{skipped}"


def render_report(report: Report, console: Console, *, title: str = "claimcheck audit") -> None:
    console.print(Text(f"{title}: {summary_line(report)}", style="bold"))
    conflicts = [f for f in report.findings if f.status == "conflict"]
    compatible = [f for f in report.findings if f.status == "compatible"]
    if conflicts:
        console.print()
        console.print(Text(f"Contradictions ({len(conflicts)})", style="bold red"))
        for number, finding in enumerate(conflicts, start=1):
            console.print(_finding_block(number, finding))
    else:
        console.print(Text("No contradictions found.", style="green"))
    if compatible:
        console.print()
        console.print(Text(f"Compatible, reconciled ({len(compatible)})", style="bold yellow"))
        for number, finding in enumerate(compatible, start=1):
            console.print(_finding_block(number, finding))
    _topic_tables(report, console)
    _skipped(report, console)


def _finding_block(number: int, finding: Finding) -> Panel:
    header = Text.assemble((f"{number}. {finding.status.upper()}", _STYLE[finding.status]),
                           f"  [{finding.kind}] {finding.topic}")
    table = Table(box=box.SIMPLE, show_header=False, expand=True, pad_edge=False)
    table.add_column("where", no_wrap=True, ratio=1, min_width=14)
    table.add_column("quote", ratio=4)
    for claim in finding.claims:
        value = format_value(claim.value)
        when = f" as of {format_date(claim.as_of)}" if claim.as_of else ""
        where = Text.assemble((value, "bold"), when, "\n", (citation(claim), "cyan"))
        table.add_row(where, Text(shorten_quote(claim.quote, claim.value.text)))
    parts: list = [Text(finding.message)]
    if finding.computation:
        parts.append(Text(f"computation: {finding.computation}", style="dim"))
    parts.append(table)
    for note in finding.notes:
        parts.append(Text(f"note: {note}", style="dim"))
    return Panel(Group(*parts), title=header, title_align="left", box=box.ROUNDED, expand=True)


def _topic_tables(report: Report, console: Console) -> None:
    cross = [f for f in report.findings if f.kind in ("cross-source", "internal")]
    if not cross:
        return
    console.print()
    console.print(Text("Reconciled claims by topic", style="bold"))
    by_topic: dict[str, list[Finding]] = defaultdict(list)
    for finding in cross:
        by_topic[finding.topic].append(finding)
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=False)
    table.add_column("Topic", ratio=3)
    table.add_column("Source", ratio=3, overflow="fold")
    table.add_column("Value", ratio=2)
    table.add_column("As of", ratio=1)
    table.add_column("Status", ratio=1)
    table.add_column("Reconciled", ratio=2)
    for topic in sorted(by_topic, key=str.lower):
        first = True
        for finding in by_topic[topic]:
            for claim in finding.claims:
                table.add_row(
                    topic if first else "",
                    citation(claim),
                    format_value(claim.value),
                    format_date(claim.as_of) if claim.as_of else "",
                    Text(finding.status, style=_STYLE[finding.status]) if first else "",
                    (finding.reconciled or "-") if first else "",
                )
                first = False
        table.add_section()
    console.print(table)


def _skipped(report: Report | Extraction, console: Console) -> None:
    if not report.skipped:
        return
    console.print()
    console.print(Text(f"Skipped inputs ({len(report.skipped)})", style="bold"))
    for skipped in report.skipped:
        console.print(Text.assemble("  ", (skipped.path, "cyan"), f": {skipped.reason}"))


def render_extraction(extraction: Extraction, console: Console) -> None:
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in extraction.claims:
        by_source[claim.source].append(claim)
    for source in extraction.sources:
        claims = by_source.get(source.path, [])
        published = f", published {source.published} ({source.published_from})" if source.published else \
            ", publication date unknown"
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
            table.add_row(str(claim.line), claim.subject or "-", (claim.metric or "-") + flags,
                          format_value(claim.effective_value), format_date(claim.as_of) if claim.as_of else "")
        console.print(table)
    _skipped(extraction, console)


def render_findings_list(findings: Sequence[Finding], console: Console) -> None:
    for number, finding in enumerate(findings, start=1):
        console.print(_finding_block(number, finding))
