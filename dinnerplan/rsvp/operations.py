"""RSVP operations: personal links, answers with capacity and waitlist, invitations.

Operations flush, never commit. Every RSVP change of an event starts by locking the event
row, so concurrent answers to one event are applied one after another and the capacity,
the yes-count and the waitlist order stay right.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, update

from dinnerplan.extensions import db
from dinnerplan.links import personal_link
from dinnerplan.models import Event, Guest, Rsvp
from dinnerplan.rsvp import emails

ANSWERS = (Rsvp.YES, Rsvp.NO, Rsvp.MAYBE)


@dataclass
class Outcome:
    """What an RSVP did: the guest's state now, and who was promoted from the waitlist."""

    state: str
    previous: str
    changed: bool
    waitlist_position: int | None = None
    promoted: list[Guest] = field(default_factory=list)


def lock_event(event_id: int) -> Event:
    """Lock the event row until the commit, so one event's RSVPs apply one at a time."""
    if db.session.get_bind().dialect.name == "sqlite":
        # SQLite has no row locks; a write takes the database's write lock now, before the
        # counts are read, instead of at the first real write with stale counts in hand.
        db.session.execute(update(Event).where(Event.id == event_id).values(id=Event.id))
    return db.session.execute(
        db.select(Event).where(Event.id == event_id).with_for_update()
    ).scalar_one()


def yes_count(event_id: int) -> int:
    """Number of guests who accepted."""
    return db.session.execute(
        db.select(func.count(Guest.id)).where(Guest.event_id == event_id, Guest.rsvp == Rsvp.YES)
    ).scalar_one()


def waitlist(event_id: int) -> list[Guest]:
    """The waitlist, first come first served."""
    return list(
        db.session.execute(
            db.select(Guest)
            .where(Guest.event_id == event_id, Guest.rsvp == Rsvp.WAITLIST)
            .order_by(Guest.waitlisted_at, Guest.id)
        ).scalars()
    )


def waitlist_position(guest: Guest) -> int | None:
    """1-based place of the guest on the waitlist, or None when not on it."""
    if guest.rsvp != Rsvp.WAITLIST:
        return None
    ids = [g.id for g in waitlist(guest.event_id)]
    return ids.index(guest.id) + 1 if guest.id in ids else None


def record_rsvp(guest: Guest, answer: str, now: datetime) -> Outcome:
    """Record a guest's answer; a full dinner waitlists, a freed seat promotes the next."""
    if answer not in ANSWERS:
        raise ValueError(f"unknown RSVP answer {answer!r}")
    event = lock_event(guest.event_id)
    db.session.refresh(guest)  # another request may have changed it before we got the lock
    previous = guest.rsvp
    if answer == Rsvp.YES and previous in (Rsvp.YES, Rsvp.WAITLIST):
        state = previous  # accepting again keeps the seat, or the place in the queue
    elif (
        answer == Rsvp.YES and event.capacity is not None and yes_count(event.id) >= event.capacity
    ):
        state = Rsvp.WAITLIST
    else:
        state = answer
    changed = state != previous
    if changed:
        guest.rsvp = state
        guest.responded_at = now
        guest.waitlisted_at = _queue_time(event.id, now) if state == Rsvp.WAITLIST else None
        db.session.flush()
    promoted = fill_from_waitlist(event, now)
    outcome = Outcome(state, previous, changed, waitlist_position(guest), promoted)
    if changed:
        emails.queue_confirmation(guest, outcome, personal_link(guest), now)
    for other in promoted:
        emails.queue_seat_opened(other, personal_link(other), now)
    return outcome


def _queue_time(event_id: int, now: datetime) -> datetime:
    """A waitlist time after everyone already queued (event locked).

    `now` was read before the lock was granted, so a request that waited for the lock may
    carry an earlier time than one queued while it waited; the queue follows the lock.
    """
    last = db.session.execute(
        db.select(func.max(Guest.waitlisted_at)).where(
            Guest.event_id == event_id, Guest.rsvp == Rsvp.WAITLIST
        )
    ).scalar_one()
    return max(now, last + timedelta(microseconds=1)) if last else now


def fill_from_waitlist(event: Event, now: datetime) -> list[Guest]:
    """Seat waitlisted guests, in order, while there are free seats (event locked)."""
    if event.capacity is None:
        return []
    free = event.capacity - yes_count(event.id)
    promoted = waitlist(event.id)[: max(free, 0)]
    for guest in promoted:
        guest.rsvp, guest.responded_at, guest.waitlisted_at = Rsvp.YES, now, None
    db.session.flush()
    return promoted


def uninvited(event: Event) -> list[Guest]:
    """Guests who were never sent their link and have not declined.

    An import may already say yes or maybe: those guests still need their personal link to
    fill in a profile, so they are invited too (only a "no" needs no email).
    """
    return list(
        db.session.execute(
            db.select(Guest)
            .where(Guest.event_id == event.id, Guest.invited_at.is_(None))
            .where(Guest.rsvp != Rsvp.NO)
            .order_by(Guest.id)
        ).scalars()
    )


def invite_all(event: Event, now: datetime) -> int:
    """Email every guest not yet invited, once each; return how many were queued."""
    lock_event(event.id)  # two clicks at once: the second sees the first's invited_at
    guests = uninvited(event)
    for guest in guests:
        emails.queue_invitation(guest, f"invitation:{guest.id}", personal_link(guest))
        guest.invited_at = now
    db.session.flush()
    return len(guests)


def resend_link(guest: Guest, form_nonce: str, now: datetime) -> None:
    """Email the guest their link again; the same submitted form never sends twice."""
    key = f"resend:{guest.id}:{form_nonce}"
    emails.queue_invitation(guest, key, personal_link(guest), kind="invitation_resend")
    guest.invited_at = guest.invited_at or now
    db.session.flush()


def suggestions(guest: Guest, kind: str, limit: int = 40) -> list[str]:
    """What other guests of the event wrote as offers or needs, most common first."""
    column = Guest.offers if kind == "offers" else Guest.needs
    counts: Counter[str] = Counter()
    seen: dict[str, str] = {}
    rows = db.session.execute(
        db.select(column).where(Guest.event_id == guest.event_id, Guest.id != guest.id)
    ).scalars()
    for items in rows:
        for item in items or ():
            key = item.lower()
            seen.setdefault(key, item)
            counts[key] += 1
    return [seen[key] for key, _ in counts.most_common(limit)]
