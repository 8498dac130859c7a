"""Docs are tested: every command has help text and is documented in the README, and the quick start is right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from claimcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_the_expected_commands_exist() -> None:
    assert COMMANDS == ["audit", "diff", "extract", "timeline"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) > 3
    assert f"claimcheck {command}" in README


@pytest.mark.parametrize(
    "option",
    [
        "--format",
        "--output",
        "--fail-on",
        "--lexicon",
        "--strict",
        "--jobs",
        "--baseline",
        "--update-baseline",
        "--out",
        "--dry-run",
    ],
)
def test_every_option_is_documented(option: str) -> None:
    assert option in README


def test_quick_start_commands_match_ci() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert "claimcheck audit sources/" in blocks[0]
    ci = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()[-1]
    assert blocks[1].strip() == ci.strip()


def test_schemas_are_documented() -> None:
    for schema in ("claimcheck.claims/1", "claimcheck.report/1", "claimcheck.diff/1", "claimcheck.timeline/1"):
        assert schema in README
