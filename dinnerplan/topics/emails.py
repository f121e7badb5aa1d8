"""Email guests a link to confirm the topics read from their needs and offers.

One message per guest and personal link (dedupe key), so pressing the button again only
writes to guests who were not asked yet.
"""

from __future__ import annotations

from dinnerplan.extensions import db
from dinnerplan.links import token_for
from dinnerplan.mail.operations import queue_message
from dinnerplan.matching.topics import Catalogue
from dinnerplan.models import Event, Guest, Message
from dinnerplan.topics.reading import SideReading, read_event, unconfirmed
from dinnerplan.urls import external_url


def dedupe_key(guest: Guest) -> str:
    """Once per guest and link: a revoked and re-sent link may be asked again."""
    return f"topics-confirm:{guest.id}:{guest.token_nonce}"


def to_ask(
    guests: list[Guest], catalogue: Catalogue, readings: list[SideReading] | None = None
) -> list[Guest]:
    """Guests with words but no confirmed topics, not yet emailed with their current link.

    `readings` (from read_event over these guests) saves reading them again.
    """
    keys = {dedupe_key(g): g for g in guests if g.topics_confirmed_at is None}
    if not keys:
        return []
    sent = set(
        db.session.scalars(db.select(Message.dedupe_key).where(Message.dedupe_key.in_(keys)))
    )
    waiting = [guest for key, guest in keys.items() if key not in sent]
    if readings is None:
        readings = read_event(waiting, catalogue)  # one batch read, not one per guest
    ids = {r.guest.id for r in readings if unconfirmed(r)}
    return [guest for guest in waiting if guest.id in ids]


def ask_to_confirm(event: Event, guests: list[Guest], catalogue: Catalogue) -> int:
    """Queue the 'are these your topics?' email to each guest still to ask; return how many."""
    asked = to_ask(guests, catalogue)
    for guest in asked:
        link = external_url("topics.confirm", token=token_for(guest))
        queue_message(
            "topics_confirm",
            guest.email,
            f"Did we read you right? {event.title}",
            dedupe_key(guest),
            {"guest": guest, "event": event, "link": link},
            organizer_id=event.organizer_id,
            event_id=event.id,
            guest_id=guest.id,
        )
    db.session.flush()
    return len(asked)
