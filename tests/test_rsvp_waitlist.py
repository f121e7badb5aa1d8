"""Capacity and the waitlist, through the guest's page: order kept, a decline promotes."""

from __future__ import annotations

import threading

from dinnerplan.extensions import db
from dinnerplan.models import Guest
from tests.factories import browser_form, invite, link_in, sign_in_as, text_of


def setup_event(client, make, inbox, capacity: int, count: int):
    organizer = make.organizer()
    event = make.event(organizer, capacity=capacity)
    guests = [
        make.guest(event, name=f"Guest{i} Test", email=f"g{i}@example.com") for i in range(count)
    ]
    sign_in_as(client, organizer)
    invite(client, event)
    with client.session_transaction() as s:
        s.clear()
    links = [link_in(inbox.to(g.email)[0]) for g in guests]
    return organizer, event, guests, links


def answer(client, link, value):
    response = client.post(link, data=browser_form(client.get(link), answer=value))
    assert response.status_code == 303
    return text_of(client.get(response.headers["Location"]))


def states(app) -> dict[str, str]:
    with app.app_context():
        return {g.email: g.rsvp for g in db.session.execute(db.select(Guest)).scalars()}


def test_full_dinner_waitlists_in_order_and_a_decline_promotes_the_first(client, make, inbox, app):
    organizer, event, guests, links = setup_event(client, make, inbox, capacity=2, count=4)
    first = answer(client, links[0], "yes")
    assert "You're coming" in first
    # The answer's status comes before the (not yet published) table placeholder.
    assert first.index("You're coming") < first.index("Your table appears here")
    assert "You're coming" in answer(client, links[1], "yes")
    third = answer(client, links[2], "yes")
    assert "The dinner is full; you're number 1 on the waitlist" in third
    fourth = answer(client, links[3], "yes")
    assert "The dinner is full; you're number 2 on the waitlist" in fourth
    (mail,) = [m for m in inbox.to("g3@example.com") if "waitlist" in m["Subject"]]
    assert "you're number 2 on the waitlist" in inbox.text_of(mail)
    # Accepting again keeps one's place; it does not jump or drop the queue.
    assert "number 2 on the waitlist" in answer(client, links[3], "yes")

    sign_in_as(client, organizer)
    panel = text_of(client.get(f"/events/{event.id}/rsvps"))
    assert "2 yes of 2 seats" in panel
    assert "2 waitlist" in panel
    assert panel.index("Guest2 Test") < panel.index("Guest3 Test")
    with client.session_transaction() as s:
        s.clear()

    assert "You've declined" in answer(client, links[0], "no")
    assert states(app) == {
        "g0@example.com": "no",
        "g1@example.com": "yes",
        "g2@example.com": "yes",
        "g3@example.com": "waitlist",
    }
    (opened,) = [m for m in inbox.to("g2@example.com") if "seat opened" in m["Subject"]]
    assert opened["Subject"] == f"A seat opened up: {event.title}"
    assert "it's yours" in inbox.text_of(opened)
    assert any(p.get_content_type() == "text/calendar" for p in opened.walk())
    assert link_in(opened) == links[2]
    assert "You're coming" in text_of(client.get(links[2]))
    assert "you're number 1 on the waitlist" in text_of(client.get(links[3]))


def test_a_waitlisted_guest_who_declines_leaves_the_queue(client, make, inbox, app):
    _, _, guests, links = setup_event(client, make, inbox, capacity=1, count=3)
    answer(client, links[0], "yes")
    answer(client, links[1], "yes")
    answer(client, links[2], "yes")
    answer(client, links[1], "no")
    assert "number 1 on the waitlist" in text_of(client.get(links[2]))
    answer(client, links[0], "maybe")  # 'maybe' frees the seat too
    assert states(app)["g2@example.com"] == "yes"


def test_concurrent_acceptances_never_overfill(client, make, inbox, app):
    capacity, count = 3, 10
    _, event, guests, links = setup_event(client, make, inbox, capacity=capacity, count=count)
    forms = [browser_form(client.get(link), answer="yes") for link in links]
    start = threading.Barrier(count)
    codes: list[int] = []

    def submit(link, form):
        own = app.test_client()
        start.wait()
        codes.append(own.post(link, data=form).status_code)

    threads = [
        threading.Thread(target=submit, args=pair) for pair in zip(links, forms, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert codes == [303] * count
    with app.app_context():
        rows = list(db.session.execute(db.select(Guest)).scalars())
        yes = [g for g in rows if g.rsvp == "yes"]
        waiting = sorted(
            (g for g in rows if g.rsvp == "waitlist"), key=lambda g: (g.waitlisted_at, g.id)
        )
        assert len(yes) == capacity
        assert len(waiting) == count - capacity
        # Each guest got exactly one confirmation, and the waitlist numbers they were told
        # are 1..n in the order they were queued.
        told = []
        for guest in waiting:
            (mail,) = [m for m in inbox.to(guest.email) if "waitlist" in m["Subject"]]
            told.append(int(inbox.text_of(mail).split("you're number ")[1].split()[0]))
        assert told == list(range(1, count - capacity + 1))
