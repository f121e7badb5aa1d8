"""Events through the real forms: landing, list, create, show, edit, delete, authorization."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

import pytest

from dinnerplan.commands import main
from dinnerplan.events.operations import deadline_passed, event_start_utc, timezone_choices
from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Table
from tests.factories import sign_in

FORM = {
    "title": "Climate Founders' Supper",
    "start_date": "2030-06-14",
    "start_time": "19:30",
    "timezone": "Europe/London",
    "venue": "The Long Table",
    "address": "1 High Street\nLondon",
    "description": "Dinner for founders & funders.",
    "deadline_date": "2030-06-07",
    "deadline_time": "18:00",
    "capacity": "48",
    "minutes_per_guest": "3",
    "table_min": "6",
    "table_max": "10",
}


def text_of(response) -> str:
    return response.get_data(as_text=True)


def error_for(page: str, field_id: str) -> str:
    """The error rendered next to a field by the macro (id="<field>-error"), or ''."""
    match = re.search(rf'<p class="error" id="{field_id}-error"[^>]*>(.*?)</p>', page, re.S)
    if match is None:
        return ""
    # The input points at its error, so screen readers announce it with the field.
    assert re.search(rf'id="{field_id}"[^>]*aria-describedby="[^"]*{field_id}-error', page) or (
        re.search(rf'aria-describedby="[^"]*{field_id}-error[^"]*"[^>]*id="{field_id}"', page)
    )
    return html.unescape(match.group(1)).strip()


def event_count(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Event.id))).scalar_one()


@pytest.fixture
def organizer(client, make):
    organizer = make.organizer()
    sign_in(client, organizer)
    return organizer


def test_visitors_see_a_landing_page(client):
    text = text_of(client.get("/"))
    assert "Plan small-table networking dinners" in text
    assert 'href="/auth/signup"' in text
    assert 'href="/auth/signin"' in text


def test_organizer_pages_need_sign_in(client, make):
    event = make.event()
    for path in ("/events/new", f"/events/{event.id}", f"/events/{event.id}/tables"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/auth/signin" in response.headers["Location"]


def test_create_event_and_read_it_back(app, client, organizer):
    response = client.post("/events/new", data=FORM, follow_redirects=True)
    page = text_of(response)
    assert "Created “Climate Founders&#39; Supper”" in page
    assert "Fri 14 Jun 2030, 19:30 (Europe/London, BST)" in page
    assert "Fri 07 Jun 2030, 18:00 (Europe/London, BST)" in page  # the deadline
    assert "The Long Table" in page
    assert "1 High Street\nLondon" in page
    assert "Dinner for founders &amp; funders." in page
    assert "48 guests" in page
    assert "3 minutes per guest" in page
    assert "Default size: 6–10 guests per table" in page
    with app.app_context():
        event = db.session.execute(db.select(Event)).scalar_one()
        assert event.organizer_id == organizer.id
        assert event.starts_at == datetime(2030, 6, 14, 19, 30)  # wall-clock, naive
        assert event.timezone == "Europe/London"
        assert event_start_utc(event) == datetime(2030, 6, 14, 18, 30, tzinfo=UTC)


def test_new_event_form_has_defaults_and_common_time_zones_first(client, organizer):
    page = text_of(client.get("/events/new"))
    assert re.search(r'id="minutes_per_guest"[^>]*value="3"', page)
    assert re.search(r'id="table_min"[^>]*value="6"', page)
    assert re.search(r'id="table_max"[^>]*value="10"', page)
    assert page.index('value="Europe/London"') < page.index('value="Africa/Abidjan"')
    values = [value for value, _ in timezone_choices()]
    assert values[0] == "Europe/London"
    assert len(values) == len(set(values)) > 300


def test_event_form_errors_are_next_to_their_fields(app, client, organizer):
    bad = {
        **FORM,
        "title": "  ",
        "start_time": "",
        "timezone": "Mars/Olympus_Mons",
        "capacity": "0",
        "minutes_per_guest": "16",
        "table_min": "8",
        "table_max": "5",
    }
    page = text_of(client.post("/events/new", data=bad))
    assert "Please fix the problems marked below." in page
    assert error_for(page, "title") == "Give the dinner a title."
    assert error_for(page, "start_time") == "Choose the start time."
    assert error_for(page, "timezone") == "Choose a time zone from the list."
    assert error_for(page, "capacity") == "Enter at least 1, or leave it empty."
    assert error_for(page, "minutes_per_guest") == "Enter a number of minutes from 1 to 15."
    assert error_for(page, "table_max") == (
        "The largest table can't be smaller than the smallest table."
    )
    assert event_count(app) == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"deadline_date": "2030-06-15"}, "deadline_date", "must be before the dinner starts"),
        ({"deadline_date": "2030-06-14", "deadline_time": ""}, "deadline_date", "must be before"),
        ({"deadline_date": ""}, "deadline_date", "Add the date of the deadline"),
        ({"table_min": "1"}, "table_min", "Enter a number from 2 to 20."),
        ({"table_max": "21"}, "table_max", "Enter a number from 2 to 20."),
        ({"capacity": "lots"}, "capacity", "Enter a whole number, like 8."),
        ({"start_date": ""}, "start_date", "Choose the date of the dinner."),
    ],
)
def test_more_event_form_errors(app, client, organizer, changes, field, message):
    page = text_of(client.post("/events/new", data={**FORM, **changes}))
    assert message in error_for(page, field)
    assert event_count(app) == 0


def test_optional_fields_can_be_left_empty(app, client, organizer):
    data = {**FORM, "deadline_date": "", "deadline_time": "", "capacity": "", "venue": ""}
    page = text_of(client.post("/events/new", data=data, follow_redirects=True))
    assert "No limit" in page
    assert "None: guests can answer until the day" in page
    with app.app_context():
        event = db.session.execute(db.select(Event)).scalar_one()
        assert event.capacity is None
        assert event.rsvp_deadline is None


def test_a_form_posted_without_its_optional_text_fields_saves_them_empty(app, client, organizer):
    # A crafted POST (or an old form) may leave fields out entirely: never a 500.
    data = {k: v for k, v in FORM.items() if k not in ("venue", "address", "description")}
    response = client.post("/events/new", data=data, follow_redirects=True)
    assert response.status_code == 200
    assert "Created" in text_of(response)
    with app.app_context():
        event = db.session.execute(db.select(Event)).scalar_one()
        assert (event.venue, event.address, event.description) == ("", "", "")


def test_event_create_without_a_venue_saves_it_empty(app, runner, make):
    make.organizer(email="cli@example.com")
    result = runner.invoke(
        main,
        [
            "event",
            "create",
            "--title",
            "T",
            "--starts",
            "2031-01-10T19:00",
            "--organizer",
            "cli@example.com",
        ],
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.execute(db.select(Event.venue)).scalar_one() == ""


def test_edit_event_shows_stored_values_and_saves_changes(app, client, organizer, make):
    event = make.event(
        organizer, title="Old title", starts_at=datetime(2031, 1, 10, 20, 0), capacity=30
    )
    form = text_of(client.get(f"/events/{event.id}/edit"))
    assert 'value="Old title"' in form
    assert 'value="2031-01-10"' in form
    assert 'value="20:00"' in form
    assert 'value="30"' in form
    assert re.search(r'<option selected value="Europe/London">', form)

    data = {**FORM, "title": "New title", "timezone": "America/New_York", "deadline_date": ""}
    data["deadline_time"] = ""
    page = text_of(client.post(f"/events/{event.id}/edit", data=data, follow_redirects=True))
    assert "Saved your changes." in page
    assert "Fri 14 Jun 2030, 19:30 (America/New York, EDT)" in page
    with app.app_context():
        stored = db.session.get(Event, event.id)
        assert stored.title == "New title"
        assert stored.timezone == "America/New_York"
        assert event_start_utc(stored) == datetime(2030, 6, 14, 23, 30, tzinfo=UTC)


def test_failed_edit_changes_nothing(app, client, organizer, make):
    event = make.event(organizer, title="Stays")
    page = text_of(client.post(f"/events/{event.id}/edit", data={**FORM, "title": ""}))
    assert error_for(page, "title") == "Give the dinner a title."
    with app.app_context():
        assert db.session.get(Event, event.id).title == "Stays"


def test_delete_event_removes_its_guests_and_tables(app, client, organizer, make):
    event = make.event(organizer, title="Doomed Dinner")
    keep = make.event(organizer, title="Other Dinner")
    for _ in range(2):
        make.guest(event)
    make.guest(keep)
    client.post(f"/events/{event.id}/tables/layout", data={"headcount": "12"})
    page = text_of(client.post(f"/events/{event.id}/delete", follow_redirects=True))
    assert "Deleted “Doomed Dinner” and its 2 guests." in page
    assert "Other Dinner" in page
    assert "Doomed Dinner</a>" not in page
    with app.app_context():
        assert db.session.get(Event, event.id) is None
        guests = db.session.execute(db.select(Guest.event_id)).scalars().all()
        assert guests == [keep.id]
        assert db.session.execute(db.select(Table)).first() is None
    assert client.get(f"/events/{event.id}").status_code == 404


def test_list_shows_upcoming_first_with_counts(client, organizer, make):
    now = datetime.now()
    past = make.event(organizer, title="Past Dinner", starts_at=now - timedelta(days=30))
    make.event(organizer, title="Later Dinner", starts_at=now + timedelta(days=60))
    soon = make.event(organizer, title="Soon Dinner", starts_at=now + timedelta(days=5))
    for rsvp in ("yes", "yes", "no", "invited"):
        make.guest(soon, rsvp=rsvp)
    make.guest(past, rsvp="yes")
    page = text_of(client.get("/"))
    order = [page.index(t) for t in ("Soon Dinner", "Later Dinner", "Past Dinner")]
    assert order == sorted(order)
    soon_card = page[page.index("Soon Dinner") : page.index("Later Dinner")]
    assert re.search(r"<strong>2 of 4</strong> coming", soon_card)
    past_card = page[page.index("Past Dinner") :]
    assert "Past</span>" in past_card
    assert re.search(r"<strong>1 of 1</strong> coming", past_card)


def test_organizers_only_see_their_own_events(app, client, make):
    alice, bob = make.organizer(), make.organizer()
    event = make.event(alice, title="Alice's Secret Supper")
    table_id = _add_table(app, event)
    sign_in(client, bob)
    assert "Alice&#39;s Secret Supper" not in text_of(client.get("/"))
    base = f"/events/{event.id}"
    for path in (base, f"{base}/edit", f"{base}/tables", f"{base}/tables/{table_id}/edit"):
        assert client.get(path).status_code == 404, path
    posts = {
        f"{base}/edit": {**FORM, "title": "Bob was here"},
        f"{base}/delete": {},
        f"{base}/tables": {"name": "Bob's", "min_seats": "2", "max_seats": "4", "host": "0"},
        f"{base}/tables/layout": {"headcount": "12"},
        f"{base}/tables/{table_id}/edit": {"name": "Bob's", "min_seats": "2", "max_seats": "4"},
        f"{base}/tables/{table_id}/delete": {},
    }
    for path, data in posts.items():
        assert client.post(path, data=data).status_code == 404, path
    with app.app_context():
        stored = db.session.get(Event, event.id)
        assert stored.title == "Alice's Secret Supper"
        assert [t.name for t in stored.tables] == ["Head table"]


def test_event_page_has_links_and_table_summary(client, organizer, make):
    event = make.event(organizer, capacity=20)
    client.post(f"/events/{event.id}/tables/layout", data={"headcount": "20"})
    page = text_of(client.get(f"/events/{event.id}"))
    assert f'href="/events/{event.id}/edit"' in page
    assert f'href="/events/{event.id}/tables"' in page
    assert "2 tables, seating 12–20 guests, for 20 places (capacity)." in page


def _add_table(app, event) -> int:
    with app.app_context():
        table = Table(event_id=event.id, name="Head table", min_seats=6, max_seats=10)
        db.session.add(table)
        db.session.commit()
        return table.id


class TestDeadline:
    """deadline_passed compares the local deadline, in its time zone, with aware UTC now."""

    def event(self, deadline):
        return Event(
            title="x",
            starts_at=datetime(2030, 6, 14, 19),
            timezone="Europe/London",
            rsvp_deadline=deadline,
        )

    def test_deadline_is_read_in_the_events_time_zone(self):
        event = self.event(datetime(2030, 6, 1, 18, 0))  # 17:00 UTC in summer
        assert not deadline_passed(event, datetime(2030, 6, 1, 16, 59, 59, tzinfo=UTC))
        assert deadline_passed(event, datetime(2030, 6, 1, 17, 0, tzinfo=UTC))

    def test_no_deadline_never_passes(self):
        assert not deadline_passed(self.event(None), datetime(2099, 1, 1, tzinfo=UTC))
        assert deadline_passed(self.event(datetime(2000, 1, 1)))  # defaults to now
