"""Issue 13.10: the organizer can copy each guest's personal link from the links page."""

from __future__ import annotations

import html
import re

from tests.factories import sign_in_as


def test_links_page_offers_each_guests_working_link_to_copy(client, make):
    organizer = make.organizer()
    event = make.event(organizer, title="Founders' Supper")
    make.guest(event, name="Ana Alvarez", email="ana@example.com")
    sign_in_as(client, organizer)

    page = client.get(f"/events/{event.id}/rsvps").get_data(as_text=True)

    assert 'aria-label="Copy link of Ana Alvarez"' in page
    link = html.unescape(re.search(r'value="http://localhost(/r/[^"]+)"', page).group(1))
    client.get("/auth/signout")
    guest_page = client.get(link)
    assert guest_page.status_code == 200
    assert "Hello Ana, will you come?" in guest_page.get_data(as_text=True)
