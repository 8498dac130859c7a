"""A percentage written before its number ("per cent of twenty"), and the readings it must leave alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.values.quantities import find_quantities, format_quantity


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Tariffs were set at percent of 15.", "percent of 15", 15.0),
        ("The levy is per cent of twelve.", "per cent of twelve", 12.0),
        ("Growth was measured in percents of thirty-five.", "percents of thirty-five", 35.0),
    ],
)
def test_percent_before_its_number(sentence: str, span: str, value: float) -> None:
    found = [m.value for m in find_quantities(sentence)]
    assert [(v.text, v.kind, v.low, v.high) for v in found] == [(span, "percent", value, value)]


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("About 10 percent of 20 users left.", ["About 10 percent", "20 users"]),  # a base after a percentage
        ("What percent of 40 is 10?", ["40", "10"]),  # a question: 40 is the base
        ("The percent of 12 startups that failed.", ["12 startups"]),  # a count
    ],
)
def test_other_readings_stay(sentence: str, texts: list[str]) -> None:
    found = [m.value for m in find_quantities(sentence)]
    assert [v.text for v in found] == texts
    assert all(v.kind != "percent" or v.text.startswith("About") for v in found)


@given(st.integers(1, 999))
def test_inverted_percent_reads_back(n: int) -> None:
    (m,) = find_quantities(f"It was fixed at percent of {n}.")
    assert (m.value.kind, m.value.low) == ("percent", n)
    (again,) = find_quantities(format_quantity(m.value))
    assert (again.value.kind, again.value.low, again.value.high) == ("percent", n, n)
