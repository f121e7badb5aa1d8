"""Fixtures for the help-topic pages: an organizer's event with guests and their links."""

from __future__ import annotations

import pytest

from dinnerplan.extensions import db
from dinnerplan.links import token_for
from dinnerplan.models import Event, Guest
from tests.factories import sign_in


@pytest.fixture
def organizer(make):
    return make.organizer()


@pytest.fixture
def event(make, organizer):
    return make.event(organizer)


@pytest.fixture
def org_client(client, organizer):
    sign_in(client, organizer)
    return client


def link_of(app, guest) -> str:
    """The guest's personal page path, /r/<token>."""
    with app.test_request_context():
        return f"/r/{token_for(db.session.get(Guest, guest.id))}"


def fresh(app, guest) -> Guest:
    """The guest as stored now."""
    with app.app_context():
        row = db.session.get(Guest, guest.id)
        db.session.expunge(row)
        return row


def set_topic_settings(app, event, settings: dict) -> None:
    """Store an event's topic settings directly (the settings page is tested on its own)."""
    with app.app_context():
        db.session.get(Event, event.id).topic_settings = settings
        db.session.commit()
