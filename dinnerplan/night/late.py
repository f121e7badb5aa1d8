"""Changes on the night and just before it: declines, late additions, check-in, walk-ins.

A no-show marked at check-in becomes rsvp "no" (and arriving after all makes it "yes"
again), so re-seating sees the same confirmed list the rest of the app does.
"""

from __future__ import annotations

from dataclasses import dataclass

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Rsvp, SeatingVersion, VersionKind
from dinnerplan.models._base import utcnow
from dinnerplan.names import by_name, fold
from dinnerplan.seating import versions as v
from dinnerplan.seating.editing import EditError


@dataclass(frozen=True)
class LateChanges:
    """How the confirmed guest list differs from the published seating."""

    published: SeatingVersion
    not_coming: tuple[Guest, ...]  # seated, but no longer a yes (declined or no-show)
    new: tuple[Guest, ...]  # a yes, but not seated
    proposal: SeatingVersion | None  # the latest fewest-moves re-seat of this publication

    @property
    def any(self) -> bool:
        """True when the published seating no longer matches the confirmed guests."""
        return bool(self.not_coming or self.new)


def late_changes(event: Event) -> LateChanges | None:
    """Compare the published seating with today's confirmed guests (None: nothing published)."""
    published = v.published_version(event)
    if published is None:
        return None
    seated = v.seating_of(published)
    guests = list(
        db.session.execute(
            db.select(Guest).where(Guest.event_id == event.id).order_by(Guest.name)
        ).scalars()
    )
    proposal = db.session.execute(
        db.select(SeatingVersion)
        .where(SeatingVersion.parent_id == published.id, SeatingVersion.kind == VersionKind.LATE)
        .order_by(SeatingVersion.number.desc())
        .limit(1)
    ).scalar_one_or_none()
    return LateChanges(
        published,
        tuple(g for g in guests if g.id in seated and g.rsvp != Rsvp.YES),
        tuple(g for g in guests if g.id not in seated and g.rsvp == Rsvp.YES),
        proposal,
    )


def describe_moves(event: Event, version: SeatingVersion) -> list[tuple[str, str, str]]:
    """Return (guest, from table, to table) for the moves a re-seat proposes."""
    names = {t.id: t.name for t in v.tables_of(event)}
    moved = (version.summary or {}).get("moved", [])
    guests = v.guests_by_id(m["guest"] for m in moved)
    return [
        (guests[m["guest"]].name, names.get(m["from"], "not seated"), names.get(m["to"], "?"))
        for m in moved
        if m["guest"] in guests
    ]


def check_in_list(event: Event, query: str = "") -> list[tuple[Guest, str | None]]:
    """Return the guests expected on the night (confirmed or seated) with their table name.

    Only those whose name or company contains every word of `query` (any case, any accents).
    """
    published = v.current_version(event)
    seated = v.seating_of(published)
    names = {t.id: t.name for t in v.tables_of(event)}
    guests = db.session.scalars(db.select(Guest).where(Guest.event_id == event.id))
    words = fold(query).split()
    expected = [
        g
        for g in guests
        if (g.rsvp == Rsvp.YES or g.id in seated)
        and all(w in fold(f"{g.name} {g.company}") for w in words)
    ]
    return [(g, names.get(seated.get(g.id))) for g in sorted(expected, key=by_name)]


def add_walk_in(
    event: Event, name: str, email: str | None, company: str | None = ""
) -> tuple[Guest, bool]:
    """Add a guest who turned up unannounced, arrived and confirmed; return (guest, is_new).

    A known email marks that guest arrived instead of adding them twice. Without an email
    the walk-in is always added (email None): they are seated but get no email.
    """
    email = (email or "").strip().lower() or None
    guest = (
        email
        and db.session.execute(
            db.select(Guest).where(Guest.event_id == event.id, Guest.email == email)
        ).scalar_one_or_none()
    )
    is_new = guest is None
    if is_new:
        guest = Guest(
            event_id=event.id, name=name.strip(), email=email, company=(company or "").strip()
        )
        db.session.add(guest)
    guest.rsvp, guest.checked_in_at = Rsvp.YES, utcnow()
    guest.responded_at = guest.responded_at or utcnow()
    db.session.flush()
    return guest, is_new


def check_in(guest: Guest, action: str) -> None:
    """Mark a guest arrived, a no-show, or undo either."""
    if action == "arrived":
        guest.checked_in_at = utcnow()
        guest.rsvp = Rsvp.YES
    elif action == "no_show":
        guest.checked_in_at = None
        guest.rsvp = Rsvp.NO
    elif action == "undo":
        guest.checked_in_at = None
        guest.rsvp = Rsvp.YES
    else:
        raise EditError("Unknown check-in action.")
    db.session.flush()
