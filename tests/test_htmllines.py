"""Claims from HTML pages cite lines of the page source, as an editor shows it."""

from __future__ import annotations

from pathlib import Path

from claimcheck.attribution.extract import extract_article
from claimcheck.loading.htmllines import cite_html_lines, visible_chars
from claimcheck.loading.sources import load_article
from claimcheck.models import Article

PAGE = """<!doctype html>
<html><head><title>Nimbus Pro &amp; friends</title>
<meta property="article:published_time" content="2026-03-05">
<style>p { color: red } /* 99% */</style></head>
<body>
<article>
<h1>Nimbus Pro arrives</h1>
<p>Skyline Labs said the Nimbus Pro model scores
  <b>81.5%</b> on SWE-Bench Pro,
  up from 70.2% for Nimbus Mini.</p>
<!-- a 12% comment that is not visible -->
<p>Prices stay at $5&nbsp;per million input tokens.</p>
</article>
</body></html>
"""


def _load(tmp_path: Path, text: str) -> tuple[Article, str]:
    path = tmp_path / "page.html"
    path.write_text(text, encoding="utf-8")
    article = load_article(path, key="page.html", display="page.html")
    assert isinstance(article, Article)
    return article, text


def test_visible_text_drops_markup_and_keeps_offsets() -> None:
    visible, offsets = visible_chars("<p>A <b>5%</b> &amp; B</p><!-- 7% -->")
    assert visible == "A5%&B"
    assert offsets[1] == len("<p>A <b>")


def test_claims_cite_lines_and_columns_of_the_page_source(tmp_path: Path) -> None:
    article, page = _load(tmp_path, PAGE)
    claims = extract_article(article)
    assert claims
    placed, ok = cite_html_lines(article, claims, page)
    assert ok
    lines = page.splitlines()
    for claim in placed:
        at = lines[claim.line - 1][claim.column - 1 :]
        assert at.startswith(claim.value.text.split()[0].replace("\u00a0", " ")), (claim.value.text, at)


def test_text_not_found_in_the_source_leaves_the_extracted_lines(tmp_path: Path) -> None:
    article, _ = _load(tmp_path, PAGE)
    claims = extract_article(article)
    placed, ok = cite_html_lines(article, claims, "<html><body><p>something else entirely</p></body></html>")
    assert not ok and placed == list(claims)
