"""Strategy: check the input, seat small problems with CP-SAT, large ones with tabu search."""

from __future__ import annotations

import os
import time
from dataclasses import replace

import numpy as np

import dinnerplan.solver.validate as validate
from dinnerplan.solver.instance import Instance, build
from dinnerplan.solver.model import SeatingModel
from dinnerplan.solver.polish import Polisher
from dinnerplan.solver.schema import InfeasibleError, Options, Problem, Result
from dinnerplan.solver.search import Space, best_of_runs

EXACT_LIMIT = 40  # guests; up to here CP-SAT tries to prove the optimum

FAMILIES = {
    "table sizes": lambda p: replace(p, tables=tuple(replace(t, min=0) for t in p.tables)),
    "keep-apart pairs": lambda p: replace(p, apart=()),
    "keep-together groups": lambda p: replace(p, together=()),
    "fixed seats": lambda p: replace(p, fixed={}),
    "hosts": lambda p: replace(p, hosts=()),
}


def make_space(inst: Instance) -> tuple[Space, np.ndarray]:
    """Node-level search space; keep-apart pairs (and host pairs) become a large penalty."""
    d = inst.node_scores()
    unary = -inst.node_moves()
    m = len(inst.nodes)
    ap = np.zeros((m, m), dtype=bool)
    for a, b in inst.apart:
        v, w = inst.node_of[a], inst.node_of[b]
        ap[v, w] = ap[w, v] = True
    penalty = 4 * np.abs(d).sum(axis=1).max() + 2 * np.abs(unary).max() + 1
    pairs = np.argwhere(np.triu(ap, 1))
    sp = Space(d - penalty * ap, unary, inst.weight, inst.mins, inst.maxs, inst.node_fixed, pairs)
    return sp, ap


def upper_bound(inst: Instance) -> float:
    """Cheap bound: each guest's best possible tablemates, halved, plus best-mate rewards."""
    seats = int(inst.maxs.max()) - 1
    top = -np.sort(-np.maximum(inst.d, 0), axis=1)[:, :seats]
    return float(top.sum() / 2 + inst.fairness * top[:, :1].sum())


def diagnose(problem: Problem, options: Options, seconds: float) -> str:
    """Find which rule families, each dropped alone, would make the problem solvable."""
    culprits = []
    for name, drop in FAMILIES.items():
        try:
            inst = build(drop(problem), 0.0)
        except InfeasibleError:
            continue
        out = SeatingModel(inst, with_objective=False).solve(seconds, 1, options.seed)
        if out.status in ("optimal", "feasible"):
            culprits.append(name)
    if culprits:
        return (
            "no seating satisfies all the rules together; it becomes possible when "
            + " or ".join(f"the {c} are relaxed" for c in culprits)
        )
    return (
        "no seating satisfies the table sizes, keep-apart pairs, keep-together groups, "
        "fixed seats and hosts together; several of them conflict"
    )


def _finish(
    problem: Problem,
    inst: Instance,
    node_tables: np.ndarray,
    status: str,
    bound: float | None,
    t0: float,
) -> Result:
    tables = inst.seating(node_tables[inst.node_of])
    errors = validate.check(problem, tables)
    if errors:  # a bug, never a user error: refuse to hand out a broken seating
        raise AssertionError("solver produced an invalid seating: " + "; ".join(errors))
    parts = validate.breakdown(problem, tables, inst.fairness)
    bound = None if bound is None else float(bound)
    return Result(
        status=status,
        objective=parts["objective"],
        bound=bound,
        seconds=time.monotonic() - t0,
        tables=tables,
        table_scores=parts["table_scores"],
        guest_scores=parts["guest_scores"],
        moved=parts["moved"],
        penalties=parts["penalties"],
    )


def _search(problem: Problem, inst: Instance, sp: Space, options: Options, t0: float):
    """Heuristic seating (node -> table), falling back to CP-SAT when no valid start is found."""
    small = inst.n <= EXACT_LIMIT
    workers = options.workers or os.cpu_count() or 1
    share = 0.2 if small else (0.85 if inst.fairness > 0 else 1.0)
    # Leave a little time for collecting the workers' answers and checking the seating.
    h_deadline = t0 + share * options.time_limit - min(0.1, 0.03 * options.time_limit)
    patience = 30 if small else None
    runs = 1 if small else workers
    _, grp = best_of_runs(sp, options.seed, h_deadline, runs, options.iterations, None, patience)
    if grp is not None and sp.violations(grp) == 0:
        return grp
    # The greedy start or the search could not satisfy every rule: ask CP-SAT for any seating.
    remaining = t0 + options.time_limit - time.monotonic()
    out = SeatingModel(inst, with_objective=False).solve(remaining / 2, workers, options.seed)
    if out.status == "infeasible":
        raise InfeasibleError(diagnose(problem, options, max(0.5, options.time_limit / 10)))
    if out.table_of_node is None:
        raise InfeasibleError(
            "no seating satisfying every rule was found within the time limit; "
            "allow more time or relax the keep-apart pairs"
        )
    if small:
        return out.table_of_node
    _, grp = best_of_runs(
        sp, options.seed, h_deadline, 1, options.iterations, out.table_of_node, patience
    )
    return grp


def solve(problem: Problem, options: Options | None = None, t0: float | None = None) -> Result:
    """Seat every guest; raise InfeasibleError with a reason when no seating exists.

    `t0` is when the caller's clock started (default: now); the time limit counts from it.
    """
    options = options or Options()
    t0 = time.monotonic() if t0 is None else t0
    deadline = t0 + options.time_limit
    inst = build(problem, options.fairness)
    if inst.n == 0:
        return _finish(problem, inst, np.zeros(0, dtype=np.int64), "optimal", 0.0, t0)
    sp, ap = make_space(inst)
    small = inst.n <= EXACT_LIMIT
    grp = _search(problem, inst, sp, options, t0)
    if inst.fairness > 0 or small:
        polish_until = min(deadline, time.monotonic() + 0.1 * options.time_limit)
        grp = Polisher(inst, ap).run(grp, polish_until)
    if not small:
        return _finish(problem, inst, grp, "feasible", upper_bound(inst), t0)
    # Small problems: CP-SAT, warm-started with the heuristic seating, tries to prove the optimum.
    model = SeatingModel(inst)
    model.hint(grp)
    out = model.solve(
        deadline - time.monotonic(), options.workers or os.cpu_count() or 1, options.seed
    )
    if out.status == "infeasible":
        raise InfeasibleError(diagnose(problem, options, max(0.5, options.time_limit / 10)))
    heur = _finish(problem, inst, grp, "feasible", out.bound, t0)
    if out.table_of_node is None:
        return heur
    exact = _finish(problem, inst, out.table_of_node, out.status, out.bound, t0)
    if out.status == "optimal" and heur.objective >= exact.objective - 1e-6:
        return replace(heur, status="optimal")  # same value; keep the reproducible seating
    return exact if exact.objective > heur.objective else heur
