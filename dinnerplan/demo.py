"""A demo organizer and a realistic sample dinner, for `dinnerplan demo` and benchmarks."""

from __future__ import annotations

import random
import unicodedata
from datetime import datetime, timedelta

from dinnerplan.auth.operations import find_by_email
from dinnerplan.events.tables import layout_tables
from dinnerplan.extensions import db
from dinnerplan.matching.sample import generate_profiles
from dinnerplan.models import Event, Guest, GuestLink, Organizer, Rsvp
from dinnerplan.models._base import utcnow
from dinnerplan.profile import DIETARY

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "dinnerplan-demo"


def demo_organizer(email: str = DEMO_EMAIL, password: str = DEMO_PASSWORD) -> Organizer:
    """Return the demo organizer, creating it on first use."""
    organizer = find_by_email(email)
    if organizer is None:
        organizer = Organizer(email=email, name="Dana Demo", email_verified_at=utcnow())
        organizer.set_password(password)
        db.session.add(organizer)
        db.session.flush()
    return organizer


def create_demo_event(organizer: Organizer, guests: int = 48, seed: int = 7) -> Event:
    """Create a dinner three weeks out with `guests` varied guests, mostly confirmed."""
    rng = random.Random(seed)
    starts = (datetime.now() + timedelta(days=21)).replace(
        hour=19, minute=0, second=0, microsecond=0
    )
    event = Event(
        organizer_id=organizer.id,
        title="Founders & Friends Supper",
        starts_at=starts,
        timezone="Europe/London",
        venue="The Long Table",
        address="12 Market Street, London",
        description="Tables of eight. Three minutes each to say what you do and what you need.",
        rsvp_deadline=starts - timedelta(days=3),
        capacity=guests + 4,
    )
    db.session.add(event)
    db.session.flush()
    add_sample_guests(event, guests, seed, rng)
    layout_tables(event, sum(1 for g in event.guests if g.rsvp == Rsvp.YES))
    return event


def _ascii(text: str) -> str:
    """Fold accents for addresses that every mail server accepts ("garcía" -> "garcia")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def add_sample_guests(event: Event, count: int, seed: int, rng: random.Random) -> list[Guest]:
    """Add generated guests with profiles; most have said yes."""
    profiles = generate_profiles(count, seed=seed)
    rows: dict[str, Guest] = {}
    now = utcnow()
    for i, p in enumerate(profiles):
        first, _, last = p.name.partition(" ")
        guest = Guest(
            event_id=event.id,
            name=p.name,
            company=p.company,
            one_liner=p.one_liner,
            email=_ascii(f"{first}.{last}.{i}@example.com".lower().replace(" ", "")),
            offers=list(p.offers),
            needs=list(p.needs),
            intent=p.intent,
            rsvp=Rsvp.YES
            if i < count - 4
            else (Rsvp.MAYBE, Rsvp.INVITED, Rsvp.NO, Rsvp.INVITED)[i % 4],
            responded_at=now,
            invited_at=now,
            profile_updated_at=now,
            dietary=rng.sample(sorted(DIETARY), 1) if rng.random() < 0.25 else [],
            share_email=rng.random() < 0.7,
            share_linkedin=rng.random() < 0.5,
            linkedin=f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i}",
        )
        db.session.add(guest)
        rows[p.id] = guest
    db.session.flush()
    for p in profiles:
        for kind, others in (("prefer", p.prefer), ("avoid", p.avoid)):
            for other in others:
                db.session.add(
                    GuestLink(guest_id=rows[p.id].id, other_id=rows[other].id, kind=kind)
                )
    db.session.flush()
    return list(rows.values())
