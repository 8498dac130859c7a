"""Input generators shared by the fuzz test in the suite and the long run in ``benchmarks/fuzz.py``.

Each strategy builds an article file's bytes: random bytes, random Unicode, or a mixture of the things that trip
a parser of news text (numbers of any length, dates valid or not, dashes, Markdown and flattened tables, front
matter). ``run_everything`` drives the library API over a folder and renders the results in every format.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from claimcheck import pipeline
from claimcheck.render import AuditFormat, DiffFormat, ExtractFormat, TimelineFormat

_WORDS = [
    "Claude",
    "GPT-5.4",
    "Opus 4.6",
    "Gemini 3",
    "scored",
    "reached",
    "released",
    "in",
    "on",
    "about",
    "over",
    "nearly",
    "between",
    "and",
    "to",
    "up",
    "from",
    "SWE-Bench",
    "Pro",
    "revenue",
    "users",
    "tokens",
    "per",
    "million",
    "percent",
    "%",
    "x",
    "times",
    "Elo",
    "points",
    "as",
    "of",
    "by",
    "yesterday",
    "ago",
    "It",
    "the",
    "Anthropic",
    "OpenAI",
    "vs",
    "(+23.1%)",
    "every",
    "four",
    "months",
    "Q2",
    "early",
    "2024",
    "H1",
    "FY2025",
]
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99)),
    st.builds(
        lambda m, d, y: f"{m} {d}, {y}",
        st.sampled_from(["May", "Feb.", "Sept", "December"]),
        st.integers(0, 99),
        st.integers(0, 99999),
    ),
    st.sampled_from(
        [
            "-",
            "–",
            "—",
            "−",
            "~",
            "$",
            "€",
            "£",
            "/",
            "|",
            "||",
            "| --- |",
            ".",
            ",",
            ";",
            ":",
            "(",
            ")",
            "\n",
            "\n\n",
            "\t",
            "# ",
            "## ",
            "- ",
            "* ",
            "1. ",
            "**",
            "`",
            "```",
            "---",
            "\u00a0",
            "\u200b",
        ]
    ),
    st.text(max_size=8),
)
_BODY = st.lists(_PIECES, max_size=60).map(" ".join)
_FRONT_MATTER = st.one_of(
    st.just(""),
    st.builds(
        lambda title, published, extra: f"---\ntitle: {title}\npublished: {published}\n{extra}---\n",
        st.text(max_size=20),
        st.one_of(st.text(max_size=20), _PIECES),
        st.sampled_from(["", "outlet: [a, b]\n", "date: 2026-02-30\n", "author: {x: 1}\n", ": :\n", "- a\n"]),
    ),
)
_TABLE = st.builds(
    lambda header, rows: (
        "| "
        + " | ".join(header)
        + " |\n|"
        + "---|" * len(header)
        + "\n"
        + "".join("| " + " | ".join(row) + " |\n" for row in rows)
    ),
    st.lists(st.sampled_from(["Model", "Score", "Delta", "Price", "Released", ""]), min_size=1, max_size=5),
    st.lists(st.lists(_PIECES, max_size=5), max_size=5),
)
MIXED_TEXT = st.builds(
    lambda fm, parts: fm + "\n".join(parts), _FRONT_MATTER, st.lists(st.one_of(_BODY, _TABLE), max_size=6)
)
ARTICLE_BYTES = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
    MIXED_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    MIXED_TEXT.map(lambda t: t.encode("utf-16")),
)
SUFFIXES = st.sampled_from([".md", ".txt", ".html"])


def run_everything(folder: Path, files: list[tuple[bytes, str]]) -> None:
    """Write the files, then extract, audit, diff and timeline them and render each result in every format."""
    paths = []
    for index, (data, suffix) in enumerate(files):
        path = folder / f"a{index}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    settings = pipeline.Settings(jobs=1)
    extraction = pipeline.extract([folder], settings)
    for extract_format in ExtractFormat:
        extract_format.render(extraction)
    report = pipeline.audit([folder], settings)
    for audit_format in AuditFormat:
        audit_format.render(report)
    timeline = pipeline.timeline([folder], settings)
    for timeline_format in TimelineFormat:
        timeline_format.render(timeline)
    readable = [p for p in paths if any(s.path.endswith(p.name) for s in extraction.sources)]
    if len(readable) >= 2:
        result = pipeline.diff(readable[0], readable[1], settings)
        for diff_format in DiffFormat:
            diff_format.render(result)
