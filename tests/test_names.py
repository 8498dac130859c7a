"""Names nobody listed: models, labs and benchmarks recognised from their shape and place, and non-values.

Every name here is invented, so none of them is in the built-in lexicon.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.attribution.names import entity_key, find_shaped_names, learn_benchmarks
from claimcheck.checking.align import align_claims
from claimcheck.models import Quantity

from .conftest import claims_of, make_article

PUB = dt.date(2026, 3, 5)


def _names(text: str) -> list[tuple[str, str]]:
    return [(n.text, n.kind) for n in find_shaped_names(text, learn_benchmarks([text])) if n.canonical]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Orion-2 serves 3 million users.", "Orion-2"),
        ("Vireo 1.5 Flash costs less than its sibling.", "Vireo 1.5 Flash"),
        ("Vireo Flash 1.5 costs less than its sibling.", "Vireo Flash 1.5"),
        ("Nimbus-R1 tops the chart.", "Nimbus-R1"),
        ("Nimbus R1 tops the chart.", "Nimbus R1"),
        ("Qwen2.5-Max was trained on more data.", "Qwen2.5-Max"),
        ("Phi-4-mini runs on a phone.", "Phi-4-mini"),
        ("Developers prefer o3-mini for quick edits.", "o3-mini"),
        ("Sable Edge 2 became available in August.", "Sable Edge 2"),
        ("Talon 1 posted a modest result.", "Talon 1"),
        ("Lyra 2 Ultra is the largest of the three.", "Lyra 2 Ultra"),
        ("Kestrel K2 handles long documents.", "Kestrel K2"),
        ("Meridian 3 Base 70B is open weights.", "Meridian 3 Base 70B"),
        ("The chip maker's Z900 accelerator ships next.", "Z900"),
    ],
)
def test_models_nobody_listed(text: str, name: str) -> None:
    assert (name, "model") in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lumen Labs announced its first model.", "Lumen Labs"),
        ("Orchard AI raised a new round.", "Orchard AI"),
        ("A spokesperson for Kestrel Systems declined to comment.", "Kestrel Systems"),
        ("Northwind Research Bets On Corvid Swift 2.5", "Northwind Research"),
    ],
)
def test_labs_nobody_listed(text: str, name: str) -> None:
    assert (name, "lab") in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Orion-2 scored 71.2% on TrailMix.", "TrailMix"),
        ("It reached 64% on the Quarry benchmark.", "Quarry"),
        ("On Lattice, Orion-2 reaches 51.7%.", "Lattice"),
        ("Orion-2 leads ProofBench by a wide margin.", "ProofBench"),
        ("Its PolyglotQA result was strong.", "PolyglotQA"),
    ],
)
def test_benchmarks_from_shape_and_place(text: str, name: str) -> None:
    assert (name, "benchmark") in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "About 1.5 million people signed up.",
        "Figure 2 shows the Q3 results.",
        "Top 10 labs hired more staff.",
        "Shipping 70+ features in a quarter is fast.",
        "Generative AI spending rose.",
        "In May 2025 the team grew.",
        "Released March 12, 2025",  # a spec sheet's date line: the day is no version of "Released March"
        "Launched Sept. 5 in Paris.",
    ],
)
def test_ordinary_phrases_are_not_names(text: str) -> None:
    assert _names(text) == []


def test_a_names_digits_are_never_a_value() -> None:
    claims = claims_of("Orion-2 serves 3 million users.", published=PUB)
    assert [(c.subject, c.value.text) for c in claims] == [("Orion-2", "3 million users")]
    value = claims[0].value
    assert isinstance(value, Quantity) and value.low == 3_000_000


@pytest.mark.parametrize(
    "text",
    [
        "The weights are published as vendor-vireo-1-5-20250815 on the hub.",
        "Read more at example.com/news/2026/orion-2-launch-update for the details.",
        "The model card was updated.[12]",
        "- 4.2 Cost Optimization Features",
        "5.3 Advanced Features",
        "2.1.3 Pre-training Data and Mixture",
    ],
)
def test_non_values_give_no_claims(text: str) -> None:
    assert claims_of(text, published=PUB) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("3.2 Results: Orion-2 scored 88.5% on TrailMix.", ["88.5%"]),
        ("- 1.5 million users joined in a week", ["1.5 million users"]),
        ("- 4.5 GPUs per rack on average were idle.", ["4.5 GPUs"]),
    ],
)
def test_a_section_number_is_not_a_value_but_a_leading_figure_is(text: str, values: list[str]) -> None:
    assert [c.value.text for c in claims_of(text, published=PUB)] == values


def test_unlisted_model_scores_are_compared_across_articles() -> None:
    a = make_article("Nimbus-R1 scores 71.2% on TrailMix.", published=PUB, path="a.md")
    b = make_article("Independent testers measured 58.0% for Nimbus R1 on TrailMix.", published=PUB, path="b.md")
    from claimcheck.attribution.extract import extract_article

    claims = extract_article(a) + extract_article(b)
    topics = align_claims(claims)
    assert [(len(group), t.metric) for t, group in topics] == [(2, "TrailMix")]


def test_variants_are_different_models() -> None:
    a = make_article("Vireo 2 Mini scores 41% on Quarry.", published=PUB, path="a.md")
    b = make_article("Vireo 2 Max scores 77% on Quarry.", published=PUB, path="b.md")
    from claimcheck.attribution.extract import extract_article

    topics = align_claims(extract_article(a) + extract_article(b))
    assert sorted(t.subject or "" for t, _ in topics) == ["Vireo 2 Max", "Vireo 2 Mini"]


def test_spellings_of_one_name_share_a_key() -> None:
    assert entity_key("Nimbus R1") == entity_key("Nimbus-R1") == entity_key("nimbus-r1")
    assert entity_key("Vireo 1.5 Flash") != entity_key("Vireo Flash 1.5")  # word order needs evidence


def test_a_benchmark_named_in_an_aside_is_not_the_values_benchmark() -> None:
    claims = claims_of("TQAB-Redux (a cleaned-up version of the TQAB benchmark) Orion-2 (89.1%)", published=PUB)
    assert [(c.subject, c.metric) for c in claims if c.value.text == "89.1%"] == [("Orion-2", "TQAB-Redux")]
