"""Claim extraction: Article -> Claims. The orchestrator of the attribution steps.

Walks an article's units in order and, for each number and date the value grammars (``values``) find, asks the steps
beside it who the value is about (``names``, ``subjects``), what it measures (``metrics``), when it holds, against
what and in which mood (``timeframe``); table rows go to ``tables``. It also gives each claim a stable id. This
module never parses numbers itself.

Attribution is conservative on purpose: a value whose subject cannot be told from its clause gets ``subject=None``
and is never aligned with anything. A missed alignment costs less trust than a false contradiction.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..models import Article, Claim, Quantity, build, replace
from ..values.dates import DateMatch, numeric_convention
from ..values.quantities import QuantityMatch
from . import hardware, metrics, subjects, tables, timeframe
from .context import MAIN_MODEL, PLACEHOLDERS, SCORE_SUBJECT_KINDS, SUBJECT_KINDS, ArticleState, Located, UnitContext
from .lexicon import Lexicon, Name, default_lexicon
from .names import entity_key, find_shaped_names, learn_benchmarks, learn_renamings, merge

# No article has this many claims (a long report has a few thousand): past it, a file is a data dump, and reading
# on would only cost memory (every claim is kept for the cross-check) and time. Reading stops, and says so.
MAX_CLAIMS_PER_SOURCE = 10_000
# how often (in units) a long file's progress is reported
_PROGRESS_EVERY = 64

Progress = Callable[[int, int], None]  # (characters read, characters in the text)


def extract_article(
    article: Article,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
    notes: list[str] | None = None,
) -> list[Claim]:
    """The article's claims. Reading stops after MAX_CLAIMS_PER_SOURCE claims, and ``notes`` (when given) is told
    so; ``progress`` is told how far into the text extraction is, now and then."""
    lex = lexicon or default_lexicon()
    state = ArticleState(
        benchmarks=learn_benchmarks(unit.text for unit in article.units),
        numeric_order=numeric_convention(unit.text for unit in article.units),
        families=hardware.learn_families(unit.text for unit in article.units),
        renamings=learn_renamings(
            (unit.text for unit in article.units), lambda text: merge(lex.find_names(text), find_shaped_names(text))
        ),
    )
    _read_title(article, lex, state)
    drafts: list[Claim] = []
    total = len(article.text)
    for index, unit in enumerate(article.units):
        if len(drafts) >= MAX_CLAIMS_PER_SOURCE:
            if notes is not None:
                notes.append(
                    f"reading stopped after {len(drafts):,} claims, at line {unit.line} "
                    f"({unit.start / max(1, total):.0%} of the text): no article has this many, and the rest is not "
                    "read (split the file to read it all)"
                )
            break
        drafts.extend(_extract_unit(UnitContext(article, unit, lex, state)))
        if progress is not None and index % _PROGRESS_EVERY == 0:
            progress(unit.end, total)
    if progress is not None:
        progress(total, total)
    if state.labs and any(c.metric == "era" and c.subject is None for c in drafts):
        # an era with no organisation in its clause is about the organisation the article is about
        main_lab = state.labs.most_common(1)[0][0]
        drafts = [replace(c, subject=main_lab) if c.metric == "era" and c.subject is None else c for c in drafts]
    if any(c.subject in PLACEHOLDERS for c in drafts):
        drafts = subjects.resolve_references(drafts, state)
    drafts = subjects.expand_short_names(drafts, state)
    drafts = subjects.without_family_sizes(drafts, state)
    return _with_ids(article, drafts)


def _read_title(article: Article, lex: Lexicon, state: ArticleState) -> None:
    """The models and labs the title names (the front matter's, else a heading that opens the article)."""
    title = article.source.title
    if not title and article.units and article.units[0].kind == "heading":
        title = article.units[0].text
    if not title:
        return
    names = merge(lex.find_names(title), find_shaped_names(title, state.benchmarks))
    state.title_models = frozenset(
        entity_key(n.canonical) for n in names if n.kind in ("model", "product") and n.canonical
    )
    state.title_labs = frozenset(n.canonical for n in names if n.kind == "lab" and n.canonical)
    state.title_products = frozenset(entity_key(n.canonical) for n in names if n.kind == "product" and n.canonical)
    for n in names:
        if n.kind in ("model", "product") and n.canonical:
            state.spellings.setdefault(entity_key(n.canonical), n.canonical)  # a page that names it only there


def _with_ids(article: Article, drafts: list[Claim]) -> list[Claim]:
    """Stable ids: source key + the quote + the value text + which occurrence of that pair it is.

    No line numbers go in, so an edit elsewhere in the file does not change a claim's id.
    """
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for claim in drafts:
        pair = (" ".join(claim.quote.split()), claim.value.text)
        occurrence = seen[pair]
        seen[pair] += 1
        digest = hashlib.sha1(
            "\x1f".join([article.source.key, pair[0], pair[1], str(occurrence)]).encode("utf-8")
        ).hexdigest()[:12]
        out.append(build(Claim, **{**claim.__dict__, "id": digest}))  # a hex digest: no need to check the field
    return out


def _extract_unit(ctx: UnitContext) -> list[Claim]:
    if ctx.unit.kind == "table_header":
        ctx.scan(ctx.text)  # headers name families and years that later rows rely on
        return []
    if ctx.unit.kind == "table_row" and ctx.unit.cells:
        claims = tables.table_row(ctx)
    else:
        claims = _prose(ctx)
    if claims:
        ctx.state.last_claims = claims
    return claims


def _prose(ctx: UnitContext) -> list[Claim]:
    found_names, dates, quantities = ctx.scan(ctx.text)
    if (not dates and not quantities) or timeframe.is_metadata(ctx, dates):
        subjects.remember_subject(ctx, found_names)
        if ctx.unit.kind == "sentence":
            ctx.state.prose_units += 1
        return []
    period_span, period_text = timeframe.period(ctx)
    # names inside "before Claude Code came out" say when, not whom
    subject_names = [n for n in found_names if not (period_span and period_span[0] <= n.start < period_span[1])]
    used_dates: set[int] = set()
    claims = _quantity_claims(ctx, found_names, subject_names, dates, quantities, period_text, used_dates)
    claims += _date_claims(ctx, found_names, subject_names, dates, used_dates)
    claims = timeframe.drop_containers(claims)
    claims.sort(key=lambda c: c.start)
    subjects.remember_subject(ctx, found_names)
    ctx.state.prose_units += 1
    return claims


def _quantity_claims(
    ctx: UnitContext,
    found_names: Sequence[Name],
    subject_names: Sequence[Name],
    dates: Sequence[DateMatch],
    quantities: Sequence[QuantityMatch],
    period_text: str | None,
    used_dates: set[int],
) -> list[Claim]:
    """Quantities come first: they claim the dates of their clause as as_of or baseline (into ``used_dates``)."""
    claims: list[Claim] = []
    for i, qm in enumerate(quantities):
        v = Located(qm.start, qm.end, qm.value)
        q = qm.value
        if timeframe.is_timeframe(ctx, q, v):
            continue  # "within six months", "in just two years": when something happened, not a claim
        if metrics.not_a_claim(ctx, q, v, quantities, i):
            continue  # "per 1M tokens", "for prompts up to 200K tokens", "the cost of a ~37B model"
        clause_start, clause_end = ctx.clause_of(v.start)
        clause = ctx.text[clause_start:clause_end]
        forecast, tense = timeframe.mood(clause)
        baseline, baseline_span = timeframe.baseline(ctx, v, clause_end, dates)
        as_of, as_of_index = timeframe.as_of(
            ctx, v, clause_start, clause_end, dates, exclude=baseline_span, names=subject_names
        )
        if as_of_index is not None:
            at, to = dates[as_of_index].start, dates[as_of_index].end
            if not (_EVENT_BEFORE.search(ctx.text, max(0, at - 30), at) or _EVENT_AFTER.match(ctx.text, to)):
                used_dates.add(as_of_index)  # "released on July 23, 2024, in three sizes": still a release date
        for j, d in enumerate(dates):
            if baseline_span and baseline_span[0] <= d.start < baseline_span[1]:
                used_dates.add(j)
        benchmark = metrics.nearest_benchmark(v, clause_start, clause_end, found_names, ctx.text)
        subject_kinds = SCORE_SUBJECT_KINDS if benchmark else SUBJECT_KINDS
        subject_name = subjects.subject(ctx, v.start, v.end, clause_start, clause_end, subject_names, subject_kinds)
        metric, scope, subject = metrics.metric(
            ctx, q, v, clause, clause_start, found_names, subject_name, quantities, i
        )
        metric = metrics.with_tier(ctx, q, metric, clause)
        if subject_name is not None and subject_name.kind == "lab" and metric in _MODEL_METRICS:
            subject = MAIN_MODEL  # "Meta's training run took 54 days": a lab has no training time; its model does
        if _enumerated(ctx, quantities, i):
            subject = None  # "in 8B, 70B and 405B sizes": one value per variant, and the text does not pair them
        if metric is not None and as_of is None:
            dated = subject_name is not None and subject_name.kind == "lab" and _GPU_COUNT.match(metric) is not None
            metric, as_of = timeframe.event_time(ctx, metric, dated=dated)
        claim = ctx.claim(
            v,
            subject,
            metric,
            as_of=as_of,
            baseline=baseline,
            compared_with=subjects.compared_with(found_names, subject) if q.kind == "multiplier" else None,
            scope=scope,
            tense=tense,
            past_event=timeframe.states_past_event(tense, ctx.text),
            forecast=forecast,
        )
        starting = metrics.starting_value(ctx, v, quantities, i)
        if starting:
            claim = replace(claim, period=starting)
        elif period_text and not as_of:
            claim = replace(claim, period=period_text)
        claim = metrics.back_reference(ctx, claim, subject_name, claims)
        if claim.metric is None and metrics.is_noise(q):
            continue
        claims.append(claim)
    return claims


# a date right after an event verb states when the event happened, even where a figure of its clause holds as of it
_EVENT_BEFORE = re.compile(
    r"\b(?:released|launched|announced|unveiled|introduced|debuted|shipped|published)\s+(?:on|in)\s+$", re.IGNORECASE
)
_EVENT_AFTER = re.compile(  # "In July 2024 Meta released Llama 3.1 in 8B, 70B and 405B sizes"
    r",?\s+(?:[\w'.-]+\s+){0,3}(?:released|launched|announced|unveiled|introduced|debuted|shipped)\b", re.IGNORECASE
)
# what only a model has: said of its lab ("Meta's training run"), it is about the model the article is about
_MODEL_METRICS = frozenset(("training time", "training tokens", "GPU hours", "context window"))
# a lab's GPU count grows from month to month (a cluster's build-out); a model's training run used a fixed number
_GPU_COUNT = re.compile(r"number of (?:\S+ )?GPUs$")


def _enumerated(ctx: UnitContext, quantities: Sequence[QuantityMatch], i: int) -> bool:
    """A value listed beside another of its kind ("8B, 70B and 405B", "72B and 405B ..., respectively")."""
    q = quantities[i].value
    if q.kind == "money":
        return False  # "$2.50/$15" is an input/output pair, told apart by the price metric
    for j in (i - 1, i + 1):
        family = {"number", "count"} if q.kind in ("number", "count") else {q.kind}
        other = quantities[j].value if 0 <= j < len(quantities) else None
        if other is not None and q.kind == "count" and other.kind == "count" and _unit_noun(q) != _unit_noun(other):
            continue  # "160 SMs or 20,480 cores": two measures of one thing, not one value per variant
        if other is not None and other.kind in family:
            a, b = sorted((quantities[i], quantities[j]), key=lambda m: m.start)
            if re.fullmatch(r"\s*(?:,|,?\s*(?:and|or))\s*", ctx.text[a.end : b.start]):
                return True
    return False


def _unit_noun(q: Quantity) -> str:
    return (q.unit or "").split()[-1].lower().rstrip("s") if q.unit else ""


def _date_claims(
    ctx: UnitContext,
    found_names: Sequence[Name],
    subject_names: Sequence[Name],
    dates: Sequence[DateMatch],
    used_dates: set[int],
) -> list[Claim]:
    """Dates no quantity used: release and publication dates, eras, and other dated events."""
    claims: list[Claim] = []
    for j, d in enumerate(dates):
        if j in used_dates:
            continue
        clause_start, clause_end = ctx.clause_of(d.start)
        clause = ctx.text[clause_start:clause_end]
        forecast, tense = timeframe.mood(clause)
        anchor = (d.start - clause_start, d.end - clause_start)
        rule = ctx.lex.match_metric(clause, "date", anchor) or ctx.lex.match_metric(ctx.text, "date", (d.start, d.end))
        metric = rule.name if rule else None
        if metric in ("release date", "publication date") and d.value.precision == "range":
            metric = None  # "between 2023 and early 2025" is a period, not the day something shipped
        if metric in ("release date", "publication date"):
            subject_name = subjects.release_subject(ctx, d.start, d.end, clause_start, clause_end, subject_names)
        else:
            subject_name = subjects.subject(ctx, d.start, d.end, clause_start, clause_end, subject_names)
        paren = subjects.paren_after_name(ctx, d, found_names)
        if metric is None and paren:
            metric, subject_name = "release date", paren
        if metric is None and d.value.relative:
            continue  # a loose "today" or "this week" that dates nothing in particular
        subject = subject_name.canonical if subject_name else None
        scope = None
        if metric is None and d.value.precision == "range":
            era = timeframe.era(ctx, d, clause_start, clause_end, subject_names)
            if era is not None:
                metric, subject, scope = "era", era[0], era[1]
        claims.append(
            ctx.claim(
                Located(d.start, d.end, d.value),
                subject,
                metric,
                tense=tense,
                past_event=timeframe.states_past_event(tense, ctx.text),
                forecast=forecast,
                scope=scope,
            )
        )
    return claims
