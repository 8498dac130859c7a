"""Cross-checking aligned claims: Topic -> Findings.

Owns deciding which claims in a topic are comparable (the same time: overlapping ``as_of`` dates, the same
event-relative period, facts not mixed with forecasts), the verdict on each comparable group (the worst pairwise
status, ``compare.group_verdict``), the reconciled value, the size of a disagreement, and the notes a reader needs
(different baselines or scopes, the rest of a series over time).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from ..models import CitedClaim, Claim, DatePrecision, DateValue, Finding, FindingKind, Quantity, Topic, build
from ..values.dates import format_date
from ..values.quantities import format_quantity
from .compare import GroupStats, Interval, difference, scale_of


def format_value(value: Quantity | DateValue) -> str:
    return format_date(value) if isinstance(value, DateValue) else format_quantity(value)


def cite(claim: Claim) -> CitedClaim:
    return build(
        CitedClaim,
        id=claim.id,
        source=claim.source,
        line=claim.line,
        column=claim.column,
        quote=claim.quote,
        value=claim.effective_value,
        subject=claim.subject,
        metric=claim.metric,
        as_of=claim.as_of,
        baseline=claim.baseline,
        scope=claim.scope,
        period=claim.period,
    )


def finding_id(kind: str, topic: str, claim_ids: Sequence[str]) -> str:
    raw = "\x1f".join([kind, topic, *sorted(claim_ids)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def topic_label(topic: Topic) -> str:
    return f"{topic.subject} / {topic.metric}" if topic.subject else topic.metric


def claim_topic(claim: Claim) -> str:
    """The "Subject / metric" label a claim would be filed under (before alignment)."""
    return f"{claim.subject} / {claim.metric}" if claim.subject else (claim.metric or "-")


# ------------------------------------------------------------------------------------------------ slicing

# A finding cites at most this many claims (the disagreeing pair first) and counts the rest in
# ``Finding.uncited``; its series note lists at most SERIES_SHOWN values at other times. Both keep a finding's
# size, and so the whole check, linear in a topic's claims however many as-of dates or undated claims it has.
MAX_CITED = 12
SERIES_SHOWN = 8
# Finding ids hash every claim id of the group while the group is at most this large (the id scheme findings
# have always had); past it, the undated claims a topic shares between its slices enter as one digest computed
# once, so fingerprinting stays linear.
FULL_ID_LIMIT = 64


class _Part:
    """Claims checked together, with what a finding needs from them computed once."""

    __slots__ = ("claims", "stats", "sources", "baselines", "scopes", "distinct", "_digest_ids", "_digest")

    def __init__(self, claims: Sequence[Claim], offset: int = 0) -> None:
        self.claims = claims
        self.stats = GroupStats.of([c.effective_value for c in claims], offset) if claims else None
        self.sources = {c.source for c in claims}
        self.baselines = {c.baseline for c in claims if c.baseline}
        self.scopes = {c.scope for c in claims if c.scope}
        self.distinct = _distinct_values(claims)
        self._digest_ids: list[str] | None = None
        self._digest: str | None = None

    def digest(self, topic_key: str) -> str:
        """One fingerprint of these claims' ids, computed once however many slices share them."""
        if self._digest is None:
            self._digest = finding_id("undated", topic_key, self.sorted_ids())
        return self._digest

    def sorted_ids(self) -> list[str]:
        if self._digest_ids is None:
            self._digest_ids = sorted(c.id for c in self.claims)
        return self._digest_ids


class _Group:
    """One (period, forecast) group of a topic: its undated claims once, and its dated slices."""

    __slots__ = ("undated", "dated", "shared")

    def __init__(self, undated: list[Claim], dated: list[list[Claim]]) -> None:
        self.undated = undated
        self.dated = dated
        self.shared = _Part(undated)


def _with_as_of(claims: Iterable[Claim]) -> list[tuple[DateValue, Claim]]:
    """The claims that have an as-of date, each with that date (typed: never None)."""
    return [(c.as_of, c) for c in claims if c.as_of is not None]


def _groups(claims: Sequence[Claim]) -> list[_Group]:
    by_key: dict[tuple[str | None, bool], list[Claim]] = {}
    for claim in claims:
        by_key.setdefault((claim.period, claim.forecast), []).append(claim)
    groups: list[_Group] = []
    for members in by_key.values():
        dated = sorted(_with_as_of(members), key=lambda pair: (pair[0].start, pair[0].end))
        undated = [c for c in members if c.as_of is None]
        slices: list[list[Claim]] = []
        current_end = None
        for as_of, claim in dated:
            if slices and current_end is not None and as_of.start <= current_end:
                slices[-1].append(claim)
                current_end = max(current_end, as_of.end)
            else:
                slices.append([claim])
                current_end = as_of.end
        groups.append(_Group(undated, slices))
    return groups


# ----------------------------------------------------------------------------------------------- findings


def _value_key(value: Quantity | DateValue) -> tuple[object, ...]:
    if isinstance(value, DateValue):
        return ("date", value.start, value.end)
    return (value.kind, value.low, value.high, value.unit, value.change)


def unambiguous(claims: Sequence[Claim]) -> list[Claim]:
    """The claims without a different value for the same topic, at the same time, in their own sentence.

    A writer does not contradict themself inside one sentence: two values a sentence gives what the extractor
    reads as one subject and metric ("scored 79.8 on AIME 2024, 97.3 on MATH-500", "$0.035 for cache hits,
    $0.135 for cache misses", "up to 70B in training and 680B in inference") are two different things the text
    tells apart and the attribution did not. Neither is compared, within the article or across articles.
    """
    by_sentence: dict[tuple[object, ...], set[tuple[object, ...]]] = {}
    for claim in claims:
        key = (claim.source, claim.quote, claim.period, claim.forecast, claim.as_of)
        by_sentence.setdefault(key, set()).add(_value_key(claim.effective_value))
    if all(len(values) == 1 for values in by_sentence.values()):
        return list(claims)
    return [c for c in claims if len(by_sentence[(c.source, c.quote, c.period, c.forecast, c.as_of)]) == 1]


def check_topic(topic: Topic, claims: Sequence[Claim]) -> list[Finding]:
    claims = unambiguous(claims)
    groups = _groups(claims)
    # every dated claim of the topic in date order, for the "other times" note
    series = [c for _, c in sorted(_with_as_of(claims), key=lambda pair: pair[0].start)]
    findings: list[Finding] = []
    for group in groups:
        if not group.dated:
            if len(group.undated) >= 2:
                findings.append(_finding(topic, groups, group, None, series))
            continue
        for dated in group.dated:
            if len(group.undated) + len(dated) >= 2:
                findings.append(_finding(topic, groups, group, dated, series))
    return findings


def cross_check(topics: Sequence[tuple[Topic, list[Claim]]]) -> list[Finding]:
    findings: list[Finding] = []
    for topic, claims in topics:
        findings.extend(check_topic(topic, claims))
    return findings


def _member(group: _Group, dated: Sequence[Claim], position: int) -> Claim:
    """The claim at a position in the slice's order: the group's undated claims, then the dated ones."""
    u = len(group.undated)
    return group.undated[position] if position < u else dated[position - u]


def _finding(
    topic: Topic, groups: Sequence[_Group], group: _Group, dated: Sequence[Claim] | None, series: Sequence[Claim]
) -> Finding:
    shared = group.shared
    own = _Part(dated or (), offset=len(group.undated))
    dated = dated or ()
    if shared.stats is None:
        stats = own.stats
    elif own.stats is None:
        stats = shared.stats
    else:
        stats = shared.stats.merge(own.stats)
    assert stats is not None
    count = stats.size
    status, pair = stats.verdict()
    first_value = _member(group, dated, 0).effective_value
    worst_gap = 0.0
    worst_relative: float | None = None
    if pair is not None:
        worst_gap, worst_relative = difference(
            _member(group, dated, pair[0]).effective_value, _member(group, dated, pair[1]).effective_value
        )
    source_count = len(shared.sources) + len(own.sources - shared.sources)
    kind: FindingKind = "cross-source" if source_count > 1 else "internal"
    label = topic_label(topic)
    reconciled = None
    if status != "conflict":
        interval = stats.reconciled()
        reconciled = format_interval(interval, first_value) if interval else None

    distinct = [*shared.distinct, *(v for v in own.distinct if v not in shared.distinct)]
    if status == "conflict":
        assert pair is not None
        a, b = _member(group, dated, pair[0]), _member(group, dated, pair[1])
        size = _format_gap(worst_gap, a.effective_value, worst_relative)
        message = (
            f"{label}: {format_value(a.effective_value)} vs {format_value(b.effective_value)} cannot both hold; {size}"
        )
    elif status == "compatible" and stats.stated is None and isinstance(first_value, DateValue):
        # only the half-day either side of each date meets: one event reported on adjacent days
        message = f"{label}: {', '.join(distinct)} are one day apart, as one event reported in two time zones can be"
    elif status == "compatible":
        message = f"{label}: {', '.join(distinct)} overlap; together they allow {reconciled}"
    else:
        message = (
            f"{label}: {count} claims in {source_count} source{'s' if source_count > 1 else ''} agree on {distinct[0]}"
        )

    notes = _notes(groups, group, dated, own, series)
    diff_value = None
    if status == "conflict":
        diff_value = worst_gap
        if isinstance(first_value, Quantity):
            diff_value = worst_gap / scale_of(first_value)
    # cite the disagreeing pair first, then the slice in order, up to MAX_CITED; count the rest
    wanted = list(pair) if pair is not None else []
    wanted += [i for i in range(min(count, MAX_CITED + 2)) if i not in wanted]
    cited_positions = sorted(wanted[:MAX_CITED])
    return Finding(
        id=_slice_id(kind, topic.key, group, dated, own),
        kind=kind,
        status=status,
        topic=label,
        message=message,
        claims=tuple(cite(_member(group, dated, i)) for i in cited_positions),
        uncited=count - len(cited_positions),
        reconciled=reconciled,
        difference=diff_value,
        relative_difference=worst_relative if status == "conflict" else None,
        notes=tuple(notes),
    )


def _slice_id(kind: str, topic_key: str, group: _Group, dated: Sequence[Claim], own: _Part) -> str:
    if len(group.undated) + len(dated) <= FULL_ID_LIMIT:
        return finding_id(kind, topic_key, [*(c.id for c in group.undated), *(c.id for c in dated)])
    shared = "\x1e" + group.shared.digest(topic_key) if group.undated else ""
    raw = "\x1f".join([kind, topic_key, *own.sorted_ids()]) + shared
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def _distinct_values(claims: Sequence[Claim]) -> list[str]:
    seen: dict[str, None] = {}
    for c in claims:
        seen.setdefault(format_value(c.effective_value), None)
    return list(seen)


def _notes(
    groups: Sequence[_Group], group: _Group, dated: Sequence[Claim], own: _Part, dated_series: Sequence[Claim]
) -> list[str]:
    notes = []
    baselines = sorted(group.shared.baselines | own.baselines)
    if len(baselines) > 1:
        notes.append("measured against different baselines: " + "; ".join(baselines))
    scopes = sorted(group.shared.scopes | own.scopes)
    if len(scopes) > 1:
        notes.append("different scopes: " + "; ".join(scopes))
    dates = sorted({format_date(c.as_of) for c in dated if c.as_of})
    if dates and group.undated:
        n = len(group.undated)
        notes.append(
            f"compared with the figures dated {', '.join(dates)}; {n:,} claim{'s' if n > 1 else ''} give no date"
        )
    # the rest of the topic (other groups' undated claims, then every dated claim outside this slice, in date
    # order): a bounded few, then a count; whole groups are skipped at once so this stays linear
    inside = {id(c) for c in dated}
    shown: list[str] = []
    for other in groups:
        if other is not group:
            for c in other.undated[: SERIES_SHOWN - len(shown)]:
                shown.append(_series_entry(c))
    for c in dated_series:
        if len(shown) >= SERIES_SHOWN:
            break
        if id(c) not in inside:
            shown.append(_series_entry(c))
    if shown:
        total = sum(len(g.undated) for g in groups) - len(group.undated) + len(dated_series) - len(dated)
        more = total - len(shown)
        tail = f"; and {more:,} more" if more > 0 else ""
        notes.append("same metric at other times (a series, not compared): " + "; ".join(shown) + tail)
    return notes


def _series_entry(c: Claim) -> str:
    when = f"as of {format_date(c.as_of)}" if c.as_of else c.period or ("forecast" if c.forecast else "undated")
    return f"{format_value(c.effective_value)} {when} ({c.source}:{c.line})"


def _format_gap(gap: float, value: Quantity | DateValue, relative: float | None) -> str:
    if isinstance(value, DateValue):
        days = int(round(gap))
        if days >= 365:
            return f"at least {days} days apart (about {days / 365.25:.1f} years)"
        return f"at least {days} day{'s' if days != 1 else ''} apart"
    k = scale_of(value)
    shown = gap / k
    unit = {
        "percent": " percentage points",
        "fraction": " percentage points",
        "multiplier": "x",
        "money": f" {value.unit or ''}",
    }.get(value.kind, f" {value.unit or ''}")
    if value.kind == "duration":
        unit = " days"
        shown = gap
    rel = f" ({relative:.0%} of the larger figure)" if relative is not None else ""
    return f"they differ by at least {shown:,.4g}{unit.rstrip()}{rel}"


def format_interval(interval: Interval, like: Quantity | DateValue) -> str:
    """Render a reconciled interval in the unit of the values it came from."""
    if isinstance(like, DateValue):
        from .compare import ordinal_to_date

        start = ordinal_to_date(interval.low) if interval.low is not None else like.start
        end = ordinal_to_date(interval.high) if interval.high is not None else like.end
        if start == like.start and end == like.end:
            return format_date(like)
        precision: DatePrecision = "day" if start == end else "range"
        return format_date(DateValue(start=start, end=end, precision=precision, text=""))
    k = scale_of(like)
    low = interval.low / k if interval.low is not None else None
    high = interval.high / k if interval.high is not None else None
    kind = "percent" if like.kind == "fraction" else like.kind
    unit = "%" if like.kind == "fraction" else like.unit
    q = Quantity(
        kind=kind,
        low=low,
        high=high,
        low_inclusive=interval.low_closed,
        high_inclusive=interval.high_closed,
        unit=unit,
        text="",
        precision=like.precision,
        change=like.change,
        rate=like.rate,
    )
    return format_quantity(q)
