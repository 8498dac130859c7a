"""The benchmark corpus generator (benchmarks/make_corpus.py) is deterministic and plants what it says.

This guards the generator, not claimcheck's speed: if a template stops being understood, or the truth file
stops matching the articles, the benchmark's precision and recall would silently mean nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import pipeline

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "make_corpus.py"


def _generate(out: Path, articles: int, seed: int = 7) -> Path:
    subprocess.run(
        [sys.executable, str(GENERATOR), "--seed", str(seed), "--articles", str(articles), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("corpus30"), 30)


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = _files(_generate(tmp_path / "a", 12))
    second = _files(_generate(tmp_path / "b", 12))
    assert first == second
    assert {"lexicon.yaml", "truth.json", "mentions.jsonl"} <= set(first)
    assert sum(name.startswith("articles/") for name in first) == 12


def test_different_seed_different_corpus(tmp_path: Path) -> None:
    assert _files(_generate(tmp_path / "a", 3, seed=1)) != _files(_generate(tmp_path / "b", 3, seed=2))


def test_articles_have_front_matter_and_realistic_length(corpus: Path) -> None:
    for path in sorted((corpus / "articles").glob("*.md")):
        text = path.read_text("utf-8")
        assert text.startswith("---\ntitle: ")
        head = text.split("---", 2)[1]
        assert "outlet: " in head and "published: " in head
        assert 500 <= len(text.split()) <= 1600, path.name


def test_audit_finds_planted_conflicts_and_no_conflict_on_series(corpus: Path) -> None:
    truth = json.loads((corpus / "truth.json").read_text("utf-8"))
    report = pipeline.audit([corpus / "articles"], pipeline.Settings(lexicon=corpus / "lexicon.yaml", jobs=1))
    conflicts = {f.topic for f in report.findings if f.status == "conflict"}
    planted = {t for t, e in truth["topics"].items() if e["expect"] == "conflict"}
    series = {t for t, e in truth["topics"].items() if e["kind"] == "series" and e["mentions"] >= 2}
    assert planted, "the 30-article corpus should plant at least one visible conflict"
    assert series, "the 30-article corpus should state some series twice"
    assert planted & conflicts, "no planted conflict was found"
    assert not (series & conflicts), f"series reported as conflicts: {sorted(series & conflicts)}"


def test_truth_lines_point_at_the_planted_values(corpus: Path) -> None:
    """Every recorded mention's value text stands on the line the truth file says."""
    lines: dict[str, list[str]] = {}
    with (corpus / "mentions.jsonl").open(encoding="utf-8") as log:
        for raw in log:
            file, line, _topic, _subject, _metric, _value, _cls, _template, text = json.loads(raw)
            if file not in lines:
                lines[file] = (corpus / "articles" / file).read_text("utf-8").split("\n")
            assert text in lines[file][line - 1], (file, line, text)
