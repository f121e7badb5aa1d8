"""On the night: check-in on a phone, walk-ins, fewest moves, one table reprinted.

The fewest moves are around arrived guests; one table's sheet and place cards are reprinted
on their own.
"""

from __future__ import annotations

import html
import io
import re

from pypdf import PdfReader

from dinnerplan.extensions import db
from dinnerplan.models import Guest, GuestLink, SeatingVersion
from tests.seating.conftest import add_guests, add_tables, seated


def text(response) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def url(event, what: str) -> str:
    return f"/events/{event.id}/seating/{what}"


def published_dinner(app, client, event, n: int = 16):
    """Seat n guests at two tables of 6-10 (no wishes, no colleagues) and publish."""
    add_tables(app, event, [(6, 10), (6, 10)])
    add_guests(app, event, n, seed=41)
    with app.app_context():
        db.session.execute(db.delete(GuestLink))
        for g in db.session.scalars(db.select(Guest)):
            g.company = f"Company {g.id}"
        db.session.commit()
    client.post(url(event, "run"))
    number, where, _ = seated(app, event)
    client.post(url(event, "publish"), data={"version": number})
    return number, where


def test_check_in_finds_guests_by_name_without_accents(app, signed_in, event):
    add_guests(app, event, 8, seed=42)
    with app.app_context():
        guest = db.session.scalars(db.select(Guest).order_by(Guest.id)).first()
        guest.name = "Zoë Ødegaard"
        db.session.commit()
        guest_id = guest.id
    page = text(signed_in.get(url(event, "checkin?q=zoe odeg")))
    assert "Zoë Ødegaard" in page
    assert page.count("Expected") == 1
    signed_in.post(url(event, "checkin"), data={"guest_id": guest_id, "action": "arrived"})
    assert "Arrived" in text(signed_in.get(url(event, "checkin?q=zoe")))


def test_a_walk_in_is_added_arrived_and_a_bad_email_is_refused(app, signed_in, event):
    add_guests(app, event, 8, seed=43)
    bad = signed_in.post(url(event, "checkin/walk-in"), data={"name": "Omar Haddad", "email": "x"})
    assert bad.status_code == 400
    assert "Enter an email address like ana@example.com." in text(bad)
    with app.app_context():
        assert db.session.scalar(db.select(Guest).where(Guest.name == "Omar Haddad")) is None
    page = text(
        signed_in.post(
            url(event, "checkin/walk-in"),
            data={"name": "Omar Haddad", "email": "Omar@Example.com", "company": "Haddad & Co"},
            follow_redirects=True,
        )
    )
    assert "Omar Haddad added and marked arrived." in page
    with app.app_context():
        omar = db.session.scalar(db.select(Guest).where(Guest.name == "Omar Haddad"))
        assert omar.rsvp == "yes"
        assert omar.checked_in_at
        assert omar.email == "omar@example.com"


def test_no_shows_are_fixed_without_moving_anyone_who_arrived(app, signed_in, event):
    number, where = published_dinner(app, signed_in, event, n=14)
    tables = sorted(set(where.values()))
    at = {t: sorted(g for g in where if where[g] == t) for t in tables}
    assert [len(at[t]) for t in tables] == [7, 7]
    no_shows, arrived = at[tables[1]][:2], at[tables[0]] + at[tables[1]][2:]
    for g in arrived:
        signed_in.post(url(event, "checkin"), data={"guest_id": g, "action": "arrived"})
    for g in no_shows:
        signed_in.post(url(event, "checkin"), data={"guest_id": g, "action": "no_show"})

    signed_in.post(url(event, "late"))
    proposal, after, _ = seated(app, event)
    assert proposal == number + 1
    # Everyone who sits already stays: the second table runs at 5 (below its minimum of 6)
    # rather than taking a guest from the first.
    assert after == {g: where[g] for g in arrived}


def test_a_walk_in_is_seated_by_the_fewest_moves_run(app, signed_in, event):
    number, where = published_dinner(app, signed_in, event)
    signed_in.post(
        url(event, "checkin/walk-in"), data={"name": "Walk In", "email": "walk@example.com"}
    )
    signed_in.post(url(event, "late"))
    proposal, after, _ = seated(app, event)
    with app.app_context():
        walk = db.session.scalar(db.select(Guest).where(Guest.email == "walk@example.com")).id
    assert proposal == number + 1
    assert walk in after
    assert all(after[g] == where[g] for g in where)  # a free seat: nobody else moves


def test_one_tables_sheet_and_place_cards_reprint_on_their_own(app, signed_in, event):
    number, where = published_dinner(app, signed_in, event)
    one, two = sorted(set(where.values()))
    with app.app_context():
        names = {g.id: g.name for g in db.session.scalars(db.select(Guest))}
    page = " ".join(text(signed_in.get(url(event, ""))).split())
    assert "Reprint Table 1: table sheet · place cards" in page
    for kind in ("table-sheets", "place-cards"):
        pdf = signed_in.get(f"/events/{event.id}/sheets/{kind}.pdf?table={one}")
        assert pdf.mimetype == "application/pdf"
        content = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
        content = " ".join(content.split())
        for g, t in where.items():
            surname = names[g].split()[-1]
            if t == one:
                assert surname in content, (kind, names[g])
        assert not any(names[g] in content for g, t in where.items() if t == two), kind
    assert (
        signed_in.get(f"/events/{event.id}/sheets/place-cards.pdf?table=999999").status_code == 404
    )
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(SeatingVersion.id))) == number


def test_walk_ins_without_an_email_are_seated_and_get_no_email(app, signed_in, event, inbox):
    number, where = published_dinner(app, signed_in, event)
    for name in ("Walk One", "Walk Two"):  # two without an email: no clash on the address
        page = text(
            signed_in.post(
                url(event, "checkin/walk-in"),
                data={"name": name, "email": ""},
                follow_redirects=True,
            )
        )
        assert f"{name} added and marked arrived." in page
    signed_in.post(url(event, "late"))
    proposal, after, _ = seated(app, event)
    signed_in.post(url(event, "late/confirm"), data={"version": proposal})
    with app.app_context():
        walks = [g.id for g in db.session.scalars(db.select(Guest).where(Guest.email.is_(None)))]
    assert len(walks) == 2
    assert all(w in after for w in walks)

    page = text(signed_in.post(f"/events/{event.id}/intros/send", follow_redirects=True))

    assert len(inbox.messages) == len(where)  # everyone but the two walk-ins
    assert "0 emails to send" in page
    guests = text(signed_in.get(f"/events/{event.id}/guests/"))
    assert "Walk One" in guests
    assert "None" not in guests
