"""Redis unreachable: sign-in, RSVP and pages still work.

Rate limits fall back to this process's memory, and mail waits in the outbox until the sweep
sends it.
"""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest

from dinnerplan.extensions import db
from dinnerplan.links import token_for
from dinnerplan.mail import jobs as mail_jobs
from dinnerplan.models import Guest, Message
from dinnerplan.models._base import utcnow
from tests.factories import browser_form, sign_in, text_of


@pytest.fixture
def closed_port():
    """A loopback port that refuses connections: bound, never listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def app_config(app_config, closed_port):
    redis_down = f"redis://127.0.0.1:{closed_port}/0"
    app_config.update(
        JOBS_EAGER=False,
        REDIS_URL=redis_down,
        RATELIMIT_STORAGE_URI=redis_down,
        RATELIMIT_ENABLED=True,
        RATELIMIT_SIGNIN="3 per minute",
    )
    return app_config


def test_sign_in_and_pages_work_and_attempts_are_still_limited(client, make):
    organizer = make.organizer()
    event = make.event(organizer, title="Lighthouse Supper")

    signed_in = sign_in(client, organizer)
    assert signed_in.status_code == 200
    assert "Lighthouse Supper" in text_of(signed_in)
    assert client.get(f"/events/{event.id}").status_code == 200
    client.post("/auth/signout")

    wrong = {"email": organizer.email, "password": "not the password"}
    answers = [client.post("/auth/signin", data=wrong).status_code for _ in range(3)]
    assert 500 not in answers
    assert client.post("/auth/signin", data=wrong).status_code == 429  # counted in memory


def test_an_rsvp_is_recorded_and_its_confirmation_waits_for_the_sweep(client, make, app, inbox):
    organizer = make.organizer()
    event = make.event(organizer, title="Lighthouse Supper")
    guest = make.guest(event, name="Ana Alvarez", email="ana@example.com")
    with app.app_context():
        link = f"/r/{token_for(db.session.get(Guest, guest.id))}"

    page = client.get(link)
    response = client.post(link, data=browser_form(page, answer="no"))
    assert response.status_code == 303
    assert "Ana" in text_of(client.get(response.headers["Location"]))
    with app.app_context():
        assert db.session.get(Guest, guest.id).rsvp == "no"
        message = db.session.execute(db.select(Message)).scalar_one()
        assert (message.kind, message.status) == ("confirmation", "queued")
    assert inbox.to("ana@example.com") == []

    # Redis is back (jobs run here): a minute later the worker's sweep sends it, once.
    app.config.update(REDIS_URL=None, JOBS_EAGER=True)
    app.config["CLOCK"] = lambda: utcnow() + timedelta(seconds=61)
    with app.app_context():
        assert mail_jobs.sweep() == [message.id]
        assert mail_jobs.sweep() == []
    assert len(inbox.to("ana@example.com")) == 1
