"""The table plan in a seating run: even tables by default, the organizer's choice otherwise."""

from __future__ import annotations

import re
from collections import Counter

from dinnerplan.commands import main
from dinnerplan.extensions import db
from dinnerplan.models import Assignment, Event, SeatingVersion
from tests.seating.conftest import add_guests, add_tables


def table_sizes(app, event) -> list[int]:
    """Sizes of the tables in the newest version."""
    with app.app_context():
        version = db.session.execute(
            db.select(SeatingVersion)
            .where(SeatingVersion.event_id == event.id)
            .order_by(SeatingVersion.number.desc())
            .limit(1)
        ).scalar_one()
        rows = db.session.execute(
            db.select(Assignment.table_id).where(Assignment.version_id == version.id)
        ).scalars()
        return sorted(Counter(rows).values())


def test_150_guests_seated_from_the_cli_sit_at_tables_differing_by_one(app, runner, event):
    add_guests(app, event, 150, seed=11)
    result = runner.invoke(main, args=["seat", str(event.id), "--time-limit", "6"])
    assert result.exit_code == 0, result.output
    sizes = table_sizes(app, event)
    assert sum(sizes) == 150, sizes
    assert max(sizes) - min(sizes) <= 1, sizes
    assert set(sizes) <= {7, 8}  # 19 tables aiming for 8 (the middle of 6-10)
    lines = re.findall(
        r"^Table \d+ \(\d+ guests, score [\d.]+, (\d+) of (\d+) helped\):$", result.output, re.M
    )
    assert len(lines) == len(sizes)
    helped = sum(int(a) for a, _ in lines)
    helpable = sum(int(b) for _, b in lines)
    # A short run on a shared machine: the benchmarks (docs/seating.md) measure the full run.
    # "helped" counts sure helpers (a reason is shown); seating also aims to seat guests who
    # have only likely helpers (docs/matching.md, the trained classifier), so a few sure
    # ones are traded for them (48 of 55 in one run).
    assert helped >= 0.85 * helpable, result.output
    weakest = re.search(
        r"^Weakest table: Table \d+, mean pair score [\d.]+ \((\d+)% of the average table\)\.$",
        result.output,
        re.M,
    )
    assert weakest, result.output
    assert int(weakest.group(1)) >= 40, result.output  # no table of leftovers


def test_uneven_tables_only_when_the_rooms_require_it_and_the_page_says_why(app, signed_in, event):
    add_guests(app, event, 30, seed=12)
    add_tables(app, event, [(12, 12), (4, 6), (4, 6), (4, 6)])  # one long table, three small
    page = signed_in.post(f"/events/{event.id}/seating/run", follow_redirects=True)
    text = page.get_data(as_text=True)
    assert table_sizes(app, event) == [6, 6, 6, 12]
    assert "Table sizes: tables differ by more than one guest (6 to 12)" in text


def test_the_organizer_may_allow_uneven_tables(app, signed_in, event):
    add_guests(app, event, 30, seed=12)
    add_tables(app, event, [(6, 10)] * 4)
    with app.app_context():
        db.session.get(Event, event.id).uneven_tables = True
        db.session.commit()
    text = signed_in.post(f"/events/{event.id}/seating/run", follow_redirects=True).get_data(
        as_text=True
    )
    assert "Table sizes: uneven tables are allowed for this dinner." in text
    assert sum(table_sizes(app, event)) == 30
