"""Who may email guests: a confirmed address first, then at most MAIL_DAILY_QUOTA a day.

A batch larger than what remains today is refused whole, with the count that remains;
nothing is half-sent.
"""

from __future__ import annotations

import html

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Guest, Message
from tests.factories import sign_in


@pytest.fixture
def app_config(app_config, tmp_path):
    return {**app_config, "MAIL_DAILY_QUOTA": 3, "IMPORT_FOLDER": str(tmp_path / "imports")}


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def invite(client, event):
    return client.post(f"/events/{event.id}/invitations", follow_redirects=True)


def recorded(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Message.id))).scalar_one()


def test_an_unconfirmed_account_cannot_email_guests_and_is_told_why(client, make, app, inbox):
    organizer = make.organizer(email="new@example.com", verified=False)
    event = make.event(organizer)
    guest = make.guest(event, email="gia@example.com")
    sign_in(client, organizer)

    page = text(invite(client, event))
    assert "Confirm your email address first: open the link we emailed to new@example.com" in page
    assert "Send the link again" in page  # the banner's resend button
    resent = text(client.post(f"/events/{event.id}/rsvps/{guest.id}/resend", follow_redirects=True))
    assert "Confirm your email address first" in resent
    assert inbox.messages == []
    assert recorded(app) == 0
    with app.app_context():
        assert db.session.get(Guest, guest.id).invited_at is None


def test_a_batch_over_todays_quota_is_refused_whole(client, make, app, inbox):
    organizer = make.organizer()
    big = make.event(organizer, title="Big Dinner")
    for i in range(5):
        make.guest(big, email=f"big{i}@example.com")
    small = make.event(organizer, title="Small Dinner")
    two = [make.guest(small, email=f"small{i}@example.com") for i in range(2)]
    sign_in(client, organizer)

    page = text(invite(client, big))
    assert "That would send 5 emails, but your account can send 3 more today" in page
    assert "Nothing was sent" in page
    assert inbox.messages == []
    assert recorded(app) == 0

    assert "Sending 2 invitations." in text(invite(client, small))
    assert len(inbox.messages) == 2
    assert "can send 1 more guest email today" in text(client.get("/auth/account"))
    resend = f"/events/{small.id}/rsvps/{two[0].id}/resend"
    assert "Sent " in text(
        client.post(resend, data={"nonce": "first-form-a"}, follow_redirects=True)
    )
    refused = text(client.post(resend, data={"nonce": "second-form-b"}, follow_redirects=True))
    assert "That would send 1 email, but your account can send 0 more today" in refused
    assert len(inbox.messages) == 3


def test_the_demo_organizer_counts_as_confirmed(app):
    from dinnerplan.demo import demo_organizer

    with app.app_context():
        assert demo_organizer().email_verified_at is not None


def test_an_unconfirmed_account_can_still_plan_a_dinner_and_import_guests(client, make, app):
    import io

    organizer = make.organizer(verified=False)
    sign_in(client, organizer)
    created = client.post(
        "/events/new",
        data={
            "title": "Planning Ahead",
            "start_date": "2031-05-01",
            "start_time": "19:00",
            "timezone": "Europe/London",
            "venue": "The Long Table",
            "minutes_per_guest": "3",
            "table_min": "6",
            "table_max": "10",
        },
    )
    assert created.status_code == 302
    event_path = created.headers["Location"]
    upload = client.post(
        f"{event_path}/guests/import",
        data={"file": (io.BytesIO(b"name,email\nIda Import,ida@example.com\n"), "g.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "Ida Import" in text(upload)
    client.post(f"{event_path}/guests/import/confirm")
    with app.app_context():
        assert db.session.execute(db.select(Guest.name)).scalars().all() == ["Ida Import"]
