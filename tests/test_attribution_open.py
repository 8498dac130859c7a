"""Open-vocabulary attribution: clauses, variants, thresholds and inferred years, on invented names."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.attribution.extract import extract_article
from claimcheck.checking.align import align_claims
from claimcheck.models import Claim

from .conftest import claims_of, make_article

PUB = dt.date(2026, 3, 5)


def _by_value(text: str) -> dict[str, Claim]:
    return {c.value.text: c for c in claims_of(text, published=PUB)}


def test_clause_attribution_gives_each_figure_its_own_model() -> None:
    found = _by_value(
        "Lumen Labs released Orion-3 on March 2, 2026, and said the model scores 57.7% on TrailMix, "
        "up from 55.6% for Orion-2."
    )
    assert (found["57.7%"].subject, found["57.7%"].metric) == ("Orion-3", "TrailMix")
    assert (found["55.6%"].subject, found["55.6%"].metric) == ("Orion-2", "TrailMix")
    assert (found["March 2, 2026"].subject, found["March 2, 2026"].metric) == ("Orion-3", "release date")


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        ("Orion-2 Max has 17 billion active and 400 billion total parameters.", "17 billion", "active"),
        (
            "Orion-2 Max has 17 billion active and 400 billion total parameters.",
            "400 billion total parameters",
            "total",
        ),
        ("Orion-2 Max activates only 37B of its 671B parameters per token.", "37B", "active"),
        ("Orion-2 Max activates only 37B of its 671B parameters per token.", "671B parameters", "total"),
    ],
)
def test_total_and_active_parameters_are_different_metrics(text: str, value: str, metric: str) -> None:
    claim = _by_value(text)[value]
    expected = "number of active parameters" if metric == "active" else "number of parameters"
    assert claim.metric == expected


def test_cache_hit_and_cache_miss_prices_are_different_metrics() -> None:
    found = _by_value(
        "Nimbus-R1 costs $0.14 per million input tokens for cache hits"
        " and $0.55 per million input tokens for cache misses."
    )
    metrics = {c.metric for c in found.values()}
    assert len(metrics) == 2 and any("cached input" in (m or "") for m in metrics)


def test_sizes_listed_together_have_no_subject() -> None:
    found = _by_value("In July, Lumen Labs released Orion 3 in 8B, 70B and 405B sizes.")
    assert all(found[v].subject is None for v in ("8B", "70B", "405B sizes"))


@pytest.mark.parametrize(
    "text",
    [
        "A model would need 95% on TrailMix to be called expert-level.",
        "Orchard AI is in talks to raise $6 billion.",
    ],
)
def test_hypothetical_and_target_figures_are_kept_apart(text: str) -> None:
    claims = claims_of(text, published=PUB)
    assert claims and all(c.forecast for c in claims)


def test_an_inferred_year_never_outvotes_a_stated_one() -> None:
    a = make_article("Orion-2 was released on February 17.", published=dt.date(2024, 3, 1), path="a.md")
    b = make_article("Orion-2 was released on February 17, 2025.", published=dt.date(2025, 3, 1), path="b.md")
    topics = align_claims(extract_article(a) + extract_article(b))
    assert [[c.source for c in group] for _, group in topics] == [["b.md"]]


def test_a_row_that_names_the_model_takes_the_metric_from_the_column() -> None:
    text = """\
    | Model | Active parameters | Total parameters |
    |---|---|---|
    | Orion-2 Max | 17B | 400B |
    """
    found = {c.value.text: c for c in claims_of(text, published=PUB)}
    assert (found["17B"].subject, found["400B"].subject) == ("Orion-2 Max", "Orion-2 Max")
    assert found["17B"].metric != found["400B"].metric


def _titled(text: str, title: str | None) -> dict[str, Claim]:
    article = make_article(text, published=PUB)
    article = article.model_copy(update={"source": article.source.model_copy(update={"title": title})})
    return {c.value.text: c for c in extract_article(article)}


def test_the_model_with_nothing_named_before_it_is_the_model_of_the_title() -> None:
    found = _titled(
        "The model scores 71.2% on HarborBench. Kestrel 3 also runs on phones. Its context window is 256K tokens.",
        "Tern Labs ships Kestrel 3",
    )
    assert found["71.2%"].subject == "Kestrel 3"


def test_the_company_is_the_lab_of_the_title() -> None:
    found = _titled("The company now has 1,200 employees.", "Tern Labs doubles its staff")
    assert found["1,200 employees"].subject == "Tern Labs"


def test_a_unit_that_names_nothing_belongs_to_the_article_model_only_when_it_is_plainly_about_one() -> None:
    about_one = _titled("Kestrel 3 is Tern Labs' new model.\n\n- Context window: 256K tokens\n", "Kestrel 3 review")
    assert about_one["256K tokens"].subject == "Kestrel 3"
    # two models, as often named as each other, and a title naming neither: nobody can say whose window it is
    about_two = _titled(
        "Kestrel 3 and Orion-2 both shipped this week. Kestrel 3 is faster; Orion-2 is cheaper.\n\n"
        "- Context window: 256K tokens\n",
        "This week's launches",
    )
    assert about_two["256K tokens"].subject is None


def test_the_model_stays_unresolved_when_the_article_is_about_several() -> None:
    found = _titled("The model costs $2 per million input tokens. Orion-2 and Vireo 1.5 both cost less.", "Price check")
    assert found["$2 per million input tokens"].subject is None


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # the lab named before "its R1 model" owns it, and the long form aligns with other articles' "Nimbus-R1"
        ("Nimbus Labs has released its R1 model with 671B parameters.", "671B parameters", "Nimbus R1"),
        ("Nimbus-R1 is out. R1 has a 128K context window.", "128K", "Nimbus-R1"),
        # two labs, two R1s: the short name stays as written
        ("Nimbus Labs compared its R1 with Orchard AI's R1 model, which has 70B parameters.", "70B parameters", "R1"),
    ],
)
def test_a_short_model_name_takes_its_long_form_only_with_evidence(text: str, value: str, subject: str) -> None:
    assert _by_value(text)[value].subject == subject


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("Kestrel 3 was trained on 2,048 Tern T400 GPUs.", "2,048 Tern T400 GPUs", "Kestrel 3"),
        ("Tern Labs used 16,000 T400s to train Kestrel 3.", "16,000 T400s", "Kestrel 3"),
        ("It took 2.8M T400 GPU-hours.", "2.8M T400 GPU-hours", None),
        ("The T400 has 96 GB of memory.", "96 GB", "T400"),  # the chip's own spec is about the chip
    ],
)
def test_the_chips_a_figure_counts_are_its_unit_not_its_subject(text: str, value: str, subject: str | None) -> None:
    assert _by_value(text)[value].subject == subject


def test_a_clause_that_names_nothing_continues_the_model_its_sentence_named() -> None:
    found = _by_value(
        "Tern Labs has released its Kestrel 3 model - a 671B parameter MoE that activates 37B parameters."
    )
    assert found["671B"].subject == "Kestrel 3" and found["37B parameters"].subject == "Kestrel 3"
    contrast = _by_value("Kestrel 3 is fast, but the rival model costs $5 per million input tokens.")
    assert contrast["$5 per million input tokens"].subject is None


@pytest.mark.parametrize("headline", ["The Training Run That Changed AI Economics", "Training a SOTA AI Model"])
def test_a_headline_verb_before_ai_is_not_a_lab(headline: str) -> None:
    from claimcheck.attribution.names import find_shaped_names

    assert [n for n in find_shaped_names(headline) if n.kind == "lab"] == []


def _claims(text: str, published: dt.date | None, path: str) -> list[Claim]:
    return extract_article(make_article(text, published=published, path=path))


def _conflicts(*articles: list[Claim]) -> list[str]:
    from claimcheck.checking.check import cross_check

    claims = [c for article in articles for c in article]
    return [f.topic for f in cross_check(align_claims(claims)) if f.status == "conflict"]


def test_two_reports_of_one_unnamed_round_in_the_same_quarter_are_compared() -> None:
    a = _claims("Tern Labs raised $5 billion in a funding round.", dt.date(2024, 11, 21), "a.md")
    b = _claims("Tern Labs has raised $6 billion in its latest funding round.", dt.date(2024, 12, 20), "b.md")
    assert (a[0].metric, a[0].as_of and a[0].as_of.precision) == ("funding round amount", "quarter")
    assert _conflicts(a, b) == ["Tern Labs / funding round amount"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # named rounds are different events
        (
            ("Tern Labs raised $6 billion in a Series B round.", dt.date(2024, 5, 28)),
            ("Tern Labs closed a $5 billion Series C round.", dt.date(2024, 5, 30)),
        ),
        # a year apart: the latest round of each article is another round
        (
            ("Tern Labs raised $6 billion in a funding round.", dt.date(2024, 5, 28)),
            ("Tern Labs raised $10 billion in a funding round.", dt.date(2025, 6, 2)),
        ),
        # an article with no date cannot say which round it means
        (
            ("Tern Labs raised $6 billion in a funding round.", None),
            ("Tern Labs raised $10 billion in a funding round.", dt.date(2025, 6, 2)),
        ),
        # an earlier round, not the article's own
        (
            ("Tern Labs was previously valued at $40 billion.", dt.date(2025, 6, 1)),
            ("Tern Labs is now valued at $50 billion after the round.", dt.date(2025, 6, 2)),
        ),
    ],
)
def test_different_rounds_are_never_a_conflict(
    first: tuple[str, dt.date | None], second: tuple[str, dt.date | None]
) -> None:
    a = _claims(first[0], first[1], "a.md")
    b = _claims(second[0], second[1], "b.md")
    assert _conflicts(a, b) == []


def test_a_valuation_is_not_the_amount_raised() -> None:
    found = _by_value("Tern Labs raised $5 billion in a round that values it at $50 billion.")
    assert found["$5 billion"].metric == "funding round amount"
    assert found["$50 billion"].metric == "valuation"


@pytest.mark.parametrize(
    ("text", "not_a_claim"),
    [
        ("Kestrel 3 Pro costs $1.25 input per 1M tokens for prompts up to 200K tokens.", "up to 200K tokens"),
        ("Kestrel 3 Pro: $10 output, then $15 output over 200K.", "over 200K"),
        ("Kestrel 3 has the knowledge of a 671B model but the inference cost of a ~37B model.", "~37B"),
        (
            "Rumours put Orion-2 at $100 million, so that $6 million figure for Kestrel 3 is a wake-up call.",
            "$6 million",
        ),
    ],
)
def test_numbers_that_state_nothing_about_anyone_are_not_claims(text: str, not_a_claim: str) -> None:
    assert not_a_claim not in _by_value(text)


def test_the_price_before_a_tier_condition_is_still_read() -> None:
    found = _by_value("Kestrel 3 Pro costs $1.25 input per 1M tokens for prompts up to 200K tokens.")
    assert found["$1.25 input per 1M tokens"].metric == "input price per 1M tokens"


def test_a_bare_small_number_is_not_a_context_window() -> None:
    found = _by_value("Kestrel 3 Scout has a 10M context window, 16 in all.")
    assert found["10M"].metric == "context window"
    assert "16" not in found or found["16"].metric != "context window"


def test_the_target_of_a_comparison_is_skipped_for_the_name_before_it() -> None:
    found = _by_value("Nimbus-R1 offered performance competitive with Orion-2 at $0.07 per million input tokens.")
    assert found["$0.07 per million input tokens"].subject == "Nimbus-R1"


def test_the_opening_sentence_that_names_nothing_is_about_the_article_model() -> None:
    found = _titled(
        "An open-weight model with 671B total parameters. Kestrel 3 is Tern Labs' largest model. Kestrel 3 is fast."
        " Kestrel 3 is open.",
        None,
    )
    assert found["671B total parameters"].subject == "Kestrel 3"


def test_sizes_of_a_family_with_several_named_variants_have_no_subject() -> None:
    found = _by_value(
        "Tern Labs shipped Kestrel 4 Pro and Kestrel 4 Max. Kestrel 4 has 17B active parameters per token."
    )
    assert found["17B active parameters"].subject is None


def test_a_lab_gpu_count_holds_as_of_publication() -> None:
    (claim,) = [c for c in claims_of("Tern Labs' cluster has 100,000 T400 GPUs.", published=PUB) if c.metric]
    assert claim.as_of is not None and claim.as_of.precision == "quarter"


def test_a_figure_in_brackets_after_a_table_cell_figure_is_its_condition() -> None:
    text = "| Model | Long-context accuracy |\n|---|---|\n| Kestrel 3 | 72% (64K tokens) |\n"
    found = _by_value(text)
    assert "72%" in found and "64K tokens" not in found


def test_a_figure_after_two_joined_names_has_no_subject() -> None:
    found = _by_value("Tern Labs distilled six smaller models based on Orion-2 and Vireo 1.5, from 1.5B to 70B.")
    assert found["1.5B"].subject is None


def test_a_capitalised_word_before_a_benchmark_names_another_benchmark() -> None:
    assert _by_value("Kestrel 3 achieved 86.1% on the Chinese MMLU benchmark.")["86.1%"].metric == "Chinese MMLU"
    assert _by_value("On MMLU, Kestrel 3 scored 88%.")["88%"].metric == "MMLU"


def test_table_headings_map_to_the_vocabulary_and_benchmark_categories_drop() -> None:
    text = (
        "| Metric | Kestrel 3 | Orion-2 |\n|---|---|---|\n| GPU Hours | 2.8M | 30M |\n"
        "| Parameters (Active) | 37B | 17B |\n| Parameters (Total) | 671B | ~1.8T |\n\n"
        "| Model | MMLU (Knowledge) | MMLU (5-shot) |\n|---|---|---|\n| Kestrel 3 | 82.5 | 80.1 |\n"
    )
    found = {(c.subject, c.value.text): c for c in claims_of(text, published=PUB)}
    assert found[("Kestrel 3", "2.8M")].metric == "GPU hours"
    assert found[("Kestrel 3", "37B")].metric == "number of active parameters"
    assert found[("Orion-2", "~1.8T")].value.low == 1.8e12
    assert found[("Kestrel 3", "82.5")].metric == "MMLU"
    assert found[("Kestrel 3", "80.1")].metric == "MMLU (5-shot)"  # a setting stays part of the name


def test_a_table_score_and_a_percentage_of_one_benchmark_are_compared() -> None:
    from claimcheck.checking.check import cross_check

    table = _claims("| Model | MMLU |\n|---|---|\n| Kestrel 3 | 88.6 |\n", PUB, "a.md")
    prose = _claims("Kestrel 3 scores 87.3% on MMLU.", PUB, "b.md")
    findings = cross_check(align_claims(table + prose))
    assert [f.topic for f in findings if f.status == "conflict"] == ["Kestrel 3 / MMLU"]


def test_a_bare_number_in_a_parameters_row_is_a_parameter_count() -> None:
    from claimcheck.checking.align import dimension

    (row,) = [c for c in _claims("| Metric | Kestrel 3 |\n|---|---|\n| Parameters | 671B |\n", PUB, "a.md")]
    (prose,) = _claims("Kestrel 3 has 671 billion parameters.", PUB, "b.md")
    assert dimension(row) == dimension(prose)


def test_a_bracketed_figure_right_after_a_name_is_that_name_s() -> None:
    found = _by_value("Kestrel 3 achieved 86.1% on HarborBench, surpassing Orion-2 (85.8%).")
    assert (found["86.1%"].subject, found["85.8%"].subject) == ("Kestrel 3", "Orion-2")


def test_a_bracketed_figure_after_two_joined_names_has_no_subject() -> None:
    found = _by_value("Tern Labs distilled models based on Orion-2 and Vireo 1.5 (1.5B to 70B) for laptops.")
    assert found["1.5B to 70B"].subject is None


def test_gpu_hours_in_a_table_cell_naming_the_chip_compare_with_prose_gpu_hours() -> None:
    table = _claims("| Metric | Kestrel 3 |\n|---|---|\n| GPU Hours | 2.8M T400 |\n", PUB, "a.md")
    prose = _claims("Kestrel 3 took 280K GPU hours to train.", PUB, "b.md")
    assert _conflicts(table, prose) == ["Kestrel 3 / GPU hours"]


def test_a_list_item_that_is_only_a_name_heads_the_fact_items_after_it() -> None:
    text = "Two models compared.\n\n- Kestrel 3\n- Trained on 16.5T tokens\n- Orion-2\n- Trained on 14.8T tokens\n"
    found = _titled(text, "Kestrel 3 vs Orion-2")
    assert (found["16.5T tokens"].subject, found["14.8T tokens"].subject) == ("Kestrel 3", "Orion-2")


def test_but_without_a_new_subject_keeps_the_sentence_model() -> None:
    found = _by_value(
        "Kestrel 3, released in April, brought a larger vocabulary, but shipped with an 8,192-token context."
    )
    assert found["8,192-token"].subject == "Kestrel 3"


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        ("Kestrel 3 brought a 128K-token tokenizer vocabulary and a 32K context.", "128K-token", "vocabulary size"),
        ("Kestrel 3 was trained on a curated 14.8 trillion token dataset.", "14.8 trillion", "training tokens"),
    ],
)
def test_token_counts_that_are_not_a_context_window(text: str, value: str, metric: str) -> None:
    assert _by_value(text)[value].metric == metric


def test_a_checkpoint_name_ending_in_digits_is_not_a_value() -> None:
    found = _by_value("Kestrel 3 has a 128,000-token context window, released as Kestrel-Large-Instruct-2407.")
    assert "2407" not in found and found["128,000-token"].metric == "context window"


def test_announced_on_a_date_is_a_release_date() -> None:
    assert _by_value("Kestrel 3 was announced on July 24, 2024.")["July 24, 2024"].metric == "release date"


# An API price page copied as text: long column names priced "per 1M tokens", a dash cell, endpoint IDs the
# page says now stand for models.
_PRICE_PAGE = (
    "Vireo Labs opened its API on March 3, 2026.\n\n"
    "Model Context Length Max Reasoning Tokens Max Output Tokens 1M Tokens Input Price (Cache Hit) "
    "1M Tokens Input Price (Cache Miss) 1M Tokens Output Price\n"
    "vireo-chat 64K - 8K $0.07 $0.27 $1.10\n"
    "vireo-reasoner 64K 32K 8K $0.14 $0.55 $2.19\n\n"
    "Both endpoints were upgraded: vireo-chat (now Vireo-V3) and vireo-reasoner (now upgraded to Vireo-R2).\n"
)


def test_a_price_table_s_headers_give_each_cell_its_side_and_rate() -> None:
    found = {(c.subject, c.value.text): c for c in _claims(_PRICE_PAGE, PUB, "a.md")}
    assert found[("Vireo-R2", "$0.14")].metric == "cached input price per 1M tokens"
    assert found[("Vireo-R2", "$0.55")].metric == "input price per 1M tokens"  # a cache miss is the input price
    assert found[("Vireo-R2", "$2.19")].metric == "output price per 1M tokens"
    assert found[("Vireo-V3", "$0.27")].value.unit == "USD/1M tokens" and found[("Vireo-V3", "$0.27")].value.rate


def test_an_identifier_the_page_renamed_is_that_model_and_its_limits_are_the_api_s() -> None:
    found = {(c.subject, c.value.text, c.metric) for c in _claims(_PRICE_PAGE, PUB, "a.md")}
    assert ("Vireo-V3", "8K", "maximum output tokens (API)") in found
    assert ("Vireo-R2", "64K", "context window (API)") in found


def test_a_price_in_a_table_and_in_prose_are_compared_and_api_limits_are_not() -> None:
    from claimcheck.checking.check import cross_check

    table = _claims(_PRICE_PAGE, PUB, "a.md")
    prose = _claims(
        "Vireo-R2 costs $0.55 per million input tokens and $2.20 per million output tokens, "
        "and it has a 128K context window.",
        PUB,
        "b.md",
    )
    findings = {f.topic: f.status for f in cross_check(align_claims(table + prose))}
    assert findings.get("Vireo-R2 / input price per 1M tokens") == "agree"
    assert findings.get("Vireo-R2 / output price per 1M tokens") == "conflict"
    assert not any("context window" in topic and status == "conflict" for topic, status in findings.items())


@pytest.mark.parametrize(
    ("sentence", "identifier", "model"),
    [
        ("The old vireo-chat endpoint (now Vireo-V3) keeps its price.", "vireo-chat", "Vireo-V3"),
        ("Calls to vireo-reasoner (now upgraded to Vireo-R2) cost more.", "vireo-reasoner", "Vireo-R2"),
        ("Kestrel-3 (formerly kestrel-beta) is out.", "kestrel-beta", "Kestrel-3"),
        ("The orion-preview model, also known as Orion-2, is free.", "orion-preview", "Orion-2"),
    ],
)
def test_renamings_are_learned_only_from_what_the_text_says(sentence: str, identifier: str, model: str) -> None:
    from claimcheck.attribution.names import find_shaped_names, learn_renamings

    assert learn_renamings([sentence], find_shaped_names) == {identifier: model}


@pytest.mark.parametrize(
    "sentence",
    [
        "The vireo-chat endpoint (now the default) is cheaper.",  # "now" before no model name
        "Orion-2 (now in beta) costs $1.",  # a model's status, not a new name
        "vireo-chat and Vireo-V3 are both listed.",  # named together, never said to be one
    ],
)
def test_nothing_is_renamed_without_the_text_saying_so(sentence: str) -> None:
    from claimcheck.attribution.names import find_shaped_names, learn_renamings

    assert learn_renamings([sentence], find_shaped_names) == {}


def test_a_label_line_with_its_figure_in_brackets_is_about_the_page_s_model() -> None:
    text = (
        "Vireo-R2 API notes\n\n"
        "Vireo-R2 supports cached prompts.\n\n"
        "Vireo-R2 bills reasoning as output.\n\n"
        "Tokens hit by cache ($0.20/million tokens)\n"
    )
    found = {c.value.text: c for c in _claims(text, PUB, "a.md")}
    claim = found["$0.20/million tokens"]
    assert (claim.subject, claim.metric) == ("Vireo-R2", "cached input price per 1M tokens")


def test_a_sentence_naming_nothing_stays_unattributed_even_with_a_bracketed_figure() -> None:
    text = "Vireo-R2 supports cached prompts.\n\nTwo researchers said the cache saved money ($5 a month).\n"
    found = {c.value.text: c for c in _claims(text, PUB, "a.md")}
    assert all(c.subject is None for c in found.values())


def test_a_context_window_written_without_its_unit_counts_tokens() -> None:
    from claimcheck.checking.check import cross_check

    spec = _claims("Kestrel 3\n\nReleased March 12, 2026\n\nKestrel 3 has a 128K context window.\n", PUB, "a.md")
    card = _claims("Kestrel 3 supports a context window of 131.1K tokens.", PUB, "b.md")
    found = {c.value.text: c for c in spec}
    assert found["128K"].value.unit == "tokens"
    assert not any((c.subject or "").startswith("Released") for c in spec)  # no model named "Released March"
    findings = {f.topic: f.status for f in cross_check(align_claims(spec + card))}
    assert findings.get("Kestrel 3 / context window") == "compatible"  # 128K may be 131,072 tokens


@pytest.mark.parametrize(("day", "status"), [("March 10, 2026", "compatible"), ("March 11, 2026", "conflict")])
def test_one_release_reported_on_adjacent_days_is_not_a_contradiction(day: str, status: str) -> None:
    from claimcheck.checking.check import cross_check

    a = _claims("Lumen Labs released Orion-3 on March 9, 2026.", PUB, "a.md")
    b = _claims(f"Lumen Labs released Orion-3 on {day}.", PUB, "b.md")
    (finding,) = [f for f in cross_check(align_claims(a + b)) if f.topic == "Orion-3 / release date"]
    assert finding.status == status
    if status == "compatible":
        assert "one day apart" in finding.message


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # a name in a descriptive aside after the value is compared with, not described
        (
            "Kite T500 specs\n\nThe Kite T500 ships in May.\n\nThe Kite T500 sells well.\n\n"
            "Memory: 141GB HBM3e (double the memory capacity of the T300)\n",
            "141GB",
            "T500",
        ),
        # a name that opens the bracket labels the value
        ("TDP: 750W (T500)", "750W", "T500"),
        # figures in a bracket right after a name are that name's, even after another figure
        ("Against the Kite T900 (192GB HBM3, 5.3 TB/s), the T500 has less memory.", "5.3 TB/s", "T900"),
    ],
)
def test_bracketed_asides_and_labels(text: str, value: str, subject: str) -> None:
    found = {c.value.text: c for c in _claims(text, PUB, "a.md")}
    assert (found[value].subject or "").endswith(subject)


def test_a_lab_s_model_released_on_a_model_s_page_is_that_model() -> None:
    text = "Orion-3 Pro\n\nLumen Labs model released March 2, 2026. Orion-3 Pro reasons before it answers.\n"
    found = {c.value.text: c for c in _claims(text, PUB, "a.md")}
    assert (found["March 2, 2026"].subject, found["March 2, 2026"].metric) == ("Orion-3 Pro", "release date")
