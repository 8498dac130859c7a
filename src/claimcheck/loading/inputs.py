"""Which discovered inputs a run loads, and what they are called: ``--exclude`` globs and standard input.

Discovery (``sources.discover``) finds every input under the paths given; this module narrows that list (a glob
matches an input's path, its file name or one of its folders, like ruff's ``exclude``) and names the article read
from standard input by its ``--stdin-filename``, so its citations and claim ids use that name, not a temporary
file's.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from pathlib import Path

from ..models import Skipped
from .sources import ArticleFile, Discovered, display_path


def excluded(path: str | Path, patterns: Sequence[str]) -> bool:
    """Does a glob match the path, its file name or one of its folders (``drafts``, ``*.html``, ``drafts/*``)?"""
    if not patterns:
        return False
    posix = Path(path).as_posix()
    parts = posix.split("/")
    candidates = {posix, parts[-1], *("/".join(parts[: i + 1]) for i in range(len(parts) - 1)), *parts[:-1]}
    return any(fnmatch.fnmatchcase(c, pattern.rstrip("/")) for c in candidates for pattern in patterns)


def named_stdin(item: Discovered, stdin: tuple[Path, str]) -> Discovered:
    """The article read from standard input (kept in ``stdin[0]`` for the run), cited as ``stdin[1]``."""
    temp, name = stdin
    if isinstance(item, ArticleFile) and item.path == temp:
        return ArticleFile(path=item.path, key=name, display=name, meta=item.meta)
    if isinstance(item, Skipped) and item.path == display_path(temp):
        return Skipped(path=name, reason=item.reason)
    return item
