"""What a value measures: its metric, from the words around it.

Owns the metric of a quantity in prose: a benchmark named next to a score, a price per token and which side of
it (input, output, cached input), a lexicon metric rule, or a plain description from the phrase after the value
("share of merged code", "number of engineers"); carrying an earlier figure's metric over to "this figure";
marking where a "from X to Y" series starts; and dropping numbers nobody could check.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Claim, Quantity, replace
from ..values.quantities import QuantityMatch
from . import hardware, subjects
from .context import Located, UnitContext
from .lexicon import Name

VAGUE_NOUNS = frozenset(
    (
        "things ways steps parts kinds types reasons routes pathways mechanisms options questions points aspects "
        "areas camps sides times cases examples ideas stages phases years months days"
    ).split()
)
_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those", "which", "its"})
_FILLER = frozenset(
    (
        "after before when during since until compared versus by of on in at to for with from and or the a an vs "
        "than as is was over under while which that this"
    ).split()
)
_GPU_UNIT = re.compile(
    r"(?:(?:nvidia|amd|intel|google)\s+)?(?:(?P<chip>[a-z]{1,3}\d+[a-z]?)\s+)?(?:gpus?|chips?|accelerators?)"
    r"|(?:(?:nvidia|amd)\s+)?(?P<plural>[a-z]{1,3}\d+[a-z]?)s",
    re.IGNORECASE,
)
_BACK_REFERENCE = re.compile(
    r"\b(?:(?:this|that|the) (?:figure|number|share|rate|percentage|proportion)|of it|of that)\b",
    re.IGNORECASE,
)


def metric(
    ctx: UnitContext,
    q: Quantity,
    v: Located,
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
        return price_metric(ctx, q, v, quantities, index), None, subject_canonical
    if q.kind == "count" and q.change and q.unit:
        # "128 billion more transistors", "20 more engineers": a difference, never compared with a total
        return f"change in number of {q.unit}", None, subject_canonical
    size = model_size(ctx, q, v)
    if size is not None:
        # a lab has no parameter count ("the 405B variant pushed Meta ...")
        return size, None, None if subject is not None and subject.kind == "lab" else subject_canonical
    # a chip's figure: its unit and the words around it say what it measures ("20 PFLOPS FP8", "750W TDP")
    spec = hardware.metric(q, ctx.text, v.start, v.end, clause_start, clause_start + len(clause))
    if spec is not None:
        return spec, None, subject_canonical
    benchmark = nearest_benchmark(v, clause_start, clause_start + len(clause), names, ctx.text)
    anchor = (v.start - clause_start, v.end - clause_start)
    rule = ctx.lex.match_metric(clause, q.kind, anchor, q.unit)
    adjacent = benchmark is not None and benchmark_distance(v, names) <= 25
    if benchmark and (adjacent or rule is None):
        if q.kind in ("percent", "score", "number") and not q.change:
            return benchmark, None, subject_canonical
        if q.kind == "percentage_points" or q.change:
            return f"{benchmark} difference", None, subject_canonical
    scored = score_phrase(ctx, q, v, clause_start, clause_start + len(clause))
    if scored is not None and not adjacent:
        return scored, None, subject_canonical
    if rule is None and q.kind in ("percent", "percentage_points", "multiplier", "duration", "count"):
        # "X closed about 23% of the gap, while Y closed 97%": the sentence names the metric once
        rule = ctx.lex.match_metric(ctx.text, q.kind, (v.start, v.end), q.unit)
    if rule is not None:
        scope = ctx.lex.scope_of(rule, clause)
        name = f"{rule.name} ({scope})" if rule.distinct_scopes and scope else rule.name
        name = hardware.qualify_speedup(name, q, ctx.text, v.start, v.end, clause_start, clause_start + len(clause))
        return (
            name,
            None if rule.distinct_scopes else scope,
            subjects.rule_subject(ctx, rule, subject, names, clause),
        )
    return describe(ctx, q, v, clause, clause_start), None, subject_canonical


_SCORE_BEFORE = re.compile(
    r"(?P<np>(?:[a-z][\w-]*\s)?[a-z][\w-]*)\s+scores?\s+(?:(?:of|from|at|to|is|are|reach(?:es|ed)?)\s+)?"
    r"(?:\S+\s+to\s+)?(?:\w+\s+)?$"  # "scores from 68.4% to 87.3%": both figures are scores
)
_ON_TASKS = r"\s*[Oo]n\s+(?P<np>[a-z][\w-]*(?:\s[a-z][\w-]*)?)\s+(?:work|tasks?)\b"


def score_phrase(ctx: UnitContext, q: Quantity, v: Located, cs: int, ce: int) -> str | None:
    """A score named by the phrase around it: "spreadsheet-modeling scores from 68.4%", "87.3% on coding tasks",
    "On legal-drafting work, X reaches 81%". The phrase is the metric; nothing here names one domain."""
    if q.kind not in ("percent", "score") or q.change:
        return None
    m = _SCORE_BEFORE.search(ctx.text[max(cs, v.start - 60) : v.start])
    if m is None:
        m = re.match(_ON_TASKS, ctx.text[v.end : ce])
    if m is None:
        m = re.match(_ON_TASKS, ctx.text[cs:ce])
    if m is None:
        return None
    words = m.group("np").split()
    while words and (words[0] in _FILLER or words[0] in _PRONOUNS or words[0] in ("internal", "new", "its", "their")):
        words = words[1:]
    return f"{' '.join(words)} score" if words else None


def benchmark_distance(v: Located, names: Sequence[Name]) -> int:
    gaps = [min(abs(n.start - v.end), abs(v.start - n.end)) for n in names if n.kind == "benchmark"]
    return min(gaps) if gaps else 10**9


def nearest_benchmark(v: Located, cs: int, ce: int, names: Sequence[Name], text: str = "") -> str | None:
    benches = [n for n in names if n.kind == "benchmark" and cs <= n.start < ce]
    # a benchmark named in an aside the value is not in ("X-Redux (a cleaned-up version of X) 89.1%") is not its own
    outside = [n for n in benches if not _in_aside(text, n.start, v.start)]
    benches = outside or benches
    if not benches:
        return None
    return min(benches, key=lambda n: min(abs(n.start - v.end), abs(v.start - n.end))).canonical


def _in_aside(text: str, start: int, value_start: int) -> bool:
    """Whether ``start`` lies inside a parenthesis that closes before ``value_start`` (or opens after it)."""
    if not text:
        return False
    opened = text.rfind("(", 0, start)
    if opened < 0 or text.rfind(")", opened, start) >= 0:
        return False
    closed = text.find(")", start)
    return closed >= 0 and not (opened < value_start < closed)


def price_metric(ctx: UnitContext, q: Quantity, v: Located, quantities: Sequence[QuantityMatch], index: int) -> str:
    text = ctx.text
    per = q.unit.split("/", 1)[1] if q.unit and "/" in q.unit else "1M tokens"
    window = text[max(0, v.start - 25) : v.end + 25].lower()
    prev_q = quantities[index - 1] if index > 0 else None
    next_q = quantities[index + 1] if index + 1 < len(quantities) else None
    # a cache tier named after the amount, before the next amount: "$0.14 ... for cache hits and $0.55 ..."
    after = text[v.end : next_q.start if next_q else v.end + 25].lower()
    cache = re.search(r"\bcache (?:hits?|miss(?:es)?)\b|\bcached\b", after)
    if cache:
        return f"{_side_name(cache.group())} price per {per}"
    if (
        next_q
        and next_q.value.kind == "money"
        and text[v.end : next_q.start].strip() == "/"
        or (next_q and next_q.value.kind == "money" and text[v.start : next_q.start].rstrip().endswith("/"))
    ):
        return f"input price per {per}"
    if prev_q and prev_q.value.kind == "money" and text[prev_q.end : v.start].strip() == "/":
        return f"output price per {per}"
    # the label nearest the amount wins: "Input tokens cost $3.00 per million, output $12.00"
    offset = max(0, v.start - 25)
    value_start, value_end = v.start - offset, v.end - offset
    labels = [
        (max(0, m.start() - value_end, value_start - m.end()), -len(m.group(1)), m.group(1))
        for m in _PRICE_SIDES.finditer(window)
        # a label right in front of the next amount introduces that amount ("..., output $12.00")
        # ("$1.25 input, $10 output": a label right after the amount is its own)
        if not (
            m.start() >= value_end
            and window[value_end : m.start()].strip()
            and _INTRODUCES_AMOUNT.match(window, m.end())
        )
    ]
    if labels:
        return f"{_side_name(min(labels)[2])} price per {per}"
    return f"price per {per}"


_PRICE_SIDES = re.compile(
    r"\b(cache hits?|hit by (?:the )?cache|cache miss(?:es)?|cached input|cached|batch|off-peak|output|input)\b", re.I
)
_TIERS = ("cache", "batch", "off-peak")


def _side_name(label: str) -> str:
    """A price label as a side of the general vocabulary: a cache hit is the cached-input price, and a cache
    miss is the standard input price ("$0.55 for cache misses" = "$0.55 per million input tokens")."""
    label = label.lower()
    if label.startswith("cache miss"):
        return "input"
    if label.startswith(("cache hit", "cached", "hit by")):
        return "cached input"
    return label


def price_side(heading: str) -> str | None:
    """The side a table heading gives its prices, or None: a tier outranks the side it qualifies
    ("1M Tokens Input Price (Cache Hit)" is the cached-input price, "Batch Output" the batch price)."""
    labels = [m.group(1).lower() for m in _PRICE_SIDES.finditer(heading)]
    if not labels:
        return None
    return _side_name(next((label for label in labels if label.startswith(_TIERS)), labels[0]))


_TOKENS_PER = re.compile(
    r"(?i)(?:\b1\s?(?P<short>[KMB])|\bper\s+(?P<word>thousand|million|billion))\s+(?:(?:input|output)\s+)?tokens?\b"
)


def tokens_per(heading: str) -> str | None:
    """The number of tokens a heading prices its cells per ("1M Tokens Output Price" -> "1M tokens"), or None."""
    match = _TOKENS_PER.search(heading)
    if match is None:
        return None
    letter = (match.group("short") or match.group("word")[0]).upper()
    return f"1{letter} tokens"


# a side label right before the next amount introduces it: "..., output $12.00", "; output is $10", "output at $8"
_INTRODUCES_AMOUNT = re.compile(
    r"[\s:,-]*(?:tokens?\s*)?(?:(?:costs?|is|are|runs?|at|priced at|comes? to|of)\s*)*[$€£¥]", re.IGNORECASE
)


# a fact line's label that says the figure is a parameter count: "Total parameters: ", "Active params per token: "
_PARAMETER_LABEL = re.compile(r"(?:^|[-\u2022*]\s*)(?:\w+\s+)?param(?:eter)?s?\b[^:.;]{0,25}:\s*[~≈]?$", re.IGNORECASE)


_VARIANT_NOUNS = frozenset(("sizes", "variants", "versions", "flavors", "flavours", "models", "checkpoints"))


def model_size(ctx: UnitContext, q: Quantity, v: Located) -> str | None:
    """Parameter counts, total or active: "671B parameters", "37 billion activated", a bare "70B" (a model size).

    Total and active counts are different metrics, never compared with each other.
    """
    label = _PARAMETER_LABEL.search(ctx.text, max(0, v.start - 50), v.start) if q.kind == "number" else None
    bare_size = q.kind == "number" and (
        re.search(r"\d\s?B$", q.text) is not None
        or re.match(r"\s*(?:active|activated|total)\b", ctx.text[v.end : v.end + 12]) is not None
        or label is not None
    )
    if q.kind == "count" and q.unit in _VARIANT_NOUNS and re.search(r"\d\s?[BMT]$", q.text.split()[0]):
        return "number of parameters"  # "in 8B, 70B and 405B sizes": each a model size, not a number of sizes
    # "34T parameters/sec" is a rate, not a size
    counted = q.kind == "count" and bool(q.unit) and "/" not in (q.unit or "")
    if not (bare_size or (counted and (q.unit or "").split()[-1].lower().startswith("parameter"))):
        return None
    # the nearest marker wins: the fact line's label, the value's own unit, then the words right after it, then
    # right before it ("17 billion active and 400 billion total parameters", "activates only 37B of its 671B")
    if label:  # "Total parameters: 671 billion", "Active parameters per token: 37 billion"
        return "number of active parameters" if re.search(r"activ", label.group(0), re.I) else "number of parameters"
    for near in (q.unit or "", ctx.text[v.end : v.end + 12], ctx.text[max(0, v.start - 16) : v.start]):
        m = re.search(r"\b(?:(?P<active>activ(?:e|ated?|ates|ating))|(?P<total>total))\b", near.lower())
        if m:
            return "number of active parameters" if m.group("active") else "number of parameters"
    return "number of parameters"


def describe(ctx: UnitContext, q: Quantity, v: Located, clause: str, clause_start: int) -> str | None:
    """A plain description of what an unmatched quantity measures, from the words around it."""
    if q.kind == "count" and q.unit:
        if q.unit.split()[-1].lower() in VAGUE_NOUNS:
            return None
        if "/" in q.unit:  # "50 requests/minute": a rate limit or a speed, not a count of requests
            counted, per = q.unit.rsplit("/", 1)
            return f"{counted} per {per}"
        gpus = _GPU_UNIT.fullmatch(q.unit)
        if gpus:
            # "16,000 Nvidia H100 GPUs" = "16,000 H100s"; a count that names no chip is another metric
            chip = gpus.group("chip") or gpus.group("plural")
            return f"number of {chip.upper()} GPUs" if chip else "number of GPUs"
        return f"number of {q.unit}"
    if q.kind == "money" and q.rate and q.unit and "/" in q.unit:
        return f"price per {q.unit.split('/', 1)[1]}"  # "$20 a month", "$2.40 per GPU hour"
    after = ctx.text[v.end : clause_start + len(clause)]
    m = re.match(r"\s+(?:of|on|in)\s+(?:the\s+|its\s+|their\s+)?(?P<np>[a-z][\w-]*(?:\s[a-z][\w-]*){0,3})", after)
    if m and q.kind in ("percent", "fraction") and m.group("np").split()[0] not in _PRONOUNS:
        return "share of " + m.group("np")
    m = re.match(r"\s+(?P<np>(?:more |less |fewer )?[a-z][\w-]*(?:\s[a-z][\w-]*){0,2})", after)
    if m and q.kind in ("percent", "multiplier") and m.group("np").split()[0] not in _FILLER:
        return m.group("np")
    return None


# a plan or tier the figure holds for: "Free tier: 50 requests/minute", "the Pro plan costs $20 a month", "Tier 3"
_TIER = re.compile(
    r"\b(?:(?P<plan>free|paid|pro|plus|premium|enterprise|team|business|developer|education|max|ultra|starter|"
    r"basic|standard|scale|priority|flex)[- ](?P<what>tier|plan|subscription|subscribers?|users?)\b|"
    r"(?P<tier>tier)[- ](?P<n>[1-9])\b)",
    re.IGNORECASE,
)


def with_tier(ctx: UnitContext, q: Quantity, metric: str | None, clause: str) -> str | None:
    """A figure for one plan or tier is not the figure for another: "requests per minute (free tier)".

    The tier comes from the value's clause, else (not for prices) from the heading of its section ("## Free
    tier")."""
    if metric is None:
        return None
    m = _TIER.search(clause)
    if m is None and ctx.unit.section and q.kind != "money":
        m = _TIER.search(ctx.unit.section)  # a price under "## Free tier" is more likely the paid price it compares
    if m is None:
        return metric
    if m.group("tier"):
        return f"{metric} (tier {m.group('n')})"
    # "Pro plan", "Pro subscription" and "Pro subscribers" name a plan; "free tier" and "free users" a tier
    what = "plan" if m.group("what").lower().startswith(("plan", "subscri")) else "tier"
    return f"{metric} ({m.group('plan').lower()} {what})"


_DENOMINATOR = re.compile(r"\bper\s+$", re.IGNORECASE)
_TIER_BEFORE = re.compile(
    r"\b(?:prompts?|contexts?|inputs?|requests?|input|output)\s+(?:(?:of\s+)?(?:up\s+to|over|above|under|below|"
    r"beyond|longer\s+than|shorter\s+than|more\s+than|less\s+than)\s+)?$",
    re.IGNORECASE,
)
_COMPARATOR = re.compile(r"(?:up\s+to|over|above|under|below|beyond|more\s+than|less\s+than)\s+$", re.IGNORECASE)
_TIER_AFTER = re.compile(r"\s*(?:tokens?\s+)?(?:context|prompts?)\b", re.IGNORECASE)
_CLASS_OF = re.compile(r"\b(?:of|like|than|as|to|with)\s+an?\s+$", re.IGNORECASE)
_MODEL_AFTER = re.compile(r"\s*(?:-?\s*parameters?\s+)?(?:dense\s+)?model\b", re.IGNORECASE)


def not_a_claim(ctx: UnitContext, q: Quantity, v: Located, quantities: Sequence[QuantityMatch], index: int) -> bool:
    """Numbers that state nothing about anyone: a rate's denominator ("$10 per 1M tokens", counted apart from
    the price), a price tier's condition ("$2.50 for prompts over 200K tokens", "Cost (>200K context)"), a
    class a figure is compared with ("the inference cost of a ~37B model"), and a figure referred back to
    ("that $6 million figure")."""
    before = ctx.text[max(0, v.start - 40) : v.start]
    if _THAT_BEFORE.search(before) and _FIGURE_AFTER.match(ctx.text, v.end):
        return True  # "that $6 million figure is a wake-up call": the figure stated earlier, not a new claim
    if q.kind not in ("count", "number"):
        return False
    if _DENOMINATOR.search(before) or _EACH_AFTER.match(ctx.text, v.end):
        return True  # "8 experts of 22 billion parameters each": a part's figure, not the whole's
    priced = any(m.value.kind == "money" for m in quantities[:index]) or "cost" in before.lower()
    bounded = bool(q.hedge) or q.text[:1] in "\u2264\u2265<>" or bool(_COMPARATOR.search(before))
    tier = bounded and (_TIER_BEFORE.search(before) or _TIER_AFTER.match(ctx.text, v.end))
    if tier and priced:
        return True
    return bool(_CLASS_OF.search(before) and _MODEL_AFTER.match(ctx.text, v.end))


_EACH_AFTER = re.compile(r"\s+(?:each|apiece|per (?:expert|layer|head|chiplet|die|card|node))\b", re.IGNORECASE)
_THAT_BEFORE = re.compile(r"\b(?:that|this|those|these)\s+$", re.IGNORECASE)
_FIGURE_AFTER = re.compile(r"\s+(?:figure|number|sum|amount|price tag|estimate|claim)s?\b", re.IGNORECASE)


def is_noise(q: Quantity) -> bool:
    """Numbers with no metric that a reader could never check against anything."""
    if q.kind == "number":
        return True  # "The two flagships", a bare "3"
    if q.kind == "count" and q.unit and q.unit.split()[-1].lower() in VAGUE_NOUNS:
        return True
    return False


def starting_value(ctx: UnitContext, v: Located, quantities: Sequence[QuantityMatch], index: int) -> str | None:
    """ "lifts scores from 68.4% to 87.3%": the first figure is where it started, not what holds now."""
    if index + 1 >= len(quantities):
        return None
    head = ctx.text[max(0, v.start - 40) : v.start]
    between = ctx.text[v.end : quantities[index + 1].start]
    if re.search(r"\bfrom\s+(?:\w+\s+){0,3}$", head, re.IGNORECASE) and re.fullmatch(
        r"\s+(?:[\w-]+\s+){0,3}to\s+(?:\w+\s+)?", between, re.IGNORECASE
    ):
        return f"starting value (from {ctx.text[v.start : quantities[index + 1].end]})"
    return None


def back_reference(ctx: UnitContext, claim: Claim, subject_name: Name | None, earlier: Sequence[Claim] = ()) -> Claim:
    """ "Before Claude Code came out, that share sat in the single digits": carry the earlier metric over.

    "This figure" refers to the nearest figure before it: earlier in the same sentence ("In May 2025 X
    achieved a 3x speedup; by April 2026 Y had pushed this figure to 52x"), else in the previous unit.
    """
    if claim.metric is not None or not _BACK_REFERENCE.search(ctx.text):
        return claim
    same_kind = [
        c
        for c in earlier
        if c.metric
        and isinstance(c.value, Quantity)
        and isinstance(claim.value, Quantity)
        and c.value.kind == claim.value.kind
    ]
    previous = same_kind or [c for c in ctx.state.last_claims if c.metric and isinstance(c.value, Quantity)]
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
    if subject_name is not None and subject != ref.subject and ctx.lex.owner_of(subject) == ref.subject:
        subject = ref.subject
    return replace(claim, metric=ref.metric, subject=subject, scope=ref.scope, value=value)
