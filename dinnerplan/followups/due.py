"""Which follow-up emails are due: a pure function of (event, guests, promises, now).

No database, no Flask: the sender (followups/sending.py) reads the facts, this decides.
Every stage is at 09:00 in the event's time zone, counted in days after the dinner, and is
due only until the next stage's window ends, so a scheduler that was down for a month does
not send a stale "morning after" email; a stage is never sent twice (its key is recorded).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SEND_AT = time(9, 0)
# stage: (days after the dinner it opens, days after the dinner it closes)
STAGES = {
    "morning": (1, 3),
    "remind3": (3, 10),
    "helped": (7, 14),
    "remind10": (10, 17),
}


@dataclass(frozen=True)
class EventFacts:
    """The dinner: its id, its local date and its time zone."""

    id: int
    day: date
    timezone: str


@dataclass(frozen=True)
class GuestFacts:
    """A guest as the scheduler sees them."""

    id: int
    seated: bool  # in the published seating and still coming
    attended: bool  # checked in, or check-in was not used at this dinner
    unsubscribed: bool
    has_need: bool
    answered_helped: bool


@dataclass(frozen=True)
class PromiseFacts:
    """A promise: who gives it, and whether it is still open."""

    id: int
    giver_id: int
    open: bool


@dataclass(frozen=True)
class Due:
    """One email to send: its stage, its guest and its once-only key."""

    stage: str
    guest_id: int
    key: str


def stage_window(event: EventFacts, stage: str) -> tuple[datetime, datetime]:
    """Return the stage's [opens, closes) window as naive UTC datetimes."""
    zone = ZoneInfo(event.timezone)
    first, last = STAGES[stage]

    def at(days: int) -> datetime:
        local = datetime.combine(event.day + timedelta(days=days), SEND_AT, tzinfo=zone)
        return local.astimezone(UTC).replace(tzinfo=None)

    return at(first), at(last)


def due_followups(
    event: EventFacts,
    guests: Iterable[GuestFacts],
    promises: Iterable[PromiseFacts],
    now: datetime,
    sent: frozenset[str] | set[str] = frozenset(),
) -> list[Due]:
    """Return the follow-up emails due at `now` (naive UTC) that were not sent yet."""
    open_by_giver: dict[int, int] = {}
    for p in promises:
        if p.open:
            open_by_giver[p.giver_id] = open_by_giver.get(p.giver_id, 0) + 1
    live = [s for s in STAGES if _is_open(event, s, now)]
    out = []
    for guest in guests:
        if not guest.seated or not guest.attended or guest.unsubscribed:
            continue
        for stage in live:
            if _wanted(stage, guest, open_by_giver.get(guest.id, 0)):
                key = due_key(stage, event.id, guest.id)
                if key not in sent:
                    out.append(Due(stage, guest.id, key))
    return out


def due_key(stage: str, event_id: int, guest_id: int) -> str:
    """Return the dedupe key of one stage's email to one guest."""
    return f"followup:{stage}:{event_id}:{guest_id}"


def _is_open(event: EventFacts, stage: str, now: datetime) -> bool:
    opens, closes = stage_window(event, stage)
    return opens <= now < closes


def _wanted(stage: str, guest: GuestFacts, open_promises: int) -> bool:
    if stage == "morning":
        return True
    if stage == "helped":
        return guest.has_need and not guest.answered_helped
    return open_promises > 0  # remind3, remind10: only while something is still open
