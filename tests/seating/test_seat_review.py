"""Seat through the page (eager job) and review: every guest once, bounds, colleagues, reasons."""

from __future__ import annotations

import re
from itertools import combinations

from dinnerplan.extensions import db
from dinnerplan.matching import normalise_company
from dinnerplan.models import Assignment, Guest, GuestLink, SeatingVersion
from tests.seating.conftest import add_guests, add_tables


def seat(client, event):
    return client.post(f"/events/{event.id}/seating/run", follow_redirects=True)


def seating_rows(app, event):
    """{guest name: table id} of the newest version, and the version."""
    with app.app_context():
        version = db.session.execute(
            db.select(SeatingVersion)
            .where(SeatingVersion.event_id == event.id)
            .order_by(SeatingVersion.number.desc())
            .limit(1)
        ).scalar_one()
        rows = db.session.execute(
            db.select(Guest.name, Assignment.table_id)
            .join(Assignment, Assignment.guest_id == Guest.id)
            .where(Assignment.version_id == version.id)
        ).all()
        return {r.name: r.table_id for r in rows}, version.status


def test_seating_shows_every_confirmed_guest_once_within_bounds_with_reasons(app, signed_in, event):
    add_guests(app, event, 22, seed=3)
    add_guests(app, event, 3, seed=4, rsvp="no")
    with app.app_context():
        yes = [
            g.name
            for g in db.session.execute(db.select(Guest).where(Guest.rsvp == "yes")).scalars()
        ]
        no = [
            g.name for g in db.session.execute(db.select(Guest).where(Guest.rsvp == "no")).scalars()
        ]

    page = seat(signed_in, event).get_data(as_text=True)

    for name in yes:
        assert page.count(f"<strong>{name}</strong>") == 1, name
    for name in no:
        assert name not in page
    sizes = [int(n) for n in re.findall(r"\((\d+) of 6–10\)", page)]
    assert sum(sizes) == len(yes)
    assert all(6 <= n <= 10 for n in sizes)
    assert len(sizes) >= 2
    assert "Best match:" in page
    assert "needs help with" in page
    assert re.search(
        r"\d+ of 22 guests sit with someone who offers what they need \(\d+ possible\)", page
    )
    assert re.search(r"Optimal|Best found in \d+ s", page)
    assert "Total score" in page


def test_colleagues_sit_apart(app, signed_in, event):
    ids = add_guests(app, event, 24, seed=5)
    seat(signed_in, event)
    where, status = seating_rows(app, event)
    assert status in ("optimal", "feasible")
    with app.app_context():
        guests = db.session.execute(db.select(Guest).where(Guest.id.in_(ids))).scalars().all()
        wished = {
            frozenset((link.guest_id, link.other_id))
            for link in db.session.execute(
                db.select(GuestLink).where(GuestLink.kind == "prefer")
            ).scalars()
        }
        colleagues = [
            (a.name, b.name)
            for a, b in combinations(guests, 2)
            if normalise_company(a.company)  # "" (no company, "freelance") makes no colleagues
            and normalise_company(a.company) == normalise_company(b.company)
            and frozenset((a.id, b.id)) not in wished
        ]
    assert colleagues, "the sample should include colleagues"
    for a, b in colleagues:
        assert where[a] != where[b], f"colleagues {a} and {b} share a table"


def test_too_few_guests_for_the_tables_says_what_to_change(app, signed_in, event):
    add_tables(app, event, [(6, 10)])
    add_guests(app, event, 5, seed=6)
    page = seat(signed_in, event).get_data(as_text=True)
    assert "no seating is possible" in page
    assert "5 guests cannot fill a table of at least 6" in page
    assert "lower the minimum table size" in page


def test_too_few_guests_for_automatic_tables(app, signed_in, event):
    add_guests(app, event, 5, seed=6)
    page = seat(signed_in, event).get_data(as_text=True)
    assert "5 guests can&#39;t be seated at tables of 6–10" in page
    assert "you need at least 6 guests, or lower the minimum table size." in page


def test_failed_run_keeps_previous_seating_and_says_why(app, signed_in, event):
    add_guests(app, event, 14, seed=7)
    seat(signed_in, event)
    before, _ = seating_rows(app, event)
    with app.app_context():
        db.session.execute(db.update(Guest).values(rsvp="no"))
        db.session.commit()

    page = seat(signed_in, event).get_data(as_text=True)

    assert "Version 2: seating failed." in page
    assert "Seating failed: there are no confirmed guests to seat yet" in page
    assert "The seating below (version 1) is unchanged." in page
    with app.app_context():
        v1 = db.session.execute(
            db.select(SeatingVersion).where(SeatingVersion.number == 1)
        ).scalar_one()
        assert {a.guest_id for a in v1.assignments}
        assert v1.status in ("optimal", "feasible")
    after_names = {n for n in before if f"<strong>{n}</strong>" in page}
    assert after_names == set(before)


def test_impossible_table_injected_directly_is_reported(app, signed_in, event):
    add_tables(app, event, [(6, 10), (9, 4)])
    add_guests(app, event, 12, seed=8)
    page = seat(signed_in, event).get_data(as_text=True)
    assert "no seating is possible" in page
    assert "impossible size range 9-4" in page


def test_event_panel_shows_latest_status(app, signed_in, event):
    add_guests(app, event, 12, seed=9)
    seat(signed_in, event)
    html = signed_in.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Latest: version 1" in html
    assert "Seat guests" in html
    assert "Review seating" in html
