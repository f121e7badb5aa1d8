"""Templates only display: the tables page, the RSVP summary and dead links run no query.

Their views pass plain data (no lazy relationship left for the template to load), and the
pages render with StrictUndefined (see the `template_queries` fixture).
"""

from __future__ import annotations

import re
from datetime import datetime

from dinnerplan.extensions import db
from dinnerplan.links import token_for
from dinnerplan.models import Guest, GuestLink, Table
from tests.factories import sign_in_as


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_the_tables_page_names_each_tables_host_without_a_query(
    app, client, make, template_queries
):
    organizer = make.organizer()
    event = make.event(organizer)
    ann = make.guest(event, name="Ann Host", rsvp="yes")
    bob = make.guest(event, name="Bob Host", rsvp="yes")
    with app.app_context():
        db.session.add_all(
            [
                Table(event_id=event.id, name="Oak", position=1, host_guest_id=ann.id),
                Table(event_id=event.id, name="Elm", position=2, min_seats=3, max_seats=5),
                Table(event_id=event.id, name="Ash", position=3, host_guest_id=bob.id),
            ]
        )
        db.session.commit()
    sign_in_as(client, organizer)

    page = client.get(f"/events/{event.id}/tables").get_data(as_text=True)

    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", page, re.S)
    assert rows == [("Oak", "6–10", "Ann Host"), ("Elm", "3–5", "—"), ("Ash", "6–10", "Bob Host")]
    assert "3 tables, seating 15–25 guests." in _text(page)
    assert template_queries == []


def test_the_rsvp_summary_lists_the_guests_wishes_without_a_query(
    app, client, make, template_queries
):
    # Past its RSVP deadline, the guest's page shows the summary too, in place of the form.
    event = make.event(make.organizer(), rsvp_deadline=datetime(2001, 5, 1, 18, 0))
    ana = make.guest(event, name="Ana Alvarez", rsvp="yes", one_liner="I bake")
    ben = make.guest(event, name="Ben Brook", rsvp="yes")
    cat = make.guest(event, name="Cat Cole", rsvp="yes")
    dev = make.guest(event, name="Dev Dane", rsvp="yes")
    with app.app_context():
        db.session.add_all(
            [
                GuestLink(guest_id=ana.id, other_id=ben.id, kind="prefer"),
                GuestLink(guest_id=ana.id, other_id=dev.id, kind="avoid"),
                GuestLink(guest_id=ana.id, other_id=cat.id, kind="prefer"),
            ]
        )
        db.session.commit()
        token = token_for(db.session.get(Guest, ana.id))

    for url in (f"/r/{token}", f"/r/{token}/done"):
        summary = _text(client.get(url).get_data(as_text=True)).split("What we recorded")[1]
        assert "What I do I bake" in summary, url
        assert "I'd like to sit with Ben Brook, Cat Cole" in summary, url
        assert "Please don't seat me with Dev Dane" in summary, url
    assert template_queries == []


def test_a_replaced_links_page_names_the_dinner_and_organizer_only_without_a_query(
    app, client, make, template_queries
):
    organizer = make.organizer()
    event = make.event(organizer, title="Founders' Supper")
    ana = make.guest(event, name="Ana Alvarez", email="ana@example.com", one_liner="I bake")
    make.guest(event, name="Ben Brook", email="ben@example.com", rsvp="yes")
    with app.app_context():
        guest = db.session.get(Guest, ana.id)
        old = token_for(guest)
        guest.token_nonce = "replaced"
        db.session.commit()

    response = client.get(f"/r/{old}")

    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "<strong>Founders&#39; Supper</strong>" in page
    assert f'(<a href="mailto:{organizer.email}?subject=New%20link' in page
    assert template_queries == []
    # Whoever holds the old link learns whom to ask, nothing about the guests.
    for private in ("Ana", "ana@example.com", "I bake", "Ben Brook", "ben@example.com"):
        assert private not in page, private


def test_dead_links_pages_render_without_a_query(client, template_queries):
    for url in ("/r/not-a-token", "/r/not-a-token/topics", "/r/not-a-token/mytable"):
        response = client.get(url)
        assert response.status_code == 404, url
        page = _text(response.get_data(as_text=True))
        assert "This link is no longer valid" in page, url
        assert "Please ask the person who invited you" in page, url
    assert template_queries == []
