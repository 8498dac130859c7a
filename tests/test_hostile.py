"""Hostile inputs: every bad thing a user can hand the CLI gets a clear message and the right exit code.

No input here may produce a traceback, and nothing a person wrote may be lost or half-written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimcheck.attribution.extract import extract_article
from claimcheck.cli import app
from claimcheck.review.records import write_atomic

from .conftest import make_article

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1"})
    assert "Traceback" not in (result.stdout or "") + (result.stderr or "")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_missing_path(tmp_path: Path) -> None:
    result = run("audit", str(tmp_path / "missing"))
    assert result.exit_code == 2 and "no such file or directory" in result.stderr


def test_empty_folder_is_an_error_not_a_silent_pass(tmp_path: Path) -> None:
    result = run("audit", str(tmp_path))
    assert result.exit_code == 2 and "no articles found" in result.stderr


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("binary.md", b"\x00\x01\x02PNG\x00\x00" * 100, "binary"),
        ("empty.md", b"", "empty"),
        ("blank.txt", b"   \n\n\t\n", "empty"),
        ("photo.png", b"\x89PNG\r\n\x1a\n", "not an article"),
    ],
)
def test_unusable_files_are_skipped_with_reasons(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / "good.md").write_text("# Good\n\nClaude 4 was released in May 2025.\n", encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    result = run("audit", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    skipped = json.loads(result.stdout)["skipped"]
    assert len(skipped) == 1 and skipped[0]["path"].endswith(name) and reason in skipped[0]["reason"]
    assert run("audit", str(tmp_path), "--strict").exit_code == 2


def test_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "cp1252.txt").write_bytes(
        "Claude 4 was released in May 2025 \x93quoted\x94 caf\xe9.\n".encode("latin-1")
    )
    result = run("extract", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["sources"][0]["encoding"] != "utf-8"
    assert any(c["metric"] == "release date" for c in data["claims"])


def test_malformed_front_matter_is_skipped_with_line(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\npublished: 2026-01-01\n---\nBody 50%.\n", encoding="utf-8")
    (tmp_path / "good.md").write_text("# Good\n\nClaude 4 was released in May 2025.\n", encoding="utf-8")
    result = run("audit", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    reason = json.loads(result.stdout)["skipped"][0]["reason"]
    assert "front matter" in reason and "line" in reason


def test_malformed_sources_yaml_is_exit_2_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Claude 4 was released in May 2025.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.txt:\n  title: [oops\n", encoding="utf-8")
    result = run("audit", str(tmp_path))
    assert result.exit_code == 2
    assert "sources.yaml" in result.stderr and ":" in result.stderr


def test_malformed_lexicon_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Claude 4 was released in May 2025.\n", encoding="utf-8")
    lexicon = tmp_path / "lex.yaml"
    lexicon.write_text("metrics:\n  - name: x\n    patterns: ['(unclosed']\n", encoding="utf-8")
    result = run("audit", str(tmp_path / "a.md"), "--lexicon", str(lexicon))
    assert result.exit_code == 2 and "lexicon" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_symlink_loop_terminates(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.md").write_text("Claude 4 was released in May 2025.\n", encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    result = run("audit", str(folder))
    assert result.exit_code == 0


def test_multi_megabyte_single_line(tmp_path: Path) -> None:
    line = "Claude writes 70-90% of the code used to train new Claude versions. " * 40_000  # ~2.8 MB, one line
    (tmp_path / "huge.txt").write_text(line + "\n", encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    claims = data["claims"]
    # 40,000 sentences with a claim each: more than any article has, so reading stops at the limit and says so
    from claimcheck.attribution.extract import MAX_CLAIMS_PER_SOURCE

    assert len(claims) == MAX_CLAIMS_PER_SOURCE and all(c["line"] == 1 for c in claims[:5])
    assert any("reading stopped after 10,000 claims, at line 1" in n for n in data["sources"][0]["notes"])


def test_atomic_write_leaves_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("what a person wrote\n", encoding="utf-8")

    with pytest.raises(TypeError):
        write_atomic(target, 12345)  # type: ignore[arg-type]  # fails half-way, like a Ctrl-C during the write
    assert target.read_text("utf-8") == "what a person wrote\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_interrupt_exits_130_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimcheck import cli

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "app", interrupted)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 130
    assert "interrupted" in capsys.readouterr().err


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(
            list("0123456789 %$x.-,:;()|\n#*ABCabcMayQ2Claude GPT-5.4 over about nearly–—“”\u00a0")
        ),
        max_size=400,
    )
)
def test_extraction_never_raises_and_offsets_point_at_values(text: str) -> None:
    article = make_article(text, published=dt.date(2026, 3, 5))
    for claim in extract_article(article):
        assert article.text[claim.start : claim.end] == claim.value.text
        line, column = article.position(claim.start)
        assert (line, column) == (claim.line, claim.column)
        assert claim.value.text in claim.quote or claim.quote in article.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_extraction_survives_arbitrary_unicode(text: str) -> None:
    article = make_article(text)
    for claim in extract_article(article):
        assert article.text[claim.start : claim.end] == claim.value.text


@pytest.mark.parametrize("published", ["2026-13-45", "2026-02-30", "not a date", "[2026, 1]"])
def test_unreadable_publication_date_is_reported_and_the_article_still_read(tmp_path: Path, published: str) -> None:
    (tmp_path / "bad.md").write_text(
        f"---\ntitle: Bad date\npublished: {published}\n---\nClaude 4 was released in May 2025.\n", encoding="utf-8"
    )
    (tmp_path / "good.md").write_text("# Good\n\nClaude 4 was released in May 2025.\n", encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["skipped"] == []
    bad = next(s for s in data["sources"] if s["path"].endswith("bad.md"))
    assert bad["published"] is None and bad["published_from"] == "unknown" and bad["title"] == "Bad date"
    assert "line 3" in bad["metadata_problems"][0]
    assert "bad.md" in result.stderr and "publication date unknown" in result.stderr
    assert {c["source"].rsplit("/", 1)[-1] for c in data["claims"]} == {"bad.md", "good.md"}


def test_unreadable_date_in_sources_yaml_is_exit_2_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Claude 4 was released in May 2025.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.txt:\n  title: A\n  published: 2026-13-45\n", encoding="utf-8")
    result = run("audit", str(tmp_path))
    assert result.exit_code == 2 and "sources.yaml:3" in result.stderr
