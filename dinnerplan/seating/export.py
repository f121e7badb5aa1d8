"""CSV export of a seating: table,name,email,company,intent (safe to open in a spreadsheet)."""

from __future__ import annotations

import csv
import io

from dinnerplan.models import Event, SeatingVersion
from dinnerplan.profile import intent_label
from dinnerplan.seating import versions as v
from dinnerplan.spreadsheets import safe_cell

COLUMNS = ("table", "name", "email", "company", "intent")


def export_rows(event: Event, version: SeatingVersion) -> list[tuple[str, ...]]:
    """Return one row per seated guest, by table then talk order."""
    tables = {t.id: (i, t.name) for i, t in enumerate(v.tables_of(event))}
    rows = sorted(version.assignments, key=lambda a: (tables[a.table_id][0], a.seat_order))
    guests = v.guests_by_id(a.guest_id for a in rows)
    return [
        tuple(
            safe_cell(x)
            for x in (
                tables[a.table_id][1],
                guests[a.guest_id].name,
                guests[a.guest_id].email,
                guests[a.guest_id].company,
                intent_label(guests[a.guest_id].intent),
            )
        )
        for a in rows
    ]


def export_csv(event: Event, version: SeatingVersion) -> str:
    """Return the seating as CSV text with a header row.

    It starts with a BOM so Excel reads UTF-8 ("Sofía", "Müller") instead of garbling it, as
    the guest export does.
    """
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(export_rows(event, version))
    return out.getvalue()
