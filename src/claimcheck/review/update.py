"""Updating a folder of claim records from a fresh extraction (``extract --out DIR``), never losing a review.

Owns the whole flow: one merge plan per source (``records.plan_records``), then writing each file atomically, or
with ``dry_run`` only saying what would change. A record file a person broke stops the run before anything is
written; the CLI only prints what this module reports.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import ClaimcheckError, ConfigError, InputError
from ..models import Claim, Extraction
from .records import MergePlan, dump_claims, plan_records, record_name, write_atomic


@dataclass(frozen=True)
class RecordFile:
    """One claim-record file and what updating it does."""

    target: Path
    plan: MergePlan
    existed: bool

    @property
    def state(self) -> str:
        if not self.existed:
            return "new file"
        return "unchanged" if self.plan.unchanged else "would update"


def plan_folder(extraction: Extraction, out: Path) -> list[RecordFile]:
    """Every source's merged record file, planned before anything is written."""
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} exists and is not a folder")
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in extraction.claims:
        by_source[claim.source].append(claim)
    try:
        plans = [plan_records(out, source, by_source.get(source.path, [])) for source in extraction.sources]
    except ClaimcheckError as exc:
        raise ConfigError(f"{exc} (fix the file or move it away; claimcheck will not overwrite it)") from exc
    files = []
    for plan in plans:
        target = out / record_name(plan.source)
        files.append(RecordFile(target=target, plan=plan, existed=target.exists()))
    return files


def write_record_file(record: RecordFile) -> None:
    """Write one planned file atomically; an OSError becomes an ``InputError`` naming the folder."""
    try:
        write_atomic(record.target, dump_claims(record.plan.source, record.plan.claims))
    except OSError as exc:
        raise InputError(f"cannot write claim records to {record.target.parent}: {exc.strerror or exc}") from exc
