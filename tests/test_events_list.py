"""My dinners: each card tells its dinner apart (date, guests coming of invited, stage).

Visual review: two dinners with the same title and date looked identical on the list.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta

from dinnerplan.extensions import db
from dinnerplan.models import Message, SeatingVersion
from dinnerplan.models._base import utcnow
from tests.factories import sign_in

STAGES = {
    "fresh": "Not seated yet",
    "seated": "Seated, not published",
    "published": "Seating published",
    "told": "Introductions sent",
}


def _version(event, number: int, status: str = "optimal", published: bool = False) -> None:
    db.session.add(
        SeatingVersion(
            event_id=event.id,
            number=number,
            kind="solve",
            status=status,
            published_at=utcnow() if published else None,
        )
    )


def _cards(page: str) -> dict[str, str]:
    """Each event card's text, by the dinner's id."""
    out = {}
    for card in re.split(r'(?=<li class="card event-card)', page)[1:]:
        event_id = re.search(r'href="/events/(\d+)"', card).group(1)
        out[event_id] = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", card)).split())
    return out


def test_each_card_says_guests_coming_and_where_the_dinner_stands(app, client, make):
    organizer = make.organizer()
    when = datetime.now() + timedelta(days=20)
    events = {key: make.event(organizer, title="Founders Supper", starts_at=when) for key in STAGES}
    for rsvp in ("yes", "yes", "yes", "no", "invited"):
        make.guest(events["seated"], rsvp=rsvp)
    make.guest(events["told"], rsvp="yes")
    with app.app_context():
        _version(events["fresh"], 1, status="infeasible")  # a failed run seats nobody
        _version(events["seated"], 1)
        _version(events["published"], 1, published=True)
        _version(events["told"], 1, published=True)
        db.session.add(
            Message(
                dedupe_key=f"intro:1:{events['told'].id}",
                organizer_id=organizer.id,
                event_id=events["told"].id,
                recipient="guest@example.com",
                kind="intro",
                subject="Your table",
                body_text="…",
                status="sent",
            )
        )
        db.session.commit()
    sign_in(client, organizer)

    cards = _cards(client.get("/").get_data(as_text=True))

    assert len(cards) == 4
    for key, label in STAGES.items():
        card = cards[str(events[key].id)]
        assert label in card, (key, card)
        assert [other for other in STAGES.values() if other in card] == [label], card
        assert when.strftime("%-d %b %Y") in card
    assert "3 of 5 coming" in cards[str(events["seated"].id)]
    assert "1 of 1 coming" in cards[str(events["told"].id)]
    assert "0 of 0 coming" not in cards[str(events["fresh"].id)]
    assert "No guests yet" in cards[str(events["fresh"].id)]
