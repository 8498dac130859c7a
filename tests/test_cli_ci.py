"""The CI conventions end to end through the real CLI: configuration, selection, suppression, SARIF and GitHub
formats, standard input, --quiet/--verbose, completion, help text, NO_COLOR and HTML source lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import ARTICLE_A, ARTICLE_B
from .test_ci_formats import validate_sarif

runner = CliRunner()
ENV = {"CLAIMCHECK_TODAY": "2026-11-23", "NO_COLOR": "1"}
SCRIPT = Path(sys.executable).parent / "claimcheck"


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=ENV, input=input)


@pytest.fixture
def pair(write_articles):  # type: ignore[no-untyped-def]
    return write_articles({"a.md": ARTICLE_A, "b.md": ARTICLE_B})


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, so no configuration from the repository applies."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


# ---------------------------------------------------------------------------------------------- configuration


def test_config_found_from_a_nested_working_directory(pair: Path, in_tmp: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (in_tmp / "pyproject.toml").write_text(
        '[tool.claimcheck]\nfail-on = "never"\n[tool.claimcheck.audit]\nformat = "json"\n'
    )
    nested = in_tmp / "docs" / "drafts"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    result = run("audit", str(pair))
    assert result.exit_code == 0  # fail-on = never from the file
    assert json.loads(result.stdout)["schema"] == "claimcheck.report/1"


def test_command_line_wins_over_the_config(pair: Path, in_tmp: Path) -> None:
    (in_tmp / "claimcheck.toml").write_text('format = "json"\nfail-on = "never"\n')
    result = run("audit", str(pair), "--format", "markdown", "--fail-on", "conflict")
    assert result.exit_code == 1
    assert result.stdout.startswith("# claimcheck audit")


def test_unknown_config_key_exits_2_with_file_and_line(pair: Path, in_tmp: Path) -> None:
    (in_tmp / ".claimcheck.yaml").write_text("format: json\nfail_on: never\nselcet: [conflict]\n")
    result = run("audit", str(pair))
    assert result.exit_code == 2
    assert ".claimcheck.yaml:3:" in result.stderr and "selcet" in result.stderr
    assert "Traceback" not in result.stderr


def test_config_format_the_command_lacks_exits_2_with_its_line(pair: Path, in_tmp: Path) -> None:
    (in_tmp / "claimcheck.toml").write_text('# shared\nformat = "sarif"\n')
    result = run("timeline", str(pair))
    assert result.exit_code == 2
    assert "claimcheck.toml:2:" in result.stderr and "timeline supports" in result.stderr


def test_explicit_config_file(pair: Path, in_tmp: Path, tmp_path: Path) -> None:
    other = tmp_path / "ci.toml"
    other.write_text('select = ["cross-source"]\nignore = "conflict"\n')
    result = run("audit", str(pair), "--config", str(other), "--format", "json")
    assert result.exit_code == 0
    assert {(f["kind"], f["status"]) for f in json.loads(result.stdout)["findings"]} <= {
        ("cross-source", "compatible"),
        ("cross-source", "agree"),
    }


# ------------------------------------------------------------------------------------------------ selection


def test_select_and_ignore_change_findings_and_exit(pair: Path, in_tmp: Path) -> None:
    every = json.loads(run("audit", str(pair), "--format", "json").stdout)["findings"]
    assert any(f["status"] == "conflict" for f in every)
    ignored = run("audit", str(pair), "--format", "json", "--ignore", "conflict")
    assert ignored.exit_code == 0
    assert all(f["status"] != "conflict" for f in json.loads(ignored.stdout)["findings"])
    chosen = run("audit", str(pair), "--format", "json", "--select", "cross-source,compatible")
    assert {(f["kind"], f["status"]) for f in json.loads(chosen.stdout)["findings"]} == {("cross-source", "compatible")}


def test_unknown_selector_is_a_usage_error(pair: Path, in_tmp: Path) -> None:
    result = run("audit", str(pair), "--select", "conflicts")
    assert result.exit_code == 2 and "conflicts" in result.stderr


def test_exclude_glob_leaves_inputs_out(pair: Path, in_tmp: Path) -> None:
    result = run("audit", str(pair), "--exclude", "b.md", "--format", "json")
    report = json.loads(result.stdout)
    assert [s["key"] for s in report["sources"]] == ["a.md"]
    assert result.exit_code == 0


# ---------------------------------------------------------------------------------------------- suppression


@pytest.mark.parametrize("where", ["line", "paragraph"])
def test_inline_suppression_is_counted_in_every_format(write_articles, in_tmp: Path, where: str) -> None:  # type: ignore[no-untyped-def]
    marked = (
        ARTICLE_B.replace(
            "- Version 4.0 (2024): safety-first design.",
            "- Version 4.0 (2024): safety-first design. <!-- claimcheck: ignore -->",
        )
        if where == "line"
        else ARTICLE_B.replace(
            "Version history of Claude:\n\n", "Version history of Claude:\n\n<!-- claimcheck: ignore -->\n"
        )
    )
    folder = write_articles({"a.md": ARTICLE_A, "b.md": marked})
    report = json.loads(run("audit", str(folder), "--format", "json").stdout)
    assert report["summary"]["suppressed"] >= 1
    assert any(f["topic"] == "Claude 4 / release date" for f in report["suppressed"])
    assert all(f["topic"] != "Claude 4 / release date" for f in report["findings"])
    table = run("audit", str(folder))
    assert table.exit_code == 0  # the only conflict was reviewed and suppressed
    assert "suppressed" in table.stderr and "Suppressed in the articles" in table.stdout
    assert "suppressed in the articles" in run("audit", str(folder), "--format", "markdown").stdout
    sarif = validate_sarif(run("audit", str(folder), "--format", "sarif").stdout)
    assert any(r.get("suppressions") for r in sarif["runs"][0]["results"])
    assert "suppressed in the articles" in run("audit", str(folder), "--format", "github").stdout
    verbose = run("audit", str(folder), "--verbose")
    assert "suppressed conflict [cross-source] Claude 4 / release date" in verbose.stderr


# ------------------------------------------------------------------------------------------ SARIF and GitHub


def test_sarif_format_validates_and_cites_article_lines(pair: Path, in_tmp: Path) -> None:
    result = run("audit", str(pair), "--format", "sarif")
    assert result.exit_code == 1
    log = validate_sarif(result.stdout)
    regions = {
        (
            Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name,
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in log["runs"][0]["results"]
    }
    line_a = ARTICLE_A.splitlines().index("Claude 4 was released in May 2025.") + 1
    assert ("a.md", line_a) in regions


def test_github_annotations(pair: Path, in_tmp: Path) -> None:
    result = run("audit", str(pair), "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error file=") and "a.md,line=" in line for line in lines)
    assert any(line.startswith("::warning file=") for line in lines)  # the compatible share-of-code figures


def test_diff_offers_the_ci_formats(pair: Path, in_tmp: Path) -> None:
    result = run("diff", str(pair / "a.md"), str(pair / "b.md"), "--format", "sarif")
    validate_sarif(result.stdout)


# ------------------------------------------------------------------------------------------------ stdin


def test_stdin_with_a_filename_for_citations(pair: Path, in_tmp: Path) -> None:
    result = run(
        "audit", str(pair / "a.md"), "-", "--stdin-filename", "drafts/new.md", "--format", "json", input=ARTICLE_B
    )
    report = json.loads(result.stdout)
    assert "drafts/new.md" in [s["path"] for s in report["sources"]]
    conflict = next(f for f in report["findings"] if f["topic"] == "Claude 4 / release date")
    assert "drafts/new.md" in {c["source"] for c in conflict["claims"]}


def test_stdin_alone_without_a_name(in_tmp: Path) -> None:
    result = run("extract", "-", "--format", "json", input="# T\n\nClaude 4 was released in May 2025.\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["claims"][0]["source"] == "<stdin>"


def test_stdin_filename_without_dash_is_a_usage_error(pair: Path, in_tmp: Path) -> None:
    assert run("audit", str(pair), "--stdin-filename", "x.md").exit_code == 2


# ------------------------------------------------------------------------------------- quiet, verbose, help


def test_quiet_prints_only_the_summary(pair: Path, in_tmp: Path) -> None:
    result = run("audit", str(pair), "--quiet")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "1 conflict" in result.stderr or "conflicts" in result.stderr


def test_verbose_names_the_configuration(pair: Path, in_tmp: Path) -> None:
    (in_tmp / "claimcheck.toml").write_text('fail-on = "compatible"\n')
    result = run("audit", str(pair), "--verbose", "--quiet")
    assert "configuration: " in result.stderr and "claimcheck.toml" in result.stderr


@pytest.mark.parametrize(
    "command, offered, refused",
    [
        ("audit", ["table", "json", "markdown", "sarif", "github"], ["yaml"]),
        ("diff", ["sarif", "github"], ["yaml"]),
        ("timeline", ["markdown"], ["yaml", "sarif", "github"]),
        ("extract", ["yaml"], ["markdown", "sarif", "github"]),
    ],
)
def test_help_offers_only_supported_formats_and_no_type_names(
    command: str, offered: list[str], refused: list[str]
) -> None:
    text = run(command, "--help").stdout
    choices = text[text.index("--format") :].split(">", 1)[0]
    for name in offered:
        assert name in choices
    for name in refused:
        assert name not in choices
    assert "list[" not in text and "{" not in text and "<path>" not in text and "int range" not in text
    assert run(command, "--format", refused[0], "x").exit_code == 2


def _completion(words: str) -> list[str]:
    env = {
        **os.environ,
        "_CLAIMCHECK_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    result = subprocess.run([str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)
    return result.stdout.split()


def test_shell_completion_scripts_and_choices() -> None:
    shown = subprocess.run([str(SCRIPT), "--show-completion", "bash"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "_CLAIMCHECK_COMPLETE" in shown.stdout
    assert "--install-completion" in run("--help").stdout
    audit = _completion("claimcheck audit --format ")
    assert "sarif" in audit and "yaml" not in audit
    assert "yaml" in _completion("claimcheck extract --format ")
    assert "cross-source" in _completion("claimcheck audit --select cr")


# ------------------------------------------------------------------------------------------------- NO_COLOR


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run claimcheck with stdout on a pseudo-terminal, as a person at a terminal would."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen([str(SCRIPT), *args], stdout=follower, stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_no_color_means_no_styling_at_all_on_a_terminal(pair: Path) -> None:
    base = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {
        "CLAIMCHECK_TODAY": "2026-11-23",
        "TERM": "xterm-256color",
    }
    styled = _on_a_terminal(["audit", str(pair)], base)
    assert "\x1b[1m" in styled or "\x1b[1;" in styled  # bold on a terminal
    plain = _on_a_terminal(["audit", str(pair)], {**base, "NO_COLOR": "1"})
    assert "CONFLICT" in plain and "\x1b[" not in plain


def test_no_styling_when_piped(pair: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    result = subprocess.run([str(SCRIPT), "audit", str(pair)], capture_output=True, text=True, env=env, timeout=120)
    assert "CONFLICT" in result.stdout and "\x1b[" not in result.stdout


# ------------------------------------------------------------------------------------------ HTML source lines


PAGE = """<!doctype html>
<html><head><title>Roundup</title>
<meta property="article:published_time" content="2026-03-05"></head>
<body><article>
<h1>Roundup</h1>
<p>Anthropic's history is long.</p>
<p>
  Anthropic launched <em>Claude 4</em>
  in 2024, the company said.
</p>
</article></body></html>
"""


def test_html_claims_cite_lines_of_the_html_file(write_articles, in_tmp: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_articles({"a.md": ARTICLE_A, "page.html": PAGE})
    report = json.loads(run("audit", str(folder), "--format", "json").stdout)
    page = next(s for s in report["sources"] if s["key"] == "page.html")
    assert page["lines"] == "file"
    claim = next(c for c in report["claims"] if c["source"] == page["path"] and c["value"]["text"] == "2024")
    line = PAGE.splitlines()[claim["line"] - 1]
    assert line[claim["column"] - 1 :].startswith("2024")
