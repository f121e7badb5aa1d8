"""What one seating run solves: who is seated, at which tables of which sizes, what is fixed.

make_plan reads the version's kind: a fresh seating ("solve"), a re-seat of the rest that
keeps locks and hand moves ("reseat"), a re-seat of everyone but locks ("reseat_all"), or
late changes with the fewest moves ("late"). Flushes (tables laid out), never commits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sqlalchemy.orm import selectinload

from dinnerplan.events.tables import planned_sizes
from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Rsvp, SeatingVersion, Table, VersionKind
from dinnerplan.seating import versions as v
from dinnerplan.seating.keeping import hand_moved
from dinnerplan.seating.series import repeat_pairs
from dinnerplan.solver.sizes import PlanError, fit_sizes

# A re-seat around locks prefers to leave the unlocked guests where they were: a move must
# gain more than this (a need met is worth 10).
RESEAT_MOVE_COST = 0.5


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
    # Pairs who shared a table at an earlier dinner of the series: apart (hard) if possible.
    repeats: list[tuple[int, int, str]] = field(default_factory=list)
    repeats_hard: bool = True
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
            .where(Guest.event_id == event.id, Guest.rsvp == Rsvp.YES)
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
    if version.kind == VersionKind.LATE:
        return _late_plan(guests, tables, fixed, before, locked, parent, closed)
    if version.kind == VersionKind.RESEAT:
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
    elif (
        version.kind == VersionKind.RESEAT_ALL
    ):  # everyone may move but the locked guests and hosts
        plan = Plan(guests, tables, fixed, {}, 0.0, locked, v.seating_of(parent), closed)
    else:
        plan = Plan(guests, tables, fixed, {}, 0.0, set(), None)
    plan.fit_to(event.uneven_tables)
    plan.repeats = repeat_pairs(event, guests)
    return plan


def _late_plan(guests, tables, fixed, before, locked, parent, closed) -> Plan:
    """Fewest moves first: the cost is set from the scores (see fewest_moves_cost).

    Table sizes keep their own bounds: evening them out would move guests for no one's
    sake. On the night, guests who arrived sit where they are, and a table that lost its
    no-shows may run small rather than break up another.
    """
    arrived = {g.id: before[g.id] for g in guests if g.checked_in_at and g.id in before}
    plan = Plan(
        guests, tables, arrived | fixed, before, math.inf, locked, v.seating_of(parent), closed
    )
    if arrived:
        plan.sizes = {t.id: (0, plan.own_bounds(t)[1]) for t in tables}
    return plan


def _closed_tables(before: dict[int, int], locked: set[int]) -> dict[int, int]:
    """Tables where every seated guest is locked, with how many sit there."""
    seated: dict[int, list[int]] = {}
    for guest, table in before.items():
        seated.setdefault(table, []).append(guest)
    return {t: len(gs) for t, gs in seated.items() if all(g in locked for g in gs)}
