"""Internal checks: each article against itself. Slips are reported with the computation; correct sums stay quiet."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.attribution.extract import extract_article
from claimcheck.checking.internal import (
    after_publication,
    doubling_rates,
    price_ratios,
    release_gaps,
    table_differences,
)
from claimcheck.checking.timeline import build_timeline, timeline_findings
from claimcheck.models import Corpus, replace
from claimcheck.pipeline import Settings, analyse

from .conftest import claims_of, make_article

PUB = dt.date(2026, 3, 5)


# ------------------------------------------------------------------------------------------ table deltas

DELTA_TABLE = """\
Benchmark GPT-5.4 GPT-5.2 Delta
GDPval (knowledge work) 83.0% 70.9% {gdp}
SWE-Bench Pro (coding) 57.7% 55.6% {swe}
OSWorld-Verified (computer use) 75.0% 47.3% +27.7%
"""


def test_correct_delta_rows_stay_quiet() -> None:
    claims = claims_of(DELTA_TABLE.format(gdp="+12.1%", swe="+2.1%"), markdown=False)
    assert table_differences(claims) == []


def test_wrong_delta_is_reported_with_the_computation() -> None:
    claims = claims_of(DELTA_TABLE.format(gdp="+13.1%", swe="+2.1%"), markdown=False)
    findings = table_differences(claims)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.kind == "arithmetic" and finding.status == "conflict"
    assert "83.0% - 70.9% = +12.1" in (finding.computation or "")
    assert {c.value.text for c in finding.claims} == {"83.0%", "70.9%", "+13.1%"}


@pytest.mark.parametrize(
    ("delta", "quiet"),
    [("+12%", True), ("+12.1%", True), ("+12.2%", True), ("+12.3%", False), ("+11%", False), ("-12.1%", False)],
)
def test_delta_rounding_edges(delta: str, quiet: bool) -> None:
    claims = claims_of(DELTA_TABLE.format(gdp=delta, swe="+2.1%"), markdown=False)
    assert (table_differences(claims) == []) is quiet


def test_winner_column_lead_is_checked() -> None:
    text = """\
    Benchmark GPT-5.4 Claude Opus 4.6 Winner
    SWE-Bench Pro 57.7% 80.8% Claude (+23.1%)
    OSWorld-Verified 75.0% 72.7% GPT-5.4 (+3.3%)
    """
    findings = table_differences(claims_of(text, markdown=False))
    assert [f.topic for f in findings] == ["OSWorld-Verified difference"]


# ------------------------------------------------------------------------------------------ release gaps

GAP = (
    "By 2026, Opus 4.7 was released on April 15 and Opus 4.8 on May 28. "
    "The gap between Opus 4.7 and Opus 4.8 was only {n} days."
)


def test_wrong_gap_between_dates_is_reported() -> None:
    findings = release_gaps(claims_of(GAP.format(n=42)))
    assert len(findings) == 1
    computation = findings[0].computation or ""
    assert "is 43 days" in computation and "44 counting both days" in computation and "42 days" in computation


def test_right_gap_stays_quiet() -> None:
    assert release_gaps(claims_of(GAP.format(n=43))) == []


def test_gap_across_a_year_boundary() -> None:
    text = (
        "In 2025, Claude Opus 4.5 was released on December 20. In 2026, Claude Opus 4.6 was released on "
        "January 9. Only {n} days separated Opus 4.5 from Opus 4.6."
    )
    assert release_gaps(claims_of(text.format(n=20))) == []
    assert len(release_gaps(claims_of(text.format(n=30)))) == 1


def test_gap_in_weeks_allows_rounding() -> None:
    text = (
        "By 2026, Opus 4.7 was released on April 15 and Opus 4.8 on May 28. "
        "The gap between Opus 4.7 and Opus 4.8 was {w} weeks."
    )
    assert release_gaps(claims_of(text.format(w="six"))) == []  # 43 days is 6.1 weeks
    assert len(release_gaps(claims_of(text.format(w="two")))) == 1


# ------------------------------------------------------------------------------------------- price ratios

PRICES = """\
Model Input Output
GPT-5.4 $2.50/M tokens $15/M tokens
Claude Opus 4.6 $5.00/M tokens $25/M tokens

{sentence}
"""


@pytest.mark.parametrize(
    ("sentence", "quiet"),
    [
        ("Claude Opus 4.6 is roughly 2x the price of GPT-5.4.", True),
        ("GPT-5.4 costs roughly half as much per token as Claude Opus 4.6.", True),
        ("Claude Opus 4.6 is roughly 4x the price of GPT-5.4.", False),
    ],
)
def test_price_ratio(sentence: str, quiet: bool) -> None:
    claims = claims_of(PRICES.format(sentence=sentence), markdown=False)
    findings = price_ratios(claims)
    assert (findings == []) is quiet
    if not quiet:
        assert "input: 2.00x" in (findings[0].computation or "")


def test_price_ratio_compares_the_sides_extraction_read_not_the_names_in_the_quote() -> None:
    claims = claims_of(PRICES.format(sentence="Claude Opus 4.6 is roughly 4x the price of GPT-5.4."), markdown=False)
    ratio = next(c for c in claims if c.metric == "price ratio")
    assert ratio.compared_with == "GPT-5.4"
    # the check reads compared_with: without it nothing is compared, whatever the sentence names
    unknown = [replace(c, compared_with=None) if c is ratio else c for c in claims]
    assert price_ratios(unknown) == []
    # and a reviewed record whose quote was shortened is still checked against the side it records
    shortened = [replace(c, quote="Roughly 4x.") if c is ratio else c for c in claims]
    assert len(price_ratios(shortened)) == 1


# ----------------------------------------------------------------------------------------- doubling rates

DOUBLING = (
    "The time horizon for autonomous work is doubling roughly every {n} months. In early 2024, Claude "
    "Opus 3 could handle tasks taking a human four minutes. By early 2025, Claude Sonnet 3.7 was "
    "managing {m}-minute tasks."
)


def test_doubling_rate_that_does_not_fit_the_data_is_reported() -> None:
    findings = doubling_rates(claims_of(DOUBLING.format(n="four", m=90)))
    assert len(findings) == 1
    computation = findings[0].computation or ""
    assert "one every 2.7 months" in computation
    assert "the article says every ~4 months" in computation or "the article says every 4 months" in computation
    assert "every every" not in computation


def test_doubling_rate_that_fits_stays_quiet() -> None:
    # 4 -> 32 minutes in 12 months is three doublings: one every four months
    assert doubling_rates(claims_of(DOUBLING.format(n="four", m=32))) == []


# --------------------------------------------------------------------------------------- after publication


def _source_claims(text: str, published: dt.date | None = PUB):  # type: ignore[no-untyped-def]
    article = make_article(text, published=published)
    return article.source, extract_article(article)


def test_as_of_after_publication_is_a_temporal_conflict() -> None:
    source, claims = _source_claims("Claude Code AI authorship reached 100% (as of March 7, 2026).")
    findings = after_publication(source, claims)
    assert len(findings) == 1
    assert findings[0].kind == "temporal" and "2 days after" in findings[0].message


def test_past_tense_release_after_publication_is_reported() -> None:
    source, claims = _source_claims("Claude Opus 4.7 was released on March 20, 2026.")
    assert len(after_publication(source, claims)) == 1


def test_past_tense_is_read_from_the_claim_not_its_quote() -> None:
    source, claims = _source_claims("Claude Opus 4.7 was released on March 20, 2026.")
    assert [c.past_event for c in claims] == [True]
    assert after_publication(source, [replace(claims[0], past_event=False)]) == []
    assert len(after_publication(source, [replace(claims[0], quote="Opus 4.7: March 20, 2026.")])) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Claude Opus 4.7 will be released on March 20, 2026.",  # future tense
        "Projections suggest that by 2027 AI systems may run week-long projects.",  # forecast
        "GPT-5.2 remains available through June 5, 2026.",  # a plan, not a fact about the past
        "As of March 2026, Claude writes most of its training code.",  # same month as publication
        "Claude Opus 4.6 was released on February 5, 2026.",  # before publication
    ],
)
def test_future_and_forecasts_stay_quiet(text: str) -> None:
    source, claims = _source_claims(text)
    assert after_publication(source, claims) == []


def test_unknown_publication_date_checks_nothing() -> None:
    source, claims = _source_claims("Claude Code AI authorship reached 100% (as of March 7, 2026).", None)
    assert after_publication(source, claims) == []


def test_year_boundary_publication() -> None:
    source, claims = _source_claims("As of January 2, 2027, the share was 90%.", dt.date(2026, 12, 31))
    assert len(after_publication(source, claims)) == 1
    source, claims = _source_claims("As of December 30, 2026, the share was 90%.", dt.date(2026, 12, 31))
    assert after_publication(source, claims) == []


# --------------------------------------------------------------------------------------------- timelines


def test_version_dated_before_its_predecessor() -> None:
    claims = claims_of(
        "Claude Opus 4.6 was released on February 5, 2026. Claude Opus 4.7 was released on January 3, 2026."
    )
    findings = timeline_findings(claims)
    assert len(findings) == 1 and "before its predecessor" in findings[0].message


def test_an_inferred_year_never_orders_versions() -> None:
    # "February 18" takes the publication year (2025), which puts Kestrel 3 before Kestrel 2 (August 2024)
    # only because the year was guessed; with a stated year the same order is a finding
    guessed = claims_of(
        "Kestrel 2 was released in August 2024. Kestrel 3 was released on February 18.",
        published=dt.date(2025, 3, 1),
    )
    assert timeline_findings(guessed) == []
    stated = claims_of("Kestrel 2 was released in August 2024. Kestrel 3 was released on February 18, 2024.")
    assert len(timeline_findings(stated)) == 1


def test_ordered_versions_and_different_tiers_stay_quiet() -> None:
    claims = claims_of(
        "Claude Opus 4.6 was released on February 5, 2026. Claude Sonnet 4.5 was released on "
        "September 29, 2026. Claude Opus 4.7 was released on April 15, 2026."
    )
    assert timeline_findings(claims) == []


def test_timeline_rows_and_columns() -> None:
    a = claims_of("Claude 4 was released in May 2025. Claude Opus 4.6 was released on February 5, 2026.")
    b = [c.model_copy(update={"source": "b.md"}) for c in claims_of("Claude 4 was released in 2024.")]
    timeline = build_timeline([*a, *b], ["a.md", "b.md"])
    rows = {r.version: r for f in timeline.families for r in f.rows}
    assert rows["Claude 4"].dates == {"a.md": "May 2025", "b.md": "2024"}
    assert rows["Claude 4"].status == "conflict"
    assert rows["Claude Opus 4.6"].status is None  # only one source dates it
    assert [r.version for r in timeline.families[0].rows] == ["Claude 4", "Claude Opus 4.6"]


def test_internal_findings_join_the_report() -> None:
    article = make_article(GAP.format(n=42), published=PUB)
    corpus = Corpus(sources=(article.source,), claims=tuple(extract_article(article)))
    report = analyse(corpus, Settings(today=dt.date(2026, 11, 23)))
    assert any(f.kind == "arithmetic" for f in report.findings)
    assert report.summary.failed


# ------------------------------------------------------------------------------------------------ eras


def test_eras_that_overlap_are_reported_and_adjacent_phases_stay_quiet() -> None:
    from claimcheck.checking.timeline import era_findings

    phases = claims_of(
        "Anthropic builds models. From 2021 to 2023, Anthropic was an ordinary tech company where "
        "humans wrote code. From 2023 to 2025, chatbots began integrating into workflows. Between "
        "2025 and 2026, programming agents emerged."
    )
    eras = [c for c in phases if c.metric == "era"]
    assert len(eras) == 3 and {c.subject for c in eras} == {"Anthropic"}
    assert era_findings(phases) == []  # they share only boundary years
    other = [
        c.model_copy(update={"source": "b.md"})
        for c in claims_of(
            "Anthropic says so. Between 2021 and 2025, the development process mirrored traditional software "
            "engineering: humans wrote every line."
        )
    ]
    findings = era_findings([*phases, *other])
    assert len(findings) == 2
    assert all(f.kind == "timeline" and f.status == "conflict" for f in findings)
    assert any("2023-2025" in f.message and "chatbots" in f.message for f in findings)


def test_eras_are_not_compared_as_values() -> None:
    from claimcheck.checking.align import align_claims

    claims = claims_of(
        "Anthropic grew. From 2021 to 2023, humans wrote the code at Anthropic. From 2023 to 2025, "
        "chatbots wrote snippets at Anthropic."
    )
    assert [t for t, _ in align_claims(claims) if t.metric == "era"] == []
