"""The RSVP panel of the event page: counts, the waitlist, guests missing a profile.

The event view asks for it (`events/panels.py`); the template only displays it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Text, and_, cast, func, or_

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest

# The event panel names at most this many guests without a profile (then "and N more").
MISSING_NAMES_SHOWN = 50


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


def _missing_profiles(event: Event) -> tuple[tuple[str, ...], int]:
    """The first MISSING_NAMES_SHOWN coming guests without a profile (by name), and how many."""
    missing = db.select(Guest.name).where(
        Guest.event_id == event.id, Guest.rsvp != "no", _no_profile()
    )
    count = db.session.execute(db.select(func.count()).select_from(missing.subquery()))
    shown = db.session.execute(missing.order_by(Guest.name, Guest.id).limit(MISSING_NAMES_SHOWN))
    return tuple(shown.scalars()), count.scalar_one()


def panel(event: Event) -> RsvpPanel:
    """Return the RSVP panel's figures.

    Counted in the database, so a very large guest list stays quick; only the waitlist and
    the first MISSING_NAMES_SHOWN guests without a profile are loaded, by name.
    """
    of_event = Guest.event_id == event.id
    by_state = Counter(
        dict(
            db.session.execute(
                db.select(Guest.rsvp, func.count()).where(of_event).group_by(Guest.rsvp)
            ).all()
        )
    )
    invited, to_invite = db.session.execute(
        db.select(
            func.count(Guest.invited_at),
            func.count().filter(Guest.invited_at.is_(None), Guest.rsvp != "no"),
        ).where(of_event)
    ).one()
    waitlist = db.session.execute(
        db.select(Guest.name)
        .where(of_event, Guest.rsvp == "waitlist")
        .order_by(Guest.waitlisted_at, Guest.id)
    ).scalars()
    missing_names, missing_count = _missing_profiles(event)
    return RsvpPanel(
        total=sum(by_state.values()),
        invited=invited,
        awaiting=by_state["invited"],
        yes=by_state["yes"],
        no=by_state["no"],
        maybe=by_state["maybe"],
        waitlist=tuple(waitlist),
        missing_profile=missing_names,
        missing_profile_count=missing_count,
        to_invite=to_invite,
        capacity=event.capacity,
    )
