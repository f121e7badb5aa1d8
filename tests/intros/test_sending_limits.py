"""Introductions respect the sending rules: a confirmed address, and today's quota, whole."""

from __future__ import annotations

import html
import re

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Message, Organizer
from tests.factories import sign_in_as
from tests.intros.conftest import FIRST_PLAN, intro_url


@pytest.fixture
def app_config(app_config):
    return {**app_config, "MAIL_DAILY_QUOTA": 7}


def post(client, url) -> str:
    return html.unescape(client.post(url, follow_redirects=True).get_data(as_text=True))


def intro_count(app) -> int:
    with app.app_context():
        query = db.select(db.func.count(Message.id)).where(Message.kind == "intro")
        return db.session.execute(query).scalar_one()


def test_unconfirmed_organizers_cannot_send_introductions(client, dinner, inbox, app):
    with app.app_context():
        db.session.get(Organizer, dinner.organizer.id).email_verified_at = None
        db.session.commit()
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)
    assert "Confirm your email address first" in post(client, intro_url(dinner, "send"))
    assert intro_count(app) == 0
    assert inbox.messages == []


def test_eight_introductions_over_a_quota_of_seven_send_none(client, dinner, inbox, app):
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)
    page = post(client, intro_url(dinner, "send"))
    assert "That would send 8 emails, but your account can send 7 more today" in page
    assert intro_count(app) == 0
    assert inbox.messages == []


def test_updates_over_the_quota_tell_nobody_and_say_so(client, dinner, inbox, app):
    # Quota 7 is below the 8 introductions: start from a day with room for exactly 8 + 1.
    app.config["MAIL_DAILY_QUOTA"] = 9
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)
    client.post(intro_url(dinner, "send"))
    assert len(inbox.messages) == 8
    inbox.clear()
    swapped = {"Table A": ["Ana", "Eve", "Cleo", "Finn"], "Table B": ["Dev", "Ben", "Gus", "Hana"]}
    dinner.seat(swapped, publish=False)
    response = client.post(
        f"/events/{dinner.event.id}/seating/publish", data={"version": 2}, follow_redirects=True
    )
    assert "Version 2 is published" in html.unescape(response.get_data(as_text=True))
    assert inbox.messages == []  # publishing tells nobody; the organizer previews first
    page = html.unescape(
        client.post(intro_url(dinner, "changes"), follow_redirects=True).get_data(as_text=True)
    )
    assert re.search(r"That would send \d+ emails, but your account can send 1 more today", page)
    assert inbox.messages == []
