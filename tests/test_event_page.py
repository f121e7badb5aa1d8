"""The event page gathers every area's panel, each linking to its pages."""

import re
from datetime import timedelta

from jinja2 import StrictUndefined, Undefined

from dinnerplan.extensions import db
from dinnerplan.models import Assignment, SeatingVersion, Table
from dinnerplan.models._base import utcnow
from tests.factories import sign_in_as

PANELS = (
    "Guests",
    "RSVPs",
    "Needs and offers",
    "Seating",
    "Introductions",
    "Printed sheets",
    "After the dinner",
)


def event_page(app, client, event_id: int) -> str:
    """The event page, rendered with StrictUndefined.

    A name or a panel field the page is not given (renamed on one side) fails here instead
    of showing nothing.
    """
    app.jinja_env.undefined = StrictUndefined
    try:
        return client.get(f"/events/{event_id}").get_data(as_text=True)
    finally:
        app.jinja_env.undefined = Undefined


def panel_text(page: str, title: str) -> str:
    """The text of the event page's section whose heading is `title`, spaces collapsed."""
    found = re.search(
        rf"<section[^>]*>\s*<h2[^>]*>{re.escape(title)}</h2>(.*?)</section>", page, re.S
    )
    assert found, f"no {title!r} panel"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip()


def test_event_page_shows_every_areas_panel_with_working_links(app, client, make):
    organizer = make.organizer()
    event = make.event(organizer)
    sign_in_as(client, organizer)
    page = event_page(app, client, event.id)
    for title in PANELS:
        assert re.search(rf"<h2[^>]*>{title}</h2>", page), title
    links = set(re.findall(rf'href="(/events/{event.id}/[^"#?]*)"', page))
    assert {f"/events/{event.id}/guests/", f"/events/{event.id}/sheets/"} <= links
    assert {f"/events/{event.id}/outcome", f"/events/{event.id}/topics"} <= links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_each_panel_shows_its_areas_data(app, client, make):
    organizer = make.organizer()
    event = make.event(organizer, capacity=10, paper="letter")
    ann = make.guest(event, name="Ann Yes", rsvp="yes", offers=["design"], intent="peers")
    bea = make.guest(event, name="Bea Yes", rsvp="yes", offers=["law"], intent="peers")
    make.guest(event, name="Bob No", rsvp="no")
    make.guest(event, name="Cat Maybe", rsvp="maybe", invited_at=utcnow())
    make.guest(event, name="Dee Uninvited")
    make.guest(event, name="Wes Waiting", rsvp="waitlist", waitlisted_at=utcnow())
    make.guest(event, name="Val Waiting", rsvp="waitlist", waitlisted_at=utcnow() - timedelta(1))
    with app.app_context():
        table = Table(event_id=event.id, name="Table A", position=1, min_seats=2, max_seats=6)
        db.session.add(table)
        db.session.flush()
        published = SeatingVersion(
            event_id=event.id, number=1, kind="solve", status="optimal", published_at=utcnow()
        )
        published.assignments = [
            Assignment(guest_id=ann.id, table_id=table.id),
            Assignment(guest_id=bea.id, table_id=table.id),
        ]
        failed = SeatingVersion(
            event_id=event.id, number=2, kind="solve", status="failed", reason="Too few seats."
        )
        db.session.add_all([published, failed])
        db.session.commit()
    sign_in_as(client, organizer)

    page = event_page(app, client, event.id)

    assert "1 table, seating 2–6 guests, for 2 guests coming" in panel_text(page, "Tables")
    assert "7 guests on the list" in panel_text(page, "Guests")
    rsvps = panel_text(page, "RSVPs")
    assert "2 yes of 10 seats" in rsvps
    assert "1 no" in rsvps
    assert "1 maybe" in rsvps
    assert "2 waitlist" in rsvps
    assert "Waitlist, in order Val Waiting Wes Waiting" in rsvps
    assert "1 link sent" in rsvps
    assert "Uninvited" in rsvps
    assert "4 guests missing a profile" in rsvps  # Bob declined; Ann and Bea filled theirs in
    assert "(5 guests)" in rsvps  # invitations: everyone but Bob and Cat
    seating = panel_text(page, "Seating")
    assert "Latest: version 2" in seating
    assert "Too few seats." in seating
    assert "Published: version 1." in seating
    assert "2 to send; 0 already sent." in panel_text(page, "Introductions")
    assert "(US Letter)" in panel_text(page, "Printed sheets")
    assert "See the outcome" in panel_text(page, "After the dinner")
    assert "Topics for this dinner" in panel_text(page, "Needs and offers")
