"""Double opt-in introductions to someone outside the dinner: both sides asked first."""

from __future__ import annotations

import re

from dinnerplan.extensions import db
from dinnerplan.models import Message
from tests.followups.conftest import link
from tests.followups.test_my_table import contacts_in
from tests.followups.test_promises import promise, promises
from tests.followups.test_schedule import click, send_due

CARLA = {"outside_name": "Carla Diaz", "outside_email": "carla@outside.example"}
WHAT = "I'll introduce Cleo to Carla, who runs legal ops at a fintech <b>now</b>"


def local(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def offer(client, dinner):
    response = promise(client, dinner, "Ana", "Cleo", WHAT, **CARLA)
    assert response.status_code == 303
    return promises(dinner.app)[0]


def test_the_tablemate_is_asked_first_and_nobody_outside_is_emailed(client, seated, inbox):
    offer(client, seated)
    (ask,) = inbox.messages
    assert ask["To"] == "private.cleo@example.com"
    assert ask["Subject"] == "Ana Alvarez offered you an introduction"
    assert "waiting for Cleo Chen to say yes" in client.get(link(seated, "Ana")).text
    assert not inbox.to("carla@outside.example")


def test_both_yes_connects_them_and_done_tells_the_receiver(client, seated, inbox):
    offer(client, seated)
    yes = re.search(r"Yes please: (\S+)", inbox.text_of(inbox.messages[0])).group(1)
    click(client, yes)
    forward = inbox.to("private.ana@example.com")[-1]
    assert forward["Subject"] == "Your introduction: a note to forward"
    note = inbox.text_of(forward)
    assert "At Founders' Supper I met Cleo Chen (Lexa): Startup lawyer." in note
    assert "&lt;b&gt;now&lt;/b&gt;" in inbox.html_of(forward)  # HTML in a promise stays text
    outside = local(re.search(r"(https?://\S+/o/\S+)", note).group(1))

    page = client.get(outside).text
    assert "Ana Alvarez would like to introduce you to Cleo Chen" in page
    assert not contacts_in(page)  # Cleo's details stay hidden until both said yes
    assert client.post(outside, data={"answer": "yes"}).status_code == 200
    matched = inbox.to("private.cleo@example.com")[-1]
    assert "carla@outside.example" in inbox.text_of(matched)
    ready = inbox.to("private.ana@example.com")[-1]
    draft = inbox.text_of(ready)
    assert "To: carla@outside.example, private.cleo@example.com" in draft  # Cleo shares it
    assert "Already answered" in client.post(outside, data={"answer": "no"}).text
    assert not inbox.to("carla@outside.example")

    click(client, re.search(r"I made the intro: (\S+)", draft).group(1))
    assert inbox.to("private.cleo@example.com")[-1]["Subject"].startswith("Ana Alvarez did")


def test_receiver_who_does_not_share_their_email_is_not_in_the_draft(client, seated, inbox):
    promise(client, seated, "Cleo", "Ben", "I'll introduce Ben to Carla", **CARLA)
    click(client, re.search(r"Yes please: (\S+)", inbox.text_of(inbox.messages[0])).group(1))
    note = inbox.text_of(inbox.to("private.cleo@example.com")[-1])
    client.post(local(re.search(r"(https?://\S+/o/\S+)", note).group(1)), data={"answer": "yes"})
    draft = inbox.text_of(inbox.to("private.cleo@example.com")[-1])
    assert "To: carla@outside.example" in draft.splitlines()
    assert "private.ben" not in draft
    assert "doesn't share their email address" in draft


def test_a_no_lets_it_go_quietly(client, seated, app, inbox):
    offer(client, seated)
    click(client, re.search(r"No thanks: (\S+)", inbox.text_of(inbox.messages[0])).group(1))
    (p,) = promises(app)
    assert (p.state, p.drop_reason) == ("dropped", "Cleo said no thanks")
    assert len(inbox.messages) == 1  # no note to forward


def test_no_reminders_while_waiting_for_a_yes(runner, client, dined, inbox):
    offer(client, dined)
    send_due(runner, "2030-05-04T08:00")  # day 3
    with dined.app.app_context():
        kinds = set(db.session.scalars(db.select(Message.kind)))
    assert "followup_remind3" not in kinds


def test_an_outside_email_only_goes_with_an_introduction(client, seated, app):
    page = promise(client, seated, "Ana", "Ben", "I'll send Ben our deck", "send", **CARLA)
    assert page.status_code == 400
    assert "only for introducing someone outside" in page.text
    bad = promise(client, seated, "Ana", "Ben", "Intro to Carla", outside_email="carla@")
    assert bad.status_code == 400
    assert "look like an email address" in bad.text
    assert promises(app) == []


def test_a_tampered_outside_link_is_refused(client, seated):
    page = client.get("/o/WzEsImNhcmxhQG91dHNpZGUuZXhhbXBsZSJd.forged")
    assert page.status_code == 404
    assert "no longer works" in page.text
