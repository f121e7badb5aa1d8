"""Follow-up emails on an injected clock: the morning after, day 3, day 7, day 10, day 30."""

from __future__ import annotations

import re
from datetime import date, datetime

from dinnerplan.commands import main
from dinnerplan.followups.due import EventFacts, GuestFacts, PromiseFacts, due_followups
from tests.followups.conftest import update_guest
from tests.followups.test_promises import promise, promises

DINNER_DAY = date(2030, 5, 1)  # 19:00 in London (BST: UTC+1)


def send_due(runner, when: str, *extra: str) -> str:
    result = runner.invoke(main, ["followups", "send-due", "--now", when, *extra])
    assert result.exit_code == 0, result.output
    return result.output


def received(inbox) -> list[tuple[str, str]]:
    """(recipient's first name, subject start) of each message, in a stable order."""
    out = [
        (m["To"].split("@")[0].split(".")[1], m["Subject"].split(":")[0]) for m in inbox.messages
    ]
    return sorted(out)


def click(client, url: str):
    """Open an email's action link and press its one button, as a person would."""
    path = re.sub(r"^https?://[^/]+", "", url)
    assert client.get(path).status_code == 200
    return client.post(path)


def test_clock_walk_sends_each_stage_once_and_only_while_needed(runner, client, dined, app, inbox):
    promise(client, dined, "Ana", "Ben", "I'll introduce Ben to our seed lawyer")
    promise(client, dined, "Cleo", "Finn", "I'll send Finn our term sheet template", "send")

    assert "0 follow-up" in send_due(runner, "2030-05-02T07:59")  # 08:59 in London
    assert inbox.messages == []

    send_due(runner, "2030-05-02T08:00")  # 09:00 in London, the morning after
    assert len(inbox.messages) == 8
    assert {s for _, s in received(inbox)} == {"Who you met at Founders' Supper"}
    ana = inbox.text_of(inbox.to("private.ana@example.com")[0])
    assert "To Ben Brook: I'll introduce Ben to our seed lawyer" in ana
    assert "Cleo Chen" in ana
    assert "Dev Desai" not in ana
    ben = inbox.text_of(inbox.to("private.ben@example.com")[0])
    assert "Ana Alvarez: I'll introduce Ben to our seed lawyer" in ben
    send_due(runner, "2030-05-02T12:00")
    assert len(inbox.messages) == 8  # exactly once

    cleo = inbox.text_of(inbox.to("private.cleo@example.com")[0])
    done_link = re.search(r"I did it: (\S+)", cleo).group(1)
    click(client, done_link)
    assert [m["Subject"] for m in inbox.to("private.finn@example.com")][-1].startswith("Cleo")
    inbox.clear()

    send_due(runner, "2030-05-04T08:00")  # day 3
    assert received(inbox) == [("ana", "A gentle reminder")]  # Cleo's promise is closed
    inbox.clear()

    send_due(runner, "2030-05-08T08:00")  # day 7: did you meet someone who could help?
    assert len(inbox.messages) == 8
    assert received(inbox)[0][1] == "Did Founders' Supper help?"
    inbox.clear()

    send_due(runner, "2030-05-11T08:00")  # day 10
    assert received(inbox) == [("ana", "Last reminder")]
    inbox.clear()

    send_due(runner, "2030-05-31T08:00")  # day 30: never again
    send_due(runner, "2030-05-14T08:00")
    assert inbox.messages == []
    assert promises(app)[0].state == "open"


def test_unsubscribed_and_declined_guests_get_nothing_further(runner, client, dined, inbox):

    update_guest(dined, "Dev", rsvp="no")
    send_due(runner, "2030-05-02T08:00")
    assert not inbox.to("private.dev@example.com")
    assert len(inbox.messages) == 7
    ana = inbox.to("private.ana@example.com")[0]
    unsubscribe = re.search(r"<(\S+)>", ana["List-Unsubscribe"]).group(1)
    assert ana["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # A mail client's one-click POST, without a form or cookie (RFC 8058).
    response = client.post(re.sub(r"^https?://[^/]+", "", unsubscribe))
    assert response.status_code == 200
    assert b"Recorded" in response.data
    inbox.clear()
    send_due(runner, "2030-05-08T08:00")
    assert not inbox.to("private.ana@example.com")
    assert len(inbox.messages) == 6


def test_no_shows_get_nothing_when_check_in_was_used(runner, dined, inbox):

    for first in ("Ana", "Ben", "Cleo"):
        update_guest(dined, first, checked_in_at=datetime(2030, 5, 1, 18, 0))
    send_due(runner, "2030-05-02T08:00")
    assert sorted(m["To"] for m in inbox.messages) == [
        "private.ana@example.com",
        "private.ben@example.com",
        "private.cleo@example.com",
    ]


def test_dry_run_lists_and_sends_nothing(runner, dined, inbox):
    output = send_due(runner, "2030-05-02T08:00", "--dry-run")
    assert "8 follow-up email(s) due (dry run, nothing sent)." in output
    assert inbox.messages == []


def test_bad_clock_value_is_a_clear_error(runner, dined):
    result = runner.invoke(main, ["followups", "send-due", "--now", "tomorrow"])
    assert result.exit_code != 0
    assert "ISO 8601" in result.output


def test_due_is_pure_and_counts_in_the_events_time_zone():
    event = EventFacts(1, DINNER_DAY, "America/New_York")  # 09:00 EDT is 13:00 UTC
    guests = [GuestFacts(7, True, True, False, True, False)]
    assert due_followups(event, guests, [], datetime(2030, 5, 2, 12, 59)) == []
    (due,) = due_followups(event, guests, [], datetime(2030, 5, 2, 13, 0))
    assert (due.stage, due.key) == ("morning", "followup:morning:1:7")
    assert due_followups(event, guests, [], datetime(2030, 5, 2, 13, 0), {due.key}) == []
    day3 = datetime(2030, 5, 4, 13, 0)
    assert due_followups(event, guests, [PromiseFacts(1, 7, False)], day3) == []
    assert [d.stage for d in due_followups(event, guests, [PromiseFacts(1, 7, True)], day3)] == [
        "remind3"
    ]
