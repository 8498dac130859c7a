"""What every attribution step sees about the unit being read.

Owns the per-article memory (``ArticleState``: the context year, the model family and subject last talked about, how
often each lab is named), the per-unit view (``UnitContext``: the text, its clauses, its names, dates and
quantities, and how a value found in it becomes a ``Claim``), and the small vocabulary the steps share. The steps
themselves live beside it: ``names`` (names from their shape), ``subjects`` (whom), ``metrics`` (what),
``timeframe`` (when, against what, in which mood), ``tables`` (table rows), and ``extract`` runs them in order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..models import Article, Claim, DateValue, Quantity, Tense, Unit, build, replace
from ..values.dates import DateMatch, NumericOrder, find_dates
from ..values.quantities import QuantityMatch, find_quantities
from .hardware import family_mentions
from .lexicon import Lexicon, Name
from .names import entity_key, find_shaped_names, merge, renamed_mentions

SUBJECT_KINDS = frozenset({"model", "product", "lab", "reference"})
SCORE_SUBJECT_KINDS = frozenset({"model", "product", "reference"})  # a lab does not score on a benchmark
# a figure right after one of these words belongs to whatever is compared against
COMPARISON_BEFORE = re.compile(
    r"\b(?:vs\.?|versus|compared (?:to|with)|than|over|above|below|beyond|against|undercuts?|beats?|beating|"
    r"exceeds?|exceeding|"
    r"outperforms?|trails?|surpass(?:es)?|(?:up|down|leap|jump|rise|step|improvement|increase) from|"
    r"competitive with|comparable (?:to|with)|on par with|similar to|rivals?|rivall?ing|match(?:es|ing)?)"
    r"\s*(?:\S+\s*){0,2}$",
    re.IGNORECASE,
)
# Subjects the text refers to without naming them, resolved once the whole article is read (``extract``): "the
# model" / "It" with nothing named before it is the model the article is about; "the company" its lab; a value in
# a unit that names nothing at all ("Total parameters: 671 billion") is the article's model only when the article
# is plainly about one model. Never seen outside attribution.
MAIN_MODEL = "\x00the model"
MAIN_LAB = "\x00the lab"
UNNAMED = "\x00unnamed"
PLACEHOLDERS = frozenset({MAIN_MODEL, MAIN_LAB, UNNAMED})
# A model named by its version alone ("V3", "R1", "K2"): which lab's it is comes from the article
SHORT_NAME = re.compile(r"[A-Z]{1,2}\d{1,2}(?:\.\d+)?")  # not a part number ("T400"), see names.entity_key
PRONOUN_START = re.compile(r"^(?:It|Its|This|They|Their|The model|The company|The lab)\b")
# metrics whose figures count tokens even when the text leaves the unit out ("a 128K context window")
_COUNTS_TOKENS = re.compile(r"(?:context window|maximum (?:input |output )?tokens)\b")
_SCALED = re.compile(r"\d\s?[KkMmBb]$")
_CLAUSE_BREAK = re.compile(r";|\s-\s|—|\s–\s|:\s(?=[A-Z])|,\s(?:and|while|whereas|but|although)\b|\.\s")


_QUALIFIER = re.compile(r"(?<![\w'-])([A-Z][a-z]+)\s$")
_NOT_QUALIFIERS = frozenset(
    "on in at the a an of for and or by with from to its their our this that new old latest same both".split()
)


def _qualified_benchmarks(text: str, names: list[Name]) -> list[Name]:
    """ "Chinese MMLU" is another benchmark than "MMLU": a capitalised word right before a benchmark's name (not
    a sentence's first word, not a name itself) is part of it."""
    out: list[Name] = []
    for name in names:
        if name.kind == "benchmark" and name.canonical and name.start > 0:
            m = _QUALIFIER.search(text, max(0, name.start - 20), name.start)
            if m and (not out or m.start() >= out[-1].end) and m.group(1).lower() not in _NOT_QUALIFIERS:
                head = text[: m.start()].rstrip()
                if head and not head.endswith((".", ":", "|", "!", "?")):  # not a sentence's or cell's first word
                    word = m.group(1)
                    name = Name(
                        m.start(), name.end, text[m.start() : name.end], f"{word} {name.canonical}", "benchmark"
                    )
        out.append(name)
    return out


@dataclass
class ArticleState:
    """What the extractor remembers while it walks an article's units in order."""

    context_year: int | None = None
    family: str | None = None  # the last model family mentioned ("Claude"), for "Version 4.0"
    last_subject: str | None = None
    last_claims: list[Claim] = field(default_factory=list)
    labs: Counter[str] = field(default_factory=Counter)  # how often each lab is named: the article's main one
    models: Counter[str] = field(default_factory=Counter)  # how often each model or product is named (entity key)
    spellings: dict[str, str] = field(default_factory=dict)  # entity key -> the first spelling seen
    # a short model name and the labs named before it in one unit ("DeepSeek released its V3 model"): its owner
    short_owners: dict[str, set[str]] = field(default_factory=dict)
    title_models: frozenset[str] = frozenset()  # entity keys of the models the title names
    title_labs: frozenset[str] = frozenset()
    title_products: frozenset[str] = frozenset()  # entity keys of the products (an API, a platform) it names
    benchmarks: frozenset[str] = frozenset()  # names the article uses in a benchmark's place ("71% on X")
    numeric_order: NumericOrder | None = None  # the day/month order the article's unambiguous numeric dates show
    prose_units: int = 0  # prose units read so far: the first one is the article's lead
    section_subject: str | None = None  # a heading or list item that was only a model's name
    families: dict[str, str] = field(default_factory=dict)  # a family word -> the part it stands for ("Kite")
    renamings: dict[str, str] = field(default_factory=dict)  # an identifier -> the model it now names


@dataclass(frozen=True, slots=True)
class Located:
    """A value found in a unit, before it becomes a claim."""

    start: int  # offsets within the unit text
    end: int
    value: Quantity | DateValue


class UnitContext:
    """One unit of one article, with the lexicon and the article's memory."""

    def __init__(self, article: Article, unit: Unit, lexicon: Lexicon, state: ArticleState) -> None:
        self.article = article
        self.unit = unit
        self.lex = lexicon
        self.state = state
        self.text = unit.text
        self.published = article.source.published
        self.unit_names: list[Name] = []  # every name the unit's scan found, of any kind

    # -- scanning ---------------------------------------------------------------------------------------------

    def scan(self, text: str) -> tuple[list[Name], list[DateMatch], list[QuantityMatch]]:
        """Names first, so their digits are never read as values; then dates; then the remaining quantities."""
        names = self.find_names(text)
        self.unit_names = names
        spans = [(n.start, n.end) for n in names]
        dates = find_dates(
            text,
            published=self.published,
            context_year=self.state.context_year,
            exclude=spans,
            numeric_order=self.state.numeric_order,
        )
        for d in dates:
            if d.value.year_from == "explicit" and d.value.precision != "range":
                self.state.context_year = d.value.end.year
        quantities = find_quantities(text, exclude=spans + [(d.start, d.end) for d in dates])
        return names, dates, quantities

    def find_names(self, text: str) -> list[Name]:
        """The lexicon's names, then names nobody listed, recognised from their shape and place."""
        shaped = find_shaped_names(text, self.state.benchmarks)
        if self.state.renamings:  # "vireo-chat" in an article that says "vireo-chat (now Vireo-V3)"
            shaped = merge(renamed_mentions(text, self.state.renamings), shaped)
        if self.state.families:  # "Each Kite GPU ..." in an article that writes "Kite T400": the T400
            shaped = merge(shaped, family_mentions(text, self.state.families))
        return self.resolve_versions(_qualified_benchmarks(text, merge(self.lex.find_names(text), shaped)))

    def resolve_versions(self, names: list[Name]) -> list[Name]:
        """ "Version 4.0" means a version of the family the article is talking about."""
        out: list[Name] = []
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
            if name.kind in ("model", "product") and name.canonical:
                key = entity_key(name.canonical)
                self.state.models[key] += 1
                self.state.spellings.setdefault(key, name.canonical)
                if SHORT_NAME.fullmatch(name.canonical):
                    labs = {n.canonical for n in out if n.kind == "lab" and n.canonical}
                    self.state.short_owners.setdefault(key, set()).update(labs)
            out.append(name)
        return out

    # -- clauses ----------------------------------------------------------------------------------------------

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

    # -- building ---------------------------------------------------------------------------------------------

    def plausible(self, metric: str, q: Quantity) -> str | None:
        """A token-count metric read off a bare small number ("16" beside "10M context") is not that metric."""
        rule = self.lex.rule_named(metric)
        if rule is None or not rule.units or q.kind != "number" or _SCALED.search(q.text):
            return metric
        return None if q.high is not None and q.high < 1000 else metric

    def claim(
        self,
        v: Located,
        subject: str | None,
        metric: str | None,
        *,
        as_of: DateValue | None = None,
        baseline: str | None = None,
        compared_with: str | None = None,
        scope: str | None = None,
        tense: Tense = "present",
        past_event: bool = False,
        forecast: bool = False,
        row_label: str | None = None,
        column_header: str | None = None,
    ) -> Claim:
        start = self.unit.start + v.start
        line, column = self.article.position(start)
        value = v.value
        if metric is not None and isinstance(value, Quantity):
            metric = self.plausible(metric, value)
            if metric and value.unit is None and value.kind in ("count", "number") and _COUNTS_TOKENS.match(metric):
                value = replace(value, kind="count", unit="tokens")  # "a 128K context window" counts tokens
        return build(
            Claim,
            id="",
            source=self.article.source.path,
            line=line,
            column=column,
            quote=self.unit.text,
            subject=subject,
            metric=metric,
            value=value,
            as_of=as_of,
            baseline=baseline,
            compared_with=compared_with,
            scope=scope,
            tense=tense,
            past_event=past_event,
            forecast=forecast,
            row_label=row_label,
            column_header=column_header,
            start=start,
            end=self.unit.start + v.end,
        )
