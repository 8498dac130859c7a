"""The package layout: stages import downstream contracts only, never the pipeline that wires them."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "claimcheck"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(("." * node.level) + node.module)
        elif isinstance(node, ast.ImportFrom):
            names.update("." * node.level + alias.name for alias in node.names)
    return names


def test_no_stage_imports_the_pipeline_or_the_cli() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("pipeline.py", "cli.py", "__main__.py"):
            continue
        for name in _imports(path):
            assert not name.lstrip(".").startswith(("pipeline", "cli")), f"{path.relative_to(PACKAGE)} imports {name}"


def test_the_library_never_imports_the_cli_framework() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        text = path.read_text("utf-8")
        assert "import typer" not in text and "from typer" not in text, path.relative_to(PACKAGE)
