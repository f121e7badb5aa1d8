"""Manual changes to a seating: move, swap, lock, go back, and comparing two versions.

Every change to who sits where makes a new version (kind "edit") copied from the one the
organizer was looking at, with its summary recomputed; locks are marked in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dinnerplan.extensions import db
from dinnerplan.models import Event, SeatingVersion, VersionKind, VersionStatus
from dinnerplan.names import natural_key
from dinnerplan.seating import versions as v


class EditError(ValueError):
    """A change that cannot be made, with the reason in plain words."""


def _edited(event: Event, base: SeatingVersion, seating: dict[int, int]) -> SeatingVersion:
    """Record a changed copy of `base` as a new edit version."""
    version = v.new_version(event, VersionKind.EDIT, parent=base, status=VersionStatus.EDITED)
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
    version = v.new_version(event, VersionKind.EDIT, parent=old, status=VersionStatus.EDITED)
    v.record(version, event, v.seating_of(old), v.locked_of(old), v.seating_of(latest))
    version.summary = {**version.summary, "restored_from": old.number}
    return version


@dataclass(frozen=True)
class Move:
    """One guest's change between two versions (table names; None when not seated)."""

    guest: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Comparison:
    """Who changed tablemates between two versions, who gained or lost a helper, the scores."""

    a: SeatingVersion
    b: SeatingVersion
    moves: list[Move]
    score_a: float
    score_b: float
    helped_a: int
    helped_b: int
    gained_helper: list[str] = field(default_factory=list)
    lost_helper: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # same guests, other label

    @property
    def score_change(self) -> float:
        """Total score of b minus that of a."""
        return round(self.score_b - self.score_a, 3)


def match_tables(sa: dict[int, int], sb: dict[int, int]) -> dict[int, int]:
    """Pair each table of seating a with the table of b where most of its guests now sit.

    Only a table that kept more than half of its guests together has a successor: a table
    whose guests were spread over several others has none (its guests have new tablemates).
    """
    from ortools.graph.python import linear_sum_assignment

    ta, tb = sorted(set(sa.values())), sorted(set(sb.values()))
    overlap = {(x, y): 0 for x in ta for y in tb}
    for g, x in sa.items():
        if g in sb:
            overlap[x, sb[g]] += 1
    size = {x: sum(n for (x2, _), n in overlap.items() if x2 == x) for x in ta}

    def together(x: int, y: int) -> int:
        return overlap[x, y] if 2 * overlap[x, y] > size[x] else 0

    solver = linear_sum_assignment.SimpleLinearSumAssignment()
    for x, y in overlap:
        # Most guests kept together first; on a tie the same table keeps its label.
        solver.add_arc_with_cost(ta.index(x), tb.index(y), -(2 * together(x, y) + (x == y)))
    if not ta or not tb or solver.solve() != solver.OPTIMAL:
        return {}
    mates = {ta[i]: tb[solver.right_mate(i)] for i in range(len(ta)) if solver.right_mate(i) >= 0}
    return {x: y for x, y in mates.items() if together(x, y)}


def _before(names: dict[int, str], match: dict[int, int], table: int | None) -> str | None:
    """Name a guest's table in version a, saying where its group sits now."""
    if table is None:
        return None
    if table not in match:
        return f"{names[table]} (split up)"
    if match[table] != table:
        return f"{names[table]} (now {names[match[table]]})"
    return names[table]


def compare(event: Event, a: SeatingVersion, b: SeatingVersion) -> Comparison:
    """Compare two versions: tables matched by who sits together, so relabelling is no move."""
    sa, sb = v.seating_of(a), v.seating_of(b)
    names = {t.id: t.name for t in v.tables_of(event)}
    guests = v.guests_by_id(set(sa) | set(sb))
    match = match_tables(sa, sb)
    moves = [
        Move(guests[g].name, _before(names, match, sa.get(g)), names.get(sb.get(g)))
        for g in sorted(guests, key=lambda g: guests[g].name.lower())
        if g not in sa or g not in sb or match.get(sa[g]) != sb[g]
    ]
    ma = (a.summary or {}).get("metrics", {})
    mb = (b.summary or {}).get("metrics", {})
    helped_a, helped_b = _helped(a), _helped(b)
    both = sorted(set(sa) & set(sb), key=lambda g: guests[g].name.lower())
    renamed = sorted(match.items(), key=lambda pair: natural_key(names[pair[0]]))
    return Comparison(
        a,
        b,
        moves,
        float(ma.get("objective", 0.0)),
        float(mb.get("objective", 0.0)),
        int(ma.get("helped", 0)),
        int(mb.get("helped", 0)),
        gained_helper=[guests[g].name for g in both if g in helped_b - helped_a],
        lost_helper=[guests[g].name for g in both if g in helped_a - helped_b],
        renamed=[(names[x], names[y]) for x, y in renamed if x != y],
    )


def _helped(version: SeatingVersion) -> set[int]:
    """Return the guests who sit with someone who offers what they need in a version."""
    entries = (version.summary or {}).get("guests", {})
    return {int(g) for g, e in entries.items() if e.get("helped") and e.get("helpable")}
