"""Fixtures for after the dinner: the intros' seated dinner, and guests' personal links."""

from __future__ import annotations

from datetime import datetime

import pytest

from dinnerplan.extensions import db
from dinnerplan.links import token_for
from dinnerplan.models import Event, Guest
from tests.intros.conftest import FIRST_PLAN, Dinner, dinner  # noqa: F401


@pytest.fixture
def seated(dinner):  # noqa: F811  (the fixture imported above)
    """The dinner with FIRST_PLAN published: Ana, Ben, Cleo, Finn at Table A."""
    dinner.seat(FIRST_PLAN)
    return dinner


# Finn moves from Table A to Table B.
MOVED_PLAN = {"Table A": ["Ana", "Ben", "Cleo"], "Table B": ["Finn", "Dev", "Eve", "Gus", "Hana"]}


def link(party, first: str, path: str = "/mytable") -> str:
    """The guest's personal page plus `path`."""
    with party.app.app_context():
        guest = db.session.get(Guest, party.guest(first).id)
        with party.app.test_request_context():
            return f"/r/{token_for(guest)}{path}"


def update_guest(party, first: str, **values) -> None:
    """Change a guest's row directly (as another request would)."""
    with party.app.app_context():
        guest = db.session.get(Guest, party.guest(first).id)
        for name, value in values.items():
            setattr(guest, name, value)
        db.session.commit()


@pytest.fixture
def dined(seated, app):
    """The seated dinner moved to 1 May 2030, 19:00 London time."""
    with app.app_context():
        db.session.get(Event, seated.event.id).starts_at = datetime(2030, 5, 1, 19, 0)
        db.session.commit()
    return seated
