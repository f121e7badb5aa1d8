"""Topic operations: confirm a guest's topics, bulk accept/correct, unmet needs, emails.

Operations take plain data (ids and lists), flush and never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from dinnerplan.extensions import db
from dinnerplan.matching.evidence import mirrored
from dinnerplan.matching.topics import Catalogue
from dinnerplan.models import Event, Guest, Rsvp
from dinnerplan.topics.catalogue import (
    SIDES,
    event_catalogue,
    full_catalogue,
    known_ids,
    topic_name,
)
from dinnerplan.topics.reading import (
    LIKELY,
    SideReading,
    needs_confirming,
    read_event,
    read_guests,
)

MAX_TOPICS = 8  # per side: a guest confirming more than this is not choosing


class UnknownTopicError(ValueError):
    """A topic id the event does not know."""


def clean_topic_ids(ids, allowed: set[str]) -> list[str]:
    """Keep order, drop duplicates; raise UnknownTopicError on an id not allowed."""
    out: list[str] = []
    for topic_id in ids or ():
        if topic_id not in allowed:
            raise UnknownTopicError(f"'{str(topic_id)[:60]}' is not a topic of this dinner.")
        if topic_id not in out:
            out.append(topic_id)
    return out[:MAX_TOPICS]


def set_topics(guest: Guest, side: str, ids: list[str], now: datetime) -> bool:
    """Store one side's confirmed topics; return True when they changed."""
    column = "need_topics" if side == "need" else "offer_topics"
    if list(getattr(guest, column) or []) == ids:
        return False
    setattr(guest, column, list(ids))
    guest.topics_confirmed_at = now
    return True


def confirm_guest(guest: Guest, chosen: dict[str, list[str]], now: datetime) -> None:
    """Store what a guest confirmed on their page (ids already checked)."""
    for side in SIDES:
        set_topics(guest, side, chosen.get(side, []), now)
    guest.topics_confirmed_at = now
    db.session.flush()


def rsvp_topics(guest: Guest, form, now: datetime) -> bool:
    """Store the chips posted with the RSVP page; True when the no-JS confirm step follows.

    Ids the event does not know (only a crafted post sends them) are dropped. Without
    JavaScript the guest saw no suggestions, so words without a confirmed topic lead to
    the confirmation step.
    """
    if not form.get("topics_form"):
        return False
    allowed = known_ids(guest.event)
    for side in SIDES:
        ids = [i for i in form.getlist(f"{side}_topics") if i in allowed]
        set_topics(guest, side, clean_topic_ids(ids, allowed), now)
    db.session.flush()
    if form.get("topics_js") == "1":
        return False
    return needs_confirming(guest, event_catalogue(guest.event))


def parse_keys(keys, guests: dict[int, Guest]) -> list[tuple[Guest, str]]:
    """Turn '<guest id>:<side>' row keys into (guest, side), ignoring foreign or bad ones."""
    out = []
    for key in dict.fromkeys(keys or ()):
        gid, _, side = str(key).partition(":")
        guest = guests.get(int(gid)) if gid.isdigit() else None
        if guest is not None and side in SIDES:
            out.append((guest, side))
    return out


def bulk_update(
    event: Event, keys, action: str, topic_id: str, catalogue: Catalogue, now: datetime
) -> int:
    """Accept the guesses of, or set/add a topic to, the chosen rows; return rows changed."""
    if action != "accept" and topic_id not in known_ids(event):
        raise UnknownTopicError("Choose a topic from the list.")
    guests = {g.id: g for g in event_guests(event)}
    chosen = parse_keys(keys, guests)
    picked = list(dict.fromkeys(guest for guest, _ in chosen))
    readings = dict(zip((g.id for g in picked), read_guests(picked, catalogue), strict=True))
    changed = 0
    for guest, side in chosen:
        reading = readings[guest.id][side]
        if action == "accept":
            ids = reading.confirmed or [g.topic for g in reading.guesses[:1]] + [
                g.topic for g in reading.guesses[1:] if g.confidence >= LIKELY
            ]
        elif action == "replace":
            ids = [topic_id]
        else:  # add
            ids = list(dict.fromkeys([*reading.confirmed, topic_id]))
        if ids and set_topics(guest, side, ids[:MAX_TOPICS], now):
            changed += 1
    db.session.flush()
    return changed


def event_guests(event: Event, include_declined: bool = False) -> list[Guest]:
    """The event's guests by name; declined guests left out unless asked for."""
    query = db.select(Guest).where(Guest.event_id == event.id)
    if not include_declined:
        query = query.where(Guest.rsvp != Rsvp.NO)
    return list(db.session.scalars(query.order_by(Guest.name, Guest.id)))


def needs_and_offers(event: Event, catalogue: Catalogue) -> list[SideReading]:
    """The organizer's list: every guest's needs and offers, least confident first."""
    return read_event(event_guests(event), catalogue)


@dataclass
class UnmetNeed:
    """Guests needing a topic that nobody coming offers."""

    topic: str
    name: str
    guests: list[Guest]
    offered_by: list[str]  # names of the topics that would meet it


def coming_guests(event: Event) -> tuple[list[Guest], bool]:
    """Guests who said yes; everyone not declined while nobody has said yes yet."""
    guests = event_guests(event)
    yes = [g for g in guests if g.rsvp == Rsvp.YES]
    return (yes, True) if yes else (guests, False)


def unmet_needs(readings: list[SideReading], event: Event) -> list[UnmetNeed]:
    """Needs nobody else in the readings offers a meeting topic for, most guests first."""
    # A need to hire is also a job on offer, a job hunt a candidate (as seating reads them).
    offers = [
        (r.guest.id, set(r.topics) if r.side == "offer" else set(filter(mirrored, r.topics)))
        for r in readings
    ]
    names = full_catalogue(event)  # hidden topics guests confirmed still count
    unmet: dict[str, list[Guest]] = {}
    for reading in (r for r in readings if r.side == "need"):
        for need in reading.topics:
            met = any(
                names.meets(need, offer)
                for gid, topics in offers
                if gid != reading.guest.id
                for offer in topics
            )
            if not met:
                unmet.setdefault(need, []).append(reading.guest)
    out = []
    for need, guests in unmet.items():
        topic = names.get(need)
        met_by = topic.met_by if topic and topic.met_by else (need,)
        offered_by = [topic_name(names, t) for t in met_by]
        by_name = sorted(guests, key=lambda g: g.name.lower())
        out.append(UnmetNeed(need, topic_name(names, need), by_name, offered_by))
    return sorted(out, key=lambda u: (-len(u.guests), u.name))
