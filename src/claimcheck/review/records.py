"""Claim records: the YAML files ``extract --out DIR`` writes, one per source, and ``audit`` can read back.

Owns the on-disk shape of reviewed claims (schema ``claimcheck.claims/1``), reading it with precise error
messages (file and line), and writing it atomically so a person's file is never left half-written.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from ..errors import ConfigError
from ..models import CLAIMS_SCHEMA, Claim, Source
from . import roundtrip

# libyaml's safe loader when PyYAML was built with it: a 10,000-claim file reads in seconds, not a minute
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

REVIEW_FIELDS = ("review", "corrected", "note")

# the order fields appear in a record file: what a reviewer reads first comes first
_FIELD_ORDER = (
    "id",
    "line",
    "column",
    "quote",
    "subject",
    "metric",
    "value",
    "as_of",
    "baseline",
    "compared_with",
    "scope",
    "period",
    "tense",
    "past_event",
    "forecast",
    "row_label",
    "column_header",
    "review",
    "corrected",
    "note",
    "orphaned",
)


def claim_record(claim: Claim) -> dict[str, Any]:
    data = claim.model_dump(mode="json", exclude={"source", "start", "end"})
    ordered = {k: data[k] for k in _FIELD_ORDER if k in data}
    if not ordered.get("orphaned"):
        ordered.pop("orphaned", None)
    return ordered


def source_record(source: Source) -> dict[str, Any]:
    return source.model_dump(mode="json")


def dump_claims(source: Source, claims: Sequence[Claim]) -> str:
    doc = {
        "schema": CLAIMS_SCHEMA,
        "source": source_record(source),
        "claims": [claim_record(c) for c in claims],
    }
    return roundtrip.dump(roundtrip.new_document(_header(source), doc))


def _header(source: Source) -> str:
    return (
        f"Claims extracted by claimcheck from {source.path}.\n"
        "Review a claim by setting `review:` to confirmed, rejected or corrected (with `corrected:` holding\n"
        "the right value) and `note:`. Re-running `claimcheck extract --out` keeps reviews attached by id,\n"
        "and keeps your comments and the order of keys."
    )


def render_records(plan: MergePlan, old: CommentedMap | None, old_ids: Sequence[str] = ()) -> str:
    """The record file's text after re-extraction: a new file, or ``old`` (the file's round-trip document, whose
    claims have ``old_ids``) updated in place, its comments and key order kept."""
    if old is None:
        return dump_claims(plan.source, plan.claims)
    top = {"schema": CLAIMS_SCHEMA, "source": source_record(plan.source)}
    return roundtrip.update(old, top, [claim_record(c) for c in plan.claims], plan.origins, old_ids)


def record_name(source: Source) -> str:
    """File name for a source's record: its key with separators flattened, so nested folders do not collide."""
    stem = source.key.replace("\\", "/")
    return stem.replace("/", "__") + ".yaml"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that it is never half-written and nothing but its content changes.

    A regular file (or a new one) is written to a temporary file in the same folder and renamed over it: it keeps
    its mode, a new file gets the user's umask. A symlink is followed: its target is replaced, the link stays. A
    device, pipe or other non-regular file (``/dev/null``, ``/dev/stdout``) is opened and written in place, never
    replaced.
    """
    try:
        existing = os.stat(path)  # follows symlinks: what a write would reach
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # /dev/stdout resolves to "pipe:[...]", no real path: open the name the user gave
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file 0600; the report should look like any file the user creates (or keep its mode)
        os.fchmod(fd, stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it; put it back at once
    os.umask(mask)
    return mask


def read_claims(path: Path, display: str | None = None) -> tuple[Source, list[Claim]]:
    """Read one record file; raise ConfigError with file and line on malformed YAML or fields."""
    shown = display or str(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read claim records {shown}: {exc}") from exc
    try:
        doc = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, libyaml's when installed
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{shown}{where}: malformed YAML: {getattr(exc, 'problem', None) or exc}") from exc
    if not isinstance(doc, dict) or doc.get("schema") != CLAIMS_SCHEMA:
        raise ConfigError(f"{shown}: not a claimcheck claims file (expected `schema: {CLAIMS_SCHEMA}`)")
    try:
        source = Source.model_validate(doc.get("source") or {})
        claims = []
        for index, record in enumerate(doc.get("claims") or []):
            if not isinstance(record, dict):
                raise ConfigError(f"{shown}: claim #{index + 1} is not a mapping")
            claim = Claim.model_validate({**record, "source": source.path})
            if claim.review == "corrected" and claim.corrected is None:
                # silently auditing the extracted value would undo what the reviewer meant to fix
                line = _line_of_field(text, index, "review")
                raise ConfigError(
                    f"{shown}:{line}: claim {claim.id} is marked `review: corrected` but has no `corrected:` value"
                )
            claims.append(claim)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        line = _line_of_claim(text, index if "index" in locals() else 0)
        raise ConfigError(f"{shown}:{line}: invalid claim record field `{loc}`: {first['msg']}") from exc
    return source, claims


def _line_of_field(text: str, index: int, field: str) -> int:
    """Line of ``field`` within the index-th claim entry (the entry's first line when it is not there)."""
    start = _line_of_claim(text, index)
    for number, line in enumerate(text.splitlines()[start - 1 :], start=start):
        stripped = line.lstrip()
        if number > start and stripped.startswith("- id:"):
            break
        if stripped.startswith(f"{field}:"):
            return number
    return start


def _line_of_claim(text: str, index: int) -> int:
    """Line of the index-th `- id:` entry, for error messages."""
    count = -1
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("- id:"):
            count += 1
            if count == index:
                return number
    return 1


# ------------------------------------------------------------------------------------------------ merging


def _norm_quote(quote: str) -> str:
    return " ".join(quote.split()).lower()


# rapidfuzz ratio (0-100) between a reviewed sentence and its edited form: a changed word or two in a sentence
# of ordinary length stays above it, a different sentence with the same number does not
REANCHOR_SIMILARITY = 85.0


class MergePlan:
    """What re-extracting one source does to its record file: the merged claims and a human summary.

    ``origins[i]`` is the id of the old record that ``claims[i]`` continues (None for a new claim), so the writer
    can update that record in place. ``annotated`` are the ids of old claims a person commented on in the file:
    they are kept like reviewed claims (followed through edits, orphaned rather than dropped).
    """

    def __init__(
        self,
        source: Source,
        fresh: Sequence[Claim],
        old: Sequence[Claim] | None,
        annotated: frozenset[str] = frozenset(),
    ) -> None:
        self.source = source
        self.annotated = annotated
        self.new: list[Claim] = []  # claims not in the old file
        self.kept_reviews = 0
        self.rematched = 0  # reviews carried over by quote because the id changed
        self.orphaned: list[Claim] = []
        self.origins: list[str | None] = []
        merged: list[Claim] = []
        old = list(old or [])
        fresh_ids = {c.id for c in fresh}
        by_id = {c.id: c for c in old}
        by_quote: dict[tuple[str, str], list[Claim]] = {}
        for claim in old:
            by_quote.setdefault((_norm_quote(claim.quote), claim.value.text), []).append(claim)
        used: set[str] = set()
        for claim in fresh:
            previous = by_id.get(claim.id)
            if previous is None:
                candidates = [
                    c
                    for c in by_quote.get((_norm_quote(claim.quote), claim.value.text), [])
                    if c.id not in used and c.id not in fresh_ids
                ]
                previous = candidates[0] if candidates else None
                if previous is not None and _has_review(previous):
                    self.rematched += 1
            if previous is not None:
                used.add(previous.id)
                if _has_review(previous):
                    self.kept_reviews += 1
                claim = claim.model_copy(update={f: getattr(previous, f) for f in REVIEW_FIELDS})
            else:
                self.new.append(claim)
            merged.append(claim)
            self.origins.append(previous.id if previous is not None else None)
        self.reanchored = self._reanchor(old, used, merged)
        live_quotes = {_norm_quote(c.quote) for c in fresh}
        self.dropped = 0
        for claim in old:
            if claim.id in used or claim.id in fresh_ids:
                continue
            sentence_gone = _norm_quote(claim.quote) not in live_quotes
            if sentence_gone or self._kept(claim):
                # a person's review or comment is never thrown away; a vanished sentence is kept for the record
                orphan = claim.model_copy(update={"orphaned": True})
                self.orphaned.append(orphan)
                merged.append(orphan)
                self.origins.append(claim.id)
            else:
                self.dropped += 1  # unreviewed, and the sentence is still there: the extractor reads it differently
        self.claims = merged
        # claims that continue an old record whose fields changed (a line moved, a value re-read, now orphaned)
        self.updated = sum(
            1
            for claim, origin in zip(merged, self.origins, strict=True)
            if origin is not None and claim_record(claim) != claim_record(by_id[origin])
        )

    def _kept(self, claim: Claim) -> bool:
        return _has_review(claim) or claim.id in self.annotated

    def _reanchor(self, old: Sequence[Claim], used: set[str], merged: list[Claim]) -> int:
        """Carry a review (or a person's comment) whose sentence was lightly edited ("codebase" -> "code base", a
        typo fixed) to the new claim with the same value text in this source whose sentence is most similar, at
        least REANCHOR_SIMILARITY. Each new claim takes at most one; the value itself must not have changed."""
        from rapidfuzz import fuzz

        count = 0
        positions = {id(c): i for i, c in enumerate(merged)}
        merged_ids = {c.id for c in merged}
        for previous in old:
            if previous.id in used or not self._kept(previous) or previous.id in merged_ids:
                continue
            quote = _norm_quote(previous.quote)
            best, best_score = None, REANCHOR_SIMILARITY
            for candidate in self.new:
                if candidate.value.text != previous.value.text:
                    continue
                score = fuzz.ratio(quote, _norm_quote(candidate.quote))
                if score >= best_score:
                    best, best_score = candidate, score
            if best is None:
                continue
            used.add(previous.id)
            self.new.remove(best)
            position = positions[id(best)]
            merged[position] = best.model_copy(update={f: getattr(previous, f) for f in REVIEW_FIELDS})
            self.origins[position] = previous.id
            if _has_review(previous):
                self.kept_reviews += 1
            count += 1
        return count

    def describe(self) -> str:
        parts = [f"{len(self.claims) - len(self.orphaned)} claims"]
        if self.new:
            parts.append(f"{len(self.new)} new")
        if self.updated:
            parts.append(f"{self.updated} updated (moved, re-read or orphaned)")
        if self.kept_reviews:
            parts.append(
                f"{self.kept_reviews} reviews kept"
                + (f" ({self.rematched} re-matched by quote)" if self.rematched else "")
                + (f" ({self.reanchored} re-anchored to a lightly edited sentence)" if self.reanchored else "")
            )
        elif self.reanchored:
            parts.append(f"{self.reanchored} commented claims re-anchored to a lightly edited sentence")
        if self.orphaned:
            parts.append(
                f"{len(self.orphaned)} orphaned (sentence gone from the source, or reviewed but no longer extracted)"
            )
        if self.dropped:
            parts.append(f"{self.dropped} unreviewed no longer extracted")
        return ", ".join(parts)


def _has_review(claim: Claim) -> bool:
    return any(getattr(claim, f) is not None for f in REVIEW_FIELDS)


def plan_records(out: Path, source: Source, fresh: Sequence[Claim]) -> tuple[MergePlan, str | None, str]:
    """Merge freshly extracted claims with the record file already in ``out`` (if any): the plan, the file's
    old text (None when there is none) and its new text."""
    path = out / record_name(source)
    if not path.exists():
        plan = MergePlan(source, fresh, None)
        return plan, None, render_records(plan, None)
    old_source, old = read_claims(path)  # raises ConfigError with file:line if a person broke the YAML
    old_text = path.read_text("utf-8")
    plan = MergePlan(source, fresh, old)
    if _same_content(plan, old_source, old):
        # every claim continues its own record, in order, with the same fields: the file stays as it is (and a
        # large file is not loaded a second time, with its comments, only to be written back unchanged)
        return plan, old_text, old_text
    doc = roundtrip.load(old_text, str(path))
    ids = [c.id for c in old]
    plan = MergePlan(source, fresh, old, frozenset(roundtrip.annotated_ids(doc, ids)))
    return plan, old_text, render_records(plan, doc, ids)


def _same_content(plan: MergePlan, old_source: Source, old: Sequence[Claim]) -> bool:
    return (
        not plan.new
        and not plan.updated
        and not plan.dropped
        and plan.origins == [c.id for c in old]
        and source_record(plan.source) == source_record(old_source)
    )
