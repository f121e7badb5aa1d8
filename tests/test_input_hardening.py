"""Input no database can store gets a clear 400-level answer, never a 500, nothing saved.

NUL characters (PostgreSQL refuses them in text), ids beyond the database's integers, and
event titles that would break an email's Subject header.
"""

from __future__ import annotations

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Organizer
from tests.factories import sign_in

NUL_WORDS = "invisible NUL character"


@pytest.fixture
def organizer(make):
    return make.organizer()


@pytest.fixture
def event(make, organizer):
    return make.event(organizer)


@pytest.fixture
def org_client(client, organizer):
    sign_in(client, organizer)
    return client


def _count(app, model) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def test_nul_in_an_anonymous_form_is_a_clear_400_and_nothing_is_saved(client, app):
    before = _count(app, Organizer)
    response = client.post(
        "/auth/signup",
        data={
            "name": "Ana\x00",
            "email": "ana@example.com",
            "password": "long enough password",
            "confirm": "long enough password",
        },
    )
    assert response.status_code == 400
    assert NUL_WORDS in response.get_data(as_text=True)
    assert _count(app, Organizer) == before


def test_nul_in_an_organizer_form_is_a_clear_400_and_nothing_is_saved(org_client, event, app):
    response = org_client.post(
        f"/events/{event.id}/guests/new",
        data={"name": "Ben\x00Brown", "email": "ben@example.com", "rsvp": "invited"},
    )
    assert response.status_code == 400
    assert NUL_WORDS in response.get_data(as_text=True)
    assert _count(app, Guest) == 0


@pytest.mark.parametrize(
    "path", ["/auth/signin?next=/%00", "/events/{id}/guests/?q=a%00b", "/r/abc%00def"]
)
def test_nul_in_a_query_string_or_path_is_a_clear_400(org_client, event, path):
    response = org_client.get(path.format(id=event.id))
    assert response.status_code == 400
    assert NUL_WORDS in response.get_data(as_text=True)


def test_nul_in_the_rsvp_page_of_a_guest_is_a_clear_400(client, make, event, app):
    from dinnerplan.links import personal_link

    guest = make.guest(event, name="Cy Guest")
    with app.app_context():
        link = personal_link(db.session.get(Guest, guest.id))
    response = client.post(
        link.removeprefix("http://localhost"), data={"answer": "yes", "one_liner": "x\x00"}
    )
    assert response.status_code == 400
    with app.app_context():
        assert db.session.get(Guest, guest.id).rsvp == "invited"


@pytest.mark.parametrize("big", [2**31, 2**64])
@pytest.mark.parametrize(
    "path",
    [
        "/events/{big}",
        "/events/{id}/guests/{big}/edit",
        "/events/{id}/rsvps/{big}/resend",
        "/outbox/{big}",
    ],
)
def test_ids_beyond_the_database_integer_in_paths_are_404(org_client, event, path, big):
    method = org_client.post if path.endswith("resend") else org_client.get
    response = method(path.format(id=event.id, big=big))
    assert response.status_code == 404


@pytest.mark.parametrize("big", [str(2**31), str(2**64), "1" + "0" * 5000])
def test_ids_and_pages_beyond_the_database_integer_in_forms_and_queries_are_400(
    org_client, event, big
):
    moved = org_client.post(
        f"/events/{event.id}/seating/move", data={"guest_id": big, "table_id": "1"}
    )
    assert moved.status_code == 400
    assert "out of range" in moved.get_data(as_text=True)
    queries = [f"{path}?page={big}" for path in ("/outbox/", f"/events/{event.id}/guests/")]
    queries += [f"/events/{event.id}/rsvps?page={big}", f"/outbox/?event={big}"]
    queries += [f"/events/{event.id}/seating/compare?a={big}&b=1"]
    for path in queries:
        listed = org_client.get(path)
        assert listed.status_code == 400, path
        assert "out of range" in listed.get_data(as_text=True)


def test_a_phone_number_of_many_digits_is_still_fine(org_client, event, app):
    response = org_client.post(
        f"/events/{event.id}/guests/new",
        data={
            "name": "Dee Digits",
            "email": "dee@example.com",
            "phone": "447700900123",
            "rsvp": "invited",
        },
    )
    assert response.status_code == 302
    assert _count(app, Guest) == 1


def test_a_line_break_in_an_event_title_is_refused_next_to_the_field(org_client, event, app):
    response = org_client.post(
        f"/events/{event.id}/edit",
        data={
            "title": "Supper\r\nBcc: everyone@example.com",
            "start_date": "2030-05-01",
            "start_time": "19:00",
            "timezone": "Europe/London",
            "venue": "The Long Table",
        },
    )
    assert response.status_code == 200
    assert "Keep the title on one line" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Event, event.id).title == "Founders' Supper"


def test_a_title_with_line_breaks_from_elsewhere_still_sends_one_line_subjects(
    org_client, make, organizer, inbox
):
    # Titles saved before the form refused line breaks, or from the CLI: mail must still go.
    event = make.event(organizer, title="Spring\r\nBcc: everyone@example.com\nSupper")
    make.guest(event, name="Eve Guest", email="eve@example.com")
    org_client.post(f"/events/{event.id}/invitations")
    (message,) = inbox.to("eve@example.com")
    assert message["Subject"] == "You're invited: Spring Bcc: everyone@example.com Supper"
    assert message["Bcc"] is None
