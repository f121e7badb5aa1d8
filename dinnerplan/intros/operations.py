"""Send introductions, each exactly once; "your table changed" lives in changes.py.

Every email is recorded first (mail.operations.queue_message, with a dedupe key per
version and guest), then sent by send_one, which claims a row atomically. So a second
click, a retried job or a worker restarted after being killed mid-batch finds the rows
already recorded and sends only those not yet claimed.

After a later publication the organizer previews and sends one short update to each guest
whose table changed (changes.py): start_sending_changes(version).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import render_template

from dinnerplan import jobs
from dinnerplan.extensions import db
from dinnerplan.intros.build import Intro, build_intros, published_version, seated
from dinnerplan.intros.changes import (  # noqa: F401  (the public entry points)
    changes_since_told,
    recorded_changes,
    render_update,
    start_sending_changes,
)
from dinnerplan.intros.records import event_messages, intro_key, told_earlier, version_of
from dinnerplan.mail.operations import discard_queued, queue_message, send_one
from dinnerplan.models import Event, Message, SeatingVersion
from dinnerplan.models._base import utcnow

SEND_JOB = "dinnerplan.intros.operations:send_intros"
# A batch still unsent after this long was left behind by a stopped worker: the page
# stops refreshing, and "Send" again picks the queued rows up.
STALLED_AFTER = timedelta(minutes=15)


def intro_subject(intro: Intro) -> str:
    """Return the subject line of an introduction."""
    return f"Your table at {intro.event.title}: {intro.table}"


def render_intro(intro: Intro) -> tuple[str, str, str]:
    """Return (subject, text, html) of an introduction, as the guest will get it."""
    context = {"intro": intro, "guest": intro.guest, "event": intro.event}
    return (
        intro_subject(intro),
        render_template("email/intro.txt", **context),
        render_template("email/intro.html", **context),
    )


@dataclass(frozen=True)
class Status:
    """How sending a version's introductions stands."""

    total: int  # guests this version introduces
    sent: int
    failed: int
    pending: int  # recorded, not sent yet (queued or being sent)
    earlier: int  # seated guests told by an earlier version: not introduced again
    recent: int = 0  # pending rows recorded in the last few minutes: a job is on it

    @property
    def to_send(self) -> int:
        """Introductions not yet delivered."""
        return self.total - self.sent

    @property
    def in_progress(self) -> bool:
        """True while a job is sending (rows left behind by a stopped worker don't count)."""
        return self.recent > 0


def intro_status(event: Event, version: SeatingVersion) -> Status:
    """Return the counts shown on the preview page and by the CLI."""
    guest_ids = {g.id for _, g, _ in seated(version)}
    earlier = told_earlier(event, version) & guest_ids
    mine = [m for m in event_messages(event, ("intro",)) if version_of(m) == version.id]
    count = {s: sum(m.status == s for m in mine) for s in ("sent", "failed")}
    pending = [m for m in mine if m.status in ("queued", "sending")]
    recent = sum(m.created_at > utcnow() - STALLED_AFTER for m in pending)
    total = len(guest_ids - earlier)
    return Status(total, count["sent"], count["failed"], len(pending), len(earlier), recent)


def queue_intros(version: SeatingVersion) -> list[int]:
    """Record the introduction of every guest not yet told; return the message ids."""
    event = db.session.get(Event, version.event_id)
    skip = told_earlier(event, version)
    ids = []
    for intro in build_intros(version):
        if intro.guest.id in skip:
            continue
        message = queue_message(
            "intro",
            intro.guest.email,
            intro_subject(intro),
            intro_key(version, intro.guest.id),
            {"intro": intro, "guest": intro.guest, "event": event},
            organizer_id=event.organizer_id,
            event_id=event.id,
            guest_id=intro.guest.id,
        )
        ids.append(message.id)
    db.session.flush()
    return ids


def start_sending(version: SeatingVersion) -> None:
    """Hand sending this version's introductions to a background job."""
    jobs.enqueue(SEND_JOB, version.id)


def send_intros(version_id: int) -> int:
    """Job: record and send a published version's introductions; return how many went out.

    Safe to run again at any time: recorded rows are found by their dedupe key and
    send_one only sends rows nobody has claimed, so each guest gets one introduction.
    """
    version = db.session.get(SeatingVersion, version_id)
    event = db.session.get(Event, version.event_id) if version else None
    if event is None or getattr(published_version(event), "id", None) != version_id:
        return 0  # not published, or superseded while queued
    ids = queue_intros(version)
    db.session.commit()
    discard_queued()  # this job sends them itself, below
    done = set(
        db.session.execute(
            db.select(Message.id).where(Message.id.in_(ids), Message.status == "sent")
        ).scalars()
    )
    return sum(send_one(message_id) == "sent" for message_id in ids if message_id not in done)
