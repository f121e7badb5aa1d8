"""Shared test helpers: rows, signing in, and reading what a person sees.

Rows are organizers, events and guests; what a person sees: emails that arrived, personal
links in them, pages and their forms.
"""

from __future__ import annotations

import email
import email.policy
import html
import itertools
import re
import threading
from datetime import datetime, timedelta
from html.parser import HTMLParser

from dinnerplan.auth.sessions import start_session
from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Organizer
from dinnerplan.models._base import utcnow

PASSWORD = "correct horse battery"
BASE = "http://localhost"  # BASE_URL in the test configuration
XSS = "<script>alert(1)</script>"
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


def sign_in_as(client, organizer: Organizer):
    """Sign the client in as the organizer without the form (as FlaskLoginClient does)."""
    with client.session_transaction() as session:
        session["_user_id"] = organizer.get_id()
        session["_fresh"] = True
    return client


def sign_in(client, organizer: Organizer, password: str = PASSWORD):
    """Sign in through the real form."""
    return client.post(
        "/auth/signin",
        data={"email": organizer.email, "password": password},
        follow_redirects=True,
    )


class Inbox:
    """What the loopback SMTP server received, parsed as email messages."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd handler hook
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(parsed)
        return "250 OK"

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()

    def to(self, address: str) -> list[email.message.EmailMessage]:
        """Messages addressed to one recipient."""
        return [m for m in list(self.messages) if address.lower() in m["To"].lower()]

    @staticmethod
    def text_of(message: email.message.EmailMessage) -> str:
        """The plain-text body."""
        return message.get_body(preferencelist=("plain",)).get_content()

    @staticmethod
    def html_of(message: email.message.EmailMessage) -> str:
        """The HTML body."""
        return message.get_body(preferencelist=("html",)).get_content()


def link_in(message) -> str:
    """The personal link in an email's text, as a path for the test client."""
    match = re.search(re.escape(BASE) + r"(/r/\S+)", Inbox.text_of(message))
    assert match, Inbox.text_of(message)
    return match.group(1)


def invite(client, event):
    """Press the event's 'Send invitations' button."""
    return client.post(f"/events/{event.id}/invitations", follow_redirects=True)


def guests_of(app, event) -> list[Guest]:
    """The event's guests, detached from the session, in the order they were added."""
    with app.app_context():
        guests = db.session.scalars(
            db.select(Guest).where(Guest.event_id == event.id).order_by(Guest.id)
        ).all()
        db.session.expunge_all()
        return list(guests)


class _FormReader(HTMLParser):
    """Collect what a browser would submit for the page's forms as they stand."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, list[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button"):
                self.fields.setdefault(name, []).append(a.get("value", ""))
        elif tag == "select":
            self._select = name
            self.fields.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def browser_form(response, **changes) -> dict:
    """The page's form data as a browser would post it, with a person's changes applied."""
    reader = _FormReader()
    reader.feed(response.get_data(as_text=True))
    data = {k: v for k, v in reader.fields.items() if k != "nonce"}
    data.update(changes)
    return data


def text_of(response) -> str:
    """The page as a person reads it: tags dropped, whitespace collapsed."""
    stripped = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", html.unescape(stripped))
