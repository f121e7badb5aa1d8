"""Issue 13 items 1-3: the numbers on the intros and event pages add up and never go negative."""

from __future__ import annotations

import re

from dinnerplan.extensions import db
from dinnerplan.models import Guest
from tests.factories import sign_in_as
from tests.intros.conftest import FIRST_PLAN, intro_url


def test_a_guest_declining_after_intros_went_out_never_makes_counts_negative(client, dinner, app):
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)
    client.post(intro_url(dinner, "send"), follow_redirects=True)
    with app.app_context():
        db.session.get(Guest, dinner.guest("Ben").id).rsvp = "no"
        db.session.commit()

    page = client.get(intro_url(dinner)).get_data(as_text=True)
    event_page = client.get(f"/events/{dinner.event.id}").get_data(as_text=True)

    negative = re.compile(r"(^|[\s>(“])-\d")
    assert not negative.search(page)
    assert not negative.search(event_page)
    assert "0 emails to send" in page
    assert "Sent 7 of 7" in page
    assert "Send " not in page.split("<h2>Preview</h2>")[0].split('class="actions"')[1][:300]
