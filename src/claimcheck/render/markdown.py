"""The Markdown contradiction report: GitHub-flavoured Markdown to paste into notes, an issue or a pull request.

Every table cell is escaped (pipes, newlines, Markdown punctuation), quotes are shortened around the cited value
without ever cutting it, and ordering is fully determined by the report, so two runs over the same input give the
same bytes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from ..checking.check import claim_topic, format_value
from ..models import CitedClaim, DiffReport, Finding, Report, Timeline
from ..values.dates import format_date
from .common import common_folder, short_path, shorten_quote, uncited_text

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


def _quote(finding_claim: CitedClaim) -> str:
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
        if finding.uncited:
            rows.append(["", "", cell(uncited_text(finding.uncited)), "", "", "", ""])
    return _table(["#", "Topic", "Value", "Quote", "Citation", "Status", "Reconciled / difference"], rows)


def _more(finding: Finding) -> str:
    """The claims a finding compared but does not cite, counted (a finding cites at most a dozen)."""
    return f"<br>{cell(uncited_text(finding.uncited))}" if finding.uncited else ""


def _cited(claims: Sequence[CitedClaim], folder: str, *, quotes: bool = True) -> str:
    """The claims a finding cites, one entry per quote: a sentence cited several times (several values in it,
    or the same sentence on several lines) appears once, with all its lines and values."""
    groups: dict[tuple[str, str], list[CitedClaim]] = {}
    for claim in claims:
        groups.setdefault((claim.source, " ".join(claim.quote.split())), []).append(claim)
    entries = []
    for (source, _), members in groups.items():
        lines = sorted({c.line for c in members})
        where = f"{short_path(source, folder)}:{lines[0]}"
        also = f" (also line{'s' if len(lines) > 2 else ''} {', '.join(map(str, lines[1:]))})" if lines[1:] else ""
        values = []
        for c in members:
            text = format_value(c.value) + (f" as of {format_date(c.as_of)}" if c.as_of else "")
            if text not in values:
                values.append(text)
        entry = code(where) + (" " + cell(also) if also else "") + " **" + cell(", ".join(values)) + "**"
        if quotes:
            entry += " " + "“" + cell(shorten_quote(members[0].quote, members[0].value.text, 140)) + "”"
        entries.append(entry)
    return "<br>".join(entries)


def _what(finding: Finding) -> str:
    """What the finding says, without repeating the topic the row already names."""
    message = finding.computation or finding.message
    for prefix in (finding.topic + ": ", finding.topic.split(" / ")[0] + ": "):
        if message.startswith(prefix):
            message = message[len(prefix) :]
            break
    size = _size(finding) if finding.status == "conflict" and finding.kind == "cross-source" else ""
    return cell(message) + (f" ({size})" if size and size not in cell(message) else "")


def _grouped_by_topic(findings: Sequence[Finding]) -> list[Finding]:
    """Findings with those of one topic next to each other (in the order each topic first appears)."""
    order: dict[str, list[Finding]] = {}
    for finding in findings:
        order.setdefault(finding.topic, []).append(finding)
    return [f for group in order.values() for f in group]


def _topic_rows(findings: Sequence[Finding], folder: str, columns: Callable[[Finding], list[str]]) -> list[list[str]]:
    rows = []
    previous = None
    for number, finding in enumerate(findings, start=1):
        topic = cell(finding.topic) if finding.topic != previous else ""
        previous = finding.topic
        rows.append([str(number), topic, *columns(finding), _cited(finding.claims, folder) + _more(finding)])
    return rows


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def report_markdown(report: Report) -> str:
    s = report.summary
    folder = common_folder([src.path for src in report.sources])
    names = ", ".join(code(short_path(src.path, folder)) for src in report.sources) or "none"
    where = f" in {code(folder + '/')}" if folder else ""
    out: list[str] = ["# claimcheck audit: contradiction report", ""]
    out.append(
        f"Audited {_plural(s.sources, 'source')}{where} on "
        f"{report.generated.isoformat() if report.generated else 'an unknown date'}: {names}. "
        + ("Citations below are relative to that folder." if folder else "")
    )
    out.append("")
    out.append(
        f"**Summary:** {_plural(s.conflicts, 'conflict')}, {s.compatible} compatible, "
        f"{s.agree} agree; {s.claims} claims in {s.topics} topics; {s.skipped} skipped"
        + (f"; {s.suppressed} suppressed in the articles" if s.suppressed else "")
        + f". Fails at `{report.fail_on}`: **{'yes' if s.failed else 'no'}**."
    )
    out.append("")

    conflicts = _grouped_by_topic([f for f in report.findings if f.status == "conflict"])
    compatible = _grouped_by_topic([f for f in report.findings if f.status == "compatible"])
    agreed = [f for f in report.findings if f.status == "agree"]

    out.append(f"## Contradictions ({len(conflicts)})")
    out.append("")
    if conflicts:
        rows = _topic_rows(conflicts, folder, lambda f: [cell(f.kind), _what(f)])
        out.extend(_table(["#", "Topic", "Check", "What does not fit", "Cited"], rows))
        out.append("")
        out.extend(_notes(conflicts))
    else:
        out.extend(["No contradictions found.", ""])

    if compatible:
        out.append(f"## Compatible figures, reconciled ({len(compatible)})")
        out.append("")
        rows = _topic_rows(compatible, folder, lambda f: [cell(f.kind), cell(f.reconciled or _what(f))])
        out.extend(_table(["#", "Topic", "Check", "Together they allow", "Cited"], rows))
        out.append("")
        out.extend(_notes(compatible))

    out.append(f"## Agreements ({len(agreed)})")
    out.append("")
    if agreed:
        by_topic: dict[str, list[Finding]] = defaultdict(list)
        for finding in agreed:
            by_topic[finding.topic].append(finding)
        topics = sorted(by_topic, key=str.lower)
        for topic in topics:
            members = by_topic[topic]
            values = list(dict.fromkeys(f.reconciled or format_value(f.claims[0].value) for f in members))
            claims = [c for f in members for c in f.claims]
            sources = {c.source for c in claims}
            stated = len({(c.source, c.line, c.value.text) for c in claims}) + sum(f.uncited for f in members)
            out.append(
                f"- **{cell(topic)}**: {cell(', '.join(values))}, "
                f"{_plural(stated, 'claim')} in "
                f"{_plural(len(sources), 'source')}"
            )
        out.append("")
        out.append("<details>")
        out.append("<summary>Where each agreement is stated</summary>")
        out.append("")
        rows = [
            [
                cell(topic),
                cell(", ".join(dict.fromkeys(f.reconciled or "" for f in by_topic[topic]))),
                _cited([c for f in by_topic[topic] for c in f.claims], folder),
            ]
            for topic in topics
        ]
        out.extend(_table(["Topic", "Value", "Cited"], rows))
        out.append("")
        out.append("</details>")
    else:
        out.append("No topic is stated the same way twice.")
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
    for src in report.sources:
        if src.lines == "extracted-text":
            out.append(f"Lines cited in {code(src.path)} count the text extracted from the page, not the HTML source.")
            out.append("")
    if report.suppressed:
        out.append(f"### Suppressed in the articles ({len(report.suppressed)})")
        out.append("")
        rows = [
            [
                cell(f.topic),
                cell(f.kind),
                cell(f.status),
                "<br>".join(dict.fromkeys(code(f"{c.source}:{c.line}") for c in f.claims)),
            ]
            for f in report.suppressed
        ]
        out.extend(_table(["Topic", "Check", "Status", "Cited"], rows))
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
            lines.append(f"- #{number}: {cell(note)}")
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
