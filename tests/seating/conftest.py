"""Seating test fixtures: a signed-in organizer with an event of realistic confirmed guests."""

from __future__ import annotations

import pytest

from dinnerplan.extensions import db
from dinnerplan.matching.sample import generate_profiles
from dinnerplan.models import Guest, GuestLink, SeatingVersion, Table
from tests.factories import sign_in_as


@pytest.fixture
def app_config(app_config):
    """Short solver runs on one core: the machine is shared."""
    app_config.update({"SOLVER_TIME_LIMIT": 1.0, "SOLVER_WORKERS": 1})
    return app_config


def add_guests(app, event, n: int, seed: int = 1, rsvp: str = "yes", **fields) -> list[int]:
    """Add n guests with realistic profiles (colleagues and seating wishes included)."""
    profiles = generate_profiles(n, seed)
    with app.app_context():
        ids = {}
        for i, p in enumerate(profiles):
            g = Guest(
                event_id=event.id,
                name=p.name,
                email=f"p{seed}-{i}@example.com",
                company=p.company,
                one_liner=p.one_liner,
                offers=list(p.offers),
                needs=list(p.needs),
                intent=p.intent,
                rsvp=rsvp,
                **fields,
            )
            db.session.add(g)
            db.session.flush()
            ids[p.id] = g.id
        for p in profiles:
            for kind, others in (("avoid", p.avoid), ("prefer", p.prefer)):
                for other in others:
                    db.session.add(GuestLink(guest_id=ids[p.id], other_id=ids[other], kind=kind))
        db.session.commit()
        return list(ids.values())


def add_tables(app, event, sizes: list[tuple[int, int]]) -> list[int]:
    """Add tables with (min, max) bounds; return their ids."""
    with app.app_context():
        rows = [
            Table(event_id=event.id, name=f"Table {i}", min_seats=lo, max_seats=hi, position=i)
            for i, (lo, hi) in enumerate(sizes, start=1)
        ]
        db.session.add_all(rows)
        db.session.commit()
        return [t.id for t in rows]


def seated(app, event, number=None):
    """(version number, {guest_id: table_id}, {guest_id: locked}) of a version (newest)."""
    with app.app_context():
        query = db.select(SeatingVersion).where(SeatingVersion.event_id == event.id)
        query = (
            query.where(SeatingVersion.number == number)
            if number
            else query.order_by(SeatingVersion.number.desc()).limit(1)
        )
        v = db.session.execute(query).scalar_one()
        return (
            v.number,
            {a.guest_id: a.table_id for a in v.assignments},
            {a.guest_id: a.locked for a in v.assignments},
        )


def setup_seating(app, client, event, n=18, tables=((6, 8), (6, 8), (6, 8))):
    add_tables(app, event, list(tables))
    add_guests(app, event, n, seed=11)
    client.post(f"/events/{event.id}/seating/run")
    return seated(app, event)


def url(event, what):
    return f"/events/{event.id}/seating/{what}"


@pytest.fixture
def organizer(make):
    """The organizer who owns the event."""
    return make.organizer()


@pytest.fixture
def event(make, organizer):
    """An event with tables of 6-10 laid out automatically."""
    return make.event(organizer, table_min=6, table_max=10, minutes_per_guest=3)


@pytest.fixture
def signed_in(client, organizer):
    """The test client, signed in as the event's organizer."""
    sign_in_as(client, organizer)
    return client
