"""No import cycle among the app's modules (docs/architecture.md: a module imports only below it).

Every import counts, also one inside a function (it is a cycle waiting for a refactor), but
not one under `if TYPE_CHECKING:` (never run). The pure libraries matching/ and solver/ are
read too: a module inside a package imports its siblings by their full name
(`import dinnerplan.solver.kernel as kernel`), never through its own package
(`from dinnerplan.solver import kernel`), whose `__init__` imports the modules back.
Only the migrations (Alembic's scripts, never imported by the app) are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dinnerplan

PACKAGE = Path(dinnerplan.__file__).parent
LEFT_OUT = ("migrations",)


def module_name(path: Path) -> str:
    parts = ("dinnerplan", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def app_modules() -> dict[str, Path]:
    return {
        module_name(p): p
        for p in PACKAGE.rglob("*.py")
        if p.relative_to(PACKAGE).parts[0] not in LEFT_OUT
    }


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports_of(path: Path, known: dict[str, Path]) -> set[str]:
    """The app modules a module imports, anywhere in it but under `if TYPE_CHECKING:`."""
    found: set[str] = set()
    pending: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"))]
    while pending:
        node = pending.pop()
        if _type_checking_only(node):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        pending.extend(ast.iter_child_nodes(node))
    return found & known.keys()


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while group[-1:] != [v]:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycle_among_the_apps_modules():
    known = app_modules()
    graph = {name: imports_of(path, known) - {name} for name, path in known.items()}
    assert len(graph) > 100  # the whole app was read
    assert cycles(graph) == []


@pytest.mark.parametrize("library", ["matching", "solver"])
def test_the_pure_libraries_are_read_too(library):
    known = app_modules()
    inside = [name for name in known if name.startswith(f"dinnerplan.{library}.")]
    assert f"dinnerplan.{library}" in known
    assert len(inside) > 10
