"""Generate a synthetic AI-news corpus with planted facts and its ground truth, for claimcheck's benchmarks.

    python benchmarks/make_corpus.py --seed 7 --articles 1000 --out /tmp/corpus
    python benchmarks/make_corpus.py --seed 7 --articles 20 --out /tmp/c20 --verify   # templates vs extractor

Writes ``OUT/articles/NNNNN-slug.md`` (Markdown, YAML front matter: title, outlet, published), and beside it:

* ``lexicon.yaml``: the invented world in claimcheck's lexicon format (families with owners and tiers, labs,
  benchmarks), to pass as ``--lexicon``;
* ``truth.json``: for every planted topic ("<Model> / release date", "<Model> / <Benchmark>",
  "<Model> / input price per 1M tokens", ...) its kind (``agree``, ``conflict``, ``series``), the values
  planted, how many mentions the corpus holds and whether it is expected to show a conflict; the planted
  arithmetic slips (a table's Delta cell wrong by more than a point) and the Delta rows that are right;
* ``mentions.jsonl``: every planted value (file, line, subject, metric, value, wording template), so a run can
  measure how many planted values the extractor recognises.

The world (labs, models, benchmarks, true values, which topics conflict) depends only on ``--seed``; article
``i`` depends only on the seed and ``i``, so a 1,000-article corpus is the first 1,000 articles of a
10,000-article one. Output is byte-for-byte deterministic. Standard library only.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import math
import re
import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_text as T  # noqa: E402

SCHEMA = "claimcheck.bench-truth/1"
P_WRONG = 0.3  # chance that an article repeats the wrong value of a conflict topic
P_SLIP = 0.4  # chance that a table with a Delta column has one wrong Delta cell
WORLD_END = dt.date(2025, 10, 31)  # no release or as-of date after this
PUBLISHED_FROM, PUBLISHED_TO = dt.date(2025, 11, 3), dt.date(2026, 5, 29)  # roundups, analyses, timelines
PRICES = (
    0.10,
    0.15,
    0.25,
    0.30,
    0.40,
    0.50,
    0.60,
    0.75,
    0.80,
    1.00,
    1.10,
    1.25,
    1.50,
    2.00,
    2.50,
    3.00,
    4.00,
    5.00,
    6.00,
    8.00,
    10.00,
    12.00,
    15.00,
)

# lab, aliases, family, lexicon spec, models in release order (canonical, alternative spellings)
WORLD_SPEC = (
    (
        "Helix Labs",
        ["Helix"],
        "Nimbus",
        {"tiers": ["Pro", "Lite"]},
        [
            ("Nimbus 2", []),
            ("Nimbus 3", []),
            ("Nimbus Lite 3", ["Nimbus 3 Lite"]),
            ("Nimbus Pro 3.1", ["Nimbus 3.1 Pro"]),
            ("Nimbus 4", []),
        ],
    ),
    (
        "Orbital AI",
        ["Orbital"],
        "Vega",
        {"separator": "-"},
        [
            ("Vega-3", []),
            ("Vega-3.5", ["Vega 3.5"]),
            ("Vega-4", []),
            ("Vega-4.2", ["Vega 4.2"]),
            ("Vega-5", []),
        ],
    ),
    (
        "Northwind Research",
        ["Northwind"],
        "Corvid",
        {"tiers": ["Max", "Swift"]},
        [
            ("Corvid Swift 2", []),
            ("Corvid Max 2", []),
            ("Corvid Swift 2.5", []),
            ("Corvid Max 3", []),
            ("Corvid Swift 3", []),
        ],
    ),
    (
        "Kestrel Systems",
        ["Kestrel"],
        "Talon",
        {},
        [("Talon 1", []), ("Talon 1.5", []), ("Talon 2", []), ("Talon 2.5", []), ("Talon 3", [])],
    ),
    (
        "Aurora Dynamics",
        ["Aurora"],
        "Lyra",
        {"tiers": ["Ultra", "Nano"]},
        [
            ("Lyra 2", []),
            ("Lyra Nano 2", []),
            ("Lyra Ultra 2", ["Lyra 2 Ultra"]),
            ("Lyra 3", []),
            ("Lyra Ultra 3", []),
        ],
    ),
    (
        "Tessera AI",
        ["Tessera"],
        "Quartz",
        {"separator": "-"},
        [("Quartz-1", []), ("Quartz-2", []), ("Quartz-2.5", []), ("Quartz-3", []), ("Quartz-3.5", [])],
    ),
    (
        "Quill Labs",
        ["Quill"],
        "Sable",
        {"tiers": ["Edge"]},
        [("Sable 1", []), ("Sable 2", []), ("Sable Edge 2", []), ("Sable 3", []), ("Sable Edge 3", [])],
    ),
    (
        "Meridian AI",
        ["Meridian"],
        "Cirrus",
        {"tiers": ["Air", "Pro"]},
        [("Cirrus 1", []), ("Cirrus 2", []), ("Cirrus Air 2", []), ("Cirrus Pro 2", []), ("Cirrus 3", [])],
    ),
)
# benchmark, aliases, what it tests (used in table labels), base difficulty (lower is harder)
BENCHMARKS = (
    ("CodeArena", [], "coding", 55),
    ("LogicBench", ["Logic Bench"], "reasoning", 50),
    ("AgentGym", [], "agents", 42),
    ("MathQuest", [], "maths", 48),
    ("ReasonEval", [], "reasoning", 45),
    ("DocuMind", [], "documents", 60),
    ("ToolForge", [], "tool use", 52),
    ("PolyglotQA", [], "multilingual", 58),
    ("SafeHarbor", [], "safety", 62),
    ("VisionGrid", [], "vision", 47),
)


# ------------------------------------------------------------------------------------------------- world


@dataclass
class Model:
    name: str
    lab: str
    family: str
    spellings: list[str]
    released: dt.date
    input_price: float
    output_price: float
    scores: dict[str, float]


@dataclass
class Plan:
    """One planted topic: what is true, and whether the corpus should agree, conflict or show a series."""

    topic: str
    subject: str
    metric: str
    kind: str  # agree | conflict | series
    true: object  # float or date
    wrong: object | None = None
    series: list[tuple[dt.date, float]] = field(default_factory=list)  # (as-of month start, value)


@dataclass
class World:
    models: list[Model]
    labs: dict[str, list[str]]  # lab -> aliases
    families: dict[str, tuple[str, dict[str, object]]]  # family -> (owner, lexicon spec)
    plans: dict[str, Plan]

    def model(self, name: str) -> Model:
        return next(m for m in self.models if m.name == name)


def month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def build_world(seed: int) -> World:
    rng = Random(f"world:{seed}")
    models: list[Model] = []
    labs: dict[str, list[str]] = {}
    families: dict[str, tuple[str, dict[str, object]]] = {}
    span = (dt.date(2025, 9, 30) - dt.date(2023, 2, 1)).days
    for lab, aliases, family, spec, members in WORLD_SPEC:
        labs[lab] = aliases
        families[family] = (lab, spec)
        days = sorted(rng.sample(range(span), len(members)))
        strength = rng.uniform(-4, 6)
        for rank, ((name, alts), day) in enumerate(zip(members, days, strict=True)):
            released = dt.date(2023, 2, 1) + dt.timedelta(days=day)
            tier_bonus = (
                6
                if any(t in name for t in ("Pro", "Max", "Ultra", "Edge"))
                else (-8 if any(t in name for t in ("Lite", "Nano", "Swift", "Air")) else 0)
            )
            price_index = min(len(PRICES) - 1, max(0, 9 + tier_bonus // 2 + rng.randint(-4, 4)))
            input_price = PRICES[price_index]
            output_price = round(input_price * rng.choice((3, 4, 4, 5, 8)), 2)
            chosen = rng.sample(BENCHMARKS, 6)
            scores = {}
            for bench, _, _, base in chosen:
                value = base + strength + tier_bonus + rank * 4.5 + rng.uniform(-6, 6)
                scores[bench] = round(min(96.5, max(36.0, value)) + rng.choice((0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7)), 1)
            models.append(Model(name, lab, family, [name, *alts], released, input_price, output_price, scores))
    plans: dict[str, Plan] = {}
    for model in models:
        kind = rng.choices(("agree", "conflict"), (3, 1))[0]
        wrong = (
            model.released.replace(year=model.released.year - 1)
            if model.released.month != 2 or model.released.day != 29
            else model.released.replace(year=model.released.year - 1, day=28)
        )
        add_plan(
            plans,
            Plan(
                f"{model.name} / release date",
                model.name,
                "release date",
                kind,
                model.released,
                wrong if kind == "conflict" else None,
            ),
        )
        # input prices: a series is a sequence of price cuts after release
        kind = rng.choices(("agree", "conflict", "series"), (13, 4, 3))[0]
        months = series_months(rng, model.released)
        if kind == "series" and len(months) < 2:
            kind = "agree"
        plan = Plan(
            f"{model.name} / input price per 1M tokens",
            model.name,
            "input price per 1M tokens",
            kind,
            model.input_price,
        )
        if kind == "conflict":
            plan.wrong = round(model.input_price * (2 if rng.random() < 0.5 or model.input_price < 0.2 else 0.5), 2)
        elif kind == "series":
            cuts = [model.input_price, round(model.input_price * 0.6, 2), round(model.input_price * 0.35, 2)]
            plan.series = [(m, p) for m, p in zip(months, cuts, strict=False) if p > 0]
        add_plan(plans, plan)
        add_plan(
            plans,
            Plan(
                f"{model.name} / output price per 1M tokens",
                model.name,
                "output price per 1M tokens",
                "agree",
                model.output_price,
            ),
        )
        for bench, true in model.scores.items():
            kind = rng.choices(("agree", "conflict", "series"), (13, 4, 3))[0]
            months = series_months(rng, model.released)
            if kind == "series" and len(months) < 2:
                kind = "agree"
            plan = Plan(f"{model.name} / {bench}", model.name, bench, kind, true)
            if kind == "conflict":
                plan.wrong = round(true - rng.uniform(12, 20), 1)
            elif kind == "series":
                values = [true]
                for _ in months[1:]:
                    values.append(round(min(99.0, values[-1] + rng.uniform(6, 12)), 1))
                plan.series = list(zip(months, values, strict=True))
            add_plan(plans, plan)
    return World(models, labs, families, plans)


def add_plan(plans: dict[str, Plan], plan: Plan) -> None:
    plans[plan.topic] = plan


def series_months(rng: Random, released: dt.date) -> list[dt.date]:
    """Two or three as-of months after a release, each before the end of the invented world."""
    months = []
    current = add_months(month_start(released), rng.randint(1, 3))
    for _ in range(rng.choice((2, 3))):
        if current > month_start(WORLD_END):
            break
        months.append(current)
        current = add_months(current, rng.randint(2, 6))
    return months


def lexicon_yaml(world: World) -> str:
    lines = [
        "# The invented world of the benchmark corpus, in claimcheck's lexicon format (pass as --lexicon).",
        "families:",
    ]
    for family, (owner, spec) in world.families.items():
        lines.append(f"  {family}:")
        lines.append(f"    owner: {owner}")
        if "tiers" in spec:
            lines.append(f"    tiers: [{', '.join(spec['tiers'])}]")  # type: ignore[arg-type]
        if "separator" in spec:
            lines.append(f'    separator: "{spec["separator"]}"')
    lines.append("entities:")
    for lab, aliases in world.labs.items():
        lines.append(f"  {lab}:")
        lines.append("    kind: lab")
        if aliases:
            lines.append(f"    aliases: [{', '.join(aliases)}]")
    lines.append("benchmarks:")
    for bench, aliases, _, _ in BENCHMARKS:
        lines.append(f"  {bench}: [{', '.join(aliases)}]")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------------ values


def fmt_day(rng: Random, d: dt.date) -> str:
    month = calendar.month_name[d.month]
    style = rng.choice(("long", "long", "euro", "abbr", "iso"))
    if style == "long":
        return f"{month} {d.day}, {d.year}"
    if style == "euro":
        return f"{d.day} {month} {d.year}"
    if style == "abbr":
        abbr = calendar.month_abbr[d.month]
        return f"{abbr}. {d.day}, {d.year}" if abbr != month else f"{month} {d.day}, {d.year}"
    return d.isoformat()


def fmt_month(d: dt.date) -> str:
    return f"{calendar.month_name[d.month]} {d.year}"


def when_phrase(rng: Random, d: dt.date, exact: bool) -> tuple[str, str, str]:
    """(phrase with preposition, bare date, form) of a release date; ``exact``: day or month forms only."""
    forms = ["day", "day", "month", "month"] if exact else ["day", "day", "month", "month", "quarter", "part"]
    form = rng.choice(forms)
    if form == "day":
        text = fmt_day(rng, d)
        return f"on {text}", text, form
    if form == "month":
        text = fmt_month(d)
        return f"in {text}", text, form
    if form == "quarter":
        text = f"Q{(d.month - 1) // 3 + 1} {d.year}"
        return f"in {text}", text, form
    part = "early" if d.month <= 4 else "mid-" if d.month <= 8 else "late"
    text = f"{part}{d.year}" if part.endswith("-") else f"{part} {d.year}"
    return f"in {text}", text, "part"


def fmt_score(rng: Random, v: float, exact: bool) -> tuple[str, str]:
    """A score as written, and its form; every form allows ``v`` (hedges and ranges are true of it)."""
    forms = (
        ["exact", "exact", "exact", "percent"]
        if exact
        else [
            "exact",
            "exact",
            "exact",
            "percent",
            "rounded",
            "about",
            "nearly",
            "over",
            "at least",
            "range",
            "dash",
        ]
    )
    form = rng.choice(forms)
    whole = int(v)
    if form == "exact":
        return f"{v:.1f}%", form
    if form == "percent":
        return f"{v:.1f} percent", form
    if form == "rounded":
        return f"{round(v)}%", form
    if form == "about":
        return f"{rng.choice(('about', 'roughly', 'around'))} {round(v)}%", form
    if form == "nearly":
        return f"nearly {math.ceil(v)}%", form
    if form == "over":
        bound = whole - rng.randint(0, 2) if v - whole >= 0.1 else whole - 1 - rng.randint(0, 2)
        return f"{rng.choice(('over', 'more than'))} {bound}%", form
    if form == "at least":
        return f"at least {whole - rng.randint(0, 2)}%", form
    low, high = whole - rng.randint(1, 3), whole + rng.randint(2, 4)
    return (f"between {low}% and {high}%", form) if form == "range" else (f"{low}-{high}%", form)


def fmt_price(p: float, rng: Random | None = None) -> str:
    if rng is not None and p == int(p) and rng.random() < 0.3:
        return f"${int(p)}"
    return f"${p:.2f}" if p >= 0.1 or round(p, 2) == p else f"${p:.3f}"


# ----------------------------------------------------------------------------------------------- articles


@dataclass
class Mention:
    topic: str
    subject: str
    metric: str
    value: str  # the value planted, canonical ("81.4", "2025-03-05", "3.0")
    cls: str  # true | wrong | series:<k> | delta | slip
    template: str
    text: str  # the value as written
    line: int = 0
    file: str = ""


@dataclass
class Block:
    lines: list[str]
    mentions: list[tuple[int, Mention]] = field(default_factory=list)  # (line within the block, mention)
    slips: list[tuple[int, dict[str, object]]] = field(default_factory=list)


@dataclass
class Article:
    filename: str
    text: str
    mentions: list[Mention]
    slips: list[dict[str, object]]
    published: dt.date


class Writer:
    """Writes one article: chooses what it says, phrases it, and records every planted value."""

    def __init__(self, world: World, seed: int, index: int) -> None:
        self.world = world
        self.index = index
        self.rng = Random(f"article:{seed}:{index}")
        self.blocks: list[Block] = []
        self.choice: dict[str, str] = {}  # conflict topic -> "true" | "wrong", fixed for the whole article
        self.published = PUBLISHED_FROM
        self.wrap = self.rng.random() < 0.3  # some outlets hard-wrap their filler prose
        self.deck: list[str] = []  # filler sentences not used yet in this article

    # -- what is known at publication -----------------------------------------------------------------------

    def known(self) -> list[Model]:
        return [m for m in self.world.models if m.released < self.published]

    def value(self, topic: str) -> tuple[object, str]:
        plan = self.world.plans[topic]
        if plan.kind != "conflict":
            return plan.true, "true"
        cls = self.choice.setdefault(topic, "wrong" if self.rng.random() < P_WRONG else "true")
        return (plan.wrong if cls == "wrong" else plan.true), cls

    def undated(self, topic: str) -> bool:
        return self.world.plans[topic].kind != "series"

    def series_points(self, topic: str) -> list[tuple[int, dt.date, float]]:
        plan = self.world.plans[topic]
        return [(k, month, v) for k, (month, v) in enumerate(plan.series) if add_months(month, 1) <= self.published]

    # -- blocks ---------------------------------------------------------------------------------------------

    def paragraph(self, sentences: list[tuple[str, list[Mention]]]) -> None:
        self.blocks.append(self.paragraph_block(sentences))

    @staticmethod
    def paragraph_block(sentences: list[tuple[str, list[Mention]]]) -> Block:
        text = " ".join(s for s, _ in sentences)
        return Block([text], [(0, m) for _, ms in sentences for m in ms])

    def fact_block(self) -> Block:
        """A paragraph of two to four facts about models known at publication, with some filler mixed in."""
        known = self.known()
        sentences: list[tuple[str, list[Mention]]] = []
        for _ in range(self.rng.randint(2, 4)):
            model = self.rng.choice(known)
            what = self.rng.choices(("score", "release", "price", "series", "versus"), (5, 2, 2, 2, 1))[0]
            said: tuple[str, list[Mention]] | None = None
            benches = [b for b in model.scores if self.undated(f"{model.name} / {b}")]
            if what == "score" and benches:
                said = self.score_sentence(model, self.rng.choice(benches))
            elif what == "release":
                said = self.release_sentence(model)
            elif what == "price":
                said = self.price_sentence(model, known)
            elif what == "series":
                dated = [b for b in model.scores if not self.undated(f"{model.name} / {b}")]
                said = self.series_sentence(model, self.rng.choice(dated)) if dated else None
            elif what == "versus" and benches:
                other = self.rng.choice(known)
                if other is not model and benches[0] in other.scores and self.undated(f"{other.name} / {benches[0]}"):
                    said = self.versus_sentence(model, other, benches[0]) or self.versus_sentence(
                        other, model, benches[0]
                    )
            if said:
                sentences.append(said)
        for _ in range(self.rng.randint(0, 2)):
            sentences.insert(self.rng.randint(0, len(sentences)), (self.filler_text(1), []))
        return self.paragraph_block(sentences)

    def heading(self, text: str) -> None:
        self.blocks.append(Block([f"## {text}"]))

    def filler_block(self, sentences: int | None = None, bank: tuple[str, ...] = T.FILLER) -> Block:
        text = self.filler_text(sentences or self.rng.randint(2, 5), bank)
        return Block(textwrap.wrap(text, 78) if self.wrap else [text])

    def filler_text(self, n: int, bank: tuple[str, ...] = T.FILLER) -> str:
        labs = list(self.world.labs)
        out = []
        for _ in range(n):
            if bank is T.FILLER:
                if not self.deck:
                    self.deck = list(bank)
                    self.rng.shuffle(self.deck)
                s = self.deck.pop()
            else:
                s = self.rng.choice(bank)
            lab, lab2 = self.rng.sample(labs, 2)
            fam = next(f for f, (owner, _) in self.world.families.items() if owner == lab)
            out.append(s.format(lab=lab, lab2=lab2, fam=fam, labs=possessive(lab)))
        return " ".join(out)

    def filler(self, sentences: int | None = None, bank: tuple[str, ...] = T.FILLER) -> None:
        self.blocks.append(self.filler_block(sentences, bank))

    def words(self) -> int:
        return sum(len(line.split()) for b in self.blocks for line in b.lines)

    # -- facts ----------------------------------------------------------------------------------------------

    def spelling(self, model: Model) -> str:
        return (
            model.spellings[0]
            if len(model.spellings) == 1 or self.rng.random() < 0.75
            else self.rng.choice(model.spellings[1:])
        )

    def release_sentence(self, model: Model, listed: bool = False) -> tuple[str, list[Mention]]:
        topic = f"{model.name} / release date"
        value, cls = self.value(topic)
        assert isinstance(value, dt.date)
        when, bare, form = when_phrase(self.rng, value, exact=cls == "wrong")
        bank = T.RELEASE_LIST if listed else T.RELEASE
        template = self.rng.choice(bank)
        text = template.format(m=self.spelling(model), lab=model.lab, when=when, date=bare)
        ident = f"{'list' if listed else 'release'}{bank.index(template)}:{form}"
        return text, [Mention(topic, model.name, "release date", value.isoformat(), cls, ident, bare)]

    def relative_release(self, model: Model) -> tuple[str, list[Mention]]:
        """The launch article's lead: the release dated relative to the publication date."""
        offset = (self.published - model.released).days
        options = [
            (t, k)
            for t, k in T.RELATIVE
            if k == offset or (k == "month" and offset >= 1 and self.published.month == model.released.month)
        ]
        template, k = self.rng.choice(options)
        text = template.format(m=self.spelling(model), lab=model.lab)
        phrase = next(
            p for p in ("yesterday", "two days ago", "three days ago", "today", "earlier this month") if p in template
        )
        return text, [
            Mention(
                f"{model.name} / release date",
                model.name,
                "release date",
                model.released.isoformat(),
                "true",
                f"relative:{k}",
                phrase,
            )
        ]

    def score_mention(self, model: Model, bench: str, exact: bool = False) -> tuple[str, str, Mention]:
        topic = f"{model.name} / {bench}"
        value, cls = self.value(topic)
        assert isinstance(value, float)
        text, form = fmt_score(self.rng, value, exact=exact or cls == "wrong")
        return text, form, Mention(topic, model.name, bench, f"{value:.1f}", cls, form, text)

    def score_sentence(self, model: Model, bench: str) -> tuple[str, list[Mention]]:
        v, form, mention = self.score_mention(model, bench)
        template = self.rng.choice(T.SCORE)
        mention.template = f"score{T.SCORE.index(template)}:{form}"
        return template.format(m=self.spelling(model), b=bench, v=v, lab=model.lab, labs=possessive(model.lab)), [
            mention
        ]

    def score_pair_sentence(self, model: Model, b1: str, b2: str) -> tuple[str, list[Mention]]:
        v1, f1, m1 = self.score_mention(model, b1)
        v2, f2, m2 = self.score_mention(model, b2)
        m1.template, m2.template = f"pair:{f1}", f"pair:{f2}"
        return T.SCORE_PAIR[0].format(m=self.spelling(model), b=b1, v=v1, b2=b2, v2=v2), [m1, m2]

    def versus_sentence(self, a: Model, b: Model, bench: str) -> tuple[str, list[Mention]] | None:
        va, fa, ma = self.score_mention(a, bench, exact=True)
        vb, fb, mb = self.score_mention(b, bench, exact=True)
        if float(ma.value) <= float(mb.value):
            return None
        ma.template, mb.template = "versus:first", "versus:second"
        return T.SCORE_VERSUS[0].format(m=self.spelling(a), m2=self.spelling(b), b=bench, v=va, v2=vb), [
            ma,
            mb,
        ]

    def series_sentence(self, model: Model, bench: str) -> tuple[str, list[Mention]] | None:
        topic = f"{model.name} / {bench}"
        points = self.series_points(topic)
        if not points:
            return None
        k, month, value = self.rng.choice(points)
        v, form = fmt_score(self.rng, value, exact=False)
        template = self.rng.choice(T.SCORE_SERIES)
        text = template.format(m=self.spelling(model), b=bench, v=v, asof=fmt_month(month))
        return text, [
            Mention(
                topic,
                model.name,
                bench,
                f"{value:.1f}",
                f"series:{k}",
                f"series{T.SCORE_SERIES.index(template)}:{form}",
                v,
            )
        ]

    def price_sentence(self, model: Model, rivals: list[Model]) -> tuple[str, list[Mention]] | None:
        topic = f"{model.name} / input price per 1M tokens"
        out_topic = f"{model.name} / output price per 1M tokens"
        if not self.undated(topic):
            points = self.series_points(topic)
            if not points:
                return None
            k, month, price = self.rng.choice(points)
            bank = T.PRICE_CUT if k > 0 and self.rng.random() < 0.5 else T.PRICE_SERIES
            template = self.rng.choice(bank)
            p = fmt_price(price, self.rng)
            text = template.format(m=self.spelling(model), lab=model.lab, p=p, asof=fmt_month(month))
            return text, [
                Mention(
                    topic,
                    model.name,
                    "input price per 1M tokens",
                    repr(price),
                    f"series:{k}",
                    f"price-series{bank.index(template)}:{'cut' if bank is T.PRICE_CUT else 'asof'}",
                    p,
                )
            ]
        value, cls = self.value(topic)
        assert isinstance(value, float)
        if cls == "true" and self.rng.random() < 0.12 and value >= 1:
            p = f"{fmt_price(round(value), None)}" if value == round(value) else fmt_price(value)
            template = T.PRICE_HEDGED[0]
            return template.format(m=self.spelling(model), p=p), [
                Mention(topic, model.name, "input price per 1M tokens", repr(value), cls, "price-hedged", p)
            ]
        cheaper = [r for r in rivals if r.input_price > value and r is not model]
        choices = [t for t in T.PRICE if "{m2}" not in t or cheaper]
        template = self.rng.choice(choices)
        p, po = fmt_price(value, self.rng), fmt_price(model.output_price, self.rng)
        text = template.format(
            m=self.spelling(model), lab=model.lab, p=p, po=po, m2=self.spelling(cheaper[0]) if cheaper else ""
        )
        ident = f"price{T.PRICE.index(template)}"
        mentions = [Mention(topic, model.name, "input price per 1M tokens", repr(value), cls, ident, p)]
        if "{po}" in template:
            mentions.append(
                Mention(
                    out_topic,
                    model.name,
                    "output price per 1M tokens",
                    repr(model.output_price),
                    "true",
                    ident,
                    po,
                )
            )
        return text, mentions

    # -- tables ---------------------------------------------------------------------------------------------

    def price_table(self, models: list[Model]) -> None:
        rows = [m for m in models if self.undated(f"{m.name} / input price per 1M tokens")]
        if len(rows) < 2:
            return
        pipe = self.rng.random() < 0.6
        suffix = self.rng.choice(("/M tokens", " per 1M tokens")) if pipe else "/M tokens"
        lines = ["| Model | Input | Output |", "|---|---|---|"] if pipe else ["Model Input Output"]
        block = Block(lines)
        for model in rows:
            topic = f"{model.name} / input price per 1M tokens"
            value, cls = self.value(topic)
            assert isinstance(value, float)
            p, po = fmt_price(value) + suffix, fmt_price(model.output_price) + suffix
            name = model.name
            lines.append(f"| {name} | {p} | {po} |" if pipe else f"{name} {p} {po}")
            line = len(lines) - 1
            kind = "pipe" if pipe else "flat"
            block.mentions.append(
                (
                    line,
                    Mention(
                        topic,
                        model.name,
                        "input price per 1M tokens",
                        repr(value),
                        cls,
                        f"price-table:{kind}",
                        p,
                    ),
                )
            )
            block.mentions.append(
                (
                    line,
                    Mention(
                        f"{model.name} / output price per 1M tokens",
                        model.name,
                        "output price per 1M tokens",
                        repr(model.output_price),
                        "true",
                        f"price-table:{kind}",
                        po,
                    ),
                )
            )
        self.blocks.append(block)

    def score_table(self, a: Model, b: Model, with_delta: bool) -> bool:
        """Benchmark | A | B [| Delta]; with a Delta column only agreed scores are used, one row may slip."""
        shared = [bench for bench in a.scores if bench in b.scores]
        usable = [
            bench for bench in shared if self.undated(f"{a.name} / {bench}") and self.undated(f"{b.name} / {bench}")
        ]
        if with_delta:
            usable = [
                bench
                for bench in usable
                if self.world.plans[f"{a.name} / {bench}"].kind == "agree"
                and self.world.plans[f"{b.name} / {bench}"].kind == "agree"
                and abs(a.scores[bench] - b.scores[bench]) >= 0.5
            ]
        if len(usable) < 2:
            return False
        self.rng.shuffle(usable)
        usable = usable[:4]
        pipe = self.rng.random() < 0.6
        delta_header = self.rng.choice(("Delta", "Change", "Diff", "Difference")) if pipe else "Delta"
        delta_unit = self.rng.choice(("%", "%", " pp")) if with_delta else "%"
        header = ["Benchmark", a.name, b.name] + ([delta_header] if with_delta else [])
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] if pipe else [" ".join(header)]
        block = Block(lines)
        slip_row = self.rng.randrange(len(usable)) if with_delta and self.rng.random() < P_SLIP else None
        describe = self.rng.random() < 0.5
        for row, bench in enumerate(usable):
            cells = []
            row_mentions = []
            for model in (a, b):
                text, form, mention = self.score_mention(model, bench, exact=True)
                mention.template = f"score-table:{'pipe' if pipe else 'flat'}"
                cells.append(text)
                row_mentions.append(mention)
            what = next(d for n, _, d, _ in BENCHMARKS if n == bench)
            label = f"{bench} ({what})" if describe else bench
            if with_delta:
                actual = round(a.scores[bench] - b.scores[bench], 1)
                stated = actual
                if row == slip_row:
                    stated = round(actual + math.copysign(self.rng.uniform(1.5, 5.0), actual), 1)
                cells.append(f"{stated:+.1f}{delta_unit}")
                pair = f"{a.name} vs {b.name}"
                row_mentions.append(
                    Mention(
                        f"{pair} / {bench} difference",
                        pair,
                        f"{bench} difference",
                        f"{stated:.1f}",
                        "slip" if row == slip_row else "delta",
                        f"delta-table:{'pipe' if pipe else 'flat'}:{delta_unit.strip()}",
                        cells[-1],
                    )
                )
                if row == slip_row:
                    block.slips.append(
                        (
                            len(lines),
                            {
                                "row": bench,
                                "topic": f"{bench} difference",
                                "stated": stated,
                                "actual": actual,
                            },
                        )
                    )
            lines.append("| " + " | ".join([label, *cells]) + " |" if pipe else " ".join([label, *cells]))
            block.mentions.extend((len(lines) - 1, m) for m in row_mentions)
        self.blocks.append(block)
        return True

    def table_pair(self, pool: list[Model], with_delta: bool, first: Model | None = None) -> bool:
        """A benchmark table for some pair from ``pool`` (with ``first`` as column A when given)."""
        for _ in range(12):
            a = first or self.rng.choice(pool)
            b = self.rng.choice(pool)
            if a is not b and self.score_table(a, b, with_delta):
                return True
        return False

    def release_list(self, models: list[Model]) -> None:
        block = Block([])
        for model in models:
            text, mentions = self.release_sentence(model, listed=True)
            block.lines.append(text)
            block.mentions.extend((len(block.lines) - 1, m) for m in mentions)
        self.blocks.append(block)

    # -- article shapes -------------------------------------------------------------------------------------

    def write(self) -> Article:
        shape = self.rng.choices(("launch", "roundup", "analysis", "timeline"), (2, 3, 3, 2))[0]
        launchable = [m for m in self.world.models if m.released >= dt.date(2024, 1, 1)]
        if shape == "launch":
            focus = self.rng.choice(launchable)
            self.published = focus.released + dt.timedelta(days=self.rng.choice((0, 1, 1, 2, 3, 5, 9, 14)))
            if (self.published - focus.released).days > 3 and self.published.month != focus.released.month:
                self.published = focus.released + dt.timedelta(days=1)
            title = self.rng.choice(T.TITLES_LAUNCH).format(lab=focus.lab, m=focus.name)
            self.launch(focus)
        else:
            days = (PUBLISHED_TO - PUBLISHED_FROM).days
            self.published = PUBLISHED_FROM + dt.timedelta(days=self.rng.randrange(days))
            focus = self.rng.choice(self.world.models)
            title = self.rng.choice(
                {"roundup": T.TITLES_ROUNDUP, "analysis": T.TITLES_ANALYSIS, "timeline": T.TITLES_TIMELINE}[shape]
            ).format(lab=focus.lab, fam=focus.family)
            getattr(self, shape)(focus)
        target = self.rng.randint(560, 1400)
        while self.words() < target:
            block = self.fact_block() if self.rng.random() < 0.5 else self.filler_block()
            self.blocks.insert(self.rng.randint(1, len(self.blocks)), block)
        if self.rng.random() < 0.3:
            self.heading(T.HEADING_AHEAD)
            self.filler(self.rng.randint(2, 4), T.FILLER_AHEAD)
        return self.render(title, shape)

    def launch(self, focus: Model) -> None:
        self.paragraph([self.relative_release(focus)])
        self.filler()
        rivals = [m for m in self.known() if m is not focus]
        benches = [b for b in focus.scores if self.undated(f"{focus.name} / {b}")]
        self.heading(self.rng.choice(T.HEADINGS_SCORES))
        sentences = [self.score_sentence(focus, b) for b in self.rng.sample(benches, min(len(benches), 3))]
        if sentences:
            self.paragraph(sentences)
        if rivals:
            self.table_pair(rivals, with_delta=self.rng.random() < 0.6, first=focus)
        self.filler()
        self.heading(self.rng.choice(T.HEADINGS_PRICES))
        priced = self.price_sentence(focus, rivals)
        if priced:
            self.paragraph([priced])
        if rivals and self.rng.random() < 0.5:
            self.price_table([focus, *self.rng.sample(rivals, min(3, len(rivals)))])
        self.heading(self.rng.choice(T.HEADINGS_HISTORY))
        earlier = self.rng.sample(rivals, min(3, len(rivals)))
        if earlier:
            self.paragraph([self.release_sentence(m) for m in earlier])

    def roundup(self, focus: Model) -> None:
        self.filler()
        models = self.rng.sample(self.world.models, 8)
        self.heading(self.rng.choice(T.HEADINGS_PRICES))
        self.price_table(models[: self.rng.randint(4, 8)])
        self.filler()
        self.heading(self.rng.choice(T.HEADINGS_SCORES))
        for _ in range(self.rng.randint(1, 2)):
            self.table_pair(self.world.models, with_delta=self.rng.random() < 0.6)
        sentences = []
        for model in self.rng.sample(self.world.models, 4):
            bench = self.rng.choice(list(model.scores))
            if self.undated(f"{model.name} / {bench}"):
                sentences.append(self.score_sentence(model, bench))
        if sentences:
            self.paragraph(sentences)
        self.filler()
        self.heading(self.rng.choice(T.HEADINGS_HISTORY))
        self.release_list(self.rng.sample(self.world.models, self.rng.randint(3, 6)))

    def analysis(self, focus: Model) -> None:
        self.filler()
        family = [m for m in self.world.models if m.family == focus.family]
        others = self.rng.sample(self.world.models, 6)
        self.heading(self.rng.choice(T.HEADINGS_SCORES))
        series = [
            (m, b) for m in family + others for b in m.scores if self.world.plans[f"{m.name} / {b}"].kind == "series"
        ]
        sentences = []
        for model, bench in self.rng.sample(series, min(len(series), self.rng.randint(2, 4))):
            said = self.series_sentence(model, bench)
            if said:
                sentences.append(said)
        if sentences:
            self.paragraph(sentences)
        self.filler()
        sentences = []
        for model in self.rng.sample(family + others, 4):
            benches = [b for b in model.scores if self.undated(f"{model.name} / {b}")]
            if len(benches) >= 2 and self.rng.random() < 0.3:
                sentences.append(self.score_pair_sentence(model, *self.rng.sample(benches, 2)))
            elif benches:
                sentences.append(self.score_sentence(model, self.rng.choice(benches)))
        a, b = self.rng.sample(others, 2)
        shared = [
            x for x in a.scores if x in b.scores and self.undated(f"{a.name} / {x}") and self.undated(f"{b.name} / {x}")
        ]
        if shared:
            said = self.versus_sentence(a, b, shared[0]) or self.versus_sentence(b, a, shared[0])
            if said:
                sentences.append(said)
        if sentences:
            self.paragraph(sentences)
        self.heading(self.rng.choice(T.HEADINGS_PRICES))
        sentences = [s for s in (self.price_sentence(m, others) for m in self.rng.sample(family + others, 3)) if s]
        if sentences:
            self.paragraph(sentences)
        self.heading(self.rng.choice(T.HEADINGS_HISTORY))
        self.paragraph([self.release_sentence(m) for m in self.rng.sample(family, min(3, len(family)))])
        if self.rng.random() < 0.5:
            self.table_pair(self.world.models, with_delta=self.rng.random() < 0.5)

    def timeline(self, focus: Model) -> None:
        self.filler()
        family = [m for m in self.world.models if m.family == focus.family]
        for model in family:
            self.heading(f"{model.name}")
            sentences = [self.release_sentence(model)]
            benches = [b for b in model.scores if self.undated(f"{model.name} / {b}")]
            if benches and self.rng.random() < 0.6:
                sentences.append(self.score_sentence(model, self.rng.choice(benches)))
            priced = self.price_sentence(model, family) if self.rng.random() < 0.4 else None
            if priced:
                sentences.append(priced)
            self.paragraph(sentences)
        self.heading(self.rng.choice(T.HEADINGS_HISTORY))
        self.release_list(self.rng.sample(self.world.models, self.rng.randint(3, 5)))

    # -- rendering ------------------------------------------------------------------------------------------

    def render(self, title: str, shape: str) -> Article:
        outlet = self.rng.choice(T.OUTLETS)
        head = ["---", f'title: "{title}"', f"outlet: {outlet}", f"published: {self.published.isoformat()}"]
        if self.rng.random() < 0.5:
            head.append(f"author: {self.rng.choice(T.AUTHORS)}")
        head += ["---", "", f"# {title}", ""]
        lines = list(head)
        mentions: list[Mention] = []
        slips: list[dict[str, object]] = []
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48]
        filename = f"{self.index:05d}-{slug}.md"
        for block in self.blocks:
            if not block.lines:
                continue
            first = len(lines) + 1  # 1-based line number of the block's first line
            for offset, mention in block.mentions:
                mention.line, mention.file = first + offset, filename
                mentions.append(mention)
            for offset, slip in block.slips:
                slips.append({"file": filename, "line": first + offset, **slip})
            lines.extend(block.lines)
            lines.append("")
        return Article(filename, "\n".join(lines), mentions, slips, self.published)


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


# --------------------------------------------------------------------------------------------------- truth


def truth(world: World, seed: int, articles: list[Article]) -> dict[str, object]:
    by_topic: dict[str, list[Mention]] = defaultdict(list)
    deltas: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for article in articles:
        for mention in article.mentions:
            if mention.cls in ("delta", "slip"):
                deltas[(mention.topic, "pp" if mention.text.endswith("pp") else "%")].append(mention)
            else:
                by_topic[mention.topic].append(mention)
    topics = {}
    for topic, plan in world.plans.items():
        found = by_topic.get(topic, [])
        classes = {m.cls for m in found}
        expect = "conflict" if plan.kind == "conflict" and {"true", "wrong"} <= classes else "no-conflict"
        entry: dict[str, object] = {
            "kind": plan.kind,
            "expect": expect,
            "subject": plan.subject,
            "metric": plan.metric,
            "true": show(plan.true),
            "mentions": len(found),
            "sources": len({m.file for m in found}),
        }
        if plan.kind == "conflict":
            entry["wrong"] = show(plan.wrong)
            entry["wrong_mentions"] = sum(m.cls == "wrong" for m in found)
        if plan.kind == "series":
            entry["series"] = [{"as_of": fmt_month(month), "value": value} for month, value in plan.series]
        topics[topic] = entry
    delta_topics: dict[str, dict[str, object]] = {}
    for (topic, _unit), found in sorted(deltas.items()):
        values = sorted({float(m.value) for m in found})
        spread = values[-1] - values[0]
        entry = delta_topics.setdefault(topic, {"expect": "no-conflict", "mentions": 0, "slips": 0})
        entry["mentions"] = int(entry["mentions"]) + len(found)  # type: ignore[call-overload]
        entry["slips"] = int(entry["slips"]) + sum(m.cls == "slip" for m in found)  # type: ignore[call-overload]
        if spread > 0.15:
            entry["expect"] = "conflict"
    slips = [slip for article in articles for slip in article.slips]
    control_rows = sum(m.cls == "delta" for a in articles for m in a.mentions)
    return {
        "schema": SCHEMA,
        "seed": seed,
        "articles": len(articles),
        "counts": {
            "topics": len(topics),
            "expect_conflict": sum(t["expect"] == "conflict" for t in topics.values()),
            "agree": sum(t["kind"] == "agree" for t in topics.values()),
            "series": sum(t["kind"] == "series" for t in topics.values()),
            "mentions": sum(len(a.mentions) for a in articles),
            "slips": len(slips),
            "delta_control_rows": control_rows,
        },
        "topics": topics,
        "arithmetic": slips,
        "delta_topics": delta_topics,
    }


def show(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


# ----------------------------------------------------------------------------------------------- writing


def generate(seed: int, count: int, out: Path) -> dict[str, object]:
    world = build_world(seed)
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    articles = []
    names = set()
    with (out / "mentions.jsonl").open("w", encoding="utf-8", newline="\n") as log:
        for index in range(1, count + 1):
            article = Writer(world, seed, index).write()
            articles.append(article)
            names.add(article.filename)
            write_if_changed(folder / article.filename, article.text)
            for m in article.mentions:
                log.write(
                    json.dumps(
                        [
                            article.filename,
                            m.line,
                            m.topic,
                            m.subject,
                            m.metric,
                            m.value,
                            m.cls,
                            m.template,
                            m.text,
                        ],
                        ensure_ascii=False,
                    )
                    + "\n"
                )
            article.text = ""  # keep memory flat on large corpora
    stale = [p for p in folder.glob("*.md") if re.match(r"\d{5}-", p.name) and p.name not in names]
    for path in stale:  # generated by an earlier, larger run into the same folder
        path.unlink()
    write_if_changed(out / "lexicon.yaml", lexicon_yaml(world))
    result = truth(world, seed, articles)
    write_if_changed(out / "truth.json", json.dumps(result, indent=1, sort_keys=True) + "\n")
    return result


def write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


# ------------------------------------------------------------------------------------------ verification


def verify(out: Path, show_misses: int = 25) -> int:
    """Run claimcheck's extractor on the corpus and check that each planted value comes out as planted:
    on its line, with the planted subject and metric, and a value that allows the planted one.

    Needs claimcheck importable (run with the project's venv). Returns the number of misses.
    """
    from claimcheck import pipeline
    from claimcheck.checking.compare import allowed_interval

    extraction = pipeline.extract([out / "articles"], pipeline.Settings(lexicon=out / "lexicon.yaml", jobs=1))
    got: dict[tuple[str, int], list[tuple[str | None, str | None, object]]] = defaultdict(list)
    for claim in extraction.claims:
        got[(Path(claim.source).name, claim.line)].append((claim.subject, claim.metric, claim.value))
    total = 0
    misses: dict[str, list[str]] = defaultdict(list)
    by_template: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with (out / "mentions.jsonl").open(encoding="utf-8") as log:
        for raw in log:
            file, line, topic, subject, metric, value, cls, template, text = json.loads(raw)
            total += 1
            by_template[template][1] += 1
            planted = float(dt.date.fromisoformat(value).toordinal()) if metric == "release date" else float(value)
            candidates = [(s, m, v) for s, m, v in got.get((file, line), []) if (s, m) == (subject, metric)]
            if any(
                allowed_interval(v).contains(_point(planted)) or _near(allowed_interval(v), planted)
                for _, _, v in candidates
            ):
                by_template[template][0] += 1
            else:
                seen = [(s, m, getattr(v, "text", None)) for s, m, v in got.get((file, line), [])]
                misses[template].append(f"{file}:{line} {topic} = {text!r}; extracted {seen}")
    missed = sum(len(v) for v in misses.values())
    print(f"planted values: {total}, recognised: {total - missed} ({(total - missed) / max(total, 1):.1%})")
    for template, (ok, n) in sorted(by_template.items()):
        flag = "" if ok == n else "  <-- misses"
        print(f"  {template:32} {ok:5}/{n:<5}{flag}")
    shown = 0
    for template, items in sorted(misses.items()):
        for item in items[:3]:
            if shown < show_misses:
                print(f"  miss [{template}] {item}")
                shown += 1
    return missed


def _point(x: float):  # type: ignore[no-untyped-def]
    from claimcheck.checking.compare import Interval

    return Interval(x, x)


def _near(interval, x: float) -> bool:  # type: ignore[no-untyped-def]
    """Signed deltas ("-2.5%") are stored as a magnitude with a direction; accept either sign."""
    return interval.contains(_point(abs(x))) if x < 0 else False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--verify",
        action="store_true",
        help="run claimcheck's extractor and check every planted value is recognised",
    )
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    result = generate(args.seed, args.articles, args.out)
    counts = result["counts"]
    print(
        f"wrote {args.articles} articles to {args.out / 'articles'}; topics {counts['topics']} "  # type: ignore[index]
        f"(expect conflict: {counts['expect_conflict']}), mentions {counts['mentions']}, "  # type: ignore[index]
        f"slips {counts['slips']}",
        file=sys.stderr,
    )  # type: ignore[index]
    if args.verify:
        return 1 if verify(args.out) else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
