"""Dinner series: guests who shared a table at an earlier dinner are not seated together again."""

from __future__ import annotations

import html
import io
import re
from itertools import combinations

from dinnerplan.commands import main
from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, GuestLink, SeatingVersion, SeriesSeat
from tests.seating.conftest import add_guests, add_tables


def tablemate_pairs(app, event_id: int) -> set[frozenset[str]]:
    """Email pairs sharing a table in the event's newest version."""
    with app.app_context():
        version = db.session.execute(
            db.select(SeatingVersion)
            .where(SeatingVersion.event_id == event_id)
            .order_by(SeatingVersion.number.desc())
            .limit(1)
        ).scalar_one()
        emails = {g.id: g.email for g in db.session.scalars(db.select(Guest))}
        tables: dict[int, list[str]] = {}
        for a in version.assignments:
            tables.setdefault(a.table_id, []).append(emails[a.guest_id])
        return {frozenset(p) for ms in tables.values() for p in combinations(ms, 2)}


def wished_pairs(app, event_id: int) -> set[frozenset[str]]:
    """Email pairs of guests who asked to sit together."""
    with app.app_context():
        rows = db.session.execute(
            db.select(GuestLink)
            .join(Guest, Guest.id == GuestLink.guest_id)
            .where(Guest.event_id == event_id, GuestLink.kind == "prefer")
        ).scalars()
        email = {g.id: g.email for g in db.session.scalars(db.select(Guest))}
        return {frozenset((email[r.guest_id], email[r.other_id])) for r in rows}


def create_event(runner, organizer, starts: str, series: str) -> int:
    args = ["event", "create", "--title", f"Supper {starts[:10]}", "--starts", starts]
    args += ["--organizer", organizer.email, "--series", series]
    result = runner.invoke(main, args=args)
    assert result.exit_code == 0, result.output
    return int(result.output.strip())


def test_two_dinners_of_a_series_with_150_guests_repeat_no_pair(app, runner, organizer):
    first = create_event(runner, organizer, "2030-03-05T19:00", "Spring suppers")
    second = create_event(runner, organizer, "2030-04-02T19:00", "Spring suppers")
    with app.app_context():
        events = [db.session.get(Event, e) for e in (first, second)]
        assert [e.series for e in events] == ["Spring suppers"] * 2
    for event in events:
        add_guests(app, event, 150, seed=31)  # the same people (same emails) come to both
    for event_id in (first, second):
        result = runner.invoke(main, args=["seat", str(event_id), "--time-limit", "4"])
        assert result.exit_code == 0, result.output
    before, after = tablemate_pairs(app, first), tablemate_pairs(app, second)
    assert len(before) > 500
    assert len(after) > 500
    # Only guests who asked to sit with each other ("sit with" wishes) share a table again.
    assert before & after <= wished_pairs(app, second), result.output[:600]
    kept = len(before - wished_pairs(app, second))
    assert f"Kept apart {kept} pairs of guests who sat together" in result.output


def test_an_imported_dinner_is_kept_apart_or_its_repeats_are_named(
    app, runner, organizer, signed_in, make, tmp_path
):
    event = make.event(organizer, series="Founders", table_min=6, table_max=6)
    add_tables(app, event, [(6, 6), (6, 6)])
    add_guests(app, event, 12, seed=32)
    with app.app_context():  # no wishes or colleagues: only the earlier dinner shapes this
        db.session.execute(db.delete(GuestLink))
        for g in db.session.scalars(db.select(Guest)):
            g.company = f"Company {g.id}"
        db.session.commit()
        emails = [g.email for g in db.session.scalars(db.select(Guest).order_by(Guest.id))]
    # Elsewhere, seven of them shared one long table: at tables of six two must sit together.
    csv_file = tmp_path / "march.csv"
    csv_file.write_text("table,email\n" + "".join(f"Long,{e.upper()}\n" for e in emails[:7]))
    args = ["series", "import", str(csv_file), "--organizer", organizer.email]
    result = runner.invoke(main, args=[*args, "--series", "Founders", "--dinner", "March"])
    assert result.exit_code == 0
    assert "Imported 7 seats of “March”" in result.output

    page = signed_in.post(f"/events/{event.id}/seating/run", follow_redirects=True)
    text = html.unescape(re.sub(r"<[^>]+>", "", page.get_data(as_text=True)))
    together = [p for p in tablemate_pairs(app, event.id) if p <= set(emails[:7])]
    assert len(together) == 9  # split 4 + 3 over the two tables: 6 + 3 pairs, the fewest
    assert "sit together again because no seating with these tables and rules" in text
    assert len(re.findall(r" sat together at March", text)) == len(together)


def test_a_bad_series_file_says_which_line(app, runner, organizer, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("table,email\nT1,ana@example.com\nT1,not-an-email\n")
    args = ["series", "import", str(bad), "--organizer", organizer.email, "--series", "S"]
    result = runner.invoke(main, args=args)
    assert result.exit_code == 1
    assert "Line 3: give a table and an email address." in result.output


def test_the_seating_page_imports_an_earlier_dinner_and_refuses_a_bad_file(
    app, organizer, signed_in, make
):
    event = make.event(organizer, series="Founders")
    page = signed_in.get(f"/events/{event.id}/seating/").get_data(as_text=True)
    assert "Dinner series “Founders”: import an earlier dinner held elsewhere" in page
    url = f"/events/{event.id}/seating/series-import"

    bad = io.BytesIO(b"name,email\nAna,ana@example.com\n")
    page = signed_in.post(
        url, data={"dinner": "March", "file": (bad, "march.csv")}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Nothing imported: The first line must name the columns: table,email." in page

    good = io.BytesIO(b"table,email\nT1,ana@example.com\nT1,BEN@example.com\n")
    page = signed_in.post(
        url, data={"dinner": "March", "file": (good, "march.csv")}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Imported 2 seats of “March”: they sit apart next time." in page
    with app.app_context():
        seats = db.session.scalars(db.select(SeriesSeat)).all()
        assert sorted(s.email for s in seats) == ["ana@example.com", "ben@example.com"]
        assert {(s.series, s.dinner, s.table) for s in seats} == {("Founders", "March", "T1")}
