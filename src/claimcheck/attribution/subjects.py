"""Whom a value is about: choosing the subject among the names of its clause.

Owns the subject of a value (the nearest entity of its clause, "X's 68.4%", "68.4% for X", a sentence that
continues the previous one's subject with "It ..."), the subject of a release date (models and products only),
the subject a metric rule asks for (the owning lab, a pair of models), and remembering what a unit was about.
Conservative on purpose: when the text does not make the subject clear the answer is None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..models import Claim, replace
from ..values.dates import DateMatch
from .context import (
    COMPARISON_BEFORE,
    MAIN_LAB,
    MAIN_MODEL,
    PLACEHOLDERS,
    PRONOUN_START,
    SHORT_NAME,
    SUBJECT_KINDS,
    UNNAMED,
    ArticleState,
    UnitContext,
)
from .lexicon import MetricRule, Name
from .names import entity_key


def subject(
    ctx: UnitContext,
    start: int,
    end: int,
    cs: int,
    ce: int,
    names: Sequence[Name],
    kinds: frozenset[str] | set[str] = SUBJECT_KINDS,
) -> Name | None:
    """The entity a value in the clause [cs, ce) is about, or None when the text does not make it clear."""
    text = ctx.text
    if text.count("|") >= 4:
        return None  # a table flattened into one line: which column a value sits in cannot be told
    names = [n for n in names if n.kind in kinds and not _equipment(text, n) and not _MODIFIES.match(text, n.end)]
    candidates = [n for n in names if n.canonical and cs <= n.start < ce]
    before = [n for n in candidates if n.end <= start]
    # a name in a bracketed aside after the value describes or compares ("141GB (double the memory of the
    # T300)"): it is not whom the value is about
    after = [n for n in candidates if n.start >= end and not _opened_aside(text[end : n.start])]
    if before:
        nearest = before[-1]
        between = text[nearest.end : start]
        if re.match(r"^'s?\s", between):
            return nearest  # "GPT-5.2's 68.4%"
        if re.fullmatch(r"\s*\([^()]*", between) and not _coordinated(text, before):
            # "surpassing GPT-4o (85.8%)", "against the MI300X (192GB HBM3, 5.3 TB/s)": the bracketed figures are
            # the name's own
            return nearest
    trained = [n for n in candidates if n.kind in ("model", "product") and _TRAINED.search(text, cs, n.start)]
    if trained:
        return trained[0]  # "Meta used 16,000 GPUs to train Llama 3.1": the figures are the model's training run
    if after and re.fullmatch(r"\s+(?:[a-z]+ed\s+)?(?:for|from|by|of)\s+(?:the\s+)?", text[end : after[0].start]):
        return after[0]  # "68.4% for GPT-5.2", "written 100% by Claude Code"
    window_start = max(cs, start - 30)
    compared = COMPARISON_BEFORE.search(text[window_start:start])
    if compared and not any(window_start + compared.start() <= n.start for n in before):
        # "... vs 57.7%": the figure belongs to whatever is compared against, which the clause does not name
        # ("competitive with Orion-2 at $0.07" names it: the figure is not Orion-2's, see below)
        if not (before and re.match(r"^'s?\s", text[before[-1].end : start])):
            return None
    if not before:
        referent = _definite_reference(ctx, start, cs, names)
        if referent is not None:
            return referent
    if not before and PRONOUN_START.match(text) and ctx.state.last_subject:
        # "It scores 75.0% on ...": the sentence continues the previous one's subject
        kind = ctx.lex.kind_of(ctx.state.last_subject) or "model"
        if kind in kinds:
            return Name(0, 0, ctx.state.last_subject, ctx.state.last_subject, kind)
    pronoun = PRONOUN_START.match(text)
    if not before and pronoun and not ctx.state.last_subject:
        # "It ..." with nothing named before it in the article: the entity the article is about, if it is clear
        return _placeholder(MAIN_LAB if pronoun.group(0) in ("The company", "The lab") else MAIN_MODEL, kinds)
    if before and _coordinated(text, before):
        return None  # "models based on Qwen 2.5 and Llama 3, from 1.5B to 70B": whose figure is not said
    if before:
        # the nearest entity before the value that is not itself the target of a comparison ("X offered
        # performance competitive with Y at $0.07": X's price)
        for nearest in reversed(before):
            if not COMPARISON_BEFORE.search(text[max(cs, nearest.start - 30) : nearest.start]):
                return nearest
    if after:
        first = after[0]
        if not COMPARISON_BEFORE.search(text[max(cs, first.start - 30) : first.start]):
            return first
    if not candidates:
        earlier = _one_model_earlier(text, names, cs)
        if earlier is not None:
            return earlier
        unit_names = [n for n in names if n.canonical]
        whole_sentence = (cs, ce) == (0, len(text))
        if whole_sentence and len({n.canonical for n in unit_names}) == 1:
            return unit_names[0]  # one entity in a one-clause sentence: "... , says Anthropic"
        if not unit_names and PRONOUN_START.match(text) and ctx.state.last_subject:
            canonical = ctx.state.last_subject
            kind = ctx.lex.kind_of(canonical) or "model"
            if kind in kinds:
                return Name(0, 0, canonical, canonical, kind)
    named = [
        n
        for n in ctx.unit_names
        if n.canonical
        and n.kind in SUBJECT_KINDS
        and not _equipment(text, n)
        and not _compared(text, n)
        and not (n.start >= end and _opened_aside(text[end : n.start]))
    ]  # "280K GPU hours (vs. Llama 3's 30.8M)": a comparison's target does not name the unit's subject
    lead = ctx.unit.kind == "sentence" and ctx.state.prose_units == 0  # the article's opening sentence
    if not named and (ctx.unit.kind == "list_item" or lead or _FACT_LINE.match(text)):
        # "Total parameters: 671 billion", a spec list's "- 128K context": a fact line that names nothing is
        # about the article's model, if it has one (a prose sentence that names nothing stays unattributed:
        # "Two researchers closed 23% of the gap" is not the model's figure)
        if ctx.state.section_subject and ctx.unit.kind == "list_item":
            # "- DeepSeek-V3" then "- Trained on 16.5T tokens": the list item heading the facts
            return Name(0, 0, ctx.state.section_subject, ctx.state.section_subject, "model")
        return _placeholder(UNNAMED, kinds)
    return None


def _opened_aside(between: str) -> bool:
    """The text between a value and a name opens a bracket with words before the name: "(double the memory of";
    a bracket the name opens ("750W (MI300X)") labels the value instead."""
    opened = between.rfind("(")
    return opened >= 0 and ")" not in between[opened:] and bool(between[opened + 1 :].strip())


def _coordinated(text: str, before: Sequence[Name]) -> bool:
    """Whether the nearest name before a value is joined to another one ("Qwen 2.5 and Llama 3", "A, B or C")."""
    if len(before) < 2:
        return False
    a, b = before[-2], before[-1]
    return a.canonical != b.canonical and _JOINED.fullmatch(text, a.end, b.start) is not None


_JOINED = re.compile(r"\s*,?\s*(?:and|or|&)\s*")


# a name that only describes another: "the OpenAI competitor", "Microsoft-backed Mistral", "a Google alum"
_MODIFIES = re.compile(
    r"(?:-(?:backed|funded|owned|led|style)\b|\s+(?:competitor|rival|challenger|alternative|backer|investor|"
    r"spin-?off|alum(?:ni|nus)?)s?\b)",
    re.IGNORECASE,
)


def _compared(text: str, name: Name) -> bool:
    """Whether a name is the target of a comparison right before it ("vs. Llama 3", not "compared to 2024, X")."""
    window = text[max(0, name.start - 30) : name.start]
    m = COMPARISON_BEFORE.search(window)
    return m is not None and "," not in window[m.start() :]


# "Context window: 128K tokens", "Training time: 280K"; a label with its figure in brackets ending the line
# ("Tokens hit by cache ($1/million tokens)")
_FACT_LINE = re.compile(r"^[A-Z][\w ()/.-]{1,40}:\s|^[A-Z][\w ]{1,50}\s\([^()]*\d[^()]*\)$")
# a turn to another subject: "but the rival model costs", "while Orion-2 ..."; "but shipped with" keeps the subject
_CONTRAST = re.compile(
    r"\b(?:(?:but|while|whereas|although|though)\s+(?:the|a|an|its|their|this|that|these|those|other|rival|"
    r"competing|[A-Z])|unlike|rivals?|competitors?)\b"
)


def _one_model_earlier(text: str, names: Sequence[Name], cs: int) -> Name | None:
    """ "DeepSeek released its V3 model - a 671B parameter MoE that activates 37B": a clause that names nothing
    continues the one model its sentence named before it, unless the sentence turns to a contrast."""
    earlier = [
        n
        for n in names
        if n.kind in ("model", "product")
        and n.canonical
        and n.end <= cs
        and not COMPARISON_BEFORE.search(text[max(0, n.start - 30) : n.start])
    ]
    if len({n.canonical for n in earlier}) != 1 or _CONTRAST.search(text, earlier[-1].end, cs):
        return None
    return earlier[-1]


def _placeholder(which: str, kinds: frozenset[str] | set[str]) -> Name | None:
    """A subject the text refers to without naming it, resolved once the whole article is read."""
    kind = "lab" if which == MAIN_LAB else "model"
    return Name(0, 0, which, which, kind) if kind in kinds else None


_EQUIPMENT_AFTER = re.compile(r"\s?(?:GPUs|chips|accelerators|cards|GPU[- ]hours?|clusters|nodes|servers)\b|s\b")
# "2,048 NVIDIA H800", "16K H100" (a year is not a count: "In 2024 Meta ...")
_COUNT_BEFORE = re.compile(r"(?<![\d,.])(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?\s*(?:[KkMm]\s?)?\s(?:[A-Z][A-Za-z]+\s)?$")


def _equipment(text: str, name: Name) -> bool:
    """ "2,048 H800 GPUs", "16,000 H100s", "2.788M H800 GPU-hours": the chips a figure counts are its unit, not
    whom the figure is about (a chip's own spec, "The H100 has 80 GB", still has the chip as its subject)."""
    if name.end == 0:
        return False
    return bool(_EQUIPMENT_AFTER.match(text, name.end)) or bool(
        _COUNT_BEFORE.search(text, max(0, name.start - 40), name.start)
    )


_TRAINED = re.compile(r"\btrain(?:s|ed|ing)?\s+(?:the\s+|its\s+|their\s+)?$")
_REFERENCE = re.compile(
    r"\b(?:the|this) (?:(?P<model>model|system)|(?P<lab>company|lab|startup|firm)|"
    r"(?P<device>chip|GPU|accelerator|processor|APU|superchip|supercomputer|cluster|machine))\b",
    re.I,
)


def _definite_reference(ctx: UnitContext, start: int, cs: int, names: Sequence[Name]) -> Name | None:
    """ "OpenAI released X ..., and said the model scores 57.7%": "the model" is the one model named earlier in the
    sentence, "the company" the one lab; with two candidates, or none, the reference is not clear."""
    refs = [m for m in _REFERENCE.finditer(ctx.text, cs, start)]
    if not refs:
        return None
    ref = refs[-1]
    kinds = ("lab",) if ref.group("lab") else ("model", "product")
    earlier = {n.canonical: n for n in names if n.kind in kinds and n.canonical and n.end <= ref.start()}
    named = any(n.kind in kinds and n.canonical and n.end <= ref.start() for n in ctx.unit_names)
    if ref.group("device") and not earlier and not named:
        # "Overall, the chip weighs in with 153 billion transistors": the device the previous sentence was about
        last = ctx.state.last_subject
        if last and (ctx.lex.kind_of(last) or "model") in kinds:
            return Name(0, 0, last, last, "model")
        return None
    if not earlier and not named:
        # nothing of that kind named before it in the sentence: the one the article is about, if that is clear
        which = MAIN_LAB if ref.group("lab") else MAIN_MODEL
        return Name(0, 0, which, which, kinds[0])
    return next(iter(earlier.values())) if len(earlier) == 1 else None


def release_subject(ctx: UnitContext, start: int, end: int, cs: int, ce: int, names: Sequence[Name]) -> Name | None:
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
    if earlier:
        return earlier[-1]
    for lab in (n for n in names if n.kind == "lab" and n.canonical and cs <= n.start and n.end <= start):
        if _LAB_MODEL.match(ctx.text, lab.end):
            # "Anthropic model released February 24, 2025" under a model's title: the lab's model the page is about
            return Name(0, 0, MAIN_MODEL, MAIN_MODEL, "model")
    return None


_LAB_MODEL = re.compile(r"(?:'s)?\s+(?:new\s+|latest\s+|flagship\s+)?model\b")


def paren_after_name(ctx: UnitContext, d: DateMatch, names: Sequence[Name]) -> Name | None:
    """ "Version 4.0 (2024)", "GPT-3 (2020)": a year in brackets right after a model name is its release."""
    m = re.search(r"\(\s*$", ctx.text[: d.start])
    if not m:
        return None
    for name in names:
        if name.kind in ("model", "product") and name.canonical and 0 <= m.start() - name.end <= 1:
            return name
    return None


def rule_subject(
    ctx: UnitContext, rule: MetricRule, subject: Name | None, names: Sequence[Name], clause: str
) -> str | None:
    """The subject a metric rule asks for: the value's own, the owning lab (``owner``) or two models (``pair``)."""
    if rule.subject == "pair":
        models = [
            n.canonical
            for n in names
            if n.kind in ("model", "product") and n.canonical and n.start >= ctx.text.find(clause)
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
        return ctx.lex.owner_of(subject.canonical) or subject.canonical
    labs = [n for n in names if n.kind == "lab"]
    if labs:
        return labs[0].canonical
    owners = {ctx.lex.owner_of(n.canonical) for n in names if n.canonical and n.kind in ("model", "product")}
    owners.discard(None)
    return owners.pop() if len(owners) == 1 else None


def remember_subject(ctx: UnitContext, names: Sequence[Name]) -> None:
    """Remember what the unit was about, for a following "It ..." sentence: a model or product first; a
    heading or list item that is only a name ("- DeepSeek-V3") heads the fact lines that follow it."""
    if ctx.unit.kind in ("heading", "list_item"):
        whole = [n for n in names if n.kind in ("model", "product") and n.canonical]
        bare = ctx.text.strip(" -*#:\t")
        if len(whole) == 1 and len(whole[0].text) >= 0.8 * len(bare):
            ctx.state.section_subject = whole[0].canonical
        elif ctx.unit.kind == "heading":
            ctx.state.section_subject = None
    elif ctx.unit.kind == "sentence":
        ctx.state.section_subject = None  # prose ends the list a name headed
    if PRONOUN_START.match(ctx.text) and not any(n.kind in ("model", "product") for n in names):
        return  # "It is OpenAI's first model ...": still about the previous sentence's model
    for kinds in (("model", "product"), ("lab",)):
        for name in names:
            if name.kind in kinds and name.canonical:
                if COMPARISON_BEFORE.search(ctx.text[max(0, name.start - 30) : name.start]):
                    continue  # "... five times higher compared to the T300": the yardstick is not what it is about
                ctx.state.last_subject = name.canonical
                return


def resolve_references(claims: Sequence[Claim], state: ArticleState) -> list[Claim]:
    """Give "the model", "It" and unnamed units the entity the article is about, or no subject when unclear.

    The article is about a model when its title names exactly one, or when one model is named at least three
    times and twice as often as any other ("V3" counting as "DeepSeek V3" where the article says so). A fact
    line that names nothing is given that model only when it is also named twice as often as any other model,
    or when the title names it and the text names no other model more often.
    """
    counts: Counter[str] = Counter()
    for key, count in state.models.items():
        long_form = _long_form(state.spellings.get(key, key), state) if SHORT_NAME.fullmatch(key.upper()) else None
        counts[entity_key(long_form) if long_form else key] += count
    models = counts.most_common(2)
    title = next(iter(state.title_models)) if len(state.title_models) == 1 else None
    dominant = None
    if models and models[0][1] >= 3 and (len(models) == 1 or models[0][1] >= 2 * models[1][1]):
        dominant = models[0][0]
    main_model = title or dominant
    labs = state.labs.most_common(2)
    main_lab = next(iter(state.title_labs)) if len(state.title_labs) == 1 else None
    if main_lab is None and labs and labs[0][1] >= 2 and (len(labs) == 1 or labs[0][1] >= 2 * labs[1][1]):
        main_lab = labs[0][0]
    others = [count for key, count in counts.items() if key != main_model]
    # a fact line that names nothing is about the main model when the text says so clearly: the title names it and
    # no other model is named more often, or it is named twice as often as any other
    most_other = max(others, default=0)
    clear = main_model is not None and (
        counts[main_model] >= 2 * most_other or (main_model == title and counts[main_model] > most_other)
    )
    unnamed = main_model if clear else None
    answer = {
        MAIN_MODEL: state.spellings.get(main_model, main_model) if main_model else None,
        MAIN_LAB: main_lab,
        UNNAMED: state.spellings.get(unnamed, unnamed) if unnamed else None,
    }
    service = next(iter(state.title_products)) if len(state.title_products) == 1 else None
    out = []
    for claim in claims:
        if claim.subject in PLACEHOLDERS:
            subject = answer[claim.subject] if claim.metric is not None else None
            if claim.subject == UNNAMED and service and claim.metric and _SERVICE_METRIC.search(claim.metric):
                subject = state.spellings.get(service, service)  # "Free tier: 50 requests/minute" on an API's page
            claim = replace(claim, subject=subject)
        out.append(claim)
    return out


# what a service has rather than a model: its plans and tiers, its rate limits
_SERVICE_METRIC = re.compile(r"\((?:\w+ )?(?:tier|plan)(?: \d)?\)$|^(?:\w+ )?(?:requests|tokens|queries|calls) per ")


def compared_with(names: Sequence[Name], subject: str | None) -> str | None:
    """The other side of a multiplier: the one model its sentence names besides the subject ("Opus 4.6 is roughly
    2x the price of GPT-5.4" -> "GPT-5.4"); None when the sentence names no other model, or several."""
    others = {n.canonical for n in names if n.kind == "model" and n.canonical and n.canonical != subject}
    return next(iter(others)) if len(others) == 1 else None


def expand_short_names(claims: Sequence[Claim], state: ArticleState) -> list[Claim]:
    """ "R1" in an article that also writes "DeepSeek-R1", or that names DeepSeek before "its V3 model", is that
    lab's model: the subject takes the long form, so it aligns with other articles' "DeepSeek-V3". Without such
    evidence in the article (two long forms, two labs, or none) the short name stays as written."""
    expanded: dict[str, str | None] = {}
    out = []
    for claim in claims:
        subject = claim.subject
        if subject and SHORT_NAME.fullmatch(subject):
            if subject not in expanded:
                expanded[subject] = _long_form(subject, state)
            long_form = expanded[subject]
            if long_form:
                claim = replace(claim, subject=long_form)
        out.append(claim)
    return out


def _long_form(short: str, state: ArticleState) -> str | None:
    key = entity_key(short)
    longer = {
        spelling
        for k, spelling in state.spellings.items()
        if k != key and k.endswith(key) and re.fullmatch(r"[a-z]{2,}", k[: -len(key)])
    }
    if len(longer) == 1:
        return longer.pop()
    owners = state.short_owners.get(key, set())
    if not longer and len(owners) == 1:
        brand = _ORG_TAIL.sub("", next(iter(owners))) or next(iter(owners))
        return f"{brand} {short}"  # "Nimbus Labs" + "R1" is "Nimbus R1", as other articles write it
    return None


_ORG_TAIL = re.compile(r"(?:\s+(?:Labs?|AI|Inc\.?|Corp\.?|Corporation|Research|Technologies|Systems))+$")


_VARIANT_KEY = re.compile(r"[a-z]\w*|\d+[bmt]")  # "scout", "405b" after "llama4" / "llama31"; not "5" (Llama 4.5)
_SIZE_METRICS = re.compile(
    r"^(?:number of (?:active |total )?(?:parameters|experts|routed experts|activated experts)|context window.*)$"
)


def without_family_sizes(claims: Sequence[Claim], state: ArticleState) -> list[Claim]:
    """ "Llama 4 has 17B active and 109B total parameters" in an article that names Llama 4 Scout and Llama 4
    Maverick: the size belongs to one of the variants, and the text does not say which, so no subject."""
    out = []
    for claim in claims:
        if claim.subject and claim.metric and _SIZE_METRICS.match(claim.metric):
            key = entity_key(claim.subject)
            variants = [
                k for k in state.spellings if k != key and k.startswith(key) and _VARIANT_KEY.fullmatch(k[len(key) :])
            ]
            if len(variants) >= 2:
                claim = replace(claim, subject=None)
        out.append(claim)
    return out
