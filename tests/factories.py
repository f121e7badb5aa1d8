"""Factories for tests: organizers, events, guests, and signing in."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from dinnerplan.auth.sessions import start_session
from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Organizer
from dinnerplan.models._base import utcnow

PASSWORD = "correct horse battery"
_seq = itertools.count(1)


class Factory:
    """Create rows in the app's database; each call commits."""

    def __init__(self, app) -> None:
        self.app = app

    def organizer(
        self, email: str | None = None, password: str = PASSWORD, verified: bool = True
    ) -> Organizer:
        """An organizer account with a live session (its get_id() signs a test client in)."""
        with self.app.app_context():
            org = Organizer(email=email or f"org{next(_seq)}@example.com", name="Olga Organizer")
            org.set_password(password)
            org.email_verified_at = utcnow() if verified else None
            db.session.add(org)
            start_session(org)
            db.session.commit()
            db.session.refresh(org)
            db.session.expunge(org)
            return org

    def event(self, organizer: Organizer | None = None, **fields) -> Event:
        """An event two weeks from now, owned by the organizer (a new one by default)."""
        organizer = organizer or self.organizer()
        values = {
            "title": "Founders' Supper",
            "starts_at": (datetime.now() + timedelta(days=14)).replace(
                hour=19, minute=0, second=0, microsecond=0
            ),
            "timezone": "Europe/London",
            "venue": "The Long Table",
            "address": "1 High Street, London",
        }
        values.update(fields)
        with self.app.app_context():
            event = Event(organizer_id=organizer.id, **values)
            db.session.add(event)
            db.session.commit()
            db.session.refresh(event)
            db.session.expunge(event)
            return event

    def guest(self, event: Event, **fields) -> Guest:
        """A guest of the event."""
        n = next(_seq)
        values = {"name": f"Guest Number{n}", "email": f"guest{n}@example.com"}
        values.update(fields)
        with self.app.app_context():
            guest = Guest(event_id=event.id, **values)
            db.session.add(guest)
            db.session.commit()
            db.session.refresh(guest)
            db.session.expunge(guest)
            return guest


def sign_in(client, organizer: Organizer, password: str = PASSWORD):
    """Sign in through the real form."""
    return client.post(
        "/auth/signin",
        data={"email": organizer.email, "password": password},
        follow_redirects=True,
    )
