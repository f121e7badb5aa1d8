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
from dinnerplan.intros.build import Intro, build_intros, published_version, seated_ids
from dinnerplan.intros.changes import (  # noqa: F401  (the public entry points)
    changes_since_told,
    recorded_changes,
    render_update,
    start_sending_changes,
)
from dinnerplan.intros.records import event_messages, intro_key, told_earlier, version_of
from dinnerplan.mail.operations import discard_queued, queue_message, send_one
from dinnerplan.mail.operations import now as mail_now
from dinnerplan.models import Event, Message, MessageStatus, SeatingVersion

SEND_JOB = "dinnerplan.intros.operations:send_intros"
# A batch with rows still to send and no message claimed for this long was left behind by
# a stopped worker: the page says so; the worker's sweep (or "Send" again) resumes it.
STALLED_AFTER = timedelta(seconds=60)


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
    recent: int = 0  # pending rows of a batch a job touched in the last minute: it is on it

    @property
    def to_send(self) -> int:
        """Introductions not yet delivered."""
        return self.total - self.sent

    @property
    def in_progress(self) -> bool:
        """True while a job is sending (rows left behind by a stopped worker don't count)."""
        return self.recent > 0

    @property
    def stalled(self) -> bool:
        """True when rows wait to be sent but no job has touched the batch for a while."""
        return self.pending > 0 and not self.in_progress


def intro_status(event: Event, version: SeatingVersion) -> Status:
    """Return the counts shown on the preview page and by the CLI."""
    # A walk-in added without an email is seated and named to their table, but gets none.
    guest_ids = seated_ids(version, reachable=True)
    earlier = told_earlier(event, version) & guest_ids
    # Only guests still coming count: an introduction sent to someone who declined since
    # is neither "to send" nor part of "Sent N of M" (else "-1 to send", "Sent 53 of 52").
    wanted = guest_ids - earlier
    mine = [
        m
        for m in event_messages(event, ("intro",))
        if version_of(m) == version.id and m.guest_id in wanted
    ]
    count = {
        s: sum(m.status == s for m in mine) for s in (MessageStatus.SENT, MessageStatus.FAILED)
    }
    pending = [m for m in mine if m.status in (MessageStatus.QUEUED, MessageStatus.SENDING)]
    touched = max((m.claimed_at or m.created_at for m in mine), default=None)
    active = touched is not None and touched > mail_now() - STALLED_AFTER
    recent = len(pending) if active else 0
    total = len(wanted)
    return Status(
        total,
        count[MessageStatus.SENT],
        count[MessageStatus.FAILED],
        len(pending),
        len(earlier),
        recent,
    )


def intros_to_send(event: Event, version: SeatingVersion) -> int:
    """How many introductions sending would record now (guests not yet told or queued)."""
    status = intro_status(event, version)
    return max(0, status.total - status.sent - status.failed - status.pending)


def queue_test_intro(intro: Intro, recipient: str, nonce: str) -> Message:
    """Record a copy of one guest's introduction to the organizer, marked as a test.

    Its kind is not "intro", so it never counts as the guest's introduction being sent.
    """
    event = intro.event
    return queue_message(
        "intro_test",
        recipient,
        f"[Test] {intro_subject(intro)} (to {intro.guest.name})",
        f"intro-test:{intro.guest.id}:{nonce}",
        {"intro": intro, "guest": intro.guest, "event": event},
        template="intro",
        organizer_id=event.organizer_id,
        event_id=event.id,
    )


def queue_intros(version: SeatingVersion) -> list[int]:
    """Record the introduction of every guest not yet told; return the message ids."""
    event = db.session.get(Event, version.event_id)
    skip = told_earlier(event, version)
    ids = []
    for intro in build_intros(version):
        if intro.guest.id in skip or not intro.guest.email:
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
            db.select(Message.id).where(Message.id.in_(ids), Message.status == MessageStatus.SENT)
        ).scalars()
    )
    return sum(
        send_one(message_id) == MessageStatus.SENT for message_id in ids if message_id not in done
    )
