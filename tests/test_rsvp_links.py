"""Personal links: signed, bound to one guest, dead once revoked or tampered with."""

from __future__ import annotations

import pytest
from itsdangerous import URLSafeSerializer

from tests.factories import invite, link_in, sign_in_as

INVALID = "This link is no longer valid"


@pytest.fixture
def two_guests(client, make, inbox):
    organizer = make.organizer()
    event = make.event(organizer)
    ana = make.guest(event, name="Ana Alvarez", email="ana@example.com")
    ben = make.guest(event, name="Ben Brown", email="ben@example.com")
    sign_in_as(client, organizer)
    invite(client, event)
    links = {g.email: link_in(inbox.to(g.email)[0]) for g in (ana, ben)}
    return organizer, event, ana, ben, links


def test_each_link_opens_only_its_own_guests_page(client, two_guests):
    _, _, ana, ben, links = two_guests
    assert "Hello Ana" in client.get(links["ana@example.com"]).get_data(as_text=True)
    page = client.get(links["ben@example.com"]).get_data(as_text=True)
    assert "Hello Ben" in page
    assert "Hello Ana" not in page


def test_tampered_links_answer_the_friendly_invalid_page(client, two_guests, app):
    _, _, ana, ben, links = two_guests
    link = links["ana@example.com"]
    body, _, signature = link.rpartition(".")
    # Flip the first character: the last one of base64 may only carry padding bits, so
    # changing it can leave the signature's bytes (and the link) intact.
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    # Someone who knows Ana's nonce layout still cannot sign a link for Ben without the key.
    forged = URLSafeSerializer("not-the-key", salt="rsvp").dumps([ben.id, "guess"])
    for bad in (f"{body}.{flipped}", link[:-3], "/r/nonsense", f"/r/{forged}"):
        response = client.get(bad)
        assert response.status_code == 404
        assert INVALID in response.get_data(as_text=True)
        assert client.post(bad, data={"answer": "yes"}).status_code == 404
        assert client.get(bad + "/event.ics").status_code == 404


def test_a_guests_token_never_opens_another_guests_page(client, two_guests, app):
    _, _, ana, ben, links = two_guests
    # A correctly signed token naming Ben's id with Ana's nonce is refused.
    token = links["ana@example.com"].removeprefix("/r/")
    _, ana_nonce = URLSafeSerializer(app.config["SECRET_KEY"], salt="rsvp").loads(token)
    crossed = URLSafeSerializer(app.config["SECRET_KEY"], salt="rsvp").dumps([ben.id, ana_nonce])
    response = client.get(f"/r/{crossed}")
    assert response.status_code == 404
    assert "Hello Ben" not in response.get_data(as_text=True)


def test_revoked_link_stops_working_and_a_resent_one_works(client, two_guests, inbox):
    organizer, event, ana, ben, links = two_guests
    old = links["ana@example.com"]
    sign_in_as(client, organizer)
    response = client.post(f"/events/{event.id}/rsvps/{ana.id}/revoke", follow_redirects=True)
    assert "old link no longer works" in response.get_data(as_text=True)
    with client.session_transaction() as s:
        s.clear()

    response = client.get(old)
    assert response.status_code == 404
    assert INVALID in response.get_data(as_text=True)
    # Issue 13.6: the dead link's page names the dinner and whom to ask.
    page = response.get_data(as_text=True)
    assert "<strong>Founders&#39; Supper</strong>" in page
    assert f'Ask Olga Organizer (<a href="mailto:{organizer.email}' in page
    assert client.get(links["ben@example.com"]).status_code == 200  # others unaffected

    sign_in_as(client, organizer)
    client.post(f"/events/{event.id}/rsvps/{ana.id}/resend", data={"nonce": "fresh-nonce-1"})
    new = link_in(inbox.to("ana@example.com")[-1])
    assert new != old
    assert "Hello Ana" in client.get(new).get_data(as_text=True)
