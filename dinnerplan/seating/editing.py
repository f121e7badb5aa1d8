"""Manual changes to a seating: move, swap, lock, go back, and comparing two versions.

Every change to who sits where makes a new version (kind "edit") copied from the one the
organizer was looking at, with its summary recomputed; locks are marked in place.
"""

from __future__ import annotations

from dataclasses import dataclass

from dinnerplan.extensions import db
from dinnerplan.models import Event, SeatingVersion
from dinnerplan.seating import versions as v


class EditError(ValueError):
    """A change that cannot be made, with the reason in plain words."""


def _edited(event: Event, base: SeatingVersion, seating: dict[int, int]) -> SeatingVersion:
    """Record a changed copy of `base` as a new edit version."""
    version = v.new_version(event, "edit", parent=base, status="edited")
    v.record(version, event, seating, v.locked_of(base), v.seating_of(base))
    return version


def _seated(base: SeatingVersion, guest_id: int) -> None:
    if guest_id not in v.seating_of(base):
        raise EditError("That guest is not seated in this version.")


def move_guest(event: Event, base: SeatingVersion, guest_id: int, table_id: int) -> SeatingVersion:
    """Move one guest to another table in a new version."""
    _seated(base, guest_id)
    if table_id not in {t.id for t in v.tables_of(event)}:
        raise EditError("Choose one of this event's tables.")
    seating = v.seating_of(base)
    if seating[guest_id] == table_id:
        raise EditError("The guest already sits at that table.")
    seating[guest_id] = table_id
    return _edited(event, base, seating)


def swap_guests(event: Event, base: SeatingVersion, a: int, b: int) -> SeatingVersion:
    """Swap the tables of two guests in a new version."""
    _seated(base, a)
    _seated(base, b)
    seating = v.seating_of(base)
    if seating[a] == seating[b]:
        raise EditError("Those two guests already sit at the same table.")
    seating[a], seating[b] = seating[b], seating[a]
    return _edited(event, base, seating)


def set_lock(
    base: SeatingVersion, locked: bool, guest_id: int | None = None, table_id: int | None = None
) -> int:
    """Lock or unlock one guest or every guest at a table; return how many changed."""
    rows = [
        a
        for a in base.assignments
        if (guest_id is not None and a.guest_id == guest_id)
        or (table_id is not None and a.table_id == table_id)
    ]
    if not rows:
        raise EditError("Nobody to lock there in this version.")
    for a in rows:
        a.locked = locked
    db.session.flush()
    return len(rows)


def restore(event: Event, old: SeatingVersion) -> SeatingVersion:
    """Go back to an old seating: copy it into a new version."""
    if old.status not in v.SEATED:
        raise EditError("That version holds no seating to go back to.")
    latest = v.latest_version(event, seated_only=True)
    version = v.new_version(event, "edit", parent=old, status="edited")
    v.record(version, event, v.seating_of(old), v.locked_of(old), v.seating_of(latest))
    return version


@dataclass(frozen=True)
class Move:
    """One guest's change between two versions (table names; None when not seated)."""

    guest: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Comparison:
    """Who moved between two versions and how the scores changed."""

    a: SeatingVersion
    b: SeatingVersion
    moves: list[Move]
    score_a: float
    score_b: float
    helped_a: int
    helped_b: int

    @property
    def score_change(self) -> float:
        """Total score of b minus that of a."""
        return round(self.score_b - self.score_a, 3)


def compare(event: Event, a: SeatingVersion, b: SeatingVersion) -> Comparison:
    """Compare two versions: every guest whose table differs, and the score change."""
    sa, sb = v.seating_of(a), v.seating_of(b)
    names = {t.id: t.name for t in v.tables_of(event)}
    guests = v.guests_by_id(set(sa) | set(sb))
    moves = [
        Move(guests[g].name, names.get(sa.get(g)), names.get(sb.get(g)))
        for g in sorted(guests, key=lambda g: guests[g].name.lower())
        if sa.get(g) != sb.get(g)
    ]
    ma = (a.summary or {}).get("metrics", {})
    mb = (b.summary or {}).get("metrics", {})
    return Comparison(
        a,
        b,
        moves,
        float(ma.get("objective", 0.0)),
        float(mb.get("objective", 0.0)),
        int(ma.get("helped", 0)),
        int(mb.get("helped", 0)),
    )
