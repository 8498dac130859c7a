"""The development set's cache checker (benchmarks/devset/fetch.py): says what is missing, imports saved search
answers without overwriting anything, and never needs the network. Pages here are invented for the test."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

FETCH_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "devset" / "fetch.py"
_spec = importlib.util.spec_from_file_location("devset_fetch", FETCH_PATH)
assert _spec and _spec.loader
fetch = importlib.util.module_from_spec(_spec)
sys.modules["devset_fetch"] = fetch
_spec.loader.exec_module(fetch)

EXCERPT = "Orion-2 shipped on March 4, 2031, with 412 billion parameters."


def write_pages(tmp_path: Path, sha256: str) -> Path:
    pages = tmp_path / "pages.yaml"
    entry = {
        "id": "orion-news",
        "topic": "orion",
        "url": "https://example.org/orion",
        "query": "Orion-2 launch parameters",
        "title": "Orion-2 ships",
        "sha256": sha256,
    }
    pages.write_text(json.dumps({"pages": [entry]}))  # JSON is YAML
    return pages


def expected_sha() -> str:
    page = fetch.Page("orion-news", "orion", "https://example.org/orion", "q", "", title="Orion-2 ships")
    text = fetch.page_text(page, " date 2031-03-05 " + EXCERPT)
    return hashlib.sha256(text.encode()).hexdigest()


def test_a_missing_page_is_named_with_its_query_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = write_pages(tmp_path, expected_sha())
    assert fetch.main(["--pages", str(pages), "--cache", str(tmp_path / "cache")]) == 2
    out = capsys.readouterr().out
    assert "orion-news (missing" in out and "Orion-2 launch parameters" in out and "https://example.org/orion" in out


def test_import_writes_front_matter_and_the_excerpt_then_checks_clean(tmp_path: Path) -> None:
    pages = write_pages(tmp_path, expected_sha())
    results = tmp_path / "results.json"
    answer = {"query": "q", "results": [{"url": "https://example.org/orion", "excerpt": " date 2031-03-05 " + EXCERPT}]}
    results.write_text(json.dumps(answer))
    cache = tmp_path / "cache"
    assert fetch.main(["--pages", str(pages), "--cache", str(cache), "--import", str(results)]) == 0
    text = (cache / "orion-news.md").read_text()
    assert text.startswith('---\nurl: https://example.org/orion\ntitle: "Orion-2 ships"\npublished: 2031-03-05\n---\n')
    assert text.endswith(EXCERPT + "\n")


def test_import_never_overwrites_and_a_changed_page_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = write_pages(tmp_path, expected_sha())
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "orion-news.md").write_text("a person's own notes\n")
    results = tmp_path / "results.json"
    results.write_text(json.dumps([{"results": [{"url": "https://example.org/orion", "excerpt": EXCERPT}]}]))
    assert fetch.main(["--pages", str(pages), "--cache", str(cache), "--import", str(results)]) == 2
    assert (cache / "orion-news.md").read_text() == "a person's own notes\n"
    assert "orion-news (changed" in capsys.readouterr().out


def test_a_malformed_pages_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages.yaml"
    pages.write_text("pages: [{id: x}]")
    assert fetch.main(["--pages", str(pages), "--cache", str(tmp_path)]) == 2
    assert "needs id, topic, url, query and sha256" in capsys.readouterr().err


def test_copy_from_another_cache_takes_only_pages_with_the_recorded_text(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    page = fetch.Page("orion-news", "orion", "https://example.org/orion", "q", "", title="Orion-2 ships")
    (other / "orion-news.md").write_text(fetch.page_text(page, " date 2031-03-05 " + EXCERPT))
    cache = tmp_path / "cache"
    pages = write_pages(tmp_path, expected_sha())
    assert fetch.main(["--pages", str(pages), "--cache", str(cache), "--from", str(other)]) == 0
    assert (cache / "orion-news.md").read_bytes() == (other / "orion-news.md").read_bytes()
    edited = tmp_path / "edited"
    edited.mkdir()
    (edited / "orion-news.md").write_text("someone's edit\n")
    assert fetch.main(["--pages", str(pages), "--cache", str(tmp_path / "c2"), "--from", str(edited)]) == 2
    assert fetch.main(["--pages", str(pages), "--cache", str(tmp_path / "c3"), "--from", str(tmp_path / "no")]) == 2


def test_import_takes_the_excerpt_with_the_recorded_text_when_a_url_comes_twice(tmp_path: Path) -> None:
    pages = write_pages(tmp_path, expected_sha())
    cache = tmp_path / "cache"
    results = tmp_path / "results.json"
    other = {"url": "https://example.org/orion", "excerpt": "another stored copy of the page"}
    recorded = {"url": "https://example.org/orion", "excerpt": "\n date 2031-03-05 " + EXCERPT}
    results.write_text(json.dumps({"results": [other, recorded]}))
    assert fetch.main(["--pages", str(pages), "--cache", str(cache), "--import", str(results)]) == 0
    assert fetch.digest(cache / "orion-news.md") == expected_sha()
