"""Cross-checking: which claims in a topic are comparable, the verdict, the reconciled value and the notes."""

from __future__ import annotations

import datetime as dt

from claimcheck.checking.align import align_claims
from claimcheck.checking.check import cross_check, time_slices
from claimcheck.models import Claim, DateValue, Quantity

_counter = iter(range(10_000))


def claim(
    value: Quantity | DateValue,
    *,
    source: str = "a.md",
    as_of: DateValue | None = None,
    period: str | None = None,
    forecast: bool = False,
    baseline: str | None = None,
    scope: str | None = None,
    subject: str = "Anthropic",
    metric: str = "share of code written by AI",
) -> Claim:
    n = next(_counter)
    return Claim(
        id=f"c{n}",
        source=source,
        line=n + 1,
        column=1,
        quote=f"quote {n} {value.text}",
        subject=subject,
        metric=metric,
        value=value,
        as_of=as_of,
        period=period,
        forecast=forecast,
        baseline=baseline,
        scope=scope,
    )


def pct(low: float | None, high: float | None, text: str, *, low_inc: bool = True, approx: bool = False) -> Quantity:
    return Quantity(
        kind="percent",
        low=low,
        high=high,
        low_inclusive=low_inc,
        unit="%",
        text=text,
        precision=1.0,
        approximate=approx,
    )


def month(year: int, m: int) -> DateValue:
    import calendar

    return DateValue(
        start=dt.date(year, m, 1),
        end=dt.date(year, m, calendar.monthrange(year, m)[1]),
        precision="month",
        text=f"{year}-{m:02d}",
    )


def findings_for(claims: list[Claim]):  # type: ignore[no-untyped-def]
    return cross_check(align_claims(claims))


def test_range_and_hedge_are_compatible_with_reconciled_value() -> None:
    findings = findings_for(
        [claim(pct(70, 90, "70-90%")), claim(pct(80, None, "over 80%", low_inc=False), source="b.md")]
    )
    assert len(findings) == 1
    assert findings[0].status == "compatible" and findings[0].reconciled == "80-90%"
    assert findings[0].kind == "cross-source"


def test_values_at_different_dates_are_a_series_not_a_conflict() -> None:
    early = claim(pct(5, 5, "5%"), as_of=month(2024, 1))
    late = claim(pct(80, None, "over 80%", low_inc=False), as_of=month(2026, 5), source="b.md")
    assert findings_for([early, late]) == []
    assert len(time_slices([early, late])) == 2


def test_event_periods_separate_claims() -> None:
    before = claim(pct(1, 9, "single digits", approx=True), period="before Claude Code")
    now = claim(pct(70, 90, "70-90%"), source="b.md")
    other = claim(pct(80, None, "over 80%", low_inc=False), source="c.md")
    findings = findings_for([before, now, other])
    assert [f.status for f in findings] == ["compatible"]
    assert any("single digits" in note or "1-9%" in note for note in findings[0].notes)


def test_forecasts_are_not_compared_with_facts() -> None:
    fact = claim(pct(20, 20, "20%"))
    projection = claim(pct(100, 100, "100%"), source="b.md", forecast=True)
    assert findings_for([fact, projection]) == []


def test_undated_claim_is_compared_with_each_dated_group() -> None:
    undated = claim(pct(70, 90, "70-90%"))
    march = claim(pct(75, 75, "75%"), as_of=month(2026, 3), source="b.md")
    may = claim(pct(95, 95, "95%"), as_of=month(2026, 5), source="c.md")
    statuses = sorted(f.status for f in findings_for([undated, march, may]))
    assert statuses == ["compatible", "conflict"]


def test_conflict_carries_the_size_of_the_disagreement() -> None:
    findings = findings_for([claim(pct(20, 20, "20%")), claim(pct(30, 30, "30%"), source="b.md")])
    finding = findings[0]
    assert finding.status == "conflict"
    assert finding.difference == 10
    assert finding.relative_difference is not None and abs(finding.relative_difference - 10 / 30) < 1e-9
    assert "20% vs 30%" in finding.message


def test_different_baselines_and_scopes_become_notes() -> None:
    a = claim(
        Quantity(kind="multiplier", low=8, high=8, unit="x", text="8x", precision=1.0),
        baseline="2021-2025 average",
        scope=None,
        metric="code output relative to baseline",
    )
    b = claim(
        Quantity(kind="multiplier", low=8, high=8, unit="x", text="eight times", approximate=True),
        baseline="2024",
        source="b.md",
        metric="code output relative to baseline",
    )
    finding = findings_for([a, b])[0]
    assert finding.status == "agree"
    assert any("different baselines" in n and "2024" in n for n in finding.notes)


def test_same_source_repetition_is_internal() -> None:
    findings = findings_for([claim(pct(75, 75, "75%")), claim(pct(75, 75, "75.0%"))])
    assert findings[0].kind == "internal" and findings[0].status == "agree"


def test_dates_conflict_by_span() -> None:
    year = DateValue(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), precision="year", text="2024")
    may = month(2025, 5)
    findings = findings_for(
        [
            claim(year, subject="Claude 4", metric="release date"),
            claim(may, subject="Claude 4", metric="release date", source="b.md"),
        ]
    )
    assert findings[0].status == "conflict"
    assert findings[0].difference == 121


def test_finding_ids_are_stable_and_ignore_line_numbers() -> None:
    a = claim(pct(20, 20, "20%"))
    b = claim(pct(30, 30, "30%"), source="b.md")
    first = findings_for([a, b])[0].id
    moved = [a.model_copy(update={"line": 99}), b.model_copy(update={"line": 7})]
    assert findings_for(moved)[0].id == first
