"""Tests for interval comparison (``claimcheck.checking.compare``): specific verdicts on values as articles write them,
and the properties every verdict must have (symmetric, ``agree`` reflexive, containment, disjointness)."""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimcheck.checking.compare import (
    APPROXIMATE_TOLERANCE,
    GroupStats,
    Interval,
    _rounding_interval,
    allowed_interval,
    difference,
    group_verdict,
    stated_interval,
)
from claimcheck.models import DateValue, Quantity, QuantityKind, Status

from .conftest import parse_quantity

D = dt.date


def compare_values(a: Quantity | DateValue, b: Quantity | DateValue) -> Status:
    """The verdict on two values: the library's ``group_verdict`` of the pair, checked against the pairwise
    definition below on every call."""
    status = _pairwise_verdict(a, b)
    assert group_verdict([a, b])[0] == status
    return status


def _pairwise_verdict(a: Quantity | DateValue, b: Quantity | DateValue) -> Status:
    """The verdict defined pair by pair: the reference the library's linear-time ``group_verdict`` is held to
    (the library itself only ever compares whole groups)."""
    ia, ib = allowed_interval(a), allowed_interval(b)
    if ia.intersect(ib) is None:
        return "conflict"
    sa, sb = stated_interval(a), stated_interval(b)
    if sa == sb:
        return "agree"
    if sa.is_point() and sb.is_point():
        # equal within the precision both were written with ("75%" and "75.0%"), not merely within the room a
        # hedge makes ("about 27%" and "30%" overlap, but that is compatible, not agreement)
        ra, rb = _rounding_interval(a), _rounding_interval(b)
        return "agree" if ra.intersect(rb) is not None else "compatible"
    if (
        isinstance(a, DateValue)
        and isinstance(b, DateValue)
        and a.precision == b.precision
        and (a.start, a.end) == (b.start, b.end)
    ):
        return "agree"
    return "compatible"


def reconcile(values: list[Quantity | DateValue]) -> Interval | None:
    """What the library reports as a group's reconciled value."""
    return GroupStats.of(values).reconciled() if values else None


def q(text: str) -> Quantity:
    value = parse_quantity(text)
    assert value is not None, text
    return value


def date(text: str, start: dt.date, end: dt.date | None = None, precision: Any = "day", **kw: Any) -> DateValue:
    return DateValue(start=start, end=end or start, precision=precision, text=text, **kw)


def ordinal(d: dt.date) -> float:
    return float(d.toordinal())


YEAR_2024 = date("2024", D(2024, 1, 1), D(2024, 12, 31), "year")
MAY_2025 = date("May 2025", D(2025, 5, 1), D(2025, 5, 31), "month")
MAY_28_2025 = date("May 28, 2025", D(2025, 5, 28))
FEB_5_INFERRED = date("February 5", D(2026, 2, 5), year_from="publication")
FEB_5_2026 = date("February 5, 2026", D(2026, 2, 5))

# ------------------------------------------------------------------------------------------ specific verdicts


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        # ranges and hedges
        ("70-90%", "over 80%", "compatible"),
        ("70-90%", "85%", "compatible"),
        ("70-90%", "95%", "conflict"),
        ("70-90%", "between 70 and 90%", "agree"),
        ("over 80%", "80%", "compatible"),  # "80%" may be 80.3%
        ("over 80%", "79%", "conflict"),
        ("at least 80%", "79%", "conflict"),
        ("at least 80%", "80%", "compatible"),
        ("less than 10%", "12%", "conflict"),
        ("less than 10%", "4%", "compatible"),
        ("under 5 minutes", "5 minutes", "compatible"),
        ("nearly 100%", "95%", "compatible"),
        ("nearly 100%", "20%", "conflict"),
        ("nearly 100%", "100%", "compatible"),
        ("70+ features", "52 features", "conflict"),
        ("50% or more", "60%", "compatible"),
        # precision: a rounded figure stands for [x - step/2, x + step/2)
        ("75%", "75.0%", "agree"),
        ("75%", "75.4%", "agree"),
        ("75.0%", "75.4%", "conflict"),
        ("75%", "76%", "conflict"),
        ("83.0%", "83%", "agree"),
        ("57.7%", "55.6%", "conflict"),
        ("57.7%", "57.8%", "conflict"),
        ("0.5%", "0.6%", "conflict"),  # 0.6 - 0.05 is 0.5499999999999999 in binary: must not touch 0.55
        ("8.00%", "8.01%", "conflict"),
        ("$2.50/M tokens", "$2.5 per million tokens", "agree"),
        ("$2.50/M tokens", "$2.75/M tokens", "conflict"),
        ("272K", "272,000", "agree"),
        ("$1.5 billion", "$1.5bn", "agree"),
        ("$1.5 billion", "$1.7 billion", "conflict"),
        # multipliers, words and approximation
        ("eight times", "8x", "agree"),
        ("approximately eight times", "8x", "agree"),
        ("about 8x", "8.5x", "agree"),  # within the 10% tolerance of "about"
        ("about 8x", "9x", "agree"),  # 9x rounds from [8.5, 9.5), about 8x reaches 8.8
        ("about 8x", "10x", "conflict"),
        ("8x", "9x", "conflict"),
        ("twice", "2x", "agree"),
        ("427x", "400x", "conflict"),
        ("about 27%", "30%", "compatible"),  # within the hedge, not equal within rounding
        ("about 27%", "27%", "agree"),
        ("about 27%", "31%", "conflict"),
        # fractions compare as percent
        ("a third", "33%", "agree"),
        ("one-third", "33.3%", "agree"),
        ("two-thirds", "67%", "agree"),
        ("half", "50%", "agree"),
        ("a third", "50%", "conflict"),
        ("two-thirds", "70-90%", "conflict"),
        # durations compare in days
        ("6 months", "26 weeks", "agree"),
        ("4 minutes", "90 minutes", "conflict"),
        ("52 days", "8 weeks", "conflict"),
        ("12-18 months", "1 year", "compatible"),
        ("12-18 months", "3 years", "conflict"),
        ("within six months", "90 days", "compatible"),
        ("90-minute", "1.5 hours", "agree"),
        # scores and points
        ("+144 Elo", "+144 Elo", "agree"),
        ("+144 Elo", "+100 Elo", "conflict"),
        ("23-point", "23 pp", "agree"),
        # token counts: a "K" or "M" of tokens may be binary (128K = 131,072; 1M = 1,048,576), nothing more
        ("128K tokens", "200K tokens", "conflict"),
        ("128,000 tokens", "131,072 tokens", "conflict"),  # written out in full: no binary reading
        ("128K parameters", "131,072 parameters", "conflict"),  # only token counts are binary
    ],
)
def test_specific_verdicts(a: str, b: str, status: str) -> None:
    qa, qb = q(a), q(b)
    assert compare_values(qa, qb) == status
    assert compare_values(qb, qa) == status


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("a third", "33%"),
        ("6 months", "26 weeks"),
        ("two-thirds", "66%"),
        ("a quarter", "25%"),
        ("128K tokens", "131,072 tokens"),  # a binary K of tokens
        ("up to 128K tokens", "131.1K tokens"),
        ("1M tokens", "1,048,576 tokens"),
    ],
)
def test_agree_or_compatible(a: str, b: str) -> None:
    assert compare_values(q(a), q(b)) in ("agree", "compatible")


def test_range_and_lower_bound_reconcile_to_the_open_interval() -> None:
    a, b = q("70-90%"), q("over 80%")
    assert compare_values(a, b) == "compatible"
    assert reconcile([a, b]) == Interval(80.0, 90.0, low_closed=False, high_closed=True)


def test_reconcile_of_three_claims() -> None:
    values = [q("70-90%"), q("over 80%"), q("up to 85%")]
    assert reconcile(values) == Interval(80.0, 85.0, low_closed=False, high_closed=True)


def test_reconcile_falls_back_to_rounding_when_stated_bounds_miss() -> None:
    """ "75%" and "75.4%" do not meet as written, but 75.4% rounds to 75%: the overlap of what they allow."""
    result = reconcile([q("75%"), q("75.4%")])
    assert result is not None
    assert result.low == pytest.approx(75.35) and result.high == pytest.approx(75.45)


def test_reconcile_of_a_conflict_is_none() -> None:
    assert reconcile([q("75%"), q("90%")]) is None
    assert reconcile([]) is None


# ------------------------------------------------------------------------------------------- dates


def test_year_and_later_month_conflict_with_a_121_day_gap() -> None:
    assert compare_values(YEAR_2024, MAY_2025) == "conflict"
    assert compare_values(MAY_2025, YEAR_2024) == "conflict"
    gap, relative = difference(YEAR_2024, MAY_2025)
    assert gap == 121.0  # Dec 31, 2024 -> May 1, 2025
    assert relative is None
    assert difference(MAY_2025, YEAR_2024) == (121.0, None)


def test_inferred_year_agrees_with_explicit_year() -> None:
    assert compare_values(FEB_5_INFERRED, FEB_5_2026) == "agree"


def test_month_and_day_inside_it_are_compatible() -> None:
    assert compare_values(MAY_2025, MAY_28_2025) == "compatible"
    assert reconcile([MAY_2025, MAY_28_2025]) == Interval(ordinal(D(2025, 5, 28)), ordinal(D(2025, 5, 28)))


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        (YEAR_2024, date("March 2024", D(2024, 3, 1), D(2024, 3, 31), "month"), "compatible"),
        (YEAR_2024, date("2024", D(2024, 1, 1), D(2024, 12, 31), "year", marker="in"), "agree"),
        (date("Q1 2026", D(2026, 1, 1), D(2026, 3, 31), "quarter"), FEB_5_2026, "compatible"),
        (date("early 2026", D(2026, 1, 1), D(2026, 4, 30), "part-of-year"), FEB_5_2026, "compatible"),
        (date("March 5, 2026", D(2026, 3, 5)), FEB_5_2026, "conflict"),
        # adjacent days can be one event in two time zones; two days apart cannot
        (date("Feb 4, 2026", D(2026, 2, 4)), FEB_5_2026, "compatible"),
        (date("Feb 3, 2026", D(2026, 2, 3)), FEB_5_2026, "conflict"),
        (date("2021-2025", D(2021, 1, 1), D(2025, 12, 31), "range"), YEAR_2024, "compatible"),
    ],
)
def test_date_verdicts(a: DateValue, b: DateValue, status: str) -> None:
    assert compare_values(a, b) == status
    assert compare_values(b, a) == status


def test_adjacent_days_are_a_one_day_gap() -> None:
    assert difference(date("Feb 4, 2026", D(2026, 2, 4)), FEB_5_2026) == (1.0, None)


# ---------------------------------------------------------------------------------------- intervals


def test_allowed_interval_widens_by_half_the_rounding_step() -> None:
    assert allowed_interval(q("75%")) == Interval(74.5, 75.5, True, False)
    wide = allowed_interval(q("75.0%"))
    assert (wide.low, wide.high) == (pytest.approx(74.95), pytest.approx(75.05))


def test_allowed_interval_of_approximate_values_uses_the_tolerance() -> None:
    i = allowed_interval(q("about 8x"))
    assert (i.low, i.high) == (pytest.approx(8 * (1 - APPROXIMATE_TOLERANCE)), pytest.approx(8 * 1.1))
    assert i.low_closed and i.high_closed


def test_hedged_bounds_are_exact_limits() -> None:
    assert allowed_interval(q("over 80%")) == Interval(80.0, None, False, True)
    i = allowed_interval(q("less than 10%"))
    assert i.high == 10.0 and not i.high_closed


def test_fractions_and_durations_are_scaled() -> None:
    assert stated_interval(q("a third")).low == pytest.approx(100 / 3)
    assert stated_interval(q("2 weeks")) == Interval(14.0, 14.0)
    assert stated_interval(q("36 hours")) == Interval(1.5, 1.5)


def test_difference_is_absolute_and_relative() -> None:
    gap, relative = difference(q("70.9%"), q("83.0%"))
    assert gap == pytest.approx(12.1)
    assert relative == pytest.approx(12.1 / 83.0)
    assert difference(q("70-90%"), q("over 80%")) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (Interval(1, 2), Interval(2, 3), Interval(2, 2)),
        (Interval(1, 2, high_closed=False), Interval(2, 3), None),
        (Interval(1, None), Interval(None, 0), None),
        (Interval(None, None), Interval(5, 6), Interval(5, 6)),
        (Interval(1, 5, low_closed=False), Interval(1, 3), Interval(1, 3, low_closed=False)),
    ],
)
def test_interval_intersect(a: Interval, b: Interval, expected: Interval | None) -> None:
    assert a.intersect(b) == expected
    assert b.intersect(a) == expected


def test_interval_gap() -> None:
    assert Interval(1, 2).gap(Interval(5, 6)) == 3
    assert Interval(5, 6).gap(Interval(1, 2)) == 3
    assert Interval(1, 5).gap(Interval(2, 3)) == 0


# ---------------------------------------------------------------------------------------------- properties

KINDS = list(get_args(QuantityKind))
TIME_UNITS = ["seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years"]
finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
precisions = st.one_of(st.none(), st.sampled_from([0.001, 0.01, 0.1, 1.0, 1e3, 1e6]))


@st.composite
def quantities(draw: st.DrawFn, kind: str | None = None) -> Quantity:
    kind = kind or draw(st.sampled_from(KINDS))
    low = draw(st.one_of(st.none(), finite))
    high = draw(st.one_of(st.none(), finite))
    if low is not None and high is not None and low > high:
        low, high = high, low
    point = low is not None and low == high
    return Quantity(
        kind=kind,
        low=low,
        high=high,
        low_inclusive=True if point else draw(st.booleans()),
        high_inclusive=True if point else draw(st.booleans()),
        approximate=draw(st.booleans()),
        unit=draw(st.sampled_from(TIME_UNITS)) if kind == "duration" else "%",
        text="q",
        precision=draw(precisions),
    )


days = st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31))


@st.composite
def date_values(draw: st.DrawFn) -> DateValue:
    a, b = sorted([draw(days), draw(days)])
    return DateValue(
        start=a,
        end=b,
        precision=draw(st.sampled_from(["day", "month", "year", "range"])),
        text="d",
        year_from=draw(st.sampled_from(["explicit", "context", "publication"])),
    )


values = st.one_of(quantities(), date_values())


@given(values)
def test_agree_is_reflexive(value: Quantity | DateValue) -> None:
    assert compare_values(value, value) == "agree"
    assert compare_values(value, value.model_copy(update={"text": "the same, written differently"})) == "agree"


@given(st.one_of(st.tuples(quantities(), quantities()), st.tuples(date_values(), date_values())))
def test_compare_is_symmetric(pair: tuple[Any, Any]) -> None:
    a, b = pair
    assert compare_values(a, b) == compare_values(b, a)


@given(st.sampled_from(KINDS).flatmap(lambda k: st.tuples(quantities(k), quantities(k))))
def test_same_kind_is_symmetric(pair: tuple[Quantity, Quantity]) -> None:
    a, b = pair
    assert compare_values(a, b) == compare_values(b, a)
    assert difference(a, b)[0] == difference(b, a)[0]


@given(st.tuples(quantities(), quantities()))
def test_not_conflicting_means_something_reconciles(pair: tuple[Quantity, Quantity]) -> None:
    a, b = pair
    if compare_values(a, b) != "conflict":
        assert reconcile([a, b]) is not None
    else:
        assert reconcile([a, b]) is None


def _range(low: float, high: float, precision: float | None = None) -> Quantity:
    return Quantity(kind="percent", low=low, high=high, unit="%", text="r", precision=precision)


bounded = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(bounded, bounded, st.floats(0, 1), precisions)
def test_point_inside_a_range_is_compatible(a: float, b: float, t: float, precision: float | None) -> None:
    low, high = sorted([a, b])
    x = low + (high - low) * t
    assume(low <= x <= high)
    range_value = _range(low, high, precision)
    point = _range(x, x, precision)
    expected = "agree" if low == high else "compatible"
    assert compare_values(range_value, point) == expected
    assert compare_values(point, range_value) == expected


@given(bounded, bounded, st.floats(min_value=1e-3, max_value=1e6), bounded)
def test_disjoint_intervals_conflict(a: float, b: float, gap: float, width: float) -> None:
    low, high = sorted([a, b])
    other_low = high + gap
    assume(other_low > high)
    first = _range(low, high)
    second = _range(other_low, other_low + width)
    assert compare_values(first, second) == "conflict"
    assert difference(first, second)[0] == pytest.approx(other_low - high)


@given(
    st.integers(0, 100_000),
    st.integers(1, 1000),
    st.integers(0, 3),
    st.sampled_from(["%", "x", " days", "$"]),
)
def test_rounded_neighbours_conflict(n: int, steps: int, places: int, unit: str) -> None:
    """Figures written to the same precision that differ by at least one step never agree ("75%", "76%")."""

    def spell(k: int) -> str:
        number = f"{k / 10**places:.{places}f}"
        return f"${number}" if unit == "$" else number + unit

    a, b = q(spell(n)), q(spell(n + steps))
    assert a.precision == b.precision == pytest.approx(10.0**-places)
    assert compare_values(a, b) == "conflict"


@given(date_values(), st.floats(0, 1), st.floats(0, 1))
def test_dates_inside_a_span_are_compatible(outer: DateValue, s: float, t: float) -> None:
    length = (outer.end - outer.start).days
    first, last = sorted([round(s * length), round(t * length)])
    inner = DateValue(
        start=outer.start + dt.timedelta(days=first),
        end=outer.start + dt.timedelta(days=last),
        precision="day",
        text="inner",
    )
    status = compare_values(outer, inner)
    if (outer.start, outer.end) == (inner.start, inner.end):
        assert status == "agree"
    else:
        assert status == "compatible"


@given(date_values(), st.integers(1, 5000), st.integers(0, 400))
def test_disjoint_dates_conflict_by_their_gap(a: DateValue, gap: int, length: int) -> None:
    start = a.end + dt.timedelta(days=gap)
    b = DateValue(start=start, end=start + dt.timedelta(days=length), precision="range", text="later")
    assert compare_values(a, b) == "conflict"
    assert difference(a, b) == ((b.start - a.end).days, None)


# --------------------------------------------------------------------- group verdict == worst pairwise verdict

from hypothesis import given as _given  # noqa: E402
from hypothesis import settings as _settings  # noqa: E402
from hypothesis import strategies as _st  # noqa: E402

from claimcheck.checking.compare import difference as _difference  # noqa: E402
from claimcheck.checking.compare import group_verdict as _group_verdict  # noqa: E402

_RANKS = {"agree": 0, "compatible": 1, "conflict": 2}


@_st.composite
def _percent(draw):  # type: ignore[no-untyped-def]
    low = draw(_st.integers(0, 30))
    width = draw(_st.sampled_from([0, 0, 0, 2, 5]))
    form = draw(_st.sampled_from(["point", "range", "over", "under", "about", "nearly"]))
    precision = draw(_st.sampled_from([1.0, 0.1]))
    if form == "range" and width:
        return Quantity(kind="percent", low=low, high=low + width, unit="%", text="r", precision=precision)
    if form == "over":
        return Quantity(kind="percent", low=low, high=None, low_inclusive=False, unit="%", text="o", precision=1.0)
    if form == "under":
        return Quantity(kind="percent", low=0, high=low, high_inclusive=False, unit="%", text="u", precision=1.0)
    if form == "nearly":
        return Quantity(
            kind="percent",
            low=low * 0.9,
            high=low,
            high_inclusive=False,
            approximate=True,
            unit="%",
            text="n",
            precision=1.0,
        )
    return Quantity(
        kind="percent", low=low, high=low, unit="%", text="p", precision=precision, approximate=form == "about"
    )


@_settings(max_examples=400, deadline=None)
@_given(_st.lists(_percent(), min_size=2, max_size=7))
def test_group_verdict_equals_the_worst_pairwise_verdict(values) -> None:  # type: ignore[no-untyped-def]
    pairwise = max((_pairwise_verdict(a, b) for i, a in enumerate(values) for b in values[i + 1 :]), key=_RANKS.get)
    status, pair = _group_verdict(values)
    assert status == pairwise
    if status == "conflict":
        assert pair is not None
        widest = max(_difference(a, b)[0] for i, a in enumerate(values) for b in values[i + 1 :])
        assert _difference(values[pair[0]], values[pair[1]])[0] == widest
