"""Privacy over every follow-up page and email: consent, tables, unsubscribing, revoking."""

from __future__ import annotations

import re

from dinnerplan.extensions import db
from dinnerplan.models import FollowupAnswer
from tests.followups.conftest import link, update_guest
from tests.followups.test_my_table import contacts_in
from tests.followups.test_promises import promise, promises
from tests.followups.test_schedule import click, send_due


def bodies(inbox, message) -> str:
    return inbox.text_of(message) + inbox.html_of(message)


def test_no_follow_up_email_carries_a_contact_detail(runner, client, dined, inbox):
    promise(client, dined, "Ana", "Ben", "I'll introduce Ben to our seed lawyer")
    promise(client, dined, "Finn", "Cleo", "Could you introduce me to a fintech VC?", "ask")
    for when in ("2030-05-02T08:00", "2030-05-04T08:00", "2030-05-08T08:00", "2030-05-11T08:00"):
        send_due(runner, when)
    text = inbox.text_of(inbox.to("private.ana@example.com")[0])
    click(client, re.search(r"I made the intro: (\S+)", text).group(1))
    kinds = {m["Subject"].split(":")[0] for m in inbox.messages}
    assert len(kinds) >= 5  # morning, two reminders, the week question, the done notice
    for message in inbox.messages:
        assert not contacts_in(bodies(inbox, message)), message["Subject"]


def test_an_unsubscribed_guest_gets_nothing_further(runner, client, dined, inbox):
    send_due(runner, "2030-05-02T08:00")
    ben = inbox.to("private.ben@example.com")[0]
    unsubscribe = re.search(
        r"No more follow-up emails about this dinner: (\S+)", inbox.text_of(ben)
    )
    page = click(client, unsubscribe.group(1))  # the link in the body: a page, one button
    assert b"Recorded" in page.data
    inbox.clear()
    promise(client, dined, "Ana", "Ben", "I'll send Ben our deck", "send")
    promise(
        client,
        dined,
        "Cleo",
        "Ben",
        "I'll introduce Ben to Carla",
        outside_name="Carla",
        outside_email="carla@outside.example",
    )
    p = promises(dined.app)[0]
    client.post(link(dined, "Ana", f"/mytable/promises/{p.id}/done"))  # would tell Ben
    for when in ("2030-05-04T08:00", "2030-05-08T08:00", "2030-05-11T08:00"):
        send_due(runner, when)
    assert inbox.to("private.ben@example.com") == []
    assert inbox.to("private.ana@example.com")  # others still hear from us


def test_a_revoked_personal_link_kills_the_email_links(runner, client, dined, inbox):
    promise(client, dined, "Ana", "Ben", "I'll introduce Ben to our seed lawyer")
    send_due(runner, "2030-05-02T08:00")
    text = inbox.text_of(inbox.to("private.ana@example.com")[0])
    done = re.sub(r"^https?://[^/]+", "", re.search(r"I made the intro: (\S+)", text).group(1))
    update_guest(dined, "Ana", token_nonce="revoked")
    for response in (client.get(done), client.post(done)):
        assert response.status_code == 404
        assert b"no longer works" in response.data
    assert promises(dined.app)[0].state == "open"


def test_a_link_for_one_action_cannot_do_another(client, dined, runner, inbox):
    promise(client, dined, "Ana", "Ben", "I'll introduce Ben to our seed lawyer")
    send_due(runner, "2030-05-02T08:00")
    text = inbox.text_of(inbox.to("private.ana@example.com")[0])
    drop = re.search(r"Not now: (\S+)", text).group(1)
    click(client, drop)
    (p,) = promises(dined.app)
    assert (p.state, p.drop_reason) == ("dropped", "not now")
    again = click(client, drop)
    assert b"Already recorded" in again.data


def test_we_spoke_and_the_week_question_are_recorded_once(runner, client, dined, inbox):
    send_due(runner, "2030-05-02T08:00")
    text = inbox.text_of(inbox.to("private.ana@example.com")[0])
    spoke = re.search(r"Ben Brook, Seedfund \(we spoke: (\S+)\)", text).group(1)
    assert b"Recorded" in click(client, spoke).data
    assert b"Already recorded" in click(client, spoke).data
    send_due(runner, "2030-05-08T08:00")
    week = inbox.text_of(inbox.to("private.ana@example.com")[-1])
    assert 'help with "intros to seed investors"' in week
    click(client, re.search(r"Yes: (\S+)", week).group(1))
    with dined.app.app_context():
        answers = {(a.kind, a.value) for a in db.session.scalars(db.select(FollowupAnswer))}
    assert answers == {("spoke", True), ("helped", True)}
    send_due(runner, "2030-05-09T08:00")  # answered: the question is not asked again
    assert len(inbox.to("private.ana@example.com")) == 2


def test_html_in_a_promise_is_escaped_in_every_email(runner, client, dined, inbox):
    promise(client, dined, "Ana", "Ben", "<script>alert(1)</script> intro", "intro")
    send_due(runner, "2030-05-02T08:00")
    send_due(runner, "2030-05-04T08:00")
    for first in ("ana", "ben"):
        for message in inbox.to(f"private.{first}@example.com"):
            html = inbox.html_of(message)
            assert "<script>" not in html, message["Subject"]
            assert "&lt;script&gt;alert(1)" in html, message["Subject"]
