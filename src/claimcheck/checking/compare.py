"""Interval comparison: what two values say together.

Owns turning a ``Quantity`` or ``DateValue`` into the interval of what it allows (its stated bounds widened by the
rounding its precision implies, and by a tolerance when it is hedged as approximate), and the verdict on two of
them: ``conflict`` (disjoint), ``compatible`` (overlapping, with the intersection as the reconciled value) or
``agree`` (the same value within precision). Pure functions; no knowledge of claims or sources.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from ..models import DateValue, Quantity, Status

APPROXIMATE_TOLERANCE = 0.10  # "about 8x" allows 7.2x..8.8x; documented in the README
_DAYS = {
    "seconds": 1 / 86400,
    "minutes": 1 / 1440,
    "hours": 1 / 24,
    "days": 1.0,
    "weeks": 7.0,
    "months": 365.25 / 12,
    "quarters": 365.25 / 4,
    "years": 365.25,
}


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of real numbers: bounds may be open, closed or absent (None = unbounded)."""

    low: float | None
    high: float | None
    low_closed: bool = True
    high_closed: bool = True

    def is_point(self) -> bool:
        return self.low is not None and self.low == self.high

    def intersect(self, other: Interval) -> Interval | None:
        low, low_closed = _max_low(self, other)
        high, high_closed = _min_high(self, other)
        if low is not None and high is not None:
            if low > high or (low == high and not (low_closed and high_closed)):
                return None
        return Interval(low, high, low_closed, high_closed)

    def gap(self, other: Interval) -> float:
        """Distance between two disjoint intervals (0 when they touch or overlap)."""
        if self.high is not None and other.low is not None and self.high < other.low:
            return other.low - self.high
        if other.high is not None and self.low is not None and other.high < self.low:
            return self.low - other.high
        return 0.0


def _max_low(a: Interval, b: Interval) -> tuple[float | None, bool]:
    if a.low is None:
        return b.low, b.low_closed
    if b.low is None:
        return a.low, a.low_closed
    if a.low > b.low:
        return a.low, a.low_closed
    if b.low > a.low:
        return b.low, b.low_closed
    return a.low, a.low_closed and b.low_closed


def _min_high(a: Interval, b: Interval) -> tuple[float | None, bool]:
    if a.high is None:
        return b.high, b.high_closed
    if b.high is None:
        return a.high, a.high_closed
    if a.high < b.high:
        return a.high, a.high_closed
    if b.high < a.high:
        return b.high, b.high_closed
    return a.high, a.high_closed and b.high_closed


def scale_of(value: Quantity) -> float:
    """Factor that brings a value to its comparison unit: fractions compare as percent, durations in days."""
    if value.kind == "fraction":
        return 100.0
    if value.kind == "duration":
        return _DAYS.get(value.unit or "", 1.0)
    return 1.0


def stated_interval(value: Quantity | DateValue) -> Interval:
    """The bounds as written, with no rounding tolerance: what the reconciled value is built from."""
    if isinstance(value, DateValue):
        return Interval(float(value.start.toordinal()), float(value.end.toordinal()))
    k = scale_of(value)
    low = None if value.low is None else value.low * k
    high = None if value.high is None else value.high * k
    return Interval(low, high, value.low_inclusive, value.high_inclusive)


def allowed_interval(value: Quantity | DateValue) -> Interval:
    """Everything the value allows: stated bounds widened by half the rounding step and approximation."""
    stated = stated_interval(value)
    if isinstance(value, DateValue):
        if value.precision == "day" and stated.low is not None and stated.high is not None:
            # one event reported on adjacent days ("late on the 9th" in San Francisco is the 10th in Beijing):
            # a day allows half a day either side, so dates one day apart meet and two days apart do not
            return Interval(stated.low - 0.5, stated.high + 0.5)
        return stated
    k = scale_of(value)
    half_step = (value.precision or 0.0) * k / 2
    magnitude = (
        max(abs(x) for x in (stated.low, stated.high) if x is not None)
        if (stated.low is not None or stated.high is not None)
        else 0.0
    )
    slack = max(half_step, APPROXIMATE_TOLERANCE * magnitude) if value.approximate else half_step
    if value.kind == "fraction" and value.precision is None:
        slack = max(slack, 0.5)  # "a third" is 33.3% give or take rounding of the fraction itself
    # hedged bounds ("over 80%") are exact limits, not rounded figures: only closed bounds get rounding slack
    low = None if stated.low is None else stated.low - (slack if stated.low_closed or value.approximate else 0.0)
    high = None if stated.high is None else stated.high + (slack if stated.high_closed or value.approximate else 0.0)
    # a rounded figure stands for [x - step/2, x + step/2): "75%" and "76%" must not meet at 75.5, and binary
    # noise must not make them overlap either (0.6 - 0.05 is 0.5499999999999999, but "0.6%" starts at 0.55)
    rounded = half_step > 0 and slack == half_step and not value.approximate
    if rounded:
        low = None if low is None else float(f"{low:.15g}")
        high = None if high is None else float(f"{high:.15g}")
    high_closed = stated.high_closed and not (rounded and high is not None and low is not None and low < high)
    binary = _BINARY_SUFFIX.search(value.text) if value.unit in ("tokens", "token") else None
    if binary and high is not None:
        # a context of "128K tokens" is often 131,072 (128 x 1,024) and "1M" 1,048,576: both readings hold
        high = max(high, (stated.high or high) * (1.024 if binary.group(1) in "Kk" else 1.048576))
    return Interval(low, high, stated.low_closed, high_closed)


_BINARY_SUFFIX = re.compile(r"\d\s?([KkM])(?![A-Za-z])")


def _rounding_interval(value: Quantity | DateValue) -> Interval:
    """A point value widened by its rounding step only (no allowance for hedges), closed at both ends."""
    if isinstance(value, DateValue) or value.low is None:
        return stated_interval(value)
    k = scale_of(value)
    half = (value.precision or 0.0) * k / 2
    return Interval(value.low * k - half, value.low * k + half)


def difference(a: Quantity | DateValue, b: Quantity | DateValue) -> tuple[float, float | None]:
    """Size of a disagreement: (absolute gap between the stated intervals, gap relative to the larger value)."""
    sa, sb = stated_interval(a), stated_interval(b)
    gap = sa.gap(sb)
    if isinstance(a, DateValue):
        return gap, None
    magnitude = max((abs(x) for x in (sa.low, sa.high, sb.low, sb.high) if x is not None), default=0.0)
    return gap, (gap / magnitude if magnitude else None)


def ordinal_to_date(x: float) -> dt.date:
    return dt.date.fromordinal(int(math.floor(x)))


def group_verdict(values: list[Quantity | DateValue]) -> tuple[Status, tuple[int, int] | None]:
    """The worst pairwise verdict over a group, in linear time, and the widest-apart pair.

    Two values ``conflict`` when their allowed intervals are disjoint, ``agree`` when their stated intervals are
    equal (or both are points equal within the precision both were written with, "75%" and "75.0%"), and are
    ``compatible`` otherwise.

    Intervals on a line overlap pairwise exactly when they all share a point (Helly's theorem in one
    dimension), so the group is in conflict iff the intersection of all allowed intervals is empty, and the pair
    furthest apart is the one with the highest low bound against the one with the lowest high bound. Agreement
    needs every pair to agree: one stated interval for all, or points whose rounding intervals share a point.
    Equivalent to checking every pair (a property test holds it to that), without the quadratic cost.
    """
    return GroupStats.of(values).verdict()


_Bound = tuple[float, int]  # (bound, position in the group)


@dataclass(frozen=True, slots=True)
class GroupStats:
    """Everything ``group_verdict`` and the reconciled value need from a group, in a form two groups can be merged in.

    A topic's undated claims are compared with every dated slice: their stats are computed once and merged
    with each slice's (``merge``, constant time) instead of re-reading every undated value per slice.
    """

    size: int
    allowed: Interval | None  # intersection of the allowed intervals (None: empty, a conflict)
    stated: Interval | None  # intersection of the stated intervals (the reconciled value)
    first_stated: Interval
    same_stated: bool  # every stated interval equals the first
    points: bool  # every stated interval is a point
    rounding: Interval | None  # intersection of the rounding intervals (meaningful when ``points``)
    lows: tuple[_Bound, ...]  # the two highest (stated low, position), highest first
    highs: tuple[_Bound, ...]  # the two lowest (stated high, position), lowest first

    @classmethod
    def of(cls, values: list[Quantity | DateValue], offset: int = 0) -> GroupStats:
        stats: GroupStats | None = None
        for i, value in enumerate(values):
            one = cls.single(value, offset + i)
            stats = one if stats is None else stats.merge(one)
        if stats is None:
            raise ValueError("no values")
        return stats

    @classmethod
    def single(cls, value: Quantity | DateValue, position: int) -> GroupStats:
        stated = stated_interval(value)
        return cls(
            size=1,
            allowed=allowed_interval(value),
            stated=stated,
            first_stated=stated,
            same_stated=True,
            points=stated.is_point(),
            rounding=_rounding_interval(value),
            lows=((stated.low if stated.low is not None else -math.inf, position),),
            highs=((stated.high if stated.high is not None else math.inf, position),),
        )

    def merge(self, other: GroupStats) -> GroupStats:
        """The stats of this group followed by ``other`` (whose positions come after this group's)."""
        return GroupStats(
            size=self.size + other.size,
            allowed=_meet(self.allowed, other.allowed),
            stated=_meet(self.stated, other.stated),
            first_stated=self.first_stated,
            same_stated=self.same_stated and other.same_stated and other.first_stated == self.first_stated,
            points=self.points and other.points,
            rounding=_meet(self.rounding, other.rounding),
            lows=tuple(sorted((*self.lows, *other.lows), reverse=True)[:2]),
            highs=tuple(sorted((*self.highs, *other.highs))[:2]),
        )

    def verdict(self) -> tuple[Status, tuple[int, int] | None]:
        if self.size < 2:
            return "agree", None
        if self.allowed is None:
            return "conflict", self.widest_pair()
        if self.same_stated:
            return "agree", None
        if self.points and self.rounding is not None:
            return "agree", None
        return "compatible", None

    def widest_pair(self) -> tuple[int, int]:
        """Positions of the two values furthest apart: highest stated low vs lowest stated high."""
        i = self.lows[0][1]
        j = self.highs[0][1]
        if i == j and len(self.highs) > 1:  # one value is both; take the lowest high among the others
            j = self.highs[1][1]
        return (j, i) if j != i else (0, 1)

    def reconciled(self) -> Interval | None:
        """What all values allow together: the stated intervals' intersection, else the allowed ones'."""
        return self.stated if self.stated is not None else self.allowed


def _meet(a: Interval | None, b: Interval | None) -> Interval | None:
    return a.intersect(b) if a is not None and b is not None else None
