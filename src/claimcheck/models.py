"""Typed contracts between the pipeline stages.

    Path --sources--> Article --extract--> Claim --align--> Topic --check--> Finding --> Report --render--> text

Every model is frozen: a stage never mutates what an earlier stage produced. Offsets are character offsets into
``Article.text`` (the decoded, normalised text, which has exactly the same length as the decoded file, so an offset
is also an offset into the file as an editor shows it); ``line`` and ``column`` are 1-based.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Annotated, Any, Literal, ParamSpec, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

CLAIMS_SCHEMA = "claimcheck.claims/1"  # claim-record files and ``extract --format json``


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------------------------------- sources


DateOrigin = Literal["front-matter", "sources.yaml", "html-metadata", "dateline", "unknown"]
SourceFormat = Literal["text", "markdown", "html", "claims"]


class Source(Frozen):
    """One input article and what is known about it."""

    path: str  # as the user would type it (relative to the current directory when possible), POSIX separators
    key: str  # path relative to the folder it was found in: the stable part of claim ids
    format: SourceFormat
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_from: DateOrigin = "unknown"  # where `published` came from: never guessed silently
    encoding: str = "utf-8"
    sha256: str = ""
    # what claims' line numbers count: the file as an editor shows it, or (for an HTML page whose sentences
    # could not all be found in its source) the text extracted from the page
    lines: Literal["file", "extracted-text"] = "file"
    suppressed_lines: tuple[int, ...] = ()  # lines an inline `<!-- claimcheck: ignore -->` covers
    # metadata fields that could not be read ("published ... at line 3"): the article is still read without them
    metadata_problems: tuple[str, ...] = ()
    # what of the file was read differently or not at all, and why (an over-long unit cut into pieces, reading
    # stopped after MAX_CLAIMS_PER_SOURCE claims): shown to the user, and in JSON
    notes: tuple[str, ...] = ()


class Skipped(Frozen):
    """An input that could not be used, and why (reported in every format; fatal with --strict)."""

    path: str
    reason: str


UnitKind = Literal["sentence", "heading", "list_item", "table_row", "table_header"]


class Cell(Frozen):
    """One cell of a table row: its text, where it is, and what it is labelled by."""

    text: str
    start: int  # offset into Article.text
    end: int
    header: str | None = None  # column header ("GPT-5.4", "Input", "2024 Performance")
    row_label: str | None = None  # first cell of the row ("SWE-Bench Pro", "Claude Opus 4.6")
    ambiguous: bool = False  # flattened row with fewer cells than columns: which column it is cannot be known


class Unit(Frozen):
    """A sentence, heading, list item or table row: the span a claim is cited from."""

    kind: UnitKind
    text: str  # == Article.text[start:end]
    start: int
    end: int
    line: int
    column: int
    section: str | None = None  # text of the nearest heading above
    cells: tuple[Cell, ...] = ()  # table rows only
    table_headers: tuple[str, ...] = ()  # table rows only: the header line's column names


class Article(Frozen):
    source: Source
    text: str
    units: tuple[Unit, ...]
    line_starts: tuple[int, ...]  # offset of the first character of each line (line n starts at line_starts[n-1])

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        from bisect import bisect_right

        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


# ---------------------------------------------------------------------------------------------------- values


QuantityKind = Literal[
    "percent",
    "percentage_points",
    "multiplier",
    "fraction",
    "money",
    "count",
    "duration",
    "score",
    "measure",  # hardware and model specs in base units: W, B, B/s, FLOP/s, Hz ("96 GB" is 96e9 B)
    "number",
]
Change = Literal["increase", "decrease"]


class Quantity(Frozen):
    """A number with meaning: an interval with open/closed bounds, its unit, hedge and implied precision.

    ``low``/``high`` of None mean unbounded. A point value has low == high, both inclusive. ``precision`` is the
    rounding step the text implies (``75%`` -> 1, ``75.0%`` -> 0.1, ``3 billion`` -> 1e9 * 1), so ``75%`` stands for
    [74.5, 75.5) when compared.
    """

    kind: QuantityKind
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    unit: str | None = None  # "%", "pp", "x", "USD", "USD/1M tokens", "days", "Elo", or a count's noun
    text: str
    precision: float | None = None
    hedge: str | None = None  # the hedge as written: "over", "nearly", "about", "+", ...
    change: Change | None = None  # "+12.1%", "dropped 47%", "a 50-percentage-point increase"
    rate: bool = False  # "every four months", "per quarter": a period or rate, not an amount


DatePrecision = Literal["day", "month", "quarter", "half", "part-of-year", "year", "range"]
DateMarker = Literal["as_of", "by", "since", "until", "before", "after", "in"]
YearOrigin = Literal["explicit", "context", "publication"]


class DateValue(Frozen):
    """A date as a span of days with the precision the text gives it."""

    kind: Literal["date"] = "date"
    start: dt.date
    end: dt.date  # inclusive
    precision: DatePrecision
    text: str
    approximate: bool = False
    relative: bool = False  # "yesterday", "three days ago": resolved against the publication date
    year_from: YearOrigin = "explicit"  # "February 5" takes its year from context or the publication date
    marker: DateMarker | None = None  # "as of May 2026", "by 2027", "since 2023"


Value = Annotated[Quantity | DateValue, Field(discriminator="kind")]


# ---------------------------------------------------------------------------------------------------- claims


Tense = Literal["past", "present", "future"]
Review = Literal["confirmed", "rejected", "corrected"]


class Claim(Frozen):
    """One value plus what it is about, with its citation."""

    id: str
    source: str  # Source.path
    line: int  # where the value itself stands
    column: int
    quote: str  # the whole sentence or table row
    subject: str | None  # canonical entity ("Claude Opus 4.6", "Anthropic"); None when the text does not say
    metric: str | None  # "release date", "SWE-Bench Pro", "input price per 1M tokens", ...
    value: Value
    as_of: DateValue | None = None  # an explicit date the value holds at
    baseline: str | None = None  # what a change or multiplier is measured against ("2024", "2021-2025 average")
    # a multiplier's other side, when it is an entity: the one other model its sentence names ("Opus 4.6 is
    # roughly 2x the price of GPT-5.4" -> "GPT-5.4")
    compared_with: str | None = None
    scope: str | None = None  # a qualifier that narrows the metric ("merged code", "training code")
    period: str | None = None  # an event-relative time that is not a date ("before the release of Claude Code")
    tense: Tense = "present"
    # a past-tense clause in a sentence that says something happened or was observed ("was released", "reached",
    # "recorded", "reported"): a date it gives is stated as a fact about the past
    past_event: bool = False
    forecast: bool = False  # "projections suggest", "will", "by 2027": not a statement of fact yet
    row_label: str | None = None  # table claims: the row label and column header are part of its identity
    column_header: str | None = None
    start: int = 0  # offset of the value in the article text
    end: int = 0
    # review fields, edited by a person in claims/*.yaml
    review: Review | None = None
    corrected: Value | None = None
    note: str | None = None
    orphaned: bool = False  # the sentence it was extracted from is gone from the source

    @property
    def usable(self) -> bool:
        """The one definition of a claim the checks may use: not rejected by a reviewer, and still in its source."""
        return self.review != "rejected" and not self.orphaned

    @property
    def effective_value(self) -> Quantity | DateValue:
        return self.corrected if self.review == "corrected" and self.corrected is not None else self.value


class Corpus(Frozen):
    """Everything loaded for one run: the sources, their claims (reviews applied) and what was skipped.

    The checking stages take its claims and sources; the result models copy what they report from it.
    """

    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()
    skipped: tuple[Skipped, ...] = ()


# --------------------------------------------------------------------------------------------------- findings


FindingKind = Literal["cross-source", "internal", "arithmetic", "temporal", "timeline"]
Status = Literal["conflict", "compatible", "agree"]


class CitedClaim(Frozen):
    id: str
    source: str
    line: int
    column: int
    quote: str
    value: Value
    subject: str | None = None
    metric: str | None = None
    as_of: DateValue | None = None
    baseline: str | None = None
    scope: str | None = None
    period: str | None = None


class Finding(Frozen):
    """One verdict about a set of claims: what rule, what status, the message, the cited claims."""

    id: str  # stable fingerprint: kind + topic + the claims' ids (no line numbers)
    kind: FindingKind
    status: Status
    topic: str  # "Claude 4 / release date"
    message: str
    claims: tuple[CitedClaim, ...]  # the cited claims: at most a dozen, the disagreeing pair first
    uncited: int = 0  # claims in the same comparison not cited ("and 3,412 more")
    reconciled: str | None = None  # the value all claims allow together, written out ("80-90%")
    difference: float | None = None  # absolute size of the disagreement, in the claims' unit (days for dates)
    relative_difference: float | None = None  # difference / the larger magnitude
    notes: tuple[str, ...] = ()  # e.g. different baselines or scopes
    computation: str | None = None  # arithmetic findings: the computation shown


class Topic(Frozen):
    """Claims aligned as being about the same subject and metric (and as-of time), across sources."""

    key: str
    subject: str | None
    metric: str
    claim_ids: tuple[str, ...]


FailOn = Literal["conflict", "compatible", "never"]


def fails(statuses: Iterable[Status | None], fail_on: FailOn) -> bool:
    """The fail policy: does any status reach the --fail-on level? Every result's summary calls it once."""
    if fail_on == "never":
        return False
    levels = {"conflict"} if fail_on == "conflict" else {"conflict", "compatible"}
    return any(status in levels for status in statuses)


class Summary(Frozen):
    sources: int
    skipped: int
    claims: int
    topics: int
    conflicts: int
    compatible: int
    agree: int
    failed: bool  # the fail policy's verdict, computed once
    suppressed: int = 0  # findings hidden by an inline `<!-- claimcheck: ignore -->` (not counted above)

    @classmethod
    def of(
        cls,
        findings: Sequence[Finding],
        fail_on: FailOn,
        *,
        sources: int,
        skipped: int,
        claims: int,
        topics: int,
        suppressed: int = 0,
    ) -> Summary:
        """The one place a report's counts and fail verdict are computed."""
        return cls(
            suppressed=suppressed,
            sources=sources,
            skipped=skipped,
            claims=claims,
            topics=topics,
            conflicts=sum(f.status == "conflict" for f in findings),
            compatible=sum(f.status == "compatible" for f in findings),
            agree=sum(f.status == "agree" for f in findings),
            failed=fails((f.status for f in findings), fail_on),
        )


class Report(Frozen):
    schema_: str = Field("claimcheck.report/1", alias="schema")
    generated: dt.date | None = None
    fail_on: FailOn = "conflict"
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    topics: tuple[Topic, ...] = ()
    findings: tuple[Finding, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    summary: Summary
    suppressed: tuple[Finding, ...] = ()  # reviewed false alarms, suppressed in the articles themselves

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @property
    def nothing_read(self) -> bool:
        """Every input was skipped: a run that read nothing must not pass a publishing gate."""
        return not self.sources and bool(self.skipped)


class ExtractionSummary(Frozen):
    sources: int
    claims: int
    skipped: int


class Extraction(Frozen):
    """What ``claimcheck extract`` produces: every claim of every source, and what was skipped."""

    schema_: str = Field(CLAIMS_SCHEMA, alias="schema")
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    skipped: tuple[Skipped, ...] = ()
    summary: ExtractionSummary

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @property
    def nothing_read(self) -> bool:
        """Every input was skipped: a run that read nothing must not pass a publishing gate."""
        return not self.sources and bool(self.skipped)


class DiffSummary(Frozen):
    conflicts: int
    compatible: int
    agree: int
    only_in_a: int  # topics only A speaks about
    only_in_b: int
    failed: bool
    suppressed: int = 0

    @classmethod
    def of(
        cls, findings: Sequence[Finding], fail_on: FailOn, *, only_in_a: int, only_in_b: int, suppressed: int = 0
    ) -> DiffSummary:
        return cls(
            suppressed=suppressed,
            conflicts=sum(f.status == "conflict" for f in findings),
            compatible=sum(f.status == "compatible" for f in findings),
            agree=sum(f.status == "agree" for f in findings),
            only_in_a=only_in_a,
            only_in_b=only_in_b,
            failed=fails((f.status for f in findings), fail_on),
        )


class DiffReport(Frozen):
    """Two articles compared claim by claim: what both say (and whether they agree) and what each adds."""

    schema_: str = Field("claimcheck.diff/1", alias="schema")
    generated: dt.date | None = None
    fail_on: FailOn = "conflict"
    a: Source
    b: Source
    findings: tuple[Finding, ...]
    only_in_a: tuple[Claim, ...]
    only_in_b: tuple[Claim, ...]
    skipped: tuple[Skipped, ...] = ()
    summary: DiffSummary
    suppressed: tuple[Finding, ...] = ()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class TimelineRow(Frozen):
    version: str  # canonical model name
    line: str  # family and tier: "Claude Opus", "Claude", "GPT"
    number: tuple[int, ...]
    dates: dict[str, str]  # source path -> formatted date(s)
    claims: tuple[str, ...]  # claim ids
    status: Status | None = None  # None when only one source dates it


class Family(Frozen):
    family: str
    rows: tuple[TimelineRow, ...]


class TimelineSummary(Frozen):
    versions: int
    families: int
    order_problems: int  # findings: a version dated before its predecessor
    conflicting_dates: int  # rows whose sources date the version differently (status "conflict")
    skipped: int
    failed: bool


class Timeline(Frozen):
    """What ``claimcheck timeline`` produces: each model family's versions with their dates per source."""

    schema_: str = Field("claimcheck.timeline/1", alias="schema")
    generated: dt.date | None = None
    fail_on: FailOn = "conflict"
    sources: tuple[str, ...]
    families: tuple[Family, ...]
    findings: tuple[Finding, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    summary: TimelineSummary
    # the loaded sources in full, for the CLI's metadata warnings; not part of the JSON (``sources`` names them)
    source_records: tuple[Source, ...] = Field((), exclude=True)

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @property
    def nothing_read(self) -> bool:
        """Every input was skipped: a run that read nothing must not pass a publishing gate."""
        return not self.source_records and bool(self.skipped)


# ------------------------------------------------------------------------------------------ fast building

_SHAPES: dict[type[BaseModel], tuple[set[str], dict[str, object], tuple[str, ...]]] = {}
_FIELD_TYPES: dict[tuple[type[BaseModel], str], TypeAdapter[Any]] = {}
M = TypeVar("M", bound=BaseModel)
P = ParamSpec("P")


def build(cls: Callable[P, M], *args: P.args, **values: P.kwargs) -> M:
    """Construct a frozen model from values the pipeline already typed, without re-validating them.

    The extractor creates hundreds of thousands of claims per run; validation and a per-instance "fields set"
    (about 2 KB per claim) dominated its time and memory. Every instance of a class shares one fields-set
    object (safe: the models are frozen, so it is never mutated), and the instance is assembled directly
    (pydantic's ``model_construct`` does the same, but costs more per call than validating). Anything read from
    outside the program (claim records, JSON) still goes through ``model_validate``.

    The bypass is checked statically instead: ``cls`` is typed as its own constructor, so mypy (strict, with the
    pydantic plugin's typed ``__init__``) checks every keyword against the field's type, as for ``cls(...)``.
    At run time an unknown or missing field is a ``TypeError``, never a silently dropped value.
    """
    model = cast(type[M], cls)
    if args:
        raise TypeError(f"build({model.__name__}, ...) takes keyword arguments only")
    shape = _SHAPES.get(model)
    if shape is None:
        defaults = {
            name: field.get_default(call_default_factory=True)
            for name, field in model.model_fields.items()
            if not field.is_required()
        }
        # the field names in declared order, read once: ``model_fields`` is a class property that costs per access
        shape = _SHAPES.setdefault(model, (set(model.model_fields), defaults, tuple(model.model_fields)))
    fields, defaults, order = shape
    if not fields.issuperset(values):
        raise TypeError(f"{model.__name__} has no field {', '.join(sorted(set(values) - fields))}")
    obj = model.__new__(model)
    try:
        # declared field order, so repr and JSON read the same as for a validated instance
        state = {n: values[n] if n in values else defaults[n] for n in order}
    except KeyError as missing:
        raise TypeError(f"{model.__name__} needs field {missing}") from None
    object.__setattr__(obj, "__dict__", state)
    object.__setattr__(obj, "__pydantic_fields_set__", fields)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def replace(obj: M, **updates: object) -> M:
    """``obj`` with some fields changed, built like ``build`` (no re-validation of the fields kept).

    The type checker cannot see the field types of ``**updates``, so each changed value is checked at run time
    against its field's type (strict: no coercion, so a plain ``str`` cannot enter a ``Literal`` field). Only the
    changed fields are checked; the rest were checked when ``obj`` was built.
    """
    cls = type(obj)
    for name, value in updates.items():
        adapter = _FIELD_TYPES.get((cls, name))
        if adapter is None:
            field = cls.model_fields.get(name)
            if field is None:
                raise TypeError(f"{cls.__name__} has no field {name}")
            annotation: Any = Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation
            adapter = _FIELD_TYPES.setdefault((cls, name), TypeAdapter(annotation))
        adapter.validate_python(value, strict=True)
    return build(cls, **{**obj.__dict__, **updates})
