"""When a value holds, against what, and in which mood.

Owns the date a quantity holds at (``as_of``: "as of May 2026", "by April 2026"), what it is measured against
(``baseline``: "vs GPT-5.2", "than the 2021-2025 average"), the period a clause sets ("before Claude Code came
out"), forecasts and tense, durations that say when rather than how long ("within six months"), eras
("From 2021 to 2023, humans wrote the code"), page furniture (bylines, "15 min read"), and dropping a date that
only frames a finer one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from ..models import Claim, DateValue, Quantity, Tense, build
from ..values.dates import DateMatch, format_date
from .context import SUBJECT_KINDS, Located, UnitContext
from .lexicon import Name

FORECAST = re.compile(
    r"\b(?:will|projections?|projected|forecasts?|predict(?:s|ed|ions?)?|expected to|"
    r"will likely|most likely|anticipate[sd]?|plans? to|aims? to|is set to|are set to|going to|"
    r"may (?:compress|reach|become|soon)|"
    # hypothetical, conditional and target figures are not stated results ("would need 95%", "possibly 100B+",
    # "in talks to raise $6B", "seeking a $40B valuation")
    r"would (?:need|require|have to)|might|possibly|potentially|hypothetical(?:ly)?|in talks|seeking|looking to|"
    r"targets?|targeting|aiming|threshold|rumou?red|speculat(?:ed|ion|ive))\b",
    re.IGNORECASE,
)
FORECAST_SECTION = re.compile(
    r"predictions?|projections?|forecasts?|roadmap|outlook|near-term horizon|looking ahead", re.IGNORECASE
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|released|shipped|launched|achieved|reached|published|wrote|closed|spent|dropped|"
    r"found|selected|occurred|increased|grew|rose|fell|went|pushed|debuted|introduced|entered|managed|saw|"
    r"became|hit|posted|announced|jumped)\b",
    re.IGNORECASE,
)
_BASELINE = re.compile(
    r"\b(?:compared (?:to|with)|relative to|versus|vs\.?|than(?: (?:they|it|we|he|she) (?:did|had))?|"
    r"over)\s+(?P<b>(?:the\s+)?[^,;()]{1,48}?)(?=[,;.()]|\s-\s|$|\s(?:and|but|while|which|for|in just|within)\b)",
    re.IGNORECASE,
)
_LEADING_BASELINE = re.compile(
    r"(?:^|[.;]\s)(?:[Mm]easured |[Cc]ompared |[Ii]ndexed )?(?:[Aa]gainst|[Rr]elative to|[Cc]ompared (?:to|with)|"
    r"[Vv]ersus)\s+(?P<b>(?:the\s+)?[^,;.]{1,48}),",
)
PERIOD = re.compile(
    r"\b(?P<when>[Bb]efore|[Aa]fter|[Uu]ntil|[Pp]rior to) (?:the (?:release|launch|introduction|debut|arrival) of )?"
    r"(?P<what>[A-Z][\w.-]*(?: [A-Z0-9][\w.-]*){0,3}?)"
    r"(?:'s (?:release|launch|debut|arrival)| (?:came out|was released|launched|arrived|shipped|debuted)|(?=[,.;]))",
)
_METADATA_UNIT = re.compile(
    r"^\s*(?:\d+\s*min(?:ute)?s?\s+read|\d+\s+(?:comments?|views?|likes?|shares?)\b.*|"
    r"(?:by|updated|published|posted|last updated)\b[^.!?]{0,80})\s*$",
    re.IGNORECASE,
)


def as_of(
    ctx: UnitContext,
    v: Located,
    cs: int,
    ce: int,
    dates: Sequence[DateMatch],
    exclude: tuple[int, int] | None,
    names: Sequence[Name] = (),
) -> tuple[DateValue | None, int | None]:
    """The date a quantity holds at: a dated phrase in its clause ("as of May 2026", "by April 2026").

    A date after the value does not reach back over another entity: in "GPT-5.4 in Codex with a 2x
    multiplier, Opus 4.6 in general availability as of March 13" the date belongs to Opus 4.6.
    """
    best: tuple[int, int] | None = None
    chosen = -1
    entities = [n for n in names if n.kind in SUBJECT_KINDS and n.canonical]
    for j, d in enumerate(dates):
        if not (cs <= d.start < ce):
            continue
        if exclude and exclude[0] <= d.start < exclude[1]:
            continue
        if d.start >= v.end and any(
            v.end <= n.start and n.end <= d.start and re.search(r"[,;]", ctx.text[v.end : n.start]) for n in entities
        ):
            continue  # the date belongs to a later item of a list ("..., Opus 4.6 ... as of March 13")
        marker_rank = 0 if d.value.marker in ("as_of", "by", "in") else 1
        distance = min(abs(d.start - v.end), abs(v.start - d.end))
        key = (marker_rank, distance)
        if best is None or key < best:
            best, chosen = key, j
    if best is None:
        return None, None
    return dates[chosen].value, chosen


def baseline(
    ctx: UnitContext, v: Located, ce: int, dates: Sequence[DateMatch]
) -> tuple[str | None, tuple[int, int] | None]:
    """What a change or multiplier is measured against, and where that phrase is."""
    q = v.value
    assert isinstance(q, Quantity)
    if not (q.kind in ("multiplier", "score", "percentage_points") or q.change):
        return None, None
    m = _BASELINE.search(ctx.text, v.end, ce)
    if not m or m.start() - v.end > 60:
        # "Measured against the 2021-2025 average, engineers now ship eight times as much code"
        m = _LEADING_BASELINE.search(ctx.text[: v.start])
        if not m:
            return None, None
    text = m.group("b").strip()
    span = (m.start("b"), m.end("b"))
    inside = [d for d in dates if span[0] <= d.start < span[1]]
    if (
        inside
        and inside[0].value.precision in ("year", "range")
        and text.lower().endswith(("average", "levels", "level"))
    ):
        text = f"{format_date(inside[0].value)} {text.split()[-1]}"
    elif inside and len(inside) == 1 and inside[0].end - inside[0].start >= len(text) - 4:
        text = format_date(inside[0].value)
    text = re.sub(r"^the\s+", "", text)
    return text, span


def period(ctx: UnitContext) -> tuple[tuple[int, int] | None, str | None]:
    """The period a unit sets ("before Claude Code came out"): its span and how a claim describes it."""
    m = PERIOD.search(ctx.text)
    if not m:
        return None, None
    return m.span(), f"{m.group('when').lower()} {m.group('what')}"


# verbs that say an event happened or was observed: a past-tense clause with one states a date as past fact
_OCCURRED = re.compile(
    r"\b(?:was|were|had|has been|shipped|released|launched|published|reached|hit|"
    r"recorded|measured|reported)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # asked for every value of a sentence, with the same sentence
def states_past_event(tense: Tense, sentence: str) -> bool:
    """A past-tense clause in a sentence that says something happened or was observed ("was released on March
    20", "reached 100%", "recorded"): the claim's ``past_event``."""
    return tense == "past" and _OCCURRED.search(sentence) is not None


@lru_cache(maxsize=4096)  # every value of a clause asks with the same clause
def mood(clause: str) -> tuple[bool, Tense]:
    """(forecast, tense) of a clause: forecasts are not statements of fact about their dates."""
    forecast = is_forecast(clause)
    return forecast, "future" if forecast else ("past" if _PAST.search(clause) else "present")


@lru_cache(maxsize=4096)
def is_forecast(text: str) -> bool:
    return bool(FORECAST.search(text))


def in_forecast_section(ctx: UnitContext) -> bool:
    return bool(ctx.unit.section and FORECAST_SECTION.search(ctx.unit.section))


def is_timeframe(ctx: UnitContext, q: Quantity, v: Located) -> bool:
    """ "within six months", "over the past two years", "in only fifteen months": when, not how long."""
    if q.kind != "duration" or q.rate:
        return False
    if q.hedge and q.hedge.lower() == "within":
        return True
    if re.search(
        r"\b(?:finish|finished|finishes|complete|completed|completes|done|solve|solved|take|takes|taking|took|"
        r"last|lasts|lasting|run|runs)\s+(?:it\s+|them\s+)?in\s+$",
        ctx.text[max(0, v.start - 30) : v.start],
        re.IGNORECASE,
    ):
        return False  # "tasks a human would finish in four minutes": how long the task is
    if _RUN_OVER.search(ctx.text[max(0, v.start - 80) : v.start]):
        return False  # "trained on 16,000 GPUs over 54 days": how long a run took, not when something happened
    return bool(
        re.search(
            r"\b(?:within|in|over|during|after|than)\s+(?:the\s+)?(?:(?:past|last|next|just|only|roughly|"
            r"about|a mere|barely)\s+)?$",
            ctx.text[max(0, v.start - 25) : v.start],
            re.IGNORECASE,
        )
    )


# a run that consumes time: a duration after "over"/"for" in its clause says how long it took
_RUN_OVER = re.compile(
    r"\b(?:train(?:ed|ing)?|pre-?train(?:ed|ing)?|training run|GPUs|accelerators|chips)\b[^.;]{0,60}?"
    r"\b(?:over|for)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|just\s+)?$",
    re.IGNORECASE,
)


def is_metadata(ctx: UnitContext, dates: Sequence[DateMatch]) -> bool:
    """Bylines, datelines and "15 min read": page furniture, not claims."""
    text = ctx.text
    if _METADATA_UNIT.match(text):
        return True
    if dates and ctx.unit.kind in ("sentence", "heading"):
        covered = sum(d.end - d.start for d in dates)
        rest = re.sub(r"[\W\d_]+", "", text)
        dated = re.sub(r"[\W\d_]+", "", "".join(d.value.text for d in dates))
        if covered and len(rest) - len(dated) <= 8 and len(text) < 80:
            return True  # "March 5, 2026(Updated: March 5, 2026)"
    return False


def era(ctx: UnitContext, d: DateMatch, cs: int, ce: int, names: Sequence[Name]) -> tuple[str | None, str] | None:
    """ "From 2021 to 2023, humans wrote the code": a period that opens its clause, and what it says happened.

    Returns (organisation, description). The organisation is the lab or product named in the clause (a
    model stands for its owner); None when the clause names none, and the article's main lab is filled in
    once the whole article has been read.
    """
    lead = ctx.text[cs : d.start].strip().lower()
    if lead not in ("", "from", "between", "during", "in", "over", "throughout", "for", "and"):
        return None
    words = re.findall(r"[A-Za-z][\w'.-]*", ctx.text[d.end : ce])
    if len(words) < 3:
        return None
    description = " ".join(words[:12]).rstrip(".,;:") + ("…" if len(words) > 12 else "")
    owner = None
    for name in names:
        if cs <= name.start < ce and name.canonical and name.kind in ("lab", "product", "model"):
            owner = name.canonical if name.kind == "lab" else (ctx.lex.owner_of(name.canonical) or name.canonical)
            break
    return owner, description


def drop_containers(claims: list[Claim]) -> list[Claim]:
    """Drop a date claim that only frames a finer one about the same thing ("By 2026, X shipped on February 5")."""
    dated = [c for c in claims if isinstance(c.value, DateValue)]
    out = []
    for claim in claims:
        value = claim.value
        if isinstance(value, DateValue) and any(
            other is not claim
            and isinstance(other.value, DateValue)
            and other.subject == claim.subject
            and other.metric == claim.metric
            and value.start <= other.value.start
            and other.value.end <= value.end
            and (other.value.start, other.value.end) != (value.start, value.end)
            for other in dated
        ):
            continue
        out.append(claim)
    return out


_EARLIER_EVENT = re.compile(
    r"\b(?:previously|earlier|prior|last (?:year|round|time)|the (?:previous|prior|last) round|"
    r"in the (?:spring|summer|fall|autumn|winter)|(?:when|after) it (?:first )?(?:raised|was valued))\b",
    re.IGNORECASE,
)


def event_time(ctx: UnitContext, metric: str, *, dated: bool = False) -> tuple[str | None, DateValue | None]:
    """(metric, as_of) for a figure about one event whose clause names neither the event nor its date.

    "xAI has raised $6 billion in its latest round" (or "xAI's cluster has 100,000 GPUs", ``dated``) means the
    article's own time: the figure holds
    as of its publication quarter (two reports a month apart about one round are compared; reports a year apart
    are a series). An article with no publication date cannot say which round it means: no metric.
    """
    rule = ctx.lex.rule_named(metric)
    if not dated and (rule is None or not rule.dated or metric != rule.name):
        return metric, None  # not an event metric, or the round is named ("... (Series C)")
    published = ctx.published
    if published is None or _EARLIER_EVENT.search(ctx.text):
        return None, None  # no date to anchor it, or "previously", "in the spring": an earlier round, not dated
    quarter = (published.month - 1) // 3
    start = dt.date(published.year, 3 * quarter + 1, 1)
    end = dt.date(published.year + (quarter == 3), (3 * quarter + 3) % 12 + 1, 1) - dt.timedelta(days=1)
    text = f"Q{quarter + 1} {published.year} (when the article was published)"
    return metric, build(
        DateValue, start=start, end=end, precision="quarter", text=text, year_from="publication", marker="as_of"
    )
