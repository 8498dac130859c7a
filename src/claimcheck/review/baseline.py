"""Baselines of accepted findings, as linters keep them: a newsroom gates new articles without re-litigating old ones.

Owns the baseline file (``claimcheck.baseline/1``): the fingerprints of findings a person has accepted, and
filtering a report down to the findings not in it. A fingerprint is the finding's ``id``: its kind, topic and the
stable ids of the claims it cites, never line numbers, so an edit elsewhere in an article does not re-raise an
accepted finding, while a new article joining a contradiction does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..models import Report, Summary
from .records import write_atomic

BASELINE_SCHEMA = "claimcheck.baseline/1"


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"baseline {path} does not exist (create it with --update-baseline)") from exc
    except OSError as exc:
        raise ConfigError(f"cannot read baseline {path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"malformed baseline: {exc.msg}", path=str(path), line=exc.lineno) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"baseline {path} is not a claimcheck baseline (not UTF-8 text)") from exc
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
        raise ConfigError(f'{path} is not a claimcheck baseline (expected "schema": "{BASELINE_SCHEMA}")')
    return {str(f["id"]) for f in data.get("findings", []) if isinstance(f, dict) and "id" in f}


def write_baseline(path: Path, report: Report) -> int:
    """Accept every finding that is not an agreement; returns how many were written."""
    accepted = [f for f in report.findings if f.status != "agree"]
    doc = {
        "schema": BASELINE_SCHEMA,
        "findings": [
            {"id": f.id, "kind": f.kind, "status": f.status, "topic": f.topic, "message": f.message} for f in accepted
        ],
    }
    write_atomic(path, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return len(accepted)


def apply_baseline(report: Report, accepted: set[str]) -> Report:
    """The report without accepted findings; summary and fail verdict recomputed."""
    findings = tuple(f for f in report.findings if f.id not in accepted)
    s = report.summary
    summary = Summary.of(
        findings, report.fail_on, sources=s.sources, skipped=s.skipped, claims=s.claims, topics=s.topics
    )
    return report.model_copy(update={"findings": findings, "summary": summary})


@dataclass(frozen=True)
class Baselined:
    """The outcome of ``--baseline``: the filtered report, how many findings were accepted now, how many hidden."""

    report: Report
    written: int | None  # findings accepted into the file by --update-baseline (None: the file was only read)
    hidden: int


def baseline_report(report: Report, path: Path, *, update: bool = False) -> Baselined:
    """The baseline flow: with ``update``, accept every current finding into ``path``; then hide what it accepts."""
    written = None
    if update:
        try:
            written = write_baseline(path, report)
        except OSError as exc:
            raise ConfigError(f"cannot write baseline {path}: {exc.strerror or exc}") from exc
    filtered = apply_baseline(report, read_baseline(path))
    return Baselined(report=filtered, written=written, hidden=len(report.findings) - len(filtered.findings))
