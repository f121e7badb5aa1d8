"""The sheets pages as an organizer uses them: index, print views, paper size, access."""

from __future__ import annotations

import re

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Event
from tests.factories import sign_in_as
from tests.sheets.conftest import pdf_pages, seat

KINDS = ["seating-chart", "door-list", "place-cards", "table-sheets", "kitchen", "badges"]


@pytest.fixture
def organizer(make):
    return make.organizer()


@pytest.fixture
def seated(app, make, organizer):
    event = make.event(organizer, title="Harvest Dinner")
    return seat(app, event, [[{"name": "Ada Lovelace"}, {"name": "Alan Turing"}]])


def test_index_lists_every_printable(client, organizer, seated):
    sign_in_as(client, organizer)
    page = client.get(f"/events/{seated.event_id}/sheets/").get_data(as_text=True)
    titles = ("Seating chart", "Door list", "Place cards", "Table sheets", "Kitchen summary")
    for title in (*titles, "Name badges"):
        assert title in page
    for kind in KINDS:
        assert f"/events/{seated.event_id}/sheets/{kind}.pdf" in page
    assert "seating version" in page
    assert "not published yet" in page


@pytest.mark.parametrize("kind", KINDS)
def test_print_view_is_a_page_with_print_css(client, organizer, seated, kind):
    sign_in_as(client, organizer)
    response = client.get(f"/events/{seated.event_id}/sheets/{kind}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "/static/css/print.css" in page
    assert "@page { size: A4; }" in page
    assert ("Table 1" if kind == "kitchen" else "Lovelace") in page


def test_unseated_event_says_seat_the_guests_first(client, make, organizer):
    event = make.event(organizer)
    make.guest(event, name="Waiting Guest")
    sign_in_as(client, organizer)
    page = client.get(f"/events/{event.id}/sheets/").get_data(as_text=True)
    assert "Seat the guests first" in page
    # The empty state leads somewhere: to the seating, and back to the dinner.
    assert f'href="/events/{event.id}/seating/">Go to seating</a>' in page
    assert f'href="/events/{event.id}">← ' in page
    response = client.get(f"/events/{event.id}/sheets/door-list.pdf", follow_redirects=True)
    assert response.status_code == 200
    assert "Seat the guests first" in response.get_data(True)
    response = client.post(f"/events/{event.id}/sheets/generate", follow_redirects=True)
    assert "Seat the guests first" in response.get_data(as_text=True)


def test_published_version_wins_over_a_newer_draft(app, client, make, organizer):
    event = make.event(organizer)
    seat(app, event, [[{"name": "Published Person"}]], published=True)
    seat(app, event, [[{"name": "Draft Person"}]])
    seat(app, event, [[{"name": "Failed Person"}]], status="infeasible")
    sign_in_as(client, organizer)
    text = "".join(pdf_pages(client.get(f"/events/{event.id}/sheets/door-list.pdf").data))
    assert "Person, Published" in text
    assert "Draft" not in text
    assert "Failed" not in text


def test_latest_solved_version_when_none_is_published(app, client, make, organizer):
    event = make.event(organizer)
    seat(app, event, [[{"name": "Older Person"}]])
    seat(app, event, [[{"name": "Newer Person"}]], status="feasible")
    seat(app, event, [[{"name": "Running Person"}]], status="running")
    sign_in_as(client, organizer)
    text = "".join(pdf_pages(client.get(f"/events/{event.id}/sheets/door-list.pdf").data))
    assert "Person, Newer" in text
    assert "Older" not in text
    assert "Running" not in text


def test_another_organizers_sheets_are_not_found(client, make, seated):
    sign_in_as(client, make.organizer())
    base = f"/events/{seated.event_id}/sheets"
    urls = [
        f"{base}/",
        f"{base}/status/{seated.version_id}",
        f"{base}/files/{seated.version_id}/door-list.pdf",
    ]
    urls += [f"{base}/{kind}" for kind in KINDS] + [f"{base}/{kind}.pdf" for kind in KINDS]
    for url in urls:
        assert client.get(url).status_code == 404, url
    for url in (f"{base}/paper", f"{base}/generate"):
        assert client.post(url, data={"paper": "letter"}).status_code == 404, url


def test_signed_out_visitor_is_sent_to_sign_in(client, seated):
    response = client.get(f"/events/{seated.event_id}/sheets/door-list.pdf")
    assert response.status_code == 302
    assert "/auth/signin" in response.location


def test_unknown_printable_is_not_found(client, organizer, seated):
    sign_in_as(client, organizer)
    assert client.get(f"/events/{seated.event_id}/sheets/menu.pdf").status_code == 404


def test_paper_switch_saves_the_choice(app, client, organizer, seated):
    sign_in_as(client, organizer)
    response = client.post(
        f"/events/{seated.event_id}/sheets/paper", data={"paper": "letter"}, follow_redirects=True
    )
    assert "Sheets now print on US Letter" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Event, seated.event_id).paper == "letter"
    view = client.get(f"/events/{seated.event_id}/sheets/kitchen").get_data(as_text=True)
    assert "@page { size: letter; }" in view


def test_paper_switch_rejects_an_unknown_size_next_to_the_field(app, client, organizer, seated):
    sign_in_as(client, organizer)
    response = client.post(f"/events/{seated.event_id}/sheets/paper", data={"paper": "a3"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert re.search(r'class="error" id="paper-error"[^>]*>Not a valid choice', page)
    with app.app_context():
        assert db.session.get(Event, seated.event_id).paper == "a4"


@pytest.fixture
def csrf_on(app_config):
    app_config["WTF_CSRF_ENABLED"] = True
    return app_config


def test_paper_and_generate_need_the_forms_csrf_token(csrf_on, app, client, organizer, seated):
    sign_in_as(client, organizer)
    base = f"/events/{seated.event_id}/sheets"
    assert client.post(f"{base}/paper", data={"paper": "letter"}).status_code == 400
    assert client.post(f"{base}/generate").status_code == 400
    with app.app_context():
        assert db.session.get(Event, seated.event_id).paper == "a4"
    page = client.get(f"{base}/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(f"{base}/paper", data={"paper": "letter", "csrf_token": token})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Event, seated.event_id).paper == "letter"


def test_weasyprint_may_read_only_the_static_folder(app):
    from dinnerplan.sheets.render import static_only_fetcher, static_root

    with app.app_context():
        root = static_root()
    fetcher = static_only_fetcher(root)
    response = fetcher.fetch((root / "css" / "print.css").as_uri())
    assert b"@page" in response.read()
    response.close()
    for url in (
        "file:///etc/passwd",
        (root / ".." / "pyproject.toml").as_uri(),
        "http://127.0.0.1:9/x.css",
    ):
        with pytest.raises(ValueError, match="only load their own static files"):
            fetcher.fetch(url)
