"""The guest's RSVP page, driven from the link in the email that arrived."""

from __future__ import annotations

from datetime import datetime, timedelta
from html.parser import HTMLParser

import icalendar
import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Guest
from tests.factories import browser_form, invite, link_in, sign_in_as, text_of

# guests.forms.ProfileForm (another area) still passes choices as tuples, which WTForms 3.3
# deprecates; that is theirs to change, so don't let it fail the RSVP tests.

PROFILE = {
    "one_liner": "I run a bakery",
    "offers-0": "Sourdough know-how",
    "offers-1": "Retail leases",
    "needs-0": "A bookkeeper",
    "intent": "peers",
    "dietary": ["vegetarian", "nut_allergy"],
    "dietary_other": "No mushrooms",
    "accessibility": "Step-free access",
    "phone": "+44 20 7946 0000",
    "linkedin": "https://www.linkedin.com/in/ana",
    "share_phone": "y",
}


class _Labels(HTMLParser):
    """Every visible form control, and whether a <label> wraps it."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[tuple[str, bool]] = []
        self._in_label = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "label":
            self._in_label += 1
        elif tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.controls.append((a.get("id", ""), self._in_label > 0))

    def handle_endtag(self, tag):
        if tag == "label":
            self._in_label -= 1


@pytest.fixture
def invited(client, make, inbox):
    """Invite guests through the organizer's button; return a function: email -> link."""

    def setup(event, organizer, *guests):
        sign_in_as(client, organizer)
        invite(client, event)
        with client.session_transaction() as s:
            s.clear()  # the guest is not signed in
        return {g.email: link_in(inbox.to(g.email)[-1]) for g in guests}

    return setup


def test_guest_accepts_with_profile_and_sees_what_was_recorded(client, make, inbox, invited, app):
    organizer = make.organizer()
    event = make.event(
        organizer, starts_at=datetime(2031, 7, 4, 19, 30), timezone="America/New_York"
    )
    ana = make.guest(event, name="Ana Alvarez", email="ana@example.com")
    ben = make.guest(event, name="Ben Brown", email="ben@example.com", offers=["Hiring advice"])
    links = invited(event, organizer, ana, ben)

    page = client.get(links["ana@example.com"])
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "Hello Ana, will you come?" in body
    assert '<option value="Hiring advice">' in body  # suggestions from what others wrote
    assert 'list="offer-suggestions"' in body
    assert "19:30 (America/New_York time)" in text_of(page)

    assert "Ben Brown" not in body  # no list of the other guests
    form = browser_form(page, answer="yes", **PROFILE, prefer="ben  brown")
    response = client.post(links["ana@example.com"], data=form)
    assert response.status_code == 303
    # Without JavaScript, checking the topics read from the needs and offers comes next.
    assert links["ana@example.com"].endswith(response.headers["Location"].removesuffix("/topics"))
    assert response.headers["Location"].endswith("/topics")
    done = client.get(links["ana@example.com"] + "/done")
    text = text_of(done)
    for expected in (
        "Yes, I'll be there",
        "I run a bakery",
        "Sourdough know-how",
        "Retail leases",
        "A bookkeeper",
        "Meet peers and learn",
        "Vegetarian, Nut allergy, No mushrooms",
        "Step-free access",
        "+44 20 7946 0000",
        "https://www.linkedin.com/in/ana",
        "Your email will NOT be shared with your tablemates",
        "Your phone number WILL be shared with your tablemates",
        "Your LinkedIn will NOT be shared with your tablemates",
        "I'd like to sit with Ben Brown",
    ):
        assert expected in text, expected

    with app.app_context():
        saved = db.session.get(Guest, ana.id)
        assert saved.rsvp == "yes"
        assert saved.offers == ["Sourdough know-how", "Retail leases"]
        assert saved.share_phone
        assert not saved.share_email

    (confirmation,) = [m for m in inbox.to("ana@example.com") if "coming" in m["Subject"]]
    assert confirmation["Subject"] == f"You're coming: {event.title}"
    calendar = _calendar_part(confirmation)
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "REQUEST"
    cal = icalendar.Calendar.from_ical(calendar.get_content())
    (entry,) = cal.walk("VEVENT")
    start = entry.decoded("dtstart")
    assert entry["dtstart"].params["TZID"] == "America/New_York"
    assert (start.year, start.month, start.day, start.hour, start.minute) == (2031, 7, 4, 19, 30)
    assert start.utcoffset() == timedelta(hours=-4)
    assert entry.decoded("dtend") - start == timedelta(hours=3)
    assert str(entry["summary"]) == event.title
    assert "The Long Table" in str(entry["location"])
    assert "http://localhost/r/" in str(entry["description"])
    assert str(entry["uid"]) == f"dinnerplan-event-{event.id}-guest-{ana.id}@dinnerplan"

    # Sending the same answer again changes nothing and sends nothing more.
    before = len(inbox.to("ana@example.com"))
    client.post(links["ana@example.com"], data=form)
    assert len(inbox.to("ana@example.com")) == before


def _calendar_part(message):
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return parts[0]


def test_declining_after_yes_sends_a_calendar_cancellation(client, make, inbox, invited):
    organizer = make.organizer()
    event = make.event(organizer)
    guest = make.guest(event, email="gus@example.com")
    link = invited(event, organizer, guest)["gus@example.com"]
    client.post(link, data=browser_form(client.get(link), answer="yes"))
    client.post(link, data=browser_form(client.get(link), answer="no"))

    declined = [m for m in inbox.to("gus@example.com") if "declined" in m["Subject"]]
    assert len(declined) == 1
    part = _calendar_part(declined[0])
    assert part.get_param("method") == "CANCEL"
    (entry,) = icalendar.Calendar.from_ical(part.get_content()).walk("VEVENT")
    assert str(entry["status"]) == "CANCELLED"
    assert str(entry["uid"]) == f"dinnerplan-event-{event.id}-guest-{guest.id}@dinnerplan"


def test_ics_download(client, make, invited):
    organizer = make.organizer()
    event = make.event(organizer, starts_at=datetime(2031, 1, 10, 18, 0), timezone="Asia/Tokyo")
    guest = make.guest(event, email="hal@example.com")
    link = invited(event, organizer, guest)["hal@example.com"]
    response = client.get(link + "/event.ics")
    assert response.mimetype == "text/calendar"
    (entry,) = icalendar.Calendar.from_ical(response.data).walk("VEVENT")
    assert entry.decoded("dtstart").utcoffset() == timedelta(hours=9)
    assert entry.decoded("dtstart").hour == 18


def test_missing_answer_and_bad_fields_show_errors_next_to_them(client, make, inbox, invited, app):
    organizer = make.organizer()
    event = make.event(organizer)
    guest = make.guest(event, email="ida@example.com")
    link = invited(event, organizer, guest)["ida@example.com"]
    form = browser_form(client.get(link), phone="call me maybe", linkedin="not a link")
    response = client.post(link, data=form)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="answer-error"' in body
    assert "Please choose yes, no or maybe." in body
    assert 'aria-describedby="phone-error"' in body
    assert "Use digits, spaces and + ( ) - only." in body
    assert 'aria-describedby="linkedin-error"' in body
    with app.app_context():
        assert db.session.get(Guest, guest.id).rsvp == "invited"  # nothing half-saved


def test_page_is_accessible_markup(client, make, invited):
    organizer = make.organizer()
    event = make.event(organizer)
    guest = make.guest(event, email="jo@example.com")
    make.guest(event, name="Other Person")
    link = invited(event, organizer, guest)["jo@example.com"]
    body = client.get(link).get_data(as_text=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in body
    assert "css/rsvp.css" in body
    inputs = _Labels()
    inputs.feed(body)
    assert len(inputs.controls) > 20
    for control_id, wrapped in inputs.controls:
        assert wrapped or f'for="{control_id}"' in body, f"input {control_id} has no label"
    assert body.count("<fieldset") == body.count("<legend")


def test_after_the_deadline_the_page_takes_no_changes(client, make, inbox, invited, app):
    organizer = make.organizer()
    event = make.event(
        organizer, rsvp_deadline=datetime(2001, 5, 1, 18, 0), timezone="Europe/Paris"
    )
    guest = make.guest(event, email="kim@example.com")
    link = invited(event, organizer, guest)["kim@example.com"]

    page = text_of(client.get(link))
    assert "RSVPs closed on Tue 01 May 2001, 18:00 (Europe/Paris time)" in page
    assert "Send my answer" not in page
    form = {"answer": "yes", "one_liner": "Late", **PROFILE}
    response = client.post(link, data=form, follow_redirects=True)
    assert "RSVPs are closed, so nothing was changed." in text_of(response)
    with app.app_context():
        saved = db.session.get(Guest, guest.id)
        assert saved.rsvp == "invited"
        assert saved.one_liner == ""
    assert len(inbox.to("kim@example.com")) == 1  # the invitation only


def test_deadline_is_compared_in_the_events_time_zone(app):
    from dinnerplan.events.operations import deadline_passed as _deadline_passed
    from dinnerplan.models import Event

    event = Event(rsvp_deadline=datetime(2030, 1, 1, 12, 0), timezone="Asia/Tokyo")  # 03:00 UTC
    from datetime import UTC

    assert not _deadline_passed(event, datetime(2030, 1, 1, 2, 59, tzinfo=UTC))
    assert _deadline_passed(event, datetime(2030, 1, 1, 3, 0, tzinfo=UTC))
    assert not _deadline_passed(Event(rsvp_deadline=None, timezone="UTC"))


@pytest.fixture
def csrf_on(app_config):
    app_config["WTF_CSRF_ENABLED"] = True


def test_csrf_protects_the_rsvp_form(csrf_on, client, make, app, inbox):
    event = make.event()
    guest = make.guest(event)
    with app.app_context():
        from dinnerplan.links import token_for

        link = f"/r/{token_for(db.session.get(Guest, guest.id))}"
    forged = client.post(link, data={"answer": "yes"})
    assert forged.status_code == 400
    assert "This form has expired" in forged.get_data(as_text=True)
    form = browser_form(client.get(link), answer="yes")
    assert form["csrf_token"][0]
    assert client.post(link, data=form).status_code == 303
    with app.app_context():
        assert db.session.get(Guest, guest.id).rsvp == "yes"
