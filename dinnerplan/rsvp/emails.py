"""The guest's emails: invitation, RSVP confirmation (with .ics), a seat opening up.

Each is recorded through mail.operations.queue_message with a dedupe key, so a double click
or a retried job never sends the same email twice.
"""

from __future__ import annotations

from datetime import datetime

from dinnerplan.mail.operations import queue_message
from dinnerplan.models import Guest, Rsvp
from dinnerplan.rsvp.calendar import build_ics


def _queue(guest: Guest, kind: str, subject: str, key: str, template: str, **context):
    event = guest.event
    return queue_message(
        kind,
        guest.email,
        subject,
        key,
        {"guest": guest, "event": event, **context},
        template=template,
        organizer_id=event.organizer_id,
        event_id=event.id,
        guest_id=guest.id,
        ics=context.get("ics", ""),
    )


def queue_invitation(guest: Guest, dedupe_key: str, link: str, kind: str = "invitation"):
    """Record the invitation with the guest's personal link."""
    subject = f"You're invited: {guest.event.title}"
    return _queue(guest, kind, subject, dedupe_key, "invitation", link=link)


CONFIRMATION_SUBJECTS = {
    Rsvp.YES: "You're coming: {title}",
    Rsvp.WAITLIST: "You're on the waitlist: {title}",
    Rsvp.MAYBE: "You said maybe: {title}",
    Rsvp.NO: "You've declined: {title}",
}


def queue_confirmation(guest: Guest, outcome, link: str, now: datetime):
    """Record the confirmation of a changed answer; 'yes' carries a calendar invite."""
    ics = ""
    if outcome.state == Rsvp.YES:
        ics = build_ics(guest, link, "REQUEST", now)
    elif outcome.previous == Rsvp.YES:  # they had the invite in their calendar: take it out
        ics = build_ics(guest, link, "CANCEL", now)
    subject = CONFIRMATION_SUBJECTS[outcome.state].format(title=guest.event.title)
    key = f"rsvp:{guest.id}:{outcome.state}:{now.isoformat()}"
    return _queue(
        guest,
        "confirmation",
        subject,
        key,
        "rsvp_confirmation",
        link=link,
        outcome=outcome,
        ics=ics,
    )


def queue_seat_opened(guest: Guest, link: str, now: datetime):
    """Record the 'a seat opened up' email for a guest promoted from the waitlist."""
    subject = f"A seat opened up: {guest.event.title}"
    key = f"promoted:{guest.id}:{now.isoformat()}"
    ics = build_ics(guest, link, "REQUEST", now)
    return _queue(guest, "seat_opened", subject, key, "seat_opened", link=link, ics=ics)
