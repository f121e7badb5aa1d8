"""CSV export (web and CLI) and `dinnerplan guests import` on the command line.

The CLI tests invoke the real `dinnerplan` group (`main`); the runner binds it to the test app.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from dinnerplan.commands import main
from tests.factories import guests_of, sign_in_as

DATA = Path(__file__).parent / "data"
HEADER = (
    "name,email,company,title,industry,one_liner,offers,needs,intent,dietary,"
    "accessibility,rsvp,notes,need_topics,offer_topics"
)


@pytest.fixture
def organizer(make):
    return make.organizer()


@pytest.fixture
def event(make, organizer):
    return make.event(organizer, title="Founders' Supper: Spring Édition")


def full_guest(make, event, **fields):
    values = dict(
        name="Ada Lovelace",
        email="ada@example.com",
        company="Engines",
        title="CTO",
        industry="Computing",
        one_liner="I build engines",
        offers=["Maths tutoring", "Intros to VCs"],
        needs=["Funding"],
        intent="investors",
        dietary=["vegan", "gluten_free"],
        dietary_other="no coriander",
        accessibility="Step-free access",
        rsvp="yes",
        notes="Met at the summit",
    )
    values.update(fields)
    return make.guest(event, **values)


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_export_has_the_columns_bom_and_a_filename_from_the_title(client, make, organizer, event):
    full_guest(make, event)
    response = sign_in_as(client, organizer).get(f"/events/{event.id}/guests/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="founders-supper-spring-edition-guests.csv"'
    )
    assert response.data.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")
    [row] = rows_of(response.get_data(as_text=True))
    assert row["offers"] == "Maths tutoring; Intros to VCs"
    assert row["intent"] == "Find investors"
    assert row["dietary"] == "Vegan; Gluten-free; no coriander"
    assert row["rsvp"] == "yes"
    assert row["notes"] == "Met at the summit"


@pytest.mark.parametrize("payload", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tx"])
def test_export_neutralises_spreadsheet_formulas(client, make, organizer, event, payload):
    full_guest(make, event, name=payload, company=payload, notes="plain")
    response = sign_in_as(client, organizer).get(f"/events/{event.id}/guests/export.csv")
    [row] = rows_of(response.get_data(as_text=True))
    assert row["name"] == "'" + payload
    assert row["company"] == "'" + payload
    assert row["notes"] == "plain"


def test_export_then_import_into_another_event_reproduces_the_guests(
    app, client, make, organizer, event, tmp_path
):
    full_guest(make, event)
    full_guest(make, event, name="=cmd|' /C calc'!A0", email="bo@example.com", offers=[])
    full_guest(make, event, name="Cy", email="cy@example.com", rsvp="waitlist", intent=None)
    exported = sign_in_as(client, organizer).get(f"/events/{event.id}/guests/export.csv").data
    target = make.event(organizer, title="Autumn Supper")
    client.post(
        f"/events/{target.id}/guests/import",
        data={"file": (io.BytesIO(exported), "export.csv")},
        content_type="multipart/form-data",
    )
    page = client.post(f"/events/{target.id}/guests/import/confirm", follow_redirects=True)
    assert "Imported: 3 added, 0 updated." in page.get_data(as_text=True)

    fields = ("name", "email", "company", "title", "industry", "one_liner", "offers", "needs")
    fields += ("intent", "dietary", "dietary_other", "accessibility", "rsvp", "notes")

    def snapshot(ev):
        return sorted(tuple(getattr(g, f) for f in fields) for g in guests_of(app, ev))

    assert snapshot(target) == snapshot(event)


# The CLI ---------------------------------------------------------------------------------


def test_cli_import_reports_rejected_rows_and_imports_nothing(app, runner, make, event, tmp_path):
    path = tmp_path / "guests.csv"
    rows = ["name,email"] + [f"Guest {i},g{i}@example.com" for i in range(5)] + ["Bob,bob@"]
    path.write_text("\n".join(rows) + "\n")
    result = runner.invoke(main, args=["guests", "import", str(event.id), str(path)])
    assert result.exit_code == 1, result.output
    assert "row 7: email 'bob@' is not a valid email address" in result.output
    assert guests_of(app, event) == []


def test_cli_import_skip_invalid_imports_the_rest(app, runner, event, tmp_path):
    path = tmp_path / "guests.csv"
    path.write_text("name,email\nAda,ada@example.com\n,nobody@example.com\nBo,bo@example.com\n")
    args = ["guests", "import", str(event.id), str(path), "--skip-invalid"]
    result = runner.invoke(main, args=args)
    assert result.exit_code == 0, result.output
    assert "row 3: name is missing" in result.output
    assert "created 2, updated 0, rejected 1" in result.output
    result = runner.invoke(main, args=args)
    assert "created 0, updated 2, rejected 1" in result.output
    assert sorted(g.name for g in guests_of(app, event)) == ["Ada", "Bo"]


def test_cli_import_ticketing_export(app, runner, event):
    result = runner.invoke(main, args=["guests", "import", str(event.id), str(DATA / "luma.csv")])
    assert result.exit_code == 0, result.output
    assert "created 4, updated 0, rejected 0" in result.output
    assert len(guests_of(app, event)) == 4


def test_cli_unknown_event_and_unreadable_file_exit_2(runner, event, tmp_path):
    path = tmp_path / "guests.csv"
    path.write_text("name,email\nAda,ada@example.com\n")
    result = runner.invoke(main, args=["guests", "import", "999999", str(path)])
    assert result.exit_code == 2
    assert "no event with id 999999" in result.output
    result = runner.invoke(main, args=["guests", "export", "999999"])
    assert result.exit_code == 2
    assert "no event with id 999999" in result.output
    path.write_text("")
    result = runner.invoke(main, args=["guests", "import", str(event.id), str(path)])
    assert result.exit_code == 2
    assert "The file is empty." in result.output


def test_cli_export_matches_the_web_export(client, runner, make, organizer, event, tmp_path):
    full_guest(make, event, name="@evil")
    web = sign_in_as(client, organizer).get(f"/events/{event.id}/guests/export.csv")
    result = runner.invoke(main, args=["guests", "export", str(event.id)])
    assert result.exit_code == 0
    assert result.stdout_bytes == web.data
    out = tmp_path / "out.csv"
    result = runner.invoke(main, args=["guests", "export", str(event.id), "--out", str(out)])
    assert result.exit_code == 0
    assert out.read_bytes() == web.data
    assert rows_of(out.read_text(encoding="utf-8"))[0]["name"] == "'@evil"
