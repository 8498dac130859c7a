"""The CLI end to end: real commands over small fixture folders, asserting exit codes, streams and files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import ARTICLE_A, ARTICLE_B

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"CLAIMCHECK_TODAY": "2026-11-23", "NO_COLOR": "1"})


@pytest.fixture
def pair(write_articles):  # type: ignore[no-untyped-def]
    return write_articles({"a.md": ARTICLE_A, "b.md": ARTICLE_B})


@pytest.fixture
def agreeing(write_articles):  # type: ignore[no-untyped-def]
    return write_articles(
        {
            "x.md": "# X\n\nClaude 4 was released in May 2025.\n",
            "y.md": "# Y\n\nAnthropic launched Claude 4 in May 2025.\n",
        }
    )


# ------------------------------------------------------------------------------------------------ audit


def test_audit_finds_the_contradiction_and_exits_1(pair: Path) -> None:
    result = run("audit", str(pair))
    assert result.exit_code == 1
    assert "Claude 4 / release date" in result.stdout
    assert "CONFLICT" in result.stdout
    assert "May 2025" in result.stdout and "2024" in result.stdout
    assert "b.md:" in result.stdout  # file:line citations
    assert "conflict" in result.stderr  # the one-line summary goes to stderr


def test_audit_reconciles_compatible_ranges(pair: Path) -> None:
    report = json.loads(run("audit", str(pair), "--format", "json").stdout)
    share = [f for f in report["findings"] if f["topic"] == "Anthropic / share of code written by AI"]
    assert share and share[0]["status"] == "compatible"
    assert share[0]["reconciled"] == "80-90%"


def test_audit_exit_0_when_sources_agree(agreeing: Path) -> None:
    result = run("audit", str(agreeing))
    assert result.exit_code == 0, result.stdout
    assert "No contradictions found" in result.stdout


@pytest.mark.parametrize(("fail_on", "code"), [("conflict", 1), ("compatible", 1), ("never", 0)])
def test_fail_on_levels(pair: Path, fail_on: str, code: int) -> None:
    assert run("audit", str(pair), "--fail-on", fail_on).exit_code == code


def test_fail_on_compatible_catches_compatible_only(write_articles) -> None:  # type: ignore[no-untyped-def]
    folder = write_articles(
        {
            "x.md": "# X\n\nClaude now writes 70-90% of the code used to train new Claude versions.\n",
            "y.md": "# Y\n\nOver 80% of the code merged into Anthropic's codebase was written by Claude.\n",
        }
    )
    assert run("audit", str(folder)).exit_code == 0
    assert run("audit", str(folder), "--fail-on", "compatible").exit_code == 1


def test_json_is_clean_on_stdout_and_has_the_schema(pair: Path) -> None:
    result = run("audit", str(pair), "--format", "json")
    report = json.loads(result.stdout)  # nothing but JSON on stdout
    assert report["schema"] == "claimcheck.report/1"
    assert set(report) >= {"sources", "claims", "findings", "skipped", "summary", "topics"}
    finding = report["findings"][0]
    assert set(finding) >= {"id", "kind", "status", "topic", "message", "reconciled", "claims"}
    assert set(finding["claims"][0]) >= {"source", "line", "column", "quote", "value"}
    assert report["summary"]["failed"] is True


def test_json_printed_even_with_no_findings(write_articles) -> None:  # type: ignore[no-untyped-def]
    folder = write_articles({"only.md": "# Only\n\nNothing numeric here at all.\n"})
    result = run("audit", str(folder), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"] == []


def test_missing_path_is_exit_2_without_traceback(tmp_path: Path) -> None:
    result = run("audit", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_option_value_is_exit_2() -> None:
    result = run("audit", "sources", "--fail-on", "sometimes")
    assert result.exit_code == 2


def test_output_file_is_written_atomically_and_stdout_stays_empty(pair: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = run("audit", str(pair), "--format", "markdown", "--output", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    text = target.read_text("utf-8")
    assert text.startswith("# claimcheck audit: contradiction report")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_unwritable_output_is_exit_2(pair: Path, tmp_path: Path) -> None:
    result = run("audit", str(pair), "--output", str(tmp_path / "missing-folder" / "r.md"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    result = run("audit", str(pair), "--output", str(tmp_path))
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True,
    reason="root can write anywhere, so permission errors cannot be provoked",
)
def test_permission_denied_output_is_exit_2(pair: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    result = run("audit", str(pair), "--output", str(locked / "r.md"))
    assert result.exit_code == 2


def test_skipped_inputs_are_listed_and_strict_makes_them_fatal(write_articles) -> None:  # type: ignore[no-untyped-def]
    folder = write_articles({"good.md": "# Good\n\nClaude 4 was released in May 2025.\n", "empty.md": ""})
    result = run("audit", str(folder))
    assert result.exit_code == 0
    assert "empty.md" in result.stdout and "empty.md" in result.stderr
    report = json.loads(run("audit", str(folder), "--format", "json").stdout)
    assert [s["path"].endswith("empty.md") for s in report["skipped"]] == [True]
    strict = run("audit", str(folder), "--strict")
    assert strict.exit_code == 2
    assert "--strict" in strict.stderr


def test_markdown_format(pair: Path) -> None:
    text = run("audit", str(pair), "--format", "markdown").stdout
    assert "## Contradictions (" in text
    assert "| # | Topic |" in text


# ---------------------------------------------------------------------------------------------- extract


def test_extract_json_schema(pair: Path) -> None:
    result = run("extract", str(pair), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "claimcheck.claims/1"
    claim = data["claims"][0]
    assert set(claim) >= {"id", "source", "line", "column", "quote", "subject", "metric", "value", "as_of"}
    quantity = next(c["value"] for c in data["claims"] if c["value"]["kind"] == "percent")
    assert set(quantity) >= {"kind", "low", "high", "low_inclusive", "high_inclusive", "approximate", "unit", "text"}
    date = next(c["value"] for c in data["claims"] if c["value"]["kind"] == "date")
    assert set(date) >= {"kind", "start", "end", "precision", "text"}


def test_extract_table_and_yaml(pair: Path) -> None:
    table = run("extract", str(pair))
    assert table.exit_code == 0
    assert "release date" in table.stdout
    docs = [d for d in yaml.safe_load_all(run("extract", str(pair), "--format", "yaml").stdout) if d]
    assert {d["schema"] for d in docs} == {"claimcheck.claims/1"}


def test_extract_rejects_markdown_format(pair: Path) -> None:
    assert run("extract", str(pair), "--format", "markdown").exit_code == 2


def test_review_survives_re_extraction_and_audit_uses_it(write_articles, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_articles({"a.md": ARTICLE_A, "b.md": ARTICLE_B})
    claims_dir = tmp_path / "claims"
    assert run("extract", str(folder), "--out", str(claims_dir)).exit_code == 0
    record = claims_dir / "b.md.yaml"
    doc = yaml.safe_load(record.read_text("utf-8"))
    # a reviewer rejects the 2024 release date and notes why
    for claim in doc["claims"]:
        if claim["value"].get("text") == "2024":
            claim["review"] = "rejected"
            claim["note"] = "the vendor's own release notes say May 2025"
    record.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    # the audit of the reviewed records no longer sees the conflict
    reviewed = run("audit", str(claims_dir))
    assert reviewed.exit_code == 0, reviewed.stdout
    # the source changes: a sentence is added above, one is removed; re-extract keeps the review
    b = folder / "b.md"
    text = b.read_text("utf-8").replace(
        "# Self-improvement, measured\n", "# Self-improvement, measured\n\nA new opening line.\n"
    )
    text = text.replace("By 2026, Opus 4.6 was released on February 5.\n", "")
    b.write_text(text, encoding="utf-8")
    dry = run("extract", str(folder), "--out", str(claims_dir), "--dry-run")
    assert ": changed:" in dry.stdout and "orphaned" in dry.stdout
    assert yaml.safe_load(record.read_text("utf-8")) == doc  # dry run wrote nothing
    assert run("extract", str(folder), "--out", str(claims_dir)).exit_code == 0
    merged = yaml.safe_load(record.read_text("utf-8"))["claims"]
    rejected = [c for c in merged if c.get("review") == "rejected"]
    assert len(rejected) == 1 and rejected[0]["note"].startswith("the vendor")
    orphans = [c for c in merged if c.get("orphaned")]
    assert orphans and all("Opus 4.6" in c["quote"] for c in orphans)
    assert run("audit", str(claims_dir)).exit_code == 0


def test_corrected_value_replaces_the_extracted_one(write_articles, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_articles({"a.md": ARTICLE_A, "b.md": ARTICLE_B})
    claims_dir = tmp_path / "claims"
    run("extract", str(folder), "--out", str(claims_dir))
    record = claims_dir / "b.md.yaml"
    doc = yaml.safe_load(record.read_text("utf-8"))
    for claim in doc["claims"]:
        if claim["value"].get("text") == "2024":
            claim["review"] = "corrected"
            claim["corrected"] = {
                **claim["value"],
                "start": "2025-05-01",
                "end": "2025-05-31",
                "precision": "month",
                "text": "May 2025",
            }
    record.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    report = json.loads(run("audit", str(claims_dir), "--format", "json").stdout)
    release = next(f for f in report["findings"] if f["topic"] == "Claude 4 / release date")
    assert release["status"] == "agree"


def test_broken_claim_yaml_is_exit_2_with_line_and_not_overwritten(write_articles, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_articles({"b.md": ARTICLE_B})
    claims_dir = tmp_path / "claims"
    run("extract", str(folder), "--out", str(claims_dir))
    record = claims_dir / "b.md.yaml"
    broken = record.read_text("utf-8").replace("claims:\n", "claims:\n  - [unclosed\n", 1)
    record.write_text(broken, encoding="utf-8")
    again = run("extract", str(folder), "--out", str(claims_dir))
    assert again.exit_code == 2
    assert "b.md.yaml:" in again.stderr and "will not overwrite" in again.stderr
    assert record.read_text("utf-8") == broken
    audit = run("audit", str(claims_dir))
    assert audit.exit_code == 2 and "malformed YAML" in audit.stderr


def test_dry_run_needs_out(pair: Path) -> None:
    assert run("extract", str(pair), "--dry-run").exit_code == 2


# --------------------------------------------------------------------------------------------- baseline


def test_baseline_accepts_old_findings_and_catches_new_ones(pair: Path, tmp_path: Path, write_articles) -> None:  # type: ignore[no-untyped-def]
    baseline = tmp_path / "accepted.json"
    first = run("audit", str(pair), "--baseline", str(baseline), "--update-baseline")
    assert first.exit_code == 0 and baseline.exists()
    assert run("audit", str(pair), "--baseline", str(baseline)).exit_code == 0
    (pair / "c.md").write_text("# C\n\nClaude Opus 4.6 was released on March 20, 2026.\n", encoding="utf-8")
    again = run("audit", str(pair), "--baseline", str(baseline))
    assert again.exit_code == 1
    assert "Claude Opus 4.6 / release date" in again.stdout


def test_baseline_errors(pair: Path, tmp_path: Path) -> None:
    missing = run("audit", str(pair), "--baseline", str(tmp_path / "none.json"))
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert run("audit", str(pair), "--baseline", str(bad)).exit_code == 2
    assert run("audit", str(pair), "--update-baseline").exit_code == 2


# ------------------------------------------------------------------------------------------ diff, timeline


def test_diff_shows_conflict_and_what_each_adds(pair: Path) -> None:
    result = run("diff", str(pair / "a.md"), str(pair / "b.md"))
    assert result.exit_code == 1
    assert "Claude 4 / release date" in result.stdout
    assert "Only in A" in result.stdout and "Only in B" in result.stdout
    data = json.loads(run("diff", str(pair / "a.md"), str(pair / "b.md"), "--format", "json").stdout)
    assert data["schema"] == "claimcheck.diff/1"
    assert {"findings", "only_in_a", "only_in_b"} <= set(data)
    assert any(c["metric"] == "SWE-Bench Pro" for c in data["only_in_a"])
    statuses = {f["topic"]: f["status"] for f in data["findings"]}
    assert statuses["Claude 4 / release date"] == "conflict"
    assert statuses["Claude Opus 4.6 / release date"] == "agree"
    assert statuses["Anthropic / share of code written by AI"] == "compatible"


def test_diff_needs_two_articles(pair: Path) -> None:
    assert run("diff", str(pair), str(pair / "b.md")).exit_code == 2
    assert run("diff", str(pair / "a.md"), str(pair / "a.md")).exit_code == 2
    assert run("diff", str(pair / "a.md")).exit_code == 2


def test_diff_markdown(pair: Path) -> None:
    text = run("diff", str(pair / "a.md"), str(pair / "b.md"), "--format", "markdown").stdout
    assert text.startswith("# claimcheck diff:")
    assert "## Only in A" in text


def test_timeline(pair: Path) -> None:
    result = run("timeline", str(pair))
    # the two articles date Claude 4 differently: a conflict, so the timeline fails like an audit would
    assert result.exit_code == 1
    assert "Claude 4" in result.stdout and "conflict" in result.stdout
    assert "1 version dated differently" in result.stderr  # the summary counts what the table shows
    assert run("timeline", str(pair), "--fail-on", "never").exit_code == 0
    data = json.loads(run("timeline", str(pair), "--format", "json").stdout)
    assert data["schema"] == "claimcheck.timeline/1"
    rows = {r["version"]: r for f in data["families"] for r in f["rows"]}
    assert rows["Claude 4"]["status"] == "conflict"
    assert rows["Claude Opus 4.6"]["status"] == "agree"


def test_timeline_exits_1_on_an_order_problem(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.md").write_text(
        "# Notes\n\nClaude Opus 4.6 was released on February 5, 2026. "
        "Claude Opus 4.7 was released on January 3, 2026.\n",
        encoding="utf-8",
    )
    result = run("timeline", str(folder))
    assert result.exit_code == 1
    assert "1 order problem" in result.stderr and "Order problems (1)" in result.stdout
    data = json.loads(run("timeline", str(folder), "--format", "json").stdout)
    assert data["summary"]["order_problems"] == len(data["findings"]) == 1 and data["summary"]["failed"]
    assert run("timeline", str(folder), "--fail-on", "never").exit_code == 0


# ----------------------------------------------------------------------------------------- real binary


def test_console_script_runs_end_to_end(pair: Path, tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "claimcheck"
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    proc = subprocess.run(
        [str(exe), "audit", str(pair), "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["summary"]["conflicts"] >= 1
    assert "\x1b[" not in proc.stdout  # no colour codes when piped
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("claimcheck ")


def test_jobs_give_results_identical_to_a_single_process(tmp_path: Path) -> None:
    from claimcheck.pipeline import PARALLEL_THRESHOLD

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(PARALLEL_THRESHOLD + 6):
        year = 2024 + (i % 3)  # three different years for one release: real conflicts to find
        (folder / f"a{i:03d}.md").write_text(
            f"# Article {i}\n\nClaude 4 was released in {year}. GPT-5.4 achieves {70 + i % 5}.0% on "
            f"OSWorld-Verified. Claude now writes {60 + i % 4}0% of the code used to train new Claude versions.\n",
            encoding="utf-8",
        )
    one = run("audit", str(folder), "--format", "json", "--jobs", "1").stdout
    two = run("audit", str(folder), "--format", "json", "--jobs", "2").stdout
    assert json.loads(one)["summary"]["conflicts"] >= 1
    assert one == two


def test_progress_bar_only_on_a_terminal_and_for_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck import cli

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert cli._settings(None).progress is None  # piped or CI: no bar
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    update = cli._settings(None).progress
    assert update is not None
    for done in range(1, 4):
        update(done, 3)  # a short run: nothing is drawn
    total = cli.PROGRESS_MIN_ARTICLES
    for done in range(1, total + 1):
        update(done, total)  # a long run: drawn, then removed when complete


def test_user_lexicon_families_get_the_timeline_and_price_checks(tmp_path: Path) -> None:
    lexicon = tmp_path / "lex.yaml"
    lexicon.write_text(
        "families:\n  Nimbus:\n    owner: Helix Labs\nentities:\n  Helix Labs:\n    kind: lab\n", encoding="utf-8"
    )
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "one.md").write_text(
        "---\ntitle: One\npublished: 2025-12-01\n---\n\n"
        "Helix Labs released Nimbus 3 on March 5, 2025.\n\nHelix Labs released Nimbus 4 on January 10, 2024.\n\n"
        "Nimbus 4 costs $2.00 per million input tokens and $8.00 per million output tokens. Nimbus 3 costs $1.00 "
        "per million input tokens and $4.00 per million output tokens. Nimbus 4 costs roughly 5x the price of "
        "Nimbus 3.\n",
        encoding="utf-8",
    )
    report = json.loads(run("audit", str(folder), "--lexicon", str(lexicon), "--format", "json").stdout)
    kinds = {(f["kind"], f["topic"]) for f in report["findings"] if f["status"] == "conflict"}
    assert ("timeline", "Nimbus / version order") in kinds
    assert any(kind == "arithmetic" and "price ratio" in topic for kind, topic in kinds)
    timeline = json.loads(run("timeline", str(folder), "--lexicon", str(lexicon), "--format", "json").stdout)
    assert [f["family"] for f in timeline["families"]] == ["Nimbus"]
