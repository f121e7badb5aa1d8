"""One current version: the printed sheets and the CSV export follow the organizer's edits."""

from __future__ import annotations

import io

from pypdf import PdfReader

from dinnerplan.extensions import db
from dinnerplan.models import Guest, SeatingVersion, Table
from tests.seating.conftest import add_guests


def newest(app, event):
    """The newest version's number and {guest id: table id}."""
    with app.app_context():
        version = db.session.execute(
            db.select(SeatingVersion)
            .where(SeatingVersion.event_id == event.id)
            .order_by(SeatingVersion.number.desc())
            .limit(1)
        ).scalar_one()
        return version.number, {a.guest_id: a.table_id for a in version.assignments}


def door_list_line(client, event, surname: str) -> str:
    """The door list PDF's line for a surname."""
    pdf = PdfReader(io.BytesIO(client.get(f"/events/{event.id}/sheets/door-list.pdf").data))
    lines = [line for page in pdf.pages for line in page.extract_text().splitlines()]
    return next(line for line in lines if line.startswith(surname))


def test_sheets_and_export_print_the_hand_edited_version(app, signed_in, event):
    add_guests(app, event, 16, seed=21)
    signed_in.post(f"/events/{event.id}/seating/run")
    number, seating = newest(app, event)
    guest_id = min(seating)
    before, after = (
        seating[guest_id],
        next(t for t in set(seating.values()) if t != seating[guest_id]),
    )
    with app.app_context():
        surname = db.session.get(Guest, guest_id).name.split()[-1]
        names = {t: db.session.get(Table, t).name for t in (before, after)}
    assert door_list_line(signed_in, event, surname).endswith(names[before])

    move = {"version": number, "guest_id": guest_id, "table_id": after}
    signed_in.post(f"/events/{event.id}/seating/move", data=move)
    edited, seating = newest(app, event)
    assert edited == number + 1
    assert seating[guest_id] == after

    index = signed_in.get(f"/events/{event.id}/sheets/").get_data(as_text=True)
    assert f"From seating version {edited} (the latest; not published yet)" in index
    assert door_list_line(signed_in, event, surname).endswith(names[after])
    csv = signed_in.get(f"/events/{event.id}/seating/export.csv").get_data(as_text=True)
    assert any(row.startswith(names[after]) and surname in row for row in csv.splitlines())
