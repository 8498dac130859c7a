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
        if path.name in ("pipeline.py", "cli.py", "__main__.py", "console.py"):  # console: the entry point above cli
            continue
        for name in _imports(path):
            assert not name.lstrip(".").startswith(("pipeline", "cli")), f"{path.relative_to(PACKAGE)} imports {name}"


def test_the_library_never_imports_the_cli_framework() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        text = path.read_text("utf-8")
        assert "import typer" not in text and "from typer" not in text, path.relative_to(PACKAGE)


def test_every_function_has_a_caller_in_the_package() -> None:
    """No dead or test-only code: every function and method is used somewhere in ``src`` besides its definition.

    Decorated functions (commands, callbacks, properties) and methods overriding a library class's are called by
    the framework; everything else must have a caller of its own.
    """
    used: set[str] = set()
    defined: list[tuple[str, str]] = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                used.add(node.id)
            elif isinstance(node, ast.Attribute):
                used.add(node.attr)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.decorator_list:
                defined.append((str(path.relative_to(PACKAGE)), node.name))
            if isinstance(node, ast.ClassDef) and not any(
                isinstance(base, ast.Attribute) for base in node.bases
            ):  # a subclass of a library class (typer.core.TyperArgument) overrides what the library calls
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and not item.decorator_list and not item.name.startswith("__"):
                        defined.append((str(path.relative_to(PACKAGE)), f"{node.name}.{item.name}"))
    unused = [f"{where}: {name}" for where, name in defined if name.rsplit(".", 1)[-1] not in used]
    assert unused == []


def test_every_module_says_what_it_owns_and_the_readme_lists_it() -> None:
    readme = (PACKAGE.parent.parent / "README.md").read_text("utf-8")
    layout = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    for path in sorted(PACKAGE.rglob("*.py")):
        assert ast.get_docstring(ast.parse(path.read_text("utf-8"))), f"{path.relative_to(PACKAGE)} has no docstring"
        if path.name not in ("__init__.py", "__main__.py"):
            assert path.name in layout, f"README 'How the code is laid out' does not list {path.relative_to(PACKAGE)}"


def _module_imports() -> dict[str, set[str]]:
    """Each package module's imports of other package modules, made when it is imported (not inside functions)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.If):  # `if TYPE_CHECKING:` imports are for the type checker only
                continue
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)] if node.level else []
                target = ".".join([*base, node.module] if node.module else base)
                for candidate in (target, *(f"{target}.{alias.name}" for alias in node.names)):
                    if candidate in modules and candidate != name:
                        graph[name].add(candidate)
    return graph


def test_no_import_cycle() -> None:
    graph = _module_imports()
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for other in sorted(graph[name]):
            assert state.get(other) != 1, "import cycle: " + " -> ".join([*path[path.index(other) :], other])
            if other not in state:
                visit(other, [*path, other])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
