"""Output formats: one enum per command, each member mapped to one renderer ``(result) -> str``.

Every command has its own result model (``Extraction``, ``Report``, ``DiffReport``, ``Timeline``) and its own
format enum listing only the formats it supports, so the CLI never has to refuse a member. ``Fmt.render`` maps
each member to its renderer in one ``match`` that ends in ``assert_never``; ``tests/test_formats.py`` runs every
member of every enum through the CLI. Renderers return text and never write it: where it goes (stdout or
``--output``) is the CLI's business, and the fail policy is already on the result's summary.

Adding a format: add the member to the command's enum, a ``case`` returning the renderer's text, and a README line.
"""

from __future__ import annotations

from enum import Enum
from typing import assert_never

from ..models import DiffReport, Extraction, Report, Timeline
from . import github, jsonfmt, markdown, sarif, terminal, yamlfmt
from .summary import summary_line

__all__ = ["AuditFormat", "DiffFormat", "ExtractFormat", "TimelineFormat", "summary_line"]


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    yaml = "yaml"

    def render(self, extraction: Extraction) -> str:
        match self:
            case ExtractFormat.table:
                return terminal.extraction_table(extraction)
            case ExtractFormat.json:
                return jsonfmt.extraction_json(extraction)
            case ExtractFormat.yaml:
                return yamlfmt.extraction_yaml(extraction)
            case _:
                assert_never(self)


class AuditFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    sarif = "sarif"
    github = "github"

    def render(self, report: Report) -> str:
        match self:
            case AuditFormat.table:
                return terminal.report_table(report)
            case AuditFormat.json:
                return jsonfmt.report_json(report)
            case AuditFormat.markdown:
                return markdown.report_markdown(report)
            case AuditFormat.sarif:
                return sarif.findings_sarif(report.findings, report.sources, report.suppressed)
            case AuditFormat.github:
                return github.findings_github(report.findings, report.sources, report.summary.suppressed)
            case _:
                assert_never(self)


class DiffFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    sarif = "sarif"
    github = "github"

    def render(self, report: DiffReport) -> str:
        match self:
            case DiffFormat.table:
                return terminal.diff_table(report)
            case DiffFormat.json:
                return jsonfmt.diff_json(report)
            case DiffFormat.markdown:
                return markdown.diff_markdown(report)
            case DiffFormat.sarif:
                return sarif.findings_sarif(report.findings, (report.a, report.b), report.suppressed)
            case DiffFormat.github:
                return github.findings_github(report.findings, (report.a, report.b), report.summary.suppressed)
            case _:
                assert_never(self)


class TimelineFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"

    def render(self, timeline: Timeline) -> str:
        match self:
            case TimelineFormat.table:
                return terminal.timeline_table(timeline)
            case TimelineFormat.json:
                return jsonfmt.timeline_json(timeline)
            case TimelineFormat.markdown:
                return markdown.timeline_markdown(timeline)
            case _:
                assert_never(self)
