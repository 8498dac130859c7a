"""JSON renderers: the documented, versioned machine formats (see README "JSON schemas")."""

from __future__ import annotations

import json
from typing import Any

from ..models import DiffReport, Extraction, Report
from ..timeline import Timeline


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def report_json(report: Report) -> str:
    data = report.model_dump(mode="json", by_alias=True)
    for claim in data["claims"]:
        claim.pop("start", None)
        claim.pop("end", None)
    return _dump(data)


def extraction_json(extraction: Extraction) -> str:
    data = extraction.model_dump(mode="json", by_alias=True)
    for claim in data["claims"]:
        claim.pop("start", None)
        claim.pop("end", None)
    return _dump(data)


def diff_json(report: DiffReport) -> str:
    data = report.model_dump(mode="json", by_alias=True)
    for key in ("only_in_a", "only_in_b"):
        for claim in data[key]:
            claim.pop("start", None)
            claim.pop("end", None)
    return _dump(data)


def timeline_json(timeline: Timeline) -> str:
    return _dump(timeline.model_dump(mode="json", by_alias=True))
