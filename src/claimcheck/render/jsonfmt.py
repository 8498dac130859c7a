"""JSON renderers: the documented, versioned machine formats (see README "JSON schemas")."""

from __future__ import annotations

import json
from typing import Any

from ..models import DiffReport, Extraction, Report, Timeline


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _without_offsets(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    """Character offsets are internal (line and column are the public citation): drop them from claim lists."""
    for key in keys:
        for claim in data[key]:
            claim.pop("start", None)
            claim.pop("end", None)
    return data


def report_json(report: Report) -> str:
    return _dump(_without_offsets(report.model_dump(mode="json", by_alias=True), "claims"))


def extraction_json(extraction: Extraction) -> str:
    return _dump(_without_offsets(extraction.model_dump(mode="json", by_alias=True), "claims"))


def diff_json(report: DiffReport) -> str:
    return _dump(_without_offsets(report.model_dump(mode="json", by_alias=True), "only_in_a", "only_in_b"))


def timeline_json(timeline: Timeline) -> str:
    return _dump(timeline.model_dump(mode="json", by_alias=True))
