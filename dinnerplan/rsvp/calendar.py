"""Calendar invites (.ics) for a guest's place at a dinner, in the event's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Organizer, Rsvp

DURATION = timedelta(hours=3)
_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
PARTSTAT = {Rsvp.YES: "ACCEPTED", Rsvp.MAYBE: "TENTATIVE", Rsvp.NO: "DECLINED"}


def event_uid(event: Event, guest: Guest) -> str:
    """A UID stable per event and guest, so updates and cancellations replace the entry."""
    return f"dinnerplan-event-{event.id}-guest-{guest.id}@dinnerplan"


def build_ics(guest: Guest, link: str, method: str = "PUBLISH", now: datetime | None = None) -> str:
    """Return a calendar with the dinner for this guest; method REQUEST, PUBLISH or CANCEL."""
    event = guest.event
    zone = ZoneInfo(event.timezone or "UTC")
    start = event.starts_at.replace(tzinfo=zone)
    now = now or datetime.now(UTC)
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//dinnerplan//RSVP//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    entry = icalendar.Event()
    entry.add("uid", event_uid(event, guest))
    entry.add("dtstamp", now)
    # Calendar clients keep the newest SEQUENCE; seconds since 2020 always grow.
    entry.add("sequence", int((now - _EPOCH).total_seconds()))
    entry.add("dtstart", start)
    entry.add("dtend", start + DURATION)
    entry.add("summary", event.title)
    entry.add("location", ", ".join(p for p in (event.venue, event.address) if p))
    entry.add("description", _description(event, link))
    entry.add("url", link)
    entry.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    organizer = db.session.get(Organizer, event.organizer_id)
    if organizer is not None:
        entry.add("organizer", f"mailto:{organizer.email}", parameters={"CN": organizer.name})
    partstat = "DECLINED" if method == "CANCEL" else PARTSTAT.get(guest.rsvp, "NEEDS-ACTION")
    entry.add(
        "attendee",
        f"mailto:{guest.email}",
        parameters={"CN": guest.name, "PARTSTAT": partstat, "ROLE": "REQ-PARTICIPANT"},
    )
    cal.add_component(entry)
    cal.add_missing_timezones(
        first_date=(start - timedelta(days=366)).date(),
        last_date=(start + timedelta(days=366)).date(),
    )
    return cal.to_ical().decode("utf-8")


def _description(event: Event, link: str) -> str:
    parts = [event.description.strip()] if event.description else []
    parts.append(f"Your RSVP page (change your answer or profile): {link}")
    return "\n\n".join(parts)
