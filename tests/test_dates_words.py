"""Years and decades written in words, cardinal-word days, decades as a unit, weekday-led dates in ranges, leap days."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.values.dates import _word_year, find_dates

PUB = date(2026, 3, 11)  # a Wednesday

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    """1..99 in words, the way a writer spells them out (``forty-two``)."""
    if n < 10:
        return _UNITS[n - 1]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[unit - 1]}" if unit else "")


def _one(text: str):
    found = find_dates(text, published=PUB)
    assert len(found) == 1, [m.value.text for m in found]
    return found[0].value


@pytest.mark.parametrize(
    ("sentence", "span", "start", "end"),
    [
        # a year in words where a year stands: after a month, a day, "quarter of", "week of", a cue word
        ("The lab opened in June of nineteen ninety nine.", "June of nineteen ninety nine", date(1999, 6, 1),
         date(1999, 6, 30)),
        ("It was founded on March 3, nineteen oh five.", "March 3, nineteen oh five", date(1905, 3, 3),
         date(1905, 3, 3)),
        ("Filed 7 Feb, two thousand and eighteen.", "7 Feb, two thousand and eighteen", date(2018, 2, 7),
         date(2018, 2, 7)),
        ("Sales peaked in the third quarter of two thousand and twenty.",
         "the third quarter of two thousand and twenty", date(2020, 7, 1), date(2020, 9, 30)),
        ("The charter dates from one thousand seven hundred and eighty nine.",
         "one thousand seven hundred and eighty nine", date(1789, 1, 1), date(1789, 12, 31)),
        ("The rule held in nineteen twenty eight.", "nineteen twenty eight", date(1928, 1, 1), date(1928, 12, 31)),
        ("Figures run from two thousand until two thousand and fourteen.",
         "from two thousand until two thousand and fourteen", date(2000, 1, 1), date(2014, 12, 31)),
        # a day of the month in cardinal words, from ten up
        ("The vote is set for May twenty one.", "May twenty one", date(2026, 5, 21), date(2026, 5, 21)),
        ("Signed on jan twenty-two, 2018.", "jan twenty-two, 2018", date(2018, 1, 22), date(2018, 1, 22)),
        # decades in words (need "the"); bare decade names are the latest such decade
        ("Hits of the nineteen seventies.", "the nineteen seventies", date(1970, 1, 1), date(1979, 12, 31)),
        ("Growth slowed in the twenty-tens.", "the twenty-tens", date(2010, 1, 1), date(2019, 12, 31)),
        ("Startups of the two thousands.", "the two thousands", date(2000, 1, 1), date(2009, 12, 31)),
        ("Startups of the two thousand and tens.", "the two thousand and tens", date(2010, 1, 1),
         date(2019, 12, 31)),
        ("Phones of the noughties.", "the noughties", date(2000, 1, 1), date(2009, 12, 31)),
        ("Ideas from the seventies returned.", "the seventies", date(1970, 1, 1), date(1979, 12, 31)),
        # decades as a unit: whole calendar decades around the publication year
        ("Compute grew over the past two decades.", "past two decades", date(2000, 1, 1), date(2019, 12, 31)),
        ("It may matter in the next decade.", "next decade", date(2030, 1, 1), date(2039, 12, 31)),
        ("Spending doubled this decade.", "this decade", date(2020, 1, 1), date(2029, 12, 31)),
        # a weekday joined to its date still joins a range ("from Friday the 13th until Tuesday the 17th")
        ("Away from Friday the 13th until Tuesday the 17th.", "from Friday the 13th until Tuesday the 17th",
         date(2026, 3, 13), date(2026, 3, 17)),
        ("Away 1st Jan until Wed, 21 of Jan for talks.", "1st Jan until Wed, 21 of Jan", date(2026, 1, 1),
         date(2026, 1, 21)),
        ("Calls run this week from Tue to Thur.", "this week from Tue to Thur", date(2026, 3, 10), date(2026, 3, 12)),
    ],
)  # fmt: skip
def test_forms(sentence: str, span: str, start: date, end: date) -> None:
    v = _one(sentence)
    assert (v.text, v.start, v.end) == (span, start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "The gain was achieved within six months.",  # a duration (the quantity grammar reads it), not a date
        "She is in her seventies.",  # an age: no "the"
        "Revenue grew to two thousand.",  # "two thousand" alone is a count
        "Prices rose from two thousand to three thousand.",
        "In nineteen twenty eight cases the model failed.",  # a count before a plural noun
        "May one of them win?",  # "May one": a modal and a pronoun
        "Scores in the 70s were common.",  # digits without an apostrophe stay a range of scores
        "The Sun reported it on the record.",  # a weekday abbreviation alone is a name or a verb
        "Sat in traffic, the team missed it.",
        "Open Mon to Fri for walk-ins.",  # two abbreviations with no date or week they belong to
    ],
)
def test_not_dates(sentence: str) -> None:
    assert find_dates(sentence, published=PUB) == []


@given(st.integers(1900, 2099))
def test_year_in_words_reads_back(year: int) -> None:
    century, rest = divmod(year, 100)
    if year < 2000 or rest >= 10:
        spoken = (
            ("nineteen" if century == 19 else "twenty")
            + " "
            + (_words(rest) if rest >= 10 else f"oh {_words(rest)}" if rest else "hundred")
        )
        if rest == 0:
            spoken = "two thousand" if year == 2000 else f"{_words(century)} hundred"
    else:
        spoken = "two thousand" + (f" and {_words(rest)}" if rest else "")
    if spoken.endswith("hundred"):
        return  # "nineteen hundred" is not a form the grammar reads
    assert _word_year(spoken) == year
    v = _one(f"The archive holds letters from June of {spoken}.")
    assert (v.start, v.end) == (date(year, 6, 1), date(year, 6, 30))


@pytest.mark.parametrize(
    ("published", "day"),
    [
        (date(2017, 3, 22), date(2016, 2, 29)),
        (date(2024, 5, 1), date(2024, 2, 29)),
        (date(2019, 1, 9), date(2016, 2, 29)),
    ],
)
def test_a_yearless_february_29_is_the_latest_leap_day(published: date, day: date) -> None:
    (m,) = find_dates("The leap-day release on Feb 29 slipped.", published=published)
    assert (m.value.start, m.value.end) == (day, day)


def test_a_day_no_year_has_is_not_read() -> None:
    assert find_dates("The memo on Feb 30 was a hoax.", published=PUB) == []
    assert find_dates("The memo of 2/29/2019 was a hoax.", published=PUB) == []


def test_an_impossible_day_in_a_leap_year_is_not_read() -> None:
    assert find_dates("The memo on Feb 30 was a hoax.", published=date(2020, 3, 22)) == []


@given(st.integers(1, 12), st.integers(1, 31), st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_a_yearless_day_is_read_in_a_year_it_exists_or_not_at_all(month: int, day: int, published: date) -> None:
    name = {1: "Jan", 2: "Feb", 4: "Apr", 6: "Jun", 7: "Jul", 8: "Aug", 9: "Sep", 10: "Oct", 11: "Nov", 12: "Dec"}
    if month not in name:  # "May" and "Mar" need a cue word; the rule is the same
        month = 1
    found = find_dates(f"The release on {name[month]} {day} slipped.", published=published)
    for m in found:
        assert (m.value.start.month, m.value.start.day) == (month, day)
        assert published.year - 3 <= m.value.start.year <= published.year
