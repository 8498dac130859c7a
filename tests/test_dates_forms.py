"""Numeric dates and their day/month rule, quarter-after-year, lowercase months, relative periods, day ranges."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.values.dates import find_dates, format_date, numeric_convention, parse_date

PUB = date(2026, 3, 11)  # a Wednesday


def _one(text: str, **kwargs):
    found = find_dates(text, published=PUB, **kwargs)
    assert len(found) == 1, [m.value.text for m in found]
    return found[0].value


@pytest.mark.parametrize(
    ("sentence", "span", "start", "end"),
    [
        # numeric dates: unambiguous when a part is over 12, or both parts are equal
        ("The filing is dated 02/22/2016 in the record.", "02/22/2016", date(2016, 2, 22), date(2016, 2, 22)),
        ("The filing is dated 21/04/2016 in the record.", "21/04/2016", date(2016, 4, 21), date(2016, 4, 21)),
        ("It was signed 21-04-16 by both sides.", "21-04-16", date(2016, 4, 21), date(2016, 4, 21)),
        ("The memo of 05/05/89 resurfaced.", "05/05/89", date(1989, 5, 5), date(1989, 5, 5)),
        ("A dated note 13.5.2015 was found.", "13.5.2015", date(2015, 5, 13), date(2015, 5, 13)),
        # a year and a month in numbers
        ("Sales were booked 2015-3 in full.", "2015-3", date(2015, 3, 1), date(2015, 3, 31)),
        ("Sales were booked 3/2015 in full.", "3/2015", date(2015, 3, 1), date(2015, 3, 31)),
        # quarter and half after the year
        ("Revenue for 2016 Q3 was flat.", "2016 Q3", date(2016, 7, 1), date(2016, 9, 30)),
        ("Revenue for 2016H2 was flat.", "2016H2", date(2016, 7, 1), date(2016, 12, 31)),
        # lowercase month names (not "may" or "march")
        ("the launch slipped to june 2016 after tests", "june 2016", date(2016, 6, 1), date(2016, 6, 30)),
        ("filed on january 12th, 2016 with the court", "january 12th, 2016", date(2016, 1, 12), date(2016, 1, 12)),
        # a day range whose month is written once
        ("Talks ran from 4 to 22 January, 1995 in Geneva.", "from 4 to 22 January, 1995", date(1995, 1, 4),
         date(1995, 1, 22)),
        ("Talks ran between 4 and 22 January 1995.", "between 4 and 22 January 1995", date(1995, 1, 4),
         date(1995, 1, 22)),
        ("Talks ran from 4 to January 22, 1995.", "from 4 to January 22, 1995", date(1995, 1, 4), date(1995, 1, 22)),
        # relative periods, against the publication date
        ("Expect news in the next 3 days.", "next 3 days", date(2026, 3, 12), date(2026, 3, 14)),
        ("Shares fell over the past two weeks.", "past two weeks", date(2026, 2, 25), date(2026, 3, 10)),
        ("Hiring grew in the last 3 years.", "last 3 years", date(2023, 3, 11), date(2026, 3, 10)),
        ("The update ships this weekend.", "this weekend", date(2026, 3, 14), date(2026, 3, 15)),
        ("The update ships next weekend.", "next weekend", date(2026, 3, 21), date(2026, 3, 22)),
        ("Results arrive in the coming week.", "coming week", date(2026, 3, 16), date(2026, 3, 22)),
    ],
)  # fmt: skip
def test_forms(sentence: str, span: str, start: date, end: date) -> None:
    v = _one(sentence)
    assert (v.text, v.start, v.end) == (span, start, end)


def test_ambiguous_numeric_date_is_not_read_without_a_convention() -> None:
    assert find_dates("The memo is dated 3/5/2026.", published=PUB) == []


def test_ambiguous_numeric_date_follows_the_convention_the_text_shows() -> None:
    found = find_dates("Filed 22/04/2016, amended 3/5/2016.", published=PUB)
    assert [m.value.start for m in found] == [date(2016, 4, 22), date(2016, 5, 3)]


@pytest.mark.parametrize(("order", "day"), [("mdy", date(2026, 3, 5)), ("dmy", date(2026, 5, 3))])
def test_ambiguous_numeric_date_follows_the_convention_passed_in(order: str, day: date) -> None:
    assert _one("The memo is dated 3/5/2026.", numeric_order=order).start == day


@pytest.mark.parametrize(
    "sentence",
    [
        "Version 1.2.2024 of the tool",  # a dotted version with a two-part prefix: no day over 31 rule here
        "The vote was 3-5-10 across the board.",
        "a may 2016 survey",  # lowercase "may" stays a modal verb
        "over the last year",  # a duration, not a date
        "in the next year",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert all(m.value.text not in ("1.2.2024", "3-5-10", "may 2016") for m in find_dates(sentence, published=PUB))
    if "year" in sentence:
        assert find_dates(sentence, published=PUB) == []


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)).filter(lambda d: d.day > 12))
def test_unambiguous_numeric_dates_round_trip(day: date) -> None:
    for text in (f"{day.month}/{day.day}/{day.year}", f"{day.day}/{day.month:02d}/{day.year}"):
        v = parse_date(text, published=PUB)
        assert v is not None and (v.start, v.end) == (day, day)
        again = parse_date(format_date(v), published=PUB)
        assert again is not None and (again.start, again.end) == (day, day)


@pytest.mark.parametrize(
    ("texts", "order"),
    [
        (["Filed 22/04/2016.", "Amended 3/5/2016."], "dmy"),
        (["Filed 04/22/2016 and 3/5/2016."], "mdy"),
        (["Filed 3/5/2016."], None),  # nothing unambiguous
        (["Filed 22/04/2016.", "Then 04/23/2016."], None),  # both orders shown: no convention
        (["Version 1.2.3 shipped."], None),
    ],
)
def test_numeric_convention_of_an_article(texts: list[str], order: str | None) -> None:
    assert numeric_convention(texts) == order
