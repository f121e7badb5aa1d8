"""Issue 13.6: a dinner dated in the past needs an explicit confirmation (web and CLI)."""

from __future__ import annotations

import re
from datetime import datetime

from dinnerplan.commands import main
from dinnerplan.extensions import db
from dinnerplan.models import Event
from tests.factories import invite, link_in, sign_in, sign_in_as

PAST = {
    "title": "Last year's supper",
    "start_date": "2020-03-05",
    "start_time": "19:00",
    "timezone": "Europe/London",
    "venue": "",
    "address": "",
    "description": "",
    "minutes_per_guest": "3",
    "table_min": "6",
    "table_max": "10",
}


def _events(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(db.select(Event.title)))


def test_a_past_date_is_refused_until_the_organizer_confirms_it(client, make, app):
    sign_in(client, make.organizer())

    refused = client.post("/events/new", data=PAST).get_data(as_text=True)
    assert "This date is in the past" in refused
    assert "save it anyway" in refused
    assert _events(app) == []

    saved = client.post("/events/new", data={**PAST, "allow_past": "y"}, follow_redirects=True)
    assert "Created “Last year&#39;s supper”" in saved.get_data(as_text=True)
    assert _events(app) == ["Last year's supper"]


def test_editing_a_dinner_that_has_taken_place_keeps_working(client, make, app):
    organizer = make.organizer()
    event = make.event(organizer, starts_at=datetime(2020, 3, 5, 19, 0))
    sign_in(client, organizer)
    response = client.post(
        f"/events/{event.id}/edit", data={**PAST, "title": "Renamed"}, follow_redirects=True
    )
    assert "Saved your changes." in response.get_data(as_text=True)


def test_cli_refuses_a_past_date_without_allow_past(app, runner, make):
    organizer = make.organizer()
    args = ["event", "create", "--title", "Old", "--starts", "2020-03-05T19:00"]
    args += ["--organizer", organizer.email]

    refused = runner.invoke(main, args=args)
    assert refused.exit_code == 1
    assert "--allow-past" in refused.output
    assert _events(app) == []

    accepted = runner.invoke(main, args=[*args, "--allow-past"])
    assert accepted.exit_code == 0, accepted.output
    assert _events(app) == ["Old"]


def test_guests_of_a_past_dinner_are_not_told_see_you_there(client, make, inbox):
    organizer = make.organizer()
    event = make.event(organizer, starts_at=datetime(2020, 3, 5, 19, 0))
    make.guest(event, name="Ana Alvarez", email="ana@example.com", rsvp="yes")
    sign_in_as(client, organizer)
    invite(client, event)
    client.get("/auth/signout")

    page = client.get(link_in(inbox.to("ana@example.com")[0])).get_data(as_text=True)

    assert "This dinner took place on Thursday 05 March 2020" in page
    assert "See you there" not in page
    assert "Send my answer" not in page


def test_time_zone_list_offers_only_real_places(client, make):
    """Issue 13.14: no "Factory", "localtime" or legacy aliases in the list."""
    sign_in(client, make.organizer())
    page = client.get("/events/new").get_data(as_text=True)
    offered = set(re.findall(r'<option[^>]*value="([^"]+)"', page))
    assert {"Europe/London", "America/New_York", "UTC", "Asia/Kolkata"} <= offered
    assert not offered & {"Factory", "localtime", "posixrules", "Cuba", "Etc/GMT+5"}
    assert all(zone == "UTC" or "/" in zone for zone in offered)
    refused = client.post("/events/new", data={**PAST, "timezone": "Factory", "allow_past": "y"})
    assert "Choose a time zone from the list." in refused.get_data(as_text=True)
