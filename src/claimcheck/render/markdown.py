"""The Markdown contradiction report: GitHub-flavoured Markdown to paste into notes, an issue or a pull request.

Every table cell is escaped (pipes, newlines, Markdown punctuation), quotes are shortened around the cited value
without ever cutting it, and ordering is fully determined by the report, so two runs over the same input give the
same bytes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..checking.check import claim_topic, format_value
from ..checking.timeline import Timeline
from ..models import DiffReport, Finding, Report
from ..values.dates import format_date
from .common import shorten_quote

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def cell(text: str | None) -> str:
    """Escape text for one GFM table cell: one line, no unescaped pipes or inline markup."""
    if not text:
        return ""
    flat = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", flat)


def code(text: str) -> str:
    """A code span for a table cell: backslash escapes are literal inside code spans, so only pipes (which GFM
    splits cells on even there) are escaped, and a backtick in the text gets a longer fence."""
    flat = " ".join(str(text).split()).replace("|", "\\|")
    fence = "``" if "`" in flat else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    return lines


def _quote(finding_claim) -> str:  # type: ignore[no-untyped-def]
    return "“" + cell(shorten_quote(finding_claim.quote, finding_claim.value.text, 140)) + "”"


def _size(finding: Finding) -> str:
    if finding.status != "conflict":
        return cell(finding.reconciled or "")
    if finding.difference is None:
        return ""
    first = finding.claims[0].value
    if first.kind == "date":
        return f"{finding.difference:,.0f} days apart"
    rel = f" ({finding.relative_difference:.0%})" if finding.relative_difference is not None else ""
    unit = {"percent": " pp", "fraction": " pp", "multiplier": "x"}.get(first.kind, f" {first.unit or ''}")
    return cell(f"differ by {finding.difference:,.4g}{unit.rstrip()}{rel}")


def _findings_table(findings: Sequence[Finding]) -> list[str]:
    rows = []
    for number, finding in enumerate(findings, start=1):
        for index, claim in enumerate(finding.claims):
            as_of = f" (as of {format_date(claim.as_of)})" if claim.as_of else ""
            rows.append(
                [
                    str(number) if index == 0 else "",
                    cell(finding.topic) if index == 0 else "",
                    cell(format_value(claim.value) + as_of),
                    _quote(claim),
                    code(f"{claim.source}:{claim.line}"),
                    f"**{finding.status}**" if index == 0 else "",
                    _size(finding) if index == 0 else "",
                ]
            )
    return _table(["#", "Topic", "Value", "Quote", "Citation", "Status", "Reconciled / difference"], rows)


def report_markdown(report: Report, *, title: str = "claimcheck audit") -> str:
    s = report.summary
    names = ", ".join(code(src.path) for src in report.sources) or "none"
    out: list[str] = [f"# {title}: contradiction report", ""]
    out.append(
        f"Audited {s.sources} source{'s' if s.sources != 1 else ''} on "
        f"{report.generated.isoformat() if report.generated else 'an unknown date'}: {names}."
    )
    out.append("")
    out.append(
        f"**Summary:** {s.conflicts} conflict{'s' if s.conflicts != 1 else ''}, {s.compatible} compatible, "
        f"{s.agree} agree; {s.claims} claims in {s.topics} topics; {s.skipped} skipped. "
        f"Fails at `{report.fail_on}`: **{'yes' if s.failed else 'no'}**."
    )
    out.append("")

    cross = [f for f in report.findings if f.kind == "cross-source" and f.status != "agree"]
    conflicts = [f for f in cross if f.status == "conflict"]
    compatible = [f for f in cross if f.status == "compatible"]
    out.append("## Contradictions between sources")
    out.append("")
    if conflicts:
        out.extend(_findings_table(conflicts))
        out.append("")
        out.extend(_notes(conflicts))
    else:
        out.append("No contradictions between sources.")
        out.append("")
    if compatible:
        out.append("## Compatible figures, reconciled")
        out.append("")
        out.extend(_findings_table(compatible))
        out.append("")
        out.extend(_notes(compatible))

    internal = [f for f in report.findings if f.kind in ("arithmetic", "temporal", "internal") and f.status != "agree"]
    out.append("## Internal checks (arithmetic, dates, self-consistency)")
    out.append("")
    if internal:
        rows = []
        for number, finding in enumerate(internal, start=1):
            cites = "<br>".join(f"{code(f'{c.source}:{c.line}')} {cell(format_value(c.value))}" for c in finding.claims)
            rows.append(
                [
                    str(number),
                    cell(finding.kind),
                    cell(finding.topic),
                    f"**{finding.status}**",
                    cell(finding.computation or finding.message),
                    cites,
                ]
            )
        out.extend(_table(["#", "Check", "Topic", "Status", "Computation", "Cited values"], rows))
    else:
        out.append("No arithmetic or date slips found.")
    out.append("")

    timeline = [f for f in report.findings if f.kind == "timeline"]
    if timeline:
        out.append("## Version timeline")
        out.append("")
        rows = [
            [
                cell(f.topic),
                f"**{f.status}**",
                cell(f.message),
                "<br>".join(f"{code(f'{c.source}:{c.line}')} {cell(format_value(c.value))}" for c in f.claims),
            ]
            for f in timeline
        ]
        out.extend(_table(["Topic", "Status", "Finding", "Cited dates"], rows))
        out.append("")

    agreed = [f for f in report.findings if f.kind in ("cross-source", "internal") and f.status == "agree"]
    out.append("## Reconciled claims by topic")
    out.append("")
    if agreed or cross:
        by_topic: dict[str, list[Finding]] = defaultdict(list)
        for finding in [*cross, *agreed]:
            by_topic[finding.topic].append(finding)
        rows = []
        for topic in sorted(by_topic, key=str.lower):
            for finding in by_topic[topic]:
                for index, claim in enumerate(finding.claims):
                    rows.append(
                        [
                            cell(topic) if index == 0 else "",
                            code(f"{claim.source}:{claim.line}"),
                            cell(format_value(claim.value)),
                            cell(format_date(claim.as_of)) if claim.as_of else "",
                            finding.status if index == 0 else "",
                            cell(finding.reconciled) if index == 0 else "",
                        ]
                    )
        out.extend(_table(["Topic", "Citation", "Value", "As of", "Status", "Reconciled"], rows))
    else:
        out.append("No topic is claimed by more than one statement.")
    out.append("")

    out.append("## Appendix: sources")
    out.append("")
    rows = [
        [
            code(src.path),
            cell(src.title),
            cell(src.outlet),
            cell(f"{src.published} ({src.published_from})" if src.published else "unknown"),
        ]
        for src in report.sources
    ]
    out.extend(_table(["Path", "Title", "Outlet", "Published"], rows))
    out.append("")
    if report.skipped:
        out.append("### Skipped inputs")
        out.append("")
        out.extend(_table(["Path", "Reason"], [[code(k.path), cell(k.reason)] for k in report.skipped]))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _notes(findings: Sequence[Finding]) -> list[str]:
    lines = []
    for number, finding in enumerate(findings, start=1):
        for note in finding.notes:
            lines.append(f"- #{number} {cell(finding.topic)}: {cell(note)}")
    if lines:
        lines.append("")
    return lines


def diff_markdown(report: DiffReport) -> str:
    s = report.summary
    out = [f"# claimcheck diff: {code(report.a.path)} vs {code(report.b.path)}", ""]
    out.append(
        f"Compared on {report.generated.isoformat() if report.generated else 'an unknown date'}. "
        f"**Summary:** {s.conflicts} conflict{'s' if s.conflicts != 1 else ''}, {s.compatible} compatible, "
        f"{s.agree} agree; A adds {s.only_in_a} topics, B adds {s.only_in_b}. "
        f"Fails at `{report.fail_on}`: **{'yes' if s.failed else 'no'}**."
    )
    out.append("")
    differ = [f for f in report.findings if f.status != "agree"]
    out.append("## Where they differ")
    out.append("")
    if differ:
        out.extend(_findings_table(differ))
        out.append("")
        out.extend(_notes(differ))
    else:
        out.extend(["No contradictions between the two.", ""])
    agreed = [f for f in report.findings if f.status == "agree"]
    out.append("## What both say")
    out.append("")
    if agreed:
        rows = [
            [
                cell(f.topic),
                cell(format_value(f.claims[0].value)),
                "<br>".join(code(f"{c.source}:{c.line}") for c in f.claims),
            ]
            for f in agreed
        ]
        out.extend(_table(["Topic", "Value", "Citations"], rows))
    else:
        out.append("No claim is made by both.")
    out.append("")
    for label, claims, source in (
        ("Only in A", report.only_in_a, report.a),
        ("Only in B", report.only_in_b, report.b),
    ):
        out.append(f"## {label}: {code(source.path)}")
        out.append("")
        if claims:
            rows = [
                [
                    cell(claim_topic(c)),
                    cell(format_value(c.effective_value)),
                    code(f"{c.source}:{c.line}"),
                    "“" + cell(shorten_quote(c.quote, c.value.text, 120)) + "”",
                ]
                for c in sorted(claims, key=lambda c: (claim_topic(c).lower(), c.line, c.column))
            ]
            out.extend(_table(["Topic", "Value", "Citation", "Quote"], rows))
        else:
            out.append("Nothing the other article does not also cover.")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def timeline_markdown(timeline: Timeline) -> str:
    out = ["# claimcheck version timeline", ""]
    if not timeline.families:
        out.append("No release dates found for any versioned model family.")
        return "\n".join(out) + "\n"
    for family in timeline.families:
        out.append(f"## {cell(family.family)}")
        out.append("")
        sources = [s for s in timeline.sources if any(s in row.dates for row in family.rows)]
        rows = [
            [cell(row.version), *[cell(row.dates.get(s, "")) for s in sources], row.status or ""] for row in family.rows
        ]
        out.extend(_table(["Version", *[code(s) for s in sources], "Status"], rows))
        out.append("")
    if timeline.findings:
        out.append("## Order problems")
        out.append("")
        for finding in timeline.findings:
            out.append(f"- {cell(finding.message)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
