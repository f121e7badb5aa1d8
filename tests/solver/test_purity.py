"""The solver package imports only the standard library, numpy, numba, OR-Tools and itself."""

import ast
import sys
from pathlib import Path

import dinnerplan.solver

ALLOWED = {"numpy", "numba", "ortools", "dinnerplan"}
PACKAGE = Path(dinnerplan.solver.__file__).parent


def imported_roots(path: Path) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(a.name, a.name.split(".")[0]) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.append((node.module, node.module.split(".")[0]))
    return found


def test_solver_modules_import_only_stdlib_numpy_numba_ortools():
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) >= 6
    bad = []
    for path in modules:
        for full, root in imported_roots(path):
            own = full == "dinnerplan.solver" or full.startswith("dinnerplan.solver.")
            if (
                root == "dinnerplan"
                and not own
                or root not in ALLOWED
                and root not in sys.stdlib_module_names
            ):
                bad.append(f"{path.name}: {full}")
    assert bad == []


def test_checker_catches_a_forbidden_import(tmp_path):
    fake = tmp_path / "x.py"
    fake.write_text("import flask\nfrom dinnerplan.models import Guest\n")
    roots = imported_roots(fake)
    assert ("flask", "flask") in roots
    assert ("dinnerplan.models", "dinnerplan") in roots
