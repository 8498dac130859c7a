"""The lexicon: which names are known entities (models, labs, products, benchmarks) and which phrases name a metric.

Owns loading the general metric vocabulary (``data/metrics.yaml``, always), the built-in lexicon of well-known
names (``data/lexicon.yaml``, optional enrichment: a user's file with ``builtin: false`` replaces it) and a user's
extension file; recognising known names in text with their canonical form ("Opus 4.6" -> "Claude Opus 4.6"),
marking version-like names so that no stage reads "5.4" in "GPT-5.4" as a number, and matching metric rules
against a clause. Names nobody listed are recognised by ``names``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError

EntityKind = str  # "lab" | "model" | "product" | "benchmark" | "reference" | "version"


@dataclass(frozen=True, slots=True)
class Name:
    """An entity mention: where it is, what it is called canonically, and what kind of thing it is."""

    start: int
    end: int
    text: str
    canonical: str | None  # None for a bare "Version 4.0" whose family the caller resolves from context
    kind: EntityKind
    owner: str | None = None
    family: str | None = None
    version: str | None = None


@dataclass(frozen=True, slots=True)
class MetricRule:
    name: str
    kinds: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    subject: str | None = None  # "owner": the claim is about the owning organisation
    scopes: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = ()
    distinct_scopes: bool = False  # different scopes are different metrics, not notes
    units: frozenset[str] = frozenset()  # for counts: the units it measures ("tokens"); empty means any
    # a figure about one event (a funding round): with no round named (a scope) and no date in its clause it holds
    # as of the article's publication quarter, and with no publication date either it is not compared at all
    dated: bool = False


@dataclass(eq=False)  # identity hashing, so methods can be cached per lexicon
class Lexicon:
    families: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    benchmarks: dict[str, list[str]] = field(default_factory=dict)
    metrics: list[MetricRule] = field(default_factory=list)
    _names_re: re.Pattern[str] | None = None
    _alias: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)
    _rules_of: list[MetricRule] | None = None  # the rule list ``_rule_order`` was built from
    _rule_order: dict[str, tuple[int, MetricRule]] = field(default_factory=dict)

    # ------------------------------------------------------------------------------------------------ loading

    @classmethod
    def load(cls, extra: Path | None = None) -> Lexicon:
        """The metric vocabulary, the built-in lexicon (unless ``extra`` says ``builtin: false``), then ``extra``."""
        data = resources.files("claimcheck").joinpath("data")
        lex = cls()
        lex._merge(yaml.safe_load(data.joinpath("metrics.yaml").read_text("utf-8")), "built-in metric vocabulary")
        user: dict[str, Any] = {}
        if extra is not None:
            try:
                loaded = yaml.safe_load(extra.read_text("utf-8")) or {}
            except OSError as exc:
                raise ConfigError(f"cannot read lexicon {extra}: {exc.strerror or exc}") from exc
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f" at line {mark.line + 1}" if mark else ""
                raise ConfigError(f"malformed lexicon {extra}{where}: {getattr(exc, 'problem', exc)}") from exc
            if not isinstance(loaded, dict):
                raise ConfigError(f"malformed lexicon {extra}: expected a mapping at the top level")
            user = loaded
        builtin = user.get("builtin", True)
        if not isinstance(builtin, bool):
            raise ConfigError(f"malformed lexicon {extra}: 'builtin' must be true or false")
        if builtin:
            lex._merge(yaml.safe_load(data.joinpath("lexicon.yaml").read_text("utf-8")), "built-in lexicon")
        if extra is not None:
            lex._merge(user, str(extra))
        lex._build()
        return lex

    def _merge(self, data: dict[str, Any], origin: str) -> None:
        try:
            for name, spec in (data.get("families") or {}).items():
                self.families[str(name)] = {**self.families.get(str(name), {}), **(spec or {})}
            for name, spec in (data.get("entities") or {}).items():
                old = self.entities.get(str(name), {})
                spec = dict(spec or {})
                spec["aliases"] = [*old.get("aliases", []), *spec.get("aliases", [])]
                self.entities[str(name)] = {**old, **spec}
            for name, aliases in (data.get("benchmarks") or {}).items():
                self.benchmarks[str(name)] = [*self.benchmarks.get(str(name), []), *(aliases or [])]
            for rule in data.get("metrics") or []:
                compiled = MetricRule(
                    name=str(rule["name"]),
                    kinds=frozenset(rule.get("kinds") or []),
                    patterns=tuple(re.compile(p, re.IGNORECASE) for p in rule.get("patterns") or []),
                    subject=rule.get("subject"),
                    scopes=tuple(
                        (str(scope), tuple(re.compile(p, re.IGNORECASE) for p in pats))
                        for scope, pats in (rule.get("scopes") or {}).items()
                    ),
                    distinct_scopes=bool(rule.get("distinct_scopes", False)),
                    units=frozenset(str(u).lower() for u in rule.get("units") or []),
                    dated=bool(rule.get("dated", False)),
                )
                self.metrics = [m for m in self.metrics if m.name != compiled.name] + [compiled]
        except (KeyError, TypeError, AttributeError, re.error) as exc:
            raise ConfigError(f"malformed lexicon {origin}: {exc}") from exc

    def _build(self) -> None:
        alias: dict[str, tuple[str, str, str | None]] = {}
        spellings: list[str] = []
        for name, spec in self.entities.items():
            for a in [name, *spec.get("aliases", [])]:
                alias[a.lower()] = (name, spec.get("kind", "entity"), spec.get("owner"))
                spellings.append(a)
        for name, aliases in self.benchmarks.items():
            for a in [name, *aliases]:
                alias[a.lower()] = (name, "benchmark", None)
                spellings.append(a)
        self._alias = alias

        fam_parts = []
        tier_names: list[str] = []
        for fam, spec in self.families.items():
            tiers = spec.get("tiers") or []
            tier_names.extend(tiers)
            tier_alt = "|".join(re.escape(t) for t in tiers)
            fam_e = re.escape(fam)
            if tier_alt:
                # "Claude Opus 4.6", "Claude 3.5 Sonnet", "Claude 4"
                fam_parts.append(
                    rf"{fam_e}(?:\s(?:{tier_alt}))?[\s-]?\d+(?:\.\d+)*(?:\s(?:{tier_alt}))?(?:-[A-Z][a-z]+)?"
                )
            else:
                fam_parts.append(
                    rf"{fam_e}[\s-]?\d+(?:\.\d+)*(?:/\d+(?:\.\d+)*)*(?:-[A-Z][a-z]+)?(?:\s(?:Thinking|Pro|Mini|mini))?"
                )
        bare = [t for fam, spec in self.families.items() if spec.get("bare_tiers") for t in spec.get("tiers") or []]
        if bare:
            fam_parts.append(rf"(?:{'|'.join(re.escape(t) for t in bare)})\s\d+(?:\.\d+)*")
        # One pass over the text. Each alternative starts with a character class or lookahead so the regex
        # engine rejects most positions after one character (4x faster than a plain alternation here).
        alias_pattern = _first_char_alternation(sorted(set(spellings), key=len, reverse=True))
        alias_pattern = alias_pattern or "(?!)"  # no known names at all: the alternative never matches
        pattern = (
            rf"(?<!\w)(?:"
            rf"(?=[A-Z])(?:(?P<model>(?:{'|'.join(fam_parts) or '(?!)'})(?!\w|\.\d))"
            rf"|(?P<version>[Vv]ersion\s\d+(?:\.\d+)*\b))"
            rf"|(?<!-)(?P<alias>{alias_pattern})(?![\w-])"
            # anything else that looks like a name with a version: "Terminal-Bench 2.0", "MRCR v2", "v1.2.3",
            # "Claude N+1", "5.3-Codex": never a quantity
            rf"|(?=[A-Z])(?P<named>[A-Z][\w-]*[A-Za-z]\s(?:v\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*)"
            rf"(?!\s?[%x×]|\d|\.\d|\s?(?:percent|times)\b))"
            rf"|(?P<other>v\d+(?:\.\d+)+\b|[A-Z][+-]\d\b|\d+(?:\.\d+)+-[A-Z][a-z]+\b))"
        )
        self._names_re = re.compile(pattern)
        self._tiers = {t.lower(): t for t in tier_names}

    # ------------------------------------------------------------------------------------------------ names

    def find_names(self, text: str) -> list[Name]:
        """Entity and version-name mentions in ``text``, in order, non-overlapping."""
        return list(self._find_names(text))

    @lru_cache(maxsize=4096)  # noqa: B019 - headers, labels and repeated FAQ sentences recur; the lexicon lives long
    def _find_names(self, text: str) -> tuple[Name, ...]:
        assert self._names_re is not None
        found: list[Name] = []
        for m in self._names_re.finditer(text):
            if m.group("model"):
                found.append(self._model(m.start(), m.end(), m.group(0)))
            elif m.group("version"):
                version = _norm_version(m.group(0).split()[-1])
                found.append(Name(m.start(), m.end(), m.group(0), None, "version", version=version))
            elif m.group("alias"):
                canonical, kind, owner = self._alias[m.group(0).lower()]
                if kind in ("lab", "model", "product") and m.group(0)[0].islower() and canonical[0].isupper():
                    continue  # "claude" in lower case mid-sentence is rarely the model; "anthropic" as adjective
                found.append(Name(m.start(), m.end(), m.group(0), canonical, kind, owner=owner))
            else:
                found.append(Name(m.start(), m.end(), m.group(0), None, "name"))
        return tuple(found)

    def _model(self, start: int, end: int, text: str) -> Name:
        canonical, owner, family, version = self._model_parts(text)
        return Name(start, end, text, canonical, "model", owner=owner, family=family, version=version)

    @lru_cache(maxsize=4096)  # noqa: B019 - an article names the same few models again and again
    def _model_parts(self, text: str) -> tuple[str, str | None, str | None, str | None]:
        """(canonical, owner, family, version) of a model name the family pattern matched."""
        words = _WORD_BREAK.split(text)
        family = None
        for fam in self.families:
            if text.startswith(fam):
                family = fam
        tier = next((self._tiers[w.lower()] for w in words if w.lower() in self._tiers), None)
        if family is None:
            family = next((f for f, s in self.families.items() if tier in (s.get("tiers") or [])), None)
        spec = self.families.get(family or "", {})
        version_m = _VERSION.search(text)
        version = _norm_version(version_m.group(0)) if version_m else None
        suffix = _SUFFIX.search(text)
        if spec.get("separator") == "-":
            canonical = f"{family}-{version}" + (f"-{suffix.group(1)}" if suffix else "")
        else:
            canonical = " ".join(p for p in (family, tier, version) if p)
        return canonical, spec.get("owner"), family, version

    def model_name(self, family: str, version: str) -> str:
        spec = self.families.get(family, {})
        return f"{family}-{version}" if spec.get("separator") == "-" else f"{family} {version}"

    def family_of(self, name: Name) -> str | None:
        if name.family:
            return name.family
        if name.canonical in self.families:
            return name.canonical
        return None

    def owner_of(self, canonical: str | None) -> str | None:
        if canonical is None:
            return None
        spec = self.entities.get(canonical)
        if spec is not None:
            return spec.get("owner") if spec.get("kind") != "lab" else canonical
        for fam, fspec in self.families.items():
            if canonical.startswith(fam):
                return fspec.get("owner")
        return None

    def kind_of(self, canonical: str) -> str | None:
        spec = self.entities.get(canonical)
        if spec is not None:
            return spec.get("kind")
        if canonical in self.benchmarks:
            return "benchmark"
        if any(canonical.startswith(f) for f in self.families):
            return "model"
        return None

    # ---------------------------------------------------------------------------------------------- metrics

    def match_metric(
        self, clause: str, kind: str, anchor: tuple[int, int] | None = None, unit: str | None = None
    ) -> MetricRule | None:
        """The metric rule for a value of ``kind`` in ``clause``.

        With ``anchor`` (the value's span in the clause), the rule whose pattern matches nearest to the value
        wins, so "reduces tokens by 47% ... (33% fewer false claims)" gives each figure its own metric; ties go
        to the rule listed first.
        """
        unit_word = unit.split()[-1].lower() if unit else None
        best: tuple[int, int, MetricRule] | None = None
        for order, rule, spans in self._metric_matches(clause, kind):
            if rule.units and unit_word is not None and unit_word not in rule.units:
                continue  # "109B parameters" in a sentence about context is not a context window
            if anchor is None:
                return rule
            distance = min(_distance(clause, start, end, anchor) for start, end in spans)
            if best is None or distance < best[0]:  # rules come in order: an equal distance keeps the earlier
                best = (distance, order, rule)
        return best[2] if best else None

    @lru_cache(maxsize=4096)  # noqa: B019 - every value of a clause (and every row under one header) asks again
    def _metric_matches(
        self, clause: str, kind: str
    ) -> tuple[tuple[int, MetricRule, tuple[tuple[int, int], ...]], ...]:
        """The rules for ``kind`` whose patterns match ``clause``, in the lexicon's order, with every match span:
        the clause is scanned once, whatever values in it ask."""
        out = []
        for order, rule in enumerate(self.metrics):
            if kind not in rule.kinds:
                continue
            spans = tuple(m.span() for pattern in rule.patterns for m in pattern.finditer(clause))
            if spans:
                out.append((order, rule, spans))
        return tuple(out)

    def rule_named(self, metric: str) -> MetricRule | None:
        """The rule a metric name came from ("funding round amount (Series C)" -> "funding round amount")."""
        if self._rules_of is not self.metrics:  # built once per set of rules (a merge replaces the list)
            self._rule_order = {}
            for order, rule in enumerate(self.metrics):
                self._rule_order.setdefault(rule.name, (order, rule))
            self._rules_of = self.metrics
        # the metric itself, or its head before any " (": the first rule in the lexicon's order among them
        found = self._rule_order.get(metric)
        at = metric.find(" (")
        while at >= 0:
            head = self._rule_order.get(metric[:at])
            if head is not None and (found is None or head[0] < found[0]):
                found = head
            at = metric.find(" (", at + 1)
        return found[1] if found else None

    @staticmethod
    def scope_of(rule: MetricRule, clause: str) -> str | None:
        for scope, patterns in rule.scopes:
            if any(p.search(clause) for p in patterns):
                return scope
        return None


_WORD_BREAK = re.compile(r"[\s-]+")
_VERSION = re.compile(r"\d+(?:\.\d+)*")
_SUFFIX = re.compile(r"-([A-Z][a-z]+)$")


def _first_char_alternation(words: list[str]) -> str:
    """A case-insensitive alternation of literals, grouped by first character ("[aA](?i:nthropic|...)")."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0].lower(), []).append(re.escape(word[1:]))
    parts = []
    for first, rests in groups.items():
        head = f"[{first}{first.upper()}]" if first.isalpha() else re.escape(first)
        parts.append(f"{head}(?i:{'|'.join(rests)})")
    return "|".join(parts)


def _norm_version(version: str) -> str:
    """ "4.0" -> "4", "4.6" -> "4.6": trailing ".0" parts do not make a different version."""
    parts = version.lstrip("vV").split(".")
    while len(parts) > 1 and parts[-1] == "0":
        parts.pop()
    return ".".join(parts)


@lru_cache(maxsize=8)
def default_lexicon(extra: str | None = None) -> Lexicon:
    return Lexicon.load(Path(extra) if extra else None)


_JOINED = re.compile(r"\band\b|[,;]")


def _distance(clause: str, start: int, end: int, anchor: tuple[int, int]) -> int:
    """How far a rule's match is from a value; a match across "and" or a comma is farther ("a $3.5 billion
    Series E and a $61.5 billion post-cash valuation": "Series E" is the first figure's, "valuation" the second's)."""
    gap = clause[anchor[1] : start] if start >= anchor[1] else clause[end : anchor[0]]
    if start >= anchor[1] and _MODIFIERS_ONLY.fullmatch(gap):
        return 0  # "a $61.5 billion post-money valuation": the noun the figure's own phrase ends in
    distance = max(0, start - anchor[1], anchor[0] - end)
    return distance + 20 if _JOINED.search(gap) else distance


# up to two modifier words between a figure and the noun its phrase ends in (no function word: "at", "and", ...)
_MODIFIERS_ONLY = re.compile(
    r"\s*(?:(?!(?:and|or|at|of|in|for|to|with|from|by|on|as|than|vs)\b)[A-Za-z][\w-]*\s+){0,2}", re.IGNORECASE
)
