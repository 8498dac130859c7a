"""The loading stage: paths on disk to ``Article`` records (or ``Skipped`` ones, with a reason).

This module owns input discovery (folders walked recursively in a stable order, hidden entries ignored,
symlinked folders followed once), article metadata (Markdown front matter, ``sources.yaml``, HTML metadata,
datelines and title lines) and the per-file pipeline bytes -> decoded text -> normalised text -> units.

``discover`` lists the work without reading articles (article files, claim-record files written by ``extract
--out``, and skipped inputs with a reason) and ``load_article`` handles one file (pure apart from reading it), so
a caller may run ``load_article`` in worker processes. ``read_by`` answers, with the same rule, whether a run
over some inputs would read a given path (the CLI keeps ``--output`` off the inputs with it). Dates in metadata
and datelines are read by the one date grammar, ``values.dates``.

Citations point at ``Article.text``. For text and Markdown files that is the file's own text (normalised one
character for one, so line and column numbers are the editor's). For HTML files it is the main text extracted
from the page, so their line numbers refer to the extracted text, not to the HTML source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from ..errors import ConfigError, InputError, NotTextError, config_error_from_yaml, yaml_problem
from ..models import CLAIMS_SCHEMA, Article, DateOrigin, Skipped, Source, SourceFormat
from ..values.dates import calendar_date, calendar_day, find_dates
from .segment import line_starts, segment
from .textnorm import decode, normalize

ARTICLE_SUFFIXES: Mapping[str, SourceFormat] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
METADATA_NAMES = ("sources.yaml", "sources.yml")
MAX_BYTES = 32 * 1024 * 1024  # far above any article; keeps a stray log dump from stalling the run

# Metadata field names as written -> canonical name; earlier spellings win when a file uses several.
_FIELD_NAMES: Mapping[str, str] = {
    "title": "title",
    "outlet": "outlet",
    "site": "outlet",
    "publisher": "outlet",
    "url": "url",
    "author": "author",
    "published": "published",
    "date": "published",
}
_TITLE_MAX = 150
_DATELINE_LINES = 15


@dataclass(frozen=True)
class ArticleFile:
    """One article file found by ``discover``: what ``load_article`` needs to load it."""

    path: Path
    key: str
    display: str
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordsFile:
    """A claim-record file written by ``extract --out`` (read by ``review.records.read_claims``)."""

    path: Path
    display: str


Discovered = ArticleFile | RecordsFile | Skipped


# ------------------------------------------------------------------------------------------- public API


def discover(paths: Sequence[str | Path]) -> list[Discovered]:
    """List the inputs under ``paths`` without reading articles: article files (with keys and ``sources.yaml``
    metadata), claim-record files, and what is skipped, with the reason.

    Folders are walked recursively, entries sorted by name (case-sensitive) at every level, which is the order
    of their relative paths compared part by part. A file reached twice (named twice, or through a symlink) is
    loaded once, under the first name it was reached by. Raises ``InputError`` for a path that does not exist
    and ``ConfigError`` for a malformed ``sources.yaml``.
    """
    found: list[Discovered] = []
    seen_files: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():  # also a symlink whose target is gone
            raise InputError(f"no such file or directory: {raw}")
        items = _walk_folder(path) if path.is_dir() else _single_file(path)
        for item in items:
            if not isinstance(item, Skipped):
                real = item.path.resolve()
                if real in seen_files:
                    continue
                seen_files.add(real)
            found.append(item)
    return found


@dataclass(frozen=True)
class ReadBy:
    """How a run would read a file: as one of its inputs, or found by walking an input folder."""

    input: str  # the input path as given
    in_folder: bool  # False: the file is that input itself


def read_by(path: Path, inputs: Sequence[str | Path]) -> ReadBy | None:
    """Whether a run over ``inputs`` reads ``path`` (an input itself, or a file discovery picks up in an input
    folder: an article, a claim-records file, a ``sources.yaml``), and through which input; None when it never
    would. ``path`` need not exist: a file with an article's name would be read once written. The one rule
    ``discover`` follows, also used to keep ``--output`` from overwriting an input or landing among them.
    """
    target = path.resolve()
    for raw in inputs:
        source = Path(raw).resolve()
        if target == source:
            return ReadBy(str(raw), in_folder=False)
        if not source.is_dir() or not target.is_relative_to(source):
            continue
        parts = target.relative_to(source).parts
        if any(_passed_over(part) for part in parts[:-1]):
            continue  # inside a hidden folder, which is never walked
        if _entry_kind(target) in ("metadata", "records", "article"):
            return ReadBy(str(raw), in_folder=True)
    return None


def _passed_over(name: str) -> bool:
    """A folder entry discovery never looks into: hidden ones."""
    return name.startswith(".")


EntryKind = Literal["hidden", "metadata", "records", "article", "other"]


def _entry_kind(path: Path) -> EntryKind:
    """What discovery makes of a file in a folder it walks (by name, and for YAML by the schema it declares)."""
    if _passed_over(path.name):
        return "hidden"
    if path.name in METADATA_NAMES:
        return "metadata"
    if is_claims_file(path):
        return "records"
    return "article" if path.suffix.lower() in ARTICLE_SUFFIXES else "other"


def is_claims_file(path: Path) -> bool:
    """A YAML file that declares the claim-record schema near its top (sniffed, not parsed)."""
    if path.suffix.lower() not in (".yaml", ".yml") or path.name in METADATA_NAMES:
        return False
    try:
        with path.open("r", encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return CLAIMS_SCHEMA in head


def load_article(
    path: Path, *, key: str, display: str, extra_meta: Mapping[str, Any] | None = None
) -> Article | Skipped:
    """Read, decode, normalise and segment one file; fill its ``Source`` from the file and ``extra_meta``.

    ``extra_meta`` holds ``sources.yaml`` fields (canonical names, ``published`` a date): they fill what the
    file itself does not say. Never raises for a problem with the file; returns ``Skipped`` with the reason
    instead.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            limit = MAX_BYTES // 2**20
            return Skipped(path=display, reason=f"file too large ({size / 2**20:.0f} MiB; the limit is {limit} MiB)")
        data = path.read_bytes()
    except FileNotFoundError:
        return Skipped(path=display, reason="file disappeared before it could be read")
    except PermissionError:
        return Skipped(path=display, reason="permission denied")
    except IsADirectoryError:
        return Skipped(path=display, reason="is a directory")
    except OSError as error:
        return Skipped(path=display, reason=f"cannot read file: {error.strerror or error}")

    try:
        decoded, encoding = decode(data)
    except NotTextError as error:
        return Skipped(path=display, reason=error.reason)
    if not decoded.strip():
        return Skipped(path=display, reason="empty file")
    if _OWN_REPORT.match(decoded):
        return Skipped(path=display, reason="a claimcheck report (written by claimcheck, not an article)")

    source_format = ARTICLE_SUFFIXES.get(path.suffix.lower(), "text")
    problems: list[str] = []
    file_meta: dict[str, Any] = {}
    origin: DateOrigin = "front-matter"
    body_start = 0
    if source_format == "html":
        extracted, file_meta = extract_html(decoded)
        if not extracted.strip():
            return Skipped(path=display, reason="no article text found in HTML")
        text = normalize(extracted)
        origin = "html-metadata"
    else:
        text = normalize(decoded)
        if source_format == "markdown":
            try:
                file_meta, body_start = parse_front_matter(text, problems=problems)
            except _FrontMatterError as error:
                return Skipped(path=display, reason=f"malformed front matter: {error}")

    notes: list[str] = []
    units = segment(text, body_start=body_start, markdown=source_format == "markdown", notes=notes)
    meta = dict(extra_meta or {})
    published, published_from = _choose_date(file_meta, meta, origin, text, body_start)
    title = file_meta.get("title") or meta.get("title") or _title_line(text, body_start, units)
    source = Source(
        path=display,
        key=key,
        format=source_format,
        title=title,
        outlet=file_meta.get("outlet") or meta.get("outlet"),
        url=file_meta.get("url") or meta.get("url"),
        author=file_meta.get("author") or meta.get("author"),
        published=published,
        published_from=published_from,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        metadata_problems=tuple(problems),
        notes=tuple(notes),
    )
    return Article(source=source, text=text, units=units, line_starts=line_starts(text))


# claimcheck's own reports (``audit -o report.md`` into an input folder) open with their title line: read as
# an article they would be audited against themselves on the next run
_OWN_REPORT = re.compile(r"\ufeff?\s*(?:#[ \t]+)?claimcheck (?:audit|diff|timeline|version timeline)\b")


def display_path(path: Path) -> str:
    """A path as the user would write it: relative to the current directory when under it, POSIX slashes."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except (ValueError, OSError):
        return absolute.as_posix()


# -------------------------------------------------------------------------------------------- discovery


def _single_file(path: Path) -> list[Discovered]:
    display = display_path(path)
    if is_claims_file(path):
        return [RecordsFile(path, display)]
    if path.name in METADATA_NAMES:
        return [Skipped(path=display, reason=f"{path.name} holds metadata, not an article")]
    reason = _not_an_article(path)
    if reason:
        return [Skipped(path=display, reason=reason)]
    entries = _read_sources_yaml(path.parent)
    return [ArticleFile(path, path.name, display, entries.get(path.name, {}))]


def _not_an_article(path: Path) -> str | None:
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        return f"not an article ({path.suffix.lower()})" if path.suffix else "not an article (no extension)"
    if not path.is_file():
        return "not a regular file"
    return None


def _walk_folder(root: Path) -> list[Discovered]:
    found: list[Discovered] = []
    real_root = root.resolve()
    visited = {real_root}
    # Metadata from every sources.yaml between the root and a file; deeper files win.
    scopes: list[tuple[str, dict[str, dict[str, Any]]]] = []

    def walk(folder: Path, relative: str) -> Iterator[Discovered]:
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield Skipped(path=display_path(folder), reason=f"cannot list folder: {error.strerror or error}")
            return
        metadata = _read_sources_yaml(folder, entries)
        scopes.append((relative, metadata))
        for name in metadata:
            if not (folder / name).is_file():
                yield Skipped(path=display_path(folder / name), reason=f"sources.yaml names a missing file: {name}")
        for entry in entries:
            entry_path = Path(entry.path)
            if _passed_over(entry.name) or entry.name in METADATA_NAMES:
                continue  # sources.yaml was read above, for its metadata
            key = f"{relative}{entry.name}"
            if _is_dir(entry):
                real = entry_path.resolve()
                if entry.is_symlink() and (real in visited or real.is_relative_to(real_root)):
                    continue  # a loop, or a folder walked under its own name anyway
                visited.add(real)
                yield from walk(entry_path, f"{key}/")
                continue
            display = display_path(entry_path)
            if entry.is_symlink() and not entry_path.exists():
                yield Skipped(path=display, reason="broken symbolic link")
                continue
            if _entry_kind(entry_path) == "records":
                yield RecordsFile(entry_path, display)
                continue
            reason = _not_an_article(entry_path)
            if reason:
                yield Skipped(path=display, reason=reason)
                continue
            yield ArticleFile(entry_path, key, display, _scoped_meta(scopes, key))
        scopes.pop()

    found.extend(walk(root, ""))
    return found


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _scoped_meta(scopes: list[tuple[str, dict[str, dict[str, Any]]]], key: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for prefix, metadata in scopes:
        merged.update(metadata.get(key[len(prefix) :], {}))
    return merged


# ---------------------------------------------------------------------------------------- sources.yaml


def _read_sources_yaml(folder: Path, entries: Sequence[os.DirEntry[str]] | None = None) -> dict[str, dict[str, Any]]:
    """The ``sources.yaml`` (or ``.yml``) of a folder: file name -> canonical metadata fields."""
    names = {entry.name for entry in entries} if entries is not None else None
    present = [name for name in METADATA_NAMES if (name in names if names is not None else (folder / name).is_file())]
    if not present:
        return {}
    if len(present) > 1:
        raise ConfigError(
            "both sources.yaml and sources.yml are present: keep one", path=display_path(folder / present[0])
        )
    path = folder / present[0]
    display = display_path(path)
    try:
        content, _encoding = decode(path.read_bytes())
    except (OSError, NotTextError) as error:
        raise ConfigError(f"cannot read: {getattr(error, 'strerror', None) or error}", path=display) from error
    try:
        document = yaml.compose(content, Loader=yaml.SafeLoader)
        data = yaml.load(content, Loader=_MetadataLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as error:
        raise config_error_from_yaml(error, display) from error
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(document, yaml.MappingNode):
        line = document.start_mark.line + 1 if document is not None else None
        raise ConfigError("expected a mapping from file names to their fields", path=display, line=line)

    nodes = {str(key.value): value for key, value in document.value}
    result: dict[str, dict[str, Any]] = {}
    for name, fields in data.items():
        node = nodes.get(str(name))
        line = node.start_mark.line + 1 if node is not None else None
        if fields is None:
            continue
        if not isinstance(fields, dict):
            raise ConfigError(f"the entry for {name!r} must be a mapping of fields", path=display, line=line)
        field_lines = _field_lines(node)
        try:
            parsed = read_fields(fields, strict=True)
        except _FieldError as error:
            raise ConfigError(
                f"{name}: {error.message}", path=display, line=field_lines.get(error.field, line)
            ) from error
        result[posixpath.normpath(str(name))] = parsed
    return result


def _field_lines(node: yaml.Node | None) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _value in node.value}


class _FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class _MetadataLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that a date-shaped scalar that is no calendar date (``2026-13-45``) stays a
    string: PyYAML would raise a bare ``ValueError`` and lose every other field, while ``read_fields`` can say
    which field is wrong and on which line."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if not isinstance(node, yaml.ScalarNode):  # an explicit !!timestamp on a list or mapping
        raise yaml.constructor.ConstructorError(None, None, "expected a date, found a list or mapping", node.start_mark)
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_MetadataLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def read_fields(
    raw: Mapping[Any, Any], *, strict: bool, problems: list[tuple[str, str]] | None = None
) -> dict[str, Any]:
    """Canonical metadata from a front-matter or ``sources.yaml`` mapping.

    Aliases are folded (``site``/``publisher`` -> ``outlet``, ``date`` -> ``published``) and ``published`` is
    parsed into a date. ``strict`` rejects unknown field names (``sources.yaml`` is ours; front matter is
    shared with site generators, so unknown names there are ignored). Raises ``_FieldError`` naming the
    offending field, unless ``problems`` is given: then an unreadable value is left out and (field, message) is
    appended there, so the article can still be read without it.
    """
    fields: dict[str, Any] = {}
    for name, value in raw.items():
        canonical = _FIELD_NAMES.get(str(name).lower())
        if canonical is None:
            if strict:
                known = ", ".join(sorted(_FIELD_NAMES))
                raise _FieldError(str(name), f"unknown field {name!r} (known fields: {known})")
            continue
        if canonical in fields or value is None or value == "":
            continue
        if canonical == "published":
            try:
                fields[canonical] = metadata_date(value)
            except ValueError as error:
                if problems is None:
                    raise _FieldError(str(name), f"cannot read {name} {value!r} as a date") from error
                problems.append((str(name), f"cannot read {name} {value!r} as a date"))
        elif isinstance(value, list):
            fields[canonical] = ", ".join(str(item) for item in value)
        else:
            fields[canonical] = str(value).strip()
    return fields


# ---------------------------------------------------------------------------------------- front matter

_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.MULTILINE)


class _FrontMatterError(Exception):
    pass


def parse_front_matter(text: str, problems: list[str] | None = None) -> tuple[dict[str, Any], int]:
    """Fields of a leading ``---`` YAML block and the offset where the body starts (0 when there is no block).

    Raises ``_FrontMatterError`` ("<problem> at line N", N counted in the file) for malformed YAML. A field whose
    value cannot be read (a date that is no date) is left out and described in ``problems`` when it is given,
    else raised like malformed YAML.
    """
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, 0
    closing = _FRONT_MATTER_CLOSE.search(text, opening.end())
    if not closing:
        return {}, 0  # a leading thematic break, not front matter
    block = text[opening.end() : closing.start()]
    first_line = 2  # the block starts on the line after the opening ---
    try:
        data = yaml.load(block, Loader=_MetadataLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as error:
        problem, line = yaml_problem(error)
        raise _FrontMatterError(f"{problem} at line {(line or 1) + first_line - 1}") from error
    if data is None:
        return {}, closing.end()
    if not isinstance(data, dict):
        raise _FrontMatterError(f"expected a mapping of fields at line {first_line}")
    field_problems: list[tuple[str, str]] = []
    try:
        fields = read_fields(data, strict=False, problems=field_problems if problems is not None else None)
    except _FieldError as error:
        line = _key_line(block, error.field)
        raise _FrontMatterError(f"{error.message} at line {line + first_line - 1}") from error
    for name, message in field_problems:
        assert problems is not None
        problems.append(f"front matter: {message} at line {_key_line(block, name) + first_line - 1}")
    return fields, closing.end()


def _key_line(block: str, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}[ \t]*:", block, re.MULTILINE)
    return block.count("\n", 0, match.start()) + 1 if match else 1


# ----------------------------------------------------------------------------------------------- dates

_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+)?"
# what may stand before the date on a dateline: a byline ("By Jane Doe |"), "Published:", "Posted on", a weekday
_DATELINE_LEAD = re.compile(
    r"(?:By[ \t]+[^|\u00b7\u2022\u2014\n]{1,80}?[ \t]*[|\u00b7\u2022\u2014,-][ \t]*"
    r"|(?:Published|Posted|Date|Dated)(?:[ \t]+on)?[ \t]*:?[ \t]*)?"
    rf"{_WEEKDAY}",
    re.IGNORECASE,
)


def metadata_date(value: object) -> dt.date:
    """A calendar date from a metadata field (a YAML date or timestamp, or a string the date grammar reads as one
    calendar day, see ``values.dates.calendar_date``); raises ``ValueError`` for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    day = calendar_date(value) if isinstance(value, str) else None
    if day is None:
        raise ValueError(f"not a date: {value!r}")
    return day


def _dateline_date(line: str) -> tuple[dt.date, str] | None:
    """The first calendar day on ``line`` that only a dateline lead stands before, and the text after it."""
    for match in find_dates(line):
        day = calendar_day(match.value)
        if day is not None and _DATELINE_LEAD.fullmatch(line[: match.start]):
            return day, line[match.end :]
    return None


def find_dateline(text: str, body_start: int = 0) -> dt.date | None:
    """The publication date of a dateline among the first non-empty lines of the body, if there is one.

    A dateline starts with (or is) a full date, possibly after ``Published:``, ``Posted on``, a weekday or a
    ``By Name |`` byline: ``March 5, 2026(Updated: March 5, 2026)``, ``Mar 5, 2026 · 4 min read``. The first
    date on the line is taken: the publication date, not the update. A line starting with a date and going on
    with a lowercase word is a sentence, not a dateline.
    """
    seen = 0
    for raw_line in text[body_start:].split("\n", 200)[:200]:
        line = raw_line.strip()
        if not line:
            continue
        seen += 1
        if seen > _DATELINE_LINES:
            break
        if len(line) > 200:
            continue
        found = _dateline_date(line)
        if found is None:
            continue
        day, rest = found
        if rest.lstrip()[:1].islower():
            continue
        return day
    return None


def _choose_date(
    file_meta: Mapping[str, Any], extra: Mapping[str, Any], origin: DateOrigin, text: str, body_start: int
) -> tuple[dt.date | None, DateOrigin]:
    if file_meta.get("published"):
        return file_meta["published"], origin
    if extra.get("published"):
        return extra["published"], "sources.yaml"
    dateline = find_dateline(text, body_start)
    if dateline is not None:
        return dateline, "dateline"
    return None, "unknown"


# ----------------------------------------------------------------------------------------------- titles


def _title_line(text: str, body_start: int, units: Sequence[Any]) -> str | None:
    """A title from the text itself: a short first line that is not prose, else a heading among its first
    lines.

    Pages copied from the web often start with a banner ("Free audits - see how AI views your brand. Book
    here"); a heading standing right below it is the better title.
    """
    lines = [line.strip() for line in text[body_start:].split("\n", 50)[:50] if line.strip()]
    if not lines:
        return None
    first_line = _line_of_nth_nonempty(text, body_start, 1)
    if units and units[0].kind == "heading" and units[0].line == first_line:
        return str(units[0].text)  # "# Title" in Markdown, "Title #" in text copied from the web
    candidate = lines[0]
    if len(candidate) < _TITLE_MAX and not candidate.endswith(".") and not _SENTENCE_BREAK.search(candidate):
        return candidate
    last_line = _line_of_nth_nonempty(text, body_start, 3)
    for unit in units:
        if unit.line > last_line:
            break
        if unit.kind == "heading":
            return str(unit.text)
    return None


_SENTENCE_BREAK = re.compile(r"[.!?] +[A-Z]")


def _line_of_nth_nonempty(text: str, body_start: int, count: int) -> int:
    line_number = text.count("\n", 0, body_start) + 1
    seen = 0
    for line in text[body_start:].split("\n", 200):
        if line.strip():
            seen += 1
            if seen == count:
                return line_number
        line_number += 1
    return line_number


# ------------------------------------------------------------------------------------------------- HTML


def extract_html(html: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata (title, outlet, url, author, published) of an HTML page.

    trafilatura finds the main text (dropping navigation, headers, footers and comments) and the metadata;
    when it finds no main text (or cannot be imported) the page's text with scripts, styles and navigation
    removed is used, and the page's own meta tags fill any field trafilatura left empty.
    """
    text = ""
    meta: dict[str, Any] = {}
    document = _trafilatura_document(html)
    if document is not None:

        def get(name: str) -> Any:
            return document.get(name) if isinstance(document, dict) else getattr(document, name, None)

        text = get("text") or ""
        raw = {
            "title": get("title"),
            "outlet": get("sitename"),
            "url": get("url"),
            "author": get("author"),
            "published": get("date"),
        }
        meta = _clean_html_meta(raw)
    if not text.strip() or len(meta) < len(_HTML_FIELDS):
        fallback_text, fallback_meta = _lxml_extract(html)
        text = text if text.strip() else fallback_text
        meta = {**fallback_meta, **meta}
    return text, meta


def _trafilatura_document(html: str) -> object | None:
    """trafilatura's reading of the page (a dict or a document object), or None when it cannot give one."""
    try:
        import trafilatura  # slow to import: only when an HTML file is loaded
    except ImportError:  # e.g. lxml without its html_clean extra: fall back to the plain page text
        return None
    try:
        document: object | None = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception:  # noqa: BLE001 - a parser crash on one page must not stop the run
        return None
    return document


def _clean_html_meta(raw: Mapping[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for name, value in raw.items():
        if not value or not str(value).strip():
            continue
        if name == "published":
            try:
                meta[name] = metadata_date(str(value).strip())
            except ValueError:
                continue
        else:
            meta[name] = " ".join(str(value).split())
    return meta


_HTML_FIELDS = ("title", "outlet", "url", "author", "published")
_BOILERPLATE_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "template",
    "svg",
)


def _lxml_extract(html: str) -> tuple[str, dict[str, Any]]:
    try:
        import lxml.html
    except ImportError:
        return "", {}
    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several types for hopeless markup
        return "", {}

    def first(xpath: str) -> str | None:
        values = tree.xpath(xpath)
        return str(values[0]) if values else None

    raw = {
        "title": first("//meta[@property='og:title']/@content") or first("//title/text()"),
        "outlet": first("//meta[@property='og:site_name']/@content"),
        "url": first("//link[@rel='canonical']/@href") or first("//meta[@property='og:url']/@content"),
        "author": first("//meta[@name='author']/@content"),
        "published": first("//meta[@property='article:published_time']/@content")
        or first("//meta[@name='date']/@content")
        or first("//time/@datetime"),
    }
    for element in tree.xpath("|".join(f"//{tag}" for tag in _BOILERPLATE_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    body = tree.find("body")
    content = (body if body is not None else tree).text_content()
    lines = [" ".join(line.split()) for line in content.splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, _clean_html_meta(raw)
