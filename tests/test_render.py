"""Renderers, tested on a canned Report (no pipeline run), plus golden files.

Regenerate the golden files deliberately with ``CLAIMCHECK_REGEN_GOLDEN=1 python -m pytest tests/test_render.py``
and review the diff before committing.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from claimcheck.models import (
    CitedClaim,
    Claim,
    DateValue,
    Finding,
    Quantity,
    Report,
    Skipped,
    Source,
    Summary,
)
from claimcheck.render import AuditFormat
from claimcheck.render.common import shorten_quote
from claimcheck.render.markdown import cell, report_markdown
from claimcheck.render.terminal import render_report

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("CLAIMCHECK_REGEN_GOLDEN") == "1"

LONG_QUOTE = (
    "In a long and winding sentence that goes on about many things | including a pipe and *stars* and "
    "a [link](x) — the figure that matters, over 80%, sits right in the middle of it, followed by a lot "
    "more text that a table cell has no room for at all, really none."
)


def _date(text: str, start: dt.date, end: dt.date, precision: str) -> DateValue:
    return DateValue(start=start, end=end, precision=precision, text=text)  # type: ignore[arg-type]


def canned_report() -> Report:
    a = Source(
        path="sources/a.md",
        key="a.md",
        format="markdown",
        title="A | pipes",
        outlet="Wire",
        published=dt.date(2026, 3, 5),
        published_from="front-matter",
    )
    b = Source(path="sources/b.md", key="b.md", format="markdown", title="B", published=None)
    may = _date("May 2025", dt.date(2025, 5, 1), dt.date(2025, 5, 31), "month")
    y2024 = _date("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year")
    over = Quantity(kind="percent", low=80, high=None, low_inclusive=False, unit="%", text="over 80%", precision=1)
    rng = Quantity(kind="percent", low=70, high=90, unit="%", text="70-90%", precision=1)
    cites = [
        CitedClaim(
            id="c1",
            source="sources/a.md",
            line=9,
            column=20,
            quote="Claude 4 was released in May 2025.",
            value=may,
            subject="Claude 4",
            metric="release date",
        ),
        CitedClaim(
            id="c2",
            source="sources/b.md",
            line=22,
            column=14,
            quote="- Version 4.0 (2024): safety-first.",
            value=y2024,
            subject="Claude 4",
            metric="release date",
        ),
        CitedClaim(
            id="c3", source="sources/a.md", line=12, column=11, quote="Claude writes 70-90% of the code.", value=rng
        ),
        CitedClaim(
            id="c4",
            source="sources/b.md",
            line=5,
            column=60,
            quote=LONG_QUOTE,
            value=over,
            as_of=_date("May 2026", dt.date(2026, 5, 1), dt.date(2026, 5, 31), "month"),
        ),
    ]
    findings = (
        Finding(
            id="f1",
            kind="cross-source",
            status="conflict",
            topic="Claude 4 / release date",
            message="Claude 4 / release date: May 2025 vs 2024 cannot both hold; at least 121 days apart",
            claims=(cites[0], cites[1]),
            difference=121,
        ),
        Finding(
            id="f2",
            kind="cross-source",
            status="compatible",
            topic="Anthropic / share of code written by AI",
            message="70-90%, >80% overlap; together they allow 80-90%",
            claims=(cites[2], cites[3]),
            reconciled="80-90%",
            notes=("different scopes: merged code; training code",),
        ),
        Finding(
            id="f3",
            kind="arithmetic",
            status="conflict",
            topic="Opus 4.7 to Opus 4.8 / gap",
            message="the stated gap does not match",
            claims=(cites[0],),
            computation="2026-04-15 to 2026-05-28 is 43 days; the article says 42 days",
        ),
    )
    claim = Claim(
        id="c1",
        source="sources/a.md",
        line=9,
        column=20,
        quote="Claude 4 was released in May 2025.",
        subject="Claude 4",
        metric="release date",
        value=may,
    )
    return Report(
        generated=dt.date(2026, 11, 23),
        sources=(a, b),
        claims=(claim,),
        findings=findings,
        skipped=(Skipped(path="sources/bin.md", reason="binary file"),),
        summary=Summary(sources=2, skipped=1, claims=4, topics=2, conflicts=2, compatible=1, agree=0, failed=True),
    )


@pytest.mark.parametrize("fmt", list(AuditFormat))
def test_every_audit_format_renders_the_canned_report(fmt: AuditFormat) -> None:
    text = fmt.render(canned_report())
    assert "Claude 4 / release date" in text


def _tables(markdown: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts, via a real Markdown parser (GFM tables)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables: list[list[list[str]]] = []
    row: list[str] | None = None
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close" and row is not None:
            tables[-1].append(row)
            row = None
    return tables


def test_markdown_tables_parse_with_the_right_shape() -> None:
    text = report_markdown(canned_report())
    tables = _tables(text)
    assert len(tables) >= 3
    for table in tables:
        widths = {len(r) for r in table}
        assert len(widths) == 1, table  # every row has as many cells as the header
    contradictions = tables[0]
    assert contradictions[0][:3] == ["#", "Topic", "Check"]
    assert any("May 2025" in c for r in contradictions for c in r)


def test_markdown_contradictions_table_lists_every_conflict_the_summary_counts() -> None:
    report = canned_report()
    contradictions = _tables(report_markdown(report))[0]
    assert len(contradictions) - 1 == report.summary.conflicts
    assert {r[2] for r in contradictions[1:]} == {"cross-source", "arithmetic"}


def test_markdown_same_quote_of_one_article_appears_once_with_its_lines() -> None:
    report = canned_report()
    first = report.findings[0]
    again = first.claims[0].model_copy(update={"line": 40, "id": "c9"})
    finding = first.model_copy(update={"claims": (*first.claims, again)})
    report = report.model_copy(update={"findings": (finding, *report.findings[1:])})
    text = report_markdown(report)
    row = _tables(text)[0][1]
    assert row[-1].count("Claude 4 was released in May 2025.") == 1
    assert "also line 40" in row[-1]


def test_markdown_topic_named_once_per_table() -> None:
    report = canned_report()
    second = report.findings[0].model_copy(update={"id": "f9", "message": "another check of the same topic"})
    report = report.model_copy(update={"findings": (*report.findings, second)})
    contradictions = _tables(report_markdown(report))[0]
    topics = [r[1] for r in contradictions[1:] if r[1]]
    assert topics.count("Claude 4 / release date") == 1


def test_markdown_agreements_are_one_line_each_with_detail_folded() -> None:
    report = canned_report()
    agree = report.findings[1].model_copy(
        update={"id": "f8", "status": "agree", "topic": "GPT-5.4 / GDPval", "reconciled": "83.0%"}
    )
    report = report.model_copy(update={"findings": (*report.findings, agree)})
    text = report_markdown(report)
    assert "- **GPT-5.4 / GDPval**: 83.0%, 2 claims in 2 sources" in text
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    folded = html[html.index("<details>") : html.index("</details>")]
    assert "<table>" in folded and "GDPval" in folded


def test_markdown_escapes_pipes_and_keeps_the_cited_value() -> None:
    text = report_markdown(canned_report())
    compat = next(t for t in _tables(text) if any("80-90%" in c for r in t for c in r))
    long_cell = next(r[-1] for r in compat[1:] if "over 80%" in r[-1])
    assert "…" in long_cell  # shortened
    assert "over 80%" in long_cell  # never cut inside the cited value
    assert "\n" not in long_cell


def test_markdown_is_deterministic() -> None:
    assert report_markdown(canned_report()) == report_markdown(canned_report())


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a|b", "a\\|b"),
        ("x\ny", "x y"),
        ("*bold*", "\\*bold\\*"),
        ("[l](u)", "\\[l\\](u)"),
        ("<b>", "\\<b\\>"),
        (None, ""),
    ],
)
def test_cell_escaping(raw: str | None, escaped: str) -> None:
    assert cell(raw) == escaped


@pytest.mark.parametrize("limit", [40, 60, 100, 160])
def test_shorten_quote_never_cuts_the_value(limit: int) -> None:
    short = shorten_quote(LONG_QUOTE, "over 80%", limit)
    assert "over 80%" in short
    assert len(short) <= limit + 40


def test_json_round_trips_the_report() -> None:
    data = json.loads(AuditFormat.json.render(canned_report()))
    assert data["schema"] == "claimcheck.report/1"
    assert Report.model_validate(data) == canned_report()


def test_terminal_view_fits_80_columns_and_has_no_colour_when_piped() -> None:
    buffer = io.StringIO()
    render_report(canned_report(), Console(file=buffer, width=80, color_system=None, force_terminal=False))
    text = buffer.getvalue()
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "\x1b[" not in text
    assert text.index("Contradictions") < text.index("Reconciled claims by topic")
    assert "binary file" in text


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not REGEN:
            pytest.fail(f"golden file {path} was missing and has been written; review and commit it")
    assert text == path.read_text(encoding="utf-8"), f"output differs from {path} (regenerate deliberately)"


def test_golden_canned_markdown() -> None:
    _golden("canned_report.md", report_markdown(canned_report()))


def test_golden_sources_audit_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Markdown report on the sample articles, end to end (pinned date, stable ordering)."""
    from claimcheck.pipeline import Settings, audit

    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    report = audit(["sources"], Settings(today=dt.date(2026, 11, 23), jobs=1))
    _golden("sources_audit.md", report_markdown(report))


def test_code_spans_are_not_backslash_escaped() -> None:
    from claimcheck.render.markdown import code

    assert code("seeds/000_fe79.txt:46") == "`seeds/000_fe79.txt:46`"
    assert code("a|b.md:3") == "`a\\|b.md:3`"
    html = MarkdownIt("commonmark").enable("table").render(report_markdown(canned_report()))
    assert "a.md:9" in html and "\\_" not in html
