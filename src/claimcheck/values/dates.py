"""The date grammar: finds date expressions in (normalised) prose and reads each as a span of days.

``find_dates`` scans text once with one combined compiled pattern (no general-purpose date parser: they read
plain numbers as years, are slow and lose precision), then walks the matches left to right to

* join neighbours into ranges (``2021 to 2025``, ``Feb-Mar 2026``, ``between 2023 and early 2025``),
* give yearless dates a year: the last explicit year named earlier in the text or passed in as
  ``context_year``, else the publication year (never a guess when neither is known),
* resolve relative dates (``yesterday``, ``three days ago``, ``last month``) against the publication date, and
* read the marker word in front (``as of``, ``by``, ``since`` ...) and hedges (``around``, ``~``).

Choices a reader may need to know about:

* A four-digit number is a year only when it reads like one: 1900..2100, not part of a longer number, an
  amount (``$2024``, ``2024%``), an identifier (``GPT-2024``, ``v2024``) or a count (``2000 tokens``,
  ``1999 users``, ``2021-line``; a plural word after it, unless a date word like ``in``/``the`` comes
  before: ``generated 2048 variations``). ``<Capitalised word> <year>`` (``Windows 2000``, ``RTX 2080``)
  is a name, not a date, unless the word is a month or a date cue (``In``, ``By``, ``Since``, ``The``,
  ``Unlike`` ...).
* A bare month name needs a cue (``in August``, ``, September``, ``by March``) or a range partner
  (``Feb-Mar 2026``): lowercase ``may`` is never a month, and ``March`` without a cue is not read.
* A yearless date takes the publication year as is (no "months after publication, so last year" rule).
* Weekdays: ``on Friday`` is the latest Friday on or before publication, ``this`` / ``next`` / ``last Friday``
  the one in the publication week / the week after / the week before; ``Friday the 15th`` the nearest month
  where the 15th is a Friday. ``the 27th`` (no month) is this month's if it has come, else last month's.
* Weeks run Monday to Sunday; ``the third week of July`` / ``of 2015`` / ``Week 31`` count the weeks whose
  Thursday lies in the month or year (ISO 8601).
* ``last March`` is the latest March before the publication month, ``next June`` the first June after it.
* Parts of years: early = Jan-Apr, mid = May-Aug, late / end of = Sep-Dec; of months: early = 1st-15th, mid =
  8th-23rd, late = 16th-end; of weeks: early = Mon-Wed, mid = Tue-Fri, late = Thu-Sun (``_WEEK_PARTS``,
  ``_MONTH_PARTS``); ``earlier this month`` ends the day before publication, ``later this year`` starts on it.
  Seasons (northern hemisphere):
  spring = Mar-May, summer = Jun-Aug, fall/autumn = Sep-Nov; ``winter 2025`` is not read (it straddles years).
* Weeks run Monday to Sunday. ``N weeks ago`` / ``N months ago`` / ``N years ago`` are approximate.
* Numeric dates (``02/22/2016``, ``21-04-16``, ``13.5.2015``): unambiguous when a part is over 12 or both
  parts are equal; an unambiguous one sets the text's day/month convention, and ``numeric_order`` passes in
  the article's. An ambiguous one (``3/5/2026``) with no convention is not read (so never compared). Two-digit
  years from 50 up are 19xx.
* Relative periods: ``next 3 days`` runs from the day after publication, ``the past two weeks`` / ``last 3
  years`` end the day before it; ``this weekend`` is the Saturday and Sunday of the publication week.
* ``from 4 to 22 January, 1995`` is one range (the month is written once).
* Lowercase month names are read, except ``may`` and ``march`` (a modal and a verb) and ``mar``.
* Years in words are read where a year stands: after a month or day (``June of nineteen ninety nine``,
  ``March 3, nineteen oh five``), after ``quarter of`` / ``week of`` / ``end of``, and on their own after ``in``,
  ``since``, ``from``, ``until`` ... (``in nineteen twenty eight``); never before a plural noun, and a bare ``two
  thousand`` only as a range end (``from two thousand until two thousand and fourteen``). Days after a month may be
  cardinal words from ten up (``May twenty one``; ``May one`` is a modal and a pronoun).
* Decades in words need ``the`` (``the nineteen seventies``, ``the twenty-tens``, ``the two thousands``, ``the
  noughties``; ``the seventies`` is the latest such decade, ``in her seventies`` an age). Decades as a unit count
  whole calendar decades, approximately: ``this decade`` (the 2020s in 2026), ``the next decade`` (the 2030s),
  ``the past two decades`` (the 2000s and 2010s).
* Not read: fiscal quarters, ``a few days ago``, ``winter 2025``, ``within 5 days`` (a duration: the quantity
  grammar reads it as at most 5 days), decades in digits without an apostrophe (``scores in the 70s``), centuries
  (``the 21st century`` dates no claim), anaphoric days (``the next day``, ``that weekend``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..models import DateMarker, DatePrecision, DateValue, YearOrigin, build

__all__ = [
    "DateMatch",
    "calendar_date",
    "calendar_day",
    "find_dates",
    "format_date",
    "month_span",
    "NumericOrder",
    "numeric_convention",
    "parse_date",
]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression in a text: ``value.text == text[start:end]`` (a marker word is outside the span)."""

    start: int
    end: int
    value: DateValue


# ------------------------------------------------------------------------------------------------ calendar


def month_span(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), month_span(year, last)[1]


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
    "Aug": 8, "Sept": 9, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(_MONTH_NAMES, 1)} | {
    name.lower(): number for name, number in _MONTH_ABBREVIATIONS.items()
}
# early / mid / late and the seasons, as (first month, last month)
_PARTS = {
    "early": (1, 4), "beginning": (1, 4), "start": (1, 4),
    "mid": (5, 8), "middle": (5, 8),
    "late": (9, 12), "end": (9, 12), "close": (9, 12),
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
}  # fmt: skip
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_HALVES = {"first": 1, "1st": 1, "front": 1, "second": 2, "2nd": 2, "latter": 2, "back": 2}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_RELATIVE_OFFSET = {"last": -1, "this": 0, "next": 1, "coming": 1, "upcoming": 1, "current": 0}
_MARKERS: dict[str, DateMarker] = {
    "as of": "as_of", "by": "by", "since": "since", "until": "until", "till": "until", "through": "until",
    "thru": "until", "before": "before", "prior to": "before", "after": "after", "in": "in", "on": "in",
    "during": "in",
}  # fmt: skip

# ------------------------------------------------------------------------------------------------- pattern

_LOWER_MONTHS = tuple(name.lower() for name in _MONTH_NAMES if name not in ("May", "March"))
_FULL = "|".join(_MONTH_NAMES + tuple(name.upper() for name in _MONTH_NAMES) + _LOWER_MONTHS)
_ABBR = "|".join(sorted(_MONTH_ABBREVIATIONS, key=len, reverse=True))
_ABBR_UPPER = _ABBR.upper()
_ABBR_LOWER = "|".join(sorted((a.lower() for a in _MONTH_ABBREVIATIONS if a != "Mar"), key=len, reverse=True))
MONTH = rf"(?:{_FULL}|(?:{_ABBR}|{_ABBR_UPPER}|{_ABBR_LOWER})\.?)(?![A-Za-z])"
# A number starts here: not inside a word, an amount, an identifier, a decimal or a digit group.
NUMSTART = r"(?<![\w$#+./\\])(?<!\w-)(?<!\d,)"
YEAR = r"(?:19\d\d|20\d\d|2100)"
# Words that make a preceding four-digit number a count ("2000 tokens", "2021-line", "1999 users").
_COUNT_WORDS = (
    "tokens?|lines?|users?|people|persons?|words?|parameters?|params|gpus?|tpus?|chips?|employees?|engineers?|"
    "researchers?|developers?|agents?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|"
    "times|points?|pts|tasks?|files?|examples?|samples?|steps?|characters?|chars?|pages?|customers?|companies|"
    "company|dollars?|requests?|queries|query|calls?|messages?|rows?|questions?|problems?|issues?|sessions?|"
    "commits?|prompts?|responses?|documents?|images?|videos?|repos?|repositories|repository|items?|units?|"
    "votes?|downloads?|stars?|servers?|machines?|nodes?|cores?|bugs?|tests?|subscribers?|members?|students?|"
    "jobs?|layers?|experts?|variations?|features?|apps?|languages?|percent|elo"
)
_UNITS = r"ms|[KMGTP]B|km|kg|[kMG]W|pp|K|M|B"
YEAR_END = rf"(?![\w%]|[.,]\d|\s*%|[\s-]+(?:(?i:{_COUNT_WORDS})|{_UNITS})(?!\w))"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
ORD = r"(?:st|nd|rd|th)?"
DAY_END = r"(?![\d%]|[.,:]\d|\s*%)"  # a day without a year after it: not "March 20.5", "May 5%"
# a year in a full date with a month name may be any from 1000 ("5 December 1391")
YEAR_WIDE = r"(?:1\d\d\d|20\d\d|2100)"
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = "(?:" + "|".join(f"[{d[0].upper()}{d[0]}]{d[1:]}" for d in _WEEKDAY_NAMES) + r")(?!\w)"
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_DAY_WORDS = {word: n for n, word in enumerate(_ORDINAL_WORDS, 1)} | {"thirtieth": 30}
for _n, _word in enumerate(_ORDINAL_WORDS[:9], 1):
    _DAY_WORDS[f"twenty-{_word}"] = 20 + _n
_DAY_WORDS["thirty-first"] = 31
# "twenty-first", "twenty first", "fifth" (longest first)
DAY_WORD = "(?:" + "|".join(w.replace("-", "[- ]") for w in sorted(_DAY_WORDS, key=len, reverse=True)) + r")(?![\w-])"
DAYX = rf"(?:{DAY}{ORD}|{DAY_WORD})"  # a day in digits or an ordinal word
# "the twelfth of ", "second of " before a month name
_WORD_DAY_BEFORE = re.compile(rf"(?i)(?<![\w-])(?:the\s+)?(?P<d>{DAY_WORD})\s+of\s+$")
_UNIT = r"(?:day|week|month|year)"
# Years in words: "nineteen ninety nine", "nineteen oh one", "twenty twenty-five", "two thousand and eighteen",
# "one thousand seven hundred and eighty nine" (read where a year stands: after a month, "quarter of", a cue).
_UNIT_W = "one|two|three|four|five|six|seven|eight|nine"
_TEEN_W = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TWO_W = rf"(?:(?:{_TENS_W})(?:[- ](?:{_UNIT_W}))?|{_TEEN_W})"
_UNDER_100_W = rf"(?:{_TWO_W}|{_UNIT_W})"
_WY_CENTURY = rf"[- ](?:(?:oh|zero)[- ](?:{_UNIT_W})|{_TWO_W})(?![\w-])"  # after "nineteen" / "twenty"
_WY_THOUSAND = rf"\s+thousand(?:\s+(?:and\s+)?{_UNDER_100_W})?(?![\w-])"  # after "two"
_WY_HUNDREDS = rf"\s+thousand\s+(?:{_UNIT_W})\s+hundred(?:\s+(?:and\s+)?{_UNDER_100_W})?(?![\w-])"  # after "one"
WORD_YEAR = rf"(?i:(?:nineteen|twenty){_WY_CENTURY}|two{_WY_THOUSAND}|one{_WY_HUNDREDS})"
_WORD_VALUES = (
    {w: n for n, w in enumerate(_UNIT_W.split("|"), 1)}
    | {w: n for n, w in enumerate(_TEEN_W.split("|"), 10)}
    | {w: 10 * n for n, w in enumerate(_TENS_W.split("|"), 2)}
)
_TENS_SET = frozenset(_TENS_W.split("|"))
# A day after a month name in cardinal words, from ten up ("May twenty one", "jan twenty-two"; "May one" is a
# modal and a pronoun far more often than May 1st).
CARD_DAY = rf"(?i:twenty[- ](?:{_UNIT_W})|thirty[- ]one|thirty|twenty|{_TEEN_W})(?![\w-])"


def _under_100(words: list[str]) -> int:
    """["twenty", "five"] -> 25; ["eighteen"] -> 18."""
    if not words:
        return 0
    first = words[0]
    if first in _TENS_SET:
        return _WORD_VALUES[first] + (_WORD_VALUES[words[1]] if len(words) > 1 else 0)
    return _WORD_VALUES[first]


def _word_year(raw: str) -> int:
    """``nineteen ninety nine`` -> 1999, ``two thousand and eighteen`` -> 2018, ``nineteen oh one`` -> 1901."""
    words = [w for w in re.split(r"[\s-]+", raw.lower()) if w and w != "and"]
    if words[0] in ("nineteen", "twenty"):
        rest = [w for w in words[1:] if w not in ("oh", "zero")]
        return _WORD_VALUES[words[0]] * 100 + _under_100(rest)
    if words[0] == "two":  # two thousand (and) N
        return 2000 + _under_100(words[2:])
    return 1000 + _WORD_VALUES[words[2]] * 100 + _under_100(words[4:])  # one thousand N hundred (and) M


_COUNT = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def _of_year(kind: str) -> str:
    """``2026`` or ``the year`` / ``this year`` / ``next year`` / ``last year``."""
    return (
        rf"(?:(?P<{kind}_y>{YEAR}){YEAR_END}|(?P<{kind}_rel>the|this|next|last)\s+year(?!\w)"
        rf"|(?P<{kind}_yw>{WORD_YEAR}))"
    )


# The forms, in priority order within each group (at one position the first form that matches wins, so longer
# forms come first). Each is (kind, regex with named groups). The scan pattern is generated from them with the
# group names stripped and a marker group at the end of each form; ``_build`` re-reads a match with the form's
# own regex to get the parts. A leading "the" or weekday is read by ``_build`` from the text before the match.
def _numeric_forms() -> list[tuple[str, str]]:
    """3/5/2026, 22-02-2016, 13.5.2015 (one separator throughout; dots only with a four-digit year)."""
    forms = []
    for sep, year in (("/", rf"{YEAR}|\d\d"), ("-", rf"{YEAR}|\d\d"), (".", YEAR)):
        s = re.escape(sep)
        forms.append(("num", rf"(?P<num_a>[0-3]?\d){s}(?P<num_b>[0-3]?\d){s}(?P<num_y>{year})(?![\d%]|[.,]\d|[-/.]\d)"))
    return forms


_DIGIT_FORMS: list[tuple[str, str]] = [
    *_numeric_forms(),
    # 2015.5.13, 2019-aug-1, 2019/sep/01
    ("ymd", rf"(?P<ymd_y>{YEAR})\.(?P<ymd_m>1[0-2]|0?[1-9])\.(?P<ymd_d>{DAY})(?![\d%]|[.,]\d)"),
    ("ymn", rf"(?P<ymn_y>{YEAR})[-/](?P<ymn_m>{MONTH})[-/](?P<ymn_d>{DAY})(?![\d%]|[.,]\d)"),
    # 2016 Q3, 2016 H2, 2016H2
    ("q", rf"(?P<q_y>{YEAR})\s*Q(?P<q_n>[1-4])(?!\w)"),
    ("h", rf"(?P<h_y>{YEAR})\s*H(?P<h_n>[12])(?!\w)"),
    # 2015-3, 2015/3, 2016 - 11, 2016/ 11 (a month; 2016-11 is read by the year-range form)
    ("nym", rf"(?P<nym_y>{YEAR})(?:[-/]|\s+[-/]\s*|[-/]\s+)(?P<nym_m>1[0-2]|0?[1-9])(?![\d%]|[.,]\d|[-/]\d)"),
    # 3/2015, 11/2016, 11-2016, 11 / 2016
    ("nym", rf"(?P<nym_m>1[0-2]|0?[1-9])\s*[-/]\s*(?P<nym_y>{YEAR}){YEAR_END}(?![-/]\d)"),
    # 2026-03-05, 2026-03-05T10:00:00Z, 2026/03/05
    ("iso", rf"(?P<iso_y>{YEAR})(?P<iso_sep>-)(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])"
            r"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?!\d|[.]\d)"),
    ("iso", rf"(?P<iso_y>{YEAR})(?P<iso_sep>/)(?P<iso_m>0[1-9]|1[0-2])/(?P<iso_d>0[1-9]|[12]\d|3[01])"
            r"(?!\d|[.]\d)"),
    # 5-7 March 2026
    ("dr", rf"(?P<dr_d1>{DAY}){ORD}\s*-\s*(?P<dr_d2>{DAY}){ORD}\s+(?P<dr_m>{MONTH}),?\s+"
           rf"(?P<dr_y>{YEAR}){YEAR_END}"),
    # 5 March 2026, 5th of March 2026
    ("dmy", rf"(?P<dmy_d>{DAY}){ORD}\.?\s+(?:of\s+)?(?P<dmy_m>{MONTH}),?\s+"
            rf"(?:(?P<dmy_y>{YEAR_WIDE}){YEAR_END}|(?P<dmy_yw>{WORD_YEAR}))"),
    # 2016 june, 2016, nov (the year before the month)
    ("my", rf"(?P<my_y>{YEAR})\s*,?\s+(?P<my_m>{MONTH})(?!\s*\d)"),
    # 20th of next month, 31st of this month
    ("domr", rf"(?P<domr_d>{DAY})(?:st|nd|rd|th)\s+of\s+(?P<domr_rel>this|next|last|the\s+next|the\s+last)"
             r"\s+month(?!\w)"),
    # 2021-2025, 2021 - 2025, 2026/2027, 2026-27 (and 2024-03: a month)
    ("yr", rf"(?P<yr_a>{YEAR})(?:\s*[-/]\s*(?P<yr_b>{YEAR}){YEAR_END}"
           r"|(?P<yr_sep>[-/])(?P<yr_bb>\d\d)(?![\d%]|[.,]\d|[-/]\d|\s*%))"),
    # the 2020s, the 1990's
    ("dec", r"(?P<dec_y>(?:19|20)\d0)'?s(?!\w)"),
    # the 70's (the latest such decade: an apostrophe marks a decade, not "scores in the 70s")
    ("dec2", r"(?P<dec2_d>[1-9]0)'s(?!\w)"),
    ("dec2", r"(?<=')(?P<dec2_d>[1-9]0)s(?!\w)"),  # the '40s
    # 2024
    ("year", rf"(?P<year_y>{YEAR}){YEAR_END}"),
    # 5 March, 5th of March
    ("dm", rf"(?P<dm_d>{DAY}){ORD}\s+(?:of\s+)?(?P<dm_m>{MONTH})"),
    # 2Q 2026, 2Q26; 1H 2026
    ("q", rf"(?P<q_n>[1-4])Q(?:\s*(?P<q_y>{YEAR}){YEAR_END}|\s*'?(?P<q_yy>\d\d)(?!\d))"),
    ("h", rf"(?P<h_n>[12])H(?:\s*(?P<h_y>{YEAR}){YEAR_END}|\s*'?(?P<h_yy>\d\d)(?!\d))"),
    # 3 days ago, 1 month 21 days ago, 2 years, 1 month and 21 days ago
    ("ago", rf"(?P<ago_w>\d{{1,3}}\s+{_UNIT}s?(?:,?\s+(?:and\s+)?\d{{1,3}}\s+{_UNIT}s?)*)\s+ago(?!\w)"),
    # 2 weeks from now, 3 days after today, 2 days hence, 4 weeks in the future; 3 days (starting tomorrow): a
    # length of time, read only with the day it starts on
    ("cnt", r"(?P<cnt_n>\d{1,3})"
     rf"\s+(?P<cnt_u>{_UNIT})s?(?:\s+(?P<cnt_ago>ago)(?!\w)|\s+(?:(?P<cnt_dir>from|after|before)\s+"
     r"(?P<cnt_a>today|tomorrow|yesterday|now)|(?P<cnt_f>hence|in\s+the\s+future))(?!\w)"
     r"|(?=,?\s+(?:from|after|starting|beginning|commencing)\s))"),
    # 4/22, 22/04, 10-25: a month and a day without a year (needs "on", "from" ...; the day/month rule applies)
    ("nmd", r"(?P<nmd_a>[0-3]?\d)(?P<nmd_s>[/-])(?P<nmd_b>[0-3]?\d)(?![\d%/-]|[.,]\d)"),
    # 2nd quarter of 2026, 1st half of 2026
    ("qw", rf"(?P<qw_w>[1-4](?:st|nd|rd|th))\s+(?:calendar\s+)?quarter(?!\w)"
           rf"(?:\s+of\s+{_of_year('qw')}|,?\s+(?P<qw_y2>{YEAR}){YEAR_END})?"),
    ("hw", rf"(?P<hw_w>1st|2nd)\s+half\s+of\s+{_of_year('hw')}"),
]  # fmt: skip
_UPPER_FORMS: list[tuple[str, str]] = [
    # March 5-7, 2026; March 5-7
    ("mdr", rf"(?P<mdr_m>{MONTH})\s+(?P<mdr_d1>{DAY}){ORD}\s*-\s*(?P<mdr_d2>{DAY}){ORD}"
            rf"(?:,?\s+(?P<mdr_y>{YEAR}){YEAR_END}|{DAY_END})"),
    # March 5, 2026; Mar 5th 2026
    ("mdy", rf"(?P<mdy_m>{MONTH})(?:\s+(?:the\s+)?|-)(?P<mdy_d>{DAYX}|{CARD_DAY})(?:,\s*|\s+)"
            rf"(?:(?P<mdy_y>{YEAR_WIDE}){YEAR_END}|(?P<mdy_yw>{WORD_YEAR}))"),
    # May 2025, May of 2025, Feb-2026, November , 2016; June next year, March of last year
    ("my", rf"(?P<my_m>{MONTH})(?:\s*,\s*|\s+(?:of\s+)?|-)(?:(?P<my_y>{YEAR}){YEAR_END}"
           rf"|(?P<my_rel>this|next|last)\s+year(?!\w)|(?P<my_yw>{WORD_YEAR}))"),
    ("my", rf"(?P<my_m>{MONTH})\s+'(?P<my_yy>\d\d)(?!\d)"),
    # February 5, April 15th
    ("md", rf"(?P<md_m>{MONTH})(?:\s+(?:the\s+)?|[-/]|(?<=[a-z])(?=\d))"
           rf"(?P<md_d>{DAY}{ORD}{DAY_END}|{DAY_WORD}|{CARD_DAY})"),
    # Q2 2026, Q2'26, Q2 of 2026, bare Q2 (needs a cue)
    ("q", rf"Q(?P<q_n>[1-4])(?:(?:\s+of\s+|\s*-\s*|\s+)(?P<q_y>{YEAR}){YEAR_END}|\s*'(?P<q_yy>\d\d)(?!\d)"
          r"|(?!\w|\.\d|-\w))"),
    # H1 2026, H2'25
    ("h", rf"H(?P<h_n>[12])(?:(?:\s+of\s+|\s*-\s*|\s+)(?P<h_y>{YEAR}){YEAR_END}|\s*'(?P<h_yy>\d\d)(?!\d))"),
    # a month on its own (needs a cue or a range partner)
    ("mon", rf"(?P<mon_m>{MONTH})"),
]  # fmt: skip
_WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
# Forms led by a word: (kind, lead words, rest). The lead may be capitalised ("Early 2024", "Last year").
_WORD_FORMS: list[tuple[str, tuple[str, ...], str]] = [
    # early 2024, mid-2024, late in 2024, early next year; late this month, mid next week, early March
    ("part", ("early", "mid", "late"),
     rf"(?:\s*-\s*|\s+)(?:in\s+)?(?:(?P<part_y>{YEAR}){YEAR_END}|(?P<part_rel>this|next|last)\s+"
     rf"(?P<part_u>year|month|week)(?!\w)|(?P<part_m>{MONTH})(?:,?\s+(?P<part_my>{YEAR}){YEAR_END})?)"),
    # end of 2024, beginning of the year; end of next week, start of the month, end of March
    ("poy", ("end", "beginning", "start", "middle", "close"),
     rf"\s+of\s+(?:{_of_year('poy')}|(?P<poy_wrel>the|this|next|last)\s+(?P<poy_u>month|week)(?!\w)"
     rf"|(?P<poy_m>{MONTH})(?:,?\s+(?P<poy_my>{YEAR}){YEAR_END})?)"),
    # earlier this month, later this week, later in the year
    ("ltr", ("earlier", "later"), r"\s+(?:this|in\s+the)\s+(?P<ltr_u>week|month|year)(?!\w)"),
    # rest of the week, rest of this month
    ("rest", ("rest",), r"\s+(?:of\s+)?(?:the\s+|this\s+|my\s+)?(?P<rest_u>week|month|year)(?!\w)"),
    # the third week of July, first week of 2015, the last week of this month, the third week next year
    ("nwk", ("first", "second", "third", "fourth", "fifth", "last"),
     rf"\s+week\s+(?:(?:of|in)\s+(?:the\s+)?)?(?:(?P<nwk_rel>this|next|last|previous)\s+(?P<nwk_u>month|year)(?!\w)"
     rf"|(?P<nwk_m>{MONTH})(?:,?\s+(?P<nwk_my>{YEAR}){YEAR_END})?|(?P<nwk_y>{YEAR}){YEAR_END}"
     rf"|(?P<nwk_yw>{WORD_YEAR}))"),
    # the first Friday of July, the second Monday of next month
    ("nwd", ("first", "second", "third", "fourth", "fifth", "last"),
     rf"\s+(?P<nwd_d>{WEEKDAY})\s+(?:of|in)\s+(?:(?:the\s+)?(?P<nwd_rel>this|next|last|previous)\s+month(?!\w)"
     rf"|(?P<nwd_m>{MONTH})(?:,?\s+(?P<nwd_y>{YEAR}){YEAR_END})?)"),
    # the second Sunday: of the publication month ("last Sunday" is last week's)
    ("nwd", ("first", "second", "third", "fourth", "fifth"), rf"\s+(?P<nwd_d>{WEEKDAY})(?!\s+(?:of|in)\s)"),
    # Week 31, week 10 of 2019 (ISO weeks; not "week 3 of the trial")
    ("wn", ("week",), rf"\s+(?P<wn_n>5[0-3]|[1-4]\d|[1-9])(?![\d%]|[.,:]\d)"
                      rf"(?:,?\s+(?:of\s+)?(?P<wn_y>{YEAR}){YEAR_END}|(?!\s+of\s))"),
    # the week after next, the month after the next
    ("anext", ("weekend", "week", "month", "year"), r"\s+after\s+(?:the\s+)?next(?!\w)"),
    # the day after tomorrow, the day before yesterday
    ("dab", ("day",), r"\s+(?P<dab_dir>after|before)\s+(?P<dab_a>tomorrow|tmrw|yesterday)(?!\w)"),
    # the 27th, Friday the 15th (a day of the month, the month from the publication date)
    ("dom", ("the",), rf"\s+(?P<dom_d>{DAY})(?P<dom_o>st|nd|rd|th)?(?![\w%.,:]\d|[\w%])"
                      r"(?!\s+(?!(?:and|or|to|at|in|on|when|until|till|through|from|for|with)\b)[A-Za-z])"),
    # Friday, on Monday (the latest one on or before the publication date)
    ("wd", _WEEKDAY_NAMES, r"(?!\w)"),
    # Tue, Thur. (capitalised abbreviations: only with a date or a week they name a day of, "this week from Tue to
    # Thur"; alone "Sun", "Sat", "Wed" are a newspaper, a verb and a verb)
    ("wda", tuple(_WEEKDAY_ABBREVIATIONS), r"(?![\w-])"),
    # this Friday, next Sunday, last Monday
    ("rwd", ("this", "next", "last", "coming", "previous", "upcoming"), rf"\s+(?P<rwd_d>{WEEKDAY})"),
    # this September, last March, next june
    ("rmon", ("this", "next", "last", "coming", "previous"), rf"\s+(?P<rmon_m>{MONTH})"),
    # now (only as the end of a range: "between now and November 15th")
    ("now", ("now",), r"(?!\w)"),
    # year-end, year-end 2025
    ("ye", ("year",), rf"[\s-]?end(?!\w)(?:\s+(?P<ye_y>{YEAR}){YEAR_END})?"),
    # summer 2025, fall of 2024
    ("season", ("spring", "summer", "fall", "autumn"), rf"(?:\s+of)?\s+(?P<season_y>{YEAR}){YEAR_END}"),
    # second quarter of 2026, fourth quarter, final quarter of the year
    ("qw", ("first", "second", "third", "fourth"),
     rf"\s+(?:calendar\s+)?quarter(?!\w)(?:\s+of\s+{_of_year('qw')}|,?\s+(?P<qw_y2>{YEAR}){YEAR_END})?"),
    ("qw", ("final", "last"), rf"\s+quarter\s+of\s+{_of_year('qw')}"),
    # first half of 2026, second half of the year
    ("hw", ("first", "second", "front", "back", "latter"), rf"\s+half\s+of\s+{_of_year('hw')}"),
    # the seventies, the nineteen seventies, the twenty-tens, the two thousands, the two thousand and tens, the
    # noughties (a decade in words; needs "the")
    ("wdec", _DECADE_WORDS + ("noughties",), r"(?!\w)"),
    ("wdec", ("nineteen", "twenty"), rf"[- ](?P<wdec_t>tens|{'|'.join(_DECADE_WORDS)})(?!\w)"),
    ("wdec", ("two",), rf"\s+thousand(?:s|\s+and\s+(?P<wdec_t>tens|{'|'.join(_DECADE_WORDS)}))(?!\w)"),
    # in nineteen twenty eight, from two thousand until two thousand and fourteen (a year in words, after a cue)
    ("wyr", ("nineteen", "twenty"), _WY_CENTURY),
    ("wyr", ("two",), _WY_THOUSAND),
    ("wyr", ("one",), _WY_HUNDREDS),
    # three days ago, a couple of weeks ago, two weeks from now, a week (starting tomorrow)
    ("cnt", ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", r"a\s+couple\s+of", r"couple\s+of", "an", "a"),
     rf"\s+(?P<cnt_u>{_UNIT})s?(?:\s+(?P<cnt_ago>ago)(?!\w)|\s+(?:(?P<cnt_dir>from|after|before)\s+"
     r"(?P<cnt_a>today|tomorrow|yesterday|now)|(?P<cnt_f>hence|in\s+the\s+future))(?!\w)"
     r"|(?=,?\s+(?:from|after|starting|beginning|commencing)\s))"),
    # today, yesterday, tomorrow
    ("rday", ("today", "yesterday", "tomorrow", "tmrw"), r"(?!\w)"),
    # last week, this month, next year, last quarter
    # next 3 days, the past two weeks, last 3 years, previous 2 months
    ("span", ("next", "past", "last", "previous", "coming"),
     r"\s+(?P<span_n>[1-9]\d{0,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*"
     r"(?P<span_u>day|week|month|year|decade)s?(?!\w)"),
    # this weekend, next weekend, last weekend
    ("wkend", ("this", "next", "last", "coming"), r"\s+weekend(?!\w)"),
    ("rel", ("this", "last", "next", "coming", "upcoming", "current"),
     r"\s+(?P<rel_u>week|month|year|quarter|decade)(?!\w)"),
]  # fmt: skip

_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def _compile_scanner() -> tuple[re.Pattern[str], list[tuple[str, re.Pattern[str]]]]:
    """One pattern for the whole grammar, dispatched on the first character so a scan stays fast."""
    forms: list[tuple[str, re.Pattern[str]]] = []

    def scan_part(kind: str, full: str, scan: str) -> str:
        forms.append((kind, re.compile(full)))
        return f"{_GROUP_NAME.sub('(?:', scan)}(?P<f{len(forms) - 1}>)"

    digits = "|".join(scan_part(kind, regex, regex) for kind, regex in _DIGIT_FORMS)
    upper = "|".join(scan_part(kind, regex, regex) for kind, regex in _UPPER_FORMS)
    # Word forms are grouped by their first letter and then by their lead word, so a word enters only the forms
    # its lead starts ("this" tries "this weekend", "this week", "this Friday", "this September" once, in form
    # order). Rests start with a space or a non-letter, so a lead's prefix ("a" of "an") never competes with it.
    by_letter: dict[str, dict[str, list[str]]] = {}
    for kind, leads, rest in _WORD_FORMS:
        full = rf"(?P<{kind}_w>(?i:{'|'.join(leads)})){rest}"
        for lead in leads:
            by_letter.setdefault(lead[0], {}).setdefault(lead[1:], []).append(scan_part(kind, full, rest))
    # Each letter branch starts with a character class: the regex engine skips a non-matching one cheaply.
    words = "|".join(
        f"[{first}{first.upper()}](?:"
        + "|".join(f"{tail}(?:{'|'.join(parts)})" for tail, parts in sorted(by_lead.items(), key=lambda t: -len(t[0])))
        + ")"
        for first, by_lead in by_letter.items()
    )
    # lowercase months are tried only where one starts: most lowercase words never enter the month forms
    _LOWER_LEAD = "(?:jan|feb|apr|jun|jul|aug|sep|oct|nov|dec)"
    pattern = rf"(?<!\w)(?:(?=\d){NUMSTART}(?:{digits})|(?=[JFMASONDQH]|{_LOWER_LEAD})(?:{upper})|{words})"
    return re.compile(pattern), forms


_SCANNER, _FORMS = _compile_scanner()

# What stands just before a date is read from the last few whitespace-separated words (string methods, not a
# regex search over a window: they run once per match and must stay cheap).
_LOOKBACK = 40
_APPROXIMATORS = frozenset({"around", "about", "circa", "c.", "roughly", "approximately", "approx.", "~"})
_SINGLE_MARKERS = frozenset(_MARKERS) - {"as of", "prior to"}
# Words that make a bare month ("in August", "by March") or a bare quarter a date.
_BARE_CUES = frozenset(
    "in on by since until till through thru from to and or before after during between of early late mid "
    "around about circa".split()
)
_LEAD_DAY = re.compile(
    r"(?<![\w.,$])(?:(?P<op>from|between)\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    r"\s*(?P<c>-|to|till|until|through|and)\s*$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"(?i)\s*(?:-|/|to|through|thru|until|till)\s*")
_AND_JOIN = re.compile(r"(?i)\s+and\s+")
# "moved the launch from May to June": two dates, not a range
_CHANGE_VERB = re.compile(r"(?i)(?<!\w)(?:moved|postponed|delayed|pushed|shifted|changed|rescheduled|slipped)\b")
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
_WORD_AFTER = re.compile(r"\s+([a-z]+)")
# Capitalised words after which a year is still a year ("Since 2023", title case "Timeline For 2026").
_YEAR_CUES = frozenset(
    "in on by since until till through from to and or before after during of circa around about early late "
    "mid end the as at for between than vs versus per last next this every each spring summer fall autumn "
    "winter year fy calendar fiscal q1 q2 q3 q4 h1 h2 beyond throughout across unlike like into over past "
    "post pre starting ending beginning".split()
)
# Lowercase words ending in "s" after a year that are not plural nouns ("2024 was", "2025 has").
_NOT_PLURAL = frozenset(
    "is was has as its this thus plus does always perhaps towards afterwards sometimes besides whereas "
    "across unless less yes".split()
)
# Words before a year that make "2024 <plural>" a date anyway ("in 2024 models improved", "the 2024 models").
_DATE_WORDS_BEFORE = frozenset(
    "in on by since until till through from to and or before after during of the early late mid circa around "
    "about between as at for".split()
)


# -------------------------------------------------------------------------------------------------- atoms

Span = tuple[date, date]
NumericOrder = Literal["mdy", "dmy"]


@dataclass(slots=True)
class _Atom:
    """One date expression before years are resolved and ranges joined."""

    start: int
    end: int
    precision: DatePrecision
    span: Callable[[int], Span] | None = None  # calendar forms: the span in a given year
    year: int | None = None  # the year the text names (for ranges, the last one)
    rel: Callable[[date], Span] | None = None  # relative forms: the span given the publication date
    approximate: bool = False
    weak: bool = False  # only a date with a cue word or as part of a range ("in August", "Feb-Mar 2026")
    floor: int = 0  # the expression may not grow back before this (an excluded span or the previous match)
    sets_context: bool = True  # an explicit year here dates the yearless dates after it ("the 2020s" does not)
    numeric: tuple[int, int] | None = None  # "3/5/2026": the two numbers whose day/month order is to be decided
    kind: str = ""  # the form that read it
    weekday: int | None = None  # "Friday" (0 is Monday)
    length: tuple[int, str] | None = None  # "3 days" (before "starting tomorrow"): the count and the unit
    unit: str | None = None  # "next week": the unit a relative form names
    dom: int | None = None  # "the 15th": the day of the month


@dataclass(slots=True)
class _Before:
    """The text just before a date: what touches it, and the words before that (nearest last)."""

    attached: str  # "(", "~", "mid-": what touches the date on its left; "" when whitespace does
    raw: list[str]  # whitespace-separated tokens before that
    words: list[str]  # the same, lowercased, with opening brackets and quotes stripped
    window: str
    offset: int  # where ``window`` starts in the text

    def last(self, n: int = 1) -> list[str]:
        """The last n words, only if nothing but whitespace lies between them and the date."""
        return [] if self.attached else self.words[-n:]

    def token_start(self, index: int = -1) -> int:
        """Offset in the text of ``raw[index]`` (after its opening brackets/quotes)."""
        limit = len(self.window) - len(self.attached)
        for i in range(len(self.raw) - 1, len(self.raw) + index - 1, -1):
            limit = self.window.rfind(self.raw[i], 0, limit)
        token = self.raw[index]
        return self.offset + limit + len(token) - len(token.lstrip("([{\"'"))


def _before(text: str, s: int) -> _Before:
    offset = max(0, s - _LOOKBACK)
    window = text[offset:s]
    raw = window.split()
    attached = raw.pop() if raw and not window[-1].isspace() else ""
    if offset > 0 and raw and not window[0].isspace():
        raw.pop(0)  # the window cut this word
    raw = raw[-3:]
    words = [token.lstrip("([{\"'").lower() for token in raw]
    return _Before(attached, raw, words, window, offset)


def _has_cue(before: _Before) -> bool:
    """A cue word or a comma before a bare month or quarter ("in August", "in September, October")."""
    if before.attached:
        return before.attached.lower().endswith("mid-")
    if not before.words:
        return False
    return before.words[-1] in _BARE_CUES or before.raw[-1].endswith(",") or before.words[-2:] == ["as", "of"]


def _month_of(name: str) -> int:
    return _MONTH_NUMBER[name.rstrip(".").lower()]


def _two_digit_year(digits: str) -> int:
    """'26 is 2026, '89 is 1989: two digits from 50 up name the last century."""
    n = int(digits)
    return 2000 + n if n < 50 else 1900 + n


def _fixed(span: Span) -> Callable[[int], Span]:
    return lambda _year: span


# forms whose leading "the" belongs to them: "the second quarter of 2026", "the week after next", "the '40s"
_TAKES_THE = frozenset("qw hw poy dec dec2 wdec nwk nwd anext dab dm domr rest wn".split())


def _build(m: re.Match[str], text: str, floor: int) -> _Atom | None:
    """Read one scan match with its form's own regex; None when it turns out not to be a date."""
    assert m.lastgroup is not None
    kind, form = _FORMS[int(m.lastgroup[1:])]
    s, e = m.span()
    detail = form.match(text, s)
    if detail is None or detail.end() != e:  # pragma: no cover - the scan and the form are the same regex
        return None
    groups = detail.groupdict()

    def g(name: str) -> str | None:
        return groups.get(name)

    atom = _atom(kind, g, text, s, e)
    if atom is None:
        return None
    atom.floor = floor
    atom.kind = kind
    if kind in _TAKES_THE:
        # "the second quarter of 2026", "the week after next": the article belongs to the date
        before = _before(text, atom.start)
        if before.last() == ["the"] and before.token_start() >= floor:
            atom.start = before.token_start()
    if kind in ("dmy", "mdy", "md", "mdr", "dm"):  # "Wed, 22 of Jan": the weekday belongs to the date
        before = _before(text, s)
        weekday = before.last() and before.words[-1].rstrip(".,") in _WEEKDAYS and before.raw[-1][:1].isupper()
        if weekday and before.token_start() >= floor:
            atom.start = before.token_start()
    return atom


def _atom(kind: str, g: Callable[[str], str | None], text: str, s: int, e: int) -> _Atom | None:
    def number(name: str) -> int:
        value = g(name)
        assert value is not None
        return int(value)

    def year(full: str, short: str | None = None) -> int | None:
        if g(full):
            return number(full)
        if g(full + "w"):  # a year in words
            return _word_year(g(full + "w") or "")
        if short and g(short):
            return _two_digit_year(g(short) or "")
        return None

    if kind == "num":
        a, b = number("num_a"), number("num_b")
        yy = g("num_y") or ""
        y = int(yy) if len(yy) == 4 else _two_digit_year(yy)
        if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
            return None
        atom = _Atom(s, e, "day", None, y)
        atom.numeric = (a, b)
        return atom
    if kind == "nym":
        y, mo = number("nym_y"), number("nym_m")
        return _Atom(s, e, "month", lambda _y: month_span(y, mo), y)
    if kind == "iso":
        y, mo, d = number("iso_y"), number("iso_m"), number("iso_d")
        return _Atom(s, e, "day", lambda _y: (date(y, mo, d), date(y, mo, d)), y)
    if kind in ("dr", "mdr"):
        mo = _month_of(g(f"{kind}_m") or "")
        d1, d2 = number(f"{kind}_d1"), number(f"{kind}_d2")
        if d1 >= d2:
            return None
        return _Atom(s, e, "range", lambda yy: (date(yy, mo, d1), date(yy, mo, d2)), year(f"{kind}_y"))
    if kind in ("dmy", "mdy", "md", "dm"):
        mo, d = _month_of(g(f"{kind}_m") or ""), _day_number(g(f"{kind}_d") or "")
        return _Atom(s, e, "day", lambda yy: (date(yy, mo, d), date(yy, mo, d)), year(f"{kind}_y"))
    if kind in ("my", "mon") and s > 6:
        word_day = _WORD_DAY_BEFORE.search(text, max(0, s - 32), s)
        if word_day and (kind == "mon" or not g("my_rel")):  # "the twelfth of June 2025": an ordinal-word day
            mo, d = _month_of(g(f"{kind}_m") or ""), _day_number(word_day.group("d"))
            named = year("my_y", "my_yy") if kind == "my" else None
            return _Atom(word_day.start(), e, "day", lambda yy: (date(yy, mo, d), date(yy, mo, d)), named)
    if kind == "my":
        mo = _month_of(g("my_m") or "")
        return _year_form(s, e, "month", lambda yy: month_span(yy, mo), year("my_y", "my_yy"), g("my_rel"))
    if kind in ("ymd", "ymn"):
        y, d = number(f"{kind}_y"), number(f"{kind}_d")
        mo = number("ymd_m") if kind == "ymd" else _month_of(g("ymn_m") or "")
        return _Atom(s, e, "day", lambda _y: (date(y, mo, d), date(y, mo, d)), y)
    new = _new_atom(kind, g, text, s, e)
    if new is not None or kind in _NEW_KINDS:
        return new
    if kind == "mon":
        name = g("mon_m") or ""
        abbreviated = name.rstrip(".").capitalize() not in _MONTH_NAMES  # "Jan" is also a first name
        weak = abbreviated or not _has_cue(_before(text, s))
        mo = _month_of(name)
        return _Atom(s, e, "month", lambda yy: month_span(yy, mo), None, weak=weak)
    if kind == "q":
        n = number("q_n")
        named = year("q_y", "q_yy")
        weak = named is None and not _has_cue(_before(text, s))
        return _Atom(s, e, "quarter", lambda yy: _months(yy, 3 * n - 2, 3 * n), named, weak=weak)
    if kind == "qw":
        word = (g("qw_w") or "").lower()
        n = 4 if word in ("final", "last") else _ORDINALS[word]
        named = year("qw_y") or year("qw_y2")
        return _year_form(s, e, "quarter", lambda yy: _months(yy, 3 * n - 2, 3 * n), named, g("qw_rel"))
    if kind == "h":
        n = number("h_n")
        return _Atom(s, e, "half", lambda yy: _months(yy, 6 * n - 5, 6 * n), year("h_y", "h_yy"))
    if kind == "hw":
        n = _HALVES[(g("hw_w") or "").lower()]
        return _year_form(s, e, "half", lambda yy: _months(yy, 6 * n - 5, 6 * n), year("hw_y"), g("hw_rel"))
    if kind in ("part", "poy") and ((g(f"{kind}_u") or "year") != "year" or g(f"{kind}_m")):
        return _part_of_unit(kind, g, s, e)
    if kind in ("part", "poy", "season", "ye"):
        first, final = _PARTS.get((g(f"{kind}_w") or "").lower(), (9, 12))  # "year-end": late in the year

        def span(yy: int) -> Span:
            return _months(yy, first, final)

        atom = _year_form(s, e, "part-of-year", span, year(f"{kind}_y"), g(f"{kind}_rel"))
        atom.approximate = True
        return atom
    if kind == "yr":
        return _year_range(g, text, s, e)
    if kind == "dec":
        y = number("dec_y")
        return _Atom(s, e, "range", _fixed((date(y, 1, 1), date(y + 9, 12, 31))), y + 9, sets_context=False)
    if kind == "year":
        if not _reads_as_year(text, s, e):
            return None
        y = number("year_y")
        return _Atom(s, e, "year", _fixed((date(y, 1, 1), date(y, 12, 31))), y)
    if kind == "ago":
        if g("ago_u") is None:  # "1 month 21 days ago": every count and unit
            return _ago_compound(s, e, g("ago_w") or "")
        return _ago(s, e, g("ago_w") or "", g("ago_u") or "")
    if kind == "rday":
        words = _before(text, s).last(2)
        if words[-1:] == ["of"] and words[:1] != ["as"]:  # "the intelligence of tomorrow"
            return None
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tmrw": 1}[(g("rday_w") or "").lower()]
        return _Atom(s, e, "day", rel=lambda p: (p + timedelta(days=offset),) * 2)
    if kind == "span":
        return _period(s, e, (g("span_w") or "").lower(), g("span_n") or "", (g("span_u") or "").lower())
    if kind == "wkend":
        offset = _RELATIVE_OFFSET[(g("wkend_w") or "").lower()]

        def weekend(p: date) -> Span:
            monday = _week_of(p + timedelta(weeks=offset))[0]
            return monday + timedelta(days=5), monday + timedelta(days=6)

        return _Atom(s, e, "range", rel=weekend)
    if kind == "rel":
        lead = (g("rel_w") or "").lower()
        # "over the last year", "in the next year": a duration; "the coming week" is the week
        unit = (g("rel_u") or "").lower()
        if lead in ("last", "next", "this") and unit != "decade" and _before(text, s).last() == ["the"]:
            return None
        atom = _relative_unit(s, e, _RELATIVE_OFFSET[(g("rel_w") or "").lower()], (g("rel_u") or "").lower())
        atom.unit = (g("rel_u") or "").lower()
        return atom
    raise AssertionError(kind)  # pragma: no cover - every form is handled above


# ------------------------------------------------------------------------------------- weeks, parts, weekdays

_PART_WORD = {
    "early": "early", "beginning": "early", "start": "early",
    "mid": "mid", "middle": "mid",
    "late": "late", "end": "late", "close": "late",
}  # fmt: skip
# early / mid / late of a week (Monday = 0) and of a month (days): a week's early part is Monday to Wednesday, its
# middle Tuesday to Friday, its late part Thursday to Sunday; a month's are the 1st-15th, the 8th-23rd and the
# 16th to its end. A year's are its thirds (``_PARTS``).
_WEEK_PARTS = {"early": (0, 2), "mid": (1, 4), "late": (3, 6)}
_MONTH_PARTS = {"early": (1, 15), "mid": (8, 23), "late": (16, 31)}


def _day_number(raw: str) -> int:
    """``21st``, ``5``, ``twenty-first``, ``twenty first`` -> the day."""
    word = raw.lower().strip()
    digits = word.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    joined = re.sub(r"[\s-]+", "-", word)
    if joined in _DAY_WORDS:
        return _DAY_WORDS[joined]
    return _under_100(joined.split("-"))  # "twenty one", "fifteen"


def _weekday_of(name: str) -> int:
    return _WEEKDAY_NAMES.index(name.lower())


def _part(word: str, span: Span, unit: str) -> Span:
    """The early / mid / late part of a week or a month."""
    part = _PART_WORD[word.lower()]
    first, last = span
    if unit == "week":
        a, b = _WEEK_PARTS[part]
        return first + timedelta(days=a), first + timedelta(days=b)
    a, b = _MONTH_PARTS[part]
    return first.replace(day=a), first.replace(day=min(b, last.day))


def _unit_of(p: date, unit: str, offset: int = 0) -> Span:
    """The week (Monday to Sunday), month or year holding ``p``, shifted by ``offset`` units."""
    if unit == "week":
        return _week_of(p + timedelta(weeks=offset))
    if unit == "month":
        return month_span(*_shift_month(p.year, p.month, offset))
    return date(p.year + offset, 1, 1), date(p.year + offset, 12, 31)


def _part_of_unit(kind: str, g: Callable[[str], str | None], s: int, e: int) -> _Atom:
    """``late this month``, ``mid next week``, ``end of the week``, ``early March 2026``, ``end of March``."""
    word = g(f"{kind}_w") or ""
    unit = g(f"{kind}_u")
    if unit:
        rel = (g(f"{kind}_rel") if kind == "part" else g("poy_wrel")) or "this"
        offset = _RELATIVE_OFFSET.get(rel.lower(), 0)
        precision: DatePrecision = "month" if unit == "month" else "range"
        return _Atom(s, e, precision, rel=lambda p: _part(word, _unit_of(p, unit, offset), unit), approximate=True)
    mo = _month_of(g(f"{kind}_m") or "")
    named = g(f"{kind}_my")
    # a part of a month keeps month precision: a time inside the month, not a period ("In late October, ...")
    return _Atom(s, e, "month", lambda yy: _part(word, month_span(yy, mo), "month"), int(named) if named else None,
                 approximate=True)  # fmt: skip


def _thursday_weeks(first: date, last: date) -> list[date]:
    """Mondays of the weeks whose Thursday falls between ``first`` and ``last`` (the ISO 8601 rule)."""
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    mondays = []
    while thursday <= last:
        mondays.append(thursday - timedelta(days=3))
        thursday += timedelta(weeks=1)
    return mondays


def _nth_week(n: int, span: Span) -> Span:
    """The n-th week (-1: the last) of a month or year: weeks belong to the month or year of their Thursday."""
    mondays = _thursday_weeks(*span)
    monday = mondays[n - 1 if n > 0 else n]
    return monday, monday + timedelta(days=6)


def _nth_weekday(n: int, weekday: int, span: Span) -> Span:
    """The n-th (-1: the last) given weekday of a month."""
    first, last = span
    if n > 0:
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    else:
        day = last - timedelta(days=(last.weekday() - weekday) % 7)
    if not first <= day <= last:
        raise ValueError("no such weekday in the month")
    return day, day


def _shifted(p: date, n: int, unit: str) -> date:
    """``p`` moved by n days, weeks, months or years (a month's last day when the day does not exist)."""
    if unit in ("day", "week"):
        return p + timedelta(days=n * (7 if unit == "week" else 1))
    y, m = _shift_month(p.year, p.month, n * (12 if unit == "year" else 1))
    return date(y, m, min(p.day, calendar.monthrange(y, m)[1]))


def _count(raw: str) -> int:
    word = raw.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _day_of_month(p: date, day: int, weekday: int | None = None) -> Span:
    """``the 27th`` (``Friday the 15th``): that day in the publication month if it has come, else in the month
    before (the latest month where it falls on that weekday)."""
    shifts = range(0, -14, -1) if weekday is None else (k // 2 * (1 if k % 2 else -1) for k in range(1, 30))
    for shift in shifts:  # a weekday picks the nearest month, before or after, where the day falls on it
        y, m = _shift_month(p.year, p.month, shift)
        if day <= calendar.monthrange(y, m)[1]:
            candidate = date(y, m, day)
            if (candidate <= p or weekday is not None) and (weekday is None or candidate.weekday() == weekday):
                return candidate, candidate
    raise ValueError("no such day")


def _latest_weekday(p: date, weekday: int) -> Span:
    day = p - timedelta(days=(p.weekday() - weekday) % 7)
    return day, day


def _ago_compound(s: int, e: int, parts: str) -> _Atom:
    """``1 month 21 days ago``: every count back from the publication date, largest units first."""
    counts = [(int(n), unit.lower()) for n, unit in re.findall(rf"(\d+)\s+({_UNIT})", parts)]

    def back(p: date) -> Span:
        for n, unit in sorted(counts, key=lambda c: "year month week day".split().index(c[1])):
            p = _shifted(p, -n, unit)
        return p, p

    return _Atom(s, e, "day", rel=back)


_NEW_KINDS = frozenset("ltr rest nwk nwd wn anext dab cnt dom domr nmd wd rwd rmon now dec2 wdec wyr wda".split())
# cues after which a year in words is a year on its own ("in nineteen twenty eight"); elsewhere it is read only
# as the end of a range ("from two thousand until two thousand and fourteen"); "grew to two thousand" is a count
_WORD_YEAR_CUES = frozenset("in since until till during year from between before after".split())
_STRICT_CUES = frozenset("on by since until till from before after through".split())


def _new_atom(kind: str, g: Callable[[str], str | None], text: str, s: int, e: int) -> _Atom | None:
    """The forms for weeks, weekdays, days of the month and offsets from the publication date."""
    if kind == "ltr":  # earlier this month: up to the day before publication; later this week: from it on
        unit, earlier = (g("ltr_u") or "").lower(), (g("ltr_w") or "").lower() == "earlier"

        def ltr(p: date) -> Span:
            first, last = _unit_of(p, unit)
            return (first, max(first, p - timedelta(days=1))) if earlier else (p, last)

        return _Atom(s, e, "range", rel=ltr, approximate=True)
    if kind == "rest":
        unit = (g("rest_u") or "").lower()
        return _Atom(s, e, "range", rel=lambda p: (p, _unit_of(p, unit)[1]))
    if kind == "nwk":
        word = (g("nwk_w") or "").lower()
        n = -1 if word == "last" else _ORDINAL_WORDS.index(word) + 1
        unit = (g("nwk_u") or "").lower()
        if unit:
            offset = _RELATIVE_OFFSET.get((g("nwk_rel") or "").lower(), -1)
            return _Atom(s, e, "range", rel=lambda p: _nth_week(n, _unit_of(p, unit, offset)))
        if g("nwk_m"):
            mo = _month_of(g("nwk_m") or "")
            named = g("nwk_my")
            return _Atom(s, e, "range", lambda yy: _nth_week(n, month_span(yy, mo)), int(named) if named else None)
        y = int(g("nwk_y") or 0) or _word_year(g("nwk_yw") or "")
        return _Atom(s, e, "range", _fixed(_nth_week(n, (date(y, 1, 1), date(y, 12, 31)))), y)
    if kind == "nwd":
        word = (g("nwd_w") or "").lower()
        n = -1 if word == "last" else _ORDINAL_WORDS.index(word) + 1
        wd = _weekday_of(g("nwd_d") or "")
        if g("nwd_rel") or not g("nwd_m"):  # "the second Sunday": of the publication month
            offset = _RELATIVE_OFFSET.get((g("nwd_rel") or "this").lower(), -1)
            return _Atom(s, e, "day", rel=lambda p: _nth_weekday(n, wd, _unit_of(p, "month", offset)))
        mo = _month_of(g("nwd_m") or "")
        named = g("nwd_y")
        return _Atom(s, e, "day", lambda yy: _nth_weekday(n, wd, month_span(yy, mo)), int(named) if named else None)
    if kind == "wn":
        n, named = int(g("wn_n") or 0), g("wn_y")

        def iso_week(yy: int) -> Span:
            monday = date.fromisocalendar(yy, n, 1)
            return monday, monday + timedelta(days=6)

        return _Atom(s, e, "range", iso_week, int(named) if named else None)
    if kind == "anext":
        unit = (g("anext_w") or "").lower()
        if unit == "weekend":
            return _Atom(s, e, "range", rel=lambda p: _weekend(p, 2))
        return _Atom(s, e, _REL_PRECISION[unit], rel=lambda p: _unit_of(p, unit, 2))
    if kind == "dab":
        delta = 2 if (g("dab_dir") or "").lower() == "after" else -2
        return _Atom(s, e, "day", rel=lambda p: (p + timedelta(days=delta),) * 2)
    if kind == "cnt":
        count, unit = g("cnt_n") or g("cnt_w") or "", (g("cnt_u") or "").lower()
        if g("cnt_ago"):
            return _ago(s, e, count, unit)
        n = _count(" ".join(count.split()).replace("a couple of", "two").replace("couple of", "two"))
        if not (g("cnt_dir") or g("cnt_f")):  # a length: only with the day it starts on (see _combine)
            atom = _Atom(s, e, "range", weak=True)
            atom.length = (n, unit)
            return atom
        if g("cnt_f"):  # "2 days hence": the days after publication
            return _Atom(s, e, "range", rel=lambda p: (p + timedelta(days=1), _shifted(p, n, unit)))
        anchor = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}[(g("cnt_a") or "").lower()]
        sign = -1 if (g("cnt_dir") or "").lower() == "before" else 1
        before = _before(text, s)
        if sign > 0 and (before.last()[-1:] in (["for"], ["within"]) or before.last(2) == ["less", "than"]):
            # "for 3 days from today", "less than 2 weeks from today": the days from the anchor on
            s = before.token_start(-1 if before.last()[-1:] in (["for"], ["within"]) else -2)
            return _Atom(s, e, "range", rel=_lasting(lambda p: (p + timedelta(days=anchor),) * 2, n, unit))
        return _Atom(s, e, "day", rel=lambda p: (_shifted(p + timedelta(days=anchor), sign * n, unit),) * 2)
    if kind == "dom":
        day = int(g("dom_d") or 0)
        if not g("dom_o"):  # "for the 27.": only after a cue and before the sentence ends ("the 27 models" is no date)
            before = _before(text, s)
            if not (set(before.last()[-1:]) & (_STRICT_CUES | {"for"}) and re.match(r"\s*(?:[.!?;]|$)", text[e:])):
                return None
        atom = _Atom(s, e, "day", rel=lambda p: _day_of_month(p, day))
        atom.dom = day
        return atom
    if kind == "domr":
        day = int(g("domr_d") or 0)
        offset = _RELATIVE_OFFSET.get((g("domr_rel") or "").split()[-1].lower(), 0)

        def domr(p: date) -> Span:
            y, m = _shift_month(p.year, p.month, offset)
            return (date(y, m, day),) * 2

        return _Atom(s, e, "day", rel=domr)
    if kind == "nmd":
        a, b = int(g("nmd_a") or 0), int(g("nmd_b") or 0)
        if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
            return None
        before = _before(text, s)
        cue = before.last()[-1:] == ["on"] or (g("nmd_s") == "/" and bool(set(before.last()[-1:]) & _STRICT_CUES))
        if g("nmd_s") == "-" and not cue:
            return None  # "4-22" is a score or a range far more often than April 22
        atom = _Atom(s, e, "day", None, None, weak=not cue)
        atom.numeric = (a, b)
        return atom
    if kind == "wd":
        before = _before(text, s)
        if before.last() and before.raw[-1][:1].isupper() and before.words[-1] not in _YEAR_CUES:
            return None  # "Black Friday", "Cyber Monday": a name
        wd = _weekday_of(g("wd_w") or "")
        atom = _Atom(s, e, "day", rel=lambda p: _latest_weekday(p, wd))
        atom.weekday = wd
        return atom
    if kind == "wda":
        word = g("wda_w") or ""
        if not word[:1].isupper():
            return None
        wd = _WEEKDAY_ABBREVIATIONS[word.lower()]
        atom = _Atom(s, e, "day", rel=lambda p: _latest_weekday(p, wd), weak=True)
        atom.weekday = wd
        return atom
    if kind == "rwd":
        lead, wd = (g("rwd_w") or "").lower(), _weekday_of(g("rwd_d") or "")
        if lead in ("coming", "upcoming"):
            return _Atom(s, e, "day", rel=lambda p: (p + timedelta(days=(wd - p.weekday() - 1) % 7 + 1),) * 2)
        offset = _RELATIVE_OFFSET.get(lead, -1)
        return _Atom(s, e, "day", rel=lambda p: (_week_of(p)[0] + timedelta(days=wd + 7 * offset),) * 2)
    if kind == "rmon":
        lead, mo = (g("rmon_w") or "").lower(), _month_of(g("rmon_m") or "")

        def rmon(p: date) -> Span:
            if lead == "this":
                return month_span(p.year, mo)
            if lead in ("next", "coming"):
                return month_span(p.year + (mo <= p.month), mo)
            return month_span(p.year - (mo >= p.month), mo)  # last March: the latest March before this month

        return _Atom(s, e, "month", rel=rmon)
    if kind == "now":
        return _Atom(s, e, "day", rel=lambda p: (p, p), weak=True)
    if kind == "wdec":
        return _word_decade(g, text, s, e)
    if kind == "wyr":
        after = _WORD_AFTER.match(text, e, min(len(text), e + _LOOKBACK))
        plural = after is not None and after.group(1).endswith("s") and after.group(1) not in _NOT_PLURAL
        if plural or not _reads_as_year(text, s, e, plural_check=False):  # "in nineteen twenty eight cases"
            return None
        y = _word_year(text[s:e])
        before = _before(text, s)
        # "two thousand" alone is a count as often as a year: only the end of a range with another year
        weak = not (before.last()[-1:] and before.words[-1] in _WORD_YEAR_CUES) or y == 2000
        return _Atom(s, e, "year", _fixed((date(y, 1, 1), date(y, 12, 31))), y, weak=weak)
    if kind == "dec2":
        decade = int(g("dec2_d") or 0)
        s -= text[s - 1 : s] == "'"  # the apostrophe of "the '40s" belongs to it

        def latest_decade(p: date) -> Span:
            first = p.year - p.year % 100 + decade
            first -= 100 if first > p.year else 0
            return date(first, 1, 1), date(first + 9, 12, 31)

        return _Atom(s, e, "range", rel=latest_decade, sets_context=False)
    return None


def _word_decade(g: Callable[[str], str | None], text: str, s: int, e: int) -> _Atom | None:
    """``the seventies`` (the latest), ``the nineteen seventies``, ``the twenty-tens``, ``the two thousands``."""
    if _before(text, s).last() != ["the"]:  # "she is in her seventies" is an age
        return None
    lead, tens = (g("wdec_w") or "").lower(), (g("wdec_t") or "").lower()
    if lead == "noughties":
        first = 2000
    elif lead in _DECADE_WORDS:
        decade = 10 * (_DECADE_WORDS.index(lead) + 2)

        def latest_decade(p: date) -> Span:
            start = p.year - p.year % 100 + decade
            start -= 100 if start > p.year else 0
            return date(start, 1, 1), date(start + 9, 12, 31)

        return _Atom(s, e, "range", rel=latest_decade, sets_context=False)
    else:
        base = 1900 if lead == "nineteen" else 2000
        first = base + (0 if not tens else 10 if tens == "tens" else 10 * (_DECADE_WORDS.index(tens) + 2))
    return _Atom(s, e, "range", _fixed((date(first, 1, 1), date(first + 9, 12, 31))), first + 9, sets_context=False)


_REL_PRECISION: dict[str, DatePrecision] = {"week": "range", "month": "month", "year": "year"}


def _weekend(p: date, offset: int) -> Span:
    monday = _week_of(p + timedelta(weeks=offset))[0]
    return monday + timedelta(days=5), monday + timedelta(days=6)


def _year_form(
    s: int, e: int, precision: DatePrecision, span: Callable[[int], Span], year: int | None, rel: str | None
) -> _Atom:
    """A form that names its year explicitly, relatively ("of next year") or not at all ("of the year")."""
    if year is not None:
        return _Atom(s, e, precision, span, year)
    if rel and rel.lower() != "the":
        offset = _RELATIVE_OFFSET[rel.lower()]
        return _Atom(s, e, precision, rel=lambda p: span(p.year + offset))
    return _Atom(s, e, precision, span)


def _year_range(g: Callable[[str], str | None], text: str, s: int, e: int) -> _Atom | None:
    a = int(g("yr_a") or 0)
    if g("yr_b"):
        b = int(g("yr_b") or 0)
    else:
        two = int(g("yr_bb") or 0)
        if two > a % 100 and two - a % 100 <= 10:  # 2026-27, 2024/25
            b = a - a % 100 + two
        elif 1 <= two <= 12:
            return _Atom(s, e, "month", lambda _y: month_span(a, two), a)  # 2024-03, 2016/11
        else:
            return None
    if b <= a or not _reads_as_year(text, s, e, plural_check=False):
        return None
    return _Atom(s, e, "range", _fixed((date(a, 1, 1), date(b, 12, 31))), b)


def _reads_as_year(text: str, s: int, e: int, *, plural_check: bool = True) -> bool:
    """Checks a regex cannot make cheaply: a name before (``Windows 2000``), a count after (``2000 GPUs``)."""
    before = _before(text, s)
    if before.last():
        word = before.raw[-1]
        if (
            word[:1].isupper()
            and before.words[-1] not in _YEAR_CUES
            and before.words[-1].rstrip(".,") not in _MONTH_NUMBER
        ):
            return False  # "Windows 2000", "RTX 2080"
    if plural_check:
        after = _WORD_AFTER.match(text, e, min(len(text), e + _LOOKBACK))
        if after:
            word = after.group(1)
            if word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _NOT_PLURAL:
                if not before.last() or before.words[-1] not in _DATE_WORDS_BEFORE:
                    return False  # "generated 2000 variations"
    return True


def _ago(s: int, e: int, count: str, unit: str) -> _Atom:
    raw = " ".join(count.lower().split())
    n = int(raw) if raw.isdigit() else 2 if "couple" in raw else _NUMBER_WORDS[raw]
    unit = unit.lower()
    if unit == "day":
        return _Atom(s, e, "day", rel=lambda p: (p - timedelta(days=n),) * 2)
    if unit == "week":
        return _Atom(s, e, "day", rel=lambda p: (p - timedelta(weeks=n),) * 2, approximate=True)
    if unit == "month":

        def months_ago(p: date) -> Span:
            return month_span(*_shift_month(p.year, p.month, -n))

        return _Atom(s, e, "month", rel=months_ago, approximate=True)
    return _Atom(s, e, "year", rel=lambda p: (date(p.year - n, 1, 1), date(p.year - n, 12, 31)),
                 approximate=True)  # fmt: skip


def _period(s: int, e: int, lead: str, count: str, unit: str) -> _Atom:
    """``next 3 days`` runs from the day after publication; ``the past two weeks`` ends the day before it."""
    n = int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
    forward = lead in ("next", "coming")
    if unit == "decade":  # whole calendar decades after or before the current one: "the past two decades"
        return _Atom(s, e, "range", rel=lambda p: _decades(p, n if forward else -n), approximate=True)

    def shifted(p: date, sign: int) -> date:
        if unit in ("day", "week"):
            return p + timedelta(days=sign * n * (7 if unit == "week" else 1))
        y, m = _shift_month(p.year, p.month, sign * n * (12 if unit == "year" else 1))
        return date(y, m, min(p.day, calendar.monthrange(y, m)[1]))

    def span(p: date) -> Span:
        if forward:
            first = p + timedelta(days=1)
            return first, shifted(first, 1) - timedelta(days=1)
        return shifted(p, -1), p - timedelta(days=1)

    return _Atom(s, e, "range", rel=span)


def _decades(p: date, n: int) -> Span:
    """n calendar decades after (n > 0) or before (n < 0) the one holding ``p``; n = 0 is that one."""
    current = p.year - p.year % 10
    first, last = (current + 10, current + 10 * n) if n > 0 else (current + 10 * n, current - 10) if n else (
        current, current)  # fmt: skip
    return date(first, 1, 1), date(last + 9, 12, 31)


def _relative_unit(s: int, e: int, offset: int, unit: str) -> _Atom:
    if unit == "decade":
        return _Atom(s, e, "range", rel=lambda p: _decades(p, offset), approximate=True)
    if unit == "week":
        return _Atom(s, e, "range", rel=lambda p: _week_of(p + timedelta(weeks=offset)))
    if unit == "month":
        return _Atom(s, e, "month", rel=lambda p: month_span(*_shift_month(p.year, p.month, offset)))
    if unit == "quarter":

        def quarter(p: date) -> Span:
            y, first = _shift_month(p.year, (p.month - 1) // 3 * 3 + 1, 3 * offset)
            return _months(y, first, first + 2)

        return _Atom(s, e, "quarter", rel=quarter)
    return _Atom(s, e, "year", rel=lambda p: (date(p.year + offset, 1, 1), date(p.year + offset, 12, 31)))


# ------------------------------------------------------------------------------------------------ scanning


def _scan(text: str, exclude: Sequence[tuple[int, int]]) -> list[_Atom]:
    """All candidate atoms, in order, outside the excluded spans."""
    atoms: list[_Atom] = []
    search = _SCANNER.search
    position = floor = 0  # floor: where the last atom or excluded span ends (a rejected match moves no floor)
    for ex_start, ex_end in sorted((*exclude, (len(text), len(text)))):
        while position < ex_start:
            m = search(text, position, ex_start)
            if m is None:
                break
            atom = _build(m, text, floor)
            if atom is None:
                position = m.start() + 1  # rejected: try again just after its start
            else:
                atoms.append(atom)
                position = floor = m.end()
        position = floor = max(position, ex_end)
    return atoms


def _resolve(atom: _Atom, year: int | None, published: date | None) -> tuple[Span, YearOrigin, bool] | None:
    """Span, where its year came from, and whether it is relative; None when it cannot be resolved."""
    try:
        if atom.rel is not None:
            return (atom.rel(published), "publication", True) if published else None
        assert atom.span is not None
        if atom.year is not None:
            return atom.span(atom.year), "explicit", False
        if year is not None:
            return _in_year(atom.span, year), "context", False
        if published is not None:
            return _in_year(atom.span, published.year), "publication", False
    except (ValueError, OverflowError):  # February 30, year 0 or 10000
        pass
    return None


def _in_year(span: Callable[[int], Span], year: int) -> Span:
    """A yearless date in the year it takes; a February 29 that year lacks is the latest one before it."""
    try:
        return span(year)
    except ValueError:
        leap = next((y for y in range(year - 1, year - 4, -1) if calendar.isleap(y)), None)
        if leap is None:  # a leap year: the day is impossible in any year
            raise
        first, last = span(leap)  # still ValueError for a day no year has (February 30)
        if (first.month, first.day) != (2, 29) and (last.month, last.day) != (2, 29):
            raise  # "the fifth Friday of June" that year: another year's would be another date
        return first, last


def _resolve_pair(
    a: _Atom, b: _Atom, context: int | None, published: date | None
) -> tuple[Span, YearOrigin, bool] | None:
    """The range from ``a`` to ``b``: a yearless end borrows the other end's year ("Feb-Mar 2026")."""
    origin: YearOrigin = "explicit"
    relative = False
    try:
        if a.rel is None and b.rel is None and (a.year is None or b.year is None):
            assert a.span is not None and b.span is not None
            if b.year is not None:
                last = b.span(b.year)
                first = a.span(b.year)
                if first[0] > last[0]:  # "December to March 2026"
                    first = a.span(b.year - 1)
            else:
                if a.year is not None:
                    year = a.year
                elif context is not None:
                    year, origin = context, "context"
                elif published is not None:
                    year, origin = published.year, "publication"
                else:
                    return None
                first = a.span(year)
                last = b.span(year)
                if last[0] < first[0]:  # "November 2025 to February"
                    last = b.span(year + 1)
        else:
            ra, rb = _resolve(a, context, published), _resolve(b, context, published)
            if ra is None or rb is None:
                return None
            (first, origin, relative), (last, _, relative_b) = ra, rb
            relative = relative or relative_b
    except (ValueError, OverflowError):
        return None
    if first[0] > last[0] or first[1] > last[1]:
        return None
    return (first[0], last[1]), origin, relative


def _range_start(text: str, a: _Atom, b: _Atom) -> int | None:
    """Where the range a..b starts (at "from"/"between" if present); None if they do not join."""
    if b.start - a.end > 12 or b.floor > a.end:  # too far apart, or an excluded span between them
        return None
    joined = _RANGE_JOIN.fullmatch(text, a.end, b.start)
    if not joined and not _AND_JOIN.fullmatch(text, a.end, b.start):
        return None
    before = _before(text, a.start)
    opener = before.last()[-1:] if before.last() and before.token_start() >= a.floor else []
    if not joined:  # "between 2021 and 2025"; "in 2021 and 2025" is two dates
        return before.token_start() if opener == ["between"] else None
    if opener == ["between"]:  # "between September 4th through September 8th"
        return before.token_start()
    if opener == ["from"]:
        start = before.token_start()
        if _CHANGE_VERB.search(text, max(0, start - _LOOKBACK), start):
            return None
        return start
    return a.start


def _value(
    text: str, s: int, e: int, span: Span, precision: DatePrecision, origin: YearOrigin, relative: bool,
    approximate: bool,
) -> DateMatch:  # fmt: skip
    before = _before(text, s)
    words = before.last(3)
    hedged = before.attached.endswith("~")
    if before.attached in ("~", "(~"):
        words = before.words[-3:]
    elif words and words[-1] in _APPROXIMATORS:
        hedged = True
        words = words[:-1]
    marker = None
    if words[-2:] == ["as", "of"] or words[-2:] == ["prior", "to"]:
        marker = _MARKERS[" ".join(words[-2:])]
    elif words and words[-1] in _SINGLE_MARKERS:
        marker = _MARKERS[words[-1]]
    value = build(
        DateValue,
        start=span[0], end=span[1], precision=precision, text=text[s:e],
        approximate=approximate or hedged, relative=relative, year_from=origin, marker=marker,
    )  # fmt: skip
    return DateMatch(s, e, value)


def _numeric_order(atoms: list[_Atom], order: NumericOrder | None) -> list[_Atom]:
    """Give numeric dates their day/month order; drop those whose order cannot be known.

    A date is unambiguous when one part is over 12 (``02/22/2016``, ``21/04/2016``) or both parts are equal;
    it then sets the text's convention for the ambiguous ones after it. An ambiguous one (``3/5/2026``) takes
    the convention passed in or shown earlier, else it is not read: a wrong month costs more than a missed date.
    """
    kept = []
    for atom in atoms:
        if atom.numeric is not None:
            a, b = atom.numeric
            shown: NumericOrder | None = "dmy" if a > 12 else "mdy" if b > 12 else None
            if shown is not None:
                order = shown
            chosen = shown or ("mdy" if a == b else order)
            if chosen is None:
                continue
            month, day = (a, b) if chosen == "mdy" else (b, a)
            if atom.year is None:  # "on 4/22": the year comes from the text or the publication date
                atom.span = lambda yy, m=month, d=day: (date(yy, m, d), date(yy, m, d))
            else:
                atom.span = lambda _y, y=atom.year, m=month, d=day: (date(y, m, d), date(y, m, d))
        kept.append(atom)
    return kept


_COMBINING = frozenset({"wd", "wda", "rel", "cnt", *{"dmy", "mdy", "md", "dm", "wdm", "dom", "iso", "num", "ymd", "ymn",
                                              "nmd", "rday", "rwd"}})  # fmt: skip
_DAY_KINDS = frozenset({"dmy", "mdy", "md", "dm", "wdm", "dom", "iso", "num", "ymd", "ymn", "nmd"})
_WEEKDAY_JOIN = re.compile(r",?\s+(?:the\s+)?")
_WEEK_JOIN = re.compile(r"(?i),?\s+(?:on\s+|of\s+)?")
_LENGTH_JOIN = re.compile(
    r"(?i),?\s+(?:from|after|starting(?:\s+(?:from|on))?|beginning(?:\s+on)?|commencing(?:\s+on)?)\s+"
)
_WEEK_OF = re.compile(
    r"(?i)(?:\bthe\s+)?(?:\bweek\s+(?:of|commencing|starting|beginning)(?:\s+on)?|(?<!\w)w/c)\s+(?:the\s+)?$"
)
_LEAD_DAYS = re.compile(
    r"(?<![\w.,$])(?:(?P<op>from|between)\s+)?(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    r"\s*(?P<c>-|to|till|until|through|and)\s*(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:(?:of|in)\s+)?$",
    re.IGNORECASE,
)


def _days_of_week(week: Callable[[date], Span], first: int, last: int) -> Callable[[date], Span]:
    return lambda p: (week(p)[0] + timedelta(days=first), week(p)[0] + timedelta(days=last))


def _on_weekday(week: Callable[[date], Span], weekday: int) -> Callable[[date], Span]:
    return lambda p: (week(p)[0] + timedelta(days=weekday),) * 2


def _lasting(first: Callable[[date], Span], n: int, unit: str) -> Callable[[date], Span]:
    def span(p: date) -> Span:
        start = first(p)[0]
        return start, _shifted(start, n, unit) - timedelta(days=1)

    return span


def _lasting_from(first: Callable[[int], Span], n: int, unit: str) -> Callable[[int], Span]:
    def span(year: int) -> Span:
        start = first(year)[0]
        return start, _shifted(start, n, unit) - timedelta(days=1)

    return span


def _combine(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join atoms that are one date together: a weekday and its date (``Friday, March 5``, ``Friday the 15th``),
    a weekday and its week (``Friday next week``, ``next week on Friday``), a length and the day it starts
    (``3 days starting tomorrow``), ``the week of`` a day. A length on its own is dropped."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) and atoms[i + 1].floor <= a.end else None
        if b is not None and a.weekday is not None:
            if b.kind in _DAY_KINDS and _WEEKDAY_JOIN.fullmatch(text, a.end, b.start):
                b.start, b.floor = a.start, a.floor  # one date now: a range may join it to the one before
                if b.dom is not None and b.rel is not None:
                    day, wd = b.dom, a.weekday
                    b.rel = lambda p, day=day, wd=wd: _day_of_month(p, day, wd)
                out.append(b)
                i += 2
                continue
            if b.kind == "rel" and b.unit == "week" and b.rel and _WEEK_JOIN.fullmatch(text, a.end, b.start):
                out.append(_Atom(a.start, b.end, "day", rel=_on_weekday(b.rel, a.weekday), kind="wd+week"))
                i += 2
                continue
        if b is not None and a.kind == "rel" and a.unit == "week" and a.rel and b.weekday is not None:
            c = atoms[i + 2] if i + 2 < len(atoms) else None
            opener = re.fullmatch(r"(?i),?\s+(?P<op>between|from)\s+", text[a.end : b.start])
            if opener and c is not None and c.weekday is not None and b.weekday < c.weekday:
                joiner = (
                    r"\s+and\s+" if opener.group("op").lower() == "between" else r"\s*(?:-|to|until|till|through)\s*"
                )
                if re.fullmatch(joiner, text[b.end : c.start], re.IGNORECASE):
                    # "next week between Wednesday and Friday": those days of that week
                    rel = _days_of_week(a.rel, b.weekday, c.weekday)
                    out.append(_Atom(a.start, c.end, "range", kind="week-days", rel=rel))
                    i += 3
                    continue
            if re.fullmatch(r"(?i),?\s+(?:on\s+)?", text[a.end : b.start]):
                out.append(_Atom(a.start, b.end, "day", rel=_on_weekday(a.rel, b.weekday), kind="wd+week"))
                i += 2
                continue
        if a.length is not None:
            n, unit = a.length
            if b is not None and (b.rel or b.span) and _LENGTH_JOIN.fullmatch(text, a.end, b.start):
                start = a.start
                before = _before(text, start)
                if before.last()[-1:] in (["for"], ["within"]) and before.token_start() >= a.floor:
                    start = before.token_start()
                elif before.last(2) == ["less", "than"] and before.token_start(-2) >= a.floor:
                    start = before.token_start(-2)
                if b.rel is not None:
                    out.append(_Atom(start, b.end, "range", rel=_lasting(b.rel, n, unit), kind="length"))
                else:
                    assert b.span is not None
                    out.append(_Atom(start, b.end, "range", _lasting_from(b.span, n, unit), b.year, kind="length"))
                i += 2
                continue
            i += 1  # a length of time that no day follows is not a date
            continue
        out.append(a)
        i += 1
    for atom in out:
        if atom.precision == "day" and atom.start > atom.floor:
            lead = _WEEK_OF.search(text, max(atom.floor, atom.start - 30), atom.start)
            if lead:  # "the week of the 18th", "the week commencing February 4": its Monday-to-Sunday week
                atom.start, atom.precision = lead.start(), "range"
                if atom.rel is not None:
                    atom.rel = lambda p, rel=atom.rel: _week_of(rel(p)[0])
                elif atom.span is not None:
                    atom.span = lambda y, span=atom.span: _week_of(span(y)[0])
    return out


def _find(
    text: str, published: date | None, context_year: int | None, exclude: Sequence[tuple[int, int]],
    allow_weak: bool = False, numeric_order: NumericOrder | None = None,
) -> list[DateMatch]:  # fmt: skip
    atoms = _scan(text, exclude)
    if any(atom.numeric for atom in atoms):
        atoms = _numeric_order(atoms, numeric_order)
    if any(atom.kind in _COMBINING for atom in atoms):
        atoms = _combine(text, atoms)
    matches: list[DateMatch] = []
    context = context_year
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            start = _range_start(text, a, b)
            if start is not None and not (a.weak and b.weak):
                pair = _resolve_pair(a, b, context, published)
                if pair is not None:
                    span, origin, relative = pair
                    approximate = a.approximate or b.approximate
                    matches.append(_value(text, start, b.end, span, "range", origin, relative, approximate))
                    for atom in (a, b):
                        if atom.year is not None and atom.sets_context:
                            context = atom.year
                    i += 2
                    continue
        i += 1
        if a.weak and not allow_weak:
            continue
        resolved = _resolve(a, context, published)
        if resolved is None:
            continue
        span, origin, relative = resolved
        start, precision = a.start, a.precision
        if precision == "day" and not relative and a.start - a.floor > 2:
            lead = _LEAD_DAY.search(text, max(a.floor, a.start - 24), a.start)
            if (
                lead
                and int(lead.group("d")) < span[0].day
                and (lead.group("c").lower() != "and") == ((lead.group("op") or "").lower() != "between")
            ):
                # "from 4 to 22 January, 1995", "between 4 and 22 January": the month is written once
                start, precision = lead.start(), "range"
                span = (span[0].replace(day=int(lead.group("d"))), span[1])
        elif precision == "month" and a.start - a.floor > 2:
            lead = _LEAD_DAYS.search(text, max(a.floor, a.start - 30), a.start)
            if lead:  # "from 4 to 22 this month", "4 till 23 of next month"
                d1, d2 = int(lead.group("d1")), int(lead.group("d2"))
                if d1 < d2 <= span[1].day and (lead.group("c").lower() != "and") == (
                    (lead.group("op") or "").lower() != "between"
                ):
                    start, precision = lead.start(), "range"
                    span = (span[0].replace(day=d1), span[0].replace(day=d2))
        matches.append(_value(text, start, a.end, span, precision, origin, relative, a.approximate))
        if a.year is not None and a.sets_context:
            context = a.year
    return matches


# ------------------------------------------------------------------------------------------------- public


def find_dates(
    text: str,
    *,
    published: date | None = None,
    context_year: int | None = None,
    exclude: Sequence[tuple[int, int]] = (),
    numeric_order: NumericOrder | None = None,
) -> list[DateMatch]:
    """The date expressions in ``text``, in order, non-overlapping, longest first.

    ``published`` resolves relative dates (without it they are not returned) and gives yearless dates a year
    when no ``context_year`` (the year last named before this text) is known; an explicit year in ``text``
    becomes the context for the dates after it. ``exclude`` spans (model names, versions) are never read.
    ``numeric_order`` (``"mdy"`` or ``"dmy"``) is the article's convention for numeric dates, when known.
    """
    return _find(text, published, context_year, exclude, numeric_order=numeric_order)


_NUMERIC_DATE = re.compile(r"(?<![\w./-])([0-3]?\d)([/.-])([0-3]?\d)\2(?:\d{4}|\d\d)(?![\w/-]|[.]\d)")


def numeric_convention(texts: Iterable[str]) -> NumericOrder | None:
    """The day/month order an article's own unambiguous numeric dates show (``22/04/2016`` -> ``"dmy"``), to pass
    to ``find_dates`` for its ambiguous ones; None when it shows none, or both."""
    shown: set[NumericOrder] = set()
    for text in texts:
        if not any(sep in text for sep in "/-."):
            continue
        for m in _NUMERIC_DATE.finditer(text):
            a, b = int(m.group(1)), int(m.group(3))
            if 1 <= a <= 31 and 1 <= b <= 31 and (a > 12) != (b > 12):
                shown.add("dmy" if a > 12 else "mdy")
    return shown.pop() if len(shown) == 1 else None


def parse_date(text: str, *, published: date | None = None) -> DateValue | None:
    """Read a string that holds one date expression (front matter, a table header like ``2024 Performance``).

    Returns the first date found; a lone month or quarter name (``March``, ``Q3``) is accepted here.
    """
    matches = _find(text, published, None, (), allow_weak=True)
    return matches[0].value if matches else None


def calendar_day(v: DateValue) -> date | None:
    """The day ``v`` names when it is exactly one calendar day, stated (not approximate, not relative); else None."""
    if v.precision == "day" and v.start == v.end and not v.approximate and not v.relative:
        return v.start
    return None


def calendar_date(text: str) -> date | None:
    """``text`` read as exactly one calendar day (a metadata field: ``2026-03-05``, ``2026-03-05T10:00:00Z``,
    ``March 5, 2026``, ``5 March 2026``, ``Thursday, March 5, 2026``); None for anything else: a month, a year, a
    range, an impossible date (``2026-13-45``) or more text than the date.

    A field is a date by position, so case carries no signal there: ``march 5, 2026`` reads like ``March 5, 2026``
    (in prose a lowercase "march" is a verb).
    """
    stripped = text.strip()
    for candidate in dict.fromkeys((stripped, re.sub(r"\b[a-z]", lambda m: m.group(0).upper(), stripped))):
        value = parse_date(candidate)
        if value is not None and value.text == candidate:  # the date is the whole field, nothing more
            return calendar_day(value)
    return None


_PART_NAMES = {
    (1, 4): "early", (5, 8): "mid", (9, 12): "late", (3, 5): "spring", (6, 8): "summer", (9, 11): "fall",
}  # fmt: skip


def format_date(v: DateValue) -> str:
    """Human rendering by precision: ``2026-02-05``, ``May 2025``, ``Q2 2026``, ``early 2024``, ``2021-2025``.

    Approximate values other than parts of years get a ``~`` prefix.
    """
    start, end = v.start, v.end
    whole_months = start.day == 1 and end == month_span(end.year, end.month)[1]
    if v.precision == "day" and start == end:
        text = start.isoformat()
    elif v.precision == "month" and whole_months and (start.year, start.month) == (end.year, end.month):
        text = f"{_MONTH_NAMES[start.month - 1]} {start.year}"
    elif v.precision == "quarter" and whole_months and start.year == end.year and start.month % 3 == 1:
        text = f"Q{start.month // 3 + 1} {start.year}"
    elif v.precision == "half" and whole_months and start.year == end.year and start.month in (1, 7):
        text = f"H{start.month // 6 + 1} {start.year}"
    elif v.precision == "part-of-year" and whole_months and (start.month, end.month) in _PART_NAMES:
        return f"{_PART_NAMES[start.month, end.month]} {start.year}"  # approximate by nature: no "~"
    elif (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        text = str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    elif whole_months:
        first, last = _MONTH_NAMES[start.month - 1], _MONTH_NAMES[end.month - 1]
        if start.year == end.year:
            text = first if start.month == end.month else f"{first}-{last}"
            text = f"{text} {start.year}"
        else:
            text = f"{first} {start.year}-{last} {end.year}"
    else:
        text = start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
    return f"~{text}" if v.approximate else text
