"""Shared helpers for solver tests: benchmark folder lookup, tiny problems, brute force."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from dinnerplan.solver import Problem, Table, check
from dinnerplan.solver.validate import breakdown

REPO = Path(__file__).resolve().parents[2]


def shared_benchmarks() -> Path | None:
    """The shared benchmark folder beside the repository, or /work/shared/benchmarks."""
    for candidate in (REPO / "../shared/benchmarks", Path("/work/shared/benchmarks")):
        if candidate.is_dir():
            return candidate.resolve()
    return None


@pytest.fixture
def benchmarks() -> Path:
    found = shared_benchmarks()
    if found is None:
        pytest.skip("shared benchmarks folder not found beside the repo or at /work/shared")
    return found


def problem(n: int, tables: list[tuple[int, int]], scores=(), **rules) -> Problem:
    """Guests g0..g{n-1}, tables T1.. with (min, max), scores as (i, j, s) on indices."""
    names = tuple(f"g{i}" for i in range(n))
    return Problem(
        guests=names,
        tables=tuple(Table(f"T{t + 1}", lo, hi) for t, (lo, hi) in enumerate(tables)),
        scores=tuple((names[i], names[j], s) for i, j, s in scores),
        **rules,
    )


def brute_force(p: Problem, fairness: float) -> float | None:
    """Best objective over every assignment that passes validate.check, or None if none does."""
    best = None
    ids = [t.id for t in p.tables]
    for combo in itertools.product(range(len(ids)), repeat=len(p.guests)):
        seating = {t: [] for t in ids}
        for g, t in zip(p.guests, combo, strict=True):
            seating[ids[t]].append(g)
        if check(p, seating):
            continue
        value = breakdown(p, seating, fairness)["objective"]
        best = value if best is None else max(best, value)
    return best
