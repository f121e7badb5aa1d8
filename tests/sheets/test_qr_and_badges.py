"""Issue 13.16: QR codes on place cards and name badges; a badge sheet.

The QR code opens the guest's table page
(names only; never their personal link, which can change their answer); an Avery-style badge
sheet, eight to a page, A–Z by surname.
"""

from __future__ import annotations

import math
import re

import segno

from dinnerplan.extensions import db
from dinnerplan.followups.links import table_url
from dinnerplan.links import personal_link
from dinnerplan.models import Assignment, Guest, Table
from tests.factories import sign_in_as
from tests.sheets.conftest import pdf_pages, seat

NAMES = ["Zoe Adams", "Anna Zimmer", "Bob van Dijk", "Cleo Brown", "Dan Evans"] * 2


def _seated(app, make):
    organizer = make.organizer()
    event = make.event(organizer, title="Harvest Dinner")
    people = [{"name": f"{n} {i}" if i >= 5 else n, "company": "Acme"} for i, n in enumerate(NAMES)]
    people[0]["title"] = "CEO & co-founder"
    return organizer, seat(app, event, [people[:5], people[5:]])


def _qr_path(url: str) -> str:
    return re.search(r' d="([^"]+)"', segno.make(url, error="m").svg_inline()).group(1)


def test_each_card_and_badge_carries_a_qr_of_that_guests_table_page(app, client, make):
    organizer, seated = _seated(app, make)
    sign_in_as(client, organizer)
    with app.app_context():
        zoe = db.session.execute(db.select(Guest).where(Guest.name == "Zoe Adams")).scalar_one()
        table = db.session.execute(
            db.select(Table)
            .join(Assignment, Assignment.table_id == Table.id)
            .where(Assignment.guest_id == zoe.id, Assignment.version_id == seated.version_id)
        ).scalar_one()
        expected, personal = _qr_path(table_url(table)), _qr_path(personal_link(zoe))

    for kind in ("place-cards", "badges"):
        page = client.get(f"/events/{seated.event_id}/sheets/{kind}").get_data(as_text=True)
        paths = re.findall(r'<svg[^>]*class="qr"[^>]*>.*?<path[^>]* d="([^"]+)"', page)
        assert len(paths) == 10, kind  # one per guest
        assert expected in paths, kind  # Zoe's code encodes exactly her table's page
        assert personal not in paths, kind  # never her personal (editable) link
        assert 'role="img" aria-label="QR code: the page of your table"' in page


def test_badges_eight_a_page_by_surname_with_role_and_table(app, client, make):
    organizer, seated = _seated(app, make)
    sign_in_as(client, organizer)
    pages = pdf_pages(client.get(f"/events/{seated.event_id}/sheets/badges.pdf").data)
    assert len(pages) == math.ceil(10 / 8)
    first = pages[0]
    assert first.index("Zoe Adams") < first.index("Cleo Brown") < first.index("Bob van Dijk")
    assert "CEO & co-founder, Acme" in first
    assert "Table 1" in first
