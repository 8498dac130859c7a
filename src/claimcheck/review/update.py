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
from .records import MergePlan, plan_records, record_name, write_atomic


@dataclass(frozen=True)
class RecordFile:
    """One claim-record file and what updating it does."""

    target: Path
    plan: MergePlan
    old_text: str | None  # the file as it is (None: there is none yet)
    text: str  # the file as it will be

    @property
    def state(self) -> str:
        """The file's state, "new", "changed" or "unchanged": the same word in a dry run and a real one, decided
        by comparing the text that would be written with the file's, so a dry run says what a real run changes."""
        if self.old_text is None:
            return "new"
        return "unchanged" if self.text == self.old_text else "changed"

    @property
    def writes(self) -> bool:
        return self.state != "unchanged"

    def line(self) -> str:
        return f"{self.target}: {self.state}: {self.plan.describe()}"


def plan_folder(extraction: Extraction, out: Path) -> list[RecordFile]:
    """Every source's merged record file, planned before anything is written."""
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} exists and is not a folder")
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in extraction.claims:
        by_source[claim.source].append(claim)
    files = []
    for source in extraction.sources:
        try:
            plan, old_text, text = plan_records(out, source, by_source.get(source.path, []))
        except ClaimcheckError as exc:
            raise ConfigError(f"{exc} (fix the file or move it away; claimcheck will not overwrite it)") from exc
        files.append(RecordFile(target=out / record_name(source), plan=plan, old_text=old_text, text=text))
    return files


def write_record_file(record: RecordFile) -> None:
    """Write one planned file atomically (an unchanged one is left alone); an OSError becomes an ``InputError``
    naming the folder."""
    if not record.writes:
        return
    try:
        write_atomic(record.target, record.text)
    except OSError as exc:
        raise InputError(f"cannot write claim records to {record.target.parent}: {exc.strerror or exc}") from exc


def folder_summary(files: list[RecordFile], out: Path, *, dry_run: bool) -> str:
    """The closing line of ``extract --out``: the same counts in a dry run as in the real run."""
    written = sum(1 for f in files if f.writes)
    counts = ", ".join(
        f"{n} {state}" for state in ("new", "changed", "unchanged") if (n := sum(1 for f in files if f.state == state))
    )
    files_word = "file" if written == 1 else "files"
    what = f"{written} claim-record {files_word} to {out} ({counts or 'no sources'})"
    return f"dry run: would write {what}; nothing written" if dry_run else f"wrote {what}"
