"""Tables of an event: add, change, remove, and lay out N tables for a headcount.

Operations flush, never commit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from flask import abort
from sqlalchemy import func

from dinnerplan.extensions import db
from dinnerplan.models import Assignment, Event, Guest, Rsvp, Table
from dinnerplan.solver.sizes import PlanError, default_target, plan_tables


@dataclass(frozen=True)
class TableSummary:
    """How the tables compare with the guests expected."""

    count: int
    min_seats: int
    max_seats: int
    headcount: int
    headcount_source: str  # "yes" | "capacity" | "none"

    @property
    def fits(self) -> bool:
        """True when the tables can seat the headcount within their bounds."""
        return self.count > 0 and self.min_seats <= self.headcount <= self.max_seats


@dataclass(frozen=True)
class TableRow:
    """One line of the tables page: a table and its host's name, for display."""

    id: int
    name: str
    min_seats: int
    max_seats: int
    host: str | None  # the host guest's name, None when the table has no host


def table_rows(event: Event) -> list[TableRow]:
    """Return the event's tables in their order, each with its host's name (one query)."""
    rows = db.session.execute(
        db.select(Table.id, Table.name, Table.min_seats, Table.max_seats, Guest.name)
        .outerjoin(Guest, Guest.id == Table.host_guest_id)
        .where(Table.event_id == event.id)
        .order_by(Table.position, Table.id)
    )
    return [TableRow(*row) for row in rows]


def table_or_404(event: Event, table_id: int) -> Table:
    """Return a table of this (already authorized) event, or 404."""
    table = db.session.get(Table, table_id)
    if table is None or table.event_id != event.id:
        abort(404)
    return table


def yes_count(event: Event) -> int:
    """How many guests said yes."""
    return db.session.execute(
        db.select(func.count()).where(Guest.event_id == event.id, Guest.rsvp == Rsvp.YES)
    ).scalar_one()


def headcount_for(event: Event) -> tuple[int, str]:
    """Guests to seat: those who said yes, or the capacity while nobody has answered."""
    yes = yes_count(event)
    if yes:
        return yes, "yes"
    if event.capacity:
        return event.capacity, "capacity"
    return 0, "none"


def summarize(event: Event) -> TableSummary:
    """Count the tables and their seats against the expected headcount."""
    headcount, source = headcount_for(event)
    return TableSummary(
        count=len(event.tables),
        min_seats=sum(t.min_seats for t in event.tables),
        max_seats=sum(t.max_seats for t in event.tables),
        headcount=headcount,
        headcount_source=source,
    )


def host_choices(event: Event) -> list[tuple[int, str]]:
    """Guests who can host a table: everyone who hasn't declined, those coming first."""
    guests = db.session.execute(
        db.select(Guest).where(Guest.event_id == event.id, Guest.rsvp != Rsvp.NO)
    ).scalars()
    ordered = sorted(guests, key=lambda g: (g.rsvp != Rsvp.YES, g.name.lower(), g.id))
    return [(g.id, f"{g.name} ({g.rsvp})") for g in ordered]


def save_table(event: Event, table: Table | None, form) -> Table:
    """Create a table (table=None) or update one from a validated TableForm."""
    if table is None:
        table = Table(event_id=event.id, position=_next_position(event))
        event.tables.append(table)
    table.name = form.name.data.strip()
    table.min_seats, table.max_seats = form.min_seats.data, form.max_seats.data
    table.host_guest_id = form.host.data or None
    db.session.flush()
    return table


def remove_table(event: Event, table: Table) -> None:
    """Remove a table (its seats in any seating version go with it)."""
    event.tables.remove(table)
    db.session.flush()


def _next_position(event: Event) -> int:
    return max((t.position for t in event.tables), default=0) + 1


def _is_replaceable(table: Table, seated_table_ids: set[int]) -> bool:
    # Tables with a host or with guests seated in some seating version are the
    # organizer's deliberate work: the layout helper keeps them.
    return table.host_guest_id is None and table.id not in seated_table_ids


def target_size(event: Event) -> int:
    """The table size the event aims for: the organizer's, else the middle of the bounds."""
    return event.table_target or default_target(event.table_min, event.table_max)


def planned_sizes(event: Event, headcount: int) -> list[int]:
    """Plan balanced table sizes for a headcount at this event (raises PlanError)."""
    return plan_tables(headcount, event.table_min, event.table_max, target_size(event))


def layout_tables(event: Event, headcount: int) -> list[Table] | str:
    """Replace unseated, hostless tables with balanced 'Table N' tables; or say why not."""
    try:
        sizes = planned_sizes(event, headcount)
    except PlanError as exc:
        return exc.reason
    seated = set(
        db.session.execute(
            db.select(Assignment.table_id).join(Table).where(Table.event_id == event.id)
        ).scalars()
    )
    kept = [t for t in event.tables if not _is_replaceable(t, seated)]
    for table in [t for t in event.tables if _is_replaceable(t, seated)]:
        event.tables.remove(table)
    db.session.flush()
    taken = {t.name for t in kept}
    names = (f"Table {n}" for n in range(1, 10_000) if f"Table {n}" not in taken)
    created = []
    # Each table keeps the event's bounds (not its planned size) so seating has room to
    # move people, and a late yes doesn't make the plan infeasible.
    # Kept tables count towards the plan: they seat guests too.
    for _size, name in zip(sizes[len(kept) :], names, strict=False):
        table = Table(name=name, min_seats=event.table_min, max_seats=event.table_max)
        table.position = _next_position(event)
        event.tables.append(table)
        created.append(table)
    db.session.flush()
    return created


def layout_message(headcount: int, created: list[Table]) -> str:
    """Say in a sentence what the layout helper did."""
    if not created:
        return "No guests to seat, so no tables were laid out."
    event = created[0].event
    sizes = planned_sizes(event, headcount)
    groups = sorted(Counter(sizes).items(), reverse=True)
    split = " and ".join(f"{n} of {size}" for size, n in groups)
    message = (
        f"Laid out {len(created)} table{'s' if len(created) != 1 else ''} for {headcount} "
        f"guests ({split}), aiming for tables of {target_size(event)}; "
        f"each table takes {event.table_min}–{event.table_max}."
    )
    kept = [t.name for t in event.tables if t not in created]
    if kept:
        message += f" Kept {', '.join(kept)}: they have a host or seated guests."
    return message
