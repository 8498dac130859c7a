"""SARIF 2.1.0 output, for code scanning: each finding shown on the article lines it cites.

One result per finding and cited line (a contradiction between two articles appears on both), with the other
cited lines as related locations, a stable ``partialFingerprints`` entry (the finding's fingerprint and the
line's source) so scanners track an alert across edits, and one rule per finding kind. Conflicts are errors,
compatible figures warnings; agreements are not problems and are left out. Findings suppressed in an article
(``<!-- claimcheck: ignore -->``) are results with an ``inSource`` suppression, as SARIF records them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..checking.check import format_value
from ..models import CitedClaim, Finding, Source
from .common import finding_locations, shorten_quote, uncited_text

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"conflict": "error", "compatible": "warning"}

RULES = {
    "cross-source": ("CrossSourceContradiction", "Articles give values for the same topic that cannot all hold."),
    "internal": ("InternalInconsistency", "One article gives values for the same topic that cannot all hold."),
    "arithmetic": (
        "ArithmeticSlip",
        "A stated difference, ratio or rate does not follow from the article's own figures.",
    ),
    "temporal": ("AfterPublication", "A fact is stated as of a date after the article's own publication date."),
    "timeline": ("TimelineOrder", "Version release dates or eras out of order or overlapping."),
}


def _location(
    claim: CitedClaim, *, extracted: bool, message: str | None = None, ident: int | None = None
) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": claim.source, "uriBaseId": "%SRCROOT%"}}
    if extracted:
        # the line counts the text extracted from an HTML page, not the file: no region rather than a wrong one
        message = f"{message or ''} (line {claim.line} of the text extracted from the page)".strip()
    else:
        physical["region"] = {"startLine": claim.line, "startColumn": claim.column}
    location: dict[str, Any] = {"physicalLocation": physical}
    if ident is not None:
        location["id"] = ident
    if message:
        location["message"] = {"text": message}
    return location


def _describe(claim: CitedClaim) -> str:
    quote = shorten_quote(claim.quote, claim.value.text, 120)
    return f"{format_value(claim.value)} at {claim.source}:{claim.line}: “{quote}”"


def findings_sarif(findings: Sequence[Finding], sources: Sequence[Source], suppressed: Sequence[Finding] = ()) -> str:
    hidden = {id(f) for f in suppressed}
    shown = [f for f in [*findings, *suppressed] if f.status in LEVEL]
    extracted = {s.path for s in sources if s.lines == "extracted-text"}
    kinds = sorted({f.kind for f in shown}, key=list(RULES).index)
    rules = [
        {
            "id": kind,
            "name": RULES[kind][0],
            "shortDescription": {"text": RULES[kind][1]},
            "defaultConfiguration": {"level": "error"},
        }
        for kind in kinds
    ]
    results: list[dict[str, Any]] = []
    for finding in shown:
        located = finding_locations(finding)
        for index, (claim, _) in enumerate(located):
            others = [c for i, (c, _) in enumerate(located) if i != index]
            text = f"{finding.status}: {finding.message}"
            if finding.computation:
                text += f" ({finding.computation})"
            if others:
                text += ". Also cited: " + "; ".join(f"{o.source}:{o.line}" for o in others)
            if finding.uncited:
                text += f" ({uncited_text(finding.uncited)})"
            result: dict[str, Any] = {
                "ruleId": finding.kind,
                "ruleIndex": kinds.index(finding.kind),
                "level": LEVEL[finding.status],
                "message": {"text": text},
                "locations": [_location(claim, extracted=claim.source in extracted, message=_describe(claim))],
                "partialFingerprints": {"claimcheckFinding/v1": f"{finding.id}:{claim.source}"},
                "properties": {"status": finding.status, "topic": finding.topic, "findingId": finding.id},
            }
            if finding.reconciled:
                result["properties"]["reconciled"] = finding.reconciled
            if id(finding) in hidden:
                # a reviewed false alarm, marked in the article: scanners show it as suppressed, not open
                result["suppressions"] = [
                    {"kind": "inSource", "justification": "<!-- claimcheck: ignore --> in the article"}
                ]
            if others:
                result["relatedLocations"] = [
                    _location(o, extracted=o.source in extracted, message=_describe(o), ident=number)
                    for number, o in enumerate(others, start=1)
                ]
            results.append(result)
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "claimcheck", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the folder claimcheck ran in"}}},
                "artifacts": [{"location": {"uri": s.path, "uriBaseId": "%SRCROOT%"}} for s in sources],
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
