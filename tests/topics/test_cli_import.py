"""`dinnerplan topics EVENT_ID [--csv]`, and the need_topics / offer_topics import columns."""

from __future__ import annotations

import csv
import io

import pytest

from dinnerplan.commands import main
from dinnerplan.extensions import db
from dinnerplan.models import Event
from tests.factories import guests_of, text_of
from tests.test_guests_import import confirm, upload
from tests.topics.conftest import set_topic_settings

TOPIC_CSV = (
    "name,email,needs,need_topics,offer_topics\n"
    "Ana,ana@example.com,our books are a mess,Accounting  bookkeeping AND tax,mentoring\n"
    "Ben,ben@example.com,,fundraising; legal_company,\n"
    "Cy,cy@example.com,,astrology;fundraising,\n"
    "Dee,dee@example.com,,,<script>x</script>\n"
)


@pytest.fixture
def app_config(app_config, tmp_path):
    return {**app_config, "IMPORT_FOLDER": str(tmp_path / "imports")}


def test_cli_prints_needs_offers_topics_and_confidence(app, runner, make, event):
    make.guest(event, name="Ana Alvarez", email="ana@example.com", needs=["our books are a mess"])
    make.guest(event, name="Ben Brown", email="ben@example.com", offer_topics=["mentoring"])
    result = runner.invoke(main, ["topics", str(event.id)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    ana = lines.index("Ana Alvarez <ana@example.com> (invited)")
    assert lines[ana + 1] == "  needs: our books are a mess"
    assert lines[ana + 2].startswith(
        "    → Accounting, bookkeeping and tax [accounting_tax] (guess 0."
    )
    ben = lines.index("Ben Brown <ben@example.com> (invited)")
    assert "    → Mentoring and coaching [mentoring] (confirmed)" in lines[ben:]


def test_cli_csv_has_one_row_per_topic(app, runner, make, event):
    make.guest(event, name='Ana, "the" Alvarez', needs=["our books are a mess"])
    result = runner.invoke(main, ["topics", str(event.id), "--csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    need = [r for r in rows if r["side"] == "need"][0]
    assert need["name"] == 'Ana, "the" Alvarez'
    assert (need["topic_id"], need["status"]) == ("accounting_tax", "guess")
    assert 0 < float(need["confidence"]) <= 1
    offer = [r for r in rows if r["side"] == "offer"][0]
    assert offer["topic_id"] == ""
    assert offer["words"] == ""


def test_cli_unknown_event_exits_2(runner, app):
    result = runner.invoke(main, ["topics", "999"])
    assert result.exit_code == 2
    assert "no event with id 999" in result.output


def test_import_columns_are_stored_as_confirmed_and_bad_ones_rejected(app, runner, event, tmp_path):
    path = tmp_path / "guests.csv"
    path.write_text(TOPIC_CSV)
    result = runner.invoke(main, ["guests", "import", str(event.id), str(path)])
    assert result.exit_code == 1
    assert "row 4: need topic 'astrology' is not one we know" in result.output
    assert "row 5: offer topic '<script>x</script>' is not one we know" in result.output
    assert guests_of(app, event) == []  # nothing half-saved
    result = runner.invoke(main, ["guests", "import", str(event.id), str(path), "--skip-invalid"])
    assert "created 2, updated 0, rejected 2" in result.output
    guests = {g.name: g for g in guests_of(app, event)}
    assert guests["Ana"].need_topics == ["accounting_tax"]  # by name, case and "&" ignored
    assert guests["Ana"].offer_topics == ["mentoring"]
    assert guests["Ben"].need_topics == ["fundraising", "legal_company"]
    assert guests["Ana"].topics_confirmed_at is not None


def test_import_preview_shows_the_reason_and_export_writes_topics_back(
    app, org_client, make, organizer, event
):
    preview = upload(org_client, event, TOPIC_CSV.encode())
    text = text_of(preview)
    assert "need topic 'astrology' is not one we know" in text
    assert "need topics" in text  # the column was recognised
    confirm(org_client, event, skip_invalid=True)
    exported = org_client.get(f"/events/{event.id}/guests/export.csv").get_data(as_text=True)
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(exported.lstrip("\ufeff")))}
    assert rows["Ben"]["need_topics"] == "fundraising; legal_company"
    # The export imports back into another event unchanged.
    other = make.event(organizer)
    upload(org_client, other, exported.encode())
    confirm(org_client, other)
    again = {g.name: g for g in guests_of(app, other)}
    assert again["Ben"].need_topics == ["fundraising", "legal_company"]
    assert again["Ana"].offer_topics == ["mentoring"]


def test_import_knows_the_events_own_topics(app, runner, event, tmp_path):
    set_topic_settings(
        app,
        event,
        {
            "added": [
                {
                    "id": "custom-wine",
                    "name": "Wine export",
                    "description": "",
                    "met_by": [],
                    "examples": [],
                }
            ]
        },
    )
    path = tmp_path / "guests.csv"
    path.write_text("name,email,offer_topics\nVera,vera@example.com,Wine export\n")
    result = runner.invoke(main, ["guests", "import", str(event.id), str(path)])
    assert result.exit_code == 0, result.output
    assert guests_of(app, event)[0].offer_topics == ["custom-wine"]
    with app.app_context():
        assert db.session.get(Event, event.id).topic_settings["added"][0]["id"] == "custom-wine"
