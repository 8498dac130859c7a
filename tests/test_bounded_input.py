"""Hostile sizes: a "sentence" of megabytes is cut into pieces and the user is told; a file with more claims than
any article has stops being read, and says where; a long file shows its own progress on a terminal.

The shapes are scaled down (tens of kilobytes); ``benchmarks/hostile.py`` measures time and memory on 20 MB.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import cli, pipeline
from claimcheck.attribution import extract as extract_module
from claimcheck.cli import app
from claimcheck.loading.segment import MAX_UNIT_CHARS, PIECE_CHARS, segment

runner = CliRunner()
WORDS = "Nimbus-3 scored 70% on the test and Vireo-2 reached $2.50 in May 2025 while costs fell "


def one_line(size: int) -> str:
    """A punctuation-free line of about ``size`` characters: one unit, as a log dump or a page without stops."""
    return (WORDS * (size // len(WORDS) + 1))[:size].rstrip() + "\n"


def run(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_a_unit_of_many_kilobytes_is_cut_into_pieces_and_the_note_says_so() -> None:
    text = "# Dump\n\n" + one_line(60_000)
    notes: list[str] = []
    units = segment(text, notes=notes)
    body = [u for u in units if u.kind == "sentence"]
    assert len(body) >= 60_000 // PIECE_CHARS and all(len(u.text) <= PIECE_CHARS for u in body)
    assert all(text[u.start : u.end] == u.text for u in units)
    assert len(notes) == 1
    assert f"longer than {MAX_UNIT_CHARS:,} characters" in notes[0] and "line 3: 60,000 characters in" in notes[0]


def test_ordinary_prose_gets_no_note() -> None:
    notes: list[str] = []
    segment("# Launch\n\nNimbus-3 scored 70% on LogicBench. It shipped in May 2025.\n", notes=notes)
    assert notes == []


def test_the_cut_is_reported_to_the_user_and_in_json(tmp_path: Path) -> None:
    (tmp_path / "dump.txt").write_text(one_line(30_000), encoding="utf-8")
    result = run("extract", str(tmp_path / "dump.txt"), "--format", "json")
    assert result.exit_code == 0
    assert "note: " in result.stderr and "read in pieces" in result.stderr
    notes = json.loads(result.stdout)["sources"][0]["notes"]
    assert len(notes) == 1 and "pieces" in notes[0]
    assert "note: " not in run("extract", str(tmp_path / "dump.txt"), "--quiet").stderr


def test_reading_stops_after_the_claim_limit_and_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_CLAIMS_PER_SOURCE", 40)
    (tmp_path / "dump.txt").write_text(one_line(40_000), encoding="utf-8")
    result = run("extract", str(tmp_path / "dump.txt"), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert 40 <= len(data["claims"]) < 80  # the limit, plus the rest of the piece it was reached in
    stopped = [n for n in data["sources"][0]["notes"] if n.startswith("reading stopped after")]
    assert len(stopped) == 1 and "at line 1" in stopped[0] and "not read" in stopped[0]
    assert "reading stopped after" in result.stderr


def test_an_ordinary_article_is_read_to_the_end(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\nNimbus-3 scored 70% on LogicBench in May 2025.\n", encoding="utf-8")
    data = json.loads(run("extract", str(tmp_path), "--format", "json").stdout)
    assert data["sources"][0]["notes"] == [] and len(data["claims"]) >= 1


# ------------------------------------------------------------------------------------------------ progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_never_with_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.sys, "stderr", FakeTerminal())
    assert cli._show_progress(quiet=False) is True
    assert cli._show_progress(quiet=True) is False
    settings = cli._settings(None, quiet=False)
    assert settings.progress is not None and settings.file_progress is not None
    quiet = cli._settings(None, quiet=True)
    assert quiet.progress is None and quiet.file_progress is None
    monkeypatch.setattr(cli.sys, "stderr", io.StringIO())  # a pipe or a CI log
    assert cli._show_progress(quiet=False) is False
    assert cli._settings(None).file_progress is None


def test_one_long_file_draws_its_own_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    monkeypatch.setenv("NO_COLOR", "1")
    bar = cli._ProgressBar()
    bar.file("short.md", 10, 5_000)  # a short file: no bar
    assert terminal.getvalue() == ""
    total = cli.PROGRESS_MIN_CHARS * 3
    for done in (0, total // 3, total // 2, total):
        bar.file("big.txt", done, total)
    assert "reading big.txt" in terminal.getvalue()
    assert bar._bar is None  # finished: the bar is gone


def test_extraction_reports_how_far_into_a_file_it_is(tmp_path: Path) -> None:
    (tmp_path / "dump.txt").write_text(one_line(50_000), encoding="utf-8")
    calls: list[tuple[str, int, int]] = []
    pipeline.extract([tmp_path / "dump.txt"], pipeline.Settings(file_progress=lambda *a: calls.append(a)))
    assert len(calls) >= 3 and {c[0] for c in calls} == {str(tmp_path / "dump.txt")}
    done = [c[1] for c in calls]
    assert done == sorted(done) and calls[-1][1] == calls[-1][2] == len(one_line(50_000))
