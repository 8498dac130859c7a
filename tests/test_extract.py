"""Claim extraction: subject, metric, as_of, baseline, forecast and citations on realistic sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.models import DateValue, Quantity

from .conftest import claims_of, make_article

PUB = dt.date(2026, 3, 5)


def one(text: str, value_text: str, **kw):  # type: ignore[no-untyped-def]
    matches = [c for c in claims_of(text, **kw) if c.value.text == value_text]
    assert len(matches) == 1, [(c.value.text, c.metric, c.subject) for c in claims_of(text, **kw)]
    return matches[0]


@pytest.mark.parametrize(
    ("text", "value_text", "subject", "metric"),
    [
        (
            "Claude now writes 70-90% of the code used to train new Claude versions.",
            "70-90%",
            "Anthropic",
            "share of code written by AI",
        ),
        (
            "As of May 2026, over 80% of the code merged into Anthropic's codebase was written by Claude.",
            "over 80%",
            "Anthropic",
            "share of code written by AI",
        ),
        (
            "Claude Code is now 100% written by Claude Code itself.",
            "100%",
            "Claude Code",
            "share of code written by AI",
        ),
        (
            "Claude Code\u2014the AI coding assistant\u2014is now 100% written by Claude Code itself.",
            "100%",
            "Claude Code",
            "share of code written by AI",
        ),
        ("GPT-5.4 achieves 75.0% on OSWorld-Verified.", "75.0%", "GPT-5.4", "OSWorld-Verified"),
        (
            "GPT-5.4 hits 87.3% vs. GPT-5.2's 68.4% on spreadsheet modeling tasks.",
            "68.4%",
            "GPT-5.2",
            "spreadsheet modeling score",
        ),
        (
            "On spreadsheet work GPT-5.4 reaches 87.3%, against 68.4% for GPT-5.2.",
            "68.4%",
            "GPT-5.2",
            "spreadsheet score",
        ),
        (
            "Engineers ship approximately eight times as much code compared to 2024, Anthropic says.",
            "approximately eight times",
            "Anthropic",
            "code output relative to baseline",
        ),
        ("Opus 4.6 is roughly 2x the price of GPT-5.4.", "roughly 2x", "Claude Opus 4.6", "price ratio"),
        (
            "Claude Mythos Preview can work continuously for over 16 hours.",
            "over 16 hours",
            "Claude Mythos Preview",
            "continuous autonomous work time",
        ),
        ("The time horizon is doubling roughly every four months.", "four months", None, "time-horizon doubling time"),
        (
            "In May 2025, Claude Opus 4 achieved approximately a 3x speedup.",
            "approximately a 3x",
            "Claude Opus 4",
            "training-code speedup",
        ),
        (
            "On the most open-ended tasks, Claude's success rate reached 76% by May 2026.",
            "76%",
            "Claude",
            "success rate on open-ended tasks",
        ),
        ("Claude Opus 4.6 scores 76% on MRCR v2.", "76%", "Claude Opus 4.6", "MRCR v2"),
    ],
)
def test_subject_and_metric(text: str, value_text: str, subject: str | None, metric: str) -> None:
    claim = one(text, value_text)
    assert claim.subject == subject
    assert claim.metric == metric


def test_value_meaning_survives_into_claims() -> None:
    claim = one("Claude now writes 70-90% of the code used to train new Claude versions.", "70-90%")
    assert isinstance(claim.value, Quantity)
    assert (claim.value.low, claim.value.high, claim.value.kind) == (70, 90, "percent")
    over = one(
        "As of May 2026, over 80% of the code merged into Anthropic's codebase was written by Claude.", "over 80%"
    )
    assert isinstance(over.value, Quantity)
    assert over.value.low == 80 and over.value.low_inclusive is False and over.value.high is None
    assert over.as_of is not None and over.as_of.precision == "month" and over.as_of.start == dt.date(2026, 5, 1)


def test_price_table_cells_know_row_and_column() -> None:
    text = """\
    Pricing is changing:

    Model Input Cached Input Output
    GPT-5.4 $2.50/M tokens $0.25/M tokens $15/M tokens
    GPT-5.2 $1.75/M tokens $0.175/M tokens $14/M tokens
    """
    claims = claims_of(text, markdown=False)
    got = {(c.subject, c.metric, c.value.text) for c in claims}
    assert ("GPT-5.4", "input price per 1M tokens", "$2.50/M tokens") in got
    assert ("GPT-5.4", "cached input price per 1M tokens", "$0.25/M tokens") in got
    assert ("GPT-5.2", "output price per 1M tokens", "$14/M tokens") in got
    price = next(c for c in claims if c.value.text == "$2.50/M tokens")
    assert price.row_label == "GPT-5.4" and price.column_header == "Input"
    assert isinstance(price.value, Quantity) and price.value.unit == "USD/1M tokens" and price.value.low == 2.5


def test_prose_price_pair_is_input_then_output() -> None:
    claims = claims_of("GPT-5.4 costs $2.50/$15 per million tokens.")
    got = {c.value.text: c.metric for c in claims}
    assert got["$2.50"] == "input price per 1M tokens"
    assert got["$15 per million tokens"] == "output price per 1M tokens"


def test_benchmark_table_subjects_come_from_headers() -> None:
    text = """\
    | Benchmark | GPT-5.4 | Claude Opus 4.6 |
    |---|---|---|
    | SWE-Bench Pro | 57.7% | 80.8% |
    """
    claims = claims_of(text)
    got = {(c.subject, c.metric, c.value.text) for c in claims}
    assert got == {("GPT-5.4", "SWE-Bench Pro", "57.7%"), ("Claude Opus 4.6", "SWE-Bench Pro", "80.8%")}


def test_ambiguous_flattened_cells_get_no_subject() -> None:
    text = """\
    Benchmark GPT-5.4 Claude Opus 4.6 Winner
    SWE-Bench Pro 57.7% 80.8% Claude (+23.1%)
    Terminal-Bench 2.0 65.4% Claude
    """
    claims = claims_of(text, markdown=False)
    terminal = next(c for c in claims if c.value.text == "65.4%")
    assert terminal.subject is None  # which column the cell was in cannot be known
    assert {c.value.text for c in claims} >= {"57.7%", "80.8%", "+23.1%"}
    assert not any(c.value.text in ("2.0", "4.6", "5.4") for c in claims)


def test_release_dates_in_a_list_pair_with_their_models() -> None:
    text = (
        "Claude 4 came out in May 2025; Opus 4.1 followed in August and Sonnet 4.5 in September; "
        "Haiku 4.5 arrived in October, then Opus 4.5 in November."
    )
    claims = [c for c in claims_of(text) if c.metric == "release date"]
    got = {c.subject: (c.value.start, c.value.precision) for c in claims}  # type: ignore[union-attr]
    assert got == {
        "Claude 4": (dt.date(2025, 5, 1), "month"),
        "Claude Opus 4.1": (dt.date(2025, 8, 1), "month"),
        "Claude Sonnet 4.5": (dt.date(2025, 9, 1), "month"),
        "Claude Haiku 4.5": (dt.date(2025, 10, 1), "month"),
        "Claude Opus 4.5": (dt.date(2025, 11, 1), "month"),
    }


def test_month_day_takes_the_year_named_before_and_framing_year_is_not_a_claim() -> None:
    text = "By 2026, Opus 4.6 had shipped on February 5 and Sonnet 4.6 on February 17; then on April 15 came Opus 4.7."
    claims = [c for c in claims_of(text) if c.metric == "release date"]
    got = {c.subject: c.value.start for c in claims}  # type: ignore[union-attr]
    assert got == {
        "Claude Opus 4.6": dt.date(2026, 2, 5),
        "Claude Sonnet 4.6": dt.date(2026, 2, 17),
        "Claude Opus 4.7": dt.date(2026, 4, 15),
    }
    inferred = next(c for c in claims if c.subject == "Claude Sonnet 4.6")
    assert isinstance(inferred.value, DateValue) and inferred.value.year_from == "context"


def test_claude_4_release_with_month_precision() -> None:
    claim = one("Claude 4 was released in May 2025.", "May 2025")
    assert (claim.subject, claim.metric) == ("Claude 4", "release date")
    assert isinstance(claim.value, DateValue) and claim.value.precision == "month"


def test_version_list_item_is_a_release_of_the_family_in_context() -> None:
    text = """\
    Claude has gone through several versions:

    - Version 1.0 (2021): basic abilities.
    - Version 4.0 (2024): safety-first design.
    """
    claims = [c for c in claims_of(text) if c.metric == "release date"]
    assert {(c.subject, c.value.text) for c in claims} == {("Claude 1", "2021"), ("Claude 4", "2024")}


def test_relative_dates_resolve_against_publication() -> None:
    claim = one("GPT-5.4 went live today.", "today", published=PUB)
    assert claim.metric == "release date" and claim.subject == "GPT-5.4"
    assert isinstance(claim.value, DateValue) and claim.value.start == PUB and claim.value.relative


def test_loose_relative_dates_and_page_furniture_are_not_claims() -> None:
    assert claims_of("Anthropic sits on the weak side today.", published=PUB) == []
    assert claims_of("15 min read", published=PUB) == []
    assert claims_of("March 5, 2026(Updated: March 5, 2026)", published=PUB) == []
    assert claims_of("Two things landed this week.", published=PUB) == []


def test_forecasts_are_marked_per_clause() -> None:
    claims = claims_of(
        "Projections suggest that by 2027 AI systems may run week-long projects. Claude 4 was released in May 2025."
    )
    by_text = {c.value.text: c for c in claims}
    assert by_text["2027"].forecast is True
    assert by_text["May 2025"].forecast is False
    assert one("GPT-5.4's claims are 33% less likely to be false.", "33%").forecast is False


def test_baseline_is_recorded() -> None:
    claim = one("Anthropic engineers ship eight times as much code compared to the 2021-2025 average.", "eight times")
    assert claim.baseline == "2021-2025 average"
    lead = one(
        "Measured against the 2021-2025 average, Anthropic engineers now ship eight times as much code.", "eight times"
    )
    assert lead.baseline == "2021-2025 average"
    assert lead.as_of is None


def test_back_reference_carries_metric_and_period() -> None:
    text = (
        "As of May 2026, over 80% of the code merged into Anthropic's codebase was written by Claude. "
        "Before the release of Claude Code, this figure was only in the single digits."
    )
    claims = claims_of(text)
    single = next(c for c in claims if "single" in c.value.text)
    assert single.metric == "share of code written by AI" and single.subject == "Anthropic"
    assert single.period == "before Claude Code"
    assert isinstance(single.value, Quantity) and single.value.kind == "percent"


def test_from_to_marks_the_starting_value() -> None:
    claims = claims_of("It lifts spreadsheet scores for GPT-5.4 from 68.4% to 87.3%.")
    start = next(c for c in claims if c.value.text == "68.4%")
    end = next(c for c in claims if c.value.text == "87.3%")
    assert start.period and start.period.startswith("starting value")
    assert end.period is None


def test_versions_and_names_are_not_values() -> None:
    claims = claims_of("GPT-5.4, Claude 3.5, Terminal-Bench 2.0 and MRCR v2 were all discussed.")
    assert [c.value.text for c in claims] == []


def test_citation_points_at_the_value_and_quotes_the_sentence() -> None:
    article = make_article("# Title\n\nFirst sentence here. GPT-5.4 achieves 75.0% on OSWorld-Verified.\n")
    from claimcheck.attribution.extract import extract_article

    claim = next(c for c in extract_article(article) if c.value.text == "75.0%")
    assert claim.quote == "GPT-5.4 achieves 75.0% on OSWorld-Verified."
    assert claim.line == 3
    line_text = article.text.splitlines()[claim.line - 1]
    assert line_text[claim.column - 1 :].startswith("75.0%")


def test_ids_are_stable_when_unrelated_text_changes() -> None:
    base = "# T\n\nClaude 4 was released in May 2025.\n\nGPT-5.4 achieves 75.0% on OSWorld-Verified.\n"
    edited = "# T\n\nA new opening paragraph.\n\nMore text.\n\n" + base.split("\n\n", 1)[1]
    ids_a = {c.value.text: c.id for c in claims_of(base)}
    ids_b = {c.value.text: c.id for c in claims_of(edited)}
    assert ids_a == ids_b
    assert len(set(ids_a.values())) == len(ids_a)


def test_repeated_sentences_get_distinct_ids() -> None:
    text = "Claude 4 was released in May 2025.\n\nClaude 4 was released in May 2025.\n"
    ids = [c.id for c in claims_of(text)]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_context_window_scopes_are_distinct_metrics() -> None:
    claims = claims_of("GPT-5.4 has a 272K standard context window. GPT-5.4 offers a 1M context window in Codex.")
    metrics = {c.value.text: c.metric for c in claims}
    assert metrics["272K"] == "context window (standard)"
    assert metrics["1M"] == "context window (extended mode)"


def test_timeframes_are_not_claims_but_task_lengths_are() -> None:
    assert [c.value.text for c in claims_of("The success rate rose sharply within six months.")] == []
    claims = claims_of("In early 2024, Claude Opus 3 could handle tasks that a human would finish in four minutes.")
    task = next(c for c in claims if c.value.text == "four minutes")
    assert task.metric == "length of tasks handled" and task.subject == "Claude Opus 3"
    assert task.as_of is not None and task.as_of.text == "early 2024"


def test_price_label_nearest_the_amount_wins() -> None:
    claims = claims_of("For GPT-5.4, input tokens cost $3.00 per million, output $12.00 per million.")
    got = {c.value.text.split()[0]: c.metric for c in claims}
    assert got["$3.00"] == "input price per 1M tokens"
    assert got["$12.00"] == "output price per 1M tokens"


# ------------------------------------------------------------------ what the checks read from extraction


@pytest.mark.parametrize(
    ("text", "value_text", "other"),
    [
        ("Opus 4.6 is roughly 2x the price of GPT-5.4.", "roughly 2x", "GPT-5.4"),
        ("GPT-5.4 costs roughly half as much per token as Claude Opus 4.6.", "roughly half", "Claude Opus 4.6"),
        ("Opus 4.6 is roughly 2x the price of GPT-5.4 and GPT-5.2.", "roughly 2x", None),  # which one: unknown
        ("Opus 4.6 is roughly 2x the price it was last year.", "roughly 2x", None),
    ],
)
def test_a_multiplier_knows_the_model_it_is_measured_against(text: str, value_text: str, other: str | None) -> None:
    assert one(text, value_text).compared_with == other


@pytest.mark.parametrize(
    ("text", "past_event"),
    [
        ("Claude Opus 4.7 was released on March 20, 2026.", True),
        ("The figure was recorded on March 20, 2026.", True),
        ("Claude Opus 4.7 will be released on March 20, 2026.", False),  # a forecast
        ("GPT-5.2 remains available through June 5, 2026.", False),  # present tense
        ("The team wrote the plan on March 20, 2026.", False),  # past tense, but no event said to have happened
    ],
)
def test_a_claim_knows_whether_it_states_a_past_event(text: str, past_event: bool) -> None:
    claim = one(text, "March 20, 2026" if "March 20" in text else "June 5, 2026")
    assert claim.past_event is past_event


def test_the_articles_own_numeric_dates_order_its_ambiguous_ones() -> None:
    text = "The audit was filed on 22/04/2026.\n\nAs of 3/5/2026, Claude Opus 4.6 scored 80.8% on SWE-bench Verified.\n"
    claims = claims_of(text, published=dt.date(2026, 6, 1))
    score = next(c for c in claims if c.value.text == "80.8%")
    assert score.as_of is not None and score.as_of.start == dt.date(2026, 5, 3)


def test_an_ambiguous_numeric_date_is_no_date_and_no_numbers() -> None:
    claims = claims_of("As of 3/5/2026, Claude Opus 4.6 scored 80.8% on SWE-bench Verified.\n")
    assert [c.value.text for c in claims] == ["80.8%"]
    assert claims[0].as_of is None


def test_a_bare_figure_in_a_table_row_counts_the_labels_noun() -> None:
    text = "| Metric | Value |\n|---|---|\n| Bugs fixed in the sprint (Q1 2026) | 40+ in 10 days |\n"
    claims = claims_of(text, published=dt.date(2026, 4, 20))
    count = next(c for c in claims if c.value.text == "40+")
    assert isinstance(count.value, Quantity) and (count.value.kind, count.value.unit) == ("count", "bugs")
