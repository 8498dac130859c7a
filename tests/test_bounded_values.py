"""Numbers a float cannot hold (hundreds of digits, hundreds of decimals) are not values: never a crash, never inf."""

from __future__ import annotations

import math

import pytest

from claimcheck.values.quantities import MAX_MAGNITUDE, find_quantities, format_quantity, words_to_number


@pytest.mark.parametrize(
    "text",
    [
        "The model scored " + "9" * 309 + "% on the test.",
        "Revenue was $" + "9" * 400 + "B last year.",
        "It ran " + "1" * 30 + "x faster.",
        "Between 5 and " + "7" * 60 + " users signed up.",
        "Accuracy was 0." + "0" * 400 + "1% on the test.",
        "Accuracy was 12." + "5" * 40 + "% on the test.",
    ],
)
def test_absurd_numbers_are_skipped_or_finite(text: str) -> None:
    for match in find_quantities(text):
        q = match.value
        for bound in (q.low, q.high):
            assert bound is None or (math.isfinite(bound) and abs(bound) <= MAX_MAGNITUDE)
        assert q.precision is None or q.precision > 0
        format_quantity(q)  # renders without OverflowError or a math domain error


def test_number_words_that_multiply_without_end_are_not_a_number() -> None:
    assert words_to_number(" ".join(["hundred"] * 400)) is None
    assert words_to_number("two thousand") == 2000.0
