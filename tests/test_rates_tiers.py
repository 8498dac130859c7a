"""Counts per unit of time, plans and tiers, and which side of a price a label introduces."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.models import Claim

from .conftest import claims_of, parse_quantity

PUB = dt.date(2026, 3, 5)


def _by_value(text: str) -> dict[str, Claim]:
    return {c.value.text: c for c in claims_of(text, published=PUB)}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("50 requests/minute", "requests/minute"),
        ("150 tokens per second", "tokens/second"),
        ("1,200 tokens/s", "tokens/second"),
        ("2M input tokens/month", "input tokens/month"),
        ("3 million users a month", "users/month"),
        ("40 queries each day", "queries/day"),
    ],
)
def test_a_count_per_unit_of_time_is_a_rate(text: str, unit: str) -> None:
    q = parse_quantity(text)
    assert q is not None and q.kind == "count" and q.unit == unit


@pytest.mark.parametrize("text", ["16,000 GPUs a day later", "20 engineers a week ago", "3 units a year earlier"])
def test_a_time_phrase_after_a_count_is_not_its_rate(text: str) -> None:
    q = parse_quantity(text)
    assert q is not None and q.unit is not None and "/" not in q.unit


def test_a_rate_limit_is_not_a_count_and_tiers_are_kept_apart() -> None:
    found = _by_value(
        "Vireo 2 Pro is the only model on the Orchard console. Free tier: 50 requests/minute. "
        "The paid tier allows 1,000 requests/minute. Vireo 2 Pro generates 150 tokens per second."
    )
    assert found["50 requests/minute"].metric == "requests per minute (free tier)"
    assert found["1,000 requests/minute"].metric == "requests per minute (paid tier)"
    assert found["150 tokens per second"].metric == "tokens per second"


def test_a_plan_named_in_the_clause_qualifies_a_price() -> None:
    found = _by_value("Orchard AI charges $20 a month for the Pro plan, and Tier 3 accounts get 4,000 requests/minute.")
    assert found["$20 a month"].metric == "price per month (pro plan)"
    assert found["4,000 requests/minute"].metric == "requests per minute (tier 3)"


def test_a_section_heading_names_the_tier_of_a_limit_but_not_of_a_price() -> None:
    found = {
        c.value.text: c
        for c in claims_of(
            "# Nimbus API limits\n\n## Free tier\n\n- Up to 60 requests/minute\n- Input is $1.25 per million tokens\n",
            published=PUB,
        )
    }
    assert found["Up to 60 requests/minute"].metric == "requests per minute (free tier)"
    assert "tier" not in (found["$1.25 per million tokens"].metric or "")


@pytest.mark.parametrize(
    ("sentence", "value", "side"),
    [
        ("Input is $1.25 per million tokens; output is $10 per million tokens.", "$1.25 per million tokens", "input"),
        ("Input is $1.25 per million tokens; output is $10 per million tokens.", "$10 per million tokens", "output"),
        ("Input costs $3 per million tokens, output at $12 per million.", "$3 per million tokens", "input"),
    ],
)
def test_a_side_label_before_the_next_amount_introduces_that_amount(sentence: str, value: str, side: str) -> None:
    metric = _by_value(f"Orion-3 pricing. {sentence}")[value].metric
    assert metric is not None and metric.startswith(f"{side} price")


# --- tables and document structure copied from web pages -----------------------------------------------------


def test_a_pipe_table_flattened_onto_one_line_is_read_as_its_rows() -> None:
    text = (
        "Talon 3 and Orion-2 compared.\n\n"
        "| Spec | Talon 3 | Orion-2 | |------|------|------| | Training time | ~2 months | ~3 months | "
        "| Context window | 128K | 256K |\n"
    )
    found = {(c.subject, (c.metric or "").lower()): c.value.text for c in claims_of(text, published=PUB)}
    assert found[("Orion-2", "training time")] == "~3 months"
    assert found[("Talon 3", "training time")] == "~2 months"
    assert found[("Orion-2", "context window")] == "256K"


def test_a_benchmark_score_table_with_no_model_column_is_about_the_title_model() -> None:
    text = (
        "---\ntitle: Talon 3 405B\n---\n"
        "Talon 3 405B is Kestrel Systems' largest open model. Talon 3 405B beat Orion-2 on most tests, and "
        "Talon 3 405B is still used for research.\n\n"
        "| Benchmark | Score |\n|---|---|\n| LogicBench | 88.6 |\n"
    )
    found = {c.value.text: c for c in claims_of(text, published=PUB)}
    assert (found["88.6"].subject, found["88.6"].metric) == ("Talon 3 405B", "LogicBench")


def test_a_parameters_cell_keeps_total_and_active_apart() -> None:
    text = "# Nimbus-R1\n\n| Field | Value |\n|---|---|\n| Parameters | 671B total / 37B active |\n"
    found = {c.value.text: c.metric for c in claims_of(text, published=PUB)}
    assert found["671B"] == "number of parameters"
    assert found["37B"] == "number of active parameters"


def test_a_markdown_file_without_marked_headings_has_its_headings_guessed() -> None:
    from claimcheck.loading.segment import segment

    text = "Intro paragraph about Orion-2 and its launch.\n\nFree Tier Limits\n\nUp to 60 requests/minute.\n"
    units = segment(text, markdown=True)
    assert [u.kind for u in units] == ["sentence", "heading", "sentence"]
    assert units[2].section == "Free Tier Limits"
    marked = "# Title\n\nIntro paragraph.\n\nShort line\n\nMore text here.\n"
    assert "heading" not in [u.kind for u in segment(marked, markdown=True)[1:]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kestrel Systems trained Talon 3 on 16,000 GPUs over ~54 days.",
        "Talon 3 was trained for 54 days on 2,048 GPUs.",
    ],
)
def test_how_long_a_training_run_took_is_a_claim_not_a_timeframe(sentence: str) -> None:
    [claim] = [c for c in claims_of(sentence, published=PUB) if c.value.text.endswith("days")]
    assert (claim.subject, claim.metric) == ("Talon 3", "training time")


def test_a_model_metric_said_of_its_lab_is_about_the_title_model() -> None:
    text = (
        "---\ntitle: Talon 3 405B\n---\n"
        "Talon 3 405B is the largest open model of Kestrel Systems. "
        "Kestrel Systems' training run reportedly took about 54 days.\n"
    )
    [claim] = [c for c in claims_of(text, published=PUB) if c.metric == "training time"]
    assert claim.subject == "Talon 3 405B"


def test_over_a_period_is_still_a_timeframe_without_a_run() -> None:
    assert not [c for c in claims_of("Over the past two years, Orion-2 grew fast.", published=PUB) if c.metric]


@pytest.mark.parametrize(
    ("text", "change", "unit", "low"),
    [
        ("128 Billion more transistors", "increase", "transistors", 128e9),
        ("20 more engineers", "increase", "engineers", 20),
        ("3,000 fewer GPUs", "decrease", "GPUs", 3000),
    ],
)
def test_more_or_fewer_makes_a_count_a_difference(text: str, change: str, unit: str, low: float) -> None:
    q = parse_quantity(text)
    assert q is not None and (q.change, q.unit, q.low) == (change, unit, low)


def test_a_difference_in_a_count_is_never_compared_with_the_count() -> None:
    found = _by_value("The Tern T400 packs 208 billion transistors, 128 billion more transistors than the T300.")
    assert found["208 billion transistors"].metric != found["128 billion more transistors"].metric


@pytest.mark.parametrize(
    ("text", "name"), [("the Zephyr API limits", "Zephyr API"), ("Orchard API keys", "Orchard API")]
)
def test_a_developer_platform_is_a_product(text: str, name: str) -> None:
    from claimcheck.attribution.names import find_shaped_names

    assert [(n.canonical, n.kind) for n in find_shaped_names(text)] == [(name, "product")]


@pytest.mark.parametrize("text", ["The API limits", "a Pro API key", "the Free API tier"])
def test_generic_words_before_api_name_nothing(text: str) -> None:
    from claimcheck.attribution.names import find_shaped_names

    assert [n for n in find_shaped_names(text) if n.kind == "product"] == []


def test_rate_limits_on_an_api_page_are_about_the_api_not_a_model() -> None:
    text = (
        "---\ntitle: Zephyr API pricing and free limits\n---\n"
        "The Zephyr API serves Zephyr 2 Pro and Zephyr 2 Flash. Zephyr 2 Pro is the larger one, and the Zephyr API "
        "bills per token.\n\nFree tier: 50 requests/minute, 1M tokens/day.\n"
    )
    found = {c.value.text: c for c in claims_of(text, published=PUB)}
    assert found["50 requests/minute"].subject == "Zephyr API"
    assert found["50 requests/minute"].metric == "requests per minute (free tier)"


def test_a_labelled_value_line_is_not_a_guessed_heading() -> None:
    from claimcheck.loading.segment import segment

    units = segment("Free Tier\n\nAccess: console.example\n\nRate limits apply to every key.\n", markdown=True)
    assert [u.kind for u in units] == ["heading", "sentence", "sentence"]
    assert units[2].section == "Free Tier"


def test_the_chip_refers_to_the_device_the_previous_sentence_named() -> None:
    found = _by_value(
        "The Tern T400 is a new data center APU built from 13 chiplets. "
        "Overall, the chip weighs in with 150 billion transistors."
    )
    assert (found["150 billion transistors"].subject, found["150 billion transistors"].metric) == (
        "Tern T400",
        "number of transistors",
    )


def test_the_chip_with_nothing_named_before_stays_unattributed() -> None:
    found = _by_value("Overall, the chip weighs in with 150 billion transistors.")
    assert found["150 billion transistors"].subject is None


def test_an_expert_count_name_and_its_evaluation_setting() -> None:
    found = _by_value(
        "Kestrel released Talon 8x22B under Apache 2.0; Talon 8x22B has 141B total parameters and scores 90.8% "
        "on GSM8K (maj@8)."
    )
    assert found["141B total parameters"].subject == "Talon 8x22B"
    assert (found["90.8%"].subject, found["90.8%"].metric) == ("Talon 8x22B", "GSM8K")
    assert "8" not in found and "2.0" not in found


def test_a_part_figure_with_each_is_not_the_models_size() -> None:
    found = _by_value("Talon 8x22B has 8 experts of 22 billion parameters each and 141 billion parameters in all.")
    assert "22 billion parameters" not in found
    assert found["141 billion parameters"].metric == "number of parameters"


@pytest.mark.parametrize(
    ("line", "metric"),
    [
        ("Total parameters: 671 billion", "number of parameters"),
        ("Active parameters per token: 37 billion", "number of active parameters"),
        ("Parameters: ~405 billion", "number of parameters"),
    ],
)
def test_a_fact_lines_parameter_label_makes_a_bare_number_a_size(line: str, metric: str) -> None:
    [claim] = claims_of(line, published=PUB)
    assert claim.metric == metric


def test_a_release_date_stays_a_claim_when_a_figure_of_its_clause_holds_as_of_it() -> None:
    found = _by_value("Talon 3 is a family of models, released on July 23, 2025, in three sizes.")
    assert (found["July 23, 2025"].subject, found["July 23, 2025"].metric) == ("Talon 3", "release date")


def test_a_date_before_the_release_verb_stays_a_release_date_and_sizes_are_sizes() -> None:
    found = _by_value("In July 2025 Kestrel released Talon 3 in 8B, 70B, and 405B sizes.")
    assert (found["July 2025"].subject, found["July 2025"].metric) == ("Talon 3", "release date")
    assert found["405B sizes"].metric == "number of parameters"
    assert found["405B sizes"].subject is None  # enumerated sizes are per variant, and the text does not pair them


@pytest.mark.parametrize(
    ("sentence", "value", "metric"),
    [
        (
            "Orchard AI announced a $3.5 billion Series E and a $61.5 billion post-cash valuation.",
            "$3.5 billion",
            "funding round amount (Series E)",
        ),
        (
            "Orchard AI announced a $3.5 billion Series E and a $61.5 billion post-cash valuation.",
            "$61.5 billion",
            "valuation (post-money)",
        ),
        (
            "Orchard AI secured a $3.5 billion Series E round at a $61.5 billion post-money valuation.",
            "$61.5 billion",
            "valuation (post-money)",
        ),
    ],
)
def test_each_figure_of_a_round_takes_the_noun_of_its_own_phrase(sentence: str, value: str, metric: str) -> None:
    assert _by_value(sentence)[value].metric == metric


def test_a_name_that_only_describes_another_is_not_the_subject() -> None:
    found = _by_value("Orchard AI, the safety-focused Lumen Labs competitor, secured a $3.5 billion Series E round.")
    assert found["$3.5 billion"].subject == "Orchard AI"


@pytest.mark.parametrize(
    ("sentence", "value", "metric"),
    [
        ("Orion-3 Pro: $1.25 input, $10 output per 1M tokens.", "$1.25", "input price per 1M tokens"),
        (
            "Orion-3 Pro: $1.25 input, $10 output per 1M tokens.",
            "$10 output per 1M tokens",
            "output price per 1M tokens",
        ),
        ("Orion-3 costs $3 input and $15 output per million tokens.", "$3", "input price per 1M tokens"),
    ],
)
def test_a_side_labelled_price_pair_shares_the_rate_after_it(sentence: str, value: str, metric: str) -> None:
    assert _by_value(sentence)[value].metric == metric
