"""Run matching and the solver on an event's confirmed guests and record the result.

Rows -> matching -> solver -> rows. The solver sees guests and tables by their names (made
unique), so its reasons ("Ana Silva and Ben Okafor must be kept apart...") read in plain
words; we translate back to ids here.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from itertools import combinations

from flask import current_app

from dinnerplan.extensions import db
from dinnerplan.models import Event, SeatingVersion, VersionKind, VersionStatus
from dinnerplan.seating import versions as v
from dinnerplan.seating.helping import help_more
from dinnerplan.seating.planning import Plan, SeatingFailed, confirmed_guests, make_plan
from dinnerplan.seating.series import REPEAT_PENALTY

__all__ = ["SeatingFailed", "confirmed_guests", "solve_version"]

# Weight of each guest's best tablemate score: spreads good matches so that nearly every
# guest who can be helped sits with someone who can help (see docs/seating.md).
FAIRNESS = 1.0
# The help polish gets this share of the time left after scoring (at most POLISH_SECONDS per
# 150 guests) and the solver the rest, so a run still ends about within the chosen limit.
POLISH_SHARE = 0.5
POLISH_SECONDS = 3.0  # per 150 guests
RECORD_SHARE = 0.1
SEARCH_FLOOR = 0.45


def fewest_moves_cost(scores) -> float:
    """Return a move cost above anything a seating can gain, so moves are minimised first."""
    total = sum(max(m.score, 0.0) for m in scores.pairs.values())
    # Pair scores sum to at most `total`; the solver's fairness term adds at most 2 * total.
    return 1.0 + 3.0 * total


def _labels(items, name_of) -> dict[int, str]:
    """Give each row a unique human label (its name; '#id' added on a clash)."""
    names = [name_of(x).strip() or f"#{x.id}" for x in items]
    return {
        x.id: n if names.count(n) == 1 else f"{n} (#{x.id})"
        for x, n in zip(items, names, strict=True)
    }


def build_problem(plan: Plan, scores):
    """Translate a plan and matching scores into a solver Problem; return it with the labels."""
    from dinnerplan.solver import Problem
    from dinnerplan.solver import Table as SolverTable

    gl = _labels(plan.guests, lambda g: g.name)
    tl = _labels(plan.tables, lambda t: t.name)
    ids = {str(g.id): gl[g.id] for g in plan.guests}
    pairs = {frozenset((m.a, m.b)): m.score for m in scores.pairs.values()}
    apart = [(a, b) for a, b in scores.apart if a in ids and b in ids]
    for a, b, _ in plan.repeats:
        if plan.repeats_hard:
            apart.append((str(a), str(b)))
        else:  # as few repeats as possible: each costs more than any pair can gain
            key = frozenset((str(a), str(b)))
            pairs[key] = pairs.get(key, 0.0) - REPEAT_PENALTY
    problem = Problem(
        guests=tuple(gl[g.id] for g in plan.guests),
        tables=tuple(SolverTable(tl[t.id], *plan.bounds(t)) for t in plan.tables),
        scores=tuple(
            (ids[a], ids[b], x) for (a, b), x in ((tuple(k), x) for k, x in pairs.items())
        ),
        apart=tuple((ids[a], ids[b]) for a, b in apart),
        together=tuple(tuple(ids[g] for g in grp if g in ids) for grp in scores.together),
        fixed={gl[g]: tl[t] for g, t in plan.fixed.items()},
        hosts=tuple(gl[t.host_guest_id] for t in plan.tables if t.host_guest_id in gl),
        current={gl[g]: tl[t] for g, t in plan.current.items() if g in gl and t in tl},
        move_cost=plan.move_cost,
    )
    return problem, gl, tl


def solve_version(
    version: SeatingVersion,
    time_limit: float | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> None:
    """Seat the version's event (raises InfeasibleError or SeatingFailed); flush the result."""
    from dinnerplan.matching.topics import warm
    from dinnerplan.solver import InfeasibleError

    progress("Preparing the reader of needs and offers…")
    warm()  # trains once per process (seconds): not part of the seating run's time limit
    started = time.monotonic()
    event = db.session.get(Event, version.event_id)
    plan = make_plan(version, event)
    progress(f"Scoring {len(plan.guests)} confirmed guests…")
    scores = v.score_guests(plan.guests)
    # Guests who asked to sit together do, even if they did at an earlier dinner.
    wished = {frozenset(map(int, pair)) for grp in scores.together for pair in combinations(grp, 2)}
    plan.repeats = [r for r in plan.repeats if frozenset(r[:2]) not in wished]
    if math.isinf(plan.move_cost):
        plan.move_cost = fewest_moves_cost(scores)
    limit = float(time_limit or current_app.config["SOLVER_TIME_LIMIT"])
    options, polish_seconds = _budget(plan, limit, time.monotonic() - started)
    progress(
        f"Seating {len(plan.guests)} guests at {len(plan.tables)} tables (search "
        f"{options.time_limit:.0f} s, then seating more guests with a helper)…"
    )
    try:
        result, seating = _run_solver(plan, scores, options)
    except InfeasibleError:
        if not plan.repeats:
            raise
        plan.repeats_hard = False
        progress("No seating keeps every earlier pair apart; seating with the fewest repeats…")
        result, seating = _run_solver(plan, scores, options)
    status, objective = result.status, result.objective
    if version.kind != VersionKind.LATE:  # a late re-seat moves as few guests as possible instead
        progress("Seating more guests with a helper and lifting the weakest table…")
        polished = _polish(plan, scores, seating, polish_seconds)
        if polished != seating:  # no longer the solver's own optimum
            seating, status, objective = polished, VersionStatus.FEASIBLE, None
    v.record(version, event, seating, plan.locked, plan.previous, scores)
    version.summary = {**version.summary, **_notes(plan, seating)}
    version.status = status
    version.objective = objective
    version.bound = result.bound
    version.seconds = round(result.seconds, 2)
    version.reason = ""
    db.session.flush()


def _budget(plan: Plan, limit: float, spent: float):
    """Split what is left of the time limit between the search and the help polish.

    The limit covers the whole run: what was spent (planning, scoring), the search, the help
    polish and recording the result (RECORD_SHARE), so a large dinner ends about on time on a
    machine that is not overloaded.
    """
    from dinnerplan.solver import Options

    # ...but never starve the search: it keeps at least SEARCH_FLOOR of the limit.
    budget = max(SEARCH_FLOOR * limit, limit * (1 - RECORD_SHARE) - spent)
    polish = min(POLISH_SECONDS * max(1.0, len(plan.guests) / 150), POLISH_SHARE * budget)
    options = Options(
        time_limit=max(0.5, budget - polish),
        workers=int(current_app.config["SOLVER_WORKERS"]),
        fairness=float(current_app.config.get("SOLVER_FAIRNESS", FAIRNESS)),
    )
    return options, polish


def _run_solver(plan: Plan, scores, options):
    """Solve the plan's problem; return the result and the seating {guest id: table id}."""
    from dinnerplan.solver import solve

    problem, gl, tl = build_problem(plan, scores)
    result = solve(problem, options)
    guest_of = {label: gid for gid, label in gl.items()}
    table_of = {label: tid for tid, label in tl.items()}
    seating = {guest_of[g]: table_of[t] for t, members in result.tables.items() for g in members}
    return result, seating


def _polish(plan: Plan, scores, seating: dict[int, int], seconds: float) -> dict[int, int]:
    """Seat more helpable guests with a helper and lift the weakest table (help_more)."""
    # A re-seat keeps its preference for leaving guests where they were (plan.move_cost).
    limits = {t.id: plan.bounds(t) for t in plan.tables}
    repeats = [(a, b) for a, b, _ in plan.repeats]
    return help_more(
        scores,
        limits,
        seating,
        seconds,
        plan.fixed,
        plan.current,
        plan.move_cost,
        apart=repeats if plan.repeats_hard else (),
        penalties={pair: -REPEAT_PENALTY for pair in repeats} if not plan.repeats_hard else {},
    )


def _notes(plan: Plan, seating: dict[int, int]) -> dict:
    """What the review page explains beyond the scores: sizes, kept moves, series repeats."""
    names = {g.id: g.name for g in plan.guests}
    repeated = [
        {"a": names[a], "b": names[b], "where": where}
        for a, b, where in plan.repeats
        if seating.get(a) is not None and seating.get(a) == seating.get(b)
    ]
    notes = {
        "size_note": plan.size_note,
        "kept": sorted(plan.kept),
        "series_apart": len(plan.repeats) - len(repeated),
        "repeats": repeated,
    }
    return {k: x for k, x in notes.items() if x}
