"""The guest's own table page, the event page's panel, and the CLI."""

from __future__ import annotations

from dinnerplan.commands import main
from dinnerplan.extensions import db
from dinnerplan.links import token_for
from dinnerplan.models import Guest
from tests.factories import sign_in_as
from tests.intros.conftest import FIRST_PLAN, intro_url


def _table_page(client, app, guest):
    with app.app_context():
        token = token_for(db.session.get(Guest, guest.id))
    return client.get(f"/r/{token}/table")


def test_guest_sees_their_table_tablemates_first_talk_and_order(client, app, dinner):
    dinner.seat(FIRST_PLAN, host={"Table A": "Cleo"})

    page = _table_page(client, app, dinner.guest("Ben")).get_data(as_text=True)

    assert "Your table: Table A" in page
    assert "Talk to Ana Alvarez first." in page
    assert "Ana could help you with “a new logo”" in page
    for first in ("Ana", "Cleo", "Finn"):
        g = dinner.guest(first)
        assert g.name in page
        assert g.company in page
        assert g.one_liner in page
    assert "Find investors" in page  # Finn's intent, up front
    assert not [g.name for g in dinner.others("Ana", "Ben", "Cleo", "Finn") if g.name in page]
    assert "0:00 Cleo Chen (host)" in page
    assert "0:03 Ana Alvarez" in page
    assert "0:06 Ben Brook (you)" in page
    assert "Talk order (3 min each)" in page


def test_guest_page_before_publishing_and_with_a_bad_or_revoked_link(client, app, dinner):
    dinner.seat(FIRST_PLAN, publish=False)
    page = _table_page(client, app, dinner.guest("Ben")).get_data(as_text=True)
    assert "Your table appears here once the organizer publishes the seating" in page

    assert client.get("/r/not-a-token/table").status_code == 404
    with app.app_context():
        token = token_for(db.session.get(Guest, dinner.guest("Ben").id))
        db.session.get(Guest, dinner.guest("Ben").id).token_nonce = "rotated"
        db.session.commit()
    assert client.get(f"/r/{token}/table").status_code == 404


def test_event_page_panel_links_to_the_preview(client, dinner):
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)
    html = client.get(f"/events/{dinner.event.id}").get_data(as_text=True)
    assert "8 to send; 0 already sent" in html
    assert intro_url(dinner) in html


def test_cli_dry_run_then_send_then_nothing_left(runner, dinner, inbox):
    dinner.seat(FIRST_PLAN)
    event_id = str(dinner.event.id)

    result = runner.invoke(main, ["intros", "send", event_id, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "8 introductions would be sent; 0 already sent." in result.output
    assert inbox.messages == []

    result = runner.invoke(main, ["intros", "send", event_id])
    assert "Sent 8 introductions; 0 already sent." in result.output
    assert len(inbox.messages) == 8

    result = runner.invoke(main, ["intros", "send", event_id])
    assert "Sent 0 introductions; 8 already sent." in result.output
    assert len(inbox.messages) == 8


def test_cli_refuses_without_a_published_seating(runner, dinner, inbox):
    result = runner.invoke(main, ["intros", "send", str(dinner.event.id)])
    assert result.exit_code != 0
    assert "No published seating" in result.output
    assert runner.invoke(main, ["intros", "send", "999999"]).exit_code != 0
