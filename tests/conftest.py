"""Shared fixtures: small article folders written per test, and helpers to extract from inline text."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimcheck.attribution.extract import extract_article
from claimcheck.loading.segment import line_starts, segment
from claimcheck.loading.textnorm import normalize
from claimcheck.models import Article, Claim, Quantity, Source
from claimcheck.values.quantities import find_quantities


def make_article(text: str, *, published: dt.date | None = None, path: str = "a.md", markdown: bool = True) -> Article:
    """An Article built from inline text (no file I/O), for extraction tests."""
    body = normalize(textwrap.dedent(text).strip("\n") + "\n")
    source = Source(
        path=path,
        key=path,
        format="markdown" if markdown else "text",
        published=published,
        published_from="front-matter" if published else "unknown",
    )
    return Article(source=source, text=body, units=segment(body, markdown=markdown), line_starts=line_starts(body))


def claims_of(text: str, *, published: dt.date | None = None, markdown: bool = True) -> list[Claim]:
    return extract_article(make_article(text, published=published, markdown=markdown))


@pytest.fixture
def write_articles(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write {relative name: text} into a fresh folder and return it."""

    def write(files: dict[str, str], folder: str = "articles") -> Path:
        root = tmp_path / folder
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return root

    return write


ARTICLE_A = """\
---
title: Model roundup
outlet: Example Wire
published: 2026-03-05
---
# Model roundup

Claude Opus 4.6 shipped on February 5, 2026, about a month before GPT-5.4.

Claude now writes 70-90% of the code used to train new Claude versions.

Claude 4 was released in May 2025.

| Benchmark | GPT-5.4 | GPT-5.2 | Delta |
|---|---|---|---|
| SWE-Bench Pro | 57.7% | 55.6% | +2.1% |
| OSWorld-Verified | 75.0% | 47.3% | +27.7% |
"""

ARTICLE_B = """\
---
title: Self-improvement, measured
outlet: Other Daily
---
# Self-improvement, measured

As of May 2026, over 80% of the code merged into Anthropic's codebase was written by Claude.

Version history of Claude:

- Version 4.0 (2024): safety-first design.

By 2026, Opus 4.6 was released on February 5.
"""


def parse_quantity(text: str) -> Quantity | None:
    """The one quantity a string holds ("over 80%", "$2.50/M tokens"), read by the grammar's ``find_quantities``
    as the extractor reads it; None when the string holds none or several."""
    matches = find_quantities(text)
    return matches[0].value if len(matches) == 1 else None


@pytest.fixture(autouse=True)
def _sigint_handler_restored() -> Iterator[None]:
    """``cli.main`` installs its own Ctrl-C handler (and ignores a second Ctrl-C once interrupted): a test that
    calls it must not leave the test run itself deaf to Ctrl-C."""
    import signal

    handler = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, handler)
