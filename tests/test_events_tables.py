"""Tables through the real forms: add, edit, remove, and the layout helper."""

from __future__ import annotations

import html
import re

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Assignment, SeatingVersion, Table
from tests.factories import sign_in


def text_of(response) -> str:
    return response.get_data(as_text=True)


def error_for(page: str, field_id: str) -> str:
    """The error rendered next to a field by the macro (id="<field>-error"), or ''."""
    match = re.search(rf'<p class="error" id="{field_id}-error"[^>]*>(.*?)</p>', page, re.S)
    return html.unescape(match.group(1)).strip() if match else ""


def stored_tables(app, event) -> list[tuple[str, int, int, int | None]]:
    with app.app_context():
        tables = db.session.execute(
            db.select(Table).where(Table.event_id == event.id).order_by(Table.position)
        ).scalars()
        return [(t.name, t.min_seats, t.max_seats, t.host_guest_id) for t in tables]


@pytest.fixture
def organizer(client, make):
    organizer = make.organizer()
    sign_in(client, organizer)
    return organizer


@pytest.fixture
def event(make, organizer):
    return make.event(organizer, capacity=48)


def test_add_edit_and_remove_a_table_with_a_host(app, client, make, event):
    host = make.guest(event, name="Hana Host", rsvp="yes")
    make.guest(event, name="Nora No", rsvp="no")
    page = text_of(client.get(f"/events/{event.id}/tables"))
    assert "Hana Host (yes)" in page
    assert "Nora No" not in page

    data = {"name": "Window", "min_seats": "6", "max_seats": "8", "host": str(host.id)}
    page = text_of(client.post(f"/events/{event.id}/tables", data=data, follow_redirects=True))
    assert "Added Window." in page
    assert "Hana Host" in page
    ((name, low, high, host_id),) = stored_tables(app, event)
    assert (name, low, high, host_id) == ("Window", 6, 8, host.id)

    with app.app_context():
        table_id = db.session.execute(db.select(Table.id)).scalar_one()
    edit_url = f"/events/{event.id}/tables/{table_id}/edit"
    assert 'value="Window"' in text_of(client.get(edit_url))
    data = {"name": "Garden", "min_seats": "4", "max_seats": "6", "host": "0"}
    page = text_of(client.post(edit_url, data=data, follow_redirects=True))
    assert "Saved Garden." in page
    assert stored_tables(app, event) == [("Garden", 4, 6, None)]

    url = f"/events/{event.id}/tables/{table_id}/delete"
    page = text_of(client.post(url, follow_redirects=True))
    assert "Removed Garden." in page
    assert stored_tables(app, event) == []


def test_table_form_errors_are_next_to_their_fields(app, client, make, event):
    other = make.guest(make.event(), name="Stranger")
    data = {"name": "", "min_seats": "8", "max_seats": "5", "host": str(other.id)}
    page = text_of(client.post(f"/events/{event.id}/tables", data=data))
    assert error_for(page, "name") == "Give the table a name, like 'Table 1'."
    assert error_for(page, "max_seats") == "'Most guests' can't be fewer than 'fewest guests'."
    assert error_for(page, "host") == "Choose a host from the list."
    page = text_of(client.post(f"/events/{event.id}/tables", data={**data, "min_seats": "1"}))
    assert error_for(page, "min_seats") == "Enter a number from 2 to 20."
    assert stored_tables(app, event) == []


def test_a_guest_hosts_one_table_at_most(app, client, make, event):
    host = make.guest(event, rsvp="yes")
    data = {"name": "A", "min_seats": "6", "max_seats": "10", "host": str(host.id)}
    client.post(f"/events/{event.id}/tables", data=data)
    page = text_of(client.post(f"/events/{event.id}/tables", data={**data, "name": "B"}))
    assert error_for(page, "host") == "This guest already hosts another table."
    assert [t[0] for t in stored_tables(app, event)] == ["A"]


def test_layout_uses_capacity_until_guests_say_yes(app, client, event):
    page = text_of(client.get(f"/events/{event.id}/tables"))
    assert re.search(r'id="headcount"[^>]*value="48"', page)
    page = text_of(
        client.post(
            f"/events/{event.id}/tables/layout", data={"headcount": "48"}, follow_redirects=True
        )
    )
    assert (
        "Laid out 6 tables for 48 guests (6 of 8), aiming for tables of 8; "
        "each table takes 6–10." in page
    )
    assert stored_tables(app, event) == [(f"Table {n}", 6, 10, None) for n in range(1, 7)]


def test_layout_follows_the_usual_table_size_of_the_event(app, client, event):
    form = {
        "title": "Tables of ten",
        "venue": "",
        "address": "",
        "description": "",
        "start_date": "2030-05-01",
        "start_time": "19:00",
        "timezone": "UTC",
        "minutes_per_guest": "3",
        "table_min": "6",
        "table_max": "10",
    }
    page = text_of(client.post(f"/events/{event.id}/edit", data={**form, "table_target": "12"}))
    assert (
        error_for(page, "table_target")
        == "Choose a size from the smallest (6) to the largest (10)."
    )
    client.post(f"/events/{event.id}/edit", data={**form, "table_target": "10"})
    url = f"/events/{event.id}/tables/layout"
    page = text_of(client.post(url, data={"headcount": "60"}, follow_redirects=True))
    assert "Laid out 6 tables for 60 guests (6 of 10), aiming for tables of 10" in page
    page = text_of(client.post(url, data={"headcount": "150"}, follow_redirects=True))
    assert "Laid out 15 tables for 150 guests (15 of 10)" in page


def test_layout_headcount_defaults_to_guests_who_said_yes(client, make, event):
    for _ in range(7):
        make.guest(event, rsvp="yes")
    make.guest(event, rsvp="maybe")
    page = text_of(client.get(f"/events/{event.id}/tables"))
    assert re.search(r'id="headcount"[^>]*value="7"', page)
    assert "7 guests said yes." in page


@pytest.mark.parametrize(
    ("headcount", "message"),
    [
        (
            "5",
            "5 guests can't be seated at tables of 6–10: you need at least 6 guests, "
            "or lower the minimum table size.",
        ),
        (
            "11",
            "11 guests can't be seated at tables of 6–10: 1 table holds at most 10, and "
            "2 tables need at least 12. Change the headcount or widen the table sizes.",
        ),
        ("0", "Enter a number of guests from 1 to 2000."),
        ("", "Enter how many guests to seat."),
    ],
)
def test_layout_says_plainly_when_it_cannot_seat_everyone(app, client, event, headcount, message):
    client.post(f"/events/{event.id}/tables/layout", data={"headcount": "12"})
    before = stored_tables(app, event)
    assert len(before) == 2
    url = f"/events/{event.id}/tables/layout"
    page = text_of(client.post(url, data={"headcount": headcount}))
    assert error_for(page, "headcount") == message
    assert stored_tables(app, event) == before  # nothing changed


def test_layout_keeps_hosted_and_seated_tables(app, client, make, event):
    host = make.guest(event, rsvp="yes")
    seated = make.guest(event, rsvp="yes")
    add = {"min_seats": "6", "max_seats": "10", "host": "0"}
    client.post(f"/events/{event.id}/tables", data={**add, "name": "Table 2", "host": host.id})
    client.post(f"/events/{event.id}/tables", data={**add, "name": "Seated"})
    client.post(f"/events/{event.id}/tables", data={**add, "name": "Spare"})
    with app.app_context():
        seated_table = db.session.execute(
            db.select(Table).where(Table.name == "Seated")
        ).scalar_one()
        version = SeatingVersion(event_id=event.id, number=1, kind="edit")
        version.assignments.append(Assignment(guest_id=seated.id, table_id=seated_table.id))
        db.session.add(version)
        db.session.commit()

    url = f"/events/{event.id}/tables/layout"
    page = text_of(client.post(url, data={"headcount": "30"}, follow_redirects=True))
    assert "Kept Table 2, Seated: they have a host or seated guests." in page
    names = [t[0] for t in stored_tables(app, event)]
    # 30 guests at about 8 a table make 4 tables: the two kept ones and two new ones.
    assert names == ["Table 2", "Seated", "Table 1", "Table 3"]
