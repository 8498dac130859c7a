"""Internal consistency: each article checked against itself.

Owns the checks that need no second source:

* arithmetic: a table's Delta column or a "(+23.1%)" lead against the two values beside it; a stated gap
  ("only 42 days separated A from B") against the article's own dates for A and B; a price ratio ("roughly 2x
  the price of B") against the article's prices; a doubling rate ("every four months") against two dated values;
* temporal: a fact stated as of, or in the past tense about, a date after the article's own publication date;
* the version timeline's order checks live in ``timeline``.

Every check works on claims (not raw text), so it runs the same on articles and on reviewed claim records.
Correct arithmetic produces no finding; a finding's ``computation`` shows the sum.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..attribution.lexicon import Lexicon
from ..models import Claim, DateValue, Finding, Quantity, Source
from ..values.dates import format_date
from .check import cite, finding_id, format_value
from .compare import APPROXIMATE_TOLERANCE
from .timeline import era_findings, timeline_findings

_MONTH_DAYS = 365.25 / 12
_UNIT_DAYS = {"days": 1.0, "weeks": 7.0, "months": _MONTH_DAYS, "years": 365.25, "quarters": 365.25 / 4}


def internal_findings(
    claims: Sequence[Claim], sources: Sequence[Source], lexicon: Lexicon | None = None
) -> list[Finding]:
    """Every internal check over loaded claims; ``lexicon`` is the one the claims were extracted with."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.usable:
            by_source[claim.source].append(claim)
    by_path = {s.path: s for s in sources}
    findings: list[Finding] = []
    for path, own in by_source.items():
        findings.extend(table_differences(own))
        findings.extend(release_gaps(own))
        findings.extend(price_ratios(own))
        findings.extend(doubling_rates(own))
        source = by_path.get(path)
        if source is not None:
            findings.extend(after_publication(source, own))
    findings.extend(timeline_findings(claims, lexicon))
    findings.extend(era_findings(claims))
    return findings


def _point(value: Quantity) -> float | None:
    if value.low is None or value.high is None:
        return None
    return (value.low + value.high) / 2


def _half_step(value: Quantity) -> float:
    return (value.precision or 0.0) / 2


def _arithmetic(topic: str, message: str, computation: str, claims: Sequence[Claim]) -> Finding:
    return Finding(
        id=finding_id("arithmetic", topic, [c.id for c in claims]),
        kind="arithmetic",
        status="conflict",
        topic=topic,
        message=message,
        computation=computation,
        claims=tuple(cite(c) for c in claims),
    )


# ------------------------------------------------------------------------------------------ table deltas


def table_differences(claims: Sequence[Claim]) -> list[Finding]:
    """A "difference" cell (Delta column, or "(+23.1%)" beside a winner) against the row's two values."""
    findings = []
    rows: dict[tuple[int, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.row_label is not None:
            rows[(claim.line, claim.row_label)].append(claim)
    for row in rows.values():
        # each claim with its value as a typed quantity (a table's cells are read as extracted)
        quantities = [(c, c.value) for c in row if isinstance(c.value, Quantity)]
        deltas = [(c, q) for c, q in quantities if c.metric and c.metric.endswith(" difference")]
        delta_claims = [c for c, _ in deltas]
        values = [
            (c, q)
            for c, q in quantities
            if c not in delta_claims and c.subject and q.kind in ("percent", "score") and not q.change
        ]
        for delta, qd in deltas:
            if len(values) != 2:
                continue
            (a, qa), (b, qb) = values
            if delta.subject and " vs " in delta.subject:
                first, _, second = delta.subject.partition(" vs ")
                ordered = {c.subject: (c, q) for c, q in values}
                if first in ordered and second in ordered:
                    (a, qa), (b, qb) = ordered[first], ordered[second]
            va, vb, vd = _point(qa), _point(qb), _point(qd)
            if va is None or vb is None or vd is None:
                continue
            actual = va - vb if delta.subject and " vs " in delta.subject else abs(va - vb)
            tolerance = _half_step(qa) + _half_step(qb) + _half_step(qd) + 1e-9
            if (
                abs(abs(actual) - abs(vd)) > tolerance
                or (qd.change == "decrease") != (actual < 0)
                and delta.subject
                and " vs " in delta.subject
                and abs(actual) > tolerance
            ):
                topic = delta.metric or "difference"
                computation = (
                    f"{format_value(qa)} - {format_value(qb)} = {actual:+.4g}; the table says {format_value(qd)}"
                )
                findings.append(
                    _arithmetic(
                        topic,
                        f"{delta.row_label}: the stated difference {format_value(qd)} does not match "
                        f"the row's own values ({format_value(qa)} and {format_value(qb)})",
                        computation,
                        [a, b, delta],
                    )
                )
    return findings


# ------------------------------------------------------------------------------------------ release gaps


def _release_dates(claims: Iterable[Claim]) -> dict[str, Claim]:
    out: dict[str, Claim] = {}
    for claim in claims:
        if claim.metric == "release date" and claim.subject and isinstance(claim.effective_value, DateValue):
            out.setdefault(claim.subject, claim)
    return out


def release_gaps(claims: Sequence[Claim]) -> list[Finding]:
    """ "Only 42 days separated Opus 4.7 from Opus 4.8" against the article's own dates for both."""
    findings = []
    dates = _release_dates(claims)
    for claim in claims:
        value = claim.effective_value
        if claim.metric != "gap between releases" or not claim.subject or not isinstance(value, Quantity):
            continue
        first, _, second = claim.subject.partition(" to ")
        a, b = dates.get(first), dates.get(second)
        if a is None or b is None:
            continue
        da, db = a.effective_value, b.effective_value
        assert isinstance(da, DateValue) and isinstance(db, DateValue)
        if da.precision != "day" or db.precision != "day" or value.kind != "duration":
            continue
        days = abs((db.start - da.start).days)
        unit_days = _UNIT_DAYS.get(value.unit or "", None)
        if unit_days is None or value.low is None:
            continue
        stated_low = value.low * unit_days
        stated_high = (value.high if value.high is not None else math.inf) * unit_days
        slack = unit_days / 2 if unit_days > 1 else 0.0  # "6 weeks" covers 39..45 days; "42 days" exactly 42
        if value.approximate:
            slack = max(slack, APPROXIMATE_TOLERANCE * stated_low)
        if stated_low - slack <= days <= stated_high + slack:
            continue
        inclusive = days + 1
        computation = (
            f"{format_date(da)} to {format_date(db)} is {days} days (counting from one date to the "
            f"other; {inclusive} counting both days); the article says {format_value(value)}"
        )
        findings.append(
            _arithmetic(
                f"{claim.subject} / gap between releases",
                f"the stated gap between {first} and {second} ({format_value(value)}) does not match the article's own "
                f"release dates",
                computation,
                [a, b, claim],
            )
        )
    return findings


# ------------------------------------------------------------------------------------------- price ratios


def price_ratios(claims: Sequence[Claim]) -> list[Finding]:
    """ "Opus 4.6 costs roughly 2x what GPT-5.4 does" against the article's own per-token prices.

    The ratio's two sides are the claim's ``subject`` and ``compared_with``, as extraction read them."""
    prices: dict[tuple[str, str], tuple[Claim, Quantity]] = {}
    for claim in claims:
        value = claim.effective_value
        if claim.subject and claim.metric and "price per" in claim.metric and isinstance(value, Quantity):
            prices.setdefault((claim.subject, claim.metric), (claim, value))
    findings = []
    for claim in claims:
        value = claim.effective_value
        other = claim.compared_with
        if claim.metric != "price ratio" or not claim.subject or not other or other == claim.subject:
            continue
        if not isinstance(value, Quantity):
            continue
        ratios = []
        used = []
        for (subject, metric), (price, amount) in prices.items():
            if subject != claim.subject or (other, metric) not in prices:
                continue
            their_price, their_amount = prices[(other, metric)]
            mine, theirs = _point(amount), _point(their_amount)
            if mine and theirs:
                ratios.append((metric, mine / theirs))
                used.extend([price, their_price])
        if not ratios or value.low is None:
            continue
        stated = _point(value) or value.low
        tolerance = APPROXIMATE_TOLERANCE * stated if value.approximate else (value.precision or 0.1) / 2
        if any(abs(r - stated) <= tolerance + 1e-9 for _, r in ratios):
            continue
        computation = (
            "; ".join(f"{metric.split(' price')[0]}: {r:.2f}x" for metric, r in ratios)
            + f"; the article says {format_value(value)}"
        )
        findings.append(
            _arithmetic(
                f"{claim.subject} / price ratio to {other}",
                f"the stated price ratio of {claim.subject} to {other} ({format_value(value)}) does not match the "
                f"article's own prices",
                computation,
                [*used, claim],
            )
        )
    return findings


# ----------------------------------------------------------------------------------------- doubling rates


def _midpoint_days(value: DateValue) -> float:
    return (value.start.toordinal() + value.end.toordinal()) / 2


def doubling_rates(claims: Sequence[Claim]) -> list[Finding]:
    """ "Doubling every four months" against two dated values of a metric the same article gives."""
    findings: list[Finding] = []
    rates = [
        c
        for c in claims
        if c.metric and "doubling" in c.metric and isinstance(c.effective_value, Quantity) and c.effective_value.rate
    ]
    if not rates:
        return findings
    # each data point with its as-of date and value, typed
    series: dict[str, list[tuple[DateValue, Claim, Quantity]]] = defaultdict(list)
    for claim in claims:
        value = claim.effective_value
        if (
            claim.as_of
            and claim.metric
            and isinstance(value, Quantity)
            and value.kind == "duration"
            and not claim.forecast
            and claim not in rates
        ):
            series[claim.metric].append((claim.as_of, claim, value))
    # the same rate repeated (an FAQ restating the body) is one finding citing every repetition
    grouped: dict[tuple[str | None, str, float | None], list[Claim]] = defaultdict(list)
    for rate in rates:
        value = rate.effective_value
        assert isinstance(value, Quantity)
        grouped[(rate.metric, value.unit or "", _point(value))].append(rate)
    for repeats in grouped.values():
        rate = repeats[0]
        rate_value = rate.effective_value
        assert isinstance(rate_value, Quantity)
        stated = _point(rate_value)
        if stated is None:
            continue
        stated_days = stated * _UNIT_DAYS.get(rate_value.unit or "", 1.0)
        # a rate duration already reads "every 4 months"; any other rate value needs the word
        stated_rate = format_value(rate_value) if rate_value.kind == "duration" else f"every {format_value(rate_value)}"
        for metric, points in series.items():
            points = sorted(points, key=lambda point: point[0].start)
            if len(points) < 2:
                continue
            (d1, first, q1), (d2, last, q2) = points[0], points[-1]
            v1, v2 = _point(q1), _point(q2)
            u1 = _UNIT_DAYS.get(q1.unit or "", None) or _minutes(q1)
            u2 = _UNIT_DAYS.get(q2.unit or "", None) or _minutes(q2)
            if not v1 or not v2 or not u1 or not u2:
                continue
            growth = (v2 * u2) / (v1 * u1)
            elapsed = _midpoint_days(d2) - _midpoint_days(d1)
            if growth <= 1 or elapsed <= 0:
                continue
            implied = elapsed / math.log2(growth)
            tolerance = max(APPROXIMATE_TOLERANCE if rate_value.approximate else 0.0, 0.25)
            if abs(implied - stated_days) <= tolerance * stated_days:
                continue
            computation = (
                f"{format_value(q1)} ({format_date(d1)}) to {format_value(q2)} ({format_date(d2)}) is {growth:.1f}x in "
                f"{elapsed / _MONTH_DAYS:.0f} months = {math.log2(growth):.1f} doublings, one every "
                f"{implied / _MONTH_DAYS:.1f} months; the article says {stated_rate}"
            )
            findings.append(
                _arithmetic(
                    f"{rate.subject + ' / ' if rate.subject else ''}{rate.metric}",
                    f"the stated doubling time does not fit the article's own data points for {metric}",
                    computation,
                    [first, last, *repeats],
                )
            )
    return findings


def _minutes(value: Quantity) -> float | None:
    return {"minutes": 1 / 1440, "hours": 1 / 24, "seconds": 1 / 86400}.get(value.unit or "")


# ---------------------------------------------------------------------------------------- after publication


def after_publication(source: Source, claims: Sequence[Claim]) -> list[Finding]:
    """Facts an article states as of, or in the past tense about, a date after its own publication date."""
    if source.published is None:
        return []
    findings = []
    for claim in claims:
        if claim.forecast:
            continue
        value = claim.effective_value
        dated: DateValue | None = None
        if claim.as_of is not None and claim.as_of.start > source.published:
            dated = claim.as_of
            what = f"{format_value(value)}" + (f" ({claim.metric})" if claim.metric else "")
            how = f"{what} is given as of {format_date(dated)}"
        elif (
            isinstance(value, DateValue)
            and value.start > source.published
            and not value.relative
            and (value.marker == "as_of" or claim.past_event)
        ):
            dated = value
            how = (
                f"a fact is stated as of {format_date(dated)}"
                if value.marker == "as_of"
                else f"{format_date(dated)} is reported in the past tense"
            )
        if dated is None:
            continue
        days = (dated.start - source.published).days
        topic = (
            f"{claim.subject} / {claim.metric}"
            if claim.subject and claim.metric
            else (claim.metric or claim.subject or "date")
        )
        findings.append(
            Finding(
                id=finding_id("temporal", topic, [claim.id]),
                kind="temporal",
                status="conflict",
                topic=topic,
                message=f"{topic}: {how}, {days} day{'s' if days != 1 else ''} after the article's own publication "
                f"date ({source.published.isoformat()})",
                computation=f"{format_date(dated)} - {source.published.isoformat()} = {days} days; the article cannot "
                f"know it yet",
                claims=(cite(claim),),
            )
        )
    return findings
