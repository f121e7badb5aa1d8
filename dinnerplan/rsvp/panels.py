"""The RSVP panel of the event page: counts, the waitlist, guests missing a profile.

The event view asks for it (`events/panels.py`); the template only displays it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Text, and_, cast, func, or_

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Rsvp

# The event panel names at most this many guests without a profile (then "and N more").
MISSING_NAMES_SHOWN = 50
STATES = (
    Rsvp.INVITED,
    Rsvp.YES,
    Rsvp.NO,
    Rsvp.MAYBE,
)  # counted one by one (the waitlist is listed)


@dataclass(frozen=True)
class RsvpPanel:
    """Counts for the organizer: invited, yes, no, maybe, waitlist, missing profiles."""

    total: int
    invited: int
    awaiting: int  # invited, not answered
    yes: int
    no: int
    maybe: int
    waitlist: tuple[str, ...]  # names, in waitlist order
    missing_profile: tuple[str, ...]  # the first MISSING_NAMES_SHOWN names
    missing_profile_count: int
    to_invite: int  # not yet invited and not declined
    capacity: int | None


def _empty_list(column):
    """A JSON list column that holds nothing (stored as '[]' or JSON null)."""
    return or_(column.is_(None), cast(column, Text).in_(("[]", "null")))


def _no_profile():
    """SQL for `not Guest.has_profile`: no offers and no needs, or no intent."""
    no_items = and_(_empty_list(Guest.offers), _empty_list(Guest.needs))
    return or_(Guest.intent.is_(None), Guest.intent == "", no_items)


def panel(event: Event) -> RsvpPanel:
    """Return the RSVP panel's figures.

    Counted in the database in one query, so a very large guest list stays quick; only the
    waitlist and the first MISSING_NAMES_SHOWN guests without a profile are loaded, by name.
    """
    of_event = Guest.event_id == event.id
    coming_without_profile = and_(Guest.rsvp != Rsvp.NO, _no_profile())
    counts = db.session.execute(
        db.select(
            func.count(),
            func.count(Guest.invited_at),
            func.count().filter(Guest.invited_at.is_(None), Guest.rsvp != Rsvp.NO),
            func.count().filter(coming_without_profile),
            *(func.count().filter(Guest.rsvp == state) for state in STATES),
        ).where(of_event)
    ).one()
    total, invited, to_invite, missing_count, *by_state = counts
    by_state = dict(zip(STATES, by_state, strict=True))
    waitlist = db.session.execute(
        db.select(Guest.name)
        .where(of_event, Guest.rsvp == Rsvp.WAITLIST)
        .order_by(Guest.waitlisted_at, Guest.id)
    ).scalars()
    missing = db.session.execute(
        db.select(Guest.name)
        .where(of_event, coming_without_profile)
        .order_by(Guest.name, Guest.id)
        .limit(MISSING_NAMES_SHOWN)
    ).scalars()
    return RsvpPanel(
        total=total,
        invited=invited,
        awaiting=by_state[Rsvp.INVITED],
        yes=by_state[Rsvp.YES],
        no=by_state[Rsvp.NO],
        maybe=by_state[Rsvp.MAYBE],
        waitlist=tuple(waitlist),
        missing_profile=tuple(missing),
        missing_profile_count=missing_count,
        to_invite=to_invite,
        capacity=event.capacity,
    )
