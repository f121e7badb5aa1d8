"""Late changes told: one update to every guest whose table changed, stayers included, once."""

from __future__ import annotations

import html
import re

from dinnerplan.extensions import db
from dinnerplan.intros.changes import changes_since_told
from dinnerplan.models import Event, Guest, SeatingVersion
from tests.factories import Inbox, sign_in_as
from tests.intros.conftest import FIRST_PLAN, intro_url

# Ben and Eve swap tables.
SWAPPED = {"Table A": ["Ana", "Eve", "Cleo", "Finn"], "Table B": ["Dev", "Ben", "Gus", "Hana"]}


def _introduce(client, dinner, inbox):
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)
    client.post(intro_url(dinner, "send"))
    assert len(inbox.messages) == 8
    inbox.clear()


def _page(response) -> str:
    """The page's text, tags removed."""
    return html.unescape(re.sub(r"<[^>]+>", "", response.get_data(as_text=True)))


def test_a_swap_tells_the_two_who_moved_and_every_tablemate_who_stayed(client, dinner, inbox):
    _introduce(client, dinner, inbox)
    dinner.seat(SWAPPED)

    page = _page(client.get(intro_url(dinner)))
    assert "8 guests changed table, got a new seat or have new tablemates" in page
    assert "Ana Alvarez: Ben Brook moved to another table; Eve Evans joins you." in page
    assert "Ben Brook: You are at another table now." in page
    page = _page(client.post(intro_url(dinner, "changes"), follow_redirects=True))

    assert "An update goes to 8 guest(s) whose table changed; nobody else." in page
    assert sorted(m["To"] for m in inbox.messages) == sorted(g.email for g in dinner.others())
    (ben,) = inbox.to(dinner.guest("Ben").email)
    assert ben["Subject"] == "Your table changed: Table B at Founders' Supper"
    text = Inbox.text_of(ben)
    assert "Your table changed: you are now at Table B" in text
    assert all(dinner.guest(f).name in text for f in ("Dev", "Gus", "Hana"))
    assert not any(dinner.guest(f).name in text for f in ("Ana", "Cleo", "Finn", "Eve"))
    (ana,) = inbox.to(dinner.guest("Ana").email)
    assert ana["Subject"] == "A change at your table: Table A at Founders' Supper"
    text = Inbox.text_of(ana)
    assert "A change at your table (Table A) for Founders' Supper: Ben Brook moved to " in text
    assert "Eve Evans joins you." in text
    assert "Your tablemates now:" in text


def test_updates_and_introductions_are_not_sent_twice(client, dinner, inbox):
    _introduce(client, dinner, inbox)
    dinner.seat(SWAPPED)
    client.post(intro_url(dinner, "changes"))
    assert len(inbox.messages) == 8
    inbox.clear()

    client.post(intro_url(dinner, "changes"))
    page = _page(client.post(intro_url(dinner, "send"), follow_redirects=True))

    assert inbox.messages == []
    assert "0 emails to send; 8 already sent" in page
    page = _page(client.get(intro_url(dinner)))
    assert "0 guests changed table" in page
    assert "8 told about this version so far" in page


def test_a_decline_filled_by_a_newcomer_tells_the_whole_table_once(client, dinner, inbox, make):
    _introduce(client, dinner, inbox)
    ivy = make.guest(dinner.event, name="Ivy Irwin", email="ivy@example.com", rsvp="yes")
    dinner.guests["Ivy"] = ivy
    with dinner.app.app_context():  # Finn can't come; fewest moves: Ivy takes his seat
        db.session.get(Guest, dinner.guest("Finn").id).rsvp = "no"
        db.session.commit()
    dinner.seat({"Table A": ["Ana", "Ben", "Cleo", "Ivy"], "Table B": FIRST_PLAN["Table B"]})

    client.post(intro_url(dinner, "changes"))
    client.post(intro_url(dinner, "changes"))  # a second click sends nothing more

    told = sorted(m["To"] for m in inbox.messages)
    expected = ["ivy@example.com"] + [dinner.guest(f).email for f in ("Ana", "Ben", "Cleo")]
    assert told == sorted(expected)
    (ivy_mail,) = inbox.to("ivy@example.com")
    text = Inbox.text_of(ivy_mail)
    assert "You now have a seat at Founders' Supper: Table A." in text
    assert all(dinner.guest(f).name in text for f in ("Ana", "Ben", "Cleo"))
    assert "Finn" not in text
    (cleo,) = inbox.to(dinner.guest("Cleo").email)
    assert "Finn Ford can't come; Ivy Irwin joins you." in Inbox.text_of(cleo)
    # Ivy shares nothing, so Cleo's update names her without any contact detail.
    assert "ivy@example.com" not in Inbox.text_of(cleo)


def test_no_updates_before_the_introductions_went_out(client, dinner, inbox, app):
    dinner.seat(FIRST_PLAN)
    new = dinner.seat(SWAPPED)
    sign_in_as(client, dinner.organizer)

    page = _page(client.post(intro_url(dinner, "changes"), follow_redirects=True))

    assert "Nothing to tell yet" in page
    with app.app_context():
        event = db.session.get(Event, dinner.event.id)
        assert changes_since_told(event, db.session.get(SeatingVersion, new)) == {}
    assert inbox.messages == []


def test_publishing_sends_nothing_until_the_organizer_has_previewed(client, dinner, inbox):
    _introduce(client, dinner, inbox)
    dinner.seat(SWAPPED, publish=False)

    page = _page(
        client.post(
            f"/events/{dinner.event.id}/seating/publish", data={"version": 2}, follow_redirects=True
        )
    )

    assert "Version 2 is published" in page
    assert "Preview and send their updates on the introductions page." in page
    assert inbox.messages == []
    client.post(intro_url(dinner, "changes"))
    assert len(inbox.messages) == 8
    # Going back to version 1: everyone at both tables hears once more, as they sat first.
    inbox.clear()
    client.post(f"/events/{dinner.event.id}/seating/publish", data={"version": 1})
    client.post(intro_url(dinner, "changes"))
    assert len(inbox.messages) == 8
    (ana,) = inbox.to(dinner.guest("Ana").email)
    assert "Eve Evans moved to another table; Ben Brook joins you." in Inbox.text_of(ana)


def test_the_late_changes_page_shows_the_update_emails_it_will_send(client, dinner, inbox):
    late = f"/events/{dinner.event.id}/seating/late"
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)
    assert "Updates to send" not in _page(client.get(late))  # nothing told yet
    client.post(intro_url(dinner, "send"))
    inbox.clear()
    dinner.seat(SWAPPED)

    page = _page(client.get(f"{late}?update={dinner.guest('Ben').id}"))

    assert "Updates to send" in page
    assert "8 guests changed table" in page
    assert "Ana Alvarez: Ben Brook moved to another table; Eve Evans joins you." in page
    assert "Subject: Your table changed: Table B at Founders' Supper" in page
    assert "Your table changed: you are now at Table B" in page
    assert "Send 8 updates" in page
    assert inbox.messages == []  # showing them sends nothing


def test_sending_from_the_late_changes_page_returns_to_it(client, dinner, inbox):
    late = f"/events/{dinner.event.id}/seating/late"
    _introduce(client, dinner, inbox)
    dinner.seat(SWAPPED)
    page = client.get(late).get_data(as_text=True)
    form = re.search(r'<form method="post" action="([^"]+/changes)"[^>]*>(.*?)</form>', page, re.S)
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(2)))

    response = client.post(form.group(1), data=fields)

    assert response.headers["Location"].endswith(late)
    assert len(inbox.messages) == 8


def test_sending_updates_never_redirects_off_site(client, dinner, inbox):
    _introduce(client, dinner, inbox)
    dinner.seat(SWAPPED)

    response = client.post(intro_url(dinner, "changes"), data={"next": "//evil.example/"})

    assert response.headers["Location"].endswith(f"/events/{dinner.event.id}/intros/")
