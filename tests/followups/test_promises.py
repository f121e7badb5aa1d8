"""Promises noted on the table page: one line each, escaped, closed only by their giver."""

from __future__ import annotations

from dinnerplan.extensions import db
from dinnerplan.models import Promise
from tests.followups.conftest import link, update_guest


def ids(dinner) -> dict[str, int]:
    return {first: g.id for first, g in dinner.guests.items()}


def promise(client, dinner, first, mate, what, kind="intro", **extra):
    data = {"kind": kind, "mate": ids(dinner)[mate], "what": what, **extra}
    return client.post(link(dinner, first), data=data)


def promises(app) -> list[Promise]:
    with app.app_context():
        rows = list(db.session.scalars(db.select(Promise).order_by(Promise.id)))
        db.session.expunge_all()
        return rows


def test_a_promise_is_noted_and_both_sides_see_it(client, seated, app):
    response = promise(client, seated, "Ana", "Ben", "I'll introduce Ben to our seed lawyer")
    assert response.status_code == 303
    (p,) = promises(app)
    assert (p.giver_id, p.receiver_id, p.kind, p.state) == (
        ids(seated)["Ana"],
        ids(seated)["Ben"],
        "intro",
        "open",
    )
    assert "I&#39;ll introduce Ben to our seed lawyer" in client.get(link(seated, "Ana")).text
    ben = client.get(link(seated, "Ben")).text
    assert "Ana Alvarez → you" in ben
    assert "our seed lawyer" in ben


def test_an_ask_makes_the_tablemate_the_giver(client, seated, app):
    promise(client, seated, "Finn", "Cleo", "Could you introduce me to a payments VC?", "ask")
    (p,) = promises(app)
    assert (p.giver_id, p.receiver_id, p.created_by_id) == (
        ids(seated)["Cleo"],
        ids(seated)["Finn"],
        ids(seated)["Finn"],
    )
    assert "Mark done" in client.get(link(seated, "Cleo")).text


def test_a_10000_character_promise_is_refused_next_to_the_field(client, seated, app):
    page = promise(client, seated, "Ana", "Ben", "x" * 10_000)
    assert page.status_code == 400
    assert "280 characters at most" in page.text
    assert promises(app) == []


def test_an_empty_promise_is_refused(client, seated, app):
    page = promise(client, seated, "Ana", "Ben", "   ")
    assert page.status_code == 400
    assert "what will happen" in page.text
    assert promises(app) == []


def test_html_in_a_promise_is_shown_as_text(client, seated):
    promise(client, seated, "Ana", "Ben", "<script>alert(1)</script> <b>intro</b>")
    for first in ("Ana", "Ben"):
        text = client.get(link(seated, first)).text
        assert "<script>alert(1)" not in text
        assert "&lt;script&gt;alert(1)" in text


def test_a_promise_to_someone_at_another_table_is_refused(client, seated, app):
    page = promise(client, seated, "Ana", "Dev", "I'll send Dev our deck")
    assert page.status_code == 400
    assert "Not a valid choice" in page.text
    assert promises(app) == []


def test_a_guest_who_is_no_longer_seated_cannot_note_promises(client, seated, app):
    update_guest(seated, "Ana", rsvp="no")
    page = promise(client, seated, "Ana", "Ben", "I'll send Ben our deck")
    assert page.status_code == 200
    assert promises(app) == []


def test_marking_done_tells_the_receiver_once(client, seated, app, inbox):
    promise(client, seated, "Ana", "Ben", "I'll introduce Ben to our seed lawyer")
    (p,) = promises(app)
    url = link(seated, "Ana", f"/mytable/promises/{p.id}/done")
    assert client.post(url).status_code == 303
    assert client.post(url).status_code == 303  # a second click changes nothing
    (notice,) = inbox.messages
    assert notice["To"] == "private.ben@example.com"
    assert "Ana Alvarez did what they promised" in notice["Subject"]
    assert "our seed lawyer" in inbox.text_of(notice)
    assert promises(app)[0].state == "done"


def test_only_the_giver_can_close_a_promise(client, seated, app, inbox):
    promise(client, seated, "Ana", "Ben", "I'll introduce Ben to our seed lawyer")
    (p,) = promises(app)
    for state in ("done", "dropped"):
        url = link(seated, "Ben", f"/mytable/promises/{p.id}/{state}")
        assert client.post(url).status_code == 404
    assert promises(app)[0].state == "open"
    assert inbox.messages == []


def test_letting_go_records_the_reason(client, seated, app, inbox):
    promise(client, seated, "Ana", "Ben", "I'll send Ben our deck", "send")
    (p,) = promises(app)
    client.post(link(seated, "Ana", f"/mytable/promises/{p.id}/dropped"), data={"reason": "busy"})
    p = promises(app)[0]
    assert (p.state, p.drop_reason) == ("dropped", "busy")
    assert inbox.messages == []
