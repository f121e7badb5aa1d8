"""Invitations: one email per guest however often clicked, escaped, resend and revoke."""

from __future__ import annotations

import re

from dinnerplan.extensions import db
from dinnerplan.models import Guest, Message
from tests.factories import invite, link_in, sign_in_as


def test_invitations_go_once_to_each_uninvited_guest(client, make, inbox, app):
    organizer = make.organizer()
    event = make.event(organizer, title="Founders' Supper")
    ana = make.guest(event, name="Ana Alvarez", email="ana@example.com")
    ben = make.guest(event, name="Ben Brown", email="ben@example.com")
    make.guest(event, name="Cy Declined", email="cy@example.com", rsvp="no")
    sign_in_as(client, organizer)

    first = invite(client, event)
    assert "Sending 2 invitations." in first.get_data(as_text=True)
    second = invite(client, event)  # a double click, or the organizer pressing again
    assert "already been invited" in second.get_data(as_text=True)

    assert len(inbox.to("ana@example.com")) == 1
    assert len(inbox.to("ben@example.com")) == 1
    assert inbox.to("cy@example.com") == []
    message = inbox.to("ana@example.com")[0]
    assert message["Subject"] == "You're invited: Founders' Supper"
    text = inbox.text_of(message)
    assert "Hello Ana" in text
    assert "The Long Table" in text
    assert "1 High Street, London" in text
    assert "(Europe/London time)" in text
    assert "19:00" in text
    assert link_in(message).startswith("/r/")
    with app.app_context():
        guests = {g.email: g for g in db.session.execute(db.select(Guest)).scalars()}
        assert guests["ana@example.com"].invited_at is not None
        assert guests["cy@example.com"].invited_at is None
        rows = db.session.execute(db.select(Message).where(Message.guest_id == ana.id)).scalars()
        (row,) = list(rows)
        assert (row.kind, row.status, row.dedupe_key) == (
            "invitation",
            "sent",
            f"invitation:{ana.id}",
        )
        assert row.organizer_id == organizer.id
        assert row.event_id == event.id
    assert ben.id != ana.id


def test_invitation_escapes_html_in_names_and_titles(client, make, inbox):
    organizer = make.organizer()
    event = make.event(organizer, title="<b>Bold</b> dinner", venue="<script>alert(1)</script>")
    make.guest(event, name="<b>Eve</b> Evil", email="eve@example.com")
    sign_in_as(client, organizer)
    invite(client, event)

    (message,) = inbox.to("eve@example.com")
    html = inbox.html_of(message)
    assert "<b>Bold</b>" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt; dinner" in html
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Eve&lt;/b&gt;" in html
    assert "<b>Bold</b> dinner" in inbox.text_of(message)  # plain text stays plain


def test_resend_sends_again_but_never_twice_for_one_form(client, make, inbox):
    organizer = make.organizer()
    event = make.event(organizer)
    guest = make.guest(event, email="dan@example.com")
    sign_in_as(client, organizer)
    url = f"/events/{event.id}/rsvps/{guest.id}/resend"

    page = client.get(f"/events/{event.id}/rsvps").get_data(as_text=True)
    nonce = re.search(r'name="nonce" type="hidden" value="([^"]+)"', page).group(1)
    client.post(url, data={"nonce": nonce})
    client.post(url, data={"nonce": nonce})  # the same form submitted twice
    assert len(inbox.to("dan@example.com")) == 1

    again = client.get(f"/events/{event.id}/rsvps").get_data(as_text=True)
    other_nonce = re.search(r'name="nonce" type="hidden" value="([^"]+)"', again).group(1)
    assert other_nonce != nonce
    response = client.post(url, data={"nonce": other_nonce}, follow_redirects=True)
    assert "Sent Guest" in response.get_data(as_text=True)
    assert len(inbox.to("dan@example.com")) == 2
    # The guest now counts as invited, so "Send invitations" leaves them alone.
    invite(client, event)
    assert len(inbox.to("dan@example.com")) == 2


def test_other_organizers_cannot_invite_resend_or_revoke(client, make, inbox):
    owner = make.organizer()
    event = make.event(owner)
    guest = make.guest(event, email="fay@example.com")
    sign_in_as(client, make.organizer())

    assert client.post(f"/events/{event.id}/invitations").status_code == 404
    resend = f"/events/{event.id}/rsvps/{guest.id}/resend"
    assert client.post(resend, data={"nonce": "abcdefghij"}).status_code == 404
    assert client.post(f"/events/{event.id}/rsvps/{guest.id}/revoke").status_code == 404
    assert client.get(f"/events/{event.id}/rsvps").status_code == 404
    assert inbox.messages == []


def test_guest_of_another_event_is_404_even_for_own_event(client, make):
    organizer = make.organizer()
    mine = make.event(organizer)
    theirs_guest = make.guest(make.event(make.organizer()))
    sign_in_as(client, organizer)
    url = f"/events/{mine.id}/rsvps/{theirs_guest.id}/revoke"
    assert client.post(url).status_code == 404


def test_signed_out_organizer_is_sent_to_sign_in(client, make, inbox):
    event = make.event()
    make.guest(event)
    response = client.post(f"/events/{event.id}/invitations")
    assert response.status_code == 302
    assert "/auth/signin" in response.headers["Location"]
    assert inbox.messages == []


def test_event_panel_counts_and_invite_button(client, make, app):
    organizer = make.organizer()
    event = make.event(organizer, capacity=10)
    make.guest(event, name="Ann Yes", rsvp="yes", offers=["design"], intent="peers")
    make.guest(event, name="Bob No", rsvp="no")
    make.guest(event, name="Cat Maybe", rsvp="maybe")
    make.guest(event, name="Dee Uninvited")
    make.guest(event, name="Eli Uninvited")
    sign_in_as(client, organizer)

    page = client.get(f"/events/{event.id}/rsvps").get_data(as_text=True)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "1 yes of 10 seats" in text
    assert "1 no" in text
    assert "1 maybe" in text
    assert "Send invitations to everyone not yet invited (4 guests)" in text
    assert "3 guests missing a profile" in text  # Bob declined, Ann filled hers in
    assert "Cat Maybe" in text
    assert "Dee Uninvited" in text


def test_invite_returns_to_a_local_page_only(client, make):
    organizer = make.organizer()
    event = make.event(organizer)
    sign_in_as(client, organizer)
    url = f"/events/{event.id}/invitations"
    local = client.post(url, data={"next": f"/events/{event.id}"})
    assert local.headers["Location"].endswith(f"/events/{event.id}")
    for evil in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        response = client.post(url, data={"next": evil})
        assert "evil" not in response.headers["Location"]
        assert response.headers["Location"].endswith(f"/events/{event.id}/rsvps")


def test_guests_imported_as_yes_or_maybe_still_get_their_link(client, make, inbox):
    """Issue 13.2: the panel never says everyone is invited while some have no link."""
    organizer = make.organizer()
    event = make.event(organizer)
    make.guest(event, name="Ann Yes", email="ann@example.com", rsvp="yes")
    make.guest(event, name="May Maybe", email="may@example.com", rsvp="maybe")
    make.guest(event, name="Bob No", email="bob@example.com", rsvp="no")
    sign_in_as(client, organizer)

    before = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Send invitations to everyone not yet invited (2 guests)" in before
    assert "has been sent their link" not in before
    invite(client, event)

    assert len(inbox.to("ann@example.com")) == 1
    assert len(inbox.to("may@example.com")) == 1
    assert inbox.to("bob@example.com") == []
    assert "We have you down as coming" in inbox.text_of(inbox.to("ann@example.com")[0])
    after = client.get(f"/events/{event.id}/rsvps").get_data(as_text=True)
    assert "Every guest who hasn't declined has been sent their link." in after
    assert "2 links sent" in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", after))
