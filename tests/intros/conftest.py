"""A small seated dinner: eight guests with profiles and contact details, two tables."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Assignment, SeatingVersion, Table
from dinnerplan.models._base import utcnow

PEOPLE = [
    # name, company, one-liner, offers, needs, intent, contact consents
    (
        "Ana Alvarez",
        "Inkwell",
        "Brand designer",
        ["brand identity design", "logo design"],
        ["intros to seed investors"],
        "clients",
        "email",
    ),
    (
        "Ben Brook",
        "Seedfund",
        "Angel investor",
        ["intros to seed investors", "angel investing"],
        ["a new logo"],
        "give_back",
        "",
    ),
    (
        "Cleo Chen",
        "Lexa",
        "Startup lawyer",
        ["startup legal advice"],
        ["more clients"],
        "clients",
        "email phone linkedin",
    ),
    (
        "Finn Ford",
        "Paywise",
        "Founder of a fintech app",
        ["payments expertise"],
        ["a startup lawyer"],
        "investors",
        "phone",
    ),
    (
        "Dev Desai",
        "Stackly",
        "CTO",
        ["backend scaling advice"],
        ["senior engineers to hire"],
        "hire",
        "linkedin",
    ),
    (
        "Eve Evans",
        "Talentry",
        "Recruiter",
        ["recruiting senior engineers"],
        ["fintech clients"],
        "clients",
        "",
    ),
    (
        "Gus Green",
        "Growco",
        "Growth marketer",
        ["growth marketing"],
        ["a cofounder"],
        "partners",
        "email",
    ),
    (
        "Hana Hill",
        "Hill Ventures",
        "Partner at a seed fund",
        ["seed investment"],
        ["deal flow"],
        "give_back",
        "",
    ),
]


@dataclass
class Dinner:
    """Ids of what `dinner` created, and helpers to seat and publish versions."""

    app: object
    organizer: object
    event: object
    guests: dict[str, object]  # first name -> Guest (detached)
    tables: dict[str, int] = field(default_factory=dict)  # table name -> id

    def guest(self, first: str):
        """The guest with this first name."""
        return self.guests[first]

    def others(self, *firsts: str) -> list:
        """Every guest except these."""
        return [g for name, g in self.guests.items() if name not in firsts]

    def seat(self, plan: dict[str, list[str]], publish: bool = True, host: dict | None = None):
        """Record a seating version {table: [first names in talk order]}; return its id."""
        with self.app.app_context():
            number = (
                1
                + db.session.execute(
                    db.select(db.func.count(SeatingVersion.id)).where(
                        SeatingVersion.event_id == self.event.id
                    )
                ).scalar_one()
            )
            version = SeatingVersion(
                event_id=self.event.id,
                number=number,
                kind="solve",
                status="optimal",
                published_at=utcnow() if publish else None,
            )
            if publish:  # as seating.operations.publish does: one published version
                db.session.execute(
                    db.update(SeatingVersion)
                    .where(SeatingVersion.event_id == self.event.id)
                    .values(published_at=None)
                )
            db.session.add(version)
            for position, (name, firsts) in enumerate(plan.items()):
                if name not in self.tables:
                    table = Table(
                        event_id=self.event.id,
                        name=name,
                        position=position,
                        min_seats=2,
                        max_seats=6,
                    )
                    db.session.add(table)
                    db.session.flush()
                    self.tables[name] = table.id
                if host and name in host:
                    db.session.get(Table, self.tables[name]).host_guest_id = self.guests[
                        host[name]
                    ].id
                for order, first in enumerate(firsts):
                    version.assignments.append(
                        Assignment(
                            guest_id=self.guests[first].id,
                            table_id=self.tables[name],
                            seat_order=order,
                        )
                    )
            db.session.commit()
            return version.id


FIRST_PLAN = {"Table A": ["Ana", "Ben", "Cleo", "Finn"], "Table B": ["Dev", "Eve", "Gus", "Hana"]}


@pytest.fixture
def dinner(make, app) -> Dinner:
    """An event with eight confirmed guests, nobody seated yet."""
    organizer = make.organizer()
    event = make.event(organizer, title="Founders' Supper", minutes_per_guest=3)
    guests = {}
    for n, (name, company, liner, offers, needs, intent, consents) in enumerate(PEOPLE):
        first = name.split()[0]
        guests[first] = make.guest(
            event,
            name=name,
            email=f"private.{first.lower()}@example.com",
            company=company,
            one_liner=liner,
            offers=offers,
            needs=needs,
            intent=intent,
            rsvp="yes",
            phone=f"+44 7700 90{n:04d}",
            linkedin=f"https://www.linkedin.com/in/{first.lower()}-x",
            share_email="email" in consents,
            share_phone="phone" in consents,
            share_linkedin="linkedin" in consents,
        )
    return Dinner(app, organizer, event, guests)


def intro_url(dinner: Dinner, action: str = "") -> str:
    """The intros area of the dinner's event."""
    return f"/events/{dinner.event.id}/intros/{action}"
