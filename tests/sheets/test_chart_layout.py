"""The seating chart uses its pages well: no table alone on a page, names big for the wall.

Visual review: with five tables of nine, Table 5 printed alone on page 2 and a third of
page 1 stayed blank (two tables a row, whatever the number of tables).
"""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from dinnerplan.extensions import db
from dinnerplan.models import Event
from tests.factories import sign_in_as
from tests.sheets.conftest import demo_tables, seat

WALL_NAME_PT = 14  # smallest guest-name type the chart may use: read from a step away


def _chart(client, app, make, n_tables: int, per_table: int, paper: str = "a4"):
    organizer = make.organizer()
    event = make.event(organizer, title="Wall Supper")
    with app.app_context():
        db.session.get(Event, event.id).paper = paper
        db.session.commit()
    seated = seat(app, event, demo_tables(n_tables, per_table))
    sign_in_as(client, organizer)
    response = client.get(f"/events/{event.id}/sheets/seating-chart.pdf")
    assert response.status_code == 200
    return seated, PdfReader(BytesIO(response.data))


def _name_sizes(page, names: set[str]) -> list[float]:
    """Rendered type size (points) of every guest name on the page."""
    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip() in names:
            sizes.append(size * abs(tm[3]) * abs(cm[3]))

    page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize(
    ("n_tables", "per_table", "paper"),
    [(5, 9, "a4"), (5, 9, "letter"), (7, 8, "a4"), (3, 10, "a4"), (8, 10, "a4"), (11, 7, "letter")],
)
def test_no_table_alone_on_a_page_and_pages_filled_evenly(
    client, app, make, n_tables, per_table, paper
):
    seated, reader = _chart(client, app, make, n_tables, per_table, paper)
    per_page = [len(re.findall(r"^Table \d+$", page.extract_text(), re.M)) for page in reader.pages]
    assert sum(per_page) == n_tables, per_page
    if len(per_page) > 1:
        assert min(per_page) >= 2, per_page  # never a lone table on its own page
        assert max(per_page) - min(per_page) <= 3, per_page  # spread evenly
    names = set(seated.guests)
    for page in reader.pages:
        sizes = _name_sizes(page, names)
        assert sizes
        assert min(sizes) >= WALL_NAME_PT - 0.01, sizes


def test_five_tables_of_nine_fit_one_page(client, app, make):
    seated, reader = _chart(client, app, make, 5, 9)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())  # a long name may wrap
    missing = [n for n in seated.guests if "<" not in n and n not in text]
    assert not missing, (missing, text)
