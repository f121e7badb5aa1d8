"""Find and send the follow-up emails due now: one job for cron, RQ and `dinnerplan run`.

`send_due(now)` reads each recent dinner's facts, asks followups.due which emails are due,
and records them in the outbox (dedupe keys: each exactly once, whoever runs it and however
often); the outbox's worker sends them after the commit.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from dinnerplan.extensions import db
from dinnerplan.followups import emails
from dinnerplan.followups.due import (
    STAGES,
    Due,
    EventFacts,
    GuestFacts,
    PromiseFacts,
    due_followups,
)
from dinnerplan.followups.optin import waiting
from dinnerplan.intros.build import seated
from dinnerplan.mail.operations import send_queued
from dinnerplan.models import Event, FollowupAnswer, Guest, Message, Promise, PromiseState
from dinnerplan.models._base import utcnow
from dinnerplan.seating.versions import published_version

log = logging.getLogger(__name__)
LAST_DAY = max(end for _, end in STAGES.values()) + 1  # a day's margin for time zones


def recent_events(now: datetime) -> list[Event]:
    """Return the dinners whose follow-up stages may still be open at `now`."""
    query = db.select(Event).where(
        Event.starts_at <= now + timedelta(days=1),
        Event.starts_at >= now - timedelta(days=LAST_DAY),
    )
    return list(db.session.scalars(query.order_by(Event.id)))


def event_due(event: Event, now: datetime) -> tuple[list[Due], dict]:
    """Return the emails due for one dinner, and the rows needed to write them."""
    version = published_version(event)
    if version is None:
        return [], {}
    rows = seated(version)
    table_of = {g.id: t.id for _, g, t in rows}
    guests = {g.id: g for _, g, _ in rows}
    answers = db.session.execute(
        db.select(FollowupAnswer.guest_id, FollowupAnswer.kind).where(
            FollowupAnswer.event_id == event.id
        )
    ).all()
    promises = list(db.session.scalars(db.select(Promise).where(Promise.event_id == event.id)))
    checkin_used = any(g.checked_in_at for g in guests.values())
    facts = [
        GuestFacts(
            id=g.id,
            seated=True,
            attended=bool(g.checked_in_at) or not checkin_used,
            unsubscribed=(g.id, "unsubscribed") in answers,
            has_need=bool(g.needs),
            answered_helped=(g.id, "helped") in answers,
        )
        for g in guests.values()
    ]
    sent = set(
        db.session.scalars(
            db.select(Message.dedupe_key).where(
                Message.event_id == event.id, Message.kind.like("followup_%")
            )
        )
    )
    due = due_followups(
        EventFacts(event.id, event.starts_at.date(), event.timezone),
        facts,
        [PromiseFacts(p.id, p.giver_id, _actionable(p)) for p in promises],
        now,
        sent,
    )
    return due, {"guests": guests, "table_of": table_of, "promises": promises}


def _actionable(promise: Promise) -> bool:
    """Open, and the giver's move (not waiting for someone's yes to an outside intro)."""
    return promise.state == PromiseState.OPEN and not waiting(promise)


def write(due: Due, rows: dict) -> None:
    """Record one due email in the outbox."""
    guest: Guest = rows["guests"][due.guest_id]
    if not guest.email:
        return  # a walk-in added without an email gets no email
    mine = [p for p in rows["promises"] if due.guest_id in (p.giver_id, p.receiver_id)]
    if due.stage == "morning":
        table = rows["table_of"][guest.id]
        mates = [
            g for g in rows["guests"].values() if rows["table_of"][g.id] == table and g is not guest
        ]
        emails.queue_morning(guest, mates, mine, due.key)
    elif due.stage == "helped":
        emails.queue_helped(guest, due.key)
    else:
        open_given = [p for p in mine if p.giver_id == guest.id and _actionable(p)]
        emails.queue_reminder(guest, due.stage, open_given, due.key)


def send_due(now: datetime | None = None, dry_run: bool = False) -> list[Due]:
    """Record and send every follow-up email due at `now` (naive UTC); return them."""
    now = now or utcnow()
    everything: list[Due] = []
    for event in recent_events(now):
        due, rows = event_due(event, now)
        everything.extend(due)
        if dry_run or not due:
            continue
        for item in due:
            write(item, rows)
        db.session.commit()
        send_queued()
        log.info("event %s: %d follow-up email(s) queued", event.id, len(due))
    return everything
