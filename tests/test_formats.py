"""Every output format of every command, through the path the CLI really uses (``CliRunner``, end to end).

Each command has its own format enum; looping over the enums means a member added without a renderer, or a
renderer that fails on real results, breaks this test rather than a user's run.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.render import AuditFormat, DiffFormat, ExtractFormat, TimelineFormat

from .conftest import ARTICLE_A, ARTICLE_B

runner = CliRunner()

COMMANDS: dict[str, type[Enum]] = {
    "extract": ExtractFormat,
    "audit": AuditFormat,
    "diff": DiffFormat,
    "timeline": TimelineFormat,
}
CASES = [(command, member) for command, enum in COMMANDS.items() for member in enum]


@pytest.fixture
def pair(write_articles):  # type: ignore[no-untyped-def]
    return write_articles({"a.md": ARTICLE_A, "b.md": ARTICLE_B})


def _args(command: str, pair: Path) -> list[str]:
    return [command, str(pair / "a.md"), str(pair / "b.md")] if command == "diff" else [command, str(pair)]


def _parses(fmt: str, text: str) -> None:
    if fmt == "json":
        assert json.loads(text)["schema"].startswith("claimcheck.")
    elif fmt == "yaml":
        assert all(doc["schema"].startswith("claimcheck.") for doc in yaml.safe_load_all(text))
    elif fmt == "markdown":
        assert text.startswith("# claimcheck")


@pytest.mark.parametrize(("command", "member"), CASES, ids=[f"{c}-{m.value}" for c, m in CASES])
def test_every_format_of_every_command_renders_through_the_cli(
    command: str, member: Enum, pair: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        app, [*_args(command, pair), "--format", member.value], env={"CLAIMCHECK_TODAY": "2026-11-23"}
    )
    assert result.exit_code in (0, 1), result.output
    assert "Claude 4" in result.stdout
    _parses(member.value, result.stdout)
    if command != "extract":  # extract writes records with --out, not a report with --output
        target = tmp_path / f"out.{member.value}"
        written = runner.invoke(
            app,
            [*_args(command, pair), "--format", member.value, "--output", str(target)],
            env={"CLAIMCHECK_TODAY": "2026-11-23"},
        )
        assert written.exit_code == result.exit_code and written.stdout == ""
        assert "Claude 4" in target.read_text("utf-8")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_format_another_command_has_is_refused_as_usage(command: str, pair: Path) -> None:
    others = {m.value for enum in COMMANDS.values() for m in enum} - {m.value for m in COMMANDS[command]}
    for value in sorted(others):
        result = runner.invoke(app, [*_args(command, pair), "--format", value])
        assert result.exit_code == 2
