"""Segmentation: sentences, headings, list items, pipe tables and flattened tables, with exact offsets."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.loading.segment import line_starts, segment
from claimcheck.models import Unit

FIXTURES = Path(__file__).parent / "fixtures" / "loader"


def texts(source: str, **options: object) -> list[str]:
    return [unit.text for unit in segment(source, **options)]  # type: ignore[arg-type]


def kinds(source: str, **options: object) -> list[tuple[str, str]]:
    return [(unit.kind, unit.text) for unit in segment(source, **options)]  # type: ignore[arg-type]


def assert_consistent(text: str, units: tuple[Unit, ...]) -> None:
    starts = line_starts(text)
    previous_end = 0
    for unit in units:
        assert unit.text == text[unit.start : unit.end]
        assert unit.text == unit.text.strip() and unit.text
        assert unit.start >= previous_end, "units are in order and do not overlap"
        previous_end = unit.end
        line_start = starts[unit.line - 1]
        assert line_start <= unit.start
        assert unit.line == len(starts) or unit.start < starts[unit.line]
        assert unit.column == unit.start - line_start + 1
        for cell in unit.cells:
            assert unit.start <= cell.start <= cell.end <= unit.end
            assert cell.text == text[cell.start : cell.end]


# ------------------------------------------------------------------------------------------- sentences

SENTENCES = [
    # plain splits
    (
        "GPT-5.4 is live. It costs $2.50 per million tokens.",
        ["GPT-5.4 is live.", "It costs $2.50 per million tokens."],
    ),
    ("Is it safe? Nobody knows! Time will tell.", ["Is it safe?", "Nobody knows!", "Time will tell."]),
    ("Costs rose to $18,000. 800 hours were used.", ["Costs rose to $18,000.", "800 hours were used."]),
    ("Prices fell (by 50%). Usage rose.", ["Prices fell (by 50%).", "Usage rose."]),
    ('He said "it works." Then he left.', ['He said "it works."', "Then he left."]),
    ('The model "works." "Really?" he asked.', ['The model "works."', '"Really?" he asked.']),
    ("Wait... The results are in.", ["Wait...", "The results are in."]),
    ("It rose 12.5 percent. It fell 3.2 percent.", ["It rose 12.5 percent.", "It fell 3.2 percent."]),
    ("The ratio was 3:1. Next year it may be 4:1.", ["The ratio was 3:1.", "Next year it may be 4:1."]),
    ("The gap is 23.1 points. That is large.", ["The gap is 23.1 points.", "That is large."]),
    ("See the chart. (It is below.)", ["See the chart.", "(It is below.)"]),
    ("Tools, agents, etc. Models are not included.", ["Tools, agents, etc.", "Models are not included."]),
    (
        "Ranked No. 1 on the list. No. The answer is no.",
        ["Ranked No. 1 on the list.", "No.", "The answer is no."],
    ),
    ("Visit claude.ai for details. The site is free.", ["Visit claude.ai for details.", "The site is free."]),
    ("It shipped in v2.0. Then v2.1 followed.", ["It shipped in v2.0.", "Then v2.1 followed."]),
    # decimals and versions never split
    ("Opus 4.6 scored 80.8% on the test.", ["Opus 4.6 scored 80.8% on the test."]),
    (
        "The model is 1.5x faster than GPT-5.2 at $2.50 per call.",
        ["The model is 1.5x faster than GPT-5.2 at $2.50 per call."],
    ),
    ("Scores improved from 3.5 to 4.6 in a year.", ["Scores improved from 3.5 to 4.6 in a year."]),
    (
        "Claude 3.5 Sonnet shipped in 2024. Claude 4 followed.",
        ["Claude 3.5 Sonnet shipped in 2024.", "Claude 4 followed."],
    ),
    # abbreviations
    (
        "GPT-5.4 hits 87.3% vs. GPT-5.2's 68.4% on the task.",
        ["GPT-5.4 hits 87.3% vs. GPT-5.2's 68.4% on the task."],
    ),
    ("Labs (e.g. Anthropic) ship often.", ["Labs (e.g. Anthropic) ship often."]),
    ("Some labs, e.g. Anthropic, ship often.", ["Some labs, e.g. Anthropic, ship often."]),
    ("Big labs, i.e. OpenAI and Anthropic, lead.", ["Big labs, i.e. OpenAI and Anthropic, lead."]),
    ("It covers tools, agents, etc. and more.", ["It covers tools, agents, etc. and more."]),
    ("Dr. Smith spoke first. Mr. Jones replied.", ["Dr. Smith spoke first.", "Mr. Jones replied."]),
    ("Ms. Lee joined Acme Inc. Last year she led it.", ["Ms. Lee joined Acme Inc. Last year she led it."]),
    ("Filings by Example Ltd. Show growth.", ["Filings by Example Ltd. Show growth."]),
    ("Big Corp. Results were strong.", ["Big Corp. Results were strong."]),
    ("The U.S. Market grew 20% last year.", ["The U.S. Market grew 20% last year."]),
    ("The U.K. Government agreed.", ["The U.K. Government agreed."]),
    ("It launched on Jan. 5, 2026 for everyone.", ["It launched on Jan. 5, 2026 for everyone."]),
    ("It launched on Sept. 12 in Europe.", ["It launched on Sept. 12 in Europe."]),
    ("Sales rose approx. 40% in Q1.", ["Sales rose approx. 40% in Q1."]),
    ("See Fig. 3 for the results.", ["See Fig. 3 for the results."]),
    ("J. Smith wrote the report. It was long.", ["J. Smith wrote the report.", "It was long."]),
    ("Ask Prof. Chen. She knows.", ["Ask Prof. Chen.", "She knows."]),
    ("It runs at 5 p.m. Every day.", ["It runs at 5 p.m. Every day."]),
    # URLs, paths, domains
    (
        "Files live in src/claimcheck/models.py now. Done.",
        ["Files live in src/claimcheck/models.py now.", "Done."],
    ),
    (
        "The link https://example.com/a.b?q=1 works. Try it.",
        ["The link https://example.com/a.b?q=1 works.", "Try it."],
    ),
    (
        "Bugs that hit claude.ai could be caught. Really.",
        ["Bugs that hit claude.ai could be caught.", "Really."],
    ),
    # a lowercase continuation never starts a sentence
    ("It was fine. and then it broke.", ["It was fine. and then it broke."]),
    ("Growth hit 3x. not bad.", ["Growth hit 3x. not bad."]),
]


@pytest.mark.parametrize(("paragraph", "expected"), SENTENCES)
def test_sentence_splitting(paragraph: str, expected: list[str]) -> None:
    units = segment(paragraph)
    assert [unit.text for unit in units] == expected
    assert all(unit.kind == "sentence" for unit in units)
    assert_consistent(paragraph, units)


# ------------------------------------------------------------------------------------ lines and blocks

BLOCKS = [
    (  # a plain-text heading directly above its paragraph
        "Inside the Development Loop\nEngineers now review more code than they write. It changed fast.",
        [
            ("heading", "Inside the Development Loop"),
            ("sentence", "Engineers now review more code than they write."),
            ("sentence", "It changed fast."),
        ],
    ),
    (  # the seeds' heading marker
        "What's New in Version 5: The Delta #\n\nVersion 5 adds tools.",
        [("heading", "What's New in Version 5: The Delta"), ("sentence", "Version 5 adds tools.")],
    ),
    (  # a wrapped line of prose joins the next one into one sentence
        "This is a long line of prose that was wrapped at a fixed width and\ncontinues here. A second one.",
        [
            (
                "sentence",
                "This is a long line of prose that was wrapped at a fixed width and\ncontinues here.",
            ),
            ("sentence", "A second one."),
        ],
    ),
    (  # one paragraph per line: a newline after a full stop ends the unit
        "First paragraph is here.\nSecond paragraph follows.",
        [("sentence", "First paragraph is here."), ("sentence", "Second paragraph follows.")],
    ),
    (  # short unpunctuated lines are separate units, not headings, not joined
        "William Example\nSolutions Architect\n15 min read",
        [("sentence", "William Example"), ("sentence", "Solutions Architect"), ("sentence", "15 min read")],
    ),
    (  # a question is a sentence, not a heading
        "What is recursive improvement?\nIt is a loop.",
        [("sentence", "What is recursive improvement?"), ("sentence", "It is a loop.")],
    ),
    (  # a byline is not a heading
        "By Jane Example\n\nThe story starts here.",
        [("sentence", "By Jane Example"), ("sentence", "The story starts here.")],
    ),
    (  # a heading line above a list
        "Key Takeaways\n- Engineers ship 8x more code.\n- Reviews take 2 hours.",
        [
            ("heading", "Key Takeaways"),
            ("list_item", "Engineers ship 8x more code."),
            ("list_item", "Reviews take 2 hours."),
        ],
    ),
    (  # a list item with two sentences is one unit
        "- First item. It has two sentences.\n- Second item",
        [("list_item", "First item. It has two sentences."), ("list_item", "Second item")],
    ),
    (
        "1. Step one\n2) Step two\n  3. Step three",
        [("list_item", "Step one"), ("list_item", "Step two"), ("list_item", "Step three")],
    ),
    (
        "\u2022 Bullet one\n\u25a1 Box two\n* Star three\n+ Plus four",
        [
            ("list_item", "Bullet one"),
            ("list_item", "Box two"),
            ("list_item", "Star three"),
            ("list_item", "Plus four"),
        ],
    ),
    (  # a continuation line indented more belongs to the item
        "- An item that wraps\n  onto the next line\n- Next item",
        [("list_item", "An item that wraps\n  onto the next line"), ("list_item", "Next item")],
    ),
    (  # list items never merge with the prose after them
        "  \u2022 Claude writes 90% of code\nThe next paragraph starts here.",
        [("list_item", "Claude writes 90% of code"), ("sentence", "The next paragraph starts here.")],
    ),
    (  # "-5%" and "1.5x" at the start of a line are not list markers
        "-5% was the drop this year.\n1.5x faster than before.",
        [("sentence", "-5% was the drop this year."), ("sentence", "1.5x faster than before.")],
    ),
    (
        "## Results ##\nScores rose.",
        [("heading", "Results"), ("sentence", "Scores rose.")],
    ),
    (  # a rule drawn with box characters yields nothing
        "Weak vs Strong\n\u2500\u2500\u2500\u2500\u2500\u2500\nWEAK: humans gate releases\n  - Humans set objectives",
        [
            ("heading", "Weak vs Strong"),
            ("heading", "WEAK: humans gate releases"),
            ("list_item", "Humans set objectives"),
        ],
    ),
    (  # nor is a long sentence-case line wrapped before a capitalised word
        "This is a long line of prose that keeps going past fifty characters, says\nDr. Smith today. Next.",
        [
            (
                "sentence",
                "This is a long line of prose that keeps going past fifty characters, says\nDr. Smith today.",
            ),
            ("sentence", "Next."),
        ],
    ),
    (  # a long title-case heading right above its paragraph is one
        "Evidence of Acceleration: Benchmarks and Time Horizons\nThe rate keeps rising.",
        [
            ("heading", "Evidence of Acceleration: Benchmarks and Time Horizons"),
            ("sentence", "The rate keeps rising."),
        ],
    ),
    (  # the first half of a wrapped sentence is not a heading
        "Coding agents write a majority of merged code, according to\ninternal figures.",
        [("sentence", "Coding agents write a majority of merged code, according to\ninternal figures.")],
    ),
]


@pytest.mark.parametrize(("source", "expected"), BLOCKS)
def test_blocks(source: str, expected: list[tuple[str, str]]) -> None:
    units = segment(source)
    assert [(unit.kind, unit.text) for unit in units] == expected
    assert_consistent(source, units)


def test_sections_follow_the_nearest_heading() -> None:
    source = "Title Line\n\nIntro text here.\n\nPricing #\n\nIt costs $5.\n\n- Cheap option\n"
    units = segment(source)
    assert [(unit.text, unit.section) for unit in units] == [
        ("Title Line", None),
        ("Intro text here.", "Title Line"),
        ("Pricing", "Title Line"),
        ("It costs $5.", "Pricing"),
        ("Cheap option", "Pricing"),
    ]


def test_repeated_caption_lines_are_not_headings() -> None:
    source = "\n\n".join(["Claude", "First paragraph here."] * 3)
    assert [unit.kind for unit in segment(source)] == ["sentence"] * 6
    assert all(unit.section is None for unit in segment(source))


def test_positions_with_crlf_lines() -> None:
    source = "Heading #\r\n\r\nFirst sentence. Second sentence.\r\n- item one\r\n".replace("\r\n", " \n")
    units = segment(source)
    assert [(unit.text, unit.line, unit.column) for unit in units] == [
        ("Heading", 1, 1),
        ("First sentence.", 3, 1),
        ("Second sentence.", 3, 17),
        ("item one", 4, 3),
    ]


def test_body_start_skips_front_matter() -> None:
    source = "---\ntitle: A Title\ndate: 2026-03-05\n---\n# A Title\n\nBody text.\n"
    body_start = source.index("# A Title")
    units = segment(source, body_start=body_start, markdown=True)
    assert [(unit.kind, unit.text, unit.line) for unit in units] == [
        ("heading", "A Title", 5),
        ("sentence", "Body text.", 7),
    ]


def test_markdown_only_syntax() -> None:
    source = (
        "Short paragraph\n\n**Key numbers**\n\nSetext Title\n============\n\n"
        "```python\nx = 99.5  # 12%\n```\n\n"
        "> Quoted text. More of it.\n\n---\n\nLast line.\n"
    )
    units = segment(source, markdown=True)
    assert [(unit.kind, unit.text) for unit in units] == [
        ("sentence", "Short paragraph"),  # in Markdown a short paragraph is not a heading
        ("heading", "**Key numbers**"),
        ("heading", "Setext Title"),
        ("sentence", "Quoted text."),
        ("sentence", "More of it."),
        ("sentence", "Last line."),
    ]
    assert units[2].section == "Key numbers"
    assert_consistent(source, units)


def test_line_starts() -> None:
    assert line_starts("") == (0,)
    assert line_starts("a\nbc\n") == (0, 2, 5)


# ------------------------------------------------------------------------------------------ pipe tables


def test_pipe_table() -> None:
    source = (
        "Intro.\n\n"
        "| Metric | 2024 | 2026 |\n"
        "|:-------|-----:|:----:|\n"
        "| Merged code | 20% | 80% |\n"
        "| Notes \\| caveats |  | self-reported |\n"
        "After the table.\n"
    )
    units = segment(source)
    assert [unit.kind for unit in units] == ["sentence", "table_header", "table_row", "table_row", "sentence"]
    header, first, second = units[1:4]
    assert header.table_headers == ("Metric", "2024", "2026")
    assert first.table_headers == ("Metric", "2024", "2026")
    assert [(cell.text, cell.header, cell.row_label) for cell in first.cells] == [
        ("20%", "2024", "Merged code"),
        ("80%", "2026", "Merged code"),
    ]
    assert [(cell.text, cell.header, cell.row_label) for cell in second.cells] == [
        ("self-reported", "2026", "Notes \\| caveats"),  # the empty 2024 cell yields no cell
    ]
    assert_consistent(source, units)


def test_pipe_table_without_outer_pipes() -> None:
    source = "Model | Input | Output\n--- | --- | ---\nGPT-5.4 | $2.50 | $15\n"
    units = segment(source)
    assert [(cell.text, cell.header, cell.row_label) for cell in units[1].cells] == [
        ("$2.50", "Input", "GPT-5.4"),
        ("$15", "Output", "GPT-5.4"),
    ]
    assert_consistent(source, units)


def test_a_pipe_in_prose_is_not_a_table() -> None:
    assert kinds("By Jane Doe | March 5, 2026\nText follows here.") == [
        ("sentence", "By Jane Doe | March 5, 2026"),
        ("sentence", "Text follows here."),
    ]


# ------------------------------------------------------------------------------------- flattened tables


def table_rows(source: str) -> list[tuple[str | None, list[tuple[str, str | None, bool]]]]:
    units = segment(source)
    assert_consistent(source, units)
    return [
        (unit.cells[0].row_label, [(cell.text, cell.header, cell.ambiguous) for cell in unit.cells])
        for unit in units
        if unit.kind == "table_row"
    ]


COMPARISON = (
    "Benchmark GPT-5.4 Claude Opus 4.6 Winner\n"
    "SWE-Bench Pro 57.7% 80.8% Claude (+23.1%)\n"
    "Terminal-Bench 2.0 65.4% Claude\n"
    "OSWorld-Verified 75.0% 72.7% GPT-5.4 (+2.3%)\n"
    "GDPval (knowledge work) 83.0% +144 Elo vs GPT-5.2 Claude\n"
    "MRCR v2 (1M context) 76% Claude\n"
    "BigLaw Bench 91% 90.2% Tie\n"
)


def test_flattened_comparison_table() -> None:
    units = segment(COMPARISON)
    assert [unit.kind for unit in units] == ["table_header"] + ["table_row"] * 6
    assert units[0].table_headers == ("Benchmark", "GPT-5.4", "Claude Opus 4.6", "Winner")
    assert table_rows(COMPARISON) == [
        (
            "SWE-Bench Pro",
            [
                ("57.7%", "GPT-5.4", False),
                ("80.8%", "Claude Opus 4.6", False),
                ("Claude (+23.1%)", "Winner", False),
            ],
        ),
        ("Terminal-Bench 2.0", [("65.4%", None, True), ("Claude", None, True)]),
        (
            "OSWorld-Verified",
            [
                ("75.0%", "GPT-5.4", False),
                ("72.7%", "Claude Opus 4.6", False),
                ("GPT-5.4 (+2.3%)", "Winner", False),
            ],
        ),
        (
            "GDPval (knowledge work)",
            [
                ("83.0%", "GPT-5.4", False),
                ("+144 Elo vs GPT-5.2", "Claude Opus 4.6", False),
                ("Claude", "Winner", False),
            ],
        ),
        ("MRCR v2 (1M context)", [("76%", None, True), ("Claude", None, True)]),
        (
            "BigLaw Bench",
            [("91%", "GPT-5.4", False), ("90.2%", "Claude Opus 4.6", False), ("Tie", "Winner", False)],
        ),
    ]


def test_flattened_price_table_with_long_headers_and_dash_cells() -> None:
    # an API price page copied as text: five-word column names priced "per 1M tokens", and a dash where a row
    # has no value (the chat endpoint has no reasoning budget)
    source = (
        "Model Context Length Max Reasoning Tokens Max Output Tokens 1M Tokens Input Price (Cache Hit) "
        "1M Tokens Input Price (Cache Miss) 1M Tokens Output Price\n"
        "vireo-chat 64K - 8K $0.07 $0.27 $1.10\n"
        "vireo-reasoner 64K 32K 8K $0.14 $0.55 $2.19\n"
    )
    units = segment(source)
    assert units[0].kind == "table_header"
    assert units[0].table_headers == (
        "Model",
        "Context Length",
        "Max Reasoning Tokens",
        "Max Output Tokens",
        "1M Tokens Input Price (Cache Hit)",
        "1M Tokens Input Price (Cache Miss)",
        "1M Tokens Output Price",
    )
    chat, reasoner = table_rows(source)
    assert chat == (
        "vireo-chat",
        [
            ("64K", "Context Length", False),
            ("8K", "Max Output Tokens", False),  # the dash kept the reasoning column's place
            ("$0.07", "1M Tokens Input Price (Cache Hit)", False),
            ("$0.27", "1M Tokens Input Price (Cache Miss)", False),
            ("$1.10", "1M Tokens Output Price", False),
        ],
    )
    assert [header for _, header, _ in reasoner[1]] == list(units[0].table_headers[1:])


def test_a_dash_that_does_not_fill_a_row_is_punctuation() -> None:
    # a dash before words in every row: part of the cell, not an empty one
    source = "Model Score\nOrion-2 71% - strong\nOrion-3 80% - best\n"
    assert [[text for text, _, _ in cells] for _, cells in table_rows(source)] == [["71% - strong"], ["80% - best"]]


@pytest.mark.parametrize(
    ("source", "headers", "rows"),
    [
        (
            "Benchmark GPT-5.4 GPT-5.2 Delta\nGDPval (knowledge work) 83.0% 70.9% +12.1%\n"
            "Toolathlon (tool use) 54.6% 46.3% +8.3%",
            ("Benchmark", "GPT-5.4", "GPT-5.2", "Delta"),
            [
                ("GDPval (knowledge work)", ["83.0%", "70.9%", "+12.1%"]),
                ("Toolathlon (tool use)", ["54.6%", "46.3%", "+8.3%"]),
            ],
        ),
        (
            "Model Input Cached Input Output\nGPT-5.4 $2.50/M tokens $0.25/M tokens $15/M tokens\n"
            "GPT-5.2 $1.75/M tokens $0.175/M tokens $14/M tokens",
            ("Model", "Input", "Cached Input", "Output"),
            [
                ("GPT-5.4", ["$2.50/M tokens", "$0.25/M tokens", "$15/M tokens"]),
                ("GPT-5.2", ["$1.75/M tokens", "$0.175/M tokens", "$14/M tokens"]),
            ],
        ),
        (
            "Model Input Output\nGPT-5.4 $2.50/M tokens $15/M tokens\nClaude Opus 4.6 $5.00/M tokens $25/M tokens",
            ("Model", "Input", "Output"),
            [
                ("GPT-5.4", ["$2.50/M tokens", "$15/M tokens"]),
                ("Claude Opus 4.6", ["$5.00/M tokens", "$25/M tokens"]),
            ],
        ),
        (
            "Metric Value\nClaude Code AI authorship 100% (as of March 7, 2026)\n"
            "New version code AI-written 70-90%\nInternal speedup vs human colleagues 427x on certain tasks\n"
            "Major features shipped (Feb-Mar 2026) 70+ in 52 days\nEngineer productivity increase ~27%",
            ("Metric", "Value"),
            [
                ("Claude Code AI authorship", ["100% (as of March 7, 2026)"]),
                ("New version code AI-written", ["70-90%"]),
                ("Internal speedup vs human colleagues", ["427x on certain tasks"]),
                ("Major features shipped (Feb-Mar 2026)", ["70+ in 52 days"]),
                ("Engineer productivity increase", ["~27%"]),
            ],
        ),
        (
            "Model Released\nClaude Opus 4.6 February 5, 2026\nGPT-5.4 2026-03-05",
            ("Model", "Released"),
            [("Claude Opus 4.6", ["February 5, 2026"]), ("GPT-5.4", ["2026-03-05"])],
        ),
        (  # a header with more words than columns: the surplus joins the row-label header
            "Benchmark Name Score\nSWE-Bench Pro 80.8%\nBigLaw Bench 90.2%",
            ("Benchmark Name", "Score"),
            [("SWE-Bench Pro", ["80.8%"]), ("BigLaw Bench", ["90.2%"])],
        ),
    ],
)
def test_flattened_table_headers(source: str, headers: tuple[str, ...], rows: list[tuple[str, list[str]]]) -> None:
    units = segment(source)
    assert units[0].kind == "table_header"
    assert units[0].table_headers == headers
    found = table_rows(source)
    assert [(label, [text for text, _, _ in cells]) for label, cells in found] == rows
    for _label, cells in found:
        assert [header for _, header, _ in cells] == list(headers[1:])
        assert not any(ambiguous for _, _, ambiguous in cells)


@pytest.mark.parametrize(
    "source",
    [
        # no value tokens: a text table is ordinary lines
        "Safeguard Implementation\nHuman gatekeeping All deployments require human approval\n"
        "Red teaming Adversarial testing before any release",
        "Timeline Development\nQ2 2026 Synthetic data becomes standard\nQ3 2026 Self-evaluation loops arrive",
        # a title above a dateline is not a one-row table
        "Model Showdown Notes\nMarch 9, 2026 \u00b7 6 min read",
        # rows must not end like sentences
        "Model Scores\nClaude scored 80% on the test.\nGPT scored 57% on it.",
    ],
)
def test_not_flattened_tables(source: str) -> None:
    units = segment(source)
    assert not any(unit.kind.startswith("table") for unit in units), [(unit.kind, unit.text) for unit in units]


def test_flattened_table_fixture_file() -> None:
    source = (FIXTURES / "flattened_tables.txt").read_text(encoding="utf-8")
    units = segment(source)
    assert_consistent(source, units)
    headers = [unit.table_headers for unit in units if unit.kind == "table_header"]
    assert headers == [
        ("Benchmark", "GPT-5.4", "Claude Opus 4.6", "Winner"),
        ("Model", "Input", "Cached Input", "Output"),
        ("Metric", "Value"),
    ]
    velocity = [unit for unit in units if unit.section == "Velocity" and unit.kind == "table_row"]
    assert [unit.cells[0].row_label for unit in velocity] == [
        "Claude Code AI authorship",
        "Major features shipped (Feb-Mar 2026)",
        "Engineer productivity increase",
    ]


# ------------------------------------------------------------------------------------ properties, speed

ALPHABET = st.sampled_from(
    list("ab Z9.,!?:;|-#*()$%x\n\t\"'\u2022>`=~_") + ["\u00a0", "1.5", "GPT-5.4 ", "| ", "\n- ", "\n# "]
)


# Whole lines that exercise every structure: tables, lists, fences, headings, wrapped prose.
LINES = st.sampled_from(
    [
        "Benchmark GPT-5.4 GPT-5.2 Delta",
        "GDPval (knowledge work) 83.0% +144 Elo vs GPT-5.2 Claude",
        "| a | b |",
        "|---|---|",
        "- item one.",
        "Heading Here",
        "Long prose line that goes on and on and on past fifty chars and",
        "end of it. Next one.",
        "",
        "```",
        "> quote. Two.",
        "Claude 4 March 5, 2026 (x",
        "## H ##",
        "1. step",
        "    indented continuation",
        "\u2500\u2500\u2500",
        "Title #",
        "(((5% 5% 5%",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.lists(ALPHABET, max_size=80).map("".join), st.lists(LINES, max_size=30).map("\n".join)),
    st.booleans(),
    st.integers(0, 20),
)
def test_segment_never_raises_and_offsets_are_consistent(text: str, markdown: bool, body_start: int) -> None:
    units = segment(text, body_start=min(body_start, len(text)), markdown=markdown)
    assert_consistent(text, units)
    assert all(unit.start >= min(body_start, len(text)) for unit in units)


def test_segment_is_linear_on_a_long_line() -> None:
    sentence = "Claude Opus 4.6 scored 80.8% vs. GPT-5.4 at $2.50 per call, e.g. on SWE-Bench Pro. "
    text = sentence * (2_000_000 // len(sentence))  # one 2 MB line
    started = time.perf_counter()
    units = segment(text)
    elapsed = time.perf_counter() - started
    assert len(units) == text.count("Pro. ")
    assert elapsed < 4.0  # about 0.5 s on a laptop; a quadratic step would take minutes


@pytest.mark.parametrize("line", ["." * 400_000 + "x", "(" * 200_000 + "1%", "| " * 200_000, "1" * 400_000 + "%"])
def test_pathological_lines_are_fast(line: str) -> None:
    started = time.perf_counter()
    segment(f"Header Row\n{line}\n{line}\n")
    assert time.perf_counter() - started < 2.0


def test_versioned_names_sharing_a_prefix_split_into_their_own_columns() -> None:
    from claimcheck.loading.segment import _split_header

    assert _split_header("Benchmark Corvid Swift 3 Corvid Swift 2 Delta".split(), 3) == (
        "Benchmark",
        ["Corvid Swift 3", "Corvid Swift 2", "Delta"],
    )
    assert _split_header("Model Input Cached Input Output".split(), 3) == ("Model", ["Input", "Cached Input", "Output"])


def test_a_sentence_of_megabytes_is_split_into_bounded_pieces_at_clause_breaks() -> None:
    from claimcheck.loading.segment import MAX_UNIT_CHARS

    clause = "Revenue rose 12% in May 2025, costs fell 3% and the team grew to 40 people; "
    text = (clause * 3_000).rstrip("; ") + ".\n"  # one 230 KB line, no sentence end before the last
    units = segment(text)
    assert len(units) > 200
    assert all(len(u.text) <= MAX_UNIT_CHARS for u in units)
    assert all(text[u.start : u.end] == u.text for u in units)
    assert all(u.text.endswith((";", ",", ".")) for u in units)  # cut at a clause break, not mid-word


def test_a_long_list_item_without_punctuation_is_split_too() -> None:
    from claimcheck.loading.segment import MAX_UNIT_CHARS

    text = "- " + "word " * 5_000 + "\n"
    units = segment(text, markdown=True)
    assert len(units) > 1 and all(len(u.text) <= MAX_UNIT_CHARS for u in units)
    assert "".join(u.text for u in units).replace(" ", "") == text[2:].replace(" ", "").strip()


_LONG = (
    "Tern Labs has released its Kestrel 3 model, a sparse mixture-of-experts design that activates a small "
    "share of its weights for each token and was trained on a large corpus of licensed text."
)


@pytest.mark.parametrize("markdown", [True, False])
def test_a_page_with_one_paragraph_per_line_keeps_each_line_apart(markdown: bool) -> None:
    # copied from a web page: a title and fact lines that do not end a sentence are units of their own
    text = f"Kestrel 3: Training a Frontier Model on a Budget\n{_LONG}\nTraining time: 280K GPU hours\n{_LONG}\n"
    units = segment(text, markdown=markdown)
    texts = [u.text for u in units]
    assert "Kestrel 3: Training a Frontier Model on a Budget" in texts
    assert "Training time: 280K GPU hours" in texts


def test_hard_wrapped_prose_still_joins_its_lines() -> None:
    text = (
        "Tern Labs has released its Kestrel 3 model, a sparse mixture of\n"
        "experts that activates a small share of its weights for each token\n"
        "and was trained on a large corpus of licensed text that the lab\n"
        "bought from publishers over the past two years.\n"
    )
    assert [u.text.count("\n") for u in segment(text, markdown=True)] == [3]


def test_a_line_cut_after_a_function_word_continues_on_a_page_of_long_lines() -> None:
    text = f"{_LONG}\nThe model was trained by the\nteam in Lisbon over six months.\n{_LONG}\n"
    assert any("the\nteam in Lisbon" in u.text for u in segment(text, markdown=False))


def test_a_pipe_table_without_its_separator_line_is_still_a_table() -> None:
    text = (
        "Intro line.\n| Metric | Kestrel 3 | Orion-2 |\n| Training Cost | $5.6M | $100M+ |\n"
        "| GPU Hours | 2.8M | 30M |\n"
    )
    units = segment(text, markdown=True)
    rows = [u for u in units if u.kind == "table_row"]
    assert len(rows) == 2 and rows[0].table_headers[1:] == ("Kestrel 3", "Orion-2")
    assert [c.text for c in rows[1].cells] == ["2.8M", "30M"]
    assert {c.row_label for c in rows[1].cells} == {"GPU Hours"}


def test_flattened_header_with_two_word_column_names() -> None:
    text = (
        "A sentence long enough to read as prose in a page whose lines are whole paragraphs, copied from a site.\n"
        "Model Active Params Total Params Experts Context Window\n"
        "Kestrel 4 Scout 17B 109B 16 10M tokens\n"
        "Kestrel 4 Max 17B 400B 128 Not published\n"
    )
    rows = [u for u in segment(text) if u.kind == "table_row"]
    assert rows[0].table_headers == ("Model", "Active Params", "Total Params", "Experts", "Context Window")
    assert [(c.text, c.header) for c in rows[0].cells][:2] == [("17B", "Active Params"), ("109B", "Total Params")]
