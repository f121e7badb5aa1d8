"""Events: time zones and deadlines, listing, saving, and the table-count arithmetic.

Event times are stored as naive wall-clock times in the event's own time zone (what the
organizer typed); these helpers turn them into aware UTC instants when comparing with now.
Operations flush, never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from sqlalchemy import func

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Table

# Shown first in the time zone list: where dinners are most often organised.
COMMON_TIMEZONES = (
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Amsterdam",
    "Europe/Madrid",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Athens",
    "America/New_York",
    "America/Toronto",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "America/Mexico_City",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Hong_Kong",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
)
EVENT_FIELDS = (
    "title",
    "venue",
    "address",
    "description",
    "capacity",
    "minutes_per_guest",
    "table_target",
    "uneven_tables",
    "series",
)


@cache
def known_timezones() -> frozenset[str]:
    """Every IANA time zone name this system knows."""
    return frozenset(available_timezones())


@cache
def timezone_choices() -> list[tuple[str, str]]:
    """(value, label) pairs for a select: common zones first, then all others A–Z."""
    common = [name for name in COMMON_TIMEZONES if name in known_timezones()]
    rest = sorted(known_timezones() - set(common))
    return [(name, name.replace("_", " ")) for name in common + rest]


def to_utc(local: datetime, timezone: str) -> datetime:
    """Turn a naive wall-clock time in `timezone` into an aware UTC datetime."""
    return local.replace(tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def event_start_utc(event: Event) -> datetime:
    """When the event starts, as an aware UTC datetime."""
    return to_utc(event.starts_at, event.timezone)


def deadline_utc(event: Event) -> datetime | None:
    """The RSVP deadline as an aware UTC datetime, or None when there is none."""
    return to_utc(event.rsvp_deadline, event.timezone) if event.rsvp_deadline else None


def deadline_passed(event: Event, now: datetime | None = None) -> bool:
    """True once the RSVP deadline (if any) is over; `now` is an aware UTC datetime."""
    deadline = deadline_utc(event)
    return deadline is not None and (now or datetime.now(UTC)) >= deadline


def is_past(event: Event, now: datetime | None = None) -> bool:
    """True once the event has started."""
    return (now or datetime.now(UTC)) >= event_start_utc(event)


def zone_abbreviation(local: datetime, timezone: str) -> str:
    """The zone's short name at that moment (BST, CET, EDT...), or '' when it is numeric."""
    abbreviation = local.replace(tzinfo=ZoneInfo(timezone)).tzname() or ""
    return "" if abbreviation[:1] in "+-" else abbreviation


def format_local(local: datetime | None, timezone: str) -> str:
    """'Fri 12 Jun 2026, 19:00 (Europe/London, BST)': a stored time, with its zone."""
    if local is None:
        return ""
    abbreviation = zone_abbreviation(local, timezone)
    zone = timezone.replace("_", " ") + (f", {abbreviation}" if abbreviation else "")
    return f"{local:%a %d %b %Y, %H:%M} ({zone})"


def combine(day: date | None, at: time | None) -> datetime | None:
    """Join a date and an optional time (end of day when the time is left out)."""
    if day is None:
        return None
    return datetime.combine(day, at or time(23, 59))


@dataclass(frozen=True)
class EventSummary:
    """An event with its counts, for the organizer's list."""

    event: Event
    guests: int
    yes: int
    tables: int
    past: bool


def organizer_events(organizer_id: int, now: datetime | None = None) -> list[EventSummary]:
    """The organizer's events with counts: upcoming (soonest first), then past (latest first)."""
    events = db.session.execute(
        db.select(Event).where(Event.organizer_id == organizer_id)
    ).scalars()
    guest_counts = _counts(
        db.select(Guest.event_id, Guest.rsvp, func.count()).group_by(Guest.event_id, Guest.rsvp),
        Guest.event_id,
        organizer_id,
    )
    table_counts = _counts(
        db.select(Table.event_id, func.count()).group_by(Table.event_id),
        Table.event_id,
        organizer_id,
    )
    summaries = []
    for event in events:
        by_state = {rsvp: n for (event_id, rsvp), n in guest_counts.items() if event_id == event.id}
        summaries.append(
            EventSummary(
                event=event,
                guests=sum(by_state.values()),
                yes=by_state.get("yes", 0),
                tables=table_counts.get((event.id,), 0),
                past=is_past(event, now),
            )
        )
    upcoming = sorted((s for s in summaries if not s.past), key=lambda s: event_start_utc(s.event))
    past = sorted((s for s in summaries if s.past), key=lambda s: event_start_utc(s.event))
    return upcoming + past[::-1]


def _counts(query, event_column, organizer_id: int) -> dict[tuple, int]:
    """Run a grouped count restricted to one organizer's events: {group key: count}."""
    owned = db.select(Event.id).where(Event.organizer_id == organizer_id)
    rows = db.session.execute(query.where(event_column.in_(owned))).all()
    return {tuple(row[:-1]): row[-1] for row in rows}


def apply_event_form(event: Event, form) -> Event:
    """Copy a validated EventForm onto an event (new or existing) and flush."""
    for name in EVENT_FIELDS:
        setattr(event, name, getattr(form, name).data)
    event.title = event.title.strip()
    event.starts_at = combine(form.start_date.data, form.start_time.data)
    event.rsvp_deadline = combine(form.deadline_date.data, form.deadline_time.data)
    event.timezone = form.timezone.data
    event.table_min, event.table_max = form.table_min.data, form.table_max.data
    db.session.add(event)
    db.session.flush()
    return event


def default_timezone(organizer_id: int) -> str:
    """The time zone of the organizer's latest event, else UTC."""
    latest = db.session.execute(
        db.select(Event.timezone)
        .where(Event.organizer_id == organizer_id)
        .order_by(Event.created_at.desc(), Event.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return latest or "UTC"


def delete_event(event: Event) -> int:
    """Delete an event with its guests and tables; return how many guests went with it."""
    guests = len(event.guests)
    db.session.delete(event)
    db.session.flush()
    return guests
