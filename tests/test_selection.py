"""Selection by kind and status, and inline suppression markers."""

from __future__ import annotations

import pytest

from claimcheck.review.selection import check_selectors, select_findings, split_suppressed, suppressed_lines

from .test_render import canned_report

TEXT = """# Title

The first paragraph says 10%. <!-- claimcheck: ignore -->
and goes on here.

<!-- Claimcheck: IGNORE -->
Second paragraph, first line,
second line.

Third paragraph.
"""


def test_marker_on_a_line_covers_that_line() -> None:
    assert 3 in suppressed_lines(TEXT)
    assert 4 not in suppressed_lines(TEXT)


def test_marker_on_its_own_line_covers_the_paragraph_below() -> None:
    lines = suppressed_lines(TEXT)
    assert {7, 8} <= lines
    assert 10 not in lines and 6 not in lines


def test_marker_before_a_blank_line_covers_the_next_paragraph() -> None:
    assert suppressed_lines("<!-- claimcheck: ignore -->\n\nA 5% figure.\nMore.\n\nLast.\n") == {3, 4}


def test_no_marker_no_suppression() -> None:
    assert suppressed_lines("<!-- a comment -->\nclaimcheck: ignore\n") == frozenset()


@pytest.mark.parametrize(
    "select, ignore, expected",
    [
        ([], [], {"f1", "f2", "f3"}),
        (["conflict"], [], {"f1", "f3"}),
        (["cross-source"], [], {"f1", "f2"}),
        (["cross-source", "conflict"], [], {"f1"}),
        ([], ["arithmetic"], {"f1", "f2"}),
        ([], ["compatible", "arithmetic"], {"f1"}),
        (["cross-source"], ["conflict"], {"f2"}),
    ],
)
def test_select_and_ignore(select: list[str], ignore: list[str], expected: set[str]) -> None:
    kept = select_findings(canned_report().findings, select, ignore)
    assert {f.id for f in kept} == expected


def test_unknown_selector_is_named() -> None:
    with pytest.raises(ValueError, match="conflicts"):
        check_selectors(["conflicts"])


def test_a_finding_citing_a_suppressed_line_is_suppressed() -> None:
    findings = canned_report().findings
    kept, hidden = split_suppressed(findings, {"sources/b.md": frozenset({22})})
    assert {f.id for f in hidden} == {"f1"}  # f1 cites sources/b.md:22
    assert {f.id for f in kept} == {"f2", "f3"}
