"""Tests for the date grammar (``claimcheck.values.dates``): every form, every trap, properties, no hangs."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.models import DateValue
from claimcheck.values.dates import (
    DateMatch,
    find_dates,
    format_date,
    month_span,
    parse_date,
)

PUBLISHED = date(2026, 3, 5)  # a Thursday
D = date


def only(text: str, **kwargs: object) -> DateMatch:
    kwargs.setdefault("published", PUBLISHED)
    matches = find_dates(text, **kwargs)  # type: ignore[arg-type]
    assert len(matches) == 1, [m.value.text for m in matches]
    match = matches[0]
    assert match.value.text == text[match.start : match.end]
    return match


# (sentence, matched text, "start end precision marker"); all take their year from the text itself
EXPLICIT = [
    ("Released March 5, 2026.", "March 5, 2026", "2026-03-05 2026-03-05 day -"),
    ("Released Mar 5, 2026.", "Mar 5, 2026", "2026-03-05 2026-03-05 day -"),
    ("Released 5 March 2026.", "5 March 2026", "2026-03-05 2026-03-05 day -"),
    ("Released 2026-03-05.", "2026-03-05", "2026-03-05 2026-03-05 day -"),
    ("Released March 5th, 2026.", "March 5th, 2026", "2026-03-05 2026-03-05 day -"),
    ("Released Feb. 5, 2026.", "Feb. 5, 2026", "2026-02-05 2026-02-05 day -"),
    ("shipped on February 5, 2026-about a month", "February 5, 2026", "2026-02-05 2026-02-05 day in"),
    ("published on Thursday, March 5, 2026", "Thursday, March 5, 2026", "2026-03-05 2026-03-05 day in"),
    ("the 5th of March 2026", "5th of March 2026", "2026-03-05 2026-03-05 day -"),
    ("MARCH 5, 2026", "MARCH 5, 2026", "2026-03-05 2026-03-05 day -"),
    ("date: 2026-03-05T10:00:00Z", "2026-03-05T10:00:00Z", "2026-03-05 2026-03-05 day -"),
    ("Leap day February 29, 2028 exists", "February 29, 2028", "2028-02-29 2028-02-29 day -"),
    ("Claude 4 was released in May 2025.", "May 2025", "2025-05-01 2025-05-31 month in"),
    ("Current State (March 2026) #", "March 2026", "2026-03-01 2026-03-31 month -"),
    ("in May of 2025", "May of 2025", "2025-05-01 2025-05-31 month in"),
    ("in Feb 2028", "Feb 2028", "2028-02-01 2028-02-29 month in"),
    ("by mid-March 2026", "mid-March 2026", "2026-03-08 2026-03-23 month by"),
    ("the 2024-03 release", "2024-03", "2024-03-01 2024-03-31 month -"),
    ("Q2 2026 Synthetic data generation", "Q2 2026", "2026-04-01 2026-06-30 quarter -"),
    ("planned for Q2'26", "Q2'26", "2026-04-01 2026-06-30 quarter -"),
    ("in 2Q 2026", "2Q 2026", "2026-04-01 2026-06-30 quarter in"),
    ("revenue in 4Q24", "4Q24", "2024-10-01 2024-12-31 quarter in"),
    ("By the second quarter of 2026, code", "the second quarter of 2026", "2026-04-01 2026-06-30 quarter by"),
    ("Q4 2026 Automated architecture search", "Q4 2026", "2026-10-01 2026-12-31 quarter -"),
    ("in the final quarter of 2025", "the final quarter of 2025", "2025-10-01 2025-12-31 quarter in"),
    ("in the first half of 2026", "the first half of 2026", "2026-01-01 2026-06-30 half in"),
    ("H1 2026 targets", "H1 2026", "2026-01-01 2026-06-30 half -"),
    ("during the second half of 2025", "the second half of 2025", "2025-07-01 2025-12-31 half in"),
    ("In early 2024, Claude Opus 3 could", "early 2024", "2024-01-01 2024-04-30 part-of-year in"),
    ("by mid-2024", "mid-2024", "2024-05-01 2024-08-31 part-of-year by"),
    ("in mid 2024", "mid 2024", "2024-05-01 2024-08-31 part-of-year in"),
    ("Late 2024 saw", "Late 2024", "2024-09-01 2024-12-31 part-of-year -"),
    ("by the end of 2024", "the end of 2024", "2024-09-01 2024-12-31 part-of-year by"),
    ("By early 2025, Claude Sonnet 3.7", "early 2025", "2025-01-01 2025-04-30 part-of-year by"),
    ("in summer 2025", "summer 2025", "2025-06-01 2025-08-31 part-of-year in"),
    ("year-end 2025 targets", "year-end 2025", "2025-09-01 2025-12-31 part-of-year -"),
    ("It entered the public eye in 2021 as a", "2021", "2021-01-01 2021-12-31 year in"),
    ("Projections suggest that by 2027, AI", "2027", "2027-01-01 2027-12-31 year by"),
    ("- Version 4.0 (2024): Integration", "2024", "2024-01-01 2024-12-31 year -"),
    ("| Metric | 2024 Performance |", "2024", "2024-01-01 2024-12-31 year -"),
    ("eight times compared to 2024.", "2024", "2024-01-01 2024-12-31 year -"),
    ("in 2024 models improved", "2024", "2024-01-01 2024-12-31 year in"),
    ("2024 was a big year", "2024", "2024-01-01 2024-12-31 year -"),
    ("In 2000 Windows shipped", "2000", "2000-01-01 2000-12-31 year in"),
    ("compared to the 2021-2025 average", "2021-2025", "2021-01-01 2025-12-31 range -"),
    ("over 2021 - 2025", "2021 - 2025", "2021-01-01 2025-12-31 range -"),
    ("scaling 2021 to 2025", "2021 to 2025", "2021-01-01 2025-12-31 range -"),
    ("From 2021 to 2023, Anthropic was", "From 2021 to 2023", "2021-01-01 2023-12-31 range -"),
    ("Between 2021 and 2025, the process", "Between 2021 and 2025", "2021-01-01 2025-12-31 range -"),
    ("| 2026/2027 Projection |", "2026/2027", "2026-01-01 2027-12-31 range -"),
    ("the 2026-27 season", "2026-27", "2026-01-01 2027-12-31 range -"),
    ("continues scaling through 2026-2027.", "2026-2027", "2026-01-01 2027-12-31 range until"),
    ("Major features shipped (Feb-Mar 2026) 70+ in 52 days", "Feb-Mar 2026", "2026-02-01 2026-03-31 range -"),
    ("from February to March 2026", "from February to March 2026", "2026-02-01 2026-03-31 range -"),
    ("between March and May 2026", "between March and May 2026", "2026-03-01 2026-05-31 range -"),
    ("between December and March 2026", "between December and March 2026", "2025-12-01 2026-03-31 range -"),
    ("December 2025 - January 2026", "December 2025 - January 2026", "2025-12-01 2026-01-31 range -"),
    ("held March 5-7, 2026 in", "March 5-7, 2026", "2026-03-05 2026-03-07 range -"),
    ("held 5-7 March 2026 in", "5-7 March 2026", "2026-03-05 2026-03-07 range -"),
    ("in the 2020s", "the 2020s", "2020-01-01 2029-12-31 range in"),
    ("authorship 100% (as of March 7, 2026)", "March 7, 2026", "2026-03-07 2026-03-07 day as_of"),
    ("As of March 2026, Claude writes", "March 2026", "2026-03-01 2026-03-31 month as_of"),
    ("growing since 2023", "2023", "2023-01-01 2023-12-31 year since"),
    ("available through June 5, 2026 for", "June 5, 2026", "2026-06-05 2026-06-05 day until"),
    ("supported until 2025", "2025", "2025-01-01 2025-12-31 year until"),
    ("supported till 2025", "2025", "2025-01-01 2025-12-31 year until"),
    ("before 2020 nobody", "2020", "2020-01-01 2020-12-31 year before"),
    ("prior to 2020 nobody", "2020", "2020-01-01 2020-12-31 year before"),
    ("after 2030 everyone", "2030", "2030-01-01 2030-12-31 year after"),
    ("during 2024 the lab", "2024", "2024-01-01 2024-12-31 year in"),
]


def describe(v: DateValue, *fields: str) -> str:
    """The value as ``"start end precision <fields>"``; a field's None reads ``-``."""
    values = [str(getattr(v, name)) if getattr(v, name) is not None else "-" for name in fields]
    return " ".join([v.start.isoformat(), v.end.isoformat(), v.precision, *values])


@pytest.mark.parametrize(("sentence", "text", "expected"), EXPLICIT)
def test_explicit_forms(sentence: str, text: str, expected: str) -> None:
    v = only(sentence).value
    assert (v.text, describe(v, "marker"), v.year_from, v.relative) == (text, expected, "explicit", False)


# (sentence, context year, matched text, "start end precision year_from")
YEARLESS = [
    ("Opus 4.6 was released on February 5.", 2026, "February 5", "2026-02-05 2026-02-05 day context"),
    ("Opus 4.6 was released on February 5.", None, "February 5", "2026-02-05 2026-02-05 day publication"),
    ("Opus 4.8 on May 28.", 2026, "May 28", "2026-05-28 2026-05-28 day context"),
    ("due April 15th", 2025, "April 15th", "2025-04-15 2025-04-15 day context"),
    ("Opus 4.1 in August", 2025, "August", "2025-08-01 2025-08-31 month context"),
    ("since September", None, "September", "2026-09-01 2026-09-30 month publication"),
    ("pricing as of March 13.", 2026, "March 13", "2026-03-13 2026-03-13 day context"),
    ("in the fourth quarter", 2025, "the fourth quarter", "2025-10-01 2025-12-31 quarter context"),
    ("in Q3", 2024, "Q3", "2024-07-01 2024-09-30 quarter context"),
    ("by the end of the year", 2024, "the end of the year", "2024-09-01 2024-12-31 part-of-year context"),
    (
        "in the second half of the year",
        2024,
        "the second half of the year",
        "2024-07-01 2024-12-31 half context",
    ),
    ("by year-end", 2025, "year-end", "2025-09-01 2025-12-31 part-of-year context"),
    ("in early March", 2026, "early March", "2026-03-01 2026-03-15 month context"),
    ("from November to February", 2025, "from November to February", "2025-11-01 2026-02-28 range context"),
    ("held March 5-7", 2026, "March 5-7", "2026-03-05 2026-03-07 range context"),
    ("on 5 March", 2026, "5 March", "2026-03-05 2026-03-05 day context"),
]


@pytest.mark.parametrize(("sentence", "context", "text", "expected"), YEARLESS)
def test_yearless_forms(sentence: str, context: int | None, text: str, expected: str) -> None:
    v = only(sentence, context_year=context).value
    assert (v.text, describe(v, "year_from"), v.relative) == (text, expected, False)


@pytest.mark.parametrize(
    "sentence",
    ["Opus 4.6 was released on February 5.", "Opus 4.1 in August", "in the fourth quarter", "in Q3"],
)
def test_yearless_dates_need_a_year_from_somewhere(sentence: str) -> None:
    assert find_dates(sentence) == []


# (sentence, published, matched text, "start end precision" + " ~" when approximate)
RELATIVE = [
    ("GPT-5.4 is live today, and", PUBLISHED, "today", "2026-03-05 2026-03-05 day"),
    ("The contrast between today's releases", PUBLISHED, "today", "2026-03-05 2026-03-05 day"),
    ("Yesterday, Anthropic published", PUBLISHED, "Yesterday", "2026-03-04 2026-03-04 day"),
    ("ships tomorrow", PUBLISHED, "tomorrow", "2026-03-06 2026-03-06 day"),
    ("just three days ago, OpenAI wrote", PUBLISHED, "three days ago", "2026-03-02 2026-03-02 day"),
    ("a couple of days ago", PUBLISHED, "a couple of days ago", "2026-03-03 2026-03-03 day"),
    ("2 days ago", PUBLISHED, "2 days ago", "2026-03-03 2026-03-03 day"),
    ("two weeks ago", PUBLISHED, "two weeks ago", "2026-02-19 2026-02-19 day ~"),
    ("six months ago", PUBLISHED, "six months ago", "2025-09-01 2025-09-30 month ~"),
    ("three years ago", PUBLISHED, "three years ago", "2023-01-01 2023-12-31 year ~"),
    ("a year ago", PUBLISHED, "a year ago", "2025-01-01 2025-12-31 year ~"),
    ("twelve days ago", PUBLISHED, "twelve days ago", "2026-02-21 2026-02-21 day"),
    ("last week", PUBLISHED, "last week", "2026-02-23 2026-03-01 range"),
    ("this week", PUBLISHED, "this week", "2026-03-02 2026-03-08 range"),
    ("last month", PUBLISHED, "last month", "2026-02-01 2026-02-28 month"),
    ("earlier this month", PUBLISHED, "earlier this month", "2026-03-01 2026-03-04 range ~"),
    ("next month", PUBLISHED, "next month", "2026-04-01 2026-04-30 month"),
    ("Last year, Claude", PUBLISHED, "Last year", "2025-01-01 2025-12-31 year"),
    ("later this year", PUBLISHED, "later this year", "2026-03-05 2026-12-31 range ~"),
    ("next year", PUBLISHED, "next year", "2027-01-01 2027-12-31 year"),
    ("last quarter", PUBLISHED, "last quarter", "2025-10-01 2025-12-31 quarter"),
    ("early next year", PUBLISHED, "early next year", "2027-01-01 2027-04-30 part-of-year ~"),
    ("by the end of this year", PUBLISHED, "the end of this year", "2026-09-01 2026-12-31 part-of-year ~"),
    # year boundaries
    ("last month", D(2026, 1, 10), "last month", "2025-12-01 2025-12-31 month"),
    ("yesterday", D(2026, 1, 1), "yesterday", "2025-12-31 2025-12-31 day"),
    ("next month", D(2025, 12, 31), "next month", "2026-01-01 2026-01-31 month"),
    ("last week", D(2026, 1, 2), "last week", "2025-12-22 2025-12-28 range"),
    ("this quarter", D(2025, 12, 31), "this quarter", "2025-10-01 2025-12-31 quarter"),
    ("next quarter", D(2025, 12, 31), "next quarter", "2026-01-01 2026-03-31 quarter"),
    ("tomorrow", D(2028, 2, 28), "tomorrow", "2028-02-29 2028-02-29 day"),
]


@pytest.mark.parametrize(("sentence", "published", "text", "expected"), RELATIVE)
def test_relative_dates(sentence: str, published: date, text: str, expected: str) -> None:
    v = only(sentence, published=published).value
    assert (v.text, describe(v) + (" ~" if v.approximate else "")) == (text, expected)
    assert (v.relative, v.year_from) == (True, "publication")


@pytest.mark.parametrize("sentence", ["yesterday", "three days ago", "last month", "this year", "today's releases"])
def test_relative_dates_need_a_publication_date(sentence: str) -> None:
    assert find_dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "text", "marker", "approximate"),
    [
        ("by around 2027", "2027", "by", True),
        ("around 2027", "2027", None, True),
        ("about 2027", "2027", None, True),
        ("circa 2020", "2020", None, True),
        ("roughly 2025", "2025", None, True),
        ("approximately 2025", "2025", None, True),
        ("~2025", "2025", None, True),
        ("as of ~2025", "2025", "as_of", True),
        ("as of today", "today", "as_of", False),
        ("in 2025", "2025", "in", False),
        ("within 2025", "2025", None, False),
    ],
)
def test_markers_and_hedges(sentence: str, text: str, marker: str | None, approximate: bool) -> None:
    v = only(sentence).value
    assert (v.text, v.marker, v.approximate) == (text, marker, approximate)


TRAPS = [
    # counts and amounts
    "2000 tokens",
    "2025 lines of code",
    "1999 users",
    "a 2021-line change",
    "it costs $2024",
    "issue #2024",
    "+2024 points",
    "100,000-line C compiler",
    "10,000 variations",
    "version 3.2024",
    "12024 rows",
    "2024%",
    "80% of the code",
    "generated 2048 variations",
    "1950 Elo",
    "2048 GB",
    # identifiers and names
    "GPT-2024",
    "v2024",
    "Windows 2000 shipped",
    "the RTX 2080 card",
    "GPT-5.4 and GPT-5.2",
    "Claude 3.5 Sonnet",
    "Terminal-Bench 2.0",
    "Claude 4 trains Claude 5",
    "H100 GPUs",
    "FY2025",
    # durations and rates
    "15 min read",
    "70+ in 52 days",
    "427x on certain tasks",
    "six months",
    "12-18 months",
    "over the past year",
    "within six months",
    "doubling roughly every four months",
    "over the last year",
    "in the next year",
    "about a month before",
    "8-10 weeks",
    "the 6-month cadence",
    "Three days later",
    "per quarter",
    # words that are not dates
    "May we go now?",
    "they will march on",
    "March on Washington",
    "Jan Leike said",
    "the intelligence of tomorrow",
    "Q3 was strong",
    "in the first half of the game",
    "February 30, 2026",
    "March 2.5",
    "May 5%",
    "2024-99",
]


@pytest.mark.parametrize("sentence", TRAPS)
def test_traps_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, published=PUBLISHED) == [], sentence


def test_version_then_year() -> None:
    text = "Version 4.0 (2024): Integration"
    assert [m.value.text for m in find_dates(text)] == ["2024"]


def test_seed_sentence_with_context_from_a_bare_year() -> None:
    text = (
        "By 2026, Opus 4.6 was released on February 5, Sonnet 4.6 on February 17, Opus 4.7 on April 15, "
        "and Opus 4.8 on May 28. The gap between Opus 4.7 and Opus 4.8 was only 42 days."
    )
    matches = find_dates(text)
    got = [(m.value.text, m.value.start, m.value.year_from, m.value.marker) for m in matches]
    assert got == [
        ("2026", D(2026, 1, 1), "explicit", "by"),
        ("February 5", D(2026, 2, 5), "context", "in"),
        ("February 17", D(2026, 2, 17), "context", "in"),
        ("April 15", D(2026, 4, 15), "context", "in"),
        ("May 28", D(2026, 5, 28), "context", "in"),
    ]
    assert (matches[4].value.start - matches[3].value.start).days == 43


def test_seed_sentence_with_bare_months() -> None:
    text = (
        "Claude 4 was released in May 2025, Opus 4.1 in August, Sonnet 4.5 in September, "
        "Haiku 4.5 in October, and Opus 4.5 in November."
    )
    got = [(m.value.text, m.value.start, m.value.end, m.value.year_from) for m in find_dates(text, published=PUBLISHED)]
    assert got == [
        ("May 2025", D(2025, 5, 1), D(2025, 5, 31), "explicit"),
        ("August", D(2025, 8, 1), D(2025, 8, 31), "context"),
        ("September", D(2025, 9, 1), D(2025, 9, 30), "context"),
        ("October", D(2025, 10, 1), D(2025, 10, 31), "context"),
        ("November", D(2025, 11, 1), D(2025, 11, 30), "context"),
    ]


def test_context_year_from_the_caller_is_overridden_by_a_year_in_the_text() -> None:
    text = "In August, then in 2024 and in May."
    got = [(m.value.text, m.value.start.year, m.value.year_from) for m in find_dates(text, context_year=2023)]
    assert got == [("August", 2023, "context"), ("2024", 2024, "explicit"), ("May", 2024, "context")]


def test_range_with_approximate_end() -> None:
    v = only("updates every three to four months between 2023 and early 2025, but").value
    assert (v.text, v.start, v.end, v.precision, v.approximate) == (
        "between 2023 and early 2025",
        D(2023, 1, 1),
        D(2025, 4, 30),
        "range",
        True,
    )


def test_two_years_joined_by_and_are_two_dates() -> None:
    assert [m.value.text for m in find_dates("in 2021 and 2025")] == ["2021", "2025"]


def test_a_moved_date_is_not_a_range() -> None:
    texts = [m.value.text for m in find_dates("the launch moved from May to June 2026", published=PUBLISHED)]
    assert texts == ["May", "June 2026"]


def test_excluded_spans_are_not_read() -> None:
    text = "Claude 2024 shipped in 2025"
    assert [m.value.text for m in find_dates(text, exclude=[(0, 11)])] == ["2025"]
    text = "March 5, 2026"
    # the day is excluded: the month no longer has a day or a cue, the year still reads
    assert [m.value.text for m in find_dates(text, exclude=[(6, 7)])] == ["2026"]


def test_offsets_are_offsets_into_the_text() -> None:
    text = "Claude Opus 4.6 shipped on February 5, 2026-about a month before GPT-5.4."
    (match,) = find_dates(text)
    assert (match.start, match.end) == (27, 43)
    assert text[match.start : match.end] == "February 5, 2026"


# ------------------------------------------------------------------------------------------------ helpers


def test_month_span() -> None:
    assert month_span(2028, 2) == (D(2028, 2, 1), D(2028, 2, 29))
    assert month_span(2026, 2) == (D(2026, 2, 1), D(2026, 2, 28))
    assert month_span(2025, 12) == (D(2025, 12, 1), D(2025, 12, 31))


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2024 Performance", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("2026/2027 Projection", D(2026, 1, 1), D(2027, 12, 31), "range"),
        ("2026-03-05T09:30:00+00:00", D(2026, 3, 5), D(2026, 3, 5), "day"),
        ("Thu, 05 Mar 2026 10:00:00 +0000", D(2026, 3, 5), D(2026, 3, 5), "day"),
        ("March", D(2026, 3, 1), D(2026, 3, 31), "month"),
        ("Q3", D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    ],
)
def test_parse_date(text: str, start: date, end: date, precision: str) -> None:
    v = parse_date(text, published=PUBLISHED)
    assert v is not None
    assert (v.start, v.end, v.precision) == (start, end, precision)


def test_parse_date_without_a_date() -> None:
    assert parse_date("Input price") is None
    assert parse_date("March") is None  # no year known


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 5, 2026", "2026-02-05"),
        ("May 2025", "May 2025"),
        ("Q2 2026", "Q2 2026"),
        ("H2 2025", "H2 2025"),
        ("early 2024", "early 2024"),
        ("mid-2024", "mid 2024"),
        ("late 2024", "late 2024"),
        ("2024", "2024"),
        ("2021-2025", "2021-2025"),
        ("Feb-Mar 2026", "February-March 2026"),
        ("December 2025 - January 2026", "December 2025-January 2026"),
        ("March 5-7, 2026", "2026-03-05 to 2026-03-07"),
        ("around 2027", "~2027"),
    ],
)
def test_format_date(text: str, expected: str) -> None:
    assert format_date(only(text).value) == expected


def test_a_decade_does_not_date_the_months_after_it() -> None:
    got = [(m.value.text, m.value.start) for m in find_dates("in 2024 and the 2020s, in March", context_year=2020)]
    assert got == [("2024", D(2024, 1, 1)), ("the 2020s", D(2020, 1, 1)), ("March", D(2024, 3, 1))]


# ----------------------------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        "March",
        "May",
        "5",
        "2026",
        "2021-2025",
        " ",
        ", ",
        "-",
        "/",
        "in ",
        "by ",
        "as of ",
        "the ",
        "between ",
        " and ",
        " to ",
        "from ",
        "Q2",
        "H1",
        "'26",
        "early ",
        "mid-",
        "last ",
        "year",
        "week",
        "ago",
        "three ",
        "days ",
        "today",
        "~",
        "(",
        ")",
        "$",
        ".",
        "GPT-5.4",
        "1999",
        "2100",
        "0",
        "th",
        "quarter",
        "of ",
        "half",
        "Feb",
        "end",
        "\n",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join)),
    published=st.one_of(st.none(), st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31))),
    context=st.one_of(st.none(), st.integers(min_value=1, max_value=9999)),
)
def test_find_dates_properties(text: str, published: date | None, context: int | None) -> None:
    matches = find_dates(text, published=published, context_year=context)
    previous_end = 0
    for match in matches:
        v = match.value
        assert v.text == text[match.start : match.end]
        assert match.start < match.end
        assert match.start >= previous_end  # ordered, non-overlapping
        previous_end = match.end
        assert v.start <= v.end
        assert DateValue.model_validate(v.model_dump()) == v
        if v.relative:
            assert published is not None
        assert isinstance(format_date(v), str)


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(max_size=100),
    spans=st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), max_size=4),
)
def test_excluded_spans_are_never_matched(text: str, spans: list[tuple[int, int]]) -> None:
    exclude = [(min(a, b), max(a, b)) for a, b in spans]
    for match in find_dates(text + " March 5, 2026 in 2024", published=PUBLISHED, exclude=exclude):
        assert all(match.end <= a or match.start >= b for a, b in exclude if a < b)


def test_a_megabyte_of_text_does_not_hang() -> None:
    prose = (
        "Claude Opus 4.6 shipped on February 5, 2026-about a month before GPT-5.4. In early 2024 it took "
        "four minutes; 70+ features in 52 days (Feb-Mar 2026), 100,000-line compiler, 80% of the code. "
    )
    text = prose * (1_000_000 // len(prose))
    assert len(find_dates(text, published=PUBLISHED)) == 3 * (1_000_000 // len(prose))
    # one very long line of digits, dashes and spaces: no backtracking blow-up
    assert find_dates("2024-" * 20_000 + " " * 100_000 + "-" * 100_000) == []
