"""Events: time zones and deadlines, listing, saving, and the table-count arithmetic.

Event times are stored as naive wall-clock times in the event's own time zone (what the
organizer typed); these helpers turn them into aware UTC instants when comparing with now.
Operations flush, never commit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from sqlalchemy import func

from dinnerplan.events.stages import LABELS, stages
from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Rsvp, Table

# Shown first in the time zone list: where dinners are most often organised.
TIMEZONE_AREAS = tuple(
    f"{area}/"
    for area in (
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    )
)
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
    "guest_wishes",
    "table_target",
    "uneven_tables",
    "series",
)


@cache
def known_timezones() -> frozenset[str]:
    """Every real place's IANA time zone this system knows, plus UTC.

    available_timezones() also lists "Factory", "localtime", "posixrules", legacy aliases
    ("Cuba", "US/Eastern") and "Etc/GMT+5" (whose sign is backwards): none is a place an
    organizer would pick, so only Area/Location names are offered.
    """
    return frozenset(name for name in available_timezones() if name.startswith(TIMEZONE_AREAS)) | {
        "UTC"
    }


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
    stage: str = "fresh"  # a key of events.stages.LABELS

    @property
    def stage_label(self) -> str:
        """Where the dinner stands: "Not seated yet" … "Introductions sent"."""
        return LABELS[self.stage][0]

    @property
    def next_step(self) -> str:
        """What the organizer does next at this stage, in a few words."""
        return LABELS[self.stage][1]


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
    stage_of = stages(organizer_id)
    summaries = []
    for event in events:
        by_state = {rsvp: n for (event_id, rsvp), n in guest_counts.items() if event_id == event.id}
        summaries.append(
            EventSummary(
                event=event,
                guests=sum(by_state.values()),
                yes=by_state.get(Rsvp.YES, 0),
                tables=table_counts.get((event.id,), 0),
                past=is_past(event, now),
                stage=stage_of.get(event.id, "fresh"),
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


@dataclass(frozen=True)
class EventDetails:
    """What an organizer says about a dinner, as plain values (from the form or the CLI)."""

    title: str
    starts_at: datetime
    timezone: str = "UTC"
    venue: str | None = None
    address: str | None = None
    description: str | None = None
    rsvp_deadline: datetime | None = None
    capacity: int | None = None
    minutes_per_guest: int = 3
    guest_wishes: bool = True
    table_target: int | None = None
    uneven_tables: bool = False
    series: str = ""
    table_min: int = 6
    table_max: int = 10

    @classmethod
    def from_form(cls, data: dict) -> EventDetails:
        """Read EventForm.data, where dates and times are separate fields."""
        return cls(
            **{name: data[name] for name in EVENT_FIELDS},
            starts_at=combine(data["start_date"], data["start_time"]),
            rsvp_deadline=combine(data["deadline_date"], data["deadline_time"]),
            timezone=data["timezone"],
            table_min=data["table_min"],
            table_max=data["table_max"],
        )


def save_event(event: Event, details: EventDetails) -> Event:
    """Write validated details onto an event (new or existing) and flush."""
    for name, value in asdict(details).items():
        setattr(event, name, value)
    event.title = event.title.strip()
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
