"""Tests for alignment (``claimcheck.checking.align``): which claims are about the same subject, metric and dimension.

The fuzzy threshold for free-text metrics (``METRIC_SIMILARITY``) is pinned by borderline pairs on both sides:
if the threshold or the normalisation changes, one of those tests says which pair moved.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from typing import Any

import pytest
from rapidfuzz import fuzz

from claimcheck.checking.align import METRIC_SIMILARITY, align_claims, dimension, normalise_metric
from claimcheck.models import Claim, DateValue, Quantity, Topic

from .conftest import parse_quantity

_ids = itertools.count(1)


def value_of(value: str | Quantity | DateValue) -> Quantity | DateValue:
    if isinstance(value, str):
        parsed = parse_quantity(value)
        assert parsed is not None, value
        return parsed
    return value


def claim(
    value: str | Quantity | DateValue = "80.8%",
    *,
    subject: str | None = "Claude Opus 4.6",
    metric: str | None = "SWE-Bench Pro",
    source: str = "a.md",
    line: int | None = None,
    **fields: Any,
) -> Claim:
    """A claim with defaults for everything that does not matter to alignment."""
    n = next(_ids)
    v = value_of(value)
    return Claim(
        id=fields.pop("id", f"c{n}"),
        source=source,
        line=line if line is not None else n,
        column=1,
        quote=f"{subject} {metric} {v.text}",
        subject=subject,
        metric=metric,
        value=v,
        **fields,
    )


def groups(claims: list[Claim]) -> list[set[str]]:
    """The topics as sets of claim ids (order-free, for asserting who is with whom)."""
    return sorted((set(topic.claim_ids) for topic, _ in align_claims(claims)), key=lambda s: sorted(s))


def together(a: Claim, b: Claim) -> bool:
    return any({a.id, b.id} <= set(topic.claim_ids) for topic, _ in align_claims([a, b]))


MAY_2025 = DateValue(start=dt.date(2025, 5, 1), end=dt.date(2025, 5, 31), precision="month", text="May 2025")
MAY_22_2025 = DateValue(start=dt.date(2025, 5, 22), end=dt.date(2025, 5, 22), precision="day", text="May 22, 2025")

# ---------------------------------------------------------------------------------------------- positives

POSITIVE = [
    pytest.param(claim("80.8%", source="a.md"), claim("80.8%", source="b.md"), id="same-value-two-sources"),
    pytest.param(claim("80.8%"), claim("79.2%"), id="different-values-same-topic"),
    pytest.param(
        claim("70-90%", metric="share of training code written by Claude", subject="Anthropic"),
        claim("over 80%", metric="share of training code written by Claude", subject="Anthropic"),
        id="range-and-hedge",
    ),
    pytest.param(
        claim("80.8%", subject="claude opus 4.6"),
        claim("80.8%", subject="Claude Opus 4.6"),
        id="subject-case",
    ),
    pytest.param(
        claim("a third", metric="share of code written by AI", subject="Google"),
        claim("33%", metric="share of code written by AI", subject="Google"),
        id="fraction-and-percent",
    ),
    pytest.param(
        claim("$2.50/M tokens", subject="GPT-5.4", metric="input price per 1M tokens"),
        claim("$2.5 per million input tokens", subject="GPT-5.4", metric="input price per 1M tokens"),
        id="per-token-prices",
    ),
    pytest.param(
        claim("6 months", subject="METR", metric="time horizon doubling time"),
        claim("26 weeks", subject="METR", metric="time horizon doubling time"),
        id="durations-any-unit",
    ),
    pytest.param(
        claim("every four months", subject="METR", metric="doubling time"),
        claim("every 7 months", subject="METR", metric="doubling time"),
        id="rates",
    ),
    pytest.param(
        claim("129 internal research sessions", subject="Anthropic", metric="research sessions studied"),
        claim("129 sessions", subject="Anthropic", metric="research sessions studied"),
        id="count-same-noun",
    ),
    pytest.param(
        claim("+12.1%", subject="GPT-5.4", metric="GDPval"),
        claim("dropped 47%", subject="GPT-5.4", metric="GDPval"),
        id="two-changes",
    ),
    pytest.param(
        claim("+144 Elo", subject="Claude Opus 4.6", metric="GDPval-AA"),
        claim("+150 Elo", subject="Claude Opus 4.6", metric="GDPval-AA"),
        id="elo",
    ),
    pytest.param(claim("23-point", metric="SWE-Bench lead"), claim("5 pp", metric="SWE-Bench lead"), id="points"),
    pytest.param(
        claim(MAY_2025, subject="Claude 4", metric="release date"),
        claim(MAY_22_2025, subject="Claude 4", metric="release date"),
        id="dates",
    ),
    pytest.param(claim("8x"), claim("approximately eight times"), id="multipliers"),
    # free-text metrics that differ only in word order, stop words, case or punctuation
    pytest.param(
        claim("45%", metric="share of code merged"),
        claim("45%", metric="share of merged code"),
        id="word-order",
    ),
    pytest.param(
        claim("90%", metric="share of the code written by Claude"),
        claim("90%", metric="share of code written by Claude"),
        id="stop-word",
    ),
    pytest.param(claim("59%", metric="accuracy on GPQA"), claim("59%", metric="GPQA accuracy"), id="on-reordered"),
    pytest.param(
        claim("75%", metric="OSWorld-Verified"), claim("75%", metric="osworld verified"), id="case-and-hyphen"
    ),
    pytest.param(claim("76%", metric="MRCR v2 (1M context)"), claim("76%", metric="MRCR v2 1M context"), id="brackets"),
    # as-of dates are not part of a topic: claims at different times are a series in one topic
    pytest.param(claim("70%", as_of=MAY_2025), claim("90%", as_of=MAY_22_2025), id="as-of-series"),
    # a corrected claim aligns by its corrected value
    pytest.param(
        claim("12.1%", review="corrected", corrected=value_of("+12.1%"), metric="GDPval"),
        claim("+11%", metric="GDPval"),
        id="corrected-value",
    ),
]


@pytest.mark.parametrize(("a", "b"), POSITIVE)
def test_aligned(a: Claim, b: Claim) -> None:
    topics = align_claims([a, b])
    assert len(topics) == 1
    topic, members = topics[0]
    assert set(topic.claim_ids) == {a.id, b.id}
    assert {c.id for c in members} == {a.id, b.id}


# ---------------------------------------------------------------------------------------------- negatives

NEGATIVE = [
    # equal numbers about different subjects or different metrics never align
    pytest.param(
        claim("76%", subject="Claude Opus 4.6", metric="MRCR v2"),
        claim("76%", subject="Claude Opus 4.6", metric="success rate on open-ended tasks"),
        id="same-76-different-metric",
    ),
    pytest.param(
        claim("$2.50/M tokens", subject="GPT-5.4", metric="input price per 1M tokens"),
        claim("$2.50/M tokens", subject="GPT-5.2", metric="input price per 1M tokens"),
        id="two-models-input-price",
    ),
    pytest.param(
        claim("$5/M tokens", subject="Claude Opus 4.6", metric="input price per 1M tokens"),
        claim("$5/M tokens", subject="Claude Opus 4.6", metric="output price per 1M tokens"),
        id="input-vs-output-price",
    ),
    pytest.param(
        claim("80.8%", subject="Claude Opus 4.6"),
        claim("80.8%", subject="Claude Sonnet 4.6"),
        id="sibling-models",
    ),
    pytest.param(
        claim("100%", subject="Claude Code", metric="share of code written by AI"),
        claim("100%", subject="Anthropic", metric="share of code written by AI"),
        id="product-vs-company",
    ),
    # dimensions: a percent never with an Elo score or percentage points; a level never with a change
    pytest.param(claim("83%", metric="GDPval"), claim("+144 Elo", metric="GDPval"), id="percent-vs-elo"),
    pytest.param(
        claim("23%", metric="SWE-Bench lead"),
        claim("23-point", metric="SWE-Bench lead"),
        id="percent-vs-points",
    ),
    pytest.param(claim("83%", metric="GDPval"), claim("+12.1%", metric="GDPval"), id="level-vs-change"),
    pytest.param(claim("47%", metric="token usage"), claim("dropped 47%", metric="token usage"), id="level-vs-drop"),
    pytest.param(
        claim("23-point", metric="lead"),
        claim("a 50-percentage-point increase", metric="lead"),
        id="points-level-vs-change",
    ),
    pytest.param(claim("2x", metric="price ratio"), claim("$2.50", metric="price ratio"), id="multiplier-vs-money"),
    pytest.param(claim("$2.50", metric="price"), claim("$2.50/M tokens", metric="price"), id="amount-vs-rate"),
    pytest.param(claim("$3", metric="price"), claim("\u20ac3", metric="price"), id="usd-vs-eur"),
    pytest.param(
        claim("52 days", metric="doubling time"),
        claim("every four months", metric="doubling time"),
        id="duration-vs-rate",
    ),
    pytest.param(
        claim("70+ features", metric="output"),
        claim("129 research sessions", metric="output"),
        id="count-different-nouns",
    ),
    pytest.param(
        claim("16 agents", metric="team size"),
        claim("16 agent teams", metric="team size"),
        id="agents-vs-teams",
    ),
    pytest.param(claim(MAY_2025, metric="release"), claim("5 months", metric="release"), id="date-vs-duration"),
    pytest.param(
        claim("75%", metric="OSWorld-Verified"),
        claim("75 days", metric="OSWorld-Verified"),
        id="percent-vs-duration",
    ),
    # different free-text metrics
    pytest.param(claim("30%", metric="share of bugs"), claim("30%", metric="share of users"), id="bugs-vs-users"),
    pytest.param(claim("40%", metric="SWE-bench 2"), claim("40%", metric="SWE-bench 3"), id="swe-bench-2-vs-3"),
    pytest.param(claim("40%", metric="ARC-AGI-1"), claim("40%", metric="ARC-AGI-2"), id="arc-agi-1-vs-2"),
    pytest.param(claim("75%", metric="OSWorld"), claim("75%", metric="OSWorld-Verified"), id="benchmark-variant"),
    pytest.param(
        claim("80%", metric="share of code written"),
        claim("80%", metric="share of code reviewed"),
        id="written-vs-reviewed",
    ),
    # a bracketed qualifier is a variant of the metric, however similar the rest is
    pytest.param(
        claim("8K tokens", metric="maximum output tokens (API)"),
        claim("32,768 tokens", metric="maximum output tokens"),
        id="api-limit-vs-model-limit",
    ),
    pytest.param(
        claim("15 requests/minute", metric="requests per minute (free tier)"),
        claim("15 requests/minute", metric="requests per minute (paid tier)"),
        id="free-vs-paid-tier",
    ),
]


@pytest.mark.parametrize(("a", "b"), NEGATIVE)
def test_not_aligned(a: Claim, b: Claim) -> None:
    assert not together(a, b)
    assert groups([a, b]) == [{a.id}, {b.id}]


# ----------------------------------------------------------------------------- the fuzzy threshold, pinned

# Pairs scored just above METRIC_SIMILARITY that name the same metric (plural/singular, spacing, word order
# with a non-stop word), and pairs just below it that name different ones. Each pair's token-sort score is
# in the comment; the test asserts the side, so a change of threshold is a deliberate, visible decision.
BORDERLINE_SAME = [
    ("agents deployed", "agent deployed"),  # 96.6
    ("speedup", "speed up"),  # 93.3
    ("error rate", "error rates"),  # 95.2
    ("engineer productivity", "engineering productivity"),  # 93.3
    ("tool search token reduction", "token reduction from tool search"),  # 91.5
    ("research sessions", "research session"),  # 97.0
    ("speed", "speeds"),  # 90.9
    ("agents", "agent"),  # 90.9
]
BORDERLINE_DIFFERENT = [
    ("users", "uses"),  # 88.9
    ("share of engineers", "share of engineering"),  # 87.5
    ("pre-training compute", "post-training compute"),  # 87.8
    ("output tokens per second", "input tokens per second"),  # 87.2
    ("share of engineers using AI", "share of engineers using Claude"),  # 88.5
    ("annual revenue", "annualized revenue"),  # 87.5
    ("share of pull requests", "share of pull request reviews"),  # 84.4
    ("code written by AI", "code written by Claude"),  # 82.4
]


def score(a: str, b: str) -> float:
    return fuzz.token_sort_ratio(normalise_metric(a), normalise_metric(b))


@pytest.mark.parametrize(("a", "b"), BORDERLINE_SAME)
def test_borderline_pairs_that_align(a: str, b: str) -> None:
    assert METRIC_SIMILARITY <= score(a, b) < 100
    assert together(claim("40%", metric=a), claim("40%", metric=b))


@pytest.mark.parametrize(("a", "b"), BORDERLINE_DIFFERENT)
def test_borderline_pairs_that_do_not_align(a: str, b: str) -> None:
    assert 80 <= score(a, b) < METRIC_SIMILARITY
    assert not together(claim("40%", metric=a), claim("40%", metric=b))


def test_numbers_in_a_metric_veto_a_fuzzy_match() -> None:
    """ "SWE-bench 2" and "SWE-bench 3" score above the threshold; only their numbers tell them apart."""
    assert score("SWE-bench 2", "SWE-bench 3") >= METRIC_SIMILARITY
    assert not together(claim("40%", metric="SWE-bench 2"), claim("40%", metric="SWE-bench 3"))
    assert together(claim("40%", metric="SWE-bench 2 verified"), claim("40%", metric="SWE bench 2 verified"))


# --------------------------------------------------------------------------------- claims that never align


@pytest.mark.parametrize(
    "odd",
    [
        pytest.param({"review": "rejected"}, id="rejected"),
        pytest.param({"orphaned": True}, id="orphaned"),
        pytest.param({"subject": None}, id="no-subject"),
        pytest.param({"metric": None}, id="no-metric"),
    ],
)
def test_unusable_claims_never_align(odd: dict[str, Any]) -> None:
    good = claim("80.8%")
    bad = claim("80.8%", **odd)
    topics = align_claims([good, bad])
    assert [topic.claim_ids for topic, _ in topics] == [(good.id,)]
    assert align_claims([bad]) == []


def test_confirmed_claims_do_align() -> None:
    a, b = claim("80.8%", review="confirmed"), claim("80.8%")
    assert together(a, b)


def test_a_lone_claim_is_its_own_topic() -> None:
    only = claim("80.8%")
    ((topic, members),) = align_claims([only])
    assert topic.claim_ids == (only.id,)
    assert members == [only]
    assert (topic.subject, topic.metric) == ("Claude Opus 4.6", "SWE-Bench Pro")


def test_empty_input() -> None:
    assert align_claims([]) == []


# ------------------------------------------------------------------------------------------------- order


def corpus() -> list[Claim]:
    return [
        claim("80.8%", subject="Claude Opus 4.6", metric="SWE-Bench Pro", source="b.md", line=3),
        claim("57.7%", subject="GPT-5.4", metric="SWE-Bench Pro", source="a.md", line=9),
        claim("75.0%", subject="GPT-5.4", metric="OSWorld-Verified", source="a.md", line=8),
        claim("75%", subject="GPT-5.4", metric="osworld verified", source="c.md", line=2),
        claim("$2.50/M tokens", subject="GPT-5.4", metric="input price per 1M tokens", source="a.md", line=20),
        claim("$2.50/M tokens", subject="GPT-5.4", metric="input price per 1M tokens", source="b.md", line=21),
        claim(
            "70-90%",
            subject="Anthropic",
            metric="share of training code written by Claude",
            source="a.md",
            line=30,
        ),
        claim(
            "over 80%",
            subject="anthropic",
            metric="share of training code written by Claude",
            source="d.md",
            line=4,
        ),
        claim("+12.1%", subject="GPT-5.4", metric="GDPval", source="a.md", line=15),
        claim("83.0%", subject="GPT-5.4", metric="GDPval", source="a.md", line=14),
        claim(MAY_2025, subject="Claude 4", metric="release date", source="e.md", line=1),
        claim(MAY_22_2025, subject="Claude 4", metric="release date", source="f.md", line=1),
        claim("80.8%", subject="Claude Opus 4.6", metric="SWE-Bench Pro", source="a.md", line=40),
    ]


def snapshot(topics: list[tuple[Topic, list[Claim]]]) -> list[tuple[str, str | None, str, tuple[str, ...]]]:
    return [(t.key, t.subject, t.metric, t.claim_ids) for t, _ in topics]


def test_topics_are_sorted_by_subject_then_metric() -> None:
    topics = align_claims(corpus())
    order = [((t.subject or "").lower(), t.metric.lower()) for t, _ in topics]
    assert order == sorted(order)
    assert [(t.subject, t.metric) for t, _ in topics] == [
        ("Anthropic", "share of training code written by Claude"),
        ("Claude 4", "release date"),
        ("Claude Opus 4.6", "SWE-Bench Pro"),
        ("GPT-5.4", "GDPval"),  # the level 83.0%
        ("GPT-5.4", "GDPval"),  # the change +12.1%: same metric, another dimension
        ("GPT-5.4", "input price per 1M tokens"),
        ("GPT-5.4", "OSWorld-Verified"),
        ("GPT-5.4", "SWE-Bench Pro"),
    ]


def test_members_are_ordered_by_source_and_line() -> None:
    for topic, members in align_claims(corpus()):
        assert [(c.source, c.line) for c in members] == sorted((c.source, c.line) for c in members)
        assert topic.claim_ids == tuple(c.id for c in members)


@pytest.mark.parametrize("seed", range(8))
def test_order_does_not_depend_on_input_order(seed: int) -> None:
    claims = corpus()
    expected = snapshot(align_claims(claims))
    shuffled = claims[:]
    random.Random(seed).shuffle(shuffled)
    assert snapshot(align_claims(shuffled)) == expected


def test_topic_keys_are_stable_and_distinct() -> None:
    first = snapshot(align_claims(corpus()))
    second = snapshot(align_claims(corpus()))  # new claim ids, same content
    assert [k for k, *_ in first] == [k for k, *_ in second]
    keys = [k for k, *_ in first]
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"[0-9a-f]{12}", k) for k in keys)


def test_topic_takes_the_most_common_spelling() -> None:
    claims = [
        claim("75%", subject="GPT-5.4", metric="osworld verified", source="a.md"),
        claim("75.0%", subject="GPT-5.4", metric="OSWorld-Verified", source="b.md"),
        claim("75%", subject="GPT-5.4", metric="OSWorld-Verified", source="c.md"),
    ]
    ((topic, _),) = align_claims(claims)
    assert topic.metric == "OSWorld-Verified"


# -------------------------------------------------------------------------------------- dimension, metric


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("83%", "share"),
        ("a third", "share"),
        ("+12.1%", "share:change"),
        ("dropped 47%", "share:change"),
        ("23-point", "percentage_points"),
        ("a 50-percentage-point increase", "percentage_points:change"),
        ("+144 Elo", "score:change"),
        ("40 Elo", "score"),
        ("8x", "multiplier"),
        ("$2.50", "money:USD"),
        ("\u20ac3", "money:EUR"),
        ("$2.50/M tokens", "money:USD/1M tokens:rate"),
        ("52 days", "duration:time"),
        ("6 months", "duration:time"),
        ("every four months", "duration:time:rate"),
        ("129 internal research sessions", "count:session"),
        ("36 MCP servers", "count:server"),
        ("1M tokens", "count:token"),
        ("272K", "number"),
        (MAY_2025, "date"),
    ],
)
def test_dimension(value: str | DateValue, expected: str) -> None:
    assert dimension(claim(value)) == expected


@pytest.mark.parametrize(
    ("metric", "normalised"),
    [
        ("Share of the Code Merged", "share code merged"),
        ("SWE-Bench Pro", "swe bench pro"),
        ("input price per 1M tokens", "input price 1m tokens"),
        ("MRCR v2 (1M context)", "mrcr v2 1m context"),
        ("success rate on open-ended tasks", "success rate open ended tasks"),
    ],
)
def test_normalise_metric(metric: str, normalised: str) -> None:
    assert normalise_metric(metric) == normalised


def test_a_topic_is_named_by_the_spelling_most_of_its_claims_use() -> None:
    # the first article writes "Orrery 3.1", the next two "Orrery-3.1": the topic is "Orrery-3.1"
    claims = [
        claim("64%", subject="Orrery 3.1", metric="TideBench", source="a.md"),
        claim("64%", subject="Orrery-3.1", metric="TideBench", source="b.md"),
        claim("52%", subject="Orrery-3.1", metric="TideBench", source="c.md"),
    ]
    [(topic, members)] = align_claims(claims)
    assert topic.subject == "Orrery-3.1"
    assert len(members) == 3


def test_a_tie_between_spellings_keeps_the_first_in_reading_order() -> None:
    claims = [
        claim("64%", subject="Orrery-3.1", metric="TideBench", source="b.md"),
        claim("64%", subject="Orrery 3.1", metric="TideBench", source="a.md"),
    ]
    [(topic, _)] = align_claims(claims)
    assert topic.subject == "Orrery 3.1"  # a.md is read first, whatever order the claims came in
