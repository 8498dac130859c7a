"""Configuration files: discovery by walking up, strict keys with file and line, per-command tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.config import discover_config, find_config, load_config
from claimcheck.errors import ConfigError


def test_pyproject_table_found_from_a_nested_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.claimcheck]\nfail-on = "compatible"\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = discover_config(nested)
    assert config.path == (tmp_path / "pyproject.toml").resolve()
    assert config.for_command("audit") == {"fail-on": "compatible"}
    assert config.for_command("extract") == {}  # extract has no --fail-on


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "claimcheck.toml").write_text('format = "json"\n')
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(inner) == (tmp_path / "claimcheck.toml").resolve()


def test_dedicated_file_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nformat = "json"\n')
    (tmp_path / ".claimcheck.yaml").write_text("format: markdown\n")
    assert find_config(tmp_path) == (tmp_path / ".claimcheck.yaml").resolve()


def test_command_table_overrides_the_top_level(tmp_path: Path) -> None:
    path = tmp_path / "claimcheck.toml"
    path.write_text('format = "markdown"\nselect = "conflict"\n\n[audit]\nformat = "sarif"\n')
    config = load_config(path)
    assert config.for_command("audit") == {"format": "sarif", "select": ["conflict"]}
    assert config.for_command("timeline") == {"format": "markdown"}


def test_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / ".claimcheck.yaml"
    path.write_text("lexicon: extra.yaml\nbaseline: ci/accepted.json\n")
    values = load_config(path).for_command("audit")
    assert values["lexicon"] == (tmp_path / "extra.yaml").as_posix()
    assert values["baseline"] == (tmp_path / "ci/accepted.json").as_posix()


@pytest.mark.parametrize(
    "name, text, line, words",
    [
        (
            "pyproject.toml",
            '[project]\nname = "x"\n[tool.claimcheck]\nformat = "json"\nfial-on = "never"\n',
            5,
            "fial-on",
        ),
        ("pyproject.toml", "[tool.claimcheck]\n\n[tool.claimcheck.audit]\njobs = 0\n", 4, "jobs"),
        ("pyproject.toml", '[tool.claimcheck]\naudit.select = ["conflicts"]\n', 2, "conflicts"),
        ("claimcheck.toml", 'fail_on = "sometimes"\n', 1, "sometimes"),
        ("claimcheck.toml", "strict = true\n[timeline]\nstrict = true\n", 3, "timeline has no option"),
        (".claimcheck.yaml", "format: json\nexclude: [drafts/*]\ncolour: always\n", 3, "colour"),
        (".claimcheck.yaml", "audit:\n  format: json\n  baseline: 3\n", 3, "baseline"),
        (".claimcheck.yaml", "format: [json\n", None, "malformed YAML"),
        ("claimcheck.toml", 'format = "json\n', None, "malformed TOML"),
    ],
)
def test_bad_settings_name_file_and_line(tmp_path: Path, name: str, text: str, line: int | None, words: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(path.as_posix())
    assert words in message
    if line is not None:
        assert caught.value.line == line


def test_late_error_points_at_the_key(tmp_path: Path) -> None:
    path = tmp_path / "claimcheck.toml"
    path.write_text('# settings\n\nformat = "yaml"\n')
    error = load_config(path).error("audit", "format", "audit supports table, json")
    assert str(error).startswith(f"{path.as_posix()}:3:")
