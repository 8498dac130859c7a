"""Measure claimcheck's value grammars against Microsoft Recognizers-Text's English test specifications.

    .venv/bin/python benchmarks/recognizers.py SPEC_DIR                       # accuracy and speed
    .venv/bin/python benchmarks/recognizers.py SPEC_DIR --baseline-src DIR    # the same, side by side with
                                                                             # the claimcheck in DIR/claimcheck
    .venv/bin/python benchmarks/recognizers.py SPEC_DIR --misses 'date periods'   # one spec's failures

SPEC_DIR is a folder holding the five spec files, copied by the user from the Recognizers-Text repository
(``Specs/Number/English/PercentModel.json``, ``NumberRangeModel.json``,
``Specs/NumberWithUnit/English/CurrencyModel.json``, ``Specs/DateTime/English/DatePeriodParser.json`` and
``DateParser.json``). Nothing of them is in this repository.

Each spec case is an input sentence with the expected results (text span, value). claimcheck's grammars run on
the sentence (``find_dates`` with the case's reference date as publication date, then ``find_quantities`` outside
the date spans, as the pipeline does). An expected result is **right** when a claimcheck value of the spec's kind
overlaps its span and has its value, **wrong** when one overlaps with another value, **missed** when none
overlaps. A claimcheck value of the spec's kind that overlaps no expected result is **spurious** (for number ranges:
a bounded or hedged value; a plain number is no range reading).

Normalisation (the fair reading of the specs' conventions):

* CurrencyModel sentences are Penn-Treebank tokenised (``$ 75 million``, ``c $ 16.4``): a space between a
  currency sign and its number (and between the prefixes ``c``, ``us``, ``hk``, ``nz`` and ``$``) is removed
  before parsing, with offsets mapped back. The CurrencyModel's value is the amount without its hedge, so the
  stated amount of ``more than $ 247 million`` is compared. The spec's generic ``Dollar`` is ``$`` (USD);
  ``Cent``/``Pence``/``Penny`` values are hundredths of the dollar / pound.
* Number ranges: for ranges written with a connector (``20 to 100``, ``1000-5000``, ``between 20 and 30``) the
  spec writes a half-open interval ``[20,100)``; news text includes the upper end (``70-90%``), so only the
  endpoints are compared. Comparators (``more than``, ``at least``, ``or less``) must match bound and openness.
  A count's or percentage's floor of 0 under ``less than`` counts as the spec's unbounded lower end.
* Dates: the spec's ``endDate`` is exclusive; claimcheck's ``end`` is inclusive. A claimcheck end E is right
  when E + 1 day is the spec's end, or when the last day, month or year E closes starts at the spec's end (the
  spec writes ``from 4 to 22 January`` as ``.. 01-22`` and ``2014-2018`` as ``.. 2018-01-01``: where the last
  named unit begins). Either the spec's past or future resolution is accepted (a yearless date's year depends
  on the tense, which claimcheck leaves to the reader of the article). ``from Week 31 to Week 35`` likewise ends
  where the last named week begins.

Excluded, and counted in the output: results without a value (a bare ``percent`` or ``dollar``), ordinals
(``the tenth``), results in another script or language (``100元``, ``kuai``), seasons the spec gives no dates for,
impossible days (``Feb 30``, ``2/29/2019``: the spec's value is year 1, i.e. no date; a value read there would be
neither right nor spurious).
Cases holding phone numbers have no expected results and count only as spurious.

Speed: all spec sentences and the lines of ``sources/`` are run through both grammars for ``--seconds`` each;
MB/s is input bytes over time (best of the rounds). With ``--baseline-src`` both versions run in alternating
subprocesses on the same text, and the ratio is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

SPECS = [
    ("percent", "PercentModel.json"),
    ("number ranges", "NumberRangeModel.json"),
    ("currency", "CurrencyModel.json"),
    ("date periods", "DatePeriodParser.json"),
    ("single dates", "DateParser.json"),
]
ROOT = Path(__file__).resolve().parent.parent

_CURRENCY_NAMES = {
    "dollar": "USD", "united states dollar": "USD", "canadian dollar": "CAD", "hong kong dollar": "HKD",
    "australian dollar": "AUD", "new zealand dollar": "NZD", "mexican peso": "MXN", "pound": "GBP",
    "british pound": "GBP", "euro": "EUR", "japanese yen": "JPY", "chinese yuan": "CNY", "swiss franc": "CHF",
    "rupee": "INR", "indian rupee": "INR", "turkish lira": "TRY", "bitcoin": "BTC", "franc": "FRF",
    "peseta": "ESP", "finnish markka": "FIM", "netherlands guilder": "NLG",
}  # fmt: skip
_HUNDREDTHS = {"cent": "USD", "pence": "GBP", "penny": "GBP"}
_ORDINAL = re.compile(r"(?i)\b(?:first|second|third|\w+th)\b")
_PTB_JOINS = [re.compile(r"(?<=[$€£¥₹]) (?=\d)"), re.compile(r"\b(?:c|us|hk|nz)( )(?=\$)")]
_PHONE = re.compile(r"\+\d-\d{3}-\d{4}")


def _other_script(text: str) -> bool:
    return any(ch.isalpha() and "LATIN" not in unicodedata.name(ch, "") for ch in text) or bool(
        re.search(r"(?i)\b(?:kuai|mao|jiao|lakh|crore)\b", text)
    )


def _untokenise(text: str) -> tuple[str, list[int]]:
    """``$ 75`` -> ``$75``; returns the new text and, per new character, its offset in the old one."""
    keep = [True] * len(text)
    for pattern in _PTB_JOINS:
        for m in pattern.finditer(text):
            keep[m.start(m.lastindex or 0)] = False
    new_to_old = [i for i in range(len(text)) if keep[i]]
    return "".join(text[i] for i in new_to_old), new_to_old


# ---------------------------------------------------------------------------------------------- expectations


def _interval(value: str) -> tuple[float | None, float | None, bool, bool]:
    lo_inc, hi_inc = value[0] == "[", value[-1] == "]"
    lo, hi = value[1:-1].split(",")
    return (float(lo) if lo else None, float(hi) if hi else None, lo_inc, hi_inc)


def _expected(spec: str, result: dict[str, Any]) -> tuple[str | None, Any]:
    """(exclusion reason or None, normalised expected value)."""
    text = result["Text"]
    if _other_script(text):
        return "other language or script", None
    if spec in ("percent", "number ranges", "currency"):
        res = result["Resolution"]
        value = res.get("value")
        if value in (None, "null"):
            return "no value (a bare unit word)", None
        if spec == "percent":
            return None, float(value.rstrip("%"))
        if spec == "number ranges":
            if _ORDINAL.search(text):
                return "ordinal", None
            return None, (_interval(value), bool(re.search(r"(?i)\w\s*(?:-|–|~|to|through)\s*\w|between|from", text)))
        unit = res.get("unit", "").lower()
        if unit in _HUNDREDTHS:
            return None, (_HUNDREDTHS[unit], float(value) / 100)
        code = res.get("isoCurrency") or _CURRENCY_NAMES.get(unit)
        if code is None:
            return "currency outside the table", None
        return None, (code, float(value))
    value = result["Value"]
    spans = []
    for key in ("PastResolution", "FutureResolution"):
        r = value.get(key) or {}
        if spec == "single dates" and r.get("date"):
            if r["date"].startswith("0001-"):  # the spec's mark for a day no calendar has (Feb 30, 2/29/2019)
                return "impossible date (no value)", None
            day = dt.date.fromisoformat(r["date"][:10])
            spans.append((day, day + dt.timedelta(days=1)))
        elif r.get("startDate") and r.get("endDate"):
            spans.append((dt.date.fromisoformat(r["startDate"][:10]), dt.date.fromisoformat(r["endDate"][:10])))
    if not spans:
        return "no dates given (seasons, open ends)", None
    return None, spans


def _end_ok(ours: dt.date, spec_end: dt.date) -> bool:
    if ours + dt.timedelta(days=1) == spec_end or ours == spec_end:
        return True
    if ours.weekday() == 6 and ours - dt.timedelta(days=6) == spec_end:  # "to Week 35": the last week begins there
        return True
    nxt = ours + dt.timedelta(days=1)
    if nxt.day == 1 and ours.replace(day=1) == spec_end:  # the last named month begins at the spec's end
        return True
    return nxt.month == 1 and nxt.day == 1 and ours.replace(month=1, day=1) == spec_end


def _matches(spec: str, expected: Any, ours: Any) -> bool:
    if spec == "percent":
        signed = -ours.low if ours.change == "decrease" and ours.low is not None else ours.low  # "minus five percent"
        return ours.kind == "percent" and ours.low == ours.high and expected in (ours.low, signed)
    if spec == "number ranges":
        (lo, hi, lo_inc, hi_inc), connector = expected
        low = None if lo is None and ours.low == 0 and ours.hedge else ours.low
        if (low, ours.high) != (lo, hi):
            return False
        if connector or lo == hi:
            return True
        return (lo is None or ours.low_inclusive == lo_inc) and (hi is None or ours.high_inclusive == hi_inc)
    if spec == "currency":
        code, amount = expected
        unit = (ours.unit or "").split("/")[0]
        stated = ours.low if ours.low not in (None, 0.0) else ours.high  # "more than $247 million": the amount
        return unit == code and stated is not None and abs(stated - amount) < 1e-6
    for start, end in expected:
        if ours.start == start and _end_ok(ours.end, end):
            if spec != "single dates" or ours.start == ours.end:
                return True
    return False


def _ours(spec: str, text: str, published: dt.date) -> list[tuple[int, int, Any]]:
    from claimcheck.values.dates import find_dates
    from claimcheck.values.quantities import find_quantities

    dates = find_dates(text, published=published)
    if spec in ("date periods", "single dates"):
        return [(d.start, d.end, d.value) for d in dates]
    quantities = find_quantities(text, exclude=[(d.start, d.end) for d in dates])
    out = []
    for q in quantities:
        v = q.value
        if spec == "percent" and v.kind != "percent":
            continue
        if spec == "currency" and v.kind != "money":
            continue
        out.append((q.start, q.end, v))
    return out


def evaluate(spec_dir: Path) -> dict[str, Any]:
    from claimcheck.loading.textnorm import normalize

    report: dict[str, Any] = {}
    for name, filename in SPECS:
        cases = json.loads((spec_dir / filename).read_text(encoding="utf-8-sig"))
        counts = {"expected": 0, "right": 0, "wrong": 0, "missed": 0, "spurious": 0}
        excluded: dict[str, int] = {}
        failures: list[str] = []
        for case in cases:
            raw = case["Input"]
            ref = (case.get("Context") or {}).get("ReferenceDateTime", "2016-11-07")[:10]
            text, new_to_old = _untokenise(normalize(raw)) if name == "currency" else (normalize(raw), None)
            old_to_new = {old: new for new, old in enumerate(new_to_old)} if new_to_old else None
            ours = _ours(name, text, dt.date.fromisoformat(ref))
            used: set[int] = set()
            for result in case["Results"]:
                reason, value = _expected(name, result)
                if reason is not None:
                    excluded[reason] = excluded.get(reason, 0) + 1
                    # a value we read inside an excluded result is neither right nor spurious
                    start = result["Start"]
                    end = start + result["Length"] if "Length" in result else result["End"] + 1
                    if old_to_new is not None:
                        start, end = old_to_new.get(start, start), old_to_new.get(end - 1, end - 1) + 1
                    used |= {i for i, (s, e, _) in enumerate(ours) if s < end and start < e}
                    continue
                counts["expected"] += 1
                start = result["Start"]
                end = start + result["Length"] if "Length" in result else result["End"] + 1
                if old_to_new is not None:
                    start, end = old_to_new.get(start, start), old_to_new.get(end - 1, end - 1) + 1
                overlapping = [i for i, (s, e, _) in enumerate(ours) if s < end and start < e]
                used |= set(overlapping)
                if any(_matches(name, value, ours[i][2]) for i in overlapping):
                    counts["right"] += 1
                elif overlapping:
                    counts["wrong"] += 1
                    failures.append(f"wrong   {raw!r}: {result['Text']!r} read as {ours[overlapping[0]][2].text!r}")
                else:
                    counts["missed"] += 1
                    failures.append(f"missed  {raw!r}: {result['Text']!r}")
            if _PHONE.search(raw):
                key = "phone-number cases (spurious only)"
                excluded[key] = excluded.get(key, 0) + 1
            for i, (_, _, v) in enumerate(ours):
                point = getattr(v, "low", None) == getattr(v, "high", 0) and not getattr(v, "hedge", None)
                if name == "number ranges" and point:
                    continue  # a plain number is not a range reading
                if i not in used:
                    counts["spurious"] += 1
                    failures.append(f"spurious {raw!r}: {v.text!r}")
        report[name] = {**counts, "excluded": excluded, "failures": failures}
    return report


# --------------------------------------------------------------------------------------------------- speed


def speed_texts(spec_dir: Path) -> dict[str, list[str]]:
    from claimcheck.loading.textnorm import normalize

    spec_lines = []
    for _, filename in SPECS:
        spec_lines += [normalize(c["Input"]) for c in json.loads((spec_dir / filename).read_text("utf-8-sig"))]
    source_lines = []
    for path in sorted((ROOT / "sources").glob("*")):
        if path.is_file():
            source_lines += [line for line in normalize(path.read_text("utf-8")).splitlines() if line.strip()]
    return {"spec sentences": spec_lines, "sources/ lines": source_lines}


def speed(lines: list[str], seconds: float) -> float:
    """MB/s of find_dates + find_quantities (outside the date spans) over ``lines``, best of a few rounds."""
    from claimcheck.values.dates import find_dates
    from claimcheck.values.quantities import find_quantities

    published = dt.date(2026, 3, 1)
    size = sum(len(line.encode()) for line in lines)
    best = 0.0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        t0 = time.perf_counter()
        for line in lines:
            dates = find_dates(line, published=published)
            find_quantities(line, exclude=[(d.start, d.end) for d in dates])
        best = max(best, size / (time.perf_counter() - t0) / 1e6)
    return best


# ---------------------------------------------------------------------------------------------------- main


def _measure(spec_dir: Path, seconds: float) -> dict[str, Any]:
    import claimcheck

    texts = speed_texts(spec_dir)
    return {
        "source": str(Path(claimcheck.__file__).parent),
        "accuracy": evaluate(spec_dir),
        "speed": {name: speed(lines, seconds) for name, lines in texts.items()},
    }


def _subprocess(src: str | None, spec_dir: Path, seconds: float) -> dict[str, Any]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run(
        [sys.executable, __file__, str(spec_dir), "--json-only", "--seconds", str(seconds)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spec_dir", type=Path)
    parser.add_argument("--baseline-src", help="a src/ folder holding another claimcheck to compare with")
    parser.add_argument("--seconds", type=float, default=3.0, help="time per speed measurement (default 3)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating speed rounds with --baseline-src")
    parser.add_argument("--failures", action="store_true", help="list every wrong, missed and spurious case")
    parser.add_argument(
        "--misses", metavar="SPEC", choices=[name for name, _ in SPECS],
        help="list the wrong, missed and spurious cases of one spec (e.g. 'date periods')",
    )  # fmt: skip
    parser.add_argument("--json-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.json_only:
        print(json.dumps(_measure(args.spec_dir, args.seconds), default=str))
        return
    runs: dict[str, list[dict[str, Any]]] = {"after": []}
    if args.baseline_src:
        runs["before"] = []
    for _ in range(args.rounds if args.baseline_src else 1):
        if args.baseline_src:
            runs["before"].append(_subprocess(args.baseline_src, args.spec_dir, args.seconds))
        runs["after"].append(_subprocess(None, args.spec_dir, args.seconds))
    after = runs["after"][0]
    before = runs["before"][0] if args.baseline_src else None
    header = f"{'spec':<14} {'expected':>8} {'right':>6} {'wrong':>6} {'missed':>6} {'spurious':>8}  {'right %':>7}"
    for label, run in (("before", before), ("after", after)):
        if run is None:
            continue
        print(f"\n{label}: {run['source']}\n{header}")
        total = [0, 0]
        for name, _ in SPECS:
            r = run["accuracy"][name]
            share = 100 * r["right"] / r["expected"] if r["expected"] else 0.0
            total[0] += r["right"]
            total[1] += r["expected"]
            print(f"{name:<14} {r['expected']:>8} {r['right']:>6} {r['wrong']:>6} {r['missed']:>6} {r['spurious']:>8}"
                  f"  {share:>6.1f}%")  # fmt: skip
        print(f"{'all':<14} {total[1]:>8} {total[0]:>6}")
    print("\nexcluded from the expected results:")
    for name, _ in SPECS:
        excluded = after["accuracy"][name]["excluded"]
        print(f"  {name}: " + (", ".join(f"{k} {v}" for k, v in sorted(excluded.items())) or "none"))
    print("\ngrammar speed (find_dates + find_quantities), MB/s, best of rounds:")
    for text in after["speed"]:
        best_after = max(r["speed"][text] for r in runs["after"])
        line = f"  {text:<16} after {best_after:6.2f}"
        if args.baseline_src:
            best_before = max(r["speed"][text] for r in runs["before"])
            line += f"   before {best_before:6.2f}   ratio {best_after / best_before:5.2f}"
        print(line)
    if args.failures or args.misses:
        for name, _ in SPECS:
            if args.misses and name != args.misses:
                continue
            print(f"\n== {name}")
            print("\n".join(after["accuracy"][name]["failures"]))


if __name__ == "__main__":
    main()
