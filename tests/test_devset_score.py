"""The development-set scorer (benchmarks/devset/score.py) matches report findings to gold the way its README says.

Synthetic report and gold, written for this test (no page text): a conflict found from two sides, one seen only
within a side, an agreement found as compatible, a trap reported as a conflict, and judged verdicts.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

SCORE_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "devset" / "score.py"
_spec = importlib.util.spec_from_file_location("devset_score", SCORE_PATH)
assert _spec and _spec.loader
score_module = importlib.util.module_from_spec(_spec)
sys.modules["devset_score"] = score_module
_spec.loader.exec_module(score_module)

GOLD: dict[str, Any] = {
    "topics": {
        "orion-launch": {
            "conflicts": [
                {
                    "id": "orion-release",
                    "about": "Orion-2 / release date",
                    "sides": [
                        [["page-a", "Orion-2 shipped on", "March 4, 2031"], ["page-b", "arrived on", "March 4, 2031"]],
                        [["page-c", "went live in", "April 2031"]],
                    ],
                }
            ],
            "agreements": [
                {
                    "id": "orion-params",
                    "about": "Orion-2 / parameters",
                    "claims": [["page-a", "has 412 billion parameters", "412 billion"], ["page-c", "412B", "412B"]],
                }
            ],
            "traps": [
                {
                    "id": "orion-input-vs-output",
                    "about": "input vs output price",
                    "claims": [["page-b", "input costs", "$3"], ["page-c", "output costs", "$12"]],
                    "why": "different token directions",
                }
            ],
        }
    }
}


def claim(source: str, quote: str, text: str) -> dict[str, Any]:
    return {"source": f"cache/{source}.md", "quote": quote, "value": {"text": text}}


def finding(status: str, *claims: dict[str, Any], kind: str = "cross-source", topic: str = "t") -> dict[str, Any]:
    return {"kind": kind, "status": status, "topic": topic, "message": f"{topic}: {status}", "claims": list(claims)}


A_DATE = claim("page-a", "Orion-2 shipped on March 4, 2031, to paying users.", "March 4, 2031")
B_DATE = claim("page-b", "The model arrived on March 4, 2031.", "March 4, 2031")
C_DATE = claim("page-c", "Orion-2 went live in April 2031.", "April 2031")
A_PARAMS = claim("page-a", "It has 412 billion parameters.", "412 billion")
C_PARAMS = claim("page-c", "| Orion-2 | 412B | 128K |", "412B")
B_INPUT = claim("page-b", "Its input costs $3 per million tokens.", "$3")
C_OUTPUT = claim("page-c", "Its output costs $12 per million tokens.", "$12")


def run(findings: list[dict[str, Any]], judged: list[dict[str, Any]] | None = None) -> Any:
    gold = score_module.parse_gold(GOLD)
    verdicts = score_module.parse_judged({"judged": judged or []})
    return score_module.score({"sources": [{}, {}, {}], "findings": findings}, gold, verdicts)


def test_values_match_on_their_numbers_not_their_spelling() -> None:
    assert score_module.value_matches("$5.6M", "$5.6 million")
    assert score_module.value_matches("2,048", "2048")
    assert score_module.value_matches("97.3%", "97.3")
    assert not score_module.value_matches("37B", "371B")
    assert not score_module.value_matches("2.788M", "2,788")
    assert score_module.value_matches("twelve", "Twelve")
    assert score_module.value_matches("2,048", "2,048 NVIDIA H800 GPUs")  # a unit's own digits are ignored
    assert not score_module.value_matches("1.5B to 70B", "1.5B")


def test_quotes_match_across_table_pipes_case_and_dashes() -> None:
    gold = score_module.GoldClaim("page-c", "orion-2 412b", "412B")
    assert score_module.claim_matches(gold, C_PARAMS)
    assert not score_module.claim_matches(score_module.GoldClaim("page-a", "orion-2 412b", "412B"), C_PARAMS)


def test_a_conflict_counts_only_across_sides() -> None:
    found = run([finding("conflict", A_DATE, C_DATE)])
    assert found.found_conflicts == ["orion-release"]
    assert found.precision == 1.0
    within_side = run([finding("conflict", A_DATE, B_DATE)])
    assert within_side.found_conflicts == []
    assert within_side.unjudged and within_side.precision == 0.0


def test_an_agreement_is_found_only_as_compatible_or_agree() -> None:
    assert run([finding("compatible", A_PARAMS, C_PARAMS)]).found_agreements == ["orion-params"]
    assert run([finding("agree", A_PARAMS, C_PARAMS)]).recall_agreements == 1.0
    assert run([finding("conflict", A_PARAMS, C_PARAMS)]).found_agreements == []


def test_a_trap_reported_as_a_conflict_is_a_hit_and_a_false_conflict() -> None:
    result = run([finding("conflict", B_INPUT, C_OUTPUT)])
    assert [hit["trap"] for hit in result.traps_hit] == ["orion-input-vs-output"]
    assert result.false_conflicts == 1 and result.precision == 0.0
    assert run([finding("compatible", B_INPUT, C_OUTPUT)]).traps_hit == []


def test_judged_verdicts_decide_conflicts_gold_does_not_cover() -> None:
    stray = finding(
        "conflict",
        claim("page-a", "served 3 million users", "3 million"),
        claim("page-b", "served 5 million users", "5 million"),
    )
    true_verdict = [
        {"claims": [["page-a", "3 million users", "3 million"], ["page-b", "5 million", "5 million"]], "verdict": True}
    ]
    assert run([stray], true_verdict).precision == 1.0
    false_verdict = [dict(true_verdict[0], verdict=False)]
    judged_false = run([stray, finding("conflict", A_DATE, C_DATE)], false_verdict)
    assert judged_false.precision == 0.5 and judged_false.precision_judged == 0.5
    assert judged_false.unjudged == []


def test_internal_conflicts_do_not_count_toward_precision() -> None:
    result = run([finding("conflict", A_DATE, C_DATE, kind="internal")])
    assert result.reported_conflicts == 0 and result.found_conflicts == []


def test_malformed_gold_is_a_clear_error() -> None:
    with pytest.raises(score_module.GoldError, match="at least two sides"):
        score_module.parse_gold({"topics": {"t": {"conflicts": [{"id": "x", "sides": [[["p", "q", "1"]]]}]}}})
    with pytest.raises(score_module.GoldError, match=r"\[page, quote, value\]"):
        score_module.parse_gold({"topics": {"t": {"traps": [{"id": "x", "claims": [["p", "q"], ["p", "q", "1"]]}]}}})


def test_check_gold_reports_quotes_missing_from_the_cached_page(tmp_path: Path) -> None:
    (tmp_path / "page-a.md").write_text("Orion-2 shipped on March 4, 2031. It has 412 billion parameters.\n")
    gold = score_module.parse_gold(GOLD)
    problems = score_module.check_gold(gold, tmp_path)
    assert not any("page-a" in problem and "quote" in problem for problem in problems)
    assert any("page-b is not in the cache" in problem for problem in problems)


def test_main_scores_a_saved_report_and_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import yaml

    gold_file = tmp_path / "gold.yaml"
    gold_file.write_text(yaml.safe_dump(GOLD))
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"sources": [{}], "findings": [finding("conflict", A_DATE, C_DATE)]}))
    args = ["--gold", str(gold_file), "--judged", str(tmp_path / "none.yaml"), "--report", str(report), "--json"]
    assert score_module.main(args) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["recall_conflicts"] == 1.0 and printed["gold"] == {"conflicts": 1, "agreements": 1, "traps": 1}
    gold_file.write_text("topics: [unclosed")
    assert score_module.main(args) == 2


def test_conflicts_within_one_page_are_listed_not_scored() -> None:
    result = run([finding("conflict", A_DATE, A_PARAMS, kind="internal")])
    assert len(result.internal_conflicts) == 1 and result.reported_conflicts == 0


def test_each_gold_claim_is_explained_by_how_the_report_read_it() -> None:
    subjectless = dict(C_PARAMS, subject=None, metric="parameters")
    result = score_module.score(
        {"findings": [], "claims": [dict(A_PARAMS, subject="Orion-2", metric="parameters"), subjectless]},
        score_module.parse_gold(GOLD),
    )
    assert (result.gold_claims, result.gold_claims_read, result.gold_claims_with_subject) == (7, 2, 1)
    read = {tuple(entry["claim"]): entry["read_as"] for entry in result.explained}
    assert read[("page-a", "has 412 billion parameters", "412 billion")] == [["Orion-2", "parameters"]]
    assert read[("page-b", "arrived on", "March 4, 2031")] == []
