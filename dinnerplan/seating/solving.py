"""Run matching and the solver on an event's confirmed guests and record the result.

Rows -> matching -> solver -> rows. The solver sees guests and tables by their names (made
unique), so its reasons ("Ana Silva and Ben Okafor must be kept apart...") read in plain
words; we translate back to ids here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy.orm import selectinload

from dinnerplan.events.tables import planned_sizes
from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, SeatingVersion, Table
from dinnerplan.seating import versions as v
from dinnerplan.seating.helping import help_more
from dinnerplan.seating.keeping import hand_moved
from dinnerplan.solver.sizes import PlanError, fit_sizes

# A re-seat around locks prefers to leave the unlocked guests where they were: a move must
# gain more than this (a need met is worth 10).
RESEAT_MOVE_COST = 0.5
# Weight of each guest's best tablemate score: spreads good matches so that nearly every
# guest who can be helped sits with someone who can help (see docs/seating.md).
FAIRNESS = 1.0
# The help polish gets this share of the time limit (at most POLISH_SECONDS) and the solver
# the rest, so a run still ends within the limit the organizer chose.
POLISH_SHARE = 0.15
POLISH_SECONDS = 2.0


class SeatingFailed(Exception):
    """The seating could not run for a reason that is not a rule conflict."""


@dataclass
class Plan:
    """What one solver run needs: guests, tables, fixed seats and the seating to stay near."""

    guests: list[Guest]
    tables: list[Table]
    fixed: dict[int, int]
    current: dict[int, int]
    move_cost: float
    locked: set[int]
    previous: dict[int, int] | None
    # A table whose every guest is locked is closed: nobody joins or leaves it.
    closed: dict[int, int] = field(default_factory=dict)
    # Guests kept where the organizer moved them by hand (implicit locks).
    kept: set[int] = field(default_factory=set)
    # Each table's size bounds for this run (see fit_to), and why they are uneven.
    sizes: dict[int, tuple[int, int]] = field(default_factory=dict)
    size_note: str = ""

    def own_bounds(self, table: Table) -> tuple[int, int]:
        """The table's own size bounds (a closed table keeps its size)."""
        if table.id in self.closed:
            return self.closed[table.id], self.closed[table.id]
        return table.min_seats, table.max_seats

    def bounds(self, table: Table) -> tuple[int, int]:
        """The table's size bounds for this run."""
        return self.sizes.get(table.id) or self.own_bounds(table)

    def fit_to(self, uneven: bool) -> None:
        """Narrow the tables' bounds so sizes differ by at most one where the tables allow."""
        fit = fit_sizes(len(self.guests), [self.own_bounds(t) for t in self.tables], uneven)
        self.sizes = {t.id: b for t, b in zip(self.tables, fit.bounds, strict=True)}
        self.size_note = fit.note


def confirmed_guests(event: Event) -> list[Guest]:
    """Return the guests who said yes, by id."""
    return list(
        db.session.execute(
            db.select(Guest)
            .where(Guest.event_id == event.id, Guest.rsvp == "yes")
            .options(selectinload(Guest.links))  # profiles read every guest's wishes
            .order_by(Guest.id)
        ).scalars()
    )


def ensure_tables(event: Event, headcount: int) -> list[Table]:
    """Return the event's tables, laying them out automatically when it has none."""
    tables = v.tables_of(event)
    if tables:
        return tables
    try:
        sizes = planned_sizes(event, headcount)
    except PlanError as exc:
        from dinnerplan.solver import InfeasibleError

        raise InfeasibleError(exc.reason) from None
    for i, _ in enumerate(sizes, start=1):
        db.session.add(
            Table(
                event_id=event.id,
                name=f"Table {i}",
                min_seats=event.table_min,
                max_seats=event.table_max,
                position=i,
            )
        )
    db.session.flush()
    return v.tables_of(event)


def make_plan(version: SeatingVersion, event: Event) -> Plan:
    """Decide who is seated, what is fixed and what to stay near, from the version's kind."""
    guests = confirmed_guests(event)
    if not guests:
        raise SeatingFailed(
            "there are no confirmed guests to seat yet; guests are seated once they answer yes"
        )
    tables = ensure_tables(event, len(guests))
    parent = db.session.get(SeatingVersion, version.parent_id) if version.parent_id else None
    present = {g.id for g in guests}
    table_ids = {t.id for t in tables}
    before = {g: t for g, t in v.seating_of(parent).items() if g in present and t in table_ids}
    locked = {g for g in v.locked_of(parent) if g in before}
    fixed = {g: before[g] for g in locked}
    for table in tables:  # a table's host sits at that table
        if table.host_guest_id in present:
            fixed.setdefault(table.host_guest_id, table.id)
    closed = _closed_tables(before, locked)
    if version.kind == "late":
        # Fewest moves first: the cost is set from the scores (see fewest_moves_cost). Table
        # sizes keep their own bounds: evening them out would move guests for no one's sake.
        return Plan(guests, tables, fixed, before, math.inf, locked, v.seating_of(parent), closed)
    if version.kind == "reseat":
        # Hand moves since the last full seating are implicit locks (see keeping.py).
        kept = {g: before[g] for g in hand_moved(parent) if g in before}
        plan = Plan(
            guests,
            tables,
            kept | fixed,
            before,
            RESEAT_MOVE_COST,
            locked,
            v.seating_of(parent),
            _closed_tables(before, locked | set(kept)),
            kept=set(kept) - set(fixed),
        )
    elif version.kind == "reseat_all":  # everyone may move but the locked guests and hosts
        plan = Plan(guests, tables, fixed, {}, 0.0, locked, v.seating_of(parent), closed)
    else:
        plan = Plan(guests, tables, fixed, {}, 0.0, set(), None)
    plan.fit_to(event.uneven_tables)
    return plan


def _closed_tables(before: dict[int, int], locked: set[int]) -> dict[int, int]:
    """Tables where every seated guest is locked, with how many sit there."""
    seated: dict[int, list[int]] = {}
    for guest, table in before.items():
        seated.setdefault(table, []).append(guest)
    return {t: len(gs) for t, gs in seated.items() if all(g in locked for g in gs)}


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
    problem = Problem(
        guests=tuple(gl[g.id] for g in plan.guests),
        tables=tuple(SolverTable(tl[t.id], *plan.bounds(t)) for t in plan.tables),
        scores=tuple((ids[m.a], ids[m.b], m.score) for m in scores.pairs.values()),
        apart=tuple((ids[a], ids[b]) for a, b in scores.apart if a in ids and b in ids),
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
    from dinnerplan.solver import Options, solve

    event = db.session.get(Event, version.event_id)
    plan = make_plan(version, event)
    progress(f"Scoring {len(plan.guests)} confirmed guests…")
    scores = v.score_guests(plan.guests)
    if math.isinf(plan.move_cost):
        plan.move_cost = fewest_moves_cost(scores)
    problem, gl, tl = build_problem(plan, scores)
    limit = float(time_limit or current_app.config["SOLVER_TIME_LIMIT"])
    progress(f"Seating {len(plan.guests)} guests at {len(plan.tables)} tables (up to {limit:g} s)…")
    polish_seconds = min(POLISH_SECONDS, POLISH_SHARE * limit)
    options = Options(
        time_limit=limit - polish_seconds,
        workers=int(current_app.config["SOLVER_WORKERS"]),
        fairness=float(current_app.config.get("SOLVER_FAIRNESS", FAIRNESS)),
    )
    result = solve(problem, options)
    guest_of = {label: gid for gid, label in gl.items()}
    table_of = {label: tid for tid, label in tl.items()}
    seating = {guest_of[g]: table_of[t] for t, members in result.tables.items() for g in members}
    status, objective = result.status, result.objective
    if version.kind != "late":  # a late re-seat moves as few guests as possible instead
        # A re-seat keeps its preference for leaving guests where they were (plan.move_cost).
        limits = {t.id: plan.bounds(t) for t in plan.tables}
        polished = help_more(
            scores, limits, seating, polish_seconds, plan.fixed, plan.current, plan.move_cost
        )
        if polished != seating:  # no longer the solver's own optimum
            seating, status, objective = polished, "feasible", None
    v.record(version, event, seating, plan.locked, plan.previous, scores)
    extra = {"size_note": plan.size_note, "kept": sorted(plan.kept)}
    version.summary = {**version.summary, **{k: x for k, x in extra.items() if x}}
    version.status = status
    version.objective = objective
    version.bound = result.bound
    version.seconds = round(result.seconds, 2)
    version.reason = ""
    db.session.flush()
