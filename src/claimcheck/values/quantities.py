"""The quantity grammar: numbers in text -> ``Quantity`` values with meaning.

Owns: number literals (digits, number words, fractions, scales), hedges (over / at least / nearly / about ...),
ranges, units (percent, percentage points, multipliers, money and per-token rates, durations, scores, counts with
their noun) and the precision the text implies. It does not decide what a number is *about*: that is
``extract``'s job.

General quantity libraries were measured to lose ranges and hedges ("70-90%" -> 80, "over 80%" -> 80) and to run
at about 20 KB/s, so this is a hand-written grammar: one compiled pattern finds number atoms, and a small amount of
code looks left (hedges, currency, sign, "between") and right (scale, unit, range end, "+") of each atom.
Text is expected to be normalised (``textnorm.normalize``): dashes are "-", quotes are straight.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Change, Quantity, QuantityKind, build, replace

# ------------------------------------------------------------------------------------------------ number words

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_FRACTIONS = {
    "half": 0.5,
    "half a": 0.5,
    "quarter": 0.25,
    "a half": 0.5,
    "one half": 0.5,
    "one-half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "one-third": 1 / 3,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "one-quarter": 0.25,
    "three quarters": 0.75,
    "three-quarters": 0.75,
    "a fifth": 0.2,
    "one fifth": 0.2,
    "one-fifth": 0.2,
    "a tenth": 0.1,
    "one tenth": 0.1,
    "one-tenth": 0.1,
}

_WORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")"
# "twenty-five", "one hundred", "two thousand", "a dozen"; a bare "one" is handled by the caller (often a pronoun)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
_TWO_WORDS = rf"{_WORD}(?:[- ]{_WORD})?"  # "seven", "twenty-five", "sixty five"
# "one thousand and five hundred", "three thousand nine hundred and sixty five", "a thousand": groups of one or two
# words, each but the last closed by a scale word; "and" only after a scale word ("two and three" is two numbers)
_WORD_NUMBER = (
    rf"(?:(?:{_TWO_WORDS}|a(?=\s{_SCALE_WORD}))(?:\s{_SCALE_WORD}(?:(?:\sand)?\s{_TWO_WORDS}(?=\s{_SCALE_WORD}|(?!\s?\w)))?)*"
    r"|a\sdozen|dozens?)"
)
_FRACTION = (
    r"(?:(?:half\sa|quarter)(?=\s(?:million|billion|trillion)\b)"  # "half a million", "quarter million"
    r"|(?:a|one|two|three)[- ](?:half|third|thirds|quarter|quarters|fifth|tenth)|half)"
)
# an ISO currency code written against the number: "USD115", "115USD", "3 USD50 cards"
_GLUED_CODES = "USD|EUR|GBP|JPY|CNY|RMB|INR|CHF|CAD|AUD|HKD|NZD|SGD|MXN|KRW|BTC"
_ATOM_START = rf"(?:(?<![\w.,])|(?<=(?<![A-Za-z])(?:{_GLUED_CODES})))"
_ATOM_END = (
    r"(?=[xX×](?![a-zA-Z])|(?:[KkMBbT]|bn|mn|[kKMGTPE]?(?:W|Hz|FLOPS|B))(?![a-zA-Z])|[^\w]|$"
    rf"|(?:{_GLUED_CODES})(?![A-Za-z]))"
)
# "1,250", "75.0", ".5", and the Indian grouping "12,34,567.89" (lakhs: pairs of digits before the last three)
_DIGITS = r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?!,\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"

_ATOM = re.compile(
    rf"{_ATOM_START}(?:(?P<digits>{_DIGITS}){_ATOM_END}"
    rf"|(?P<fraction>{_FRACTION})(?![\w])|(?P<words>{_WORD_NUMBER})(?![\w]))"
    r"|(?P<single>\b(?:low |high |mid |the )?single[- ]digits?\b)"
    r"|(?P<verb>\b(?:doubled|doubling|doubles|tripled|triples|quadrupled|halved|halves|twice)\b)",
    re.IGNORECASE,
)


# Most sentences hold no number words: for them a digits-only pattern (about 10x faster) finds every atom.
_ATOM_DIGITS = re.compile(rf"{_ATOM_START}(?P<digits>{_DIGITS}){_ATOM_END}")
_NUMBER_WORDS = frozenset(
    [
        *_UNITS,
        *_TENS,
        "half",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "tenth",
        "dozen",
        "dozens",
        "hundred",
        "thousand",
        "single",
        "doubled",
        "doubling",
        "doubles",
        "tripled",
        "triples",
        "quadrupled",
        "halved",
        "halves",
        "twice",
    ]
)
_WORD_TOKEN = re.compile(r"[a-z]+")
_HAS_DIGIT = re.compile(r"\d")


def _atom_pattern(text: str) -> re.Pattern[str] | None:
    """The cheapest pattern that still finds every number atom in ``text`` (None: there is none)."""
    if not _NUMBER_WORDS.isdisjoint(_WORD_TOKEN.findall(text.lower())):
        return _ATOM
    return _ATOM_DIGITS if _HAS_DIGIT.search(text) else None


_MORE_OR_FEWER = re.compile(r"(more|fewer|less|additional|extra)\s+", re.IGNORECASE)
# a count per unit of time: "requests/minute", "tokens per second", "tokens/s", "tokens a day"
_PER_TIME = re.compile(
    r"\s*(?:/\s*|\s+per\s+|\s+an?\s+|\s+each\s+)(?P<u>seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|"
    r"weeks?|wk|months?|mo|years?|yr)\b(?![.,]?\d)(?!\s+(?:later|earlier|ago|before|after|prior|on|into|of)\b)",
    re.IGNORECASE,
)
_PER_TIME_UNITS = {
    **dict.fromkeys(("second", "seconds", "sec", "secs", "s"), "second"),
    **dict.fromkeys(("minute", "minutes", "min", "mins", "m"), "minute"),
    **dict.fromkeys(("hour", "hours", "hr", "hrs", "h"), "hour"),
    **dict.fromkeys(("day", "days", "d"), "day"),
    **dict.fromkeys(("week", "weeks", "wk"), "week"),
    **dict.fromkeys(("month", "months", "mo"), "month"),
    **dict.fromkeys(("year", "years", "yr"), "year"),
}


def words_to_number(words: str) -> float | None:
    """Value of an English number phrase ("twenty-five", "two thousand", "a dozen"); None if not one."""
    tokens = re.split(r"[\s-]+", words.lower().strip())
    if tokens in (["a", "dozen"], ["dozen"]):
        return 12.0
    if tokens == ["dozens"]:
        return None
    total = 0
    current = 0
    seen = False
    for token in tokens:
        if token in ("a", "and") and (token == "a" or seen):
            continue  # "a thousand", "one hundred and seventy"
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in _SCALES:
            total += max(current, 1) * _SCALES[token]
            current = 0
        else:
            return None
        seen = True
    value = total + current
    # "hundred hundred hundred ..." multiplies without end: past MAX_MAGNITUDE it is not a number anyone states
    return float(value) if seen and value <= MAX_MAGNITUDE else None


# ----------------------------------------------------------------------------------------------- context words

# Hedge phrases that precede a number, longest first, mapped to the bound they set.
# lower/upper: which bound the number becomes; inclusive: whether the bound itself is allowed.
_HEDGES: list[tuple[str, str]] = [
    ("more than", "gt"),
    ("greater than", "gt"),
    ("higher than", "gt"),
    ("over", "gt"),
    ("above", "gt"),
    ("exceeding", "gt"),
    ("in excess of", "gt"),
    ("north of", "gt"),
    ("upwards of", "gt"),
    ("just over", "gt~"),
    ("just above", "gt~"),
    ("at least", "ge"),
    ("no less than", "ge"),
    ("no fewer than", "ge"),
    ("a minimum of", "ge"),
    ("as many as", "le"),
    ("as much as", "le"),
    ("as high as", "le"),
    ("less than", "lt"),
    ("fewer than", "lt"),
    ("lower than", "lt"),
    ("under", "lt"),
    ("below", "lt"),
    ("just under", "lt~"),
    ("just below", "lt~"),
    ("up to", "le"),
    ("at most", "le"),
    ("no more than", "le"),
    ("a maximum of", "le"),
    ("within", "le"),
    ("nearly", "near"),
    ("almost", "near"),
    ("close to", "near"),
    ("just shy of", "near"),
    ("approximately", "approx"),
    ("approx.", "approx"),
    ("roughly", "approx"),
    ("about", "approx"),
    ("around", "approx"),
    ("some", "approx"),
    ("circa", "approx"),
    ("an estimated", "approx"),
    ("estimated", "approx"),
    ("on the order of", "approx"),
    ("an average of", "approx"),
    ("exceed", "gt"),
    ("exceeds", "gt"),
    ("surpass", "gt"),
    ("surpasses", "gt"),
    ("surpassing", "gt"),
    ("at least or equal to", "ge"),
    ("at most or equal to", "le"),
    ("no greater than", "le"),
    ("equal to", "eq"),
    ("equals", "eq"),
    ("equals to", "eq"),
    ("equaling to", "eq"),
]
# Comparators are composed, not listed: a comparative word and a template ("more than", "greater than or equal
# to", "bigger or equal than", "equal to or less than") give the bound it sets and whether the bound is included.
_GREATER = ("more", "greater", "higher", "larger", "bigger")
_LESSER = ("less", "fewer", "lower", "smaller")
_COMPARATOR_TEMPLATES = (
    ("{} than", False),
    ("{} than or equal to", True),
    ("{} or equal than", True),
    ("{} or equal to", True),
    ("equal to or {} than", True),
)
for _word in (*_GREATER, *_LESSER):
    for _template, _inclusive in _COMPARATOR_TEMPLATES:
        _bound = ("g" if _word in _GREATER else "l") + ("e" if _inclusive else "t")
        if (_template.format(_word), _bound) not in _HEDGES:
            _HEDGES.append((_template.format(_word), _bound))
_HEDGE_RE = re.compile(
    r"(?:^|(?<=[\s(\"']))(?P<hedge>"
    + "|".join(re.escape(h) for h, _ in sorted(_HEDGES, key=lambda x: -len(x[0])))
    + r")\s+(?:(?:a|an|just)\s+)?$",
    re.IGNORECASE,
)
_HEDGE_KIND = {h: k for h, k in _HEDGES}
_HEDGE_LAST_WORDS = frozenset(h.split()[-1] for h, _ in _HEDGES)
# ">= 30", "< = 100", "<=  -30"; not "<>30" or "=>30" (no comparison a text writes)
_SYMBOL_RE = re.compile(r"(?<![<>=])(?P<sym>[<>] ?=?|[≥≤~≈])\s{0,2}$")
_SIGN_WORD = re.compile(r"(?<![\w-])(?:minus|negative)\s+$", re.IGNORECASE)
_NUMBER_AHEAD = r"(?!\s+(?:(?:than|to)\s+)?(?:[-+$€£]?\d|(?:" + _WORD + r")\b))"
_OR_MORE = re.compile(
    r"\s+(?:or|and)\s+(?P<word>more|greater|higher|larger|bigger|above|less|fewer|lower|smaller|below|so)\b"
    r"(?:\s+than\b)?" + _NUMBER_AHEAD + r"(?!\s+\w+ly\b)",
    re.IGNORECASE,
)
_OR_EQUAL = re.compile(r"\s+or\s+equal(?:\s+to)?\b" + _NUMBER_AHEAD, re.IGNORECASE)
_PERCENT = re.compile(r"\s?(?:%|percent(?:age)?s?\b|per\s?cent\b)", re.IGNORECASE)
# "percent of 10", "per cent of twenty-two": the percentage written before its number (a percent word no number
# precedes; "10 percent of 20 users" and "percent of 10 users" are other readings)
_PERCENT_OF_BEFORE = re.compile(r"(?i)(?<![\w.%])(?P<p>percents?|per\s?cent)\s+of\s+$")
# a number before the percent word ("10 percent of 20") or a determiner ("what percent of 40 is 10?", "the percent
# of 10 ...") makes the number after "of" a base, not the percentage
_NOT_INVERTED = re.compile(
    r"(?i)(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|a|an|the|what|which|"
    r"whose|how|this|that|each|every|any|same))[\s(-]*$"
)
_SCORED = re.compile(r"\bscor(?:e|es|ed|ing)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")
_SI_PREFIX = {"": 1.0, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18}
_MEASURE = re.compile(
    r"(?:\s?|-)(?:(?P<p>[kKMGTPE]|(?i:kilo|mega|giga|tera|peta|exa))?(?P<u>FLOPS|FLOP/s|flops|W|Hz|TOPS|OP/s)"
    r"|(?P<bp>[KMGTPE])(?P<bu>B/s|Bps|B))(?![\w/])"
)
# "20 petaFLOPS", "4 exaflops": the prefix spelled out; "661 TOPS" is tera-operations per second
_SPELLED_PREFIX = {"kilo": "k", "mega": "M", "giga": "G", "tera": "T", "peta": "P", "exa": "E"}
_URL = re.compile(r"(?:https?://|www\.)\S+")
_SYMBOL_HEDGE = {
    ">": "gt",
    ">=": "ge",
    "≥": "ge",
    "<": "lt",
    "<=": "le",
    "≤": "le",
    "~": "approx",
    "≈": "approx",
}

# The currency table: ISO code -> (signs written before the amount, words written after it). ISO codes are read
# on either side ("USD 200", "115 USD"). "$" alone is the US dollar (an article about another dollar writes C$,
# A$, HK$ ...); "¥" alone is the yen (the yuan is "CN¥", "yuan", "RMB").
_CURRENCY_TABLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "USD": (("$", "US$", "U.S.$", "U.S$", "USD$"), ("dollars", "dollar", "us dollars", "us dollar", "u.s. dollars")),
    "CAD": (("C$", "CA$", "CAD$"), ("canadian dollars", "canadian dollar")),
    "AUD": (("A$", "AU$", "AUD$"), ("australian dollars", "australian dollar")),
    "NZD": (("NZ$", "NZD$"), ("new zealand dollars", "new zealand dollar")),
    "HKD": (("HK$",), ("hong kong dollars", "hong kong dollar")),
    "SGD": (("S$", "SG$"), ("singapore dollars", "singapore dollar")),
    "MXN": (("Mex$", "MX$", "MXN$"), ("mexican pesos", "pesos")),
    "EUR": (("€",), ("euros", "euro")),
    "GBP": (("£",), ("pounds sterling", "pounds", "pound sterling", "sterling")),
    "JPY": (("¥", "JP¥"), ("yen", "japanese yen")),
    "CNY": (("CN¥", "RMB¥"), ("yuan", "chinese yuan", "renminbi", "rmb")),
    "INR": (("₹", "Rs.", "Rs"), ("rupees", "indian rupees")),
    "KRW": (("₩",), ("korean won",)),
    "CHF": (("CHF",), ("swiss francs", "swiss franc")),
    "TRY": (("₺",), ("turkish lira", "turkish liras")),
    "BTC": (("₿",), ("bitcoins", "bitcoin")),
    "RUB": (("₽",), ("roubles", "rubles", "russian roubles", "russian rubles")),
    "UAH": (("₴",), ("hryvnias", "hryvnia")),
    "ILS": (("₪",), ("shekels", "new shekels")),
    "NGN": (("₦",), ("naira",)),
    "PHP": (("₱",), ("philippine pesos",)),
    "VND": (("₫",), ("dong",)),
    "THB": (("฿",), ("baht",)),
    "CRC": (("₡",), ("colones", "colón", "colon")),
    "GEL": (("₾",), ("lari",)),
    "LAK": (("₭",), ("kip",)),
    "BRL": (("R$",), ("reais", "brazilian reais", "brazilian real")),
    # currencies the euro replaced, still in older reporting ("francs" alone is not read: Swiss or French)
    "FRF": ((), ("french francs", "french franc")),
    "DEM": ((), ("deutsche marks", "deutschmarks", "german marks")),
    "ESP": ((), ("pesetas", "peseta", "spanish pesetas")),
    "ITL": ((), ("lire", "italian lire")),
    "NLG": ((), ("dutch guilders", "guilders", "guilder")),
    "FIM": ((), ("finnish markkas", "finnish markka", "markkas", "markka")),
}
_ISO_CODES = (
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "RMB",
    "INR",
    "CHF",
    "CAD",
    "AUD",
    "HKD",
    "NZD",
    "SGD",
    "MXN",
    "KRW",
    "BTC",
)
_CURRENCY: dict[str, str] = {}
_CURRENCY_WORDS: dict[str, str] = {}
for _code, (_signs, _words) in _CURRENCY_TABLE.items():
    _CURRENCY.update({sign.lower(): _code for sign in _signs})
    _CURRENCY_WORDS.update({word: _code for word in _words})
_CURRENCY.update({code.lower(): ("CNY" if code == "RMB" else code) for code in _ISO_CODES})
_CURRENCY_WORDS.update({code.lower(): ("CNY" if code == "RMB" else code) for code in _ISO_CODES})
_SIGN_CHARS = "".join(sorted({sign for signs, _ in _CURRENCY_TABLE.values() for sign in signs if len(sign) == 1}))
# a currency written before the amount, right before it: "$", "C$", "US$", "€", "USD ", "CHF "; letters need a
# word boundary before them ("a$5" is not A$5 in "a $5 fee": the space decides)
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z.])(?P<pre>"
    + "|".join(re.escape(sign) for sign in sorted(_CURRENCY, key=len, reverse=True) if not sign.isalpha())
    + r")|(?<![A-Za-z])(?P<mil>(?-i:M))?(?P<iso>"  # "MUSD 30": millions of dollars (a finance abbreviation)
    + "|".join(sorted({*_ISO_CODES, "CHF"}, key=len, reverse=True))
    + r")\s?)$",
    re.IGNORECASE,
)
# a currency written after the amount: "5 dollars", "five million yen", "10 rmb", "115USD", "10 €"
_ISO_LOWER = frozenset(code.lower() for code in _ISO_CODES)
_CURRENCY_AFTER = re.compile(
    r"(?:\s|-(?=[a-z]))?(?:(?-i:M)(?P<miso>"
    + "|".join(_ISO_CODES)
    + r")\b|(?P<word>"
    + "|".join(re.escape(word) for word in sorted(_CURRENCY_WORDS, key=len, reverse=True))
    + r")\b|(?P<sign>["
    + re.escape(_SIGN_CHARS)
    + r"])(?!\d))",  # "10 €"; not "1 $10"
    re.IGNORECASE,
)
_SCALE_AFTER_CURRENCY = re.compile(r"\s(million|billion|trillion)\b", re.IGNORECASE)
# hundredths after a currency word: "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 USD 50."
_HUNDREDTHS_AFTER = re.compile(
    rf"\s+(?:and\s+)?(?P<n>\d{{1,2}}|{_TWO_WORDS})(?:\s*(?:cents?|pence)\b|(?=\s*(?:[.,;:!?)]|$)))", re.IGNORECASE
)
# hundredths of a currency: "50 cents", "12-cent", "470 pence", "one penny"
_HUNDREDTHS = re.compile(r"(?:\s|-)(?P<word>cents?|pence|penny|pennies)\b", re.IGNORECASE)
_HUNDREDTHS_OF = {"cent": "USD", "cents": "USD", "pence": "GBP", "penny": "GBP", "pennies": "GBP"}
_SCALE_SUFFIX = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "trillion": 1e12,
}
_DURATIONS = {
    "second": "seconds",
    "seconds": "seconds",
    "sec": "seconds",
    "secs": "seconds",
    "s": "seconds",
    "minute": "minutes",
    "minutes": "minutes",
    "min": "minutes",
    "mins": "minutes",
    "hour": "hours",
    "hours": "hours",
    "hr": "hours",
    "hrs": "hours",
    "h": "hours",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
    "quarter": "quarters",
    "quarters": "quarters",
    "year": "years",
    "years": "years",
    "yr": "years",
    "yrs": "years",
}
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?P<up>more|higher|greater|increase|increased|rise|gain|jump|improvement|faster|better|boost|up)"
    r"|(?P<down>less|lower|fewer|decrease|decreased|drop|reduction|decline|cut|cheaper|slower|down|smaller))\b",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?P<up>rose|risen|rises|increased|increases|grew|grown|jumped|climbed|gained|boosts?|improved)"
    r"|(?P<down>dropped|drops|fell|fallen|falls|decreased|declined|cut|cuts|reduced|reduces|shrank|lowered))"
    r"(?:\s+(?:by|to))?\s+(?:(?!from\b)\w+\s+)?$",  # "dropped from 12%": 12% is the old level
    re.IGNORECASE,
)
# Words that may sit between a number and the noun it counts: "129 internal Claude Code research sessions".
_COUNT_NOUN = re.compile(r"[ ]?(?P<words>(?:[A-Za-z][\w'-]*\s){0,4}?)(?P<noun>[A-Za-z][\w-]*?s|people)\b")
# A word between a number and its noun that is itself a figure (a number, a currency code with an amount), unlike a
# product name with digits ("H800", "MI300X") that says which things are counted.
_OTHER_FIGURE = re.compile(r"[\d.,]+|[A-Z]{3}\d[\d.,]*|\d[\d.,]*[A-Z]{3}")
_NOT_NOUNS = {
    "is",
    "was",
    "has",
    "does",
    "as",
    "this",
    "its",
    "us",
    "yes",
    "plus",
    "less",
    "across",
    "always",
    "thus",
    "perhaps",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "towards",
    "whereas",
    "besides",
    "times",
    "means",
    "goes",
    "makes",
    "takes",
    "gives",
    "keeps",
    "runs",
    "hits",
    "gets",
}
_STOP_COUNT_WORDS = {
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "and",
    "or",
    "the",
    "a",
    "an",
    "that",
    "with",
    "from",
    "per",
    "than",
    "vs",
    "is",
    "was",
    "were",
    "are",
}


# patterns the scanner's helpers use on every number, compiled once
_ONE_AS_NUMBER = re.compile(r"\s*(?:%|percent|times|x\b)|[- ](?:yen|penny|cent|dollar|euro|pound)\b", re.IGNORECASE)
_SCALE = re.compile(r"\s?(?P<word>(?i:thousand|million|billion|trillion))\b|(?P<sym>[kKMBT]|bn|mn)(?![a-zA-Z])")
_PERCENT_TAIL = re.compile(r"\s*(?:%|percent)")
_ELO_SPACED = re.compile(r"\s*Elo\b")
_OF_AFTER = re.compile(r"\s+of\b")
_RATE = re.compile(
    # "$1.25 input per 1M tokens": the side of the price may sit between the amount and its rate
    r"(?:\s(?:input|output|cached(?:\s+input)?)(?=\s+per\s))?"
    r"\s?(?:/|per\s+|(?:an?|each)\s+(?=(?:hour|day|week|month|year|seat|user)\b"
    r"(?!\s+(?:later|earlier|ago|before|after|prior|on|into|of)\b)))"  # "$20 a month", not "$5B a year later"
    r"(?:(?P<n>\d+(?:\.\d+)?)\s?)?(?P<scale>[KMB]|thousand|million|billion|mtok)?\s?"
    r"(?:(?P<io>input|output|cached(?:\s+input)?)\s+)?(?P<what>tokens?|hours?|days?|weeks?|month|months|mo|year|"
    r"yr|seat|user|requests?|queries|query|images?|minutes?)?\b",
    re.IGNORECASE,
)
_CELL_END = re.compile(r"[ \t]*(?:\||$|[,;)](?:\s|$))", re.MULTILINE)
_SIDE_PAIR = re.compile(
    r"\s+(?:input|output|cached(?:\s+input)?)(?:\s*,\s*|\s+and\s+|\s*/\s*)[$€£]\d[\d,.]*[KMB]?\s+(?:input|output)(?=\s?(?:/|per\s))",
    re.IGNORECASE,
)
_PAIR_BEFORE = re.compile(r"/\s?[$€£][\d.,]+[KMB]?$")
_EVERY_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:every|each)\b", re.IGNORECASE)
_RANGE_END = {
    name: re.compile(
        rf"(?:{connector})(?P<cur>[$€£])?(?P<num>{_DIGITS}|{_WORD_NUMBER})"
        r"(?=[xX×](?![a-zA-Z])|(?:[KkMBbT]|bn|mn|[kKMGTPE]?(?:W|Hz|FLOPS|B))(?![a-zA-Z])|[^\w.]|\.(?!\d)|$)",
        re.IGNORECASE,
    )
    for name, connector in (
        ("between", r"\s+and\s+"),
        ("from", r"\s*-\s*"),
        ("plain", r"\s*[-~]\s*|\s+(?:to|through|thru)\s+"),
    )
}
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
_AGO_AFTER = re.compile(r"\s+(?:ago|later|earlier|on\b(?=,))", re.IGNORECASE)
_AS_AFTER = re.compile(r"\s+as\b")
_IN_BY_BEFORE = re.compile(r"\b(?:in|by)\s+$")
_POINTS_AFTER = re.compile(r"(?:\s?|-)(?:percentage[- ]points?|pp|pts?|points?)(?![\w])", re.IGNORECASE)
_TIMES_AFTER = re.compile(r"(?:\s?[x×](?![a-zA-Z])|\s?-?fold\b|\s+times\b)", re.IGNORECASE)
_ELO_AFTER = re.compile(r"\s?Elo\b")
_WORD_AFTER = re.compile(r"(?:\s|-)(?P<u>[a-z]+)\b")
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+(?:\S+\s+)?$", re.IGNORECASE)
_DASH_NOUN = re.compile(r"-(?P<noun>[a-z]+)\b")
_YEAR_LITERAL = re.compile(r"(?:19|20)\d\d")
_VS_PAIR = re.compile(r"\s+vs\.?\s+[$€£][\d.,]+[KMB]?/[$€£][\d.,]+[KMB]?(?=\s?(?:/|per\s))")
_DASH = re.compile(r"\s*-\s*")
_FIRST_UNIT = re.compile(r"\s?(?:%|[x×](?![a-zA-Z])|percent\b|times\b)")


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    start: int
    end: int
    value: Quantity


# A digit literal longer than this, or with more decimals, is not a figure a news text states: a float cannot hold
# it exactly (or at all: 309 digits overflow), so it is skipped rather than turned into inf or a zero step.
MAX_DIGITS = 15
MAX_DECIMALS = 12
# the largest magnitude a value can reach: a MAX_DIGITS literal times the largest scale word ("trillion")
MAX_MAGNITUDE = 1e27


def _number(literal: str) -> float | None:
    """A digit literal ("1,250", "75.0") as a float, or None when it is too long to be a stated figure."""
    digits = literal.replace(",", "")
    whole, _, decimals = digits.partition(".")
    if len(whole.lstrip("0")) + len(decimals) > MAX_DIGITS or len(decimals) > MAX_DECIMALS:
        return None
    return float(digits)


def _bounded(q: Quantity) -> bool:
    return all(b is None or (math.isfinite(b) and abs(b) <= MAX_MAGNITUDE) for b in (q.low, q.high))


def _scaled(value: float, scale: float) -> float:
    """``value * scale`` without binary noise: 16.4 million is 16400000.0, not 16399999.999999998."""
    return value if scale == 1.0 else float(f"{value * scale:.15g}")


def _precision(literal: str) -> float:
    """Rounding step implied by a digit literal: "75" -> 1, "75.0" -> 0.1, "2.50" -> 0.01."""
    if "." in literal:
        return 10.0 ** -len(literal.split(".", 1)[1])
    return 1.0


def _parse_literal(match: re.Match[str]) -> tuple[float, float | None] | None:
    """(value, precision) of a number atom."""
    groups = match.groupdict()
    if groups.get("digits"):
        literal = match.group("digits").replace(",", "")
        number = _number(literal)
        return (number, _precision(literal)) if number is not None else None
    if groups.get("fraction"):
        fraction = _FRACTIONS.get(" ".join(match.group("fraction").lower().split()))
        return (fraction, None) if fraction is not None else None
    if groups.get("words"):
        value = words_to_number(match.group("words"))
        return (value, 1.0) if value is not None else None
    return None


class _Scanner:
    """Parses one text; kept as an object so the helpers share the text without long argument lists."""

    def __init__(self, text: str, exclude: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.exclude = sorted(exclude)
        if "://" in text or "www." in text:  # "q=30%25%2020%": a URL's escapes are not percentages
            self.exclude = sorted([*self.exclude, *(m.span() for m in _URL.finditer(text))])
        self.unit_scale = 1.0
        self.unit_addend = 0.0  # "15 dollars 50": hundredths written after the currency word
        self.prefix_scale = 1.0  # "MAUD 60": millions of a currency written before the amount
        self.floor = 0  # where the previous match ends: a prefix is not read back into it ("10 rmb 20 usd")

    def excluded(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.exclude)

    # -- left context -----------------------------------------------------------------------------------------

    def hedge_before(self, start: int) -> tuple[str | None, str | None, int]:
        """(hedge text, hedge kind, new start) for a hedge word or symbol right before ``start``."""
        window_start = max(0, start - 40)
        left = self.text[window_start:start]
        stripped = left.rstrip()
        if not stripped:
            return None, None, start
        sm = _SYMBOL_RE.search(left) if stripped[-1] in "<>=≥≤~≈" else None
        if sm:
            symbol = sm.group("sym").replace(" ", "")
            return sm.group("sym"), _SYMBOL_HEDGE[symbol], window_start + sm.start("sym")
        # a hedge phrase ends with whitespace before the number, its last word last (or before "a", "an", "just"):
        # the regex runs only when that word can end one
        if len(stripped) == len(left):
            return None, None, start
        words = stripped.rsplit(None, 2)
        last = words[-1].lower()
        if last in ("a", "an", "just") and len(words) > 1:
            last = words[-2].lower()
        if last.lstrip("(\"'") not in _HEDGE_LAST_WORDS:
            return None, None, start
        m = _HEDGE_RE.search(left)
        if m:
            hedge = m.group("hedge")
            kind = _HEDGE_KIND[hedge.lower()]
            # "some 40 people" is a hedge; "some of" is not reached here; "under" in "under 5 minutes" is.
            return hedge, kind, window_start + m.start("hedge")
        return None, None, start

    # -- main -------------------------------------------------------------------------------------------------

    def scan(self) -> list[QuantityMatch]:
        out: list[QuantityMatch] = []
        pos = 0
        text = self.text
        pattern = _atom_pattern(text)
        if pattern is None:
            return out
        while True:
            m = pattern.search(text, pos)
            if not m:
                break
            pos = m.end()
            if self.excluded(m.start(), m.end()):
                continue
            if text.startswith(("/", "-", "."), pos):
                shape = _DATE_SHAPE.match(text, m.start())
                if shape:  # "3/5/2026" the date grammar could not order: a date all the same, never three numbers
                    pos = shape.end()
                    continue
            if out and m.start() < out[-1].end:
                continue
            self.floor = out[-1].end if out else 0
            result = self.parse_at(m)
            # a prefix read leftwards ("+$3" after "5%+") must not reach into the previous match
            if result is not None and (not out or result.start >= out[-1].end):
                joined = _join_bounds(text, out[-1], result) if out else None
                if joined is not None:
                    out[-1] = joined
                else:
                    out.append(result)
                pos = max(pos, result.end)
        return out

    def parse_at(self, m: re.Match[str]) -> QuantityMatch | None:
        text = self.text
        groups = m.groupdict()
        if groups.get("single"):
            return self.parse_single_digits(m)
        if groups.get("verb"):
            return self.parse_verb(m)
        parsed = _parse_literal(m)
        if parsed is None or parsed[0] is None:
            return None
        value, precision = parsed
        lit_start, lit_end = m.start(), m.end()
        is_word = groups.get("words") is not None
        is_fraction = groups.get("fraction") is not None
        if is_word and m.group(0).lower() == "one" and not _ONE_AS_NUMBER.match(text[lit_end : lit_end + 12]):
            return None  # "one of the", "the one that": a pronoun far more often than a quantity

        start = lit_start
        currency, sign, start = self.prefix(start)
        hedge, hedge_kind, hedge_start = self.hedge_before(start)
        head = text[max(0, start - 40) : start]
        lowered = head.lower()  # the regexes run only where their word is
        between_match = _BETWEEN_BEFORE.search(head) if "between" in lowered else None
        between = between_match is not None
        from_before = "from" in lowered and _FROM_BEFORE.search(head) is not None

        end, scale = self.scale_after(lit_end, allow_words=not is_word, money=currency is not None)
        if is_fraction and scale != 1.0:
            is_fraction = False  # "half a million", "three quarters billion": an amount, not a share
        scaled_end = end  # "5k-20k": a range's connector follows the scale
        value = _scaled(value, scale)
        if precision is not None:
            precision = _scaled(precision, scale)
        if is_word or is_fraction:
            precision = None  # "eight times" carries no rounding interval of its own

        self.unit_scale = self.prefix_scale
        self.unit_addend = 0.0
        unit_info = self.unit_after(lit_start, end, currency, is_fraction)
        if unit_info is None:
            return None
        kind, unit, end, change, rate = unit_info
        if kind == "number" and currency is None and sign is None and "of" in head[-4:]:
            inverted = _PERCENT_OF_BEFORE.search(head)
            if inverted and not _NOT_INVERTED.search(head, 0, inverted.start()) and self.count_noun(end) is None:
                kind, unit = "percent", "%"
                start = max(0, start - 40) + inverted.start()
        if self.unit_scale != 1.0:  # "50 cents" is $0.50, "96 GB" is 96e9 bytes, "75 USD million"
            value = _scaled(value, self.unit_scale)
            precision = _scaled(precision, self.unit_scale) if precision is not None else None
        if self.unit_addend:  # "thirteen dollars and forty-five cents" is 13.45
            value, precision = _scaled(value + self.unit_addend, 1.0), 0.01
        if kind == "duration" and _AGO_AFTER.match(text[end : end + 9]):
            return None  # "three years ago" is a (relative) date, not an amount of time

        if sign == "-" and kind in ("number", "score"):
            value = -value  # before the range end is read: "between negative ten and fifteen" is -10..15
        low: float | None = value
        high: float | None = value
        low_inc = high_inc = True
        approximate = False

        # "70+", "45,000+": an inclusive lower bound
        plus = text[end : end + 1] == "+" and not text[end + 1 : end + 2].isdigit()
        if plus:
            end += 1
            if kind == "number":
                noun = self.count_noun(end)
                if noun is not None:
                    kind, unit, end = "count", noun[0], noun[1]

        # ranges: "70-90%" (unit after the second number), "8x - 12x", "12-18 months", "between 70 and 90%"
        if not plus:
            second = self.range_after(
                scaled_end if kind == "number" or end == scaled_end else end,
                scaled_end,
                between,
                from_before,
                currency,
                scale,
            )
            if second is None and kind != "number" and end != scaled_end:
                second = self.range_after(scaled_end, scaled_end, between, from_before, currency, scale)
            if second is not None:
                second_value, second_end, second_unit, second_scale = second
                if scale == 1.0 and second_scale != 1.0 and value * second_scale <= second_value:
                    # "$10-20 billion", "3-5M tokens": a scale written once applies to both ends
                    value *= second_scale
                    if precision is not None:
                        precision *= second_scale
                if second_value > value:
                    if second_unit is not None:
                        kind, unit, change, rate = second_unit
                    low, high = value, second_value
                    end = max(end, second_end)
                    if between:
                        assert between_match is not None
                        start = max(0, start - 40) + between_match.start()  # any case: "Between 70 and 90%"

        if sign in ("+", "-") and change is None:
            change = "increase" if sign == "+" else "decrease"

        if plus:
            high, hedge = None, hedge or "+"
            if hedge_kind is not None:
                start = hedge_start
        floor = 0.0 if kind in ("percent", "count", "money", "duration", "multiplier", "fraction") else None
        if plus:
            pass
        elif hedge_kind is not None and hedge_kind not in ("eq", "approx"):
            start = hedge_start
            # "less than 5000 or equal", "more than 5000 or equal to": the bound itself is included
            or_equal = _OR_EQUAL.match(text, end) if hedge_kind in ("gt", "lt") else None
            if or_equal:
                hedge_kind = "ge" if hedge_kind == "gt" else "le"
                hedge = f"{hedge} ... or equal"
                end = or_equal.end()
            if hedge_kind in ("gt", "gt~"):
                low_inc, high, approximate = False, None, hedge_kind == "gt~"
            elif hedge_kind == "ge":
                high = None
            elif hedge_kind in ("lt", "lt~"):
                low, high_inc, approximate = floor, False, hedge_kind == "lt~"
            elif hedge_kind == "le":
                low = floor if low == high else low
            elif hedge_kind == "near":
                # "nearly 100%": just under the figure; read as [0.9x, x) so that it still excludes "20%"
                low = value * 0.9 if value > 0 else value
                high, high_inc, approximate = value, False, True
            elif hedge_kind == "approx":
                approximate = True
        else:
            if hedge_kind in ("eq", "approx"):
                start = hedge_start  # "equal to 5000 or less", "about 500 or more"
                approximate = hedge_kind == "approx"
            # "50% or more", "500 and more", "200 or greater than"; not "50% or more than 60%": there "more than"
            # is the next number's hedge
            tail = _OR_MORE.match(text, end)
            if tail:
                word = tail.group("word").lower()
                if word == "so":
                    approximate = True
                elif word in _GREATER or word == "above":
                    high = None
                else:
                    low = floor
                hedge = f"{hedge} ... {tail.group(0).strip()}" if hedge else tail.group(0).strip()
                end = tail.end()

        return QuantityMatch(
            start,
            end,
            build(
                Quantity,
                kind=kind,
                low=low,
                high=high,
                low_inclusive=low_inc,
                high_inclusive=high_inc,
                approximate=approximate,
                unit=unit,
                text=text[start:end],
                precision=precision,
                hedge=hedge,
                change=change,
                rate=rate,
            ),
        )

    def prefix(self, start: int) -> tuple[str | None, str | None, int]:
        """Currency symbol and sign right before a literal: "$2.50", "+12.1%", "-$5", "US$3"."""
        text = self.text
        currency = sign = None
        self.prefix_scale = 1.0
        before = text[start - 1] if start > 0 else ""
        # the regex runs only where a currency can end: a sign, a letter ("C$", "USD115"), "USD 200", "rmb 10"
        if before and (
            before in _SIGN_CHARS
            or before.isalpha()
            or (
                before == " "
                and (text[start - 2 : start - 1].isupper() or text[start - 4 : start - 1].lower() in _ISO_LOWER)
            )
        ):
            cm = _CURRENCY_BEFORE.search(text, max(self.floor, start - 7), start)
            if cm:
                currency, start = _CURRENCY[(cm.group("pre") or cm.group("iso")).lower()], cm.start()
                if cm.group("mil"):
                    self.prefix_scale = 1e6
        if start > 0 and text[start - 1] in "+-±" and (start < 2 or not text[start - 2].isalnum()):
            sign, start = text[start - 1], start - 1
            if currency is None and start > 0:
                cm = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
                if cm and cm.group("pre"):
                    currency, start = _CURRENCY[cm.group("pre").lower()], cm.start()
        elif (
            start > 5
            and text[start - 1] == " "
            and text[max(0, start - 9) : start - 1].lower().endswith(("minus", "negative"))
        ):
            wm = _SIGN_WORD.search(text, max(0, start - 10), start)
            if wm:
                sign, start = "-", wm.start()  # "minus five percent", "between negative ten and fifteen"
        return currency, sign, start

    def scale_after(self, end: int, *, allow_words: bool, money: bool) -> tuple[int, float]:
        """Scale suffix after a literal: "272K", "1M", "3 billion", "$18k"."""
        m = _SCALE.match(self.text[end : end + 12])
        if not m or (m.group("word") and not allow_words):
            return end, 1.0
        sym = m.group("word") or m.group("sym")
        if sym == "T" and not money and not _PLURAL_AFTER.match(self.text, end + 1):
            if not _CELL_END.match(self.text, end + 1):
                return end, 1.0  # "3T parameters" is 3 trillion; a bare "5T" is often a name
            # "| ~1.8T |", "1.8T, 70B": a figure standing alone in its cell or list is a count in trillions
        return end + m.end(), _SCALE_SUFFIX[sym.lower()]

    def parse_single_digits(self, m: re.Match[str]) -> QuantityMatch:
        phrase = m.group("single").lower()
        low, high = (1.0, 3.0) if "low" in phrase else (7.0, 9.0) if "high" in phrase else (1.0, 9.0)
        tail = _PERCENT_TAIL.match(self.text[m.end() : m.end() + 10])
        end = m.end() + (tail.end() if tail else 0)
        kind: QuantityKind = "percent" if tail else "number"
        return QuantityMatch(
            m.start(),
            end,
            build(
                Quantity,
                kind=kind,
                low=low,
                high=high,
                approximate=True,
                unit="%" if tail else None,
                text=self.text[m.start() : end],
                precision=1.0,
                hedge="single digits",
            ),
        )

    def count_noun(self, end: int) -> tuple[str, int] | None:
        m = _COUNT_NOUN.match(self.text, end)
        if not m:
            return None
        words = m.group("words").split()
        if any(w.lower() in _STOP_COUNT_WORDS or _OTHER_FIGURE.fullmatch(w) for w in words):
            return None  # "3 USD50 cards": another figure, not the noun's adjective ("2,048 H800 GPUs" is one)
        noun = m.group("noun")
        if noun.lower() in _NOT_NOUNS or noun.lower().endswith("ss"):
            return None
        phrase = " ".join([*words, noun])
        per = _PER_TIME.match(self.text, m.end())
        if per:  # "50 requests/minute", "150 tokens per second": a rate, never the same metric as an amount
            return f"{phrase}/{_PER_TIME_UNITS[per.group('u').lower()]}", per.end()
        return phrase, m.end()

    def unit_after(
        self,
        lit_start: int,
        end: int,
        currency: str | None,
        is_fraction: bool,
    ) -> tuple[QuantityKind, str | None, int, Change | None, bool] | None:
        """(kind, unit, new end, change, rate) for what follows a number literal spanning lit_start..end."""
        text = self.text
        rest = text[end : end + 60]
        left = text[max(0, lit_start - 40) : lit_start]
        change: Change | None = None

        if is_fraction:
            # "half as much" / "cut in half" / "by half" -> multiplier 0.5; "a third of the bugs" -> fraction
            if _AS_AFTER.match(rest) or _IN_BY_BEFORE.search(left):
                return "multiplier", "x", end, None, False
            return "fraction", None, end, None, False

        # percentage points: "50-percentage-point", "23 percentage points", "23-point", "5pp"
        pm = _POINTS_AFTER.match(rest)
        if pm:
            elo = _ELO_SPACED.match(rest[pm.end() : pm.end() + 6])
            if elo:
                return (
                    "score",
                    "Elo",
                    end + pm.end() + elo.end(),
                    None,
                    False,
                )
            cm = _CHANGE_AFTER.match(text[end + pm.end() : end + pm.end() + 30])
            if cm:
                change = "increase" if cm.group("up") else "decrease"
            if pm.group(0).strip(" -").lower().startswith("point") and _SCORED.search(left):
                return "score", "points", end + pm.end(), change, False  # "a score of 61 points"
            return "percentage_points", "pp", end + pm.end(), change, False
        # percent
        pm = _PERCENT.match(rest)
        if pm:
            new_end = end + pm.end()
            cm = _CHANGE_AFTER.match(text[new_end : new_end + 20])
            bm = _CHANGE_BEFORE.search(left)
            if cm:
                change = "increase" if cm.group("up") else "decrease"
            elif bm:
                change = "increase" if bm.group("up") else "decrease"
            return "percent", "%", new_end, change, False
        # measures of hardware and models: 450W, 2.4TB/s, 12 PFLOPS, 96 GB, 3.2 GHz (kept in base units)
        mu = _MEASURE.match(rest)
        if mu:
            prefix = mu.group("p") or mu.group("bp") or ""
            prefix = _SPELLED_PREFIX.get(prefix.lower(), prefix)
            unit = mu.group("u") or mu.group("bu")
            if unit == "TOPS":
                prefix, unit = prefix or "T", "OP/s"
            self.unit_scale = _SI_PREFIX[prefix]
            unit = "FLOP/s" if unit.upper() in ("FLOPS", "FLOP/S") else "B/s" if unit in ("B/s", "Bps") else unit
            return "measure", unit, end + mu.end(), None, False
        # multiplier: 8x, 8×, 8 times, 8-fold
        mm = _TIMES_AFTER.match(rest)
        if mm:
            return "multiplier", "x", end + mm.end(), None, False
        # score: +144 Elo
        em = _ELO_AFTER.match(rest)
        if em:
            return "score", "Elo", end + em.end(), None, False
        # money
        if currency is None:
            cw = _CURRENCY_AFTER.match(rest)
            if cw and cw.group("miso"):
                currency, end = _CURRENCY[cw.group("miso").lower()], end + cw.end()
                self.unit_scale *= 1e6  # "30 MUSD"
            elif cw:
                currency = _CURRENCY_WORDS.get((cw.group("word") or "").lower()) or _CURRENCY[cw.group("sign")]
                end += cw.end()
                if cw.group("word"):
                    sm = _SCALE_AFTER_CURRENCY.match(text, end)
                    if sm:  # "75 USD million": the scale after the currency word
                        self.unit_scale *= _SCALE_SUFFIX[sm.group(1).lower()]
                        end = sm.end()
                    else:
                        hundredths = _HUNDREDTHS_AFTER.match(text, end)
                        if hundredths:  # "3 dollars 50 cents", "15 dollars and 50."
                            cents = hundredths.group("n")
                            n = float(cents) if cents.isdigit() else words_to_number(cents)
                            if n is not None and 0 < n < 100:
                                self.unit_addend = n / 100
                                end = hundredths.end()
            else:
                hm = _HUNDREDTHS.match(rest)
                if hm:
                    self.unit_scale = 0.01  # parse_at scales the amount: "50 cents" is $0.50
                    return "money", _HUNDREDTHS_OF[hm.group("word").lower()], end + hm.end(), None, False
        if currency is not None:
            per = self.rate_after(end)
            if per is not None:
                return "money", f"{currency}/{per[0]}", per[1], None, True
            return "money", currency, end, None, False
        # durations: "52 days", "90-minute tasks", "over 16 hours", "every four months"
        dm = _WORD_AFTER.match(rest)
        if dm and dm.group("u") in _DURATIONS and dm.group("u") not in ("s", "h"):
            if not (dm.group("u") == "quarter" and _OF_AFTER.match(rest, dm.end())):
                rate = bool(_EVERY_BEFORE.search(left))
                return "duration", _DURATIONS[dm.group("u")], end + dm.end(), None, rate
        # "-line" compounds: "100,000-line C compiler"
        lm = _DASH_NOUN.match(rest)
        if lm and lm.group("noun") not in ("year", "old", "to", "and"):
            return "count", lm.group("noun") + "s", end + lm.end(), None, False
        # counts: a noun after the number
        cn = self.count_noun(end)
        if cn is not None:
            more = _MORE_OR_FEWER.match(cn[0])
            if more and " " in cn[0]:  # "128 billion more transistors": a difference, not how many there are
                direction: Change = "decrease" if more.group(1).lower() in ("fewer", "less") else "increase"
                return "count", cn[0][more.end() :], cn[1], direction, False
            return "count", cn[0], cn[1], None, False
        if currency is None and _YEAR_LITERAL.fullmatch(text[lit_start:end]):
            return None  # a year the date grammar chose not to read ("Windows 2000"): never a bare quantity
        return "number", None, end, None, False

    def rate_after(self, end: int) -> tuple[str, int] | None:
        """Rates after a money amount: "/M tokens", "/1M tokens", "per million input tokens", "/hour"."""
        text = self.text
        m = _RATE.match(text[end : end + 50])
        if m and (m.group("scale") or m.group("what")):
            n = (_number(m.group("n")) or 1.0) if m.group("n") else 1.0
            scale = {
                "k": 1e3,
                "thousand": 1e3,
                "m": 1e6,
                "million": 1e6,
                "mtok": 1e6,
                "b": 1e9,
                "billion": 1e9,
            }.get((m.group("scale") or "").lower(), 1.0)
            # in model pricing "per million" means per million tokens
            what = (
                m.group("what") or ("tokens" if (m.group("scale") or "").lower() in ("m", "mtok", "million") else "")
            ).lower()
            if what.startswith("token"):
                what = "tokens"
            what = {"mo": "month", "yr": "year", "months": "month", "days": "day", "weeks": "week"}.get(what, what)
            amount = n * scale
            label = _format_amount(amount)
            per = f"{label} {what}".strip() if amount != 1 else what or label
            return per, end + len(m.group(0).rstrip())  # "$3/MTok for input": not the space before "for"
        # "$2.50/$15 per million tokens": the rate after the second amount applies to the first
        m2 = re.match(
            r"/\s?[$€£]\d[\d,.]*(?:[KMB])?(?:\s+vs\.?\s+[$€£][\d.,]+/[$€£][\d.,]+)?(?=\s?(?:/|per\s))",
            text[end : end + 40],
        )
        if m2:
            shared = self.rate_after(end + m2.end())
            if shared is not None:
                return shared[0], end
        # "$1.25 input, $10 output per 1M tokens": a side-labelled pair shares the rate written after the second
        m4 = _SIDE_PAIR.match(text, end)
        if m4:
            shared = self.rate_after(m4.end())
            if shared is not None and "token" in shared[0]:
                return shared[0], end
        # "$2.50/$15 vs $5/$25 per million": the second amount of the first pair shares the rate too
        m3 = _VS_PAIR.match(text[end : end + 40])
        if m3 and _PAIR_BEFORE.search(text[max(0, end - 12) : end]):
            shared = self.rate_after(end + m3.end())
            if shared is not None:
                return shared[0], end
        return None

    def range_after(
        self,
        pos: int,
        lit_end: int,
        between: bool,
        from_before: bool,
        currency: str | None,
        scale: float,
    ) -> tuple[float, int, tuple[QuantityKind, str | None, Change | None, bool] | None, float] | None:
        """The second number of a range starting at ``pos``: (value, end, unit info if the unit follows it,
        the scale written after it)."""
        text = self.text
        # "between 70 and 90"; "from 20% to nearly 100%" is a change over time, not a range: a dash only
        connector = _RANGE_END["between" if between else "from" if from_before else "plain"]
        cm = connector.match(text[pos : pos + 40])
        if not cm:
            return None
        num_start, num_end = pos + cm.start("num"), pos + cm.end("num")
        if self.excluded(num_start, num_end) or (cm.group("cur") and currency is None):
            return None  # "rose 6% to $1.45 billion": a change from one kind of value to another, not a range
        literal = cm.group("num")
        second = _number(literal) if literal[0] in "0123456789." else words_to_number(literal)
        if second is None:
            return None
        end, second_scale = self.scale_after(num_end, allow_words=True, money=currency is not None)
        second *= second_scale if second_scale != 1.0 else scale
        unit_info = None
        if pos == lit_end:
            # the unit, if any, follows the second number: "70-90%", "12-18 months", "$5-10/M tokens"
            q = self.unit_after(num_start, end, currency or _CURRENCY.get(cm.group("cur") or ""), False)
            if q is None:
                return None
            kind, unit, end, change, rate = q
            if self.unit_scale != 1.0:  # "2-3 GW", "50-60 cents": the unit's scale applies to both ends
                second, second_scale = _scaled(second, self.unit_scale), second_scale * self.unit_scale
                self.unit_scale = 1.0
            dash = _DASH.match(text[pos : pos + 3])
            if kind == "count" and pos == lit_end and not between and not dash:
                return None  # "2 to the power" is not a range: require a dash (or "between") for counts
            unit_info = (kind, unit, change, rate)
        else:
            # the first number carried its unit: "8x - 12x", "70% to 90%"
            um = _FIRST_UNIT.match(text[end : end + 10])
            if um:
                end += um.end()
            elif _CURRENCY_AFTER.match(text, end):
                return None  # "fell 0.6% to 309,381 yen"
        return second, end, unit_info, second_scale

    def parse_verb(self, m: re.Match[str]) -> QuantityMatch | None:
        word = m.group("verb").lower()
        if _EVERY_AFTER.match(self.text[m.end() : m.end() + 30]):
            return None  # "doubling every four months": the rate (a duration) is the quantity
        factor = {
            "doubled": 2.0,
            "doubling": 2.0,
            "doubles": 2.0,
            "twice": 2.0,
            "tripled": 3.0,
            "triples": 3.0,
            "quadrupled": 4.0,
            "halved": 0.5,
            "halves": 0.5,
        }[word]
        change: Change = "increase" if factor > 1 else "decrease"
        return QuantityMatch(
            m.start(),
            m.end(),
            build(
                Quantity,
                kind="multiplier",
                low=factor,
                high=factor,
                unit="x",
                text=m.group("verb"),
                precision=None,
                change=change,
            ),
        )


_DATE_SHAPE = re.compile(r"[0-3]?\d([/.-])[0-3]?\d\1(?:\d{4}|\d\d)(?![\d%]|[.,]\d)")
_BOUND_JOIN = re.compile(r"\s*,?\s*(?:(?:and|but)\s+)?")


def _lower_bound(q: Quantity) -> bool:
    return q.low is not None and q.high is None


def _upper_bound(q: Quantity) -> bool:
    return q.high is not None and q.hedge is not None and q.low != q.high and (q.low is None or q.low == 0)


def _join_bounds(text: str, a: QuantityMatch, b: QuantityMatch) -> QuantityMatch | None:
    """One interval from two opposite bounds side by side: "greater than 100 and smaller than 300" is (100, 300),
    "at most 100 and at least 20" is [20, 100]. Bounds that leave nothing between them ("more than 40 and less
    than 10") stay two values."""
    qa, qb = a.value, b.value
    same = qa.kind == qb.kind and qa.unit == qb.unit
    if not same and {qa.kind, qb.kind} != {"number", "count"}:  # "at most 100 and at least 20 apples"
        return None
    if not _BOUND_JOIN.fullmatch(text, a.end, b.start):
        return None
    counted = qa if qa.kind == "count" else qb
    if _lower_bound(qa) and _upper_bound(qb):
        lower, upper = qa, qb
    elif _upper_bound(qa) and _lower_bound(qb):
        lower, upper = qb, qa
    else:
        return None
    low, high = lower.low, upper.high
    assert low is not None and high is not None
    if low > high or (low == high and not (lower.low_inclusive and upper.high_inclusive)):
        return None
    return QuantityMatch(
        a.start,
        b.end,
        build(
            Quantity,
            kind=counted.kind,
            low=low,
            high=high,
            low_inclusive=lower.low_inclusive,
            high_inclusive=upper.high_inclusive,
            approximate=qa.approximate or qb.approximate,
            unit=counted.unit,
            text=text[a.start : b.end],
            precision=qa.precision,
            hedge=f"{qa.hedge} ... {qb.hedge}",
        ),
    )


def _format_amount(amount: float) -> str:
    for suffix, size in (("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if amount >= size and amount % size == 0:
            return f"{int(amount // size)}{suffix}"
    return f"{amount:g}"


def find_quantities(text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[QuantityMatch]:
    """Every quantity in ``text`` outside the ``exclude`` spans (names, versions, dates), in order."""
    matches = [m for m in _Scanner(text, exclude).scan() if _bounded(m.value) and not _labelled(text, m.start)]
    if len(matches) > 1 and any(m.value.kind == "count" for m in matches):
        matches = _counted_alike(text, matches)
    return matches


# a number that names a stage or a part rather than counting anything: "Phase 2 trials", "Tier 3 accounts",
# "Figure 4 shows", "Round 2"
_LABEL_BEFORE = re.compile(
    r"\b(?:[Pp]hase|[Tt]ier|[Ff]ig(?:ure)?\.?|[Tt]able|[Rr]ound|[Ss]tep|[Ll]evel|[Ss]tage|[Cc]hapter|[Ss]ection|"
    r"[Ss]eason|[Ee]pisode|[Aa]ppendix|Gen|No\.)\s?$"
)


def _labelled(text: str, start: int) -> bool:
    return text[start : start + 1].isdigit() and _LABEL_BEFORE.search(text, max(0, start - 10), start) is not None


# "1M tokens, against GPT-5.4's 272K": after a comparison word, a bare figure counts what the figure before it counts
_COMPARED_AFTER = re.compile(
    r"(?:[^.;:!?]|\.(?=\w)){0,60}?\b(?:against|vs\.?|versus|compared\s+(?:to|with)|than)\s(?:[^.;:!?]|\.(?=\w)){0,30}",
    re.IGNORECASE,
)


def _counted_alike(text: str, matches: list[QuantityMatch]) -> list[QuantityMatch]:
    out = list(matches)
    for i in range(1, len(out)):
        q, prev = out[i].value, out[i - 1].value
        if q.kind == "number" and q.change is None and prev.kind == "count" and prev.unit:
            if _COMPARED_AFTER.fullmatch(text, out[i - 1].end, out[i].start):
                out[i] = QuantityMatch(out[i].start, out[i].end, replace(q, kind="count", unit=prev.unit))
    return out


def format_quantity(q: Quantity) -> str:
    """Human rendering that keeps bounds and hedges: "70-90%", ">80%", "~8x", "$2.50/1M tokens"."""
    unit = q.unit or ""

    if q.kind == "measure":
        # "96 GB", "2.4 TB/s": the SI prefix that keeps the figure between 1 and 1000
        ref = abs(next((b for b in (q.low, q.high) if b), 1.0))
        letter, size = next(
            ((p, f) for p, f in _SI_PREFIX.items() if p != "K" and f <= ref and ref / f < 1000), ("", 1.0)
        )
        unit = letter + unit

    def num(x: float) -> str:
        if q.kind == "measure":
            return f"{x / size:.6g}"
        if q.precision is not None and q.precision < 1:
            digits = max(0, min(6, round(-math.log10(q.precision))))
            return f"{x:,.{digits}f}"
        return f"{x:,.0f}" if x == int(x) and abs(x) >= 1 else f"{x:,.4g}"

    def with_unit(s: str) -> str:
        if q.kind == "money":
            currency, _, per = unit.partition("/")
            symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency, currency + " ")
            if currency not in _ISO_CODES and currency in _CURRENCY_TABLE:  # a code the parser does not read
                signs, words = _CURRENCY_TABLE[currency]
                if not signs:
                    return f"{s} {words[0]}" + (f"/{per}" if per else "")
                symbol = signs[0]
            return f"{symbol}{s}" + (f"/{per}" if per else "")
        if q.kind == "percent":
            return f"{s}%"
        if q.kind == "percentage_points":
            return f"{s} pp"
        if q.kind == "multiplier":
            return f"{s}x"
        if q.kind == "measure":
            return f"{s} {unit}"
        if q.kind == "fraction":
            return s
        if unit:
            return f"{s} {unit}"
        return s

    signed = q.kind in ("percent", "percentage_points", "score", "number") and q.text.lstrip("~≈ ")[:1] in (
        "+",
        "-",
    )
    sign = ("+" if q.change == "increase" else "-" if q.change == "decrease" else "") if signed else ""
    if q.kind == "fraction" and q.low is not None and q.low == q.high:
        body = {0.5: "1/2", round(1 / 3, 6): "1/3", round(2 / 3, 6): "2/3", 0.25: "1/4", 0.75: "3/4"}.get(
            round(q.low, 6), f"{q.low:.3g}"
        )
        return ("~" if q.approximate else "") + body
    if q.low is not None and q.high is not None:
        if q.low == q.high:
            text = with_unit(sign + num(q.low))
        elif (
            not q.high_inclusive
            and q.approximate
            and q.hedge
            and q.hedge.lower() in ("nearly", "almost", "close to", "just shy of")
        ):
            text = "<" + with_unit(num(q.high))
        elif not q.high_inclusive and q.low == 0:
            text = "<" + with_unit(num(q.high))
        elif q.low == 0 and q.high_inclusive and q.hedge:
            text = "≤" + with_unit(num(q.high))
        else:
            text = with_unit(f"{num(q.low)}-{num(q.high)}")
    elif q.low is not None:
        text = (">" if not q.low_inclusive else "≥") + with_unit(num(q.low))
    elif q.high is not None:
        text = ("<" if not q.high_inclusive else "≤") + with_unit(num(q.high))
    else:
        text = q.text
    if q.approximate and not text.startswith(("<", ">", "≤", "≥")):
        text = "~" + text
    if q.rate and q.kind == "duration":
        text = "every " + text
    return text
