"""Names nobody listed: models, labs and benchmarks recognised from their shape and their place in the sentence.

Owns open-vocabulary name recognition. The lexicon names what it knows; this module finds the rest:

* models: a capitalised name with a version token (``Orion-2``, ``Nimbus-R1``, ``Qwen2.5-Max``, ``Phi-4-mini``,
  ``o3-mini``, ``Vireo 1.5 Flash``, ``Sable Edge 2``), with the variant words that are part of its identity
  (``Mini`` and ``Max`` are different models);
* labs: capitalised words ending in an organisation word (``Lumen Labs``, ``Orchard AI``, ``Kestrel Systems``);
* benchmarks: a name ending in a benchmark word (``LogicBench``, ``ReasonEval``, ``PolyglotQA``), or in a
  benchmark's place ("71% on X", "the X benchmark", "On X, ..."); once an article uses a name as a benchmark, it
  is a benchmark everywhere in that article;
* non-values: slugs and model IDs with date stamps (``vendor-vireo-1-5-20250815``), URLs, footnote markers
  (``[12]``): spans whose digits are never read as values.

A name's digits are never a value: ``Orion-2 serves 3 million users`` is one claim, 3,000,000 users about Orion-2.
Recognition is deliberately strict about the head word (no sentence-opening "About 1.5 million", no "Figure 2",
no "Q3"), because a wrong name eats a value and a wrong subject makes a false contradiction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from .hardware import SPEC_TOKEN
from .lexicon import Name

# Words that open a capitalised phrase without naming anything: sentence openers, prepositions, calendar words,
# document furniture and generic adjectives ("Generative AI" is not a lab).
_STOP = frozenset(
    """
    a an the this that these those its it their our his her we they you i my your some any each every all both
    in on at by for from to of with into onto over under about around nearly almost roughly approximately only
    just up down since after before between until through during within per than and or but nor so yet also
    still more less fewer most least another other such no not as if when while where which who what how why
    then there here now today yesterday tomorrow new old first last next top
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    figure fig table section chapter part phase step level tier series round day week month year quarter q
    page article rule item no vol volume issue episode season gen generation act title class type grade stage
    category version model number option plan group team case note footnote appendix exhibit slide
    generative responsible agentic frontier open applied conversational enterprise general artificial physical
    sovereign safe modern leading major big small large independent several many sota better smarter faster
    """.split()
)
# Variant and mode words that belong to a model's name when they follow (or precede) its version.
_VARIANT = (
    r"(?:Pro|Max|Mini|mini|Lite|Light|Flash|Ultra|Nano|Micro|Turbo|Plus|Instant|Thinking|Preview|Air|Edge|Base|"
    r"Chat|Instruct|Coder|Vision|Large|Small|Medium|Omni|Reasoner|Reasoning|Fast|Heavy|Scout|Maverick|Spark|"
    r"Express|High|Low|Exp|Experimental|Haiku|Sonnet|Opus)"
)
_SIZE = r"(?:\d+x)?\d+(?:\.\d+)?[BMT](?!\w)"  # "405B", "8x7B": a size that names a variant
_ORG = (
    r"(?:Labs?|AI|Research|Systems|Dynamics|Technologies|Robotics|Intelligence|Computing|Semiconductors?|Networks|"
    r"Inc\.?|Corp\.?|Corporation)"
)
_BENCH_SUFFIX = re.compile(r"(?:Bench|bench|Eval|QA|Arena)$")
_WORD = r"[A-Z][A-Za-z]*[A-Za-z]"  # a capitalised word of two letters or more ("DeepSeek", "GPT")
_MAGNITUDE = re.compile(
    r"\s?(?:%|x\b|×|percent|per\b|times\b|points?\b|pp\b|bn\b|million|billion|thousand|trillion|hours?\b|"
    r"minutes?\b|days?\b|weeks?\b|months?\b|years?\b|[/:]\d)",
    re.IGNORECASE,
)

# One token with a version in it: "Orion-2", "Nimbus-R1", "Qwen2.5-Max", "Phi-4-mini", "GPT-4o", "H100", "o3-mini".
_TOKEN_MODEL = re.compile(
    rf"(?<![\w./@-])(?P<name>(?:[A-Z][A-Za-z]*(?:-?[A-Za-z]*\d[\w.]*)(?:-[A-Za-z0-9][\w.]*)*"
    rf"|[a-z]\d+(?:-[a-z][\w]*)+)(?:\s{_VARIANT}(?![\w-])){{0,2}}(?:\s{_SIZE})?)(?![\w@/-])"
)
# Words then a version: "Vireo 1.5 Flash", "Nimbus R1", "Sable Edge 2", "Talon 1".
_SPACED_MODEL = re.compile(
    rf"(?<![\w.-])(?P<head>{_WORD}(?:\s{_WORD}){{0,2}})\s(?P<version>\d+x\d+(?:\.\d+)?[BMT](?!\w)|\d+\.\d+(?:\.\d+)*|"
    rf"[A-Z]\d+(?:\.\d+)?|\d{{1,2}})"
    rf"(?![\w.,]\d|\w|\.\d)(?P<tail>(?:\s{_VARIANT}(?![\w-])){{0,2}}(?:\s{_SIZE})?)"
)
_LAB = re.compile(rf"(?<![\w-])(?P<name>{_WORD}(?:\s(?:{_WORD}|&))?\s{_ORG})(?![\w-])")
_BENCH_TOKEN = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w-]*(?:Bench|bench|Eval|QA|Arena)(?:\s(?:\d+(?:\.\d+)*|Pro|Verified|Lite|Hard))?)(?![\w-])"
)
# A variant of an acronym-named benchmark is another benchmark: "MMLU-Redux", "MMLU-Pro" are not "MMLU".
_BENCH_ACRONYM_VARIANT = re.compile(r"(?<![\w-])(?P<name>[A-Z]{3,}[A-Z0-9]*-[A-Z][a-z]+)(?![\w-])")
# A benchmark's place: "71% on X", "71% for Y on X", "the X benchmark", "On X, ...", "X results put".
# "SWE-bench Verified", "Chinese MMLU", "AIME 2024"
_BENCH_NAME = (
    r"(?P<name>[A-Z][\w-]*[A-Za-z0-9](?:\s[A-Z][A-Z0-9][\w-]*)?"
    r"(?:\s(?:Pro|Verified|Diamond|Lite|Hard|Live|v?\d+(?:\.\d+)*))?)"
)
_BENCH_PLACES = (
    re.compile(rf"(?:%|\bpercent|\bpoints?|\bpp)\s+on\s+(?:the\s+)?{_BENCH_NAME}(?![\w-])"),
    re.compile(rf"(?:%|\bpercent|\bpoints?)\s+(?:for|by)\s+[^.;%]{{1,30}}?\s+on\s+(?:the\s+)?{_BENCH_NAME}(?![\w-])"),
    re.compile(rf"\b(?:the|on|of)\s+{_BENCH_NAME}\s+(?:benchmark|leaderboard|eval(?:uation)?)s?\b"),
    re.compile(rf"(?:^|[.;:]\s+)On\s+(?:the\s+)?{_BENCH_NAME},"),
    re.compile(rf"(?:^|[.;:]\s+){_BENCH_NAME}\s+(?:results|scores)\s+put\b"),
)
# Spans whose digits are not values.
_NON_VALUES = re.compile(
    r"https?://\S+|\bwww\.\S+|\b[\w-]+\.(?:com|org|ai|io|net|dev)(?:/\S*)?"  # URLs and their slugs
    r"|(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}(?![\w-])"  # slugs and IDs: vendor-vireo-1-5-20250815
    r"|(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{8}(?![\w-])"  # a model ID with a date stamp
    r"|(?<![\w-])[A-Z][A-Za-z]*(?:-[A-Za-z]+)+-\d{3,}(?![\w-]|\.\d)"  # a checkpoint name: Vireo-Large-Instruct-2407
    r"|(?<=[\w.,;:)\]])\[\d{1,3}\]"  # footnote markers glued to the text: "...in 2025.[12]"
    r"|(?<![\w@])[A-Za-z]+@\d+(?![\w.])"  # an evaluation setting: "maj@8", "pass@1", "cons@64"
    # a section number opening a title-cased line or label: "4.2 Cost Optimization Features", "3.2 Results:"
    r"|^[-*+\s]*\d{1,2}(?:\.\d{1,2}){1,3}\.?(?=(?:\s+[A-Z][\w&/()-]*|\s+(?:and|of|for|the|to|in|&))+\s*(?::|$))"
)
_HAS_DIGIT = re.compile(r"\d")
# a lab's or a family's developer platform: "Gemini API", "DeepSeek API" (the product its limits and tiers are about)
_API = re.compile(rf"(?<![\w-])(?P<head>{_WORD}) API(?![\w-])")
_VARIANT_WORD = re.compile(_VARIANT + r"|Basic|Standard|Free|Paid|Open|Public|Web|Batch")
# Necessary conditions, each far cheaper than the pattern it guards (they open with a literal, so the regex engine
# skips to candidate places in C): a text without a match of the guard has no match of the pattern, so the
# pattern is not run over it. Results are the same as running every pattern; most units then skip most of them.
_NON_VALUE_HINT = re.compile(
    r"://|www\.|\[|@|\.(?:com|org|ai|io|net|dev)"  # URLs, bare domains, footnote markers, "maj@8"
    r"|-(?:[a-z0-9]+-[a-z0-9]|(?<=[A-Za-z0-9]-)\d{3})"  # slugs (two hyphens), date-stamped IDs and checkpoints
    r"|^[-*+\s]*\d{1,2}\.\d"  # a section number
)
_BENCH_TOKEN_HINT = re.compile(r"Bench|bench|Eval|QA|Arena")
_BENCH_ACRONYM_HINT = re.compile(r"-(?<=[A-Z]-)[A-Z][a-z]")
_LAB_HINT = re.compile(_ORG)
# a digit right after a letter ("Orion-2", "o3"); a word, a space and a version ("Talon 1", "Nimbus R1")
_TOKEN_MODEL_HINT = re.compile(r"\d(?:(?<=[A-Za-z]\d)|(?<=[A-Za-z]-\d))")
_SPACED_MODEL_HINT = re.compile(r"\s(?<=[A-Za-z]\s)[A-Z]?\d")
# one per benchmark place, in the order of _BENCH_PLACES
_BENCH_PLACE_HINTS = (
    re.compile(r"(?:%|percent|points?|pp)\s+on\s"),
    re.compile(r"(?:%|percent|points?)\s+(?:for|by)\s"),
    re.compile(r"benchmark|leaderboard|eval"),
    re.compile(r"On\s"),
    re.compile(r"(?:results|scores)\s+put"),
)
_EXCLUDED_TOKEN = re.compile(r"^(?:Q[1-4]|H[12]|FY\d+|CY\d+|COVID-19|[A-Z]\d{1,2}:\d+)$")
# Compiled once: the shaped-name scan runs these for every candidate name in every unit.
_VERSION_SPLIT = re.compile(r"[-\d]")
_NAME_LIKE_TOKEN = re.compile(r"[A-Za-z]{2}|[A-Z]\d|^[a-z]\d")
_SMALL_INTEGER = re.compile(r"\d{1,2}")
_MONTH = re.compile(
    r"(?i)jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?"
)
_DECIMAL = re.compile(r"\d+\.\d+")
_VERB_OR_ADVERB_END = re.compile(r"(?:ing|ed|ly)$")
_VARIANT_TAIL = re.compile(rf"(?:\s{_VARIANT}){{0,2}}(?:\s{_SIZE})?")
_VERSION_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_KEY_SEPARATORS = re.compile(r"[\s_-]+")
# a name followed by one of these names a design, a process or a memory type ("HBX3 memory"), not a product
_ARCHITECTURE_AFTER = re.compile(
    r"\s+(?:architecture|microarchitecture|process(?:\s+node)?|instruction set|memory)\b", re.I
)
# a part number: letters then three or more digits ("B200", "MI300X", "H100"); the brand and family words written
# before it ("NVIDIA Blackwell B200", "Instinct MI300X") do not make another product
_PART_NUMBER = re.compile(r"[A-Za-z]{1,3}\d{3,4}[A-Za-z]{0,2}")
_SPEC_HEADS = frozenset(("PCIe", "Gen", "HBM", "DDR", "GDDR", "NVLink", "USB", "Wi-Fi", "Zen", "CUDA", "TSMC"))
# software licences written with a version: never a model, and their version is never a value
_LICENCES = frozenset(("Apache", "GPL", "LGPL", "AGPL", "MPL", "EPL", "BSD", "CC", "OpenRAIL", "Commons"))
_SYSTEM_AFTER = re.compile(r" [A-Z]{3,4}\d{1,3}(?![\w-])")


def _stop(word: str) -> bool:
    return word.lower().rstrip(".") in _STOP


def _trim_head(words: list[str]) -> list[str]:
    while words and _stop(words[0]):
        words = words[1:]
    return words


def learn_benchmarks(texts: Iterable[str]) -> frozenset[str]:
    """Names an article uses in a benchmark's place, so every mention of them in that article is a benchmark."""
    found: set[str] = set()
    for text in texts:
        for pattern, hint in zip(_BENCH_PLACES, _BENCH_PLACE_HINTS, strict=True):
            if not hint.search(text):
                continue
            for m in pattern.finditer(text):
                name = m.group("name").rstrip(".")
                first = name.split()[0]
                if _stop(first) or _EXCLUDED_TOKEN.match(first):
                    continue
                found.add(name)
    return frozenset(found)


@lru_cache(maxsize=256)
def _learned_pattern(benchmarks: frozenset[str]) -> re.Pattern[str]:
    """One pattern for an article's learned benchmarks, compiled once per article, not once per name and unit.

    A zero-width match at every place where some name starts, capturing the longest name there (longest first
    in the alternation): the longest is the one ``_non_overlapping`` keeps, so shorter names at the same place
    need not be found.
    """
    names = "|".join(re.escape(n) for n in sorted(benchmarks, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<![\w-])(?=({names})(?![\w-]))")


def find_shaped_names(text: str, benchmarks: frozenset[str] = frozenset()) -> list[Name]:
    """Model, lab and benchmark names by shape (plus the article's learned benchmarks), and non-value spans.

    Non-overlapping, in order; a longer name wins over a shorter one at the same place.
    """
    return list(_find_shaped_names(text, benchmarks))


@lru_cache(maxsize=4096)  # table headers, row labels and repeated boilerplate recur within and across articles
def _find_shaped_names(text: str, benchmarks: frozenset[str]) -> tuple[Name, ...]:
    found: list[Name] = []
    if _NON_VALUE_HINT.search(text):
        for m in _NON_VALUES.finditer(text):
            found.append(Name(m.start(), m.end(), m.group(0), None, "name"))
    if benchmarks:
        for m in _learned_pattern(benchmarks).finditer(text):
            name = m.group(1)
            found.append(Name(m.start(), m.start() + len(name), name, name, "benchmark"))
    for pattern, hint in ((_BENCH_TOKEN, _BENCH_TOKEN_HINT), (_BENCH_ACRONYM_VARIANT, _BENCH_ACRONYM_HINT)):
        if not hint.search(text):
            continue
        for m in pattern.finditer(text):
            found.append(Name(m.start(), m.end(), m.group(0), m.group(0), "benchmark"))
    for m in _LAB.finditer(text) if _LAB_HINT.search(text) else ():
        words = _trim_head(m.group("name").split())
        if len(words) < 2 or (len(words) == 2 and _VERB_OR_ADVERB_END.search(words[0])):
            continue  # "That Changed AI", "Rethinking AI": a headline's verb before an organisation word
        start = m.end() - len(" ".join(words))
        found.append(Name(start, m.end(), text[start : m.end()], " ".join(words), "lab"))
    if " API" in text:
        for m in _API.finditer(text):
            head = m.group("head")
            if not _stop(head) and not _VARIANT_WORD.fullmatch(head) and head not in ("AI", "API", "REST"):
                found.append(Name(m.start(), m.end(), m.group(0), m.group(0), "product"))  # "Gemini API"
    if not _HAS_DIGIT.search(text):  # every model shape has a version digit: skip both model scans
        return tuple(_non_overlapping(found))
    for m in _TOKEN_MODEL.finditer(text) if _TOKEN_MODEL_HINT.search(text) else ():
        name = m.group("name").rstrip(".")
        token = name.split()[0]
        if _EXCLUDED_TOKEN.match(token) or _stop(_VERSION_SPLIT.split(token)[0] or token):
            continue
        if not _NAME_LIKE_TOKEN.search(token):
            continue
        system = _SYSTEM_AFTER.match(text, m.start() + len(name)) if _PART_NUMBER.fullmatch(name) else None
        if system:
            name += system.group(0)  # "T400 NVL16": a system built of the part is another product than the part
        if SPEC_TOKEN.fullmatch(token) or _ARCHITECTURE_AFTER.match(text, m.start() + len(name)):
            # "FP8", "HBM3e", "CDNA 3 architecture": spec words, never whom a figure is about; their digits stay
            found.append(Name(m.start(), m.start() + len(name), name, None, "name"))
            continue
        found.append(Name(m.start(), m.start() + len(name), name, _canonical(name), "model", version=_version(token)))
    for m in _SPACED_MODEL.finditer(text) if _SPACED_MODEL_HINT.search(text) else ():
        words = _trim_head(m.group("head").split())
        if not words:
            continue
        version = m.group("version")
        if _SMALL_INTEGER.fullmatch(version) or _DECIMAL.fullmatch(version):
            if _MAGNITUDE.match(text, m.end("version")) or text[max(0, m.start() - 1) : m.start()] in ("$", "€", "£"):
                continue  # "About 1.5 million", "Top 10 percent": a number after a word, not a version
        if _SMALL_INTEGER.fullmatch(version) and (
            text.startswith("+", m.end("version")) or (len(words) == 1 and _VERB_OR_ADVERB_END.search(words[0]))
        ):
            continue  # "Shipping 70+ features", "Roughly 12 labs": a verb or adverb before a count
        if _MONTH.fullmatch(words[-1].rstrip(".")) and _SMALL_INTEGER.fullmatch(version) and 1 <= int(version) <= 31:
            continue  # "Released March 12, 2025": a date after a verb, never a model named "Released March"
        head = " ".join(words)
        start = m.end("head") - len(head)
        end = m.end()
        system = _SYSTEM_AFTER.match(text, end) if _PART_NUMBER.fullmatch(version) and not m.group("tail") else None
        if system:
            end = system.end()  # "Tern T400 NVL16"
        name = text[start:end]
        if words[-1] in _LICENCES:
            found.append(Name(start, end, name, None, "name"))  # "Apache 2.0": a licence, not a model
            continue
        if _ARCHITECTURE_AFTER.match(text, end) or SPEC_TOKEN.fullmatch(words[-1]) or words[-1] in _SPEC_HEADS:
            found.append(Name(start, end, name, None, "name"))  # "PCIe 6.0", "HBM 4", "Gen 5": spec words
            continue
        found.append(Name(start, end, name, _canonical(name), "model", version=version))
    return tuple(_non_overlapping(found))


def merge(known: Sequence[Name], shaped: Sequence[Name]) -> list[Name]:
    """The lexicon's names first; a shaped name fills the gaps and replaces a bare, unresolved lexicon match."""
    keep = [n for n in known if n.canonical is not None or n.kind == "version" or not _weak(n, shaped)]
    keep = [n for n in keep if not (n.canonical is None and n.kind == "name" and _stop((n.text.split() or [""])[0]))]
    out = list(keep)
    for name in shaped:
        overlapping = [k for k in out if name.start < k.end and k.start < name.end]
        extended = _extends(overlapping[0], name) if len(overlapping) == 1 else None
        if extended is not None:
            out[out.index(overlapping[0])] = extended  # "Llama 3.1 405B": the lexicon's model plus its variant
        elif not overlapping:
            out.append(name)
    out.sort(key=lambda n: n.start)
    return out


def _extends(known: Name, shaped: Name) -> Name | None:
    """A lexicon model followed by variant words or a size that the lexicon's pattern left out."""
    if known.kind != "model" or not known.canonical or shaped.kind != "model":
        return None
    if shaped.start != known.start or shaped.end <= known.end:
        return None
    tail = shaped.text[known.end - shaped.start :]
    if not _VARIANT_TAIL.fullmatch(tail) or not tail.strip():
        return None
    canonical = f"{known.canonical} {' '.join(tail.split())}"
    return Name(
        known.start,
        shaped.end,
        shaped.text,
        canonical,
        "model",
        owner=known.owner,
        family=known.family,
        version=known.version,
    )


def _weak(name: Name, shaped: Sequence[Name]) -> bool:
    """A lexicon match with no canonical form ("Vireo 1.5") that a shaped name covers ("Vireo 1.5 Flash")."""
    return any(s.canonical and s.start <= name.start and name.end <= s.end for s in shaped)


def _non_overlapping(names: list[Name]) -> list[Name]:
    names.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Name] = []
    for name in names:
        if out and name.start < out[-1].end:
            continue
        out.append(name)
    return out


def _canonical(name: str) -> str:
    return " ".join(name.split())


def _version(token: str) -> str | None:
    m = _VERSION_NUMBER.search(token)
    return m.group(0) if m else None


def entity_key(canonical: str) -> str:
    """Spellings of one name that differ only in case, spaces and hyphens: "Nimbus R1" = "Nimbus-R1"; a part
    number keeps its identity whatever brand words precede it: "Tern Kite T400" = "T400"."""
    words = canonical.split()
    for i, word in enumerate(words[1:], 1):
        if re.search(r"\d", " ".join(words[:i])):
            break
        if _PART_NUMBER.fullmatch(word):
            # a short capitalised prefix right before it names a system built on the part: "DGX T400" is a server
            keep = i - 1 if re.fullmatch(r"[A-Z]{2,3}", words[i - 1]) else i
            canonical = " ".join(words[keep:])
            break
    return _KEY_SEPARATORS.sub("", canonical.lower())


# "vireo-chat (now Vireo-V3)", "vireo-chat (now upgraded to Vireo-V3)", "vireo-chat, also known as Vireo-V3":
# an identifier the text says another name now stands for; "Vireo-V3 (formerly vireo-chat)" says it the other way
_IDENTIFIER = r"[A-Za-z]\w*(?:[.-]\w+)+|[A-Za-z]+\d\w*"
_RENAMED_AS = re.compile(
    rf"(?<![\w.-])(?P<old>{_IDENTIFIER})(?:\s+(?:endpoint|model|API|ID))?\s*"
    r"(?:\(\s*(?:now|aka|a\.k\.a\.|also known as)(?:\s+(?:upgraded|renamed|pointing|points))?(?:\s+(?:to|as))?\s+"
    r"|,\s*(?:now|also known as)\s+)(?P<new>\S)"
)
_FORMERLY = re.compile(
    rf"\(\s*(?:formerly|previously|originally)\s+(?:known as\s+|called\s+)?(?P<old>{_IDENTIFIER})\s*\)"
)


def learn_renamings(texts: Iterable[str], find: Callable[[str], list[Name]]) -> dict[str, str]:
    """Identifiers an article says are another model's name ("the vireo-chat endpoint (now Vireo-V3)"), keyed
    by the lowercased identifier: a table row labelled with the identifier is about that model. The new name
    must be one ``find`` recognises as a model; nothing is guessed from spelling alone."""
    out: dict[str, str] = {}
    for text in texts:
        renamed, formerly = list(_RENAMED_AS.finditer(text)), list(_FORMERLY.finditer(text))
        if not renamed and not formerly:
            continue
        models = [n for n in find(text) if n.kind == "model" and n.canonical]
        pairs = [(m.group("old"), next((n for n in models if n.start == m.start("new")), None)) for m in renamed]
        pairs += [
            (m.group("old"), next((n for n in reversed(models) if _right_before(text, n, m.start())), None))
            for m in formerly
        ]
        for old, new in pairs:
            if new is not None and new.canonical and entity_key(new.canonical) != entity_key(old):
                out.setdefault(old.lower(), new.canonical)
    return out


def _right_before(text: str, name: Name, at: int) -> bool:
    """The name ends just before ``at``, with nothing but spaces between ("Vireo-V3 (formerly ...)")."""
    return name.end <= at and not text[name.end : at].strip()


def renamed_mentions(text: str, renamings: dict[str, str]) -> list[Name]:
    """Each identifier the article renamed, wherever it appears: a mention of the model it now stands for."""
    if not renamings:
        return []
    return [
        Name(m.start(), m.end(), m.group(), renamings[m.group().lower()], "model")
        for m in re.finditer(rf"(?<![\w.-])(?:{_IDENTIFIER})(?![\w-])", text)
        if m.group().lower() in renamings
    ]
