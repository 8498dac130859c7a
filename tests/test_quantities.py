"""Tests for the quantity grammar (``claimcheck.values.quantities``) over sentences as AI news writes them.

Every case names the sentence, the text of the quantity it must find, and every field that carries meaning:
kind, bounds and their openness, approximation, unit, implied precision, change direction and rate. Sentences
pass through ``textnorm.normalize`` first, as they do in the pipeline (en dashes become ``-``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from claimcheck.loading.textnorm import normalize
from claimcheck.models import Quantity
from claimcheck.values.quantities import (
    QuantityMatch,
    find_quantities,
    format_quantity,
    words_to_number,
)

from .conftest import parse_quantity

SAME = object()  # high defaults to low: a point value


def spans(sentence: str, *names: str) -> list[tuple[int, int]]:
    """Exclude spans for every occurrence of each name (what the extractor passes for models and versions)."""
    out: list[tuple[int, int]] = []
    for name in names:
        out.extend((m.start(), m.end()) for m in re.finditer(re.escape(name), sentence))
    return out


def case(
    sentence: str,
    text: str,
    kind: str,
    low: float | None,
    high: Any = SAME,
    *,
    unit: str | None = None,
    precision: float | None = 1.0,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    approximate: bool = False,
    change: str | None = None,
    rate: bool = False,
    exclude: tuple[str, ...] = (),
    id: str | None = None,
) -> Any:
    expected = {
        "kind": kind,
        "low": low,
        "high": low if high is SAME else high,
        "low_inclusive": low_inclusive,
        "high_inclusive": high_inclusive,
        "approximate": approximate,
        "unit": unit,
        "text": text,
        "precision": precision,
        "change": change,
        "rate": rate,
    }
    return pytest.param(sentence, exclude, expected, id=id or text)


def only_match(sentence: str, exclude: tuple[str, ...], text: str) -> QuantityMatch:
    normalised = normalize(sentence)
    matches = find_quantities(normalised, spans(normalised, *exclude))
    for m in matches:
        assert m.value.text == normalised[m.start : m.end]
    found = [m for m in matches if m.value.text == text]
    assert len(found) == 1, f"expected one {text!r} in {[m.value.text for m in matches]}"
    return found[0]


def approx_or_none(x: float | None) -> Any:
    return None if x is None else pytest.approx(x, rel=1e-9)


def assert_fields(q: Quantity, expected: dict[str, Any]) -> None:
    actual = {key: getattr(q, key) for key in expected}
    want = dict(expected)
    for key in ("low", "high", "precision"):
        want[key] = approx_or_none(want[key])
    assert actual == want


# ------------------------------------------------------------------------------------------------- ranges

RANGES = [
    case(
        "Claude now writes 70-90% of the code used to train new Claude model versions.",
        "70-90%",
        "percent",
        70,
        90,
        unit="%",
    ),
    case(
        "It means Claude now writes 70\u201390% of the code used to train new Claude versions.",
        "70-90%",
        "percent",
        70,
        90,
        unit="%",
        id="en-dash-normalised",
    ),
    case(
        "Between 70 and 90% of the training code is now AI-written.", "Between 70 and 90%", "percent", 70, 90, unit="%"
    ),
    case(
        "Anthropic says 70 to 90 percent of the code is written by Claude.",
        "70 to 90 percent",
        "percent",
        70,
        90,
        unit="%",
    ),
    case("Only 30-40 percent of long tasks finish without help.", "30-40 percent", "percent", 30, 40, unit="%"),
    case("Internal teams report speedups of 8x - 12x on routine refactors.", "8x - 12x", "multiplier", 8, 12, unit="x"),
    case("Expect a 2-3x speedup on agentic workloads.", "2-3x", "multiplier", 2, 3, unit="x"),
    case(
        "In practice the model is 3 to 4 times faster than its predecessor.",
        "3 to 4 times",
        "multiplier",
        3,
        4,
        unit="x",
    ),
    case(
        "The Near-Term Horizon (12-18 months) is where most of the change lands.",
        "12-18 months",
        "duration",
        12,
        18,
        unit="months",
    ),
    case(
        "Model-assisted training cycles will mature within 12\u201318 months.",
        "within 12-18 months",
        "duration",
        12,
        18,
        unit="months",
        id="within-range",
    ),
    case("A typical migration takes 3-4 weeks.", "3-4 weeks", "duration", 3, 4, unit="weeks"),
    case("Each run takes between 2 and 3 hours.", "between 2 and 3 hours", "duration", 2, 3, unit="hours"),
    case("Team plans cost $5-$10 each.", "$5-$10", "money", 5, 10, unit="USD"),
    case("Seats cost $5-$10 per user per month.", "$5-$10 per user", "money", 5, 10, unit="USD/user", rate=True),
    case("Batch inference costs $5-10/M tokens.", "$5-10/M tokens", "money", 5, 10, unit="USD/1M tokens", rate=True),
    case("A pilot needs 5-10 engineers.", "5-10 engineers", "count", 5, 10, unit="engineers"),
    case(
        "Anthropic is said to be raising $10-20 billion in new funding.",
        "$10-20 billion",
        "money",
        10e9,
        20e9,
        unit="USD",
        precision=1e9,
        id="shared-scale-money",
    ),
    case(
        "A typical repository needs 3-5M tokens of context.",
        "3-5M tokens",
        "count",
        3e6,
        5e6,
        unit="tokens",
        precision=1e6,
        id="shared-scale-suffix",
    ),
    case(
        "Training reportedly cost between $1 and $2 billion.",
        "between $1 and $2 billion",
        "money",
        1e9,
        2e9,
        unit="USD",
        precision=1e9,
        id="between-shared-scale",
    ),
    case(
        "The round valued the lab at $1.5 to $2 billion.",
        "$1.5 to $2 billion",
        "money",
        1.5e9,
        2e9,
        unit="USD",
        precision=1e8,
    ),
    case("Seed rounds now run $500K-$1M.", "$500K-$1M", "money", 5e5, 1e6, unit="USD", precision=1e3),
    case(
        "Orchestration runs between 10 and 20 agents at once.",
        "between 10 and 20 agents",
        "count",
        10,
        20,
        unit="agents",
        id="between-count",
    ),
    case(
        "The assistant now has between 1 and 2 million users.",
        "between 1 and 2 million users",
        "count",
        1e6,
        2e6,
        unit="users",
        precision=1e6,
        id="between-count-scale",
    ),
    case("Claude writes about 70-90% of the code.", "about 70-90%", "percent", 70, 90, unit="%", approximate=True),
    case(
        "GPT-5.4 is roughly 3-4x faster on retrieval.",
        "roughly 3-4x",
        "multiplier",
        3,
        4,
        unit="x",
        approximate=True,
        exclude=("GPT-5.4",),
    ),
]

# ------------------------------------------------------------------------------------------------- hedges

HEDGES = [
    case(
        "GPT-5.4 matches professionals on over 80% of tasks.",
        "over 80%",
        "percent",
        80,
        None,
        unit="%",
        low_inclusive=False,
        exclude=("GPT-5.4",),
    ),
    case(
        "More than 40 percent of pull requests were merged unchanged.",
        "More than 40 percent",
        "percent",
        40,
        None,
        unit="%",
        low_inclusive=False,
    ),
    case(
        "Claude writes more than 80% of the code for new models.",
        "more than 80%",
        "percent",
        80,
        None,
        unit="%",
        low_inclusive=False,
    ),
    case(
        "At Anthropic, at least 70% of engineers use Claude Code daily.", "at least 70%", "percent", 70, None, unit="%"
    ),
    case("It now solves >80% of tasks.", ">80%", "percent", 80, None, unit="%", low_inclusive=False),
    case("It now solves \u226590% of tasks.", "\u226590%", "percent", 90, None, unit="%"),
    case("It now fails <5% of the hardest tasks.", "<5%", "percent", 0, 5, unit="%", high_inclusive=False),
    case("The team shipped 70+ features in 52 days.", "70+ features", "count", 70, None, unit="features"),
    case("45,000+ users signed up in the first week.", "45,000+ users", "count", 45000, None, unit="users"),
    case(
        "Over 2,000 developers joined the beta.",
        "Over 2,000 developers",
        "count",
        2000,
        None,
        unit="developers",
        low_inclusive=False,
    ),
    case(
        "Claude completes the refactor in under 5 minutes.",
        "under 5 minutes",
        "duration",
        0,
        5,
        unit="minutes",
        high_inclusive=False,
    ),
    case(
        "Human review now catches less than 10% of bugs.",
        "less than 10%",
        "percent",
        0,
        10,
        unit="%",
        high_inclusive=False,
    ),
    case(
        "Fewer than 100 people have access to the model.",
        "Fewer than 100 people",
        "count",
        0,
        100,
        unit="people",
        high_inclusive=False,
        id="fewer-than-people",
    ),
    case(
        "Opus 4.6 accepts up to 1M tokens of context.",
        "up to 1M tokens",
        "count",
        0,
        1e6,
        unit="tokens",
        precision=1e6,
        exclude=("Opus 4.6",),
    ),
    case("Up to 50 agents can run in parallel.", "Up to 50 agents", "count", 0, 50, unit="agents"),
    case("Retries are capped at at most 3 retries per task.", "at most 3 retries", "count", 0, 3, unit="retries"),
    case(
        "Claude Code is now nearly 100% of the code it ships.",
        "nearly 100%",
        "percent",
        90,
        100,
        unit="%",
        high_inclusive=False,
        approximate=True,
    ),
    case(
        "Almost 90% of users never change the default.",
        "Almost 90%",
        "percent",
        81,
        90,
        unit="%",
        high_inclusive=False,
        approximate=True,
    ),
    case(
        "Close to 90% of code at Anthropic is AI-written.",
        "Close to 90%",
        "percent",
        81,
        90,
        unit="%",
        high_inclusive=False,
        approximate=True,
    ),
    case(
        "Just under 50% of respondents agreed.",
        "Just under 50%",
        "percent",
        0,
        50,
        unit="%",
        high_inclusive=False,
        approximate=True,
    ),
    case(
        "About 4% of public GitHub commits are written by Claude Code.",
        "About 4%",
        "percent",
        4,
        unit="%",
        approximate=True,
    ),
    case(
        "Engineer productivity increased by about 27% after the rollout.",
        "about 27%",
        "percent",
        27,
        unit="%",
        approximate=True,
        change="increase",
    ),
    case(
        "Approximately 80% of that code is reviewed by a human.",
        "Approximately 80%",
        "percent",
        80,
        unit="%",
        approximate=True,
    ),
    case(
        "Opus 4.6 is roughly 2x the price of GPT-5.4.",
        "roughly 2x",
        "multiplier",
        2,
        unit="x",
        approximate=True,
        exclude=("Opus 4.6", "GPT-5.4"),
    ),
    case("~27% of tickets are now closed by the agent.", "~27%", "percent", 27, unit="%", approximate=True),
    case("Around 50% of the work is now delegated.", "Around 50%", "percent", 50, unit="%", approximate=True),
    case(
        "The longest autonomous run lasted just over 16 hours.",
        "just over 16 hours",
        "duration",
        16,
        None,
        unit="hours",
        low_inclusive=False,
        approximate=True,
    ),
    case("Teams expect 50% or more of the code to be generated.", "50% or more", "percent", 50, None, unit="%"),
    case("Each call takes 30 seconds or so.", "30 seconds or so", "duration", 30, unit="seconds", approximate=True),
    case(
        "Some 40 researchers signed the letter.",
        "Some 40 researchers",
        "count",
        40,
        unit="researchers",
        approximate=True,
    ),
    case(
        "An estimated 1.2 billion people use AI tools.",
        "An estimated 1.2 billion people",
        "count",
        1.2e9,
        unit="people",
        approximate=True,
        precision=1e8,
        id="estimated-people",
    ),
]

# ---------------------------------------------------------------------------------------------- multipliers

MULTIPLIERS = [
    case("Internal speedup vs human colleagues 427x on certain tasks", "427x", "multiplier", 427, unit="x"),
    case(
        "It achieved a 427x internal speedup on certain tasks.", "427x", "multiplier", 427, unit="x", id="427x-sentence"
    ),
    case("Claude Code ran 8x faster on the new hardware.", "8x", "multiplier", 8, unit="x"),
    case("Claude Code ran 8\u00d7 faster on the new hardware.", "8\u00d7", "multiplier", 8, unit="x"),
    case("The agent finished roughly 8\u00d7 faster.", "roughly 8\u00d7", "multiplier", 8, unit="x", approximate=True),
    case(
        "Claude is eight times faster than humans at these tasks.",
        "eight times",
        "multiplier",
        8,
        unit="x",
        precision=None,
    ),
    case(
        "The cluster delivers approximately eight times the throughput.",
        "approximately eight times",
        "multiplier",
        8,
        unit="x",
        precision=None,
        approximate=True,
    ),
    case(
        "/fast mode in Codex gives 1.5x speed for GPT-5.4.",
        "1.5x",
        "multiplier",
        1.5,
        unit="x",
        precision=0.1,
        exclude=("GPT-5.4",),
    ),
    case("GPT-5.4 in Codex with 2x usage multiplier", "2x", "multiplier", 2, unit="x", exclude=("GPT-5.4",)),
    case("Agent usage doubled in a year.", "doubled", "multiplier", 2, unit="x", precision=None, change="increase"),
    case("Usage tripled this year.", "tripled", "multiplier", 3, unit="x", precision=None, change="increase"),
    case("Latency halved after the update.", "halved", "multiplier", 0.5, unit="x", precision=None, change="decrease"),
    case("The new model is twice as fast.", "twice", "multiplier", 2, unit="x", precision=None, change="increase"),
    case(
        "GPT-5.4 costs roughly half as much per token.",
        "roughly half",
        "multiplier",
        0.5,
        unit="x",
        precision=None,
        approximate=True,
        exclude=("GPT-5.4",),
    ),
    case(
        "GPT-5.4 at $2.50/$15 per million tokens undercuts Claude Opus 4.6 by half.",
        "half",
        "multiplier",
        0.5,
        unit="x",
        precision=None,
        exclude=("GPT-5.4", "Claude Opus 4.6"),
        id="by-half",
    ),
    case("Researchers saw a 3-fold increase in throughput.", "3-fold", "multiplier", 3, unit="x"),
    case("Usage grew 10-fold since launch.", "10-fold", "multiplier", 10, unit="x"),
    case("Revenue grew 3x year over year.", "3x", "multiplier", 3, unit="x"),
]

# ------------------------------------------------------------------------------------------------ fractions

FRACTIONS = [
    case("Claude now writes a third of the code in the repository.", "a third", "fraction", 1 / 3, precision=None),
    case("One-third of the code is reviewed by another model.", "One-third", "fraction", 1 / 3, precision=None),
    case("Two-thirds of engineers say they review less code.", "Two-thirds", "fraction", 2 / 3, precision=None),
    case("Claude wrote half of the code in the release.", "half", "fraction", 0.5, precision=None),
    case("Three-quarters of respondents use an AI assistant.", "Three-quarters", "fraction", 0.75, precision=None),
    case("A quarter of new code at Google is AI-generated.", "A quarter", "fraction", 0.25, precision=None),
]

# ---------------------------------------------------------------------------------------------- number words

WORDS = [
    case(
        "Twenty-five engineers built the prototype.",
        "Twenty-five engineers",
        "count",
        25,
        unit="engineers",
        precision=None,
    ),
    case("The beta reached two thousand users.", "two thousand users", "count", 2000, unit="users", precision=None),
    case("A dozen labs now publish system cards.", "A dozen labs", "count", 12, unit="labs", precision=None),
    case("Four researchers left the safety team.", "Four researchers", "count", 4, unit="researchers", precision=None),
    case("The suite has one hundred tasks.", "one hundred tasks", "count", 100, unit="tasks", precision=None),
]

# --------------------------------------------------------------------------------------------------- scales

SCALES = [
    case("GPT-5.4 has a 272K context window.", "272K", "number", 272_000, precision=1000, exclude=("GPT-5.4",)),
    case(
        "Long-context coherence (1M tokens vs GPT-5.4's 272K)",
        "1M tokens",
        "count",
        1e6,
        unit="tokens",
        precision=1e6,
        exclude=("GPT-5.4",),
    ),
    case(
        "The context window is 1M tokens, up from 200K tokens.",
        "200K tokens",
        "count",
        200_000,
        unit="tokens",
        precision=1000,
    ),
    case(
        "The distilled model has 3 billion parameters.",
        "3 billion parameters",
        "count",
        3e9,
        unit="parameters",
        precision=1e9,
    ),
    case("It was trained on 2 trillion tokens.", "2 trillion tokens", "count", 2e12, unit="tokens", precision=1e12),
    case("The app passed 1.5 million users.", "1.5 million users", "count", 1.5e6, unit="users", precision=1e5),
    case("Each engineer saves $18k in tooling.", "$18k", "money", 18_000, unit="USD", precision=1000),
    case("A seat runs $18k per year.", "$18k per year", "money", 18_000, unit="USD/year", precision=1000, rate=True),
    case("The startup raised $1.5 billion in funding.", "$1.5 billion", "money", 1.5e9, unit="USD", precision=1e8),
    case(
        "The company raised $30 billion at a $380 billion valuation.",
        "$380 billion",
        "money",
        380e9,
        unit="USD",
        precision=1e9,
    ),
    case("Microsoft invested $5bn in the lab.", "$5bn", "money", 5e9, unit="USD", precision=1e9),
    case("The prompt used 2,048 tokens.", "2,048 tokens", "count", 2048, unit="tokens"),
]

# --------------------------------------------------------------------------------------------------- money

MONEY = [
    case(
        "GPT-5.4 $2.50/M tokens $0.25/M tokens $15/M tokens",
        "$2.50/M tokens",
        "money",
        2.5,
        unit="USD/1M tokens",
        precision=0.01,
        rate=True,
        exclude=("GPT-5.4",),
    ),
    case(
        "GPT-5.2 $1.75/M tokens $0.175/M tokens $14/M tokens",
        "$0.175/M tokens",
        "money",
        0.175,
        unit="USD/1M tokens",
        precision=0.001,
        rate=True,
        exclude=("GPT-5.2",),
    ),
    case(
        "GPT-5.2 $1.75/M tokens $0.175/M tokens $14/M tokens",
        "$14/M tokens",
        "money",
        14,
        unit="USD/1M tokens",
        rate=True,
        exclude=("GPT-5.2",),
    ),
    case(
        "GPT-5.4 costs $5 per million input tokens.",
        "$5 per million input tokens",
        "money",
        5,
        unit="USD/1M tokens",
        rate=True,
        exclude=("GPT-5.4",),
    ),
    case(
        "and $15 per million output tokens.",
        "$15 per million output tokens",
        "money",
        15,
        unit="USD/1M tokens",
        rate=True,
    ),
    case(
        "GPT-5.4 at $2.50/$15 per million tokens undercuts Claude.",
        "$2.50",
        "money",
        2.5,
        unit="USD/1M tokens",
        precision=0.01,
        rate=True,
        exclude=("GPT-5.4",),
        id="pair-first",
    ),
    case(
        "GPT-5.4 at $2.50/$15 per million tokens undercuts Claude.",
        "$15 per million tokens",
        "money",
        15,
        unit="USD/1M tokens",
        rate=True,
        exclude=("GPT-5.4",),
        id="pair-second",
    ),
    case(
        "Opus is priced at $5/$25 per million tokens.",
        "$5",
        "money",
        5,
        unit="USD/1M tokens",
        rate=True,
        id="pair-first-integer",
    ),
    case("Sonnet lists at $3/MTok for input.", "$3/MTok", "money", 3, unit="USD/1M tokens", rate=True),
    case(
        "The list price is $2.50/1M tokens.",
        "$2.50/1M tokens",
        "money",
        2.5,
        unit="USD/1M tokens",
        precision=0.01,
        rate=True,
    ),
    case("Le Chat Pro costs \u20ac3 more in France.", "\u20ac3", "money", 3, unit="EUR"),
    case("The add-on costs \u20ac3 per month.", "\u20ac3 per month", "money", 3, unit="EUR/month", rate=True),
    case("UK users pay \u00a310 more.", "\u00a310", "money", 10, unit="GBP"),
    case("GPU time is US$3 per hour.", "US$3 per hour", "money", 3, unit="USD/hour", rate=True),
    case("Enterprise seats are $1,000 per seat.", "$1,000 per seat", "money", 1000, unit="USD/seat", rate=True),
    case("The API charges 5 dollars per user.", "5 dollars per user", "money", 5, unit="USD/user", rate=True),
    case("The plan costs $2.50 for hobbyists.", "$2.50", "money", 2.5, unit="USD", precision=0.01, id="plain-dollars"),
]

# --------------------------------------------------------------------------------------------------- counts

COUNTS = [
    case(
        "The study covered 129 internal Claude Code research sessions.",
        "129 internal Claude Code research sessions",
        "count",
        129,
        unit="internal Claude Code research sessions",
        id="129-claude-code-sessions",
    ),
    case(
        "Anthropic analysed 129 internal research sessions.",
        "129 internal research sessions",
        "count",
        129,
        unit="internal research sessions",
    ),
    case("A 100,000-line C compiler was written by 16 agents.", "16 agents", "count", 16, unit="agents"),
    case("A 100,000-line C compiler was written by 16 agents.", "100,000-line", "count", 100_000, unit="lines"),
    case(
        "In Scale's MCP-Atlas benchmark with 36 MCP servers enabled", "36 MCP servers", "count", 36, unit="MCP servers"
    ),
    case("At least 3 labs reported similar results.", "At least 3 labs", "count", 3, None, unit="labs"),
    case("The model solved 15 of 20 problems.", "20 problems", "count", 20, unit="problems"),
]

# ------------------------------------------------------------------------------------------------ durations

DURATIONS = [
    case(
        "Research velocity: 70+ features in 52 days demonstrates the speedup.", "52 days", "duration", 52, unit="days"
    ),
    case(
        "The agent worked over 16 hours without intervention.",
        "over 16 hours",
        "duration",
        16,
        None,
        unit="hours",
        low_inclusive=False,
    ),
    case(
        "The task time horizon doubles every four months.",
        "four months",
        "duration",
        4,
        unit="months",
        precision=None,
        rate=True,
    ),
    case("The time horizon doubles every 7 months.", "7 months", "duration", 7, unit="months", rate=True),
    case("Claude now handles 90-minute tasks on its own.", "90-minute", "duration", 90, unit="minutes"),
    case(
        "Automated evaluation will become standard within six months.",
        "within six months",
        "duration",
        0,
        6,
        unit="months",
        precision=None,
    ),
    case("Tasks that take humans 4 hours are now automated.", "4 hours", "duration", 4, unit="hours"),
    case("A session averages 3.5 hours.", "3.5 hours", "duration", 3.5, unit="hours", precision=0.1),
    case("The launch video is a 30-second demo.", "30-second", "duration", 30, unit="seconds"),
]

# ----------------------------------------------------------------------------------------- scores and points

SCORES = [
    case(
        "GDPval-AA Elo 1606 +144 Elo vs GPT-5.2",
        "+144 Elo",
        "score",
        144,
        unit="Elo",
        change="increase",
        exclude=("GPT-5.2", "GDPval-AA Elo 1606"),
    ),
    case("Claude holds a 40 Elo lead in the arena.", "40 Elo", "score", 40, unit="Elo"),
    case(
        "The new harness produced a 50-percentage-point increase in pass rates.",
        "50-percentage-point",
        "percentage_points",
        50,
        unit="pp",
        change="increase",
    ),
    case(
        "The extra cost is worth it given the 23-point SWE-Bench advantage.",
        "23-point",
        "percentage_points",
        23,
        unit="pp",
    ),
    case("Accuracy on the hard split saw a gain of 5 pp.", "5 pp", "percentage_points", 5, unit="pp"),
    case("Accuracy rose 12 percentage points.", "12 percentage points", "percentage_points", 12, unit="pp"),
]

# -------------------------------------------------------------------------------------------------- changes

CHANGES = [
    case(
        "GDPval (knowledge work) 83.0% 70.9% +12.1%",
        "+12.1%",
        "percent",
        12.1,
        unit="%",
        precision=0.1,
        change="increase",
    ),
    case("SWE-Bench Pro (coding) 57.7% 55.6% +2.1%", "57.7%", "percent", 57.7, unit="%", precision=0.1),
    case(
        "In Scale's benchmark, total token usage dropped 47% while maintaining the same accuracy.",
        "47%",
        "percent",
        47,
        unit="%",
        change="decrease",
    ),
    case(
        "GPT-5.4's individual claims are 33% less likely to be false.",
        "33%",
        "percent",
        33,
        unit="%",
        change="decrease",
        exclude=("GPT-5.4",),
    ),
    case("Full responses are 18% less likely to contain errors.", "18%", "percent", 18, unit="%", change="decrease"),
    case(
        "GPT-5.4 brings 47% more efficient tool search.",
        "47%",
        "percent",
        47,
        unit="%",
        change="increase",
        exclude=("GPT-5.4",),
    ),
    case("Support tickets changed -5% year over year.", "-5%", "percent", 5, unit="%", change="decrease"),
    case("Costs fell by roughly 30%.", "roughly 30%", "percent", 30, unit="%", approximate=True, change="decrease"),
    case("A 10% improvement compounds quickly.", "10%", "percent", 10, unit="%", change="increase"),
    # "dropped from 12% to 4%": both are levels (the change is the difference), not changes of 12% and 4%
    case("Error rates dropped from 12% to 4%.", "12%", "percent", 12, unit="%", id="from-level"),
    case("Error rates dropped from 12% to 4%.", "4%", "percent", 4, unit="%", id="to-level"),
    case("Usage rose from 20% to 35%.", "20%", "percent", 20, unit="%", id="rose-from-level"),
    case("Revenue grew sharply 30% last year.", "30%", "percent", 30, unit="%", change="increase"),
]

# ------------------------------------------------------------------------------------------------ precision

PRECISION = [
    case("Claude scores 75% on OSWorld-Verified.", "75%", "percent", 75, unit="%", precision=1),
    case("Claude scores 75.0% on OSWorld-Verified.", "75.0%", "percent", 75, unit="%", precision=0.1),
    case("Claude scores 75.25% on OSWorld-Verified.", "75.25%", "percent", 75.25, unit="%", precision=0.01),
    case("Only 0.5% of queries hit the fallback.", "0.5%", "percent", 0.5, unit="%", precision=0.1),
    case("Claude Code is now 100% written by Claude Code itself.", "100%", "percent", 100, unit="%"),
]

# ---------------------------------------------------------------------------------------- traps with excludes

TRAPS = [
    case(
        "GPT-5.4 scores 75.0% on OSWorld-Verified.",
        "75.0%",
        "percent",
        75,
        unit="%",
        precision=0.1,
        exclude=("GPT-5.4",),
        id="GPT-5.4-excluded",
    ),
    case(
        "Claude 3.5 Sonnet reached 49% on SWE-bench Verified.",
        "49%",
        "percent",
        49,
        unit="%",
        exclude=("Claude 3.5",),
        id="Claude-3.5-excluded",
    ),
    case(
        "Terminal-Bench 2.0 results: 65.4% for the new model.",
        "65.4%",
        "percent",
        65.4,
        unit="%",
        precision=0.1,
        exclude=("Terminal-Bench 2.0",),
        id="Terminal-Bench-2.0-excluded",
    ),
    case(
        "MRCR v2 (1M context) 76% Claude", "76%", "percent", 76, unit="%", exclude=("MRCR v2",), id="MRCR-v2-excluded"
    ),
    case("Claude wrote 80% of the code.", "80%", "percent", 80, unit="%", id="80%-of-the"),
]

ALL_CASES = [
    *RANGES,
    *HEDGES,
    *MULTIPLIERS,
    *FRACTIONS,
    *WORDS,
    *SCALES,
    *MONEY,
    *COUNTS,
    *DURATIONS,
    *SCORES,
    *CHANGES,
    *PRECISION,
    *TRAPS,
]


@pytest.mark.parametrize(("sentence", "exclude", "expected"), ALL_CASES)
def test_quantity_fields(sentence: str, exclude: tuple[str, ...], expected: dict[str, Any]) -> None:
    match = only_match(sentence, exclude, expected["text"])
    assert_fields(match.value, expected)


# -------------------------------------------------------------------------- what a sentence yields, in full

# (sentence, names to exclude, the texts of every quantity found, in order)
WHOLE_SENTENCES = [
    ("GPT-5.4 scores 75.0% on OSWorld-Verified", ("GPT-5.4",), ["75.0%"]),
    ("Claude 3.5 Sonnet was released to everyone", ("Claude 3.5",), []),
    ("Terminal-Bench 2.0 results", ("Terminal-Bench 2.0",), []),
    ("MRCR v2 (1M context) 76%", ("MRCR v2",), ["1M", "76%"]),
    ("GPT-5.4 hits 87.3% vs. 68.4% for GPT-5.2.", ("GPT-5.4", "GPT-5.2"), ["87.3%", "68.4%"]),
    ("Claude is one of the best coding models.", (), []),
    ("One of the labs declined to comment.", (), []),
    ("Three years ago, nobody believed it.", (), []),
    ("The idea was floated three years ago by researchers.", (), []),
    ("Two weeks later the model shipped.", (), []),
    ("in 2024 the company grew quickly", (), []),
    ("The 2024 release of the model changed everything.", (), []),
    ("Claude wrote 80% of the code.", (), ["80%"]),
    ("Claude wrote 80% of the code and 100% of the tests.", (), ["80%", "100%"]),
    ("The team shipped 70+ features in 52 days.", (), ["70+ features", "52 days"]),
    ("GPT-5.4 at $2.50/$15 per million tokens", ("GPT-5.4",), ["$2.50", "$15 per million tokens"]),
    ("The context window is 1M tokens, up from 200K tokens.", (), ["1M tokens", "200K tokens"]),
    ("Benchmark GPT-5.4 GPT-5.2 Delta", ("GPT-5.4", "GPT-5.2"), []),
    ("Claude builds Claude: understanding the research", (), []),
    ("It means a lot to the team.", (), []),
    ("Teams expect 50% or more than 60% of users to switch.", (), ["50%", "more than 60%"]),
]


@pytest.mark.parametrize(("sentence", "exclude", "texts"), WHOLE_SENTENCES)
def test_whole_sentence(sentence: str, exclude: tuple[str, ...], texts: list[str]) -> None:
    normalised = normalize(sentence)
    matches = find_quantities(normalised, spans(normalised, *exclude))
    assert [m.value.text for m in matches] == texts
    for m in matches:
        assert m.value.text == normalised[m.start : m.end]


def test_excluded_version_is_not_read_as_range_end() -> None:
    """A model name after a dash never becomes the end of a range: "2 - 5.4 Thinking" is not 2..5.4."""
    sentence = normalize("On the hard split the baseline scored 2 \u2013 5.4 Thinking scored 9.")
    assert [m.value.text for m in find_quantities(sentence)] == ["2 - 5.4", "9"]  # without the exclude
    matches = find_quantities(sentence, spans(sentence, "5.4 Thinking"))
    assert [(m.value.text, m.value.low, m.value.high) for m in matches] == [("2", 2, 2), ("9", 9, 9)]


def test_three_years_ago_is_not_a_duration() -> None:
    assert all(m.value.kind != "duration" for m in find_quantities("It started three years ago."))


def test_80_percent_of_the_is_only_a_percent() -> None:
    (match,) = find_quantities("80% of the")
    assert match.value.kind == "percent"
    assert (match.start, match.end) == (0, 3)


# ------------------------------------------------------------------------------------------- words_to_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twenty-five", 25),
        ("twenty five", 25),
        ("two thousand", 2000),
        ("a dozen", 12),
        ("dozen", 12),
        ("one hundred", 100),
        ("three hundred", 300),
        ("nineteen", 19),
        ("ninety-nine", 99),
        ("two million", 2_000_000),
        ("dozens", None),
        ("several", None),
        ("", None),
    ],
)
def test_words_to_number(words: str, value: float | None) -> None:
    assert words_to_number(words) == value


# -------------------------------------------------------------------------------------------- parse_quantity


def test_parse_quantity_needs_exactly_one() -> None:
    assert parse_quantity("no numbers here") is None
    assert parse_quantity("80% and 90%") is None
    q = parse_quantity("over 80%")
    assert q is not None and q.low == 80 and q.high is None


# ------------------------------------------------------------------------------------------ format_quantity


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("over 80%", ">80%"),
        ("more than 80%", ">80%"),
        ("at least 70%", "\u226570%"),
        ("70-90%", "70-90%"),
        ("between 70 and 90%", "70-90%"),
        ("approximately eight times", "~8x"),
        ("eight times", "8x"),
        ("8x - 12x", "8-12x"),
        ("1.5x", "1.5x"),
        ("$2.50/M tokens", "$2.50/1M tokens"),
        ("$0.175/M tokens", "$0.175/1M tokens"),
        ("$5 per million input tokens", "$5/1M tokens"),
        ("\u20ac3", "\u20ac3"),
        ("\u00a310", "\u00a310"),
        ("75.0%", "75.0%"),
        ("75%", "75%"),
        ("0.5%", "0.5%"),
        ("nearly 100%", "<100%"),
        ("less than 10%", "<10%"),
        ("under 5 minutes", "<5 minutes"),
        ("up to 1M tokens", "\u22641,000,000 tokens"),
        ("within six months", "\u22646 months"),
        ("70+ features", "\u226570 features"),
        ("45,000+ users", "\u226545,000 users"),
        ("50% or more", "\u226550%"),
        ("+12.1%", "+12.1%"),
        ("-5%", "-5%"),
        ("+144 Elo", "+144 Elo"),
        ("about 27%", "~27%"),
        ("~27%", "~27%"),
        ("5 pp", "5 pp"),
        ("a third", "1/3"),
        ("two-thirds", "2/3"),
        ("12-18 months", "12-18 months"),
        ("52 days", "52 days"),
        ("every four months", "every 4 months"),
        ("doubled", "2x"),
        ("$1.5 billion", "$1,500,000,000"),
        ("$10-20 billion", "$10,000,000,000-20,000,000,000"),
        ("272K", "272,000"),
    ],
)
def test_format_quantity(text: str, display: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert format_quantity(q) == display


@pytest.mark.parametrize(
    "text",
    [
        "75%",
        "70-90%",
        ">80%",
        "8x",
        "$2.50/1M tokens",
        "52 days",
        "12-18 months",
        "\u226570%",
        "<10%",
        "+12.1%",
        "~27%",
        "5 pp",
        "+144 Elo",
    ],
)
def test_format_is_a_fixed_point(text: str) -> None:
    """What format_quantity writes parses back to a value that formats the same way."""
    q = parse_quantity(text)
    assert q is not None
    shown = format_quantity(q)
    again = parse_quantity(shown)
    assert again is not None
    assert format_quantity(again) == shown
    assert (again.kind, again.low, again.high, again.unit) == (q.kind, q.low, q.high, q.unit)
