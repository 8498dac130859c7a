"""Configuration files: where they are, what they may say, and which value each option takes from them.

A project keeps its settings in the first of these found by walking up from the working directory (the way
ruff finds its settings), checking each folder in this order:

    claimcheck.toml          the keys at the top level
    .claimcheck.yaml/.yml    the keys at the top level
    pyproject.toml           the keys under [tool.claimcheck] (a pyproject.toml without that table is passed over)

Keys are the long option names (``fail-on``; ``fail_on`` is accepted too). Keys at the top level apply to every
command that has that option; a table named after a command (``[tool.claimcheck.audit]``) applies to that
command only and wins over the top level. Command-line options win over both. Paths in a file (lexicon,
baseline) are relative to the file's folder. An unknown key or a bad value is a ``ConfigError`` naming the file
and the line (tomllib gives no positions, so the key's line is found in the text).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, config_error_from_yaml

CONFIG_NAMES = ("claimcheck.toml", ".claimcheck.yaml", ".claimcheck.yml", "pyproject.toml")
COMMANDS = ("audit", "diff", "timeline", "extract")
KINDS = ("cross-source", "internal", "arithmetic", "temporal", "timeline")
STATUSES = ("conflict", "compatible", "agree")
FORMATS = ("table", "json", "markdown", "yaml", "sarif", "github")
FAIL_LEVELS = ("conflict", "compatible", "never")


def _choice(options: tuple[str, ...]) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if not isinstance(value, str) or value not in options:
            raise ValueError(f"must be one of {', '.join(options)}, not {value!r}")
        return value

    return check


def _boolean(value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {value!r}")
    return value


def _positive_int(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"must be a whole number of at least 1, not {value!r}")
    return value


def _string_list(value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) and item for item in items):
        raise ValueError(f"must be a string or a list of strings, not {value!r}")
    return list(items)


def validate_selectors(value: Any) -> Any:
    items = _string_list(value)
    for item in items:
        if item not in KINDS and item not in STATUSES:
            raise ValueError(
                f"{item!r} is neither a finding kind ({', '.join(KINDS)}) nor a status ({', '.join(STATUSES)})"
            )
    return items


def _path(value: Any) -> Any:
    if not isinstance(value, str) or not value:
        raise ValueError(f"must be a path, not {value!r}")
    return value


# key -> (validator, the commands that have the option)
KEYS: dict[str, tuple[Callable[[Any], Any], tuple[str, ...]]] = {
    "format": (_choice(FORMATS), COMMANDS),
    "fail-on": (_choice(FAIL_LEVELS), ("audit", "diff", "timeline")),
    "exclude": (_string_list, ("audit", "timeline", "extract")),
    "lexicon": (_path, COMMANDS),
    "baseline": (_path, ("audit",)),
    "select": (validate_selectors, ("audit", "diff")),
    "ignore": (validate_selectors, ("audit", "diff")),
    "strict": (_boolean, ("audit", "extract")),
    "jobs": (_positive_int, ("audit", "timeline", "extract")),
    "quiet": (_boolean, COMMANDS),
    "verbose": (_boolean, COMMANDS),
}
PATH_KEYS = ("lexicon", "baseline")


@dataclass(frozen=True)
class Config:
    """The settings one file gives, validated; empty when no file was found."""

    path: Path | None = None
    top: Mapping[str, Any] = field(default_factory=dict)
    commands: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    lines: Mapping[tuple[str, ...], int] = field(default_factory=dict)  # (command or "", key) -> line

    def for_command(self, command: str) -> dict[str, Any]:
        """The values that apply to ``command``: the top level where the command has the option, then its table."""
        values = {key: value for key, value in self.top.items() if command in KEYS[key][1]}
        values.update(self.commands.get(command, {}))
        return values

    def error(self, command: str, key: str, message: str) -> ConfigError:
        """A problem with a value found later (e.g. a format this command lacks), pointing at its line."""
        line = self.lines.get((command, key), self.lines.get(("", key)))
        return ConfigError(f"{key}: {message}", path=self.path.as_posix() if self.path else None, line=line)


def find_config(start: Path) -> Path | None:
    """The first configuration file in ``start`` or a folder above it."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if not path.is_file():
                continue
            if name == "pyproject.toml" and not _has_tool_table(path):
                continue
            return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # a broken pyproject.toml that never mentions claimcheck is not ours to report
        return "[tool.claimcheck" in path.read_text(encoding="utf-8", errors="replace")
    return isinstance(data.get("tool"), dict) and "claimcheck" in data["tool"]


def load_config(path: Path) -> Config:
    """Read and validate one configuration file."""
    display = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {getattr(exc, 'strerror', None) or exc}", path=display) from None
    if path.suffix in (".yaml", ".yml"):
        raw, lines = _read_yaml(text, display)
        prefix: tuple[str, ...] = ()
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"malformed TOML: {exc}", path=display) from None
        prefix = ("tool", "claimcheck") if path.name == "pyproject.toml" else ()
        raw = data
        for part in prefix:
            raw = raw.get(part, {}) if isinstance(raw, dict) else {}
        lines = _toml_lines(text, prefix)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError("the settings must be a table of keys", path=display, line=1)
    return _validate(raw, lines, path)


def _validate(raw: Mapping[str, Any], lines: Mapping[tuple[str, ...], int], path: Path) -> Config:
    display = path.as_posix()

    def fail(where: tuple[str, ...], message: str) -> ConfigError:
        return ConfigError(message, path=display, line=lines.get(where) or lines.get(where[:1]))

    def check(where: tuple[str, ...], key: str, value: Any, command: str | None) -> tuple[str, Any]:
        name = key.replace("_", "-")
        if name not in KEYS:
            known = ", ".join([*KEYS, *COMMANDS] if command is None else KEYS)
            raise fail(where, f"unknown key {key!r} (known: {known})")
        validator, commands = KEYS[name]
        if command is not None and command not in commands:
            raise fail(where, f"{command} has no option {name!r}")
        try:
            checked = validator(value)
        except ValueError as exc:
            raise fail(where, f"{name}: {exc}") from None
        if name in PATH_KEYS:
            checked = (path.parent / checked).as_posix()
        return name, checked

    top: dict[str, Any] = {}
    commands: dict[str, dict[str, Any]] = {}
    named_lines: dict[tuple[str, ...], int] = {}
    for key, value in raw.items():
        if key in COMMANDS:
            if not isinstance(value, dict):
                raise fail((key,), f"{key} must be a table of keys")
            table: dict[str, Any] = {}
            for sub, sub_value in value.items():
                name, checked = check((key, sub), str(sub), sub_value, key)
                table[name] = checked
                if (key, sub) in lines:
                    named_lines[(key, name)] = lines[(key, sub)]
            commands[key] = table
        else:
            name, checked = check((str(key),), str(key), value, None)
            top[name] = checked
            if (key,) in lines:
                named_lines[("", name)] = lines[(key,)]
    return Config(path=path, top=top, commands=commands, lines=named_lines)


def _read_yaml(text: str, display: str) -> tuple[Any, dict[tuple[str, ...], int]]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise config_error_from_yaml(exc, display) from None
    lines: dict[tuple[str, ...], int] = {}

    def walk(mapping: yaml.Node | None, where: tuple[str, ...]) -> None:
        if not isinstance(mapping, yaml.MappingNode):
            return
        for key_node, value_node in mapping.value:
            key = (*where, str(key_node.value))
            lines[key] = key_node.start_mark.line + 1
            if not where:
                walk(value_node, key)

    walk(node, ())
    return data, lines


_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=""")


def _toml_key_parts(dotted: str) -> tuple[str, ...]:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""", dotted)
    return tuple(next(p for p in groups if p) if any(groups) else "" for groups in parts)


def _toml_lines(text: str, prefix: tuple[str, ...]) -> dict[tuple[str, ...], int]:
    """The line of every key under ``prefix``, relative to it: {("fail-on",): 3, ("audit", "format"): 7}.

    Enough of TOML's shape for settings: table headers, dotted keys and ``key = value`` lines; lines inside a
    multi-line string are skipped.
    """
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _TABLE.match(line)
        if header:
            table = _toml_key_parts(header.group(1))
            if table[: len(prefix)] == prefix and len(table) > len(prefix):
                lines.setdefault(table[len(prefix) :], number)
            continue
        key = _KEY.match(line)
        if key:
            full = (*table, *_toml_key_parts(key.group(1)))
            if full[: len(prefix)] == prefix and len(full) > len(prefix):
                lines.setdefault(full[len(prefix) :], number)
            for fence in ('"""', "'''"):
                if line.count(fence) % 2 == 1:
                    in_string = fence
    return lines


def discover_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """The configuration in force: ``explicit`` (``--config FILE``) or the first file found above ``start``."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"no such configuration file: {explicit.as_posix()}")
        return load_config(explicit)
    found = find_config(start or Path.cwd())
    return load_config(found) if found is not None else Config()
