"""Score `claimcheck audit` on the development set of real pages against the gold a person wrote.

This module owns the matching of a claimcheck JSON report (schema `claimcheck.report/1`) to the gold findings in
`gold.yaml` and the person's verdicts in `judged.yaml`, and the figures the project is measured by: recall of
gold conflicts, recall of gold agreements, precision of reported cross-source conflicts and traps hit.

    .venv/bin/python benchmarks/devset/score.py                 # audit the cache, score, print a summary
    .venv/bin/python benchmarks/devset/score.py --json          # the same as JSON
    .venv/bin/python benchmarks/devset/score.py --report r.json # score a saved `audit --format json` report
    .venv/bin/python benchmarks/devset/score.py --check-gold    # only check that every gold quote is in its page

The audit runs with no `--lexicon` (the point is to measure what claimcheck reads from the text itself).
Exit status: 0 when it scored (whatever the figures), 2 when it could not run.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold.yaml"
JUDGED = HERE / "judged.yaml"
CACHE = HERE / ".cache"

# ------------------------------------------------------------------------------------------ normalising text

_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def normalise(text: str) -> str:
    """Case-folded text with dashes, quotes, table pipes and runs of whitespace unified.

    Pipes are dropped because claimcheck may cite a table row with or without its cell separators.
    """
    text = text.translate(_DASHES).translate(_QUOTES).replace("|", " ")
    return " ".join(text.split()).casefold()


def numbers(text: str) -> tuple[str, ...]:
    """The numbers written in `text`, thousands separators removed: "$2,048.5M to 3" -> ("2048.5", "3")."""
    found = []
    for match in _NUMBER.finditer(text):
        token = match.group()
        # "2,048" is two thousand and forty-eight; "2.788" keeps its decimal point.
        token = re.sub(r",(?=\d{3}(?:\D|$))", "", token)
        found.append(token.replace(",", "."))
    return tuple(found)


# ------------------------------------------------------------------------------------------------- the gold


@dataclass(frozen=True)
class GoldClaim:
    page: str
    quote: str
    value: str

    def as_list(self) -> list[str]:
        return [self.page, self.quote, self.value]


@dataclass(frozen=True)
class GoldItem:
    kind: str  # conflict, agreement, trap, judged
    id: str
    topic: str
    about: str
    groups: tuple[tuple[GoldClaim, ...], ...]  # conflict: its sides; agreement: one group; trap/judged: two groups
    hard: bool = False
    verdict: bool | None = None  # judged items only


class GoldError(ValueError):
    """gold.yaml or judged.yaml is malformed."""


def _claim(raw: Any, where: str) -> GoldClaim:
    if not (isinstance(raw, list) and len(raw) == 3 and all(isinstance(part, str) and part for part in raw)):
        raise GoldError(f"{where}: a claim is [page, quote, value] (three non-empty strings), got {raw!r}")
    return GoldClaim(*raw)


def _claims(raw: Any, where: str) -> tuple[GoldClaim, ...]:
    if not isinstance(raw, list) or not raw:
        raise GoldError(f"{where}: expected a non-empty list of claims")
    return tuple(_claim(item, where) for item in raw)


def parse_gold(data: Any) -> list[GoldItem]:
    """Gold items from the parsed gold.yaml mapping (see its schema comment)."""
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        raise GoldError("gold.yaml: expected a mapping with a `topics` mapping")
    items: list[GoldItem] = []
    seen: set[str] = set()
    for topic, sections in data["topics"].items():
        if not isinstance(sections, dict):
            raise GoldError(f"gold.yaml: topic {topic!r} is not a mapping")
        unknown = set(sections) - {"conflicts", "agreements", "traps"}
        if unknown:
            raise GoldError(f"gold.yaml: topic {topic!r} has unknown sections {sorted(unknown)}")
        for section, kind in (("conflicts", "conflict"), ("agreements", "agreement"), ("traps", "trap")):
            for raw in sections.get(section) or []:
                if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
                    raise GoldError(f"gold.yaml: {topic}/{section}: every item needs an `id`")
                where = f"gold.yaml: {topic}/{raw['id']}"
                if raw["id"] in seen:
                    raise GoldError(f"{where}: duplicate id")
                seen.add(raw["id"])
                if kind == "conflict":
                    sides = raw.get("sides")
                    if not isinstance(sides, list) or len(sides) < 2:
                        raise GoldError(f"{where}: a conflict needs at least two sides")
                    groups = tuple(_claims(side, where) for side in sides)
                elif kind == "agreement":
                    claims = _claims(raw.get("claims"), where)
                    if len({claim.page for claim in claims}) < 2:
                        raise GoldError(f"{where}: an agreement needs claims from at least two pages")
                    groups = (claims,)
                else:
                    claims = _claims(raw.get("claims"), where)
                    if len(claims) != 2:
                        raise GoldError(f"{where}: a trap is exactly two claims")
                    groups = ((claims[0],), (claims[1],))
                items.append(
                    GoldItem(kind, raw["id"], str(topic), str(raw.get("about", "")), groups, bool(raw.get("hard")))
                )
    return items


def parse_judged(data: Any) -> list[GoldItem]:
    """A person's verdicts on reported conflicts that gold does not cover (judged.yaml)."""
    if data is None:
        return []
    entries = data.get("judged") if isinstance(data, dict) else None
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise GoldError("judged.yaml: `judged` must be a list")
    items = []
    for number, raw in enumerate(entries, 1):
        where = f"judged.yaml: entry {number}"
        if not isinstance(raw, dict) or not isinstance(raw.get("verdict"), bool):
            raise GoldError(f"{where}: needs `claims` and `verdict: true|false`")
        claims = _claims(raw.get("claims"), where)
        if len(claims) != 2:
            raise GoldError(f"{where}: `claims` is exactly two claims")
        items.append(
            GoldItem(
                "judged",
                f"judged-{number}",
                "",
                str(raw.get("note", "")),
                ((claims[0],), (claims[1],)),
                verdict=raw["verdict"],
            )
        )
    return items


def load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, yaml.YAMLError) as error:
        raise GoldError(f"{path.name}: cannot read: {error}") from error


# ---------------------------------------------------------------------------------------------- matching


def page_of(source: str) -> str:
    """The page id a report cites: the cached file's stem."""
    return Path(source).stem


def value_matches(gold_value: str, value_text: str) -> bool:
    """The report's value starts with the gold value's numbers, in order; without digits, one text contains the other.

    "Starts with" because a value's text may carry a unit with digits of its own ("2,048 NVIDIA H800 GPUs").
    """
    gold_numbers = numbers(gold_value)
    if gold_numbers:
        return numbers(value_text)[: len(gold_numbers)] == gold_numbers
    a, b = normalise(gold_value), normalise(value_text)
    return bool(a and b) and (a in b or b in a)


def claim_matches(gold: GoldClaim, claim: dict[str, Any]) -> bool:
    value = claim.get("value") or {}
    return (
        page_of(str(claim.get("source", ""))) == gold.page
        and normalise(gold.quote) in normalise(str(claim.get("quote", "")))
        and value_matches(gold.value, str(value.get("text", "")))
    )


def _groups_hit(item: GoldItem, claims: Sequence[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(claim index, group index, page) for every cited claim that matches a claim of the item."""
    hits = []
    for index, claim in enumerate(claims):
        for group_index, group in enumerate(item.groups):
            if any(claim_matches(gold, claim) for gold in group):
                hits.append((index, group_index, page_of(str(claim.get("source", "")))))
    return hits


def finding_matches(item: GoldItem, finding: dict[str, Any]) -> bool:
    """Whether a finding shows this gold item.

    conflict: two cited claims from different sides; agreement: two cited claims from different pages;
    trap / judged: one cited claim matches each of the two claims (distinct report claims).
    """
    hits = _groups_hit(item, finding.get("claims") or [])
    for i, (claim_a, group_a, page_a) in enumerate(hits):
        for claim_b, group_b, page_b in hits[i + 1 :]:
            if claim_a == claim_b:
                continue
            if item.kind == "agreement":
                if page_a != page_b:
                    return True
            elif group_a != group_b:
                if item.kind != "conflict" or page_a != page_b:
                    return True
    return False


# ---------------------------------------------------------------------------------------------- scoring


@dataclass
class Score:
    pages: int
    gold_conflicts: int
    gold_agreements: int
    gold_traps: int
    found_conflicts: list[str] = field(default_factory=list)
    missed_conflicts: list[str] = field(default_factory=list)
    found_agreements: list[str] = field(default_factory=list)
    missed_agreements: list[str] = field(default_factory=list)
    traps_hit: list[dict[str, Any]] = field(default_factory=list)
    reported_conflicts: int = 0
    true_conflicts: int = 0  # matched a gold conflict or judged true
    false_conflicts: int = 0  # hit a trap or judged false
    unjudged: list[dict[str, Any]] = field(default_factory=list)
    judged_false: list[dict[str, Any]] = field(default_factory=list)
    internal_conflicts: list[dict[str, Any]] = field(default_factory=list)  # listed for a person, not scored
    gold_claims: int = 0  # distinct claims the gold cites
    gold_claims_read: int = 0  # ... that claimcheck extracted as a claim with that value
    gold_claims_with_subject: int = 0  # ... and gave a subject
    explained: list[dict[str, Any]] = field(default_factory=list)  # per gold claim: subject and metric read
    per_topic: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def recall_conflicts(self) -> float | None:
        return _ratio(len(self.found_conflicts), self.gold_conflicts)

    @property
    def recall_agreements(self) -> float | None:
        return _ratio(len(self.found_agreements), self.gold_agreements)

    @property
    def precision(self) -> float | None:
        """True reported conflicts over all reported ones; an unjudged conflict counts as false."""
        return _ratio(self.true_conflicts, self.reported_conflicts)

    @property
    def precision_judged(self) -> float | None:
        """The same over judged conflicts only (matched, trap or judged.yaml)."""
        return _ratio(self.true_conflicts, self.true_conflicts + self.false_conflicts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "gold": {"conflicts": self.gold_conflicts, "agreements": self.gold_agreements, "traps": self.gold_traps},
            "recall_conflicts": self.recall_conflicts,
            "recall_agreements": self.recall_agreements,
            "precision": self.precision,
            "precision_judged": self.precision_judged,
            "reported_conflicts": self.reported_conflicts,
            "true_conflicts": self.true_conflicts,
            "false_conflicts": self.false_conflicts,
            "traps_hit": self.traps_hit,
            "found_conflicts": self.found_conflicts,
            "missed_conflicts": self.missed_conflicts,
            "found_agreements": self.found_agreements,
            "missed_agreements": self.missed_agreements,
            "judged_false": self.judged_false,
            "unjudged": self.unjudged,
            "internal_conflicts": self.internal_conflicts,
            "gold_claims": {
                "total": self.gold_claims,
                "read": self.gold_claims_read,
                "with_subject": self.gold_claims_with_subject,
            },
            "explained": self.explained,
            "per_topic": self.per_topic,
        }


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _cited(finding: dict[str, Any]) -> dict[str, Any]:
    """A reported finding in a form a person can paste into judged.yaml."""
    return {
        "topic": finding.get("topic"),
        "message": finding.get("message"),
        "claims": [
            [page_of(str(c.get("source", ""))), str(c.get("quote", "")), str((c.get("value") or {}).get("text", ""))]
            for c in finding.get("claims") or []
        ],
    }


def score(report: dict[str, Any], gold: Sequence[GoldItem], judged: Sequence[GoldItem] = ()) -> Score:
    findings = [f for f in report.get("findings") or [] if isinstance(f, dict)]
    conflicts = [f for f in findings if f.get("status") == "conflict"]
    agreeing = [f for f in findings if f.get("status") in ("compatible", "agree")]
    cross = [f for f in conflicts if f.get("kind") == "cross-source"]
    by_kind = {kind: [item for item in gold if item.kind == kind] for kind in ("conflict", "agreement", "trap")}
    result = Score(
        pages=len(report.get("sources") or []),
        gold_conflicts=len(by_kind["conflict"]),
        gold_agreements=len(by_kind["agreement"]),
        gold_traps=len(by_kind["trap"]),
    )
    topics: dict[str, dict[str, Any]] = {}

    def tally(topic: str, key: str) -> None:
        row = topics.setdefault(topic, {})
        row[key] = row.get(key, 0) + 1

    for item in by_kind["conflict"]:
        tally(item.topic, "conflicts")
        if any(finding_matches(item, f) for f in cross):
            result.found_conflicts.append(item.id)
            tally(item.topic, "conflicts_found")
        else:
            result.missed_conflicts.append(item.id)
    for item in by_kind["agreement"]:
        tally(item.topic, "agreements")
        if any(finding_matches(item, f) for f in agreeing):
            result.found_agreements.append(item.id)
            tally(item.topic, "agreements_found")
        else:
            result.missed_agreements.append(item.id)
    for item in by_kind["trap"]:
        tally(item.topic, "traps")
        for finding in conflicts:
            if finding_matches(item, finding):
                result.traps_hit.append({"trap": item.id, "why": item.about, **_cited(finding)})
                tally(item.topic, "traps_hit")
                break

    trap_items = by_kind["trap"]
    for finding in cross:
        result.reported_conflicts += 1
        if any(finding_matches(item, finding) for item in by_kind["conflict"]):
            result.true_conflicts += 1
            continue
        verdicts = [item.verdict for item in judged if finding_matches(item, finding)]
        if True in verdicts:
            result.true_conflicts += 1
        elif False in verdicts or any(finding_matches(item, finding) for item in trap_items):
            result.false_conflicts += 1
            result.judged_false.append(_cited(finding))
        else:
            result.unjudged.append(_cited(finding))
    result.internal_conflicts = [_cited(f) for f in conflicts if f.get("kind") != "cross-source"]
    explain_claims(result, report, gold)
    result.per_topic = dict(sorted(topics.items()))
    return result


def explain_claims(result: Score, report: dict[str, Any], gold: Sequence[GoldItem]) -> None:
    """How claimcheck read each claim the gold cites: was the value extracted, with what subject and metric.

    This separates "never read" from "read but attributed elsewhere" when a gold item is missed.
    """
    claims = [c for c in report.get("claims") or [] if isinstance(c, dict)]
    seen: set[GoldClaim] = set()
    for item in gold:
        for group in item.groups:
            for gold_claim in group:
                if gold_claim in seen:
                    continue
                seen.add(gold_claim)
                matches = [c for c in claims if claim_matches(gold_claim, c)]
                result.gold_claims += 1
                result.gold_claims_read += bool(matches)
                result.gold_claims_with_subject += any(c.get("subject") for c in matches)
                result.explained.append(
                    {
                        "item": item.id,
                        "claim": gold_claim.as_list(),
                        "read_as": [[c.get("subject"), c.get("metric")] for c in matches],
                    }
                )


# ------------------------------------------------------------------------------------------- gold lint


def check_gold(gold: Iterable[GoldItem], cache: Path) -> list[str]:
    """Problems with the gold against the cached pages: a missing page, a quote not in its page, a value whose
    numbers are not in its quote. An empty list means every gold claim can be matched in principle."""
    problems = []
    texts: dict[str, str | None] = {}
    for item in gold:
        for group in item.groups:
            for claim in group:
                if claim.page not in texts:
                    path = cache / f"{claim.page}.md"
                    texts[claim.page] = normalise(path.read_text(encoding="utf-8")) if path.is_file() else None
                text = texts[claim.page]
                if text is None:
                    problems.append(f"{item.id}: page {claim.page} is not in the cache")
                elif normalise(claim.quote) not in text:
                    problems.append(f"{item.id}: quote not in {claim.page}: {claim.quote!r}")
                elif not all(number in normalise(claim.quote).replace(",", "") for number in numbers(claim.value)):
                    # substring, not token, so a number glued to a label ("FP8661.3") still counts
                    problems.append(f"{item.id}: value {claim.value!r} is not in its quote {claim.quote!r}")
    return problems


# ------------------------------------------------------------------------------------------ running it


def _audit_help() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "audit", "--help"], capture_output=True, text=True, check=False
    )
    return done.stdout


def run_audit(cache: Path, no_builtin_lexicon: bool = False) -> dict[str, Any]:
    """`claimcheck audit CACHE --format json`, with no --lexicon; raises RuntimeError if it could not run."""
    command = [sys.executable, "-m", "claimcheck", "audit", str(cache), "--format", "json", "--fail-on", "never"]
    if no_builtin_lexicon:
        if "--no-builtin-lexicon" not in _audit_help():
            raise RuntimeError("this claimcheck has no `audit --no-builtin-lexicon` option")
        command.append("--no-builtin-lexicon")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"claimcheck audit exited {done.returncode}: {done.stderr.strip()}")
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"claimcheck audit did not print JSON: {error}") from error
    if not isinstance(report, dict):
        raise RuntimeError("claimcheck audit printed JSON that is not a report")
    return report


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_explained(result: Score) -> str:
    """One line per gold claim: how claimcheck read it (subject / metric), or that it did not."""
    lines = []
    for entry in result.explained:
        page, quote, value = entry["claim"]
        read = "; ".join(f"{subject or '-'} / {metric or '-'}" for subject, metric in entry["read_as"]) or "not read"
        lines.append(f"{entry['item']:28} {page:24} {value!r:18} -> {read}")
    return "\n".join(lines)


def render(result: Score) -> str:
    lines = [
        f"pages {result.pages}; gold: {result.gold_conflicts} conflicts, {result.gold_agreements} agreements, "
        f"{result.gold_traps} traps",
        f"recall of gold conflicts     {_percent(result.recall_conflicts)} "
        f"({len(result.found_conflicts)}/{result.gold_conflicts})",
        f"recall of gold agreements    {_percent(result.recall_agreements)} "
        f"({len(result.found_agreements)}/{result.gold_agreements})",
        f"precision of reported cross-source conflicts  {_percent(result.precision)} "
        f"({result.true_conflicts}/{result.reported_conflicts}; unjudged counted false; "
        f"{len(result.unjudged)} unjudged, {result.false_conflicts} judged false)",
        f"precision over judged ones   {_percent(result.precision_judged)}",
        f"traps hit                    {len(result.traps_hit)}/{result.gold_traps}",
        f"gold claims read as a value  {result.gold_claims_read}/{result.gold_claims}, "
        f"with a subject {result.gold_claims_with_subject}/{result.gold_claims}",
        "",
        "per topic: conflicts found/gold, agreements found/gold, traps hit/gold",
    ]
    for topic, row in result.per_topic.items():
        lines.append(
            f"  {topic:18} {row.get('conflicts_found', 0)}/{row.get('conflicts', 0)}  "
            f"{row.get('agreements_found', 0)}/{row.get('agreements', 0)}  "
            f"{row.get('traps_hit', 0)}/{row.get('traps', 0)}"
        )
    if result.found_conflicts:
        lines += ["", "gold conflicts found: " + ", ".join(result.found_conflicts)]
    if result.missed_conflicts:
        lines += ["gold conflicts missed: " + ", ".join(result.missed_conflicts)]
    if result.traps_hit:
        lines += ["", "traps hit (reported as conflicts):"]
        for hit in result.traps_hit:
            lines.append(f"  {hit['trap']}: {hit['message']}")
    for title, entries in (
        ("reported conflicts judged false (trap or judged.yaml)", result.judged_false),
        ("reported conflicts not in gold and not judged (judge them in judged.yaml)", result.unjudged),
        ("conflicts within one page (not scored; listed to read)", result.internal_conflicts),
    ):
        if entries:
            lines += ["", f"{title}:"]
            for entry in entries:
                lines.append(f"  - {entry['message']}")
                for page, quote, value in entry["claims"]:
                    lines.append(f"      [{page}, {json.dumps(_short(quote), ensure_ascii=False)}, {value!r}]")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=CACHE, help="folder of cached pages (default: .cache/)")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument("--report", type=Path, help="score this saved `audit --format json` report instead")
    parser.add_argument("--json", action="store_true", help="print the score as JSON")
    parser.add_argument("--no-builtin-lexicon", action="store_true", help="pass --no-builtin-lexicon to audit")
    parser.add_argument("--explain", action="store_true", help="also show how each gold claim was read")
    parser.add_argument("--check-gold", action="store_true", help="only check gold quotes against the cache")
    args = parser.parse_args(argv)
    try:
        gold = parse_gold(load_yaml(args.gold))
        judged = parse_judged(load_yaml(args.judged))
    except GoldError as error:
        print(f"score.py: {error}", file=sys.stderr)
        return 2
    if args.check_gold:
        problems = check_gold(gold, args.cache)
        for problem in problems:
            print(problem)
        print(f"{len(gold)} gold items, {len(problems)} problems", file=sys.stderr)
        return 2 if problems else 0
    try:
        if args.report:
            report = json.loads(args.report.read_text(encoding="utf-8"))
        else:
            sys.path.insert(0, str(HERE))
            import fetch  # the cache check lives beside this script

            problems = fetch.check(fetch.load_pages(), args.cache)
            missing = [p for p in problems if p.reason == "missing"]
            if missing:
                print(fetch.instructions(missing, args.cache), file=sys.stderr)
                return 2
            for problem in problems:
                # a re-fetched excerpt may differ from the recorded one; gold quotes are still checked below
                print(f"warning: {problem.page.id}: cached text differs from the recorded sha256", file=sys.stderr)
            print(f"$ claimcheck audit {args.cache} --format json", file=sys.stderr)
            report = run_audit(args.cache, args.no_builtin_lexicon)
    except (OSError, ValueError, RuntimeError) as error:
        print(f"score.py: {error}", file=sys.stderr)
        return 2
    for problem in check_gold(gold, args.cache) if not args.report else []:
        print(f"warning: {problem}", file=sys.stderr)
    result = score(report, gold, judged)
    print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False) if args.json else render(result))
    if args.explain and not args.json:
        print("\nhow each gold claim was read (subject / metric):\n" + render_explained(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
