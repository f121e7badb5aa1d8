"""Seating versions: find them, read their seating, and record a new seating into one.

Operations flush, never commit. Every solver run, re-seat and manual edit is its own
SeatingVersion; a version is only ever written once (locks aside), so going back is a copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy.orm import defer

from dinnerplan.extensions import db
from dinnerplan.models import Assignment, Event, Guest, Rsvp, SeatingVersion, Table, VersionStatus
from dinnerplan.seating import profiles
from dinnerplan.seating.summary import TableLimits, moves_between, summarize, talk_order

ACTIVE = (VersionStatus.PENDING, VersionStatus.RUNNING)  # a job is (or should be) working on it
# A version's summary (every pair's score and reasons) is read only where it is shown: the
# event page asks for the latest and the published version on every visit.
_DEFER_SUMMARY = defer(SeatingVersion.summary)
# It holds a complete seating.
SEATED = (VersionStatus.OPTIMAL, VersionStatus.FEASIBLE, VersionStatus.EDITED)
STATUS_LABELS = {
    VersionStatus.PENDING: "Waiting to start",
    VersionStatus.RUNNING: "Seating…",
    VersionStatus.OPTIMAL: "Optimal",
    VersionStatus.FEASIBLE: "Best found",
    VersionStatus.EDITED: "Edited by hand",
    VersionStatus.INFEASIBLE: "No seating possible",
    VersionStatus.FAILED: "Failed",
}


def versions_of(event: Event) -> list[SeatingVersion]:
    """Return the event's versions, newest first."""
    return list(
        db.session.execute(
            db.select(SeatingVersion)
            .where(SeatingVersion.event_id == event.id)
            .order_by(SeatingVersion.number.desc())
        ).scalars()
    )


def find_version(event: Event, number: int) -> SeatingVersion | None:
    """Return the event's version with this number, or None."""
    return db.session.execute(
        db.select(SeatingVersion).where(
            SeatingVersion.event_id == event.id, SeatingVersion.number == number
        )
    ).scalar_one_or_none()


def latest_version(event: Event, seated_only: bool = False) -> SeatingVersion | None:
    """Return the newest version (or the newest that holds a seating)."""
    query = (
        db.select(SeatingVersion).options(_DEFER_SUMMARY).where(SeatingVersion.event_id == event.id)
    )
    if seated_only:
        query = query.where(SeatingVersion.status.in_(SEATED))
    return db.session.execute(
        query.order_by(SeatingVersion.number.desc()).limit(1)
    ).scalar_one_or_none()


def published_version(event: Event) -> SeatingVersion | None:
    """Return the published version (the latest published wins), or None."""
    return db.session.execute(
        db.select(SeatingVersion)
        .options(_DEFER_SUMMARY)
        .where(SeatingVersion.event_id == event.id, SeatingVersion.published_at.is_not(None))
        .order_by(SeatingVersion.published_at.desc(), SeatingVersion.number.desc())
        .limit(1)
    ).scalar_one_or_none()


def current_version(event: Event) -> SeatingVersion | None:
    """Return the published version, else the latest one that holds a seating."""
    return published_version(event) or latest_version(event, seated_only=True)


def new_version(
    event: Event,
    kind: str,
    parent: SeatingVersion | None = None,
    status: str = VersionStatus.PENDING,
) -> SeatingVersion:
    """Add the event's next version (numbered 1, 2, 3...)."""
    last = db.session.execute(
        db.select(db.func.max(SeatingVersion.number)).where(SeatingVersion.event_id == event.id)
    ).scalar()
    version = SeatingVersion(
        event_id=event.id,
        number=(last or 0) + 1,
        kind=kind,
        status=status,
        parent_id=parent.id if parent else None,
        summary={},
    )
    db.session.add(version)
    db.session.flush()
    return version


def seating_of(version: SeatingVersion | None) -> dict[int, int]:
    """Return {guest_id: table_id} of a version (empty for None)."""
    return {a.guest_id: a.table_id for a in version.assignments} if version else {}


def locked_of(version: SeatingVersion | None) -> set[int]:
    """Return the ids of the guests locked at their table in a version."""
    return {a.guest_id for a in version.assignments if a.locked} if version else set()


def not_coming(version: SeatingVersion) -> list[Guest]:
    """Return the guests seated in this version who are no longer a yes (declined since)."""
    return list(
        db.session.scalars(
            db.select(Guest)
            .join(Assignment, Assignment.guest_id == Guest.id)
            .where(Assignment.version_id == version.id, Guest.rsvp != Rsvp.YES)
            .order_by(Guest.name, Guest.id)
        )
    )


def tables_of(event: Event) -> list[Table]:
    """Return the event's tables in their display order."""
    return list(
        db.session.execute(
            db.select(Table).where(Table.event_id == event.id).order_by(Table.position, Table.id)
        ).scalars()
    )


def guests_by_id(ids: Iterable[int]) -> dict[int, Guest]:
    """Return the guests with these ids."""
    ids = list(ids)
    if not ids:
        return {}
    rows = db.session.execute(db.select(Guest).where(Guest.id.in_(ids))).scalars()
    return {g.id: g for g in rows}


def score_guests(guests: Iterable[Guest]):
    """Score every pair of these guests with the matching library."""
    return profiles.score_guests(guests)  # confirmed topics and the event's catalogue


def record(
    version: SeatingVersion,
    event: Event,
    seating: Mapping[int, int],
    locked: Iterable[int] = (),
    previous: Mapping[int, int] | None = None,
    scores=None,
) -> None:
    """Write a seating {guest: table} into a version: assignments, talk order, summary."""
    guests = guests_by_id(seating)
    scores = scores if scores is not None else score_guests(guests.values())
    tables = tables_of(event)
    by_table: dict[int, list[int]] = {t.id: [] for t in tables}
    for gid, tid in sorted(seating.items()):
        by_table.setdefault(tid, []).append(gid)
    locked = set(locked)
    for table in tables:
        for position, gid in enumerate(talk_order(by_table[table.id], scores, table.host_guest_id)):
            version.assignments.append(
                Assignment(
                    guest_id=gid, table_id=table.id, locked=gid in locked, seat_order=position
                )
            )
    limits = [TableLimits(t.id, t.name, t.min_seats, t.max_seats) for t in tables]
    names = {g.id: g.name for g in guests.values()}
    moved = moves_between(previous, seating) if previous is not None else []
    summary = summarize(scores, by_table, limits, names, moved)
    if previous is not None:
        summary["removed"] = sorted(g for g in previous if g not in seating)
    version.summary = summary
    db.session.flush()
