"""Issue 13.4 and 13.5: the RSVP page's seating wishes.

The page shows no list of guests, matches typed names, is short, and the organizer can
switch seating wishes off.
"""

from __future__ import annotations

import re

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest
from tests.factories import browser_form, invite, link_in, sign_in_as


@pytest.fixture
def invited(client, inbox):
    """Invite through the organizer's button, sign out; return email -> personal link."""

    def setup(event, organizer, *guests):
        sign_in_as(client, organizer)
        invite(client, event)
        with client.session_transaction() as s:
            s.clear()
        return {g.email: link_in(inbox.to(g.email)[-1]) for g in guests}

    return setup


def _dinner(make, invited, **event_fields):
    organizer = make.organizer()
    event = make.event(organizer, **event_fields)
    ana = make.guest(event, name="Ana Alvarez", email="ana@example.com")
    make.guest(event, name="Benedikt Brook-Müller", email="ben@example.com", company="Seedfund")
    make.guest(event, name="Dora Declined", email="dora@example.com")
    links = invited(event, organizer, ana)
    return organizer, event, ana, links["ana@example.com"]


def _links(app, guest_id) -> dict[str, list[str]]:
    with app.app_context():
        guest = db.session.get(Guest, guest_id)
        out: dict[str, list[str]] = {"prefer": [], "avoid": []}
        for link in guest.links:
            out[link.kind].append(link.other.name)
        return out


def test_no_other_guest_is_listed_and_a_typed_name_is_matched(client, make, invited, app):
    _, event, ana, link = _dinner(make, invited)
    make.guest(event, name="Never Invited", email="nobody@example.com")
    page = client.get(link)
    body = page.get_data(as_text=True)
    assert "Brook" not in body
    assert "Seedfund" not in body
    assert "Never Invited" not in body
    assert "<select" not in body.split('id="intent"')[1]  # the wishes are text boxes

    # A near match (accents, case, a typo) to exactly one invited guest counts.
    response = client.post(
        link, data=browser_form(page, answer="yes", prefer="benedikt brook-muler")
    )
    assert response.status_code == 303
    assert _links(app, ana.id)["prefer"] == ["Benedikt Brook-Müller"]
    # The page then shows the guest's own wish back, and nothing else.
    again = client.get(link).get_data(as_text=True)
    assert 'value="Benedikt Brook-Müller"' in again


def test_unknown_single_word_and_uninvited_names_get_a_message_and_save_nothing(
    client, make, invited, app
):
    _, event, ana, link = _dinner(make, invited)
    make.guest(event, name="Never Invited", email="nobody@example.com")
    for typed, message in (
        ("Zed Nobody", "We couldn&#39;t find “Zed Nobody” among this dinner&#39;s guests."),
        ("Benedikt", "Write “Benedikt” as a first and last name."),
        ("Never Invited", "We couldn&#39;t find “Never Invited”"),
    ):
        page = client.get(link)
        response = client.post(link, data=browser_form(page, answer="yes", prefer=typed))
        body = response.get_data(as_text=True)
        assert response.status_code == 200, typed
        assert message in body, typed
        assert 'id="prefer-error"' in body
        assert 'aria-invalid="true"' in body
        assert 'id="error-summary"' in body
        assert 'href="#prefer"' in body
    with app.app_context():
        assert db.session.get(Guest, ana.id).rsvp == "invited"  # nothing half-saved


def test_organizer_can_switch_wishes_off(client, make, invited, app):
    organizer, event, ana, link = _dinner(make, invited)
    client.post(
        link, data=browser_form(client.get(link), answer="yes", avoid="Benedikt Brook-Müller")
    )
    with app.app_context():
        db.session.get(Event, event.id).guest_wishes = False
        db.session.commit()

    page = client.get(link)
    assert "sit with" not in page.get_data(as_text=True)
    client.post(link, data=browser_form(page, answer="maybe"))
    assert _links(app, ana.id)["avoid"] == ["Benedikt Brook-Müller"]  # kept, not wiped


def test_event_form_has_the_wishes_switch(client, make):
    from tests.factories import sign_in

    organizer = make.organizer()
    event = make.event(organizer)
    sign_in(client, organizer)
    page = client.get(f"/events/{event.id}/edit").get_data(as_text=True)
    assert re.search(r'<input[^>]* checked id="guest_wishes"', page)


def test_page_is_short_empty_boxes_wait_behind_add_another(client, make, invited):
    _, _, _, link = _dinner(make, invited)
    body = client.get(link).get_data(as_text=True)
    head, _, _ = body.partition('<details class="add-more">')
    # One offer box and one need box up front; the rest behind "Add another".
    assert head.count('name="offers-') == 1
    assert body.count("<summary>Add another offer</summary>") == 1
    assert body.count("<summary>Add another need</summary>") == 1
    # Dietary and contact details are collapsed until opened.
    assert '<details class="more">\n    <summary>Food and access' in body
    # No empty field claims to be invalid; no attribute reads "None".
    assert "aria-invalid" not in body
    assert '="None"' not in body
    assert "{# help-topic chips" not in body
    assert 'class="help-block"' in body


def test_organizers_multi_select_hint_covers_phone_and_keyboard(client, make):
    """Issue 13.9b: the hint no longer mentions only Ctrl/Cmd-click."""
    from tests.factories import sign_in

    organizer = make.organizer()
    event = make.event(organizer)
    guest = make.guest(event)
    sign_in(client, organizer)
    page = client.get(f"/events/{event.id}/guests/{guest.id}/edit").get_data(as_text=True)
    assert "on a phone, tick them in the list" in page
    assert "Ctrl+Space" in page
