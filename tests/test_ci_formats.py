"""SARIF and GitHub annotations, on the canned report (no pipeline run)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from claimcheck.render.github import findings_github
from claimcheck.render.sarif import findings_sarif

from .test_render import canned_report

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0-subset.json").read_text(encoding="utf-8"))
# The official OASIS schema is not in the repository; set this to a saved copy to validate against it too.
OFFICIAL = os.environ.get("CLAIMCHECK_SARIF_SCHEMA")


def validate_sarif(text: str) -> dict:  # type: ignore[type-arg]
    log = json.loads(text)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    if OFFICIAL:
        jsonschema.Draft4Validator(json.loads(Path(OFFICIAL).read_text(encoding="utf-8"))).validate(log)
    return log


@pytest.mark.parametrize(
    "broken",
    [
        {"version": "2.0.0", "runs": []},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"level": "error"}]}]},
        {
            "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}],
        },
        {
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "x"}},
                    "results": [
                        {
                            "message": {"text": "m"},
                            "locations": [
                                {"physicalLocation": {"artifactLocation": {"uri": "a.md"}, "region": {"startLine": 0}}}
                            ],
                        }
                    ],
                }
            ],
        },
    ],
)
def test_the_schema_rejects_what_sarif_forbids(broken: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(broken)


def test_sarif_validates_and_points_at_every_cited_line() -> None:
    report = canned_report()
    log = validate_sarif(findings_sarif(report.findings, report.sources))
    results = log["runs"][0]["results"]
    places = {
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    }
    assert ("sources/a.md", 9) in places and ("sources/b.md", 22) in places
    levels = {r["properties"]["topic"]: r["level"] for r in results}
    assert levels["Claude 4 / release date"] == "error"
    assert levels["Anthropic / share of code written by AI"] == "warning"
    rules = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in results)
    conflict_on_a = next(r for r in results if r["ruleId"] == "cross-source" and r["level"] == "error")
    assert conflict_on_a["relatedLocations"]  # the other article's line travels with the alert


def test_sarif_with_no_findings_is_still_a_valid_log() -> None:
    report = canned_report()
    log = validate_sarif(findings_sarif((), report.sources))
    assert log["runs"][0]["results"] == []


def test_github_annotations_escape_and_level() -> None:
    report = canned_report()
    lines = findings_github(report.findings).splitlines()
    assert any(line.startswith("::error file=sources/a.md,line=9,col=20,title=") for line in lines)
    assert any(line.startswith("::warning file=sources/a.md,line=12,") for line in lines)
    for line in lines:
        props, message = line[2:].split("::", 1)
        level, _, fields = props.partition(" ")
        # every property value is escaped: no raw separators inside values
        for pair in fields.split(","):
            key, _, value = pair.partition("=")
            assert key in ("file", "line", "col", "title") and ":" not in value
        assert "\n" not in message
