"""The outbox: every message recorded, readable in the app, failures retried once."""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Message
from dinnerplan.models._base import utcnow
from tests.factories import invite, sign_in_as

ROOT = Path(__file__).resolve().parents[1]


def text_of(response) -> str:
    stripped = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", html.unescape(stripped))


def message_ids(app, **where) -> list[int]:
    with app.app_context():
        query = db.select(Message.id).filter_by(**where).order_by(Message.id)
        return list(db.session.execute(query).scalars())


def record_message(app, organizer, recipient: str, **fields) -> int:
    """An invitation recorded in the outbox, not sent; return its id."""
    with app.app_context():
        message = Message(
            dedupe_key=f"test-{recipient}",
            recipient=recipient,
            kind="invitation",
            subject="You're invited",
            body_text="Come to dinner.",
            organizer_id=organizer.id,
            **fields,
        )
        db.session.add(message)
        db.session.commit()
        return message.id


@pytest.fixture
def closed_port():
    """A loopback port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def broken_smtp(app_config, closed_port):
    app_config["MAIL_PORT"] = closed_port


@pytest.fixture
def no_mail_server(app_config):
    app_config["MAIL_SERVER"] = None
    app_config["MAIL_BACKEND"] = "file"


def test_outbox_lists_only_my_messages_with_their_details(client, make, inbox, app):
    me, other = make.organizer(), make.organizer()
    supper = make.event(me, title="Supper Club")
    brunch = make.event(me, title="Brunch")
    make.guest(supper, email="ana@example.com")
    make.guest(brunch, email="ben@example.com")
    theirs = make.event(other, title="Their Dinner")
    make.guest(theirs, email="zed@example.com")
    sign_in_as(client, other)
    invite(client, theirs)
    sign_in_as(client, me)
    invite(client, supper)
    invite(client, brunch)

    page = text_of(client.get("/outbox/"))
    assert "ana@example.com" in page
    assert "ben@example.com" in page
    assert "zed@example.com" not in page
    assert "Their Dinner" not in page
    assert "You're invited: Supper Club" in page
    assert "invitation" in page
    assert "sent" in page
    assert "Not a valid choice" not in page  # the unfiltered first visit shows no error

    only_supper = text_of(client.get(f"/outbox/?event={supper.id}"))
    assert "ana@example.com" in only_supper
    assert "ben@example.com" not in only_supper
    failed = text_of(client.get("/outbox/?status=failed"))
    assert "ana@example.com" not in failed
    assert "No messages match this filter" in failed
    bogus = client.get("/outbox/?event=nonsense&status=bogus")
    assert bogus.status_code == 200
    assert "Not a valid choice" in text_of(bogus)

    (their_id,) = message_ids(app, recipient="zed@example.com")
    assert client.get(f"/outbox/{their_id}").status_code == 404
    assert client.post(f"/outbox/{their_id}/retry").status_code == 404


def test_message_page_shows_text_and_sandboxed_html_never_raw(client, make, inbox, app):
    organizer = make.organizer()
    event = make.event(organizer, title="<script>alert('x')</script> Supper")
    make.guest(event, name="<b>Bold</b> Guest", email="bo@example.com")
    sign_in_as(client, organizer)
    invite(client, event)
    (message_id,) = message_ids(app, recipient="bo@example.com")

    body = client.get(f"/outbox/{message_id}").get_data(as_text=True)
    assert "<script>alert" not in body
    assert "<b>Bold</b>" not in body
    pre = re.search(r"<pre[^>]*>(.*?)</pre>", body, re.S).group(1)
    assert "Hello &lt;b&gt;Bold&lt;/b&gt;" in pre  # the text body, escaped for the page
    frame = re.search(r"<iframe[^>]*>", body, re.S).group(0)
    assert re.search(r"\bsandbox\b", frame)
    assert 'sandbox="' not in frame
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', frame).group(1))
    assert "&lt;script&gt;alert" in srcdoc
    assert "<!doctype html>" in srcdoc


def test_without_a_mail_server_messages_go_to_the_local_outbox(
    no_mail_server, client, make, inbox, app
):
    organizer = make.organizer()
    event = make.event(organizer, title="Offline Supper")
    make.guest(event, email="ana@example.com")
    sign_in_as(client, organizer)
    invite(client, event)

    assert inbox.messages == []  # nothing went over SMTP
    files = os.listdir(app.config["MAIL_FILE_PATH"])
    assert len(files) == 1
    with open(os.path.join(app.config["MAIL_FILE_PATH"], files[0])) as fh:
        assert "You're invited: Offline Supper" in fh.read()
    (message_id,) = message_ids(app, recipient="ana@example.com")
    listing = text_of(client.get("/outbox/"))
    assert "No mail server is set up" in listing
    assert "sent" in listing
    shown = text_of(client.get(f"/outbox/{message_id}"))
    assert "You're invited: Offline Supper" in shown
    assert "/r/" in shown


def test_failed_send_is_recorded_and_retried_once(
    broken_smtp, client, make, inbox, app, smtp_server
):
    organizer = make.organizer()
    event = make.event(organizer)
    make.guest(event, email="ana@example.com")
    sign_in_as(client, organizer)
    invite(client, event)

    (message_id,) = message_ids(app, recipient="ana@example.com")
    with app.app_context():
        message = db.session.get(Message, message_id)
        assert (message.status, message.attempts) == ("failed", 1)
        assert message.last_error.startswith("ConnectionRefusedError")
    assert inbox.messages == []
    page = text_of(client.get(f"/outbox/{message_id}"))
    assert "failed" in page
    assert "Retry sending" in page

    # The mail server is back.
    real_port = smtp_server[0].port
    app.config["MAIL_PORT"] = real_port
    app.extensions["mailman"].port = real_port
    response = client.post(f"/outbox/{message_id}/retry", follow_redirects=True)
    assert "Sending the message again." in text_of(response)
    with app.app_context():
        message = db.session.get(Message, message_id)
        assert (message.status, message.attempts, message.last_error) == ("sent", 2, "")
    assert len(inbox.to("ana@example.com")) == 1

    again = client.post(f"/outbox/{message_id}/retry", follow_redirects=True)
    assert "already sent; nothing to retry" in text_of(again)
    assert len(inbox.to("ana@example.com")) == 1
    with app.app_context():
        assert db.session.get(Message, message_id).attempts == 2
    # A second "Send invitations" finds the guest already invited: no second message.
    invite(client, event)
    assert message_ids(app, recipient="ana@example.com") == [message_id]


@pytest.fixture
def csrf_on(app_config):
    app_config["WTF_CSRF_ENABLED"] = True


def test_retry_needs_csrf_when_enabled(csrf_on, client, make, app, inbox):
    organizer = make.organizer()
    message_id = record_message(app, organizer, "a@example.com", status="failed")
    sign_in_as(client, organizer)
    assert client.post(f"/outbox/{message_id}/retry").status_code == 400
    page = client.get(f"/outbox/{message_id}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post(f"/outbox/{message_id}/retry", data={"csrf_token": token})
    assert len(inbox.to("a@example.com")) == 1


@pytest.fixture
def silent_smtp():
    """A loopback 'mail server' that accepts connections and never says a word."""
    server = socket.create_server(("127.0.0.1", 0))
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


@pytest.fixture
def short_sending_timeout(app_config):
    app_config["MAIL_SENDING_TIMEOUT"] = 1


def test_a_send_cut_off_by_a_dead_worker_can_be_sent_again(
    short_sending_timeout, silent_smtp, client, make, inbox, app
):
    organizer = make.organizer()
    event = make.event(organizer)
    message_id = record_message(app, organizer, "ana@example.com", event_id=event.id)
    # A worker process claims it, then waits on a mail server that never answers, and is killed.
    env = dict(os.environ)
    env.update(
        DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=str(silent_smtp),
        PYTHONPATH=str(ROOT),
    )
    script = (
        "from dinnerplan.app import create_app\n"
        "from dinnerplan.mail.operations import send_one\n"
        f"with create_app().app_context(): send_one({message_id})\n"
    )
    worker = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 60
        while message_ids(app, id=message_id, status="sending") == []:
            assert worker.poll() is None, "worker never claimed"
            assert time.monotonic() < deadline, "worker never claimed"
            time.sleep(0.05)
    finally:
        worker.kill()
        worker.wait()
    sign_in_as(client, organizer)
    assert "is being sent right now" in text_of(
        client.post(f"/outbox/{message_id}/retry", follow_redirects=True)
    )
    # Two seconds later (longer than MAIL_SENDING_TIMEOUT): nobody is sending it any more.
    app.config["CLOCK"] = lambda: utcnow() + timedelta(seconds=2)

    assert "interrupted" in text_of(client.get("/outbox/"))
    page = text_of(client.get(f"/outbox/{message_id}"))
    assert "Sending was interrupted" in page
    assert "may or may not have arrived" in page
    response = client.post(f"/outbox/{message_id}/retry", follow_redirects=True)

    assert "Sending the message again." in text_of(response)
    assert len(inbox.to("ana@example.com")) == 1
    with app.app_context():
        message = db.session.get(Message, message_id)
        assert (message.status, message.attempts) == ("sent", 2)
