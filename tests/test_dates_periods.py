"""Weekdays, days of the month, weeks, parts of weeks and months, offsets and lengths from the publication date,
year-month orders and other forms added for issue 16, one parametrised case per form."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.values.dates import find_dates, format_date, parse_date

PUB = date(2026, 3, 11)  # a Wednesday: its week runs Monday 9 to Sunday 15 March


def _one(text: str, published: date = PUB):
    found = find_dates(text, published=published)
    assert len(found) == 1, [m.value.text for m in found]
    return found[0].value


D = date


@pytest.mark.parametrize(
    ("sentence", "span", "start", "end"),
    [
        # weekdays: alone the latest one on or before publication; this / next / last name a week
        ("The lab spoke on Friday about it.", "Friday", D(2026, 3, 6), D(2026, 3, 6)),
        ("The board meets this Friday again.", "this Friday", D(2026, 3, 13), D(2026, 3, 13)),
        ("The board meets next Tuesday again.", "next Tuesday", D(2026, 3, 17), D(2026, 3, 17)),
        ("The board met last Monday again.", "last Monday", D(2026, 3, 2), D(2026, 3, 2)),
        ("The demo is Friday next week.", "Friday next week", D(2026, 3, 20), D(2026, 3, 20)),
        ("The demo is next week on Thursday.", "next week on Thursday", D(2026, 3, 19), D(2026, 3, 19)),
        ("Talks run next week between Wednesday and Friday.", "next week between Wednesday and Friday",
         D(2026, 3, 18), D(2026, 3, 20)),
        ("Filed Friday, March 6, 2026 at noon.", "Friday, March 6, 2026", D(2026, 3, 6), D(2026, 3, 6)),
        ("It opens on Thursday the 12th.", "Thursday the 12th", D(2026, 3, 12), D(2026, 3, 12)),
        # a day of the month: this month's if it has come, else last month's
        ("Payments resumed on the 4th.", "the 4th", D(2026, 3, 4), D(2026, 3, 4)),
        ("Payments resumed on the 27th.", "the 27th", D(2026, 2, 27), D(2026, 2, 27)),
        ("The refund arrives by the 9.", "the 9", D(2026, 3, 9), D(2026, 3, 9)),
        ("It closes the 20th of next month.", "the 20th of next month", D(2026, 4, 20), D(2026, 4, 20)),
        # ordinal words, separators, a dot after the day, old years, the year first
        ("Filed on May twenty-first, 2024 in court.", "May twenty-first, 2024", D(2024, 5, 21), D(2024, 5, 21)),
        ("Signed on the twelfth of June 2025.", "the twelfth of June 2025", D(2025, 6, 12), D(2025, 6, 12)),
        ("Signed September the 3rd, 2019 in Oslo.", "September the 3rd, 2019", D(2019, 9, 3), D(2019, 9, 3)),
        ("The cut-off is Oct-2 for all.", "Oct-2", D(2026, 10, 2), D(2026, 10, 2)),
        ("Dated 16. Nov. 2016 by the clerk.", "16. Nov. 2016", D(2016, 11, 16), D(2016, 11, 16)),
        ("A charter of 5 December 1391 survives.", "5 December 1391", D(1391, 12, 5), D(1391, 12, 5)),
        ("Logged 2015.5.13 by the tool.", "2015.5.13", D(2015, 5, 13), D(2015, 5, 13)),
        ("Logged 2019-aug-1 by the tool.", "2019-aug-1", D(2019, 8, 1), D(2019, 8, 1)),
        # a year and a month in either order, with spaces or commas
        ("Sales in 2016 june were flat.", "2016 june", D(2016, 6, 1), D(2016, 6, 30)),
        ("Sales in 2016 - 11 were flat.", "2016 - 11", D(2016, 11, 1), D(2016, 11, 30)),
        ("Sales in 2016/11 were flat.", "2016/11", D(2016, 11, 1), D(2016, 11, 30)),
        ("Sales in 11-2016 were flat.", "11-2016", D(2016, 11, 1), D(2016, 11, 30)),
        ("Sales in November , 2016 were flat.", "November , 2016", D(2016, 11, 1), D(2016, 11, 30)),
        ("It launches in June next year.", "June next year", D(2027, 6, 1), D(2027, 6, 30)),
        # a month with this / next / last: last is the latest one before the publication month
        ("It launches this September.", "this September", D(2026, 9, 1), D(2026, 9, 30)),
        ("It launched last March.", "last March", D(2025, 3, 1), D(2025, 3, 31)),
        ("It launches next June.", "next June", D(2026, 6, 1), D(2026, 6, 30)),
        # parts of weeks and months: early Mon-Wed / 1st-15th, mid Tue-Fri / 8th-23rd, late Thu-Sun / 16th-end
        ("Expect it late this month.", "late this month", D(2026, 3, 16), D(2026, 3, 31)),
        ("Expect it early next week.", "early next week", D(2026, 3, 16), D(2026, 3, 18)),
        ("Expect it mid next week.", "mid next week", D(2026, 3, 17), D(2026, 3, 20)),
        ("Expect it by the end of next week.", "the end of next week", D(2026, 3, 19), D(2026, 3, 22)),
        ("Expect it at the end of March.", "the end of March", D(2026, 3, 16), D(2026, 3, 31)),
        ("Expect it in early March 2026.", "early March 2026", D(2026, 3, 1), D(2026, 3, 15)),
        ("Prices fell earlier this month.", "earlier this month", D(2026, 3, 1), D(2026, 3, 10)),
        ("Prices may fall later this week.", "later this week", D(2026, 3, 11), D(2026, 3, 15)),
        ("Prices may fall later in the year.", "later in the year", D(2026, 3, 11), D(2026, 12, 31)),
        ("Offices close for the rest of the month.", "the rest of the month", D(2026, 3, 11), D(2026, 3, 31)),
        # weeks belong to the month or year their Thursday falls in (ISO 8601)
        ("Held the third week of July 2025.", "the third week of July 2025", D(2025, 7, 14), D(2025, 7, 20)),
        ("Held the first week of 2015.", "the first week of 2015", D(2014, 12, 29), D(2015, 1, 4)),
        ("Held the last week of this month.", "the last week of this month", D(2026, 3, 23), D(2026, 3, 29)),
        ("Held in Week 31 of 2018.", "Week 31 of 2018", D(2018, 7, 30), D(2018, 8, 5)),
        ("Held the week after next.", "the week after next", D(2026, 3, 23), D(2026, 3, 29)),
        ("Held the week of March 4.", "the week of March 4", D(2026, 3, 2), D(2026, 3, 8)),
        ("Held the week commencing February 9.", "the week commencing February 9", D(2026, 2, 9),
         D(2026, 2, 15)),
        ("Held the first Friday of July 2025.", "the first Friday of July 2025", D(2025, 7, 4), D(2025, 7, 4)),
        ("Held the second Monday of next month.", "the second Monday of next month", D(2026, 4, 13),
         D(2026, 4, 13)),
        # offsets and lengths from the publication date
        ("Due the day after tomorrow.", "the day after tomorrow", D(2026, 3, 13), D(2026, 3, 13)),
        ("Sent the day before yesterday.", "the day before yesterday", D(2026, 3, 9), D(2026, 3, 9)),
        ("Due two weeks from now.", "two weeks from now", D(2026, 3, 25), D(2026, 3, 25)),
        ("Due 3 days after today.", "3 days after today", D(2026, 3, 14), D(2026, 3, 14)),
        ("Due 2 days hence.", "2 days hence", D(2026, 3, 12), D(2026, 3, 13)),
        ("Due 4 weeks in the future.", "4 weeks in the future", D(2026, 3, 12), D(2026, 4, 8)),
        ("Closed for 3 days from today.", "for 3 days from today", D(2026, 3, 11), D(2026, 3, 13)),
        ("Back in less than 2 weeks from today.", "less than 2 weeks from today", D(2026, 3, 11),
         D(2026, 3, 24)),
        ("Closed a week starting tomorrow.", "a week starting tomorrow", D(2026, 3, 12), D(2026, 3, 18)),
        ("Closed 2 weeks starting May 20th.", "2 weeks starting May 20th", D(2026, 5, 20), D(2026, 6, 2)),
        ("Closed 3 days starting next Monday.", "3 days starting next Monday", D(2026, 3, 16), D(2026, 3, 18)),
        ("Met 1 month 21 days ago.", "1 month 21 days ago", D(2026, 1, 21), D(2026, 1, 21)),
        ("Met 2 years, 1 month and 3 days ago.", "2 years, 1 month and 3 days ago", D(2024, 2, 8), D(2024, 2, 8)),
        # days with a month written once, numeric months and days, ranges to now
        ("Out from 4 to 22 this month.", "from 4 to 22 this month", D(2026, 3, 4), D(2026, 3, 22)),
        ("Out between 4 and 9 next month.", "between 4 and 9 next month", D(2026, 4, 4), D(2026, 4, 9)),
        ("Out on 4/22 for a week.", "4/22", D(2026, 4, 22), D(2026, 4, 22)),
        ("Out from 10/25 to 01/25.", "from 10/25 to 01/25", D(2026, 10, 25), D(2027, 1, 25)),
        ("Busy between now and November 15th.", "between now and November 15th", D(2026, 3, 11),
         D(2026, 11, 15)),
        ("Busy between September 4th through September 8th.", "between September 4th through September 8th",
         D(2026, 9, 4), D(2026, 9, 8)),
        # decades with an apostrophe (the latest such)
        ("Music of the 90's is back.", "the 90's", D(1990, 1, 1), D(1999, 12, 31)),
        ("Music of the '80s is back.", "the '80s", D(1980, 1, 1), D(1989, 12, 31)),
    ],
)  # fmt: skip
def test_forms(sentence: str, span: str, start: date, end: date) -> None:
    v = _one(sentence)
    assert (v.text, v.start, v.end) == (span, start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "Black Friday sales beat forecasts.",  # a name
        "It is the 3rd largest lab.",  # an ordinal before a noun
        "Models scored 4/22 on the hard set.",  # no cue: a fraction as likely as a date
        "The vote went 4-22 on the motion.",  # a dash needs 'on' right before it
        "Scores in the 70s were common.",  # no apostrophe: a range of scores, not a decade
        "It took 3 days after the launch.",  # a length with no day after it
        "Week 3 of the trial began.",  # a week of something else
        "the 27 models we tested.",  # a count
        "Ideas of the 21st century.",  # a century dates nothing a claim needs
    ],
)
def test_not_dates(sentence: str) -> None:
    assert find_dates(sentence, published=PUB) == []


def test_a_weekday_is_read_only_with_a_publication_date() -> None:
    assert find_dates("The lab spoke on Friday.") == []


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)))
def test_year_first_dotted_dates_parse_back(day: date) -> None:
    v = parse_date(f"{day.year}.{day.month}.{day.day}", published=PUB)
    assert v is not None and (v.start, v.end) == (day, day)
    again = parse_date(format_date(v), published=PUB)
    assert again is not None and (again.start, again.end) == (day, day)


@given(st.integers(1950, 2049), st.integers(1, 12))
def test_year_then_month_parses_back(year: int, month: int) -> None:
    v = parse_date(f"{year} - {month}", published=PUB)
    assert v is not None and v.precision == "month" and (v.start.year, v.start.month) == (year, month)
    again = parse_date(format_date(v), published=PUB)
    assert again is not None and (again.start, again.end) == (v.start, v.end)


def test_a_span_of_zero_units_is_not_a_period() -> None:
    import datetime as _dt

    from claimcheck.values.dates import find_dates as _find

    assert [d for d in _find("Last 0year", published=_dt.date(2000, 1, 1)) if d.value.start > d.value.end] == []
