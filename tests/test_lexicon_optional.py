"""The built-in lexicon is enrichment: with it replaced by an empty one the tool still reads unlisted names.

A lexicon file whose top level says ``builtin: false`` replaces the built-in names; the general metric vocabulary
stays. Fixtures are written for these tests; none of their names is in the built-in lexicon.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.attribution.extract import extract_article
from claimcheck.attribution.lexicon import Lexicon
from claimcheck.errors import ConfigError
from claimcheck.pipeline import Settings, audit

from .conftest import make_article

PUB = dt.date(2026, 3, 5)


@pytest.fixture
def no_builtin(tmp_path: Path) -> Path:
    path = tmp_path / "none.yaml"
    path.write_text("builtin: false\n", encoding="utf-8")
    return path


def test_builtin_false_drops_the_known_names_but_keeps_the_metric_vocabulary(no_builtin: Path) -> None:
    lex = Lexicon.load(no_builtin)
    assert not lex.entities and not lex.families and not lex.benchmarks
    assert any(rule.name == "release date" for rule in lex.metrics)
    assert Lexicon.load().entities  # the default still has them


def test_builtin_must_be_a_boolean(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("builtin: nope\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="builtin"):
        Lexicon.load(path)


def test_unlisted_names_are_read_without_any_lexicon(no_builtin: Path) -> None:
    lex = Lexicon.load(no_builtin)
    article = make_article(
        "Lumen Labs released Orion-2 on March 3, 2026. Orion-2 scores 64.5% on TrailMix.", published=PUB
    )
    found = {(c.subject, c.metric, c.value.text) for c in extract_article(article, lex)}
    assert ("Orion-2", "release date", "March 3, 2026") in found
    assert ("Orion-2", "TrailMix", "64.5%") in found


def test_audit_finds_a_conflict_between_unlisted_names(tmp_path: Path, no_builtin: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\npublished: 2026-03-05\n---\nOrchard AI says Vireo 1.5 Flash scores 71.2% on the Quarry benchmark.\n",
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "---\npublished: 2026-03-06\n---\nIndependent testers measured 48.0% for Vireo 1.5 Flash on Quarry.\n"
        "Vireo 1.5 Pro scores 80.1% on Quarry.\n",
        encoding="utf-8",
    )
    report = audit([folder], Settings(lexicon=no_builtin, jobs=1))
    conflicts = [f.topic for f in report.findings if f.status == "conflict"]
    assert conflicts == ["Vireo 1.5 Flash / Quarry"]  # the Pro is another model
