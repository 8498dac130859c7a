"""The library's exceptions: everything a user can cause that stops a run.

The library raises these and never exits; the CLI turns a ``ClaimcheckError`` into exit code 2 and prints its
message, so every message must make sense on its own to someone who has not read the code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class ClaimcheckError(Exception):
    """Base class: the run cannot go on (the CLI prints the message and exits with 2)."""


class InputError(ClaimcheckError):
    """An input path is unusable as a whole: it does not exist, or is not a directory or file."""


class NotTextError(InputError):
    """Bytes that are not text (binary data, or no encoding decodes them).

    The loader catches this for a single file and records the file as skipped with ``reason``.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ConfigError(ClaimcheckError):
    """A configuration file (``sources.yaml``, settings) is malformed or names unknown fields."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        location = path if line is None or path is None else f"{path}:{line}"
        super().__init__(f"{location}: {message}" if location else message)
        self.path = path
        self.line = line
        self.problem = message


def yaml_problem(error: Exception) -> tuple[str, int | None]:
    """The human part of a PyYAML error and its 1-based line (None when PyYAML gives no position).

    PyYAML's ``str(error)`` repeats the offending text with a caret over several lines; a one-line message
    with ``problem`` and ``problem_mark`` reads better in a terminal and in a report.
    """
    problem: Any = getattr(error, "problem", None) or getattr(error, "context", None) or str(error)
    mark: Any = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    return str(problem), line


def config_error_from_yaml(error: Exception, path: str | Path, *, line_offset: int = 0) -> ConfigError:
    """Turn a PyYAML error into a ``ConfigError`` that names the file and line."""
    problem, line = yaml_problem(error)
    return ConfigError(
        f"malformed YAML: {problem}",
        path=Path(path).as_posix() if isinstance(path, Path) else path,
        line=None if line is None else line + line_offset,
    )
