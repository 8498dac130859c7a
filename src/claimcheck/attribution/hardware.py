"""What a hardware figure measures: spec-sheet metrics in a general vocabulary.

Owns the metric of a chip's or a system's figure, read from its unit and the words around it, never from a list of
products: peak compute per precision (``peak FP8 compute``, dense and sparse kept apart), memory capacity and
bandwidth, interconnect bandwidth by kind (NVLink, die-to-die, network, PCIe), power (TDP), clock speed, and counts
of transistors, SMs, compute units, cores, chiplets and memory stacks (``304 CUs`` = ``304 compute units``). What
the figure is counted over is part of its identity: a rack's or a node's figure is not a GPU's, one die's
transistors are not the whole chip's, a bidirectional bandwidth is not a one-way one. A precision named next to a
speed-up ("6.8x in INT8") is part of that speed-up's metric too.

Also owns the spec tokens that are never names of models (``FP8``, ``BF16``, ``INT8``, ``HBM3e``, ``GDDR6X``,
``PCIe``): their digits are not values and they are not whom a figure is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..models import Quantity
from .lexicon import Name

# Number formats and memory or interface generations: words of a spec sheet, never a model's name.
PRECISION = r"(?:(?:MX|NV)?FP(?:64|32|16|8|6|4)|BF16|TF32|U?INT(?:16|8|4))"
SPEC_TOKEN = re.compile(rf"(?:{PRECISION}|(?:LP)?G?DDR\d[A-Za-z]?|HBM\d[A-Za-z]?|PCIe\d?|NVLink[\w-]*)")
_PRECISION = re.compile(rf"(?<![A-Za-z0-9]){PRECISION}(?![A-Za-z0-9])")
_SPARSE = re.compile(r"\b(?:(?P<sparse>sparse|sparsity)|(?P<dense>dense))\b", re.IGNORECASE)
# the scale a figure is counted over, when it is not one GPU: "per rack", "in a GB200 NVL72 rack", "each node"
_SCALE = re.compile(
    r"\b(?:per|in\s+an?|each|for\s+an?|across\s+an?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<scale>rack|node|server|system|pod|cluster|superchip|board|link|die|package)s?\b",
    re.IGNORECASE,
)
_DIRECTION = re.compile(r"\b(?P<d>bidirectional|bi-directional|unidirectional|aggregate)\b", re.IGNORECASE)
# kinds of bandwidth, by the words naming the link (the nearest to the figure wins)
_BANDWIDTH_KINDS = (
    ("memory bandwidth", re.compile(r"\b(?:HBM\w*|G?DDR\w*|memory|VRAM|DRAM)\b", re.IGNORECASE)),
    ("NVLink bandwidth", re.compile(r"\bNVLink[\w-]*", re.IGNORECASE)),
    (
        "die-to-die bandwidth",
        re.compile(r"\b(?:dies?|dual-die|die-to-die|chip-to-chip|NV-HSI|chiplet-to-chiplet)\b", re.IGNORECASE),
    ),
    ("network bandwidth", re.compile(r"\b(?:InfiniBand|IB|Ethernet|network(?:ing)?|RoCE|NICs?)\b")),
    ("PCIe bandwidth", re.compile(r"\bPCIe\w*", re.IGNORECASE)),
    ("decompression throughput", re.compile(r"\bdecompress\w*", re.IGNORECASE)),
)
_GENERIC_BANDWIDTH = (
    ("interconnect bandwidth", re.compile(r"\b(?:interconnect|Infinity Fabric|xGMI|fabric|links?|interface)\b", re.I)),
)
_CAPACITY_KINDS = (
    ("memory capacity", re.compile(r"\b(?:HBM\w*|G?DDR\w*|memory|VRAM|DRAM|RAM)\b", re.IGNORECASE)),
    ("cache size", re.compile(r"\b(?:cache|L[123]|SRAM)\b", re.IGNORECASE)),
    ("storage capacity", re.compile(r"\b(?:storage|SSDs?|NVMe|disks?)\b", re.IGNORECASE)),
)
_POWER = re.compile(r"\b(?:TDP|TBP|power|watts?|draws?|consum\w*|thermal design)\b", re.IGNORECASE)  # noqa: E501
_CLOCK = re.compile(r"\b(?P<which>boost|base|memory|game|peak)?\s*(?:clock|frequency|clocks?)\b", re.IGNORECASE)
# counted things of a chip: the noun (or its abbreviation) and the metric it names
_COUNT_NOUNS = (
    (re.compile(r"\btransistors?\b|\btransistor count\b", re.I), "number of transistors"),
    (re.compile(r"\b(?:SMs?|streaming multiprocessors?)\b", re.I), "number of SMs"),
    (re.compile(r"\b(?:CUs?|compute units?)\b", re.I), "number of compute units"),
    (re.compile(r"\btensor cores?\b", re.I), "number of tensor cores"),
    (re.compile(r"\b(?:CPU|Zen\s?\d*|Arm|Neoverse[\w ]*|x86|EPYC)\s+(?:CPU\s+)?cores?\b", re.I), "number of CPU cores"),
    (re.compile(r"\b(?:CUDA|FP32|shader|stream(?:ing)?)\s+cores?\b", re.I), "number of shader cores"),
    (re.compile(r"\bchiplets?\b|\bXCDs?\b|\bGCDs?\b|\bCCDs?\b", re.I), "number of chiplets"),
    (re.compile(r"\b(?:HBM\w*\s+)?stacks?\b|\b-stack\b", re.I), "number of memory stacks"),
    (re.compile(r"\bcores?\b", re.I), "number of cores"),
)
# metrics that name what a chip count counts: claims with one of them compare whatever the unit was written as
COUNTED_PARTS = frozenset(name for _pattern, name in _COUNT_NOUNS) | {"transistors per die"}
_AREA_AFTER = re.compile(r"\s?(?:mm²|mm2|mm\^2|square millimet)")
_LABEL_BEFORE = 48
_LABEL_TAIL = re.compile(
    r"([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3})\W*"
    r"(?:\b(?:number|count|total|is|are|of|at|go(?:es)? up to|up to|reach(?:es)?)\b\W*)*$"
)  # how far before a bare figure its label may stand ("Streaming Multiprocessors number 144")


def metric(q: Quantity, text: str, start: int, end: int, cs: int, ce: int, *, spec_sheet: bool = False) -> str | None:
    """The hardware metric of the value at [start, end) in the clause [cs, ce) of ``text``, or None.

    ``spec_sheet``: the value is a line of a product's spec sheet ("Total Capacity" / "192 GB", "Bandwidth" /
    "5.2 TB/s"), where bytes and bytes per second that name nothing else are the memory's, as such sheets write.
    """
    unit = q.unit or ""
    if q.kind == "measure":
        if unit in ("FLOP/s", "OP/s"):
            return _with_scale(_compute(text, start, end, cs, ce), text, start, end, cs, ce)
        if unit == "B/s":
            kind = (
                _nearest_kind(_BANDWIDTH_KINDS, text, start, end, cs, ce)
                or _nearest_kind(_GENERIC_BANDWIDTH, text, start, end, cs, ce)
                or ("memory bandwidth" if spec_sheet else "bandwidth")
            )
            direction = _DIRECTION.search(text, cs, ce)
            if direction:
                kind = f"{direction.group('d').lower().replace('bi-directional', 'bidirectional')} {kind}"
            return _with_scale(kind, text, start, end, cs, ce)
        if unit == "B":
            capacity = _nearest_kind(_CAPACITY_KINDS, text, start, end, cs, ce) or (
                "memory capacity" if spec_sheet else None
            )
            return _with_scale(capacity, text, start, end, cs, ce) if capacity else None
        if unit == "W":
            if not _POWER.search(text, cs, ce):
                return None
            return _with_scale("power (TDP)", text, start, end, cs, ce)
        if unit == "Hz":
            clock = _CLOCK.search(text, cs, ce)
            if clock is None:
                return None
            which = (clock.group("which") or "").lower()
            return f"{which} clock speed" if which in ("boost", "base", "memory") else "clock speed"
        return None
    if q.kind == "count" and unit:
        named = _count_noun(unit)
        if named is None:
            return None
        if named == "number of transistors" and _per_die(text, start, end, cs, ce):
            return "transistors per die"
        return named
    if q.kind == "number" and not q.change:
        if _AREA_AFTER.match(text, end):
            return "die area"  # "814 mm²"
        return _labelled_count(text, start, end, cs, ce)
    return None


def precision_of(text: str, start: int, end: int, cs: int, ce: int) -> str | None:
    """The number format named nearest to the value in its clause ("20 PFLOPS FP8", "FP8 ... is 5 petaFLOPS")."""
    best: tuple[int, str] | None = None
    for m in _PRECISION.finditer(text, cs, ce):
        gap = m.start() - end if m.start() >= end else start - m.end()
        if m.start() >= end:
            gap -= 1  # a format right after the figure ("40 PFLOPS FP4") is its own, before one further away
        if best is None or gap < best[0]:
            best = (gap, m.group(0))
    return best[1] if best else None


def qualify_speedup(metric_name: str, q: Quantity, text: str, start: int, end: int, cs: int, ce: int) -> str:
    """ "1.7x in FP64" and "6.8x in INT8" are different speed-ups: the format named beside it joins the metric."""
    if q.kind != "multiplier":
        return metric_name
    precision = precision_of(text, start, end, cs, ce)
    return f"{metric_name} ({precision})" if precision else metric_name


def _compute(text: str, start: int, end: int, cs: int, ce: int) -> str:
    precision = precision_of(text, start, end, cs, ce)
    name = f"peak {precision} compute" if precision else "peak compute"
    window = text[max(cs, start - 40) : min(ce, end + 40)]
    sparse = _SPARSE.search(window)
    if sparse:
        name += " (sparse)" if sparse.group("sparse") else " (dense)"
    return name


def _nearest_kind(
    kinds: tuple[tuple[str, re.Pattern[str]], ...], text: str, start: int, end: int, cs: int, ce: int
) -> str | None:
    best: tuple[int, int, str] | None = None
    for order, (name, pattern) in enumerate(kinds):
        for m in pattern.finditer(text, cs, ce):
            gap = m.start() - end if m.start() >= end else max(0, start - m.end())
            if best is None or (gap, order) < best[:2]:
                best = (gap, order, name)
    return best[2] if best else None


def _with_scale(name: str | None, text: str, start: int, end: int, cs: int, ce: int) -> str | None:
    """A figure counted over a rack, a node or a link is another metric than one GPU's."""
    if name is None:
        return None
    for m in _SCALE.finditer(text, cs, ce):
        if m.start() >= start - 60 and m.end() <= end + 60:
            return f"{name} per {m.group('scale').lower()}"
    return name


def _per_die(text: str, start: int, end: int, cs: int, ce: int) -> bool:
    """ "Each GPU die contains 104 billion transistors", "52 billion per die" (not "on a single die")."""
    clause = text[cs:ce]
    return bool(
        re.search(
            r"\b(?:each|per|every)\s+(?:[\w-]+\s+){0,2}?dies?\b|\bdies?\s+(?:contains?|has|holds|packs)\b", clause, re.I
        )
    )


def _count_noun(phrase: str) -> str | None:
    for pattern, name in _COUNT_NOUNS:
        if pattern.search(phrase):
            return name
    return None


def _labelled_count(text: str, start: int, end: int, cs: int, ce: int) -> str | None:
    """A bare figure labelled by a counted noun right before it ("Compute Units 304", "transistor count go up to
    146 billion", "Streaming Multiprocessors number 144") or right after it ("eight 12Hi stacks of HBM3")."""
    before = text[max(cs, start - _LABEL_BEFORE) : start]
    if re.search(r"\d", before):
        before = re.split(r"\d[^A-Za-z]*", before)[-1]  # nothing from before another figure
    if before.strip():
        tail = _LABEL_TAIL.search(before)
        if tail:
            named = _count_noun(tail.group(1))
            if named:
                return named
    after = re.match(r"\s*(?:[\w-]+\s+){0,2}?([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\b", text[end:ce])
    if after and re.match(r"\s*[\w-]*\s*(?:stacks?|chiplets?|cores?|CUs?|SMs?)\b", text[end:ce], re.I):
        return _count_noun(text[end : min(ce, end + 30)])
    return None


# ------------------------------------------------------------------------------------------ product families

# "Tern Kite T400": the capitalised word right before a part number names the part's family (an architecture or
# a product line); all-capital words (brands: "NVIDIA", "AMD") and sentence openers are left out.
_FAMILY_BEFORE_PART = re.compile(
    r"(?<![\w-])(?P<family>[A-Z][a-z]{2,}[A-Za-z]*)\s+(?P<part>[A-Z]{1,3}\d{3,4}[A-Za-z]{0,2})(?![\w-])"
)
_NOT_FAMILIES = frozenset("The This That These Those Each Every Single Our Their Its New First Next".split())


def learn_families(texts: Iterable[str]) -> dict[str, str]:
    """Family words an article pairs with one part number at least twice and far more than with any other ("Kite
    T400" five times, "Kite GT400" once): a "Kite" alone ("Each Kite GPU has 132 SMs") means that part. A family
    the article pairs with two parts about as often, or once only, means nothing."""
    pairs: dict[str, Counter[str]] = {}
    for text in texts:
        for m in _FAMILY_BEFORE_PART.finditer(text):
            if m.group("family") not in _NOT_FAMILIES:
                pairs.setdefault(m.group("family"), Counter())[m.group("part")] += 1
    out: dict[str, str] = {}
    for family, parts in pairs.items():
        ranked = parts.most_common(2)
        if ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            out[family] = ranked[0][0]  # twice at least: one "compared to the Kite T300" teaches nothing
    return out


def family_mentions(text: str, families: dict[str, str]) -> list[Name]:
    """A learned family word standing alone (not before a part number): a mention of its part."""
    if not families:
        return []
    found = []
    for m in re.finditer(r"(?<![\w-])([A-Z][a-z]{2,}[A-Za-z]*)(?![\w-])", text):
        part = families.get(m.group(1))
        if part is None or re.match(r"\s+[A-Z]{1,3}\d{3,4}", text[m.end() :]):
            continue
        found.append(Name(m.start(), m.end(), m.group(1), part, "model"))
    return found
