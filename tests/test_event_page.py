"""The event page gathers every area's panel, each linking to its pages."""

import re

from tests.factories import sign_in_as


def test_event_page_shows_every_areas_panel_with_working_links(client, make):
    organizer = make.organizer()
    event = make.event(organizer)
    sign_in_as(client, organizer)
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    for title in ("Guests", "RSVPs", "Seating", "Introductions", "Printed sheets"):
        assert re.search(rf"<h2[^>]*>{title}</h2>", page), title
    links = set(re.findall(rf'href="(/events/{event.id}/[^"#?]*)"', page))
    assert {f"/events/{event.id}/guests/", f"/events/{event.id}/sheets/"} <= links
    for link in links:
        assert client.get(link).status_code == 200, link
