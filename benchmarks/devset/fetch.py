"""Check (and fill) the development set's page cache; never touches the network.

This module owns `benchmarks/devset/.cache/`: the third-party page texts the gold was written on, kept out of
the repository. `pages.yaml` (committed) lists each page with the search query that finds it in a stored-pages
search, its URL and the sha256 of the cached text.

    .venv/bin/python benchmarks/devset/fetch.py                      # check; list what is missing, exit 2 if any
    .venv/bin/python benchmarks/devset/fetch.py --import results.json # add pages from saved search results
    .venv/bin/python benchmarks/devset/fetch.py --from OTHER/.cache    # copy pages from another checkout's cache

A results file is the JSON a pages search returns (`{"query": ..., "results": [{"url", "excerpt", ...}]}`),
or a list of those. A result whose URL is a missing page becomes `.cache/<id>.md`: a small front matter (url,
title, published) and the excerpt. Existing files are never overwritten. A page whose text differs from the
recorded sha256 is reported: the gold quotes may no longer be found in it.

Exit status: 0 when every page is cached with its recorded text, 2 otherwise (or on bad input).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages.yaml"
CACHE = HERE / ".cache"


@dataclass(frozen=True)
class Page:
    id: str
    topic: str
    url: str
    query: str
    sha256: str
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Problem:
    page: Page
    reason: str  # "missing" or "changed"


def load_pages(path: Path = PAGES) -> list[Page]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ValueError(f"{path.name}: cannot read: {error}") from error
    entries = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path.name}: expected a mapping with a `pages` list")
    pages = []
    for entry in entries:
        try:
            pages.append(
                Page(
                    id=str(entry["id"]),
                    topic=str(entry["topic"]),
                    url=str(entry["url"]),
                    query=str(entry["query"]),
                    sha256=str(entry["sha256"]),
                    title=None if entry.get("title") is None else str(entry["title"]),
                    published=None if entry.get("published") is None else str(entry["published"]),
                )
            )
        except (KeyError, TypeError) as error:
            raise ValueError(f"{path.name}: a page needs id, topic, url, query and sha256: {entry!r}") from error
    return pages


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(pages: Sequence[Page], cache: Path = CACHE) -> list[Problem]:
    problems = []
    for page in pages:
        path = cache / f"{page.id}.md"
        if not path.is_file():
            problems.append(Problem(page, "missing"))
        elif digest(path) != page.sha256:
            problems.append(Problem(page, "changed"))
    return problems


def instructions(problems: Sequence[Problem], cache: Path = CACHE) -> str:
    """What a person (or an agent with a stored-pages search) must do to fill the cache."""
    lines = [f"{len(problems)} page(s) of the development set are missing or changed in {cache}:"]
    for problem in problems:
        page = problem.page
        lines.append(f"- {page.id} ({problem.reason}; topic {page.topic})")
        lines.append(f"    search pages for: {page.query}")
        lines.append(f"    take the result:  {page.url}")
        lines.append(f"    save as:          {cache / (page.id + '.md')}")
        lines.append("                      (front matter url/title/published, then the text)")
    lines.append("Or save the search answers as JSON and run: fetch.py --import results.json")
    return "\n".join(lines)


_DATE_PREFIX = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")


def page_text(page: Page, excerpt: str) -> str:
    """The cached form of a page: front matter, then the excerpt.

    Some stored excerpts begin with " date YYYY-MM-DD"; that becomes the `published` field.
    """
    published = page.published
    match = _DATE_PREFIX.match(excerpt)
    if match:
        published = published or match.group(1)
        excerpt = excerpt[match.end() :]
    front = ["---", f"url: {page.url}"]
    if page.title:
        front.append(f"title: {json.dumps(page.title, ensure_ascii=False)}")
    if published:
        front.append(f"published: {published}")
    front.append("---")
    return "\n".join(front) + "\n" + excerpt.rstrip("\n") + "\n"


def _results(data: Any) -> list[dict[str, Any]]:
    answers = data if isinstance(data, list) else [data]
    found = []
    for answer in answers:
        if isinstance(answer, dict):
            found += [r for r in answer.get("results") or [] if isinstance(r, dict)]
    return found


def import_results(data: Any, pages: Sequence[Page], cache: Path = CACHE) -> list[str]:
    """Write missing pages from saved search results; returns the ids written. Never overwrites a file."""
    by_url = {page.url: page for page in pages}
    # a search can answer with the same URL twice (two stored excerpts): the one with the recorded text wins,
    # else the first; an excerpt may also differ from the recorded one by leading blank lines only
    texts: dict[str, list[str]] = {}
    for result in _results(data):
        page = by_url.get(str(result.get("url")))
        excerpt = result.get("excerpt")
        if page is not None and isinstance(excerpt, str):
            texts.setdefault(page.id, []).extend(page_text(page, form) for form in (excerpt, excerpt.lstrip("\n")))
    written = []
    cache.mkdir(parents=True, exist_ok=True)
    for page in pages:
        candidates = texts.get(page.id)
        if not candidates or (cache / f"{page.id}.md").exists():
            continue
        recorded = [t for t in candidates if hashlib.sha256(t.encode("utf-8")).hexdigest() == page.sha256]
        handle, temporary = tempfile.mkstemp(dir=cache, prefix=f".{page.id}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write((recorded or candidates)[0])
        os.replace(temporary, cache / f"{page.id}.md")
        written.append(page.id)
    return written


def copy_from(source: Path, pages: Sequence[Page], cache: Path = CACHE) -> list[str]:
    """Copy missing pages from another cache folder, only those whose text has the recorded sha256."""
    copied = []
    cache.mkdir(parents=True, exist_ok=True)
    for page in pages:
        origin, target = source / f"{page.id}.md", cache / f"{page.id}.md"
        if target.exists() or not origin.is_file() or digest(origin) != page.sha256:
            continue
        handle, temporary = tempfile.mkstemp(dir=cache, prefix=f".{page.id}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(origin.read_bytes())
        os.replace(temporary, target)
        copied.append(page.id)
    return copied


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the development set's page cache (no network).")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--import", dest="results", type=Path, help="saved search results (JSON) to add")
    parser.add_argument("--from", dest="source", type=Path, help="another cache folder to copy pages from")
    args = parser.parse_args(argv)
    try:
        pages = load_pages(args.pages)
        if args.results:
            data = json.loads(args.results.read_text(encoding="utf-8"))
            for page_id in import_results(data, pages, args.cache):
                print(f"imported {page_id}", file=sys.stderr)
        if args.source:
            if not args.source.is_dir():
                raise ValueError(f"--from: not a folder: {args.source}")
            for page_id in copy_from(args.source, pages, args.cache):
                print(f"copied {page_id}", file=sys.stderr)
    except (OSError, ValueError) as error:
        print(f"fetch.py: {error}", file=sys.stderr)
        return 2
    problems = check(pages, args.cache)
    if problems:
        print(instructions(problems, args.cache))
        return 2
    print(f"all {len(pages)} pages cached in {args.cache}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
