"""My table: tablemates with offers, needs and consented contacts; vCards; withdrawing."""

from __future__ import annotations

import re

from tests.followups.conftest import link, update_guest

PRIVATE = re.compile(r"private\.\w+@example\.com|\+44 7700 90\d{4}|linkedin\.com/in/")


def contacts_in(text: str) -> set[str]:
    """Every private contact detail of the test dinner that appears in `text`."""
    return set(PRIVATE.findall(text))


def test_before_seating_nobody_is_shown(client, dinner):
    page = client.get(link(dinner, "Ana"))
    assert page.status_code == 200
    assert b"Ben Brook" not in page.data
    assert b"published seating" in page.data


def test_tablemates_offers_needs_and_only_consented_contacts(client, seated):
    text = client.get(link(seated, "Ana")).get_data(as_text=True)
    for name in ("Ben Brook", "Cleo Chen", "Finn Ford"):
        assert name in text
    assert "startup legal advice" in text
    assert "more clients" in text
    # Cleo shares all three; Finn only his phone; Ben nothing; the other table not at all.
    assert contacts_in(text) == {
        "private.cleo@example.com",
        "+44 7700 900002",
        "linkedin.com/in/",
        "+44 7700 900003",
    }
    assert "Dev Desai" not in text
    assert "Hana Hill" not in text


def test_vcards_carry_only_what_each_agreed_to_share(client, seated, app):
    with app.app_context():
        ids = {first: g.id for first, g in seated.guests.items()}
    cleo = client.get(link(seated, "Ana", f"/mytable/{ids['Cleo']}.vcf"))
    assert cleo.mimetype == "text/vcard"
    body = cleo.get_data(as_text=True)
    assert "FN:Cleo Chen" in body
    assert "private.cleo@example.com" in body
    assert "+44 7700 900002" in body
    assert "Offers: startup legal advice" in body
    ben = client.get(link(seated, "Ana", f"/mytable/{ids['Ben']}.vcf")).get_data(as_text=True)
    assert "FN:Ben Brook" in ben
    assert not contacts_in(ben)
    table = client.get(link(seated, "Ana", "/mytable/table.vcf")).get_data(as_text=True)
    assert table.count("BEGIN:VCARD") == 3
    assert "Ana Alvarez" not in table
    # Someone at another table, or oneself: not a tablemate, no card.
    assert client.get(link(seated, "Ana", f"/mytable/{ids['Dev']}.vcf")).status_code == 404
    assert client.get(link(seated, "Ana", f"/mytable/{ids['Ana']}.vcf")).status_code == 404


def test_withdrawing_sharing_hides_the_details_at_once(client, seated):
    page = client.post(link(seated, "Cleo", "/mytable/sharing"), data={"share_phone": "y"})
    assert page.status_code == 303
    text = client.get(link(seated, "Ana")).get_data(as_text=True)
    assert "private.cleo@example.com" not in text
    assert "+44 7700 900002" in text
    with seated.app.app_context():
        cleo_id = seated.guest("Cleo").id
    card = client.get(link(seated, "Ana", f"/mytable/{cleo_id}.vcf")).get_data(as_text=True)
    assert "private.cleo@example.com" not in card
    assert "linkedin" not in card


def test_a_guest_who_declined_after_seating_sees_and_is_seen_by_nobody(client, seated):
    update_guest(seated, "Cleo", rsvp="no")
    assert "Ben Brook" not in client.get(link(seated, "Cleo")).get_data(as_text=True)
    text = client.get(link(seated, "Ana")).get_data(as_text=True)
    assert "Cleo Chen" not in text
    assert "private.cleo@example.com" not in text


def test_a_moved_guest_sees_only_their_current_table(client, seated):
    seated.seat(
        {"Table A": ["Ana", "Ben", "Cleo"], "Table B": ["Finn", "Dev", "Eve", "Gus", "Hana"]}
    )
    finn = client.get(link(seated, "Finn")).get_data(as_text=True)
    assert "My table: Table B" in finn
    assert "Dev Desai" in finn
    assert "Cleo Chen" not in finn
    assert "private.cleo@example.com" not in finn
    assert "Finn Ford" not in client.get(link(seated, "Ana")).get_data(as_text=True)


def test_revoked_or_tampered_link_shows_a_clear_message(client, seated):
    old = link(seated, "Ana")
    update_guest(seated, "Ana", token_nonce="rotated")
    for url in (old, "/r/not-a-token/mytable"):
        page = client.get(url)
        assert page.status_code == 404
        assert b"no longer valid" in page.data
        assert not contacts_in(page.get_data(as_text=True))


def test_rsvp_page_links_to_my_table_once_seated(client, seated):
    page = client.get(link(seated, "Ana", ""))
    assert b"My table: contacts, cards and promises" in page.data
