"""send_one sends a message only if it claims it.

A row another worker is already sending (status 'sending') is left alone, so a retried or
duplicated job never sends twice.
"""

from __future__ import annotations

import pytest

from dinnerplan.extensions import db
from dinnerplan.mail.operations import send_one
from dinnerplan.models import Message
from dinnerplan.models._base import utcnow


def record(app, organizer, status: str) -> int:
    with app.app_context():
        message = Message(
            dedupe_key=f"claim-test-{status}",
            recipient=f"{status}@example.com",
            kind="invitation",
            subject="You're invited",
            body_text="Come to dinner.",
            organizer_id=organizer.id,
            status=status,
            claimed_at=utcnow() if status == "sending" else None,
            attempts=1 if status == "sending" else 0,
        )
        db.session.add(message)
        db.session.commit()
        return message.id


def test_a_message_another_worker_is_sending_is_not_sent_again(app, make, inbox):
    message_id = record(app, make.organizer(), "sending")
    with app.app_context():
        assert send_one(message_id) == "sending"
        row = db.session.get(Message, message_id)
        assert (row.status, row.attempts, row.sent_at) == ("sending", 1, None)
    assert inbox.messages == []


@pytest.mark.parametrize("status", ["sent"])
def test_a_sent_message_is_not_sent_again(app, make, inbox, status):
    message_id = record(app, make.organizer(), status)
    with app.app_context():
        assert send_one(message_id) == status
    assert inbox.messages == []


@pytest.mark.parametrize("status", ["queued", "failed"])
def test_a_queued_or_failed_message_is_claimed_and_sent_once(app, make, inbox, status):
    message_id = record(app, make.organizer(), status)
    with app.app_context():
        assert send_one(message_id) == "sent"
        assert send_one(message_id) == "sent"  # a duplicated job
    assert len(inbox.to(f"{status}@example.com")) == 1
