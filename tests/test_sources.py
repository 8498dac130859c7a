"""Loading: discovery of files in folders, metadata (front matter, sources.yaml, HTML, datelines), skipped
files."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from claimcheck.errors import ConfigError, InputError
from claimcheck.loading.sources import (
    ArticleFile,
    discover,
    find_dateline,
    load_article,
    metadata_date,
    parse_front_matter,
)
from claimcheck.models import Article, Skipped

FIXTURES = Path(__file__).parent / "fixtures" / "loader"
PROMO = "Free visibility audits for every brand this month only. See how AI search engines view you (click)"
BODY = "Claude Opus 4.6 scored 80.8% on SWE-Bench Pro. GPT-5.4 scored 57.7%.\n"


def load_paths(paths: list[Path] | list[str]) -> tuple[list[Article], list[Skipped]]:
    """Discover and load every article under ``paths`` in order, as the pipeline's loading step does."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in discover(paths):
        loaded = (
            load_article(item.path, key=item.key, display=item.display, extra_meta=item.meta)
            if isinstance(item, ArticleFile)
            else item
        )
        if isinstance(loaded, Article):
            articles.append(loaded)
        elif isinstance(loaded, Skipped):
            skipped.append(loaded)
    return articles, skipped


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load_one(path: Path, meta: dict[str, object] | None = None) -> Article:
    loaded = load_article(path, key=path.name, display=path.name, extra_meta=meta)
    assert isinstance(loaded, Article), loaded
    return loaded


def assert_units_consistent(article: Article) -> None:
    for unit in article.units:
        assert unit.text == article.text[unit.start : unit.end]
        assert article.position(unit.start) == (unit.line, unit.column)


# ---------------------------------------------------------------------------------------------- fixtures


def test_fixture_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES.parent.parent.parent)
    articles, skipped = load_paths([Path("tests/fixtures/loader")])
    assert skipped == []
    assert [article.source.key for article in articles] == ["article.md", "flattened_tables.txt", "page.html"]
    assert [article.source.path for article in articles] == [
        "tests/fixtures/loader/article.md",
        "tests/fixtures/loader/flattened_tables.txt",
        "tests/fixtures/loader/page.html",
    ]
    markdown, text, html = (article.source for article in articles)
    assert (markdown.format, text.format, html.format) == ("markdown", "text", "html")
    assert markdown.title == "Agents Write Most of the Code"
    assert markdown.outlet == "Example Weekly"  # from "site"
    assert markdown.author == "Ada Lovelace, Alan Turing"
    assert (markdown.published, markdown.published_from) == (dt.date(2026, 3, 5), "front-matter")
    assert (text.title, text.published, text.published_from) == (
        "Model Showdown Notes",
        dt.date(2026, 3, 9),
        "dateline",
    )
    for article in articles:
        assert article.source.sha256 == hashlib.sha256((FIXTURES / article.source.key).read_bytes()).hexdigest()
        assert_units_consistent(article)


def test_markdown_front_matter_lines_stay_in_the_text() -> None:
    article = load_one(FIXTURES / "article.md")
    assert article.text == (FIXTURES / "article.md").read_text(encoding="utf-8")
    assert article.units[0].kind == "heading" and article.units[0].line == 9
    assert not any("title:" in unit.text for unit in article.units)
    table = [unit for unit in article.units if unit.kind == "table_row"]
    assert [(cell.text, cell.header, cell.row_label) for cell in table[0].cells] == [
        ("20%", "2024", "Merged code by agents"),
        ("80%", "2026", "Merged code by agents"),
    ]
    assert not any("99%" in unit.text for unit in article.units)  # inside a code fence


def test_html_page() -> None:
    article = load_one(FIXTURES / "page.html")
    source = article.source
    assert source.format == "html"
    assert source.title == "Claude 5 ships with faster agents"
    assert source.outlet == "Example News"
    assert source.url == "https://news.example.com/claude-5"
    assert source.author == "Jane Doe"
    assert (source.published, source.published_from) == (dt.date(2026, 3, 5), "html-metadata")
    assert "scores 85.0% on SWE-Bench Pro" in article.text
    for boilerplate in (
        "Navigation menu entry",
        "Subscribe to our newsletter",
        "Copyright",
        "Privacy policy",
    ):
        assert boilerplate not in article.text
    assert any(unit.text.startswith("The model scores 85.0%") for unit in article.units)
    assert_units_consistent(article)


def test_html_without_main_text_falls_back_to_page_text(tmp_path: Path) -> None:
    page = write(
        tmp_path / "tiny.html",
        "<html><head><title>Tiny</title></head><body><p>Only 3 words.</p></body></html>",
    )
    article = load_one(page)
    assert "Only 3 words." in article.text
    assert article.source.title == "Tiny"


def test_html_with_no_text_is_skipped(tmp_path: Path) -> None:
    page = write(tmp_path / "empty.html", "<html><head><script>var x = 1;</script></head><body></body></html>")
    assert load_article(page, key="empty.html", display="empty.html", extra_meta=None) == Skipped(
        path="empty.html", reason="no article text found in HTML"
    )


# ------------------------------------------------------------------------------------------ front matter


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("title: T\npublished: 2026-03-05\n", dt.date(2026, 3, 5)),  # a YAML date
        ("date: 2026-03-05T10:00:00Z\n", dt.date(2026, 3, 5)),  # a YAML timestamp
        ("date: '2026-03-05T10:00:00Z'\n", dt.date(2026, 3, 5)),
        ("published: March 5, 2026\n", dt.date(2026, 3, 5)),
        ("published: 5 March 2026\n", dt.date(2026, 3, 5)),
        ("published: Mar. 5, 2026\n", dt.date(2026, 3, 5)),
        ("published: '2026/03/05'\n", dt.date(2026, 3, 5)),
        ("published: March 3, 2026\n", dt.date(2026, 3, 3)),
        ("published: march 3, 2026\n", dt.date(2026, 3, 3)),  # a field is a date by position: case says nothing
        ("published: Tuesday, March 3, 2026\n", dt.date(2026, 3, 3)),
        ("date: 2026-03-03 09:30:00\n", dt.date(2026, 3, 3)),  # a YAML timestamp with a space
        ("date: '2026-03-03T09:30:00+02:00'\n", dt.date(2026, 3, 3)),
    ],
)
def test_front_matter_dates(front_matter: str, expected: dt.date) -> None:
    fields, body_start = parse_front_matter(f"---\n{front_matter}---\n# Body\n")
    assert fields["published"] == expected
    assert body_start == len(f"---\n{front_matter}---\n")


def test_front_matter_aliases_and_unknown_fields() -> None:
    fields, _ = parse_front_matter("---\npublisher: The Outlet\nlayout: post\nurl: https://x.example\n---\n")
    assert fields == {"outlet": "The Outlet", "url": "https://x.example"}


def test_markdown_without_front_matter(tmp_path: Path) -> None:
    article = load_one(write(tmp_path / "plain.md", f"# A Plain Title\n\n{BODY}"))
    assert article.source.title == "A Plain Title"
    assert article.source.published_from == "unknown"
    assert article.units[0].line == 1


def test_a_leading_rule_without_closing_is_not_front_matter(tmp_path: Path) -> None:
    assert parse_front_matter("---\nJust a rule and text.\n") == ({}, 0)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("---\ntitle: A\nauthor: [unclosed\n---\nBody.\n", "malformed front matter: "),
        ("---\ntitle: ok\n  bad: indent\n---\nBody.\n", "at line 3"),
        ("---\n- a list\n---\nBody.\n", "malformed front matter: expected a mapping of fields at line 2"),
    ],
)
def test_malformed_front_matter_is_skipped_with_the_line(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path / "bad.md", content)
    loaded = load_article(path, key="bad.md", display="bad.md", extra_meta=None)
    assert isinstance(loaded, Skipped)
    assert reason in loaded.reason
    assert loaded.reason.startswith("malformed front matter: ")
    assert " at line " in loaded.reason


def test_an_unreadable_date_field_leaves_the_article_readable_with_the_problem_noted(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.md", "---\ntitle: A\ndate: someday soon\n---\nBody.\n")
    loaded = load_article(path, key="bad.md", display="bad.md", extra_meta={"published": dt.date(2026, 1, 2)})
    assert not isinstance(loaded, Skipped)
    assert loaded.source.title == "A" and loaded.source.published == dt.date(2026, 1, 2)
    assert loaded.source.metadata_problems == ("front matter: cannot read date 'someday soon' as a date at line 3",)


def test_malformed_front_matter_reports_the_file_line(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.md", "---\ntitle: A\nauthor: [unclosed\n---\nBody.\n")
    loaded = load_article(path, key="bad.md", display="bad.md", extra_meta=None)
    assert isinstance(loaded, Skipped)
    assert loaded.reason.endswith("at line 4")  # PyYAML notices the problem on the closing line


# --------------------------------------------------------------------------------------- dates, titles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n\nMarch 5, 2026(Updated: March 6, 2026)\n15 min read\n\nBody.", dt.date(2026, 3, 5)),
        ("Title\nPublished: 2026-03-05\nBody.", dt.date(2026, 3, 5)),
        ("Title\nPosted on March 5th, 2026\nBody.", dt.date(2026, 3, 5)),
        ("Title\nBy Jane Doe | March 5, 2026\nBody.", dt.date(2026, 3, 5)),
        ("Title\nBy Jane Doe - 5 March 2026\nBody.", dt.date(2026, 3, 5)),
        ("Title\nBy Jane Doe \u2014 5 March 2026\nBody.", dt.date(2026, 3, 5)),
        ("Title\nMar 5, 2026 \u00b7 4 min read\nBody.", dt.date(2026, 3, 5)),
        ("Title\n2026-03-05\nBody.", dt.date(2026, 3, 5)),
        ("Title\n2026-03-05T10:00:00Z\nBody.", dt.date(2026, 3, 5)),
        ("Title\nThursday, March 5, 2026\nBody.", dt.date(2026, 3, 5)),
        ("Title\nUpdated: March 6, 2026\nPublished: March 5, 2026\n", dt.date(2026, 3, 5)),
        ("Title\nMarch 5, 2026 was the day it shipped.\n", None),  # a sentence, not a dateline
        ("Title\nIt shipped on March 5, 2026.\n", None),
        ("Title\nMarch 2026\n", None),  # not a full date
        ("\n".join(["Line."] * 20) + "\nMarch 5, 2026\n", None),  # too far down
        (
            "Title\nFebruary 30, 2026\nMarch 1, 2026\n",
            dt.date(2026, 3, 1),
        ),  # an impossible date is no dateline
    ],
)
def test_dateline(text: str, expected: dt.date | None) -> None:
    assert find_dateline(text) == expected


def test_metadata_dates_are_read_by_the_one_date_grammar() -> None:
    """Front matter, sources.yaml, HTML metadata and datelines read dates with ``values.dates``, nothing else."""
    from claimcheck.values.dates import calendar_date

    for text in ("2026-03-03", "March 3, 2026", "3 March 2026", "2026-03-03T09:30:00Z", "Tue, 03 Mar 2026"):
        assert metadata_date(text) == calendar_date(text) == dt.date(2026, 3, 3)
    source = (Path(__file__).parent.parent / "src" / "claimcheck" / "loading" / "sources.py").read_text("utf-8")
    assert "fromisoformat" not in source and "feb" not in source.lower()  # no month table, no ISO parsing of its own


@pytest.mark.parametrize(
    "value", ["someday", "2026", "March 2026", "13/13/2026", 20260305, "2026-02-30", "2026-13-45", "March 3-5, 2026"]
)
def test_metadata_date_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        metadata_date(value)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Plain Title\n\nBody text here.\n", "The Plain Title"),
        ("This first line is a sentence.\n\nBody.\n", None),
        (PROMO + "\nThe Real Title\n\nBody text.\n", "The Real Title"),
        ("Section Title #\n\nBody.\n", "Section Title"),
        (("Very long first line " * 10) + "\n\nBody.\n", None),
    ],
)
def test_plain_text_title(tmp_path: Path, text: str, title: str | None) -> None:
    assert load_one(write(tmp_path / "a.txt", text)).source.title == title


# ----------------------------------------------------------------------------------------- sources.yaml


def test_sources_yaml_fills_metadata_and_front_matter_wins(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "sub" / "b.md", f"---\ntitle: Own Title\ndate: 2026-01-02\n---\n{BODY}")
    write(
        tmp_path / "sources.yaml",
        "a.txt:\n  title: From YAML\n  outlet: Outlet A\n  published: March 5, 2026\n"
        "sub/b.md:\n  title: Ignored\n  site: Outlet B\n  date: 2026-03-05\n",
    )
    articles, skipped = load_paths([tmp_path])
    assert skipped == []
    first, second = (article.source for article in articles)
    assert (first.title, first.outlet, first.published, first.published_from) == (
        "From YAML",
        "Outlet A",
        dt.date(2026, 3, 5),
        "sources.yaml",
    )
    assert (second.title, second.outlet, second.published, second.published_from) == (
        "Own Title",
        "Outlet B",
        dt.date(2026, 1, 2),
        "front-matter",
    )


def test_nested_sources_yaml_wins_over_outer(tmp_path: Path) -> None:
    write(tmp_path / "sub" / "b.txt", BODY)
    write(tmp_path / "sources.yml", "sub/b.txt: {outlet: Outer, author: Outer Author}\n")
    write(tmp_path / "sub" / "sources.yaml", "b.txt: {outlet: Inner}\n")
    [article], _ = load_paths([tmp_path])
    assert (article.source.outlet, article.source.author) == ("Inner", "Outer Author")


def test_sources_yaml_applies_to_a_file_argument(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "sources.yaml", "a.txt: {outlet: Outlet A}\n")
    [article], _ = load_paths([tmp_path / "a.txt"])
    assert article.source.outlet == "Outlet A"
    assert article.source.key == "a.txt"


def test_sources_yaml_naming_a_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "docs" / "a.txt", BODY)
    write(tmp_path / "docs" / "sources.yaml", "a.txt: {outlet: A}\ngone.txt: {outlet: B}\n")
    articles, skipped = load_paths(["docs"])
    assert len(articles) == 1
    assert skipped == [Skipped(path="docs/gone.txt", reason="sources.yaml names a missing file: gone.txt")]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("a.txt:\n  title: x\n bad indentation: here\n", 3, "malformed YAML"),
        ("a.txt:\n  title: [unclosed\n", 3, "malformed YAML"),
        ("- a.txt\n- b.txt\n", 1, "expected a mapping from file names"),
        ("a.txt: just a string\n", 1, "must be a mapping of fields"),
        ("a.txt:\n  title: ok\n  titel: typo\n", 3, "unknown field 'titel'"),
        ("a.txt:\n  outlet: ok\n  published: next week\n", 3, "cannot read published 'next week' as a date"),
    ],
)
def test_malformed_sources_yaml_raises_config_error(tmp_path: Path, content: str, line: int, message: str) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "sources.yaml", content)
    with pytest.raises(ConfigError) as raised:
        load_paths([tmp_path])
    assert raised.value.line == line
    assert message in str(raised.value)
    assert str(raised.value).startswith(f"{(tmp_path / 'sources.yaml').as_posix()}:{line}: ")


def test_both_sources_yaml_and_yml_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "sources.yaml", "{}\n")
    write(tmp_path / "sources.yml", "{}\n")
    with pytest.raises(ConfigError, match="keep one"):
        load_paths([tmp_path])


# ------------------------------------------------------------------------------------------- discovery


def test_folder_order_hidden_and_non_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ["b.txt", "a/z.md", "a.txt", "B.txt", "a/b/c.htm", "notes.markdown", "image.png", "README"]:
        write(tmp_path / "in" / name, "<p>Text body here.</p>" if name.endswith("htm") else BODY)
    write(tmp_path / "in" / ".hidden.txt", BODY)
    write(tmp_path / "in" / ".git" / "x.txt", BODY)
    articles, skipped = load_paths(["in"])
    assert [article.source.key for article in articles] == [
        "B.txt",
        "a/b/c.htm",
        "a/z.md",
        "a.txt",
        "b.txt",
        "notes.markdown",
    ]
    assert [article.source.path for article in articles][0] == "in/B.txt"
    assert skipped == [
        Skipped(path="in/README", reason="not an article (no extension)"),
        Skipped(path="in/image.png", reason="not an article (.png)"),
    ]


def test_paths_outside_the_working_directory_are_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "data" / "a.txt", BODY)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    [article], _ = load_paths([tmp_path / "data"])
    assert article.source.path == (tmp_path / "data" / "a.txt").as_posix()
    assert article.source.key == "a.txt"


def test_missing_path_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory: .*nope"):
        load_paths([tmp_path / "nope"])


def test_file_arguments(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "x.pdf", b"%PDF-1.4")
    write(tmp_path / "sources.yaml", "{}\n")
    articles, skipped = load_paths(
        [tmp_path / "a.txt", tmp_path / "x.pdf", tmp_path / "sources.yaml", tmp_path / "a.txt"]
    )
    assert [article.source.key for article in articles] == ["a.txt"]  # named twice, loaded once
    assert [item.reason for item in skipped] == [
        "not an article (.pdf)",
        "sources.yaml holds metadata, not an article",
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loops_terminate_and_targets_load_once(tmp_path: Path) -> None:
    root = tmp_path / "root"
    write(root / "sub" / "a.txt", BODY)
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "alias").symlink_to(root / "sub", target_is_directory=True)  # inside the tree: walked under its name
    write(tmp_path / "outside" / "o.txt", BODY)
    (root / "ext1").symlink_to(tmp_path / "outside", target_is_directory=True)
    (root / "ext2").symlink_to(tmp_path / "outside", target_is_directory=True)
    (root / "broken.txt").symlink_to(tmp_path / "missing.txt")
    articles, skipped = load_paths([root])
    assert [article.source.key for article in articles] == ["ext1/o.txt", "sub/a.txt"]
    assert [(Path(item.path).name, item.reason) for item in skipped] == [("broken.txt", "broken symbolic link")]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n  ", "empty file"),
        (codecs.BOM_UTF8 + b"\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (contains NUL bytes)"),
    ],
)
def test_unusable_files_are_skipped(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write(tmp_path / "f.txt", content)
    assert load_article(path, key="f.txt", display="f.txt", extra_meta=None) == Skipped(path="f.txt", reason=reason)


def test_a_vanished_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "f.txt", BODY)
    [item] = discover([tmp_path])
    path.unlink()
    assert not isinstance(item, Skipped)
    loaded = load_article(item.path, key=item.key, display=item.display, extra_meta=item.meta)
    assert isinstance(loaded, Skipped) and "disappeared" in loaded.reason


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read anything")
def test_an_unreadable_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "f.txt", BODY)
    path.chmod(0)
    try:
        assert load_article(path, key="f.txt", display="f.txt", extra_meta=None) == Skipped(
            path="f.txt", reason="permission denied"
        )
    finally:
        path.chmod(0o644)


# ------------------------------------------------------------------------------------ encodings, lines


def test_crlf_file_keeps_line_numbers(tmp_path: Path) -> None:
    raw = "Title Here\r\n\r\nFirst sentence. Second one.\r\n\r\nThird paragraph.\r\n"
    article = load_one(write(tmp_path / "crlf.txt", raw.encode()))
    assert len(article.text) == len(raw)
    assert [(unit.text, unit.line, unit.column) for unit in article.units] == [
        ("Title Here", 1, 1),
        ("First sentence.", 3, 1),
        ("Second one.", 3, 17),
        ("Third paragraph.", 5, 1),
    ]
    assert_units_consistent(article)


def test_cp1252_file(tmp_path: Path) -> None:
    article = load_one(write(tmp_path / "legacy.txt", b"Caf\xe9 owners said \x93it works\x94 \x96 really.\n"))
    assert article.source.encoding == "cp1252"
    assert article.text == 'Caf\u00e9 owners said "it works" - really.\n'


def test_utf16_file(tmp_path: Path) -> None:
    article = load_one(write(tmp_path / "wide.txt", BODY.encode("utf-16")))
    assert article.source.encoding == "utf-16-le"
    assert article.text == BODY


def test_seed_like_text_is_normalised(tmp_path: Path) -> None:
    raw = "Anthropic\u2019s self\u2011improvement claim\u2014\u201cbold\u201d\u00a0indeed.\n"
    article = load_one(write(tmp_path / "u.txt", raw))
    assert article.text == 'Anthropic\'s self-improvement claim\u2014"bold" indeed.\n'
    assert len(article.text) == len(raw)


def test_directory_copy_keeps_relative_keys(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "copy")
    articles, _ = load_paths([tmp_path / "copy"])
    assert [article.source.key for article in articles] == ["article.md", "flattened_tables.txt", "page.html"]


def test_discovery_returns_typed_items_articles_records_and_skipped(tmp_path: Path) -> None:
    from claimcheck.loading.sources import RecordsFile

    (tmp_path / "a.md").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.md.yaml").write_text("schema: claimcheck.claims/1\nsource: {}\nclaims: []\n", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("todo: check the prices\n", encoding="utf-8")
    found = {type(item).__name__: item for item in discover([tmp_path])}
    assert isinstance(found["ArticleFile"], ArticleFile) and found["ArticleFile"].key == "a.md"
    assert isinstance(found["RecordsFile"], RecordsFile) and found["RecordsFile"].path.name == "a.md.yaml"
    skipped = found["Skipped"]
    assert isinstance(skipped, Skipped) and skipped.path.endswith("notes.yaml") and ".yaml" in skipped.reason
