"""Claim extraction: Article -> Claims.

Owns deciding what each number and date in a unit is *about*: its subject (an entity from the lexicon), its metric
(a benchmark, or a lexicon metric rule, or a plain description), the date it holds at (``as_of``), what it is
measured against (``baseline``), and whether it is a forecast. The value grammars (``quantities``, ``dates``) say
what the number means; this module never parses numbers itself.

Attribution is conservative on purpose: a value whose subject cannot be told from its clause gets ``subject=None``
and is never aligned with anything. A missed alignment costs less trust than a false contradiction.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..models import Article, Claim, DateValue, Quantity, Unit, build, replace
from ..values.dates import DateMatch, find_dates, format_date
from ..values.quantities import QuantityMatch, find_quantities
from .lexicon import Lexicon, MetricRule, Name, default_lexicon

_SUBJECT_KINDS = frozenset({"model", "product", "lab", "reference"})
_SCORE_SUBJECT_KINDS = frozenset({"model", "product", "reference"})  # a lab does not score on a benchmark
_VAGUE_NOUNS = frozenset(
    {
        "things",
        "ways",
        "steps",
        "parts",
        "kinds",
        "types",
        "reasons",
        "routes",
        "pathways",
        "mechanisms",
        "options",
        "questions",
        "points",
        "aspects",
        "areas",
        "camps",
        "sides",
        "times",
        "cases",
        "examples",
        "ideas",
        "stages",
        "phases",
        "years",
        "months",
        "days",
    }
)
_CLAUSE_BREAK = re.compile(r";|\s-\s|—|\s–\s|:\s(?=[A-Z])|,\s(?:and|while|whereas|but|although)\b|\.\s")
_FORECAST = re.compile(
    r"\b(?:will|projections?|projected|forecasts?|predict(?:s|ed|ions?)?|expected to|"
    r"will likely|most likely|anticipate[sd]?|plans? to|aims? to|is set to|are set to|going to|"
    r"may (?:compress|reach|become|soon))\b",
    re.IGNORECASE,
)
_FORECAST_SECTION = re.compile(
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
_COMPARISON_BEFORE = re.compile(
    r"\b(?:vs\.?|versus|compared (?:to|with)|than|over|above|below|beyond|against|undercuts?|beats?|beating|"
    r"exceeds?|exceeding|"
    r"outperforms?|trails?|surpass(?:es)?)\s*(?:\S+\s*){0,2}$",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\b(?P<when>[Bb]efore|[Aa]fter|[Uu]ntil|[Pp]rior to) (?:the (?:release|launch|introduction|debut|arrival) of )?"
    r"(?P<what>[A-Z][\w.-]*(?: [A-Z0-9][\w.-]*){0,3}?)"
    r"(?:'s (?:release|launch|debut|arrival)| (?:came out|was released|launched|arrived|shipped|debuted)|(?=[,.;]))",
)
_BACK_REFERENCE = re.compile(
    r"\b(?:(?:this|that|the) (?:figure|number|share|rate|percentage|proportion)|of it|of that)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those", "which", "its"})
_FILLER = frozenset(
    {
        "after",
        "before",
        "when",
        "during",
        "since",
        "until",
        "compared",
        "versus",
        "by",
        "of",
        "on",
        "in",
        "at",
        "to",
        "for",
        "with",
        "from",
        "and",
        "or",
        "the",
        "a",
        "an",
        "vs",
        "than",
        "as",
        "is",
        "was",
        "over",
        "under",
        "while",
        "which",
        "that",
        "this",
    }
)
_METADATA_UNIT = re.compile(
    r"^\s*(?:\d+\s*min(?:ute)?s?\s+read|\d+\s+(?:comments?|views?|likes?|shares?)\b.*|"
    r"(?:by|updated|published|posted|last updated)\b[^.!?]{0,80})\s*$",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(r"^(?:It|Its|This|They|Their|The model|The company|The lab)\b")


@dataclass
class _State:
    """What the extractor remembers while it walks an article's units in order."""

    context_year: int | None = None
    family: str | None = None  # the last model family mentioned ("Claude"), for "Version 4.0"
    last_subject: str | None = None
    last_claims: list[Claim] = field(default_factory=list)
    labs: Counter[str] = field(default_factory=Counter)  # how often each lab is named: the article's main one


@dataclass(frozen=True, slots=True)
class _Value:
    """A value found in a unit, before it becomes a claim."""

    start: int  # offsets within the unit text
    end: int
    value: Quantity | DateValue


def extract_claims(articles: Iterable[Article], lexicon: Lexicon | None = None) -> list[Claim]:
    lex = lexicon or default_lexicon()
    claims: list[Claim] = []
    for article in articles:
        claims.extend(extract_article(article, lex))
    return claims


def extract_article(article: Article, lexicon: Lexicon | None = None) -> list[Claim]:
    lex = lexicon or default_lexicon()
    state = _State()
    drafts: list[Claim] = []
    for unit in article.units:
        drafts.extend(_UnitExtractor(article, unit, lex, state).run())
    if state.labs and any(c.metric == "era" and c.subject is None for c in drafts):
        # an era with no organisation in its clause is about the organisation the article is about
        main_lab = state.labs.most_common(1)[0][0]
        drafts = [replace(c, subject=main_lab) if c.metric == "era" and c.subject is None else c for c in drafts]
    return _with_ids(article, drafts)


# ------------------------------------------------------------------------------------------------------- ids


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
        out.append(replace(claim, id=digest))
    return out


# ----------------------------------------------------------------------------------------------- per unit


class _UnitExtractor:
    def __init__(self, article: Article, unit: Unit, lexicon: Lexicon, state: _State) -> None:
        self.article = article
        self.unit = unit
        self.lex = lexicon
        self.state = state
        self.text = unit.text
        self.published = article.source.published

    # -- scanning ---------------------------------------------------------------------------------------------

    def scan(self, text: str) -> tuple[list[Name], list[DateMatch], list[QuantityMatch]]:
        names = self.resolve_versions(self.lex.find_names(text))
        spans = [(n.start, n.end) for n in names]
        dates = find_dates(text, published=self.published, context_year=self.state.context_year, exclude=spans)
        for d in dates:
            if d.value.year_from == "explicit" and d.value.precision != "range":
                self.state.context_year = d.value.end.year
        quantities = find_quantities(text, exclude=spans + [(d.start, d.end) for d in dates])
        return names, dates, quantities

    def resolve_versions(self, names: list[Name]) -> list[Name]:
        """ "Version 4.0" means a version of the family the article is talking about."""
        out = []
        for name in names:
            if name.kind == "lab" and name.canonical:
                self.state.labs[name.canonical] += 1
            family = self.lex.family_of(name)
            if family:
                self.state.family = family
            if name.kind == "version" and self.state.family and name.version:
                canonical = self.lex.model_name(self.state.family, name.version)
                name = Name(
                    name.start,
                    name.end,
                    name.text,
                    canonical,
                    "model",
                    owner=self.lex.owner_of(canonical),
                    family=self.state.family,
                    version=name.version,
                )
            out.append(name)
        return out

    def run(self) -> list[Claim]:
        if self.unit.kind == "table_header":
            self.scan(self.text)  # headers name families and years that later rows rely on
            return []
        if self.unit.kind == "table_row" and self.unit.cells:
            claims = self.table_row()
        else:
            claims = self.prose()
        if claims:
            self.state.last_claims = claims
        return claims

    # -- prose ------------------------------------------------------------------------------------------------

    def prose(self) -> list[Claim]:
        names, dates, quantities = self.scan(self.text)
        if (not dates and not quantities) or self.is_metadata(dates):
            self.remember_subject(names)
            return []
        period = _PERIOD.search(self.text)
        period_span = period.span() if period else None
        period_text = f"{period.group('when').lower()} {period.group('what')}" if period else None
        # names inside "before Claude Code came out" say when, not whom
        subject_names = [n for n in names if not (period_span and period_span[0] <= n.start < period_span[1])]
        claims: list[Claim] = []
        used_dates: set[int] = set()

        # quantities first: they claim the dates of their clause as as_of / baseline
        for i, qm in enumerate(quantities):
            v = _Value(qm.start, qm.end, qm.value)
            q = qm.value
            if self.is_timeframe(q, v):
                continue  # "within six months", "in just two years": when something happened, not a claim
            clause_start, clause_end = self.clause_of(v.start)
            clause = self.text[clause_start:clause_end]
            forecast, tense = self.mood(clause)
            baseline, baseline_span = self.baseline(v, clause_end, dates)
            as_of, as_of_index = self.as_of(
                v, clause_start, clause_end, dates, exclude=baseline_span, names=subject_names
            )
            if as_of_index is not None:
                used_dates.add(as_of_index)
            for j, d in enumerate(dates):
                if baseline_span and baseline_span[0] <= d.start < baseline_span[1]:
                    used_dates.add(j)
            benchmark = self.nearest_benchmark(v, clause_start, clause_end, names)
            subject_kinds = _SCORE_SUBJECT_KINDS if benchmark else _SUBJECT_KINDS
            subject_name = self.subject(v.start, v.end, clause_start, clause_end, subject_names, subject_kinds)
            metric, scope, subject = self.metric(q, v, clause, clause_start, names, subject_name, quantities, i)
            claim = self.claim(
                v,
                subject,
                metric,
                as_of=as_of,
                baseline=baseline,
                scope=scope,
                tense=tense,
                forecast=forecast,
            )
            starting = self.starting_value(v, quantities, i)
            if starting:
                claim = replace(claim, period=starting)
            elif period_text and not as_of:
                claim = replace(claim, period=period_text)
            claim = self.back_reference(claim, subject_name, claims)
            if claim.metric is None and self.is_noise(q):
                continue
            claims.append(claim)

        for j, d in enumerate(dates):
            if j in used_dates:
                continue
            clause_start, clause_end = self.clause_of(d.start)
            clause = self.text[clause_start:clause_end]
            forecast, tense = self.mood(clause)
            anchor = (d.start - clause_start, d.end - clause_start)
            rule = self.lex.match_metric(clause, "date", anchor) or self.lex.match_metric(
                self.text, "date", (d.start, d.end)
            )
            metric = rule.name if rule else None
            if metric in ("release date", "publication date") and d.value.precision == "range":
                metric = None  # "between 2023 and early 2025" is a period, not the day something shipped
            if metric in ("release date", "publication date"):
                subject_name = self.release_subject(d.start, d.end, clause_start, clause_end, subject_names)
            else:
                subject_name = self.subject(d.start, d.end, clause_start, clause_end, subject_names)
            paren = self.paren_after_name(d, names)
            if metric is None and paren:
                metric, subject_name = "release date", paren
            if metric is None and d.value.relative:
                continue  # a loose "today" or "this week" that dates nothing in particular
            subject = subject_name.canonical if subject_name else None
            scope = None
            if metric is None and d.value.precision == "range":
                era = self.era(d, clause_start, clause_end, subject_names)
                if era is not None:
                    metric, subject, scope = "era", era[0], era[1]
            claims.append(
                self.claim(
                    _Value(d.start, d.end, d.value),
                    subject,
                    metric,
                    tense=tense,
                    forecast=forecast,
                    scope=scope,
                )
            )
        claims = _drop_containers(claims)
        claims.sort(key=lambda c: c.start)
        self.remember_subject(names)
        return claims

    def era(self, d: DateMatch, cs: int, ce: int, names: Sequence[Name]) -> tuple[str | None, str] | None:
        """ "From 2021 to 2023, humans wrote the code": a period that opens its clause, and what it says happened.

        Returns (organisation, description). The organisation is the lab or product named in the clause (a
        model stands for its owner); None when the clause names none, and the article's main lab is filled in
        once the whole article has been read.
        """
        lead = self.text[cs : d.start].strip().lower()
        if lead not in ("", "from", "between", "during", "in", "over", "throughout", "for", "and"):
            return None
        rest = self.text[d.end : ce]
        words = re.findall(r"[A-Za-z][\w'.-]*", rest)
        if len(words) < 3:
            return None
        description = " ".join(words[:12]).rstrip(".,;:") + ("…" if len(words) > 12 else "")
        owner = None
        for name in names:
            if cs <= name.start < ce and name.canonical and name.kind in ("lab", "product", "model"):
                owner = name.canonical if name.kind == "lab" else (self.lex.owner_of(name.canonical) or name.canonical)
                break
        return owner, description

    def starting_value(self, v: _Value, quantities: Sequence[QuantityMatch], index: int) -> str | None:
        """ "lifts scores from 68.4% to 87.3%": the first figure is where it started, not what holds now."""
        if index + 1 >= len(quantities):
            return None
        head = self.text[max(0, v.start - 40) : v.start]
        between = self.text[v.end : quantities[index + 1].start]
        if re.search(r"\bfrom\s+(?:\w+\s+){0,3}$", head, re.IGNORECASE) and re.fullmatch(
            r"\s+(?:[\w-]+\s+){0,3}to\s+(?:\w+\s+)?", between, re.IGNORECASE
        ):
            return f"starting value (from {self.text[v.start : quantities[index + 1].end]})"
        return None

    def is_noise(self, q: Quantity) -> bool:
        """Numbers with no metric that a reader could never check against anything."""
        if q.kind == "number":
            return True  # "The two flagships", a bare "3"
        if q.kind == "count" and q.unit and q.unit.split()[-1].lower() in _VAGUE_NOUNS:
            return True
        return False

    def is_timeframe(self, q: Quantity, v: _Value) -> bool:
        """ "within six months", "over the past two years", "in only fifteen months": when, not how long."""
        if q.kind != "duration" or q.rate:
            return False
        if q.hedge and q.hedge.lower() == "within":
            return True
        if re.search(
            r"\b(?:finish|finished|finishes|complete|completed|completes|done|solve|solved|take|takes|taking|took|"
            r"last|lasts|lasting|run|runs)\s+(?:it\s+|them\s+)?in\s+$",
            self.text[max(0, v.start - 30) : v.start],
            re.IGNORECASE,
        ):
            return False  # "tasks a human would finish in four minutes": how long the task is
        return bool(
            re.search(
                r"\b(?:within|in|over|during|after|than)\s+(?:the\s+)?(?:(?:past|last|next|just|only|roughly|"
                r"about|a mere|barely)\s+)?$",
                self.text[max(0, v.start - 25) : v.start],
                re.IGNORECASE,
            )
        )

    def is_metadata(self, dates: Sequence[DateMatch]) -> bool:
        """Bylines, datelines and "15 min read": page furniture, not claims."""
        if _METADATA_UNIT.match(self.text):
            return True
        if dates and self.unit.kind in ("sentence", "heading"):
            covered = sum(d.end - d.start for d in dates)
            rest = re.sub(r"[\W\d_]+", "", self.text)
            dated = re.sub(r"[\W\d_]+", "", "".join(d.value.text for d in dates))
            if covered and len(rest) - len(dated) <= 8 and len(self.text) < 80:
                return True  # "March 5, 2026(Updated: March 5, 2026)"
        return False

    def paren_after_name(self, d: DateMatch, names: Sequence[Name]) -> Name | None:
        """ "Version 4.0 (2024)", "GPT-3 (2020)": a year in brackets right after a model name is its release."""
        before = self.text[: d.start]
        m = re.search(r"\(\s*$", before)
        if not m:
            return None
        for name in names:
            if name.kind in ("model", "product") and name.canonical and 0 <= m.start() - name.end <= 1:
                return name
        return None

    def mood(self, clause: str) -> tuple[bool, str]:
        """(forecast, tense) of a clause: forecasts are not statements of fact about their dates."""
        forecast = self.is_forecast(clause)
        return forecast, "future" if forecast else ("past" if _PAST.search(clause) else "present")

    def is_forecast(self, text: str) -> bool:
        return bool(_FORECAST.search(text))

    def in_forecast_section(self) -> bool:
        return bool(self.unit.section and _FORECAST_SECTION.search(self.unit.section))

    def clause_of(self, offset: int) -> tuple[int, int]:
        """The clause around ``offset``: split at ; and dashes, ", but", ", while" and the like.

        Two em dashes in one sentence enclose an aside ("CORE-Bench—a test for reproducing papers—shows ..."),
        which belongs to the clause around it rather than cutting it in three.
        """
        start, end = 0, len(self.text)
        for b_start, b_end, aside in self.clause_breaks:
            if aside is not None and not (aside[0] < offset < aside[1]):
                continue  # an aside's dash does not split the clause around it, only the aside itself
            if b_end <= offset:
                start = b_end
            elif b_start >= offset:
                end = b_start
                break
        return start, end

    @cached_property
    def clause_breaks(self) -> list[tuple[int, int, tuple[int, int] | None]]:
        """Clause breaks of the unit, computed once: (start, end, the aside a paired em dash encloses)."""
        dashes = [i for i, ch in enumerate(self.text) if ch == "\u2014"]
        pairs = {d: (dashes[i - i % 2], dashes[i - i % 2 + 1]) for i, d in enumerate(dashes[: len(dashes) // 2 * 2])}
        breaks = []
        for m in _CLAUSE_BREAK.finditer(self.text):
            dash = m.start() + m.group(0).find("\u2014")
            aside = pairs.get(dash) if m.group(0).strip() == "\u2014" else None
            breaks.append((m.start(), m.end(), aside))
        return breaks

    def remember_subject(self, names: Sequence[Name]) -> None:
        """Remember what the unit was about, for a following "It ..." sentence: a model or product first."""
        if _PRONOUN_START.match(self.text) and not any(n.kind in ("model", "product") for n in names):
            return  # "It is OpenAI's first model ...": still about the previous sentence's model
        for kinds in (("model", "product"), ("lab",)):
            for name in names:
                if name.kind in kinds and name.canonical:
                    self.state.last_subject = name.canonical
                    return

    # -- attribution ------------------------------------------------------------------------------------------

    def subject(
        self,
        start: int,
        end: int,
        cs: int,
        ce: int,
        names: Sequence[Name],
        kinds: frozenset[str] | set[str] = _SUBJECT_KINDS,
    ) -> Name | None:
        """The entity a value in the clause [cs, ce) is about, or None when the text does not make it clear."""
        names = [n for n in names if n.kind in kinds]
        candidates = [n for n in names if n.canonical and cs <= n.start < ce]
        before = [n for n in candidates if n.end <= start]
        after = [n for n in candidates if n.start >= end]
        if before:
            nearest = before[-1]
            between = self.text[nearest.end : start]
            if re.match(r"^'s?\s", between):
                return nearest  # "GPT-5.2's 68.4%"
        if after and re.fullmatch(
            r"\s+(?:[a-z]+ed\s+)?(?:for|from|by|of)\s+(?:the\s+)?", self.text[end : after[0].start]
        ):
            return after[0]  # "68.4% for GPT-5.2", "written 100% by Claude Code"
        if _COMPARISON_BEFORE.search(self.text[max(cs, start - 30) : start]):
            # "... vs 57.7%": the figure belongs to whatever is compared against, which the clause does not name
            if not (before and re.match(r"^'s?\s", self.text[before[-1].end : start])):
                return None
        if not before and _PRONOUN_START.match(self.text) and self.state.last_subject:
            # "It scores 75.0% on ...": the sentence continues the previous one's subject
            kind = self.lex.kind_of(self.state.last_subject) or "model"
            if kind in kinds:
                return Name(0, 0, self.state.last_subject, self.state.last_subject, kind)
        if before:
            # the nearest entity before the value, unless it is itself the target of a comparison
            nearest = before[-1]
            if not _COMPARISON_BEFORE.search(self.text[max(cs, nearest.start - 30) : nearest.start]):
                return nearest
        if after:
            first = after[0]
            if not _COMPARISON_BEFORE.search(self.text[max(cs, first.start - 30) : first.start]):
                return first
        if not candidates:
            unit_names = [n for n in names if n.canonical]
            whole_sentence = (cs, ce) == (0, len(self.text))
            if whole_sentence and len({n.canonical for n in unit_names}) == 1:
                return unit_names[0]  # one entity in a one-clause sentence: "... , says Anthropic"
            if not unit_names and _PRONOUN_START.match(self.text) and self.state.last_subject:
                canonical = self.state.last_subject
                kind = self.lex.kind_of(canonical) or "model"
                if kind in kinds:
                    return Name(0, 0, canonical, canonical, kind)
        return None

    def release_subject(self, start: int, end: int, cs: int, ce: int, names: Sequence[Name]) -> Name | None:
        """For release dates only models and products count.

        A model in the date's own clause wins (the nearest one before the date, else the first after it:
        "then on April 15 came Opus 4.7"); in a list whose later items drop the verb ("Opus 4.1 followed in
        August and Sonnet 4.5 in September") the nearest model before the date in the sentence.
        """
        models = [n for n in names if n.kind in ("model", "product") and n.canonical]
        in_clause = [n for n in models if cs <= n.start < ce]
        before = [n for n in in_clause if n.end <= start]
        if before:
            return before[-1]
        after = [n for n in in_clause if n.start >= end]
        if after:
            return after[0]
        earlier = [n for n in models if n.end <= start]
        return earlier[-1] if earlier else None

    def metric(
        self,
        q: Quantity,
        v: _Value,
        clause: str,
        clause_start: int,
        names: Sequence[Name],
        subject: Name | None,
        quantities: Sequence[QuantityMatch],
        index: int,
    ) -> tuple[str | None, str | None, str | None]:
        """(metric, scope, subject) for a quantity in prose."""
        subject_canonical = subject.canonical if subject else None
        # prices per token: "$2.50/$15 per million tokens" is input/output
        if q.kind == "money" and q.unit and "tokens" in q.unit:
            return self.price_metric(q, v, quantities, index), None, subject_canonical
        benchmark = self.nearest_benchmark(v, clause_start, clause_start + len(clause), names)
        anchor = (v.start - clause_start, v.end - clause_start)
        rule = self.lex.match_metric(clause, q.kind, anchor)
        adjacent = benchmark is not None and self.benchmark_distance(v, names) <= 25
        if benchmark and (adjacent or rule is None):
            if q.kind in ("percent", "score", "number") and not q.change:
                return benchmark, None, subject_canonical
            if q.kind == "percentage_points" or q.change:
                return f"{benchmark} difference", None, subject_canonical
        if rule is None and q.kind in ("percent", "percentage_points", "multiplier", "duration", "count"):
            # "X closed about 23% of the gap, while Y closed 97%": the sentence names the metric once
            rule = self.lex.match_metric(self.text, q.kind, (v.start, v.end))
        if rule is not None:
            scope = self.lex.scope_of(rule, clause)
            name = f"{rule.name} ({scope})" if rule.distinct_scopes and scope else rule.name
            return (
                name,
                None if rule.distinct_scopes else scope,
                self.rule_subject(rule, subject, names, clause),
            )
        return self.describe(q, v, clause, clause_start), None, subject_canonical

    def rule_subject(self, rule: MetricRule, subject: Name | None, names: Sequence[Name], clause: str) -> str | None:
        if rule.subject == "pair":
            models = [
                n.canonical
                for n in names
                if n.kind in ("model", "product") and n.canonical and n.start >= self.text.find(clause)
            ]
            return f"{models[0]} to {models[1]}" if len(models) >= 2 else None
        if rule.subject != "owner":
            return subject.canonical if subject else None
        # "Claude Code is 100% written by Claude Code": a product's own codebase stays the product's
        products = [n for n in names if n.kind == "product" and n.canonical]
        if subject is not None and subject.kind == "product":
            return subject.canonical
        if products and any(clause.find(n.text) >= 0 for n in products) and subject is None:
            return products[0].canonical
        if subject is not None:
            return self.lex.owner_of(subject.canonical) or subject.canonical
        labs = [n for n in names if n.kind == "lab"]
        if labs:
            return labs[0].canonical
        owners = {self.lex.owner_of(n.canonical) for n in names if n.canonical and n.kind in ("model", "product")}
        owners.discard(None)
        return owners.pop() if len(owners) == 1 else None

    def benchmark_distance(self, v: _Value, names: Sequence[Name]) -> int:
        gaps = [min(abs(n.start - v.end), abs(v.start - n.end)) for n in names if n.kind == "benchmark"]
        return min(gaps) if gaps else 10**9

    def nearest_benchmark(self, v: _Value, cs: int, ce: int, names: Sequence[Name]) -> str | None:
        benches = [n for n in names if n.kind == "benchmark" and cs <= n.start < ce]
        if not benches:
            return None
        return min(benches, key=lambda n: min(abs(n.start - v.end), abs(v.start - n.end))).canonical

    def price_metric(self, q: Quantity, v: _Value, quantities: Sequence[QuantityMatch], index: int) -> str:
        per = q.unit.split("/", 1)[1] if q.unit and "/" in q.unit else "1M tokens"
        window = self.text[max(0, v.start - 25) : v.end + 25].lower()
        prev_q = quantities[index - 1] if index > 0 else None
        next_q = quantities[index + 1] if index + 1 < len(quantities) else None
        if (
            next_q
            and next_q.value.kind == "money"
            and self.text[v.end : next_q.start].strip() == "/"
            or (next_q and next_q.value.kind == "money" and self.text[v.start : next_q.start].rstrip().endswith("/"))
        ):
            return f"input price per {per}"
        if prev_q and prev_q.value.kind == "money" and self.text[prev_q.end : v.start].strip() == "/":
            return f"output price per {per}"
        # the label nearest the amount wins: "Input tokens cost $3.00 per million, output $12.00"
        offset = max(0, v.start - 25)
        value_start, value_end = v.start - offset, v.end - offset
        labels = [
            (max(0, m.start() - value_end, value_start - m.end()), -len(m.group(1)), m.group(1))
            for m in re.finditer(r"\b(cached input|output|input)\b", window)
            # a label right in front of the next amount introduces that amount ("..., output $12.00")
            if not (
                m.start() >= value_end and re.match(r"[\s:,-]*(?:tokens?\s*)?(?:costs?\s*)?[$€£]", window[m.end() :])
            )
        ]
        if labels:
            return f"{min(labels)[2]} price per {per}"
        return f"price per {per}"

    def describe(self, q: Quantity, v: _Value, clause: str, clause_start: int) -> str | None:
        """A plain description of what an unmatched quantity measures, from the words around it."""
        if q.kind == "count" and q.unit:
            if q.unit.split()[-1].lower() in _VAGUE_NOUNS:
                return None
            return f"number of {q.unit}"
        after = self.text[v.end : clause_start + len(clause)]
        m = re.match(r"\s+(?:of|on|in)\s+(?:the\s+|its\s+|their\s+)?(?P<np>[a-z][\w-]*(?:\s[a-z][\w-]*){0,3})", after)
        if m and q.kind in ("percent", "fraction") and m.group("np").split()[0] not in _PRONOUNS:
            return "share of " + m.group("np")
        m = re.match(r"\s+(?P<np>(?:more |less |fewer )?[a-z][\w-]*(?:\s[a-z][\w-]*){0,2})", after)
        if m and q.kind in ("percent", "multiplier") and m.group("np").split()[0] not in _FILLER:
            return m.group("np")
        return None

    def baseline(self, v: _Value, ce: int, dates: Sequence[DateMatch]) -> tuple[str | None, tuple[int, int] | None]:
        q = v.value
        assert isinstance(q, Quantity)
        if not (q.kind in ("multiplier", "score", "percentage_points") or q.change):
            return None, None
        m = _BASELINE.search(self.text, v.end, ce)
        if not m or m.start() - v.end > 60:
            # "Measured against the 2021-2025 average, engineers now ship eight times as much code"
            m = _LEADING_BASELINE.search(self.text[: v.start])
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

    def as_of(
        self,
        v: _Value,
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
        entities = [n for n in names if n.kind in _SUBJECT_KINDS and n.canonical]
        for j, d in enumerate(dates):
            if not (cs <= d.start < ce):
                continue
            if exclude and exclude[0] <= d.start < exclude[1]:
                continue
            if d.start >= v.end and any(
                v.end <= n.start and n.end <= d.start and re.search(r"[,;]", self.text[v.end : n.start])
                for n in entities
            ):
                continue  # the date belongs to a later item of a list ("..., Opus 4.6 ... as of March 13")
            marker_rank = 0 if d.value.marker in ("as_of", "by", "in") else 1
            distance = min(abs(d.start - v.end), abs(v.start - d.end))
            key = (marker_rank, distance)
            if best is None or key < best:
                best, chosen = key, j
        if best is None:
            # the table row label or header may date a whole row ("Major features shipped (Feb-Mar 2026)")
            return None, None
        return dates[chosen].value, chosen

    def back_reference(self, claim: Claim, subject_name: Name | None, earlier: Sequence[Claim] = ()) -> Claim:
        """ "Before Claude Code came out, that share sat in the single digits": carry the earlier metric over.

        "This figure" refers to the nearest figure before it: earlier in the same sentence ("In May 2025 X
        achieved a 3x speedup; by April 2026 Y had pushed this figure to 52x"), else in the previous unit.
        """
        if claim.metric is not None or not _BACK_REFERENCE.search(self.text):
            return claim
        same_kind = [
            c
            for c in earlier
            if c.metric
            and isinstance(c.value, Quantity)
            and isinstance(claim.value, Quantity)
            and c.value.kind == claim.value.kind
        ]
        previous = same_kind or [c for c in self.state.last_claims if c.metric and isinstance(c.value, Quantity)]
        if not previous:
            return claim
        ref = previous[-1]
        value = claim.value
        if (
            isinstance(value, Quantity)
            and isinstance(ref.value, Quantity)
            and value.kind == "number"
            and ref.value.kind == "percent"
        ):
            value = replace(value, kind="percent", unit="%")
        subject = subject_name.canonical if subject_name else ref.subject
        if subject_name is not None and subject != ref.subject and self.lex.owner_of(subject) == ref.subject:
            subject = ref.subject
        return replace(claim, metric=ref.metric, subject=subject, scope=ref.scope, value=value)

    # -- tables -----------------------------------------------------------------------------------------------

    def table_row(self) -> list[Claim]:
        unit = self.unit
        label = next((c.row_label for c in unit.cells if c.row_label), None) or ""
        label_names = self.resolve_versions(self.lex.find_names(label))
        label_dates = find_dates(
            label,
            published=self.published,
            context_year=self.state.context_year,
            exclude=[(n.start, n.end) for n in label_names],
        )
        label_entity = next(
            (
                n
                for n in label_names
                if n.kind in _SUBJECT_KINDS and n.canonical and not _COMPARISON_BEFORE.search(label[: n.start])
            ),
            None,
        )
        label_bench = next((n.canonical for n in label_names if n.kind == "benchmark"), None)
        section_forecast = self.in_forecast_section()
        claims: list[Claim] = []
        for cell in unit.cells:
            offset = cell.start - unit.start
            names, dates, quantities = self.scan(cell.text)
            header = cell.header or ""
            header_names = self.resolve_versions(self.lex.find_names(header)) if header else []
            header_entity = next((n for n in header_names if n.kind in _SUBJECT_KINDS and n.canonical), None)
            header_dates = find_dates(header, published=self.published, context_year=self.state.context_year)
            cell_forecast = (
                section_forecast
                or bool(_FORECAST.search(header) or _FORECAST_SECTION.search(header))
                or bool(header_dates and self.published and header_dates[0].value.start > self.published)
            )
            as_of = label_dates[0].value if label_dates else header_dates[0].value if header_dates else None
            for d in dates:
                if d.value.marker == "as_of" or d.start > 0:
                    as_of = d.value  # "100% (as of March 7, 2026)"
            for qm in quantities:
                q = qm.value
                if q.kind == "multiplier" and q.low == q.high == 1 and re.search(r"baseline", cell.text, re.I):
                    continue  # "Baseline (1x)" is the reference point of the row, not a claim
                if cell.ambiguous:
                    subject, metric = None, label_bench or (label.strip() or None)
                elif header_entity is not None:
                    subject = header_entity.canonical
                    metric = label_bench or label.strip() or None
                elif label_entity is not None:
                    subject = label_entity.canonical
                    metric = None
                else:
                    subject, metric = None, None
                rule = None
                scope = None
                context = f"{label} {header} {cell.text}"
                if q.kind == "money" and q.unit and "tokens" in q.unit:
                    per = q.unit.split("/", 1)[1]
                    metric = f"{header.lower()} price per {per}" if header else f"price per {per}"
                elif header and header.lower() in ("delta", "change", "difference", "diff", "gain"):
                    metric = f"{label_bench or label.strip()} difference"
                    others = [h for h in unit.table_headers[1:] if h and h.lower() != header.lower()]
                    subject = " vs ".join(others) if len(others) == 2 else None
                elif metric is None or (not label_bench and header_entity is None):
                    rule = self.lex.match_metric(context, q.kind)
                    if rule is not None:
                        metric = rule.name
                        scope = self.lex.scope_of(rule, context)
                        if rule.subject == "owner":
                            all_names = label_names + header_names + names
                            subject = self.rule_subject(rule, label_entity or header_entity, all_names, context)
                    elif metric is None:
                        metric = label.strip() or None
                if cell.text.strip() != qm.value.text and q.change and header.lower() not in ("delta",):
                    # "Claude (+23.1%)" in a Winner column: a lead, measured between the row's other cells
                    if label_bench:
                        metric = f"{label_bench} difference"
                        subject = None
                value = _Value(offset + qm.start, offset + qm.end, q)
                claims.append(
                    self.claim(
                        value,
                        subject,
                        metric,
                        as_of=as_of,
                        scope=scope,
                        tense="future" if cell_forecast else "present",
                        forecast=cell_forecast,
                        row_label=label.strip() or None,
                        column_header=header or None,
                    )
                )
            for d in dates:
                if d.value.marker == "as_of" and quantities:
                    continue
                subject = label_entity.canonical if label_entity else None
                value = _Value(offset + d.start, offset + d.end, d.value)
                claims.append(
                    self.claim(
                        value,
                        subject,
                        None,
                        forecast=cell_forecast,
                        row_label=label.strip() or None,
                        column_header=header or None,
                    )
                )
        # dates in the row label itself are claims too when nothing else in the row used them
        if not any(c.as_of for c in claims):
            for d in label_dates:
                label_offset = self.text.find(label)
                if label_offset < 0:
                    continue
                value = _Value(label_offset + d.start, label_offset + d.end, d.value)
                claims.append(
                    self.claim(
                        value,
                        None,
                        None,
                        forecast=section_forecast or self.is_forecast(self.text),
                        row_label=label.strip() or None,
                    )
                )
        claims.sort(key=lambda c: c.start)
        return claims

    # -- building ---------------------------------------------------------------------------------------------

    def claim(
        self,
        v: _Value,
        subject: str | None,
        metric: str | None,
        *,
        as_of: DateValue | None = None,
        baseline: str | None = None,
        scope: str | None = None,
        tense: str = "present",
        forecast: bool = False,
        row_label: str | None = None,
        column_header: str | None = None,
    ) -> Claim:
        start = self.unit.start + v.start
        line, column = self.article.position(start)
        return build(
            Claim,
            id="",
            source=self.article.source.path,
            line=line,
            column=column,
            quote=self.unit.text,
            subject=subject,
            metric=metric,
            value=v.value,
            as_of=as_of,
            baseline=baseline,
            scope=scope,
            tense=tense,
            forecast=forecast,
            row_label=row_label,
            column_header=column_header,
            start=start,
            end=self.unit.start + v.end,
        )


def _drop_containers(claims: list[Claim]) -> list[Claim]:
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
