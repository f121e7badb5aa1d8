"""Republishing and late changes: only guests whose table changed hear about it."""

from __future__ import annotations

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


def test_republish_with_two_guests_swapped_tells_only_those_two(client, dinner, inbox):
    _introduce(client, dinner, inbox)
    dinner.seat(SWAPPED)

    page = client.get(intro_url(dinner)).get_data(as_text=True)
    assert "2 guests changed table or got a new seat since they were last told" in page
    page = client.post(intro_url(dinner, "changes"), follow_redirects=True).get_data(as_text=True)

    assert "goes to 2 guest(s); nobody else" in page
    assert sorted(m["To"] for m in inbox.messages) == sorted(
        [dinner.guest("Ben").email, dinner.guest("Eve").email]
    )
    (ben,) = inbox.to(dinner.guest("Ben").email)
    assert ben["Subject"] == "Your table changed: Table B at Founders' Supper"
    text = Inbox.text_of(ben)
    assert "Your table changed: you are now at Table B" in text
    assert all(dinner.guest(f).name in text for f in ("Dev", "Gus", "Hana"))
    assert not any(dinner.guest(f).name in text for f in ("Ana", "Cleo", "Finn", "Eve"))


def test_changes_and_introductions_are_not_sent_twice_after_republishing(client, dinner, inbox):
    _introduce(client, dinner, inbox)
    dinner.seat(SWAPPED)
    client.post(intro_url(dinner, "changes"))
    inbox.clear()

    client.post(intro_url(dinner, "changes"))
    page = client.post(intro_url(dinner, "send"), follow_redirects=True).get_data(as_text=True)

    assert inbox.messages == []
    assert "0 emails to send; 8 already sent" in page


def test_a_late_addition_gets_a_seat_email_and_a_decline_gets_nothing(client, dinner, inbox, make):
    _introduce(client, dinner, inbox)
    ivy = make.guest(dinner.event, name="Ivy Irwin", email="ivy@example.com", rsvp="yes")
    dinner.guests["Ivy"] = ivy
    # Finn declined: re-seated with fewest moves, Ivy takes his seat.
    dinner.seat({"Table A": ["Ana", "Ben", "Cleo", "Ivy"], "Table B": FIRST_PLAN["Table B"]})

    client.post(intro_url(dinner, "changes"))

    (message,) = inbox.messages
    assert message["To"] == "ivy@example.com"
    text = Inbox.text_of(message)
    assert "You now have a seat at Founders' Supper: Table A." in text
    assert all(dinner.guest(f).name in text for f in ("Ana", "Ben", "Cleo"))
    assert "Finn" not in text


def test_no_change_emails_before_the_introductions_went_out(client, dinner, inbox):
    dinner.seat(FIRST_PLAN)
    dinner.seat(SWAPPED)
    sign_in_as(client, dinner.organizer)

    page = client.post(intro_url(dinner, "changes"), follow_redirects=True).get_data(as_text=True)

    assert "Nothing to tell yet" in page
    assert inbox.messages == []


def test_publishing_through_the_seating_page_tells_only_guests_who_moved(
    client, dinner, inbox, app
):
    _introduce(client, dinner, inbox)
    dinner.seat(SWAPPED, publish=False)

    page = client.post(
        f"/events/{dinner.event.id}/seating/publish", data={"version": 2}, follow_redirects=True
    ).get_data(as_text=True)

    assert "Version 2 is published" in page
    assert sorted(m["To"] for m in inbox.messages) == sorted(
        [dinner.guest("Ben").email, dinner.guest("Eve").email]
    )
    assert all(m["Subject"].startswith("Your table changed") for m in inbox.messages)
    # Going back to version 1 moves them back: they hear again, nobody else does.
    inbox.clear()
    client.post(f"/events/{dinner.event.id}/seating/publish", data={"version": 1})
    assert sorted(m["To"] for m in inbox.messages) == sorted(
        [dinner.guest("Ben").email, dinner.guest("Eve").email]
    )
