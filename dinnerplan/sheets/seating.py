"""Load the seating to print: the version, its tables and their guests in talk order."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from dinnerplan import names
from dinnerplan.extensions import db
from dinnerplan.models import Assignment, Event, Guest, Rsvp, SeatingVersion, Table
from dinnerplan.profile import DIETARY, intent_label
from dinnerplan.seating.versions import current_version


@dataclass(frozen=True)
class Person:
    """A seated guest with what the sheets print about them."""

    id: int
    name: str
    surname: str
    given: str
    company: str
    title: str
    one_liner: str
    intent: str
    offers: tuple[str, ...]
    dietary: tuple[str, ...]  # DIETARY keys
    dietary_other: str
    accessibility: str


@dataclass(frozen=True)
class SeatedTable:
    """A table and its guests in talk order."""

    id: int
    name: str
    host_id: int | None
    guests: tuple[Person, ...]


@dataclass(frozen=True)
class Seating:
    """The version being printed and its tables, in table order."""

    version_id: int
    version_number: int
    published: bool
    tables: tuple[SeatedTable, ...]
    summary: dict = field(default_factory=dict)


def load_seating(event: Event, version: SeatingVersion | None = None) -> Seating | None:
    """Return the event's seating to print, or None when nobody is seated yet."""
    version = version or current_version(event)  # the one rule: published, else latest
    if version is None or version.event_id != event.id:
        return None
    rows = db.session.execute(
        db.select(Assignment, Guest, Table)
        .join(Guest, Guest.id == Assignment.guest_id)
        .join(Table, Table.id == Assignment.table_id)
        .where(
            Assignment.version_id == version.id,
            Guest.event_id == event.id,  # never print another event's guest
            Table.event_id == event.id,
            Guest.rsvp == Rsvp.YES,  # a guest who declined since gets no card, no door-list line
        )
    ).all()
    if not rows:
        return None
    seated: dict[int, list[tuple[int, Person]]] = {}
    tables: dict[int, Table] = {}
    for assignment, guest, table in rows:
        tables[table.id] = table
        seated.setdefault(table.id, []).append((assignment.seat_order, _person(guest)))
    ordered = sorted(tables.values(), key=lambda t: (t.position, names.collation_key(t.name), t.id))
    return Seating(
        version_id=version.id,
        version_number=version.number,
        published=version.published_at is not None,
        tables=tuple(
            SeatedTable(
                id=t.id,
                name=t.name,
                host_id=t.host_guest_id,
                guests=tuple(p for _, p in sorted(seated[t.id], key=lambda s: (s[0], s[1].id))),
            )
            for t in ordered
        ),
        summary=version.summary or {},
    )


def only_table(seating: Seating, table_id: int) -> Seating | None:
    """Return the seating cut down to one table (to reprint its sheet or cards), or None."""
    tables = tuple(t for t in seating.tables if t.id == table_id)
    return replace(seating, tables=tables) if tables else None


def _person(guest: Guest) -> Person:
    surname, given = names.display_parts(guest.name)
    return Person(
        id=guest.id,
        name=guest.name,
        surname=surname,
        given=given,
        company=guest.company or "",
        title=guest.title or "",
        one_liner=guest.one_liner or "",
        intent=intent_label(guest.intent),
        offers=tuple(guest.offers or ()),
        dietary=tuple(k for k in DIETARY if k in (guest.dietary or ())),
        dietary_other=guest.dietary_other or "",
        accessibility=guest.accessibility or "",
    )
