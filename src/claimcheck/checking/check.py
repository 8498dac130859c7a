"""Cross-checking aligned claims: Topic -> Findings.

Owns deciding which claims in a topic are comparable (the same time: overlapping ``as_of`` dates, the same
event-relative period, facts not mixed with forecasts), the verdict on each comparable group (the worst pairwise
``compare_values`` status), the reconciled value, the size of a disagreement, and the notes a reader needs
(different baselines or scopes, the rest of a series over time).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from ..models import CitedClaim, Claim, DateValue, Finding, Quantity, Topic, build
from ..values.dates import format_date
from ..values.quantities import format_quantity
from .compare import Interval, difference, group_verdict, reconcile, scale_of


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


def time_slices(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Groups of claims that speak about the same time and can be compared.

    Claims with different event-relative periods, or a forecast and a statement of fact, never share a slice.
    Claims with explicit ``as_of`` dates share a slice when their dates overlap; a claim without a date is
    compared with every dated slice of its group (it says nothing about when, so it must hold at all of them).
    """
    groups: dict[tuple[str | None, bool], list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.period, claim.forecast), []).append(claim)
    slices: list[list[Claim]] = []
    for members in groups.values():
        dated = sorted((c for c in members if c.as_of is not None), key=lambda c: (c.as_of.start, c.as_of.end))  # type: ignore[union-attr]
        undated = [c for c in members if c.as_of is None]
        dated_slices: list[list[Claim]] = []
        current_end = None
        for claim in dated:
            assert claim.as_of is not None
            if dated_slices and current_end is not None and claim.as_of.start <= current_end:
                dated_slices[-1].append(claim)
                current_end = max(current_end, claim.as_of.end)
            else:
                dated_slices.append([claim])
                current_end = claim.as_of.end
        if not dated_slices:
            slices.append(undated)
        else:
            for dated_slice in dated_slices:
                slices.append([*undated, *dated_slice] if undated else dated_slice)
    return [s for s in slices if s]


# ----------------------------------------------------------------------------------------------- findings


def check_topic(topic: Topic, claims: Sequence[Claim]) -> list[Finding]:
    slices = time_slices(claims)
    findings: list[Finding] = []
    for members in slices:
        if len(members) < 2:
            continue
        inside = {id(c) for c in members}
        others = [c for s in slices if s is not members for c in s if id(c) not in inside]
        findings.append(_finding(topic, members, others))
    return findings


def cross_check(topics: Sequence[tuple[Topic, list[Claim]]]) -> list[Finding]:
    findings: list[Finding] = []
    for topic, claims in topics:
        findings.extend(check_topic(topic, claims))
    return findings


def _finding(topic: Topic, members: Sequence[Claim], others: Sequence[Claim]) -> Finding:
    values = [c.effective_value for c in members]
    status, pair = group_verdict(values)
    worst_gap = 0.0
    worst_relative: float | None = None
    if pair is not None:
        worst_gap, worst_relative = difference(values[pair[0]], values[pair[1]])
    sources = {c.source for c in members}
    kind = "cross-source" if len(sources) > 1 else "internal"
    label = topic_label(topic)
    reconciled = None
    if status != "conflict":
        interval = reconcile(values)
        reconciled = format_interval(interval, values[0]) if interval else None

    distinct = _distinct_values(members)
    if status == "conflict":
        assert pair is not None
        a, b = members[pair[0]], members[pair[1]]
        size = _format_gap(worst_gap, a.effective_value, worst_relative)
        message = (
            f"{label}: {format_value(a.effective_value)} vs {format_value(b.effective_value)} cannot both hold; {size}"
        )
    elif status == "compatible":
        message = f"{label}: {', '.join(distinct)} overlap; together they allow {reconciled}"
    else:
        message = (
            f"{label}: {len(members)} claims in {len(sources)} source{'s' if len(sources) > 1 else ''} "
            f"agree on {distinct[0]}"
        )

    notes = _notes(members, others)
    dimension_value = values[0]
    diff_value = None
    if status == "conflict":
        diff_value = worst_gap
        if isinstance(dimension_value, Quantity):
            diff_value = worst_gap / scale_of(dimension_value)
    return Finding(
        id=finding_id(kind, topic.key, [c.id for c in members]),
        kind=kind,
        status=status,
        topic=label,
        message=message,
        claims=tuple(cite(c) for c in members),
        reconciled=reconciled,
        difference=diff_value,
        relative_difference=worst_relative if status == "conflict" else None,
        notes=tuple(notes),
    )


def _distinct_values(claims: Sequence[Claim]) -> list[str]:
    seen: list[str] = []
    for c in claims:
        text = format_value(c.effective_value)
        if text not in seen:
            seen.append(text)
    return seen


def _notes(members: Sequence[Claim], others: Sequence[Claim]) -> list[str]:
    notes = []
    baselines = sorted({c.baseline for c in members if c.baseline})
    if len(baselines) > 1:
        notes.append("measured against different baselines: " + "; ".join(baselines))
    scopes = sorted({c.scope for c in members if c.scope})
    if len(scopes) > 1:
        notes.append("different scopes: " + "; ".join(scopes))
    dates = sorted({format_date(c.as_of) for c in members if c.as_of})
    if dates:
        undated = [c for c in members if c.as_of is None]
        if undated:
            notes.append(
                f"compared with the figures dated {', '.join(dates)}; "
                f"{len(undated)} claim{'s' if len(undated) > 1 else ''} give no date"
            )
    if others:
        series = []
        for c in sorted(others, key=lambda c: c.as_of.start if c.as_of else dt.date.min):
            when = f"as of {format_date(c.as_of)}" if c.as_of else c.period or ("forecast" if c.forecast else "undated")
            series.append(f"{format_value(c.effective_value)} {when} ({c.source}:{c.line})")
        notes.append("same metric at other times (a series, not compared): " + "; ".join(series))
    return notes


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
        precision = "day" if start == end else "range"
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
