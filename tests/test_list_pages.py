"""The guest and RSVP lists come a page at a time, so thousands of guests stay fast."""

from __future__ import annotations

import re

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Guest
from tests.factories import sign_in


@pytest.fixture
def app_config(app_config):
    return {**app_config, "LIST_PAGE_SIZE": 10}


@pytest.fixture
def crowded(app, make, client):
    """An event with 25 guests (Guest 00 … Guest 24), its organizer signed in."""
    organizer = make.organizer()
    event = make.event(organizer)
    with app.app_context():
        db.session.add_all(
            Guest(event_id=event.id, name=f"Guest {i:02d}", email=f"g{i}@example.com")
            for i in range(25)
        )
        db.session.commit()
    sign_in(client, organizer)
    return event


def names(page: str) -> list[str]:
    """The guest names in the page's list (its table; panels may name guests too)."""
    table = page[page.index("<table") : page.index("</table>")]
    return re.findall(r"Guest \d\d", table)


@pytest.mark.parametrize("path", ["/events/{id}/guests/", "/events/{id}/rsvps"])
def test_lists_show_a_page_at_a_time_with_links_between_pages(client, crowded, path):
    url = path.format(id=crowded.id)
    first = client.get(url).get_data(as_text=True)
    assert sorted(set(names(first))) == [f"Guest {i:02d}" for i in range(10)]
    assert "Page 1 of 3" in first
    assert 'rel="next"' in first
    assert 'rel="prev"' not in first
    last = client.get(f"{url}?page=3").get_data(as_text=True)
    assert sorted(set(names(last))) == [f"Guest {i:02d}" for i in range(20, 25)]
    assert "Page 3 of 3" in last
    assert 'rel="next"' not in last
    assert client.get(f"{url}?page=abc").status_code == 200  # not a number: the first page


@pytest.mark.parametrize("path", ["/events/{id}/guests/", "/events/{id}/rsvps"])
def test_very_long_lists_are_paged_in_the_database_in_the_same_pages(
    client, crowded, path, monkeypatch
):
    url = path.format(id=crowded.id)
    in_python = [names(client.get(f"{url}?page={n}").get_data(as_text=True)) for n in (1, 3)]
    monkeypatch.setattr("dinnerplan.paging.NAME_ORDER_MAX", 20)  # 25 guests: past the cap
    in_sql = [names(client.get(f"{url}?page={n}").get_data(as_text=True)) for n in (1, 3)]
    assert in_sql == in_python
    assert "Page 3 of 3" in client.get(f"{url}?page=9").get_data(as_text=True)


def test_guest_list_pages_keep_the_filter(client, crowded):
    page = client.get(f"/events/{crowded.id}/guests/?q=guest&page=2").get_data(as_text=True)
    assert "Showing 11–20 of 25." in page
    assert f"/events/{crowded.id}/guests/?q=guest&amp;page=3" in page


def test_the_rsvp_panel_counts_every_missing_profile_but_names_only_the_first_50(
    client, app, crowded
):
    with app.app_context():
        db.session.add_all(
            Guest(event_id=crowded.id, name=f"Late {i:02d}", email=f"late{i}@example.com")
            for i in range(35)
        )
        db.session.commit()
    page = client.get(f"/events/{crowded.id}/rsvps").get_data(as_text=True)
    assert "60 guests missing a profile" in page
    panel = page[page.index('class="missing-profile"') :]
    assert len(re.findall(r"<li>", panel[: panel.index("</ul>")])) == 50
    assert "… and 10 more (see the guest list)." in page
