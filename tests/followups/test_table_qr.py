"""The table's QR code: a shared page with names only, and a way to get one's own link."""

from __future__ import annotations

import re

from dinnerplan.extensions import db
from dinnerplan.followups.links import table_token
from dinnerplan.models import Table
from tests.factories import sign_in_as
from tests.followups.test_my_table import contacts_in


def table_url(dinner, name: str) -> str:
    with dinner.app.app_context():
        return "/t/" + table_token(db.session.get(Table, dinner.tables[name]))


def test_qr_page_shows_names_only(client, seated):
    text = client.get(table_url(seated, "Table A")).get_data(as_text=True)
    for name in ("Ana Alvarez", "Ben Brook", "Cleo Chen", "Finn Ford"):
        assert name in text
    assert not contacts_in(text)
    assert "startup legal advice" not in text  # not even offers and needs
    assert "Dev Desai" not in text


def test_qr_of_a_table_the_guest_left_shows_its_current_guests(client, seated):
    seated.seat(
        {"Table A": ["Ana", "Ben", "Cleo"], "Table B": ["Finn", "Dev", "Eve", "Gus", "Hana"]}
    )
    text = client.get(table_url(seated, "Table A")).get_data(as_text=True)
    assert "Finn Ford" not in text
    assert "Ana Alvarez" in text
    assert not contacts_in(text)


def test_tampered_qr_link_is_refused(client, seated):
    page = client.get(table_url(seated, "Table A")[:-3] + "xyz")
    assert page.status_code == 404
    assert b"not valid" in page.data


def test_asking_for_ones_link_emails_it_and_reveals_nothing(client, seated, inbox):
    url = table_url(seated, "Table A")
    known = client.post(url, data={"email": "Private.Ana@example.com"}, follow_redirects=True)
    unknown = client.post(url, data={"email": "stranger@example.com"}, follow_redirects=True)
    assert b"your personal link is on its way" in known.data
    assert b"your personal link is on its way" in unknown.data  # same answer: no enumeration
    (message,) = inbox.messages
    assert message["To"] == "private.ana@example.com"
    assert re.search(r"/r/\S+", inbox.text_of(message))
    again = client.post(url, data={"email": "private.ana@example.com"})
    assert again.status_code == 303
    assert len(inbox.messages) == 1


def test_bad_email_gets_a_message_next_to_the_field(client, seated):
    page = client.post(table_url(seated, "Table A"), data={"email": "not an email"})
    assert page.status_code == 200
    assert b"look like an email address" in page.data


def test_table_sheet_prints_a_qr_code_per_table(client, seated):
    sign_in_as(client, seated.organizer)
    text = client.get(f"/events/{seated.event.id}/sheets/table-sheets").get_data(as_text=True)
    assert text.count('class="qr"') == 2


def test_a_guest_who_declined_gets_no_link_from_the_table_code(client, seated, inbox):
    from tests.followups.conftest import update_guest

    update_guest(seated, "Ana", rsvp="no")
    page = client.post(table_url(seated, "Table A"), data={"email": "private.ana@example.com"})
    assert page.status_code == 303
    assert inbox.messages == []
