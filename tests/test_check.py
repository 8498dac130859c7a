"""Cross-checking: which claims in a topic are comparable, the verdict, the reconciled value and the notes."""

from __future__ import annotations

import datetime as dt
import json

from claimcheck.checking.align import align_claims
from claimcheck.checking.check import cross_check
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


def _big_topic() -> list[Claim]:
    """30 undated claims of one figure, 40 as-of months with another each, and one undated outlier."""
    undated = [claim(pct(72.0, 72.0, "72%"), source=f"u{i}.md") for i in range(30)]
    dated = [
        claim(pct(40.0 + i, 40.0 + i, f"{40 + i}%"), source=f"d{i}.md", as_of=month(2020 + i // 12, i % 12 + 1))
        for i in range(40)
    ]
    return [*undated, *dated, claim(pct(10.0, 10.0, "10%"), source="outlier.md")]


def test_a_finding_cites_a_bounded_number_of_claims_and_counts_the_rest() -> None:
    from claimcheck.checking.check import MAX_CITED, SERIES_SHOWN

    findings = cross_check(align_claims(_big_topic()))
    assert len(findings) == 40  # one per as-of month, each with every undated claim
    for finding in findings:
        assert len(finding.claims) <= MAX_CITED
        assert len(finding.claims) + finding.uncited == 32  # 31 undated + the month's own claim
        cited = {c.source for c in finding.claims}
        assert "outlier.md" in cited  # the disagreeing pair is always cited
        assert finding.status == "conflict"
        series = next(n for n in finding.notes if n.startswith("same metric at other times"))
        assert series.count("as of") == SERIES_SHOWN
        assert series.endswith("; and 31 more")  # 39 other months, 8 shown
        assert "31 claims give no date" in " ".join(finding.notes)


def test_the_uncited_count_shows_in_every_renderer() -> None:
    import io

    from rich.console import Console

    from claimcheck.checking.report import build_report
    from claimcheck.models import Corpus
    from claimcheck.render.jsonfmt import report_json
    from claimcheck.render.markdown import report_markdown
    from claimcheck.render.terminal import render_report

    claims = _big_topic()
    corpus = Corpus(claims=tuple(claims))
    aligned = align_claims(claims)
    report = build_report(corpus, [t for t, _ in aligned], cross_check(aligned))
    assert "and 20 more claims, not cited" in report_markdown(report)
    assert json.loads(report_json(report))["findings"][0]["uncited"] == 20
    buffer = io.StringIO()
    render_report(report, Console(file=buffer, width=100, color_system=None))
    assert "and 20 more claims, not cited" in buffer.getvalue()


def test_checking_stays_linear_when_one_topic_has_thousands_of_dates() -> None:
    """Counted, not timed: the work per finding is bounded, so the total report size grows linearly."""

    def size(n: int) -> int:
        undated = [claim(pct(72.0, 72.0, "72%"), source=f"u{i}.md") for i in range(n)]
        dated = [
            claim(
                pct(72.0, 72.0, "72%"),
                source=f"d{i}.md",
                as_of=DateValue(
                    start=dt.date(2000, 1, 1) + dt.timedelta(days=i),
                    end=dt.date(2000, 1, 1) + dt.timedelta(days=i),
                    precision="day",
                    text="x",
                ),
            )
            for i in range(n)
        ]
        findings = cross_check(align_claims([*undated, *dated]))
        assert len(findings) == n
        return sum(len(f.claims) + len(" ".join(f.notes)) for f in findings)

    assert size(800) <= 4.2 * size(200)


def _in_one_sentence(*claims: Claim) -> list[Claim]:
    quote = "one sentence that gives both figures"
    return [c.model_copy(update={"quote": quote}) for c in claims]


def test_two_values_one_sentence_gives_one_topic_are_not_a_conflict() -> None:
    # "$0.03 for cache hits, $0.12 for cache misses" read as one metric: the sentence tells them apart
    pair = _in_one_sentence(claim(pct(30, 30, "30%")), claim(pct(12, 12, "12%")))
    assert findings_for(pair) == []
    # nor does either side stand against another article
    assert findings_for([*pair, claim(pct(30, 30, "30%"), source="b.md")]) == []


def test_one_sentence_repeating_a_value_and_a_sentence_series_are_still_checked() -> None:
    repeated = _in_one_sentence(claim(pct(30, 30, "30%")), claim(pct(30, 30, "thirty percent")))
    [finding] = findings_for([*repeated, claim(pct(45, 45, "45%"), source="b.md")])
    assert finding.status == "conflict"
    series = _in_one_sentence(
        claim(pct(5, 5, "5%"), as_of=month(2025, 1)), claim(pct(80, 80, "80%"), as_of=month(2026, 5))
    )
    others = [claim(pct(80, 80, "80%"), source="b.md", as_of=month(2026, 5))]
    assert [f.status for f in findings_for([*series, *others])] == ["agree"]
