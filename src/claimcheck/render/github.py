"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per finding and cited line.

GitHub shows each annotation on the article line in a pull request's diff and in the run summary. Conflicts are
errors, compatible figures warnings; agreements are not annotated. Property values and messages are escaped as
the workflow-command syntax requires (``%``, CR, LF everywhere; ``:`` and ``,`` in properties too).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Finding
from .common import finding_locations

LEVEL = {"conflict": "error", "compatible": "warning"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def findings_github(findings: Sequence[Finding]) -> str:
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
            props = ",".join(
                f"{key}={_property(value)}"
                for key, value in (
                    ("file", claim.source),
                    ("line", str(claim.line)),
                    ("col", str(claim.column)),
                    ("title", f"claimcheck {finding.kind} {finding.status}: {finding.topic}"),
                )
            )
            lines.append(f"::{LEVEL[finding.status]} {props}::{_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
