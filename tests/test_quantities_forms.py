"""Comparators, range connectors, compound bounds, currencies and sign words, one parametrised case per form."""

from __future__ import annotations

import math

import pytest

from claimcheck.values.quantities import find_quantities, format_quantity

from .conftest import parse_quantity

INF = math.inf


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [m.value.text for m in found]
    return found[0].value


@pytest.mark.parametrize(
    ("sentence", "span", "low", "high", "low_inc", "high_inc"),
    [
        # composed comparators: a comparative word and a template
        ("Scores bigger or equal than 3965 pass.", "bigger or equal than 3965", 3965, None, True, True),
        ("Keep tickets less than or equal to 100.", "less than or equal to 100", None, 100, True, True),
        ("Keep tickets equal to or less than 30.", "equal to or less than 30", None, 30, True, True),
        ("A run larger than 12 is cut.", "larger than 12", 12, None, False, True),
        ("Budgets that exceed 3000 are flagged.", "exceed 3000", 3000, None, False, True),
        ("A value at least or equal to 30 is kept.", "at least or equal to 30", 30, None, True, True),
        # "or equal" after a strict comparator includes the bound
        ("The cap is less than 5000 or equal.", "less than 5000 or equal", None, 5000, True, True),
        # tails: "or more", "and more", "or greater than" when no number follows
        ("We saw 200 or greater than that.", "200 or greater than", 200, None, True, True),
        ("They shipped five hundred and more.", "five hundred and more", 500, None, True, True),
        # symbols, spaced or signed
        ("Pick rows where x < = 100 only.", "< = 100", None, 100, True, True),
        ("Pick rows where x <=  -30 only.", "<=  -30", None, -30, True, True),
        # two opposite bounds side by side are one interval
        ("Cases greater than 100 and smaller than 300 pass.", "greater than 100 and smaller than 300", 100, 300,
         False, False),
        ("Bids above 1000 but below 1500 win.", "above 1000 but below 1500", 1000, 1500, False, False),
        ("At most 100 and at least 20 apples.", "At most 100 and at least 20 apples", 20, 100, True, True),
        # range connectors and scales on both ends
        ("The band is 20 through 100.", "20 through 100", 20, 100, True, True),
        ("The band is 20~100 today.", "20~100", 20, 100, True, True),
        ("Salaries of 5k-20k are common.", "5k-20k", 5000, 20000, True, True),
        ("It scored between negative ten and fifteen.", "between negative ten and fifteen", -10, 15, True, True),
        # number words with "and" after a scale word
        ("The total is one thousand and five hundred.", "one thousand and five hundred", 1500, 1500, True, True),
        ("They counted three thousand nine hundred and sixty five.", "three thousand nine hundred and sixty five",
         3965, 3965, True, True),
    ],
)  # fmt: skip
def test_bounds(sentence: str, span: str, low: float | None, high: float | None, low_inc: bool, high_inc: bool) -> None:
    q = _one(sentence)
    assert q.text == span
    assert (q.low, q.high) == (low, high)
    if low is not None:
        assert q.low_inclusive is low_inc
    if high is not None:
        assert q.high_inclusive is high_inc


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 40 and less than 10 are both wrong.",  # nothing between the bounds: two values
        "x>10 and y<20 are separate.",  # another variable between them
    ],
)
def test_opposite_bounds_that_do_not_join(sentence: str) -> None:
    assert len(find_quantities(sentence)) == 2


@pytest.mark.parametrize("text", ["<>30", "=>30", "=<30"])
def test_malformed_comparison_symbols_set_no_bound(text: str) -> None:
    for m in find_quantities(text):
        assert m.value.low == m.value.high == 30


@pytest.mark.parametrize(
    ("sentence", "span", "amount", "code"),
    [
        ("The deal is worth C$16.4 million.", "C$16.4 million", 16_400_000, "CAD"),
        ("Bonds of HK$10.05 billion were sold.", "HK$10.05 billion", 10_050_000_000, "HKD"),
        ("A US$150 million loan.", "US$150 million", 150_000_000, "USD"),
        ("A A$2 million grant.", "A$2 million", 2_000_000, "AUD"),
        ("It paid 50 cents more per barrel.", "50 cents", 0.5, "USD"),
        ("Shares closed at 470 pence.", "470 pence", 4.7, "GBP"),
        ("Ministers received five million yen.", "five million yen", 5_000_000, "JPY"),
        ("Output reached 100 billion yuan.", "100 billion yuan", 100_000_000_000, "CNY"),
        ("It sold for 40 RMB.", "40 RMB", 40, "CNY"),
        ("A ₹500 ticket.", "₹500", 500, "INR"),
        ("Fines of €2 million.", "€2 million", 2_000_000, "EUR"),
        ("Fines of £8.10 million.", "£8.10 million", 8_100_000, "GBP"),
        ("He was fined CHF 10,000 by the body.", "CHF 10,000", 10_000, "CHF"),
        ("He was fined 10,000 swiss francs.", "10,000 swiss francs", 10_000, "CHF"),
        ("I would buy it for EUR 125.", "EUR 125", 125, "EUR"),
        ("A 12-cent-a-share dividend.", "12-cent", 0.12, "USD"),
        ("Banknotes of 10 € circulate.", "10 €", 10, "EUR"),
        # codes written against the number, in either order; millions as an M before the code
        ("The fee was USD115 last week.", "USD115", 115, "USD"),
        ("The fee was 115.5USD last week.", "115.5USD", 115.5, "USD"),
        ("The write-down exceeded 30 MUSD.", "30 MUSD", 30_000_000, "USD"),
        ("Turnover stood near MEUR 12 then.", "MEUR 12", 12_000_000, "EUR"),
        # lowercase codes before the amount; a scale after the code
        ("the bill came to rmb 10 in cash", "rmb 10", 10, "CNY"),
        ("The loss was 75 USD million overall.", "75 USD million", 75_000_000, "USD"),
        # whole units and hundredths written apart
        ("A pass costs 4 dollars 25 cents now.", "4 dollars 25 cents", 4.25, "USD"),
        ("A pass costs eleven dollars and sixty cents now.", "eleven dollars and sixty cents", 11.6, "USD"),
        ("A pass costs 9 euros and 40.", "9 euros and 40", 9.4, "EUR"),
        # fractions and scale words, Indian digit grouping, more of the currency table
        ("The grant was half a million dollars.", "half a million dollars", 500_000, "USD"),
        ("The grant was three quarters billion yen.", "three quarters billion yen", 750_000_000, "JPY"),
        ("A loan of 3,45,000 rupees was cleared.", "3,45,000 rupees", 345_000, "INR"),
        ("Tickets at ₽900 sold out.", "₽900", 900, "RUB"),
        ("A 7,500 ₪ fine.", "7,500 ₪", 7_500, "ILS"),
        ("Bonds of 80 million guilders matured.", "80 million guilders", 80_000_000, "NLG"),
        ("A one-yen bid won.", "one-yen", 1, "JPY"),
    ],
)
def test_currencies(sentence: str, span: str, amount: float, code: str) -> None:
    q = _one(sentence)
    assert (q.kind, q.text, q.unit) == ("money", span, code)
    assert q.low == q.high and q.low == pytest.approx(amount)


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Sales rose 6% to $1.45 billion.", "6%"),  # a change to an amount of money, not a range
        ("Spending fell 0.6% to 309,381 yen.", "0.6%"),
    ],
)
def test_no_range_across_kinds(sentence: str, span: str) -> None:
    found = find_quantities(sentence)
    assert found[0].value.text == span and found[0].value.low == found[0].value.high
    assert found[1].value.kind == "money"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("It needs minus five percent.", 5.0),
        ("Growth was 30 percentage this year.", 30.0),
        ("It was 10 per cent.", 10.0),
    ],
)
def test_percent_forms(sentence: str, value: float) -> None:
    q = _one(sentence)
    assert q.kind == "percent" and q.low == value
    if "minus" in sentence:
        assert q.change == "decrease" and q.text == "minus five percent"


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("It was 10 rmb or 20 usd at the door.", ["10 rmb", "20 usd"]),  # a code belongs to one amount
        ("The fee rose 20 dollars and 5 more later.", ["20 dollars", "5"]),  # not hundredths: a word follows
        ("Hand out 3 USD40 vouchers.", ["3", "USD40"]),
        ("Half of the users left.", ["Half"]),  # a share, not an amount
    ],
)
def test_currency_boundaries(sentence: str, spans: list[str]) -> None:
    assert [m.value.text for m in find_quantities(sentence)] == spans


def test_url_escapes_are_not_percentages() -> None:
    assert find_quantities("See https://example.com/search?q=30%25%2020% for more.") == []


@pytest.mark.parametrize(
    "text",
    ["C$16.4 million", "greater than 100 and smaller than 300", "5k-20k", "50 cents", "₽900", "30 MUSD", "USD115"],
)
def test_new_forms_round_trip_through_the_formatter(text: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    again = parse_quantity(format_quantity(q))
    assert again is not None
    assert (again.kind, again.low, again.high, again.unit) == (q.kind, q.low, q.high, q.unit)


@pytest.mark.parametrize(
    ("sentence", "span", "value", "unit"),
    [
        ("The card draws 450W under load.", "450W", 450.0, "W"),
        ("It moves 2.4TB/s between chips.", "2.4TB/s", 2.4e12, "B/s"),
        ("The pod reaches 12 PFLOPS in FP8.", "12 PFLOPS", 1.2e16, "FLOP/s"),
        ("Each part carries 96 GB of HBM.", "96 GB", 96e9, "B"),
        ("A 3.2 GHz clock.", "3.2 GHz", 3.2e9, "Hz"),
        ("The Tern T400 reaches 18 petaFLOPS of FP4.", "18 petaFLOPS", 1.8e16, "FLOP/s"),
        ("A rack of them reaches 3 exaflops.", "3 exaflops", 3e18, "FLOP/s"),
        ("It runs 540 TOPS of INT8.", "540 TOPS", 5.4e14, "OP/s"),
    ],
)
def test_hardware_measures_in_base_units(sentence: str, span: str, value: float, unit: str) -> None:
    q = _one(sentence)
    assert (q.kind, q.text, q.unit, q.low, q.high) == ("measure", span, unit, value, value)


def test_measure_range_scales_both_ends() -> None:
    q = _one("Sites of 2-3 GW are planned.")
    assert (q.kind, q.low, q.high, q.unit) == ("measure", 2e9, 3e9, "W")


def test_trillion_suffix_before_a_plural_noun() -> None:
    q = _one("A model with 3T parameters.")
    assert (q.kind, q.low, q.unit) == ("count", 3e12, "parameters")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [("It earned a score of 61 points overall.", "score"), ("Accuracy rose 5 points this year.", "percentage_points")],
)
def test_points_are_a_score_after_score_words(sentence: str, kind: str) -> None:
    assert _one(sentence).kind == kind


@pytest.mark.parametrize("text", ["450W", "2.4TB/s", "12 PFLOPS", "96 GB", "2-3 GW", "18 petaFLOPS", "540 TOPS"])
def test_measures_round_trip_through_the_formatter(text: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    again = parse_quantity(format_quantity(q))
    assert again is not None and (again.kind, again.low, again.high, again.unit) == (q.kind, q.low, q.high, q.unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("trained on 2,048 Tern T400 GPUs", "2,048 Tern T400 GPUs", "Tern T400 GPUs"),
        ("for 2.8M T400 GPU-hours", "2.8M T400 GPU-hours", "T400 GPU-hours"),
    ],
)
def test_a_product_name_with_digits_between_a_count_and_its_noun_stays_in_the_unit(
    text: str, value: str, unit: str
) -> None:
    (found,) = find_quantities(text)
    assert (found.value.text, found.value.kind, found.value.unit) == (value, "count", unit)


@pytest.mark.parametrize("sentence", ["Dated 3/5/2026 in full.", "Dated 3-5-26 in full.", "Dated 3.5.2026 in full."])
def test_a_numeric_date_is_never_three_numbers(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        # after a comparison word a bare figure counts what the figure before it counts
        ("A 2M-token window, against the rival's 400K standard.", [("2M-token", "tokens"), ("400K", "tokens")]),
        ("We saw 300 signups vs 120 the week before.", [("300 signups", "signups"), ("120", "signups")]),
        ("The suite has 90 tasks versus 45.5 in the old one.", [("90 tasks", "tasks"), ("45.5", "tasks")]),
        # no comparison word: the figure stays a plain number
        ("We saw 300 signups and 120 of them stayed.", [("300 signups", "signups"), ("120", None)]),
    ],
)
def test_a_compared_figure_counts_the_same_thing(sentence: str, spans: list[tuple[str, str | None]]) -> None:
    found = [(m.value.text, m.value.unit if m.value.kind == "count" else None) for m in find_quantities(sentence)]
    assert found == spans


@pytest.mark.parametrize(("text", "low"), [("| 671B | ~1.8T | - |", 1.8e12), ("sizes of 1.8T, 70B and 8B", 1.8e12)])
def test_a_trillion_suffix_standing_alone_in_a_cell_or_list(text: str, low: float) -> None:
    assert any(m.value.low == low for m in find_quantities(text))
