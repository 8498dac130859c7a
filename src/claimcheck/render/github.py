"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per finding and cited line.

GitHub shows each annotation on the article line in a pull request's diff and in the run summary. Conflicts are
errors, compatible figures warnings; agreements are not annotated. A source whose lines count the text extracted
from an HTML page is annotated on the file, with the line named in the message. Property values and messages are
escaped as the workflow-command syntax requires (``%``, CR, LF everywhere; ``:`` and ``,`` in properties too).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Finding, Source
from .common import finding_locations, uncited_text

LEVEL = {"conflict": "error", "compatible": "warning"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def findings_github(findings: Sequence[Finding], sources: Sequence[Source] = (), suppressed: int = 0) -> str:
    extracted = {s.path for s in sources if s.lines == "extracted-text"}
    lines: list[str] = []
    for finding in findings:
        if finding.status not in LEVEL:
            continue
        located = finding_locations(finding)
        for index, (claim, _) in enumerate(located):
            others = [c for i, (c, _) in enumerate(located) if i != index]
            message = finding.message + (f" ({finding.computation})" if finding.computation else "")
            if others:
                message += "; also cited: " + ", ".join(f"{o.source}:{o.line}" for o in others)
            if finding.uncited:
                message += f" ({uncited_text(finding.uncited)})"
            place = [("file", claim.source)]
            if claim.source in extracted:
                # its line counts the text extracted from an HTML page: annotate the file, say which line
                message = f"line {claim.line} of the text extracted from the page: {message}"
            else:
                place += [("line", str(claim.line)), ("col", str(claim.column))]
            title = ("title", f"claimcheck {finding.kind} {finding.status}: {finding.topic}")
            props = ",".join(f"{key}={_property(value)}" for key, value in (*place, title))
            lines.append(f"::{LEVEL[finding.status]} {props}::{_data(message)}")
    if suppressed:
        plural = "s" if suppressed != 1 else ""
        lines.append(f"::notice title=claimcheck::{suppressed} finding{plural} suppressed in the articles")
    return "\n".join(lines) + ("\n" if lines else "")
