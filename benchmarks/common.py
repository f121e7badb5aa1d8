"""Helpers shared by the benchmark scripts: where the data is, machine load, baseline model."""

from __future__ import annotations

import os
import time
from pathlib import Path

from ortools.sat.python import cp_model

from dinnerplan.solver import Problem
from dinnerplan.solver.model import integer_scale

REPO = Path(__file__).resolve().parents[1]


def shared_benchmarks() -> Path:
    """The shared benchmark folder beside the repository, or /work/shared/benchmarks."""
    for candidate in (REPO / "../shared/benchmarks", Path("/work/shared/benchmarks")):
        if candidate.is_dir():
            return candidate.resolve()
    raise SystemExit("shared benchmarks folder not found (../shared/benchmarks or /work/shared)")


def load() -> str:
    """The 1/5/15-minute load averages and core count, for the record."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def baseline(problem: Problem, time_limit: float, workers: int) -> tuple[str, float | None, float]:
    """OR-Tools' wedding-chart formulation: seat, same-table-per-table and colocated booleans."""
    start = time.monotonic()
    guests, tables = problem.guests, problem.tables
    index = {g: i for i, g in enumerate(guests)}
    weights = {
        (index[a], index[b]) if index[a] < index[b] else (index[b], index[a]): s
        for a, b, s in problem.scores
    }
    scale = integer_scale(__import__("numpy").array(list(weights.values()) or [0.0]))
    n, k = len(guests), len(tables)
    model = cp_model.CpModel()
    seats = {(t, g): model.new_bool_var(f"s{t}_{g}") for t in range(k) for g in range(n)}
    colocated, terms = {}, []
    for (g1, g2), w in weights.items():
        if w == 0:
            continue
        c = colocated[g1, g2] = model.new_bool_var(f"c{g1}_{g2}")
        same = []
        for t in range(k):
            s = model.new_bool_var(f"st{g1}_{g2}_{t}")
            model.add_bool_or([~seats[t, g1], ~seats[t, g2], s])
            model.add_implication(s, seats[t, g1])
            model.add_implication(s, seats[t, g2])
            same.append(s)
        model.add(c == sum(same))
        terms.append(round(w * scale) * c)
    for g in range(n):
        model.add_exactly_one(seats[t, g] for t in range(k))
    for t, table in enumerate(tables):
        model.add_linear_constraint(sum(seats[t, g] for g in range(n)), table.min, table.max)
    model.add(seats[0, 0] == 1)
    model.maximize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    status = solver.solve(model)
    seconds = time.monotonic() - start
    if status == cp_model.OPTIMAL:
        return "optimal", solver.objective_value / scale, seconds
    if status == cp_model.FEASIBLE:
        return "feasible", solver.objective_value / scale, seconds
    return "unknown", None, seconds
