"""CSV export (page and CLI), `dinnerplan seat`, CSRF on the forms, and 404 for other organizers."""

from __future__ import annotations

import csv
import io

import pytest

from dinnerplan.commands import main
from dinnerplan.extensions import db
from dinnerplan.models import Guest
from tests.factories import sign_in_as
from tests.seating.conftest import add_guests, add_tables


def test_export_csv_is_safe_and_complete(app, signed_in, event):
    ids = add_guests(app, event, 14, seed=31)
    with app.app_context():
        g = db.session.get(Guest, ids[0])
        g.name, g.company = '=HYPERLINK("http://evil")', "@SUM(A1)"
        db.session.commit()
    signed_in.post(f"/events/{event.id}/seating/run")
    resp = signed_in.get(f"/events/{event.id}/seating/export.csv")
    assert resp.status_code == 200
    assert resp.mimetype == "text/csv"
    assert "attachment" in resp.headers["Content-Disposition"]
    # Issue 13.12: a byte-order mark first, so Excel reads "Sofía" and "Müller" as UTF-8.
    assert resp.data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(resp.data.decode("utf-8-sig"))))
    assert rows[0] == ["table", "name", "email", "company", "intent"]
    assert len(rows) == 15
    evil = next(r for r in rows if "HYPERLINK" in r[1])
    assert evil[1].startswith("'=")
    assert evil[3] == "'@SUM(A1)"
    assert all(r[0].startswith("Table ") for r in rows[1:])


def test_cli_seat_and_export(app, runner, event):
    add_guests(app, event, 14, seed=32)
    result = runner.invoke(main, args=["seat", str(event.id), "--time-limit", "1"])
    assert result.exit_code == 0, result.output
    assert "Version 1: " in result.output
    assert "Total score" in result.output
    assert "Table 1 (" in result.output
    assert "Table 2 (" in result.output
    with app.app_context():
        names = [g.name for g in db.session.execute(db.select(Guest)).scalars()]
    assert all(f"  {n}" in result.output for n in names)

    exported = runner.invoke(main, args=["seating", "export", str(event.id)])
    assert exported.exit_code == 0
    assert exported.output.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(exported.output.removeprefix("\ufeff"))))
    assert rows[0] == ["table", "name", "email", "company", "intent"]
    assert len(rows) == 15


def test_cli_seat_infeasible_exits_1_with_reason(app, runner, event):
    add_tables(app, event, [(6, 10)])
    add_guests(app, event, 4, seed=33)
    result = runner.invoke(main, args=["seat", str(event.id), "--time-limit", "1"])
    assert result.exit_code == 1
    assert "No seating possible" in result.output
    assert "4 guests cannot fill a table of at least 6" in result.output


def test_other_organizer_gets_404_everywhere(app, client, make, event):
    add_guests(app, event, 12, seed=34)
    other = make.organizer()
    sign_in_as(client, other)
    rules = [r for r in app.url_map.iter_rules() if r.endpoint.startswith(("seating.", "night."))]
    assert len(rules) >= 16
    for rule in rules:
        path = rule.rule.replace("<int:event_id>", str(event.id))
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            resp = client.open(
                path, method=method, data={"version": 1, "guest_id": 1, "table_id": 1}
            )
            assert resp.status_code == 404, (method, path, resp.status_code)


def test_signed_out_is_sent_to_sign_in(client, event):
    resp = client.get(f"/events/{event.id}/seating/")
    assert resp.status_code == 302
    assert "/auth/signin" in resp.headers["Location"]


@pytest.fixture
def csrf_on(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def test_forms_carry_and_require_csrf(app, csrf_on, signed_in, event):
    add_guests(app, event, 12, seed=35)
    app.config["WTF_CSRF_ENABLED"] = False
    signed_in.post(f"/events/{event.id}/seating/run")
    app.config["WTF_CSRF_ENABLED"] = True
    page = signed_in.get(f"/events/{event.id}/seating/").get_data(as_text=True)
    assert 'name="csrf_token"' in page
    refused = signed_in.post(f"/events/{event.id}/seating/run")
    assert refused.status_code == 400
    refused = signed_in.post(f"/events/{event.id}/seating/publish", data={"version": 1})
    assert refused.status_code == 400
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    ok = signed_in.post(
        f"/events/{event.id}/seating/publish", data={"version": 1, "csrf_token": token}
    )
    assert ok.status_code == 302
    header = signed_in.post(
        f"/events/{event.id}/seating/lock",
        headers={"X-CSRFToken": token},
        data={"version": 1, "table_id": 1, "action": "lock"},
    )
    assert header.status_code == 302
