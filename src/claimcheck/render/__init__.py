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

from ..models import DiffReport, Extraction, Report
from ..timeline import Timeline
from . import jsonfmt, markdown, terminal
from .terminal import summary_line

__all__ = ["Format", "render_diff", "render_extraction", "render_report", "render_report_text", "render_timeline",
           "summary_line"]


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


def render_report(report: Report, fmt: Format, output: Path | None, emit: Emit, *,
                  title: str = "claimcheck audit") -> None:
    if fmt is Format.table:
        emit(None, output, lambda console: terminal.render_report(report, console, title=title))
    else:
        emit(render_report_text(report, fmt, title=title), output)


def render_extraction(extraction: Extraction, fmt: Format, console: Callable[[], Console]) -> None:
    import sys

    match fmt:
        case Format.table:
            terminal.render_extraction(extraction, console())
        case Format.json:
            sys.stdout.write(jsonfmt.extraction_json(extraction))
        case Format.yaml:
            from ..records import dump_claims

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
    match fmt:
        case Format.table:
            emit(None, output, lambda console: terminal.render_diff(report, console))
        case Format.json:
            emit(jsonfmt.diff_json(report), output)
        case Format.markdown:
            emit(markdown.diff_markdown(report), output)
        case Format.yaml:
            raise ValueError("diff has no YAML format")
        case _:
            assert_never(fmt)


def render_timeline(timeline: Timeline, fmt: Format, output: Path | None, emit: Emit) -> None:
    match fmt:
        case Format.table:
            emit(None, output, lambda console: terminal.render_timeline(timeline, console))
        case Format.json:
            emit(jsonfmt.timeline_json(timeline), output)
        case Format.markdown:
            emit(markdown.timeline_markdown(timeline), output)
        case Format.yaml:
            raise ValueError("timeline has no YAML format")
        case _:
            assert_never(fmt)
