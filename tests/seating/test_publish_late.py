"""After publishing: the guest's table view, late changes with fewest moves, and check-in."""

from __future__ import annotations

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, SeatingVersion
from dinnerplan.seating.operations import published_version
from tests.seating.conftest import add_guests, add_tables


def published(app, event):
    with app.app_context():
        v = published_version(db.session.get(Event, event.id))
        return v.number, {a.guest_id: a.table_id for a in v.assignments}


def seat_and_publish(app, client, event, n=20):
    add_tables(app, event, [(6, 10), (6, 10), (6, 10)])
    ids = add_guests(app, event, n, seed=21)
    client.post(f"/events/{event.id}/seating/run")
    client.post(f"/events/{event.id}/seating/publish", data={"version": 1})
    return ids


def test_late_changes_move_as_few_guests_as_possible(app, signed_in, event):
    ids = seat_and_publish(app, signed_in, event)
    _, before = published(app, event)
    decliner = ids[3]
    with app.app_context():
        db.session.get(Guest, decliner).rsvp = "no"
        db.session.commit()
    late_ids = add_guests(app, event, 1, seed=99)
    page = signed_in.get(f"/events/{event.id}/seating/late").get_data(as_text=True)
    with app.app_context():
        declined_name = db.session.get(Guest, decliner).name
        late_name = db.session.get(Guest, late_ids[0]).name
    assert f"No longer coming: {declined_name}" in page
    assert f"Confirmed but not seated: {late_name}" in page

    page = signed_in.post(f"/events/{event.id}/seating/late", follow_redirects=True)
    text = page.get_data(as_text=True)
    assert "Who would move:" in text
    assert late_name in text
    assert "not seated" in text
    with app.app_context():
        proposal = db.session.execute(
            db.select(SeatingVersion).where(SeatingVersion.kind == "late")
        ).scalar_one()
        number = proposal.number
        assert proposal.published_at is None
    signed_in.post(f"/events/{event.id}/seating/late/confirm", data={"version": number})

    now_number, after = published(app, event)
    assert now_number == number
    assert decliner not in after
    assert late_ids[0] in after
    stayed = [g for g in before if g != decliner]
    assert all(after[g] == before[g] for g in stayed), "nobody needed to move"


def test_check_in_marks_arrivals_and_no_shows(app, signed_in, event):
    ids = seat_and_publish(app, signed_in, event, n=18)
    url = f"/events/{event.id}/seating/checkin"
    page = signed_in.get(url).get_data(as_text=True)
    with app.app_context():
        first, second = (db.session.get(Guest, g).name for g in ids[:2])
    assert first in page
    assert "Table" in page
    signed_in.post(url, data={"guest_id": ids[0], "action": "arrived"})
    page = signed_in.post(
        url, data={"guest_id": ids[1], "action": "no_show"}, follow_redirects=True
    )
    text = page.get_data(as_text=True)
    assert "Arrived" in text
    assert "Not coming" in text
    with app.app_context():
        assert db.session.get(Guest, ids[0]).checked_in_at is not None
        assert db.session.get(Guest, ids[1]).rsvp == "no"
    late = signed_in.get(f"/events/{event.id}/seating/late").get_data(as_text=True)
    assert f"No longer coming: {second}" in late
