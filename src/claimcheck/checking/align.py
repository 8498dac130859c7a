"""Alignment: which claims are about the same thing.

Owns grouping claims into topics. Two claims share a topic only when their subject matches (ignoring case, spaces
and hyphens), their metric matches (exactly for lexicon metrics and benchmarks; fuzzily, with rapidfuzz, for
free-text metrics), and their values measure the same dimension (a percent is never compared with an Elo score, a level
never with a change, a one-off duration never with a period). Claims are first *blocked* by (subject, dimension) so
no pairwise work ever crosses blocks: alignment is linear in the number of claims for a fixed block size.

Time is not part of a topic: claims about the same thing at different dates are a series inside one topic, and
``check`` decides which of them are comparable.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from ..attribution.hardware import COUNTED_PARTS
from ..attribution.names import entity_key
from ..models import Claim, DateValue, Topic

# Free-text metric phrases at or above this token-sort similarity name the same metric. Chosen with the pairs in
# tests/test_align.py: "share of code merged" ~ "share of merged code" (100) must align; "share of bugs" vs
# "share of users" (~70) must not.
METRIC_SIMILARITY = 90.0
_STOP = {"the", "a", "an", "of", "on", "in", "for", "to", "and", "its", "their", "per", "by"}


def dimension(claim: Claim) -> str:
    """The kind of quantity a claim measures; claims in different dimensions are never compared."""
    value = claim.effective_value
    if isinstance(value, DateValue):
        return "date"
    kind: str = "share" if value.kind in ("percent", "fraction") else value.kind
    if value.kind == "money":
        kind = f"money:{value.unit or ''}"
    elif value.kind == "measure":
        kind = f"measure:{value.unit or ''}"  # 130 TB of memory is never compared with 130 TB/s of bandwidth
    elif value.kind in ("count", "number") and claim.metric in COUNTED_PARTS:
        kind = f"count:{claim.metric}"  # "144 SMs" = "144 streaming multiprocessors" = "SMs: 144"
    elif value.kind == "count" and claim.metric == "GPU hours":
        kind = "count:gpu-hour"  # "GPU Hours | 2.788M H800": the chip is what the hours ran on
    elif value.kind in ("duration", "count"):
        kind = f"{value.kind}:{_unit_root(value.unit)}"
    elif value.kind in ("number", "score") and not value.unit:
        # a bare figure takes what its metric counts: "671B" in a "Parameters" row is "671 billion parameters",
        # "128K" beside "context" is a count of tokens; a bare score out of 100 under a benchmark ("MMLU | 88.6")
        # is the same dimension as "88.6%"
        metric = (claim.metric or "").lower()
        counted = _COUNTED.search(metric)
        if counted:
            kind = f"count:{_unit_root(counted.group(1) or counted.group(2) or 'tokens')}"
        elif value.low is not None and 0 <= value.low <= (value.high if value.high is not None else 101) <= 100:
            kind = "share"
    if value.change:
        kind += ":change"
    if value.rate:
        kind += ":rate"
    return kind


# metrics that say what a bare number counts: "number of (active) parameters", "GPU hours", "training tokens"
_COUNTED = re.compile(r"^number of (?:\S+ )*?(\S+)$|\b(gpu hours|tokens)$|^(?:context window|maximum output tokens)$")


def _unit_root(unit: str | None) -> str:
    if not unit:
        return ""
    if unit in ("seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years"):
        return "time"  # durations compare after conversion
    if re.search(r"gpu[- ]?hours?$", unit, re.IGNORECASE):
        return "gpu-hour"  # "H800 GPU-hours" = "GPU hours"
    root = unit.split()[-1].lower().rstrip("s")
    return "gpu" if re.fullmatch(r"[a-z]{1,3}\d+[a-z]?|chip|accelerator", root) else root  # "H100s" = "GPUs"


def normalise_metric(metric: str) -> str:
    words = re.findall(r"[a-z0-9]+", metric.lower())
    return " ".join(w for w in words if w not in _STOP)


def comparable(claim: Claim) -> bool:
    return (
        claim.subject is not None
        and claim.metric is not None
        and claim.metric != "era"  # eras are phases, compared for overlaps by the timeline check, not as values
        and claim.usable
    )


def align_claims(claims: Iterable[Claim]) -> list[tuple[Topic, list[Claim]]]:
    """Topics with at least one claim, in a stable order (by subject, then metric)."""
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if comparable(claim):
            assert claim.subject is not None
            blocks[(entity_key(claim.subject), dimension(claim))].append(claim)  # "Nimbus R1" = "Nimbus-R1"

    topics: list[tuple[Topic, list[Claim]]] = []
    for (_, dim), members in blocks.items():
        for metric, group in _cluster_metrics(members):
            group = _without_outvoting_years(group)
            if not group:
                continue
            subject = _common_spelling(group)
            key = _topic_key(subject or "", metric, dim)
            topics.append((Topic(key=key, subject=subject, metric=metric, claim_ids=tuple(c.id for c in group)), group))
    topics.sort(key=lambda t: ((t[0].subject or "").lower(), t[0].metric.lower(), t[0].key))
    return topics


def _common_spelling(group: Sequence[Claim]) -> str | None:
    """The subject spelling most of the topic's claims use ("Vega-4.2" over a few "Vega 4.2"), the earliest on a
    tie: one article's spelling does not name a topic the others write differently."""
    counts: Counter[str | None] = Counter(c.subject for c in group)
    return max(counts, key=lambda s: counts[s])  # Counter keeps first-seen order; max keeps the first of equals


def _cluster_metrics(claims: Sequence[Claim]) -> list[tuple[str, list[Claim]]]:
    """Group a block's claims by metric: exact normalised match first, then fuzzy between the groups."""
    exact: dict[str, list[Claim]] = defaultdict(list)
    display: dict[str, str] = {}
    for claim in claims:
        assert claim.metric is not None
        norm = normalise_metric(claim.metric)
        exact[norm].append(claim)
        display.setdefault(norm, claim.metric)
    keys = sorted(exact)
    merged: list[list[str]] = []
    for key in keys:
        for group in merged:
            if (
                fuzz.token_sort_ratio(key, group[0]) >= METRIC_SIMILARITY
                and _same_numbers(key, group[0])
                and _same_qualifiers(display[key], display[group[0]])
            ):
                group.append(key)
                break
        else:
            merged.append([key])
    out = []
    for group in merged:
        members = [c for key in group for c in exact[key]]
        members.sort(key=lambda c: (c.source, c.line, c.column))
        # the most common spelling names the topic
        names: dict[str | None, int] = defaultdict(int)
        for c in members:
            names[c.metric] += 1
        name = max(names, key=lambda n: (names[n], -len(n or "")))
        out.append((name or display[group[0]], members))
    return out


def _inferred_year(claim: Claim) -> bool:
    value = claim.effective_value
    return isinstance(value, DateValue) and value.year_from != "explicit"


def _without_outvoting_years(group: list[Claim]) -> list[Claim]:
    """A date whose year was inferred ("February 17" in an article from 2025) may agree with a stated year, never
    contradict one: it stays only beside a stated date of the same year, or beside inferred ones of one year."""
    stated_years = {
        year
        for c in group
        if not _inferred_year(c) and isinstance(c.effective_value, DateValue)
        for year in range(c.effective_value.start.year, c.effective_value.end.year + 1)
    }
    if not stated_years:
        # no stated year at all: inferred dates may still agree or differ by day, but only within one year
        inferred = {c.effective_value.start.year for c in group if isinstance(c.effective_value, DateValue)}
        return group if len(inferred) <= 1 else [c for c in group if not _inferred_year(c)]
    return [
        c
        for c in group
        if not _inferred_year(c)
        or (isinstance(c.effective_value, DateValue) and c.effective_value.start.year in stated_years)
    ]


def _same_numbers(a: str, b: str) -> bool:
    """ "SWE-bench 2" and "SWE-bench 3", "... (Series B)" and "... (Series C)" are different metrics however
    similar the words are: numbers and one-letter tokens must be the same."""
    return re.findall(r"\d+", a) == re.findall(r"\d+", b) and _short_tokens(a) == _short_tokens(b)


def _same_qualifiers(a: str, b: str) -> bool:
    """A qualifier in brackets names a variant of the metric ("(API)", "(free tier)", "(5-shot)"): metrics as
    written must carry the same ones to be one metric."""
    return [q.lower() for q in re.findall(r"\(([^()]*)\)", a)] == [q.lower() for q in re.findall(r"\(([^()]*)\)", b)]


def _short_tokens(metric: str) -> list[str]:
    return [t for t in metric.split() if len(t) == 1]


def _topic_key(subject: str, metric: str, dim: str) -> str:
    raw = f"{subject.lower()}\x1f{normalise_metric(metric)}\x1f{dim}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]
