"""Renderers: one ``Report`` (or ``Extraction``) in, text out. The fail policy is never decided here.

``Format`` lists every output format; each dispatch function maps every member and ends in ``assert_never``, and
``tests/test_render.py`` loops over every member, so a new format cannot be half-wired.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import assert_never

from rich.console import Console

from ..checking.timeline import Timeline
from ..models import DiffReport, Extraction, Report
from . import jsonfmt, markdown, terminal
from .terminal import summary_line

__all__ = [
    "Format",
    "render_diff",
    "render_extraction",
    "render_report",
    "render_report_text",
    "render_timeline",
    "summary_line",
]


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    yaml = "yaml"


Emit = Callable[..., None]


def render_report_text(report: Report, fmt: Format, *, title: str = "claimcheck audit") -> str | None:
    """The report as text for the machine and document formats; None for the rich table (console-drawn)."""
    match fmt:
        case Format.table:
            return None
        case Format.json:
            return jsonfmt.report_json(report)
        case Format.markdown:
            return markdown.report_markdown(report, title=title)
        case Format.yaml:
            raise ValueError("reports have no YAML format")
        case _:
            assert_never(fmt)


def _render(
    fmt: Format,
    output: Path | None,
    emit: Emit,
    *,
    what: str,
    table: Callable[[Console], None],
    json: Callable[[], str],
    markdown: Callable[[], str],
) -> None:
    """Route one result to the renderer for ``fmt``: rich on a console, or text to stdout / --output."""
    match fmt:
        case Format.table:
            emit(None, output, table)
        case Format.json:
            emit(json(), output)
        case Format.markdown:
            emit(markdown(), output)
        case Format.yaml:
            raise ValueError(f"{what} has no YAML format")
        case _:
            assert_never(fmt)


def render_report(
    report: Report, fmt: Format, output: Path | None, emit: Emit, *, title: str = "claimcheck audit"
) -> None:
    _render(
        fmt,
        output,
        emit,
        what="audit",
        table=lambda c: terminal.render_report(report, c, title=title),
        json=lambda: jsonfmt.report_json(report),
        markdown=lambda: markdown.report_markdown(report, title=title),
    )


def render_extraction(extraction: Extraction, fmt: Format, console: Callable[[], Console]) -> None:
    import sys

    match fmt:
        case Format.table:
            terminal.render_extraction(extraction, console())
        case Format.json:
            sys.stdout.write(jsonfmt.extraction_json(extraction))
        case Format.yaml:
            from ..review.records import dump_claims

            by_source: dict[str, list] = {}
            for claim in extraction.claims:
                by_source.setdefault(claim.source, []).append(claim)
            docs = [dump_claims(s, by_source.get(s.path, [])) for s in extraction.sources]
            sys.stdout.write("---\n".join(docs))
        case Format.markdown:
            raise ValueError("extract has no Markdown format")
        case _:
            assert_never(fmt)


def render_diff(report: DiffReport, fmt: Format, output: Path | None, emit: Emit) -> None:
    _render(
        fmt,
        output,
        emit,
        what="diff",
        table=lambda c: terminal.render_diff(report, c),
        json=lambda: jsonfmt.diff_json(report),
        markdown=lambda: markdown.diff_markdown(report),
    )


def render_timeline(timeline: Timeline, fmt: Format, output: Path | None, emit: Emit) -> None:
    _render(
        fmt,
        output,
        emit,
        what="timeline",
        table=lambda c: terminal.render_timeline(timeline, c),
        json=lambda: jsonfmt.timeline_json(timeline),
        markdown=lambda: markdown.timeline_markdown(timeline),
    )
