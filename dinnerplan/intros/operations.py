"""Send introductions and "your table changed" emails, each exactly once.

Every email is recorded first (mail.operations.queue_message, with a dedupe key per
version and guest), then sent by send_one, which claims a row atomically. So a second
click, a retried job or a worker restarted after being killed mid-batch finds the rows
already recorded and sends only those not yet claimed.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template

from dinnerplan import jobs
from dinnerplan.extensions import db
from dinnerplan.intros.build import (
    Intro,
    build_intros,
    published_version,
    published_versions,
    seated,
)
from dinnerplan.mail.operations import discard_queued, queue_message, send_one
from dinnerplan.models import Event, Message, SeatingVersion

SEND_JOB = "dinnerplan.intros.operations:send_intros"


def intro_key(version: SeatingVersion, guest_id: int) -> str:
    """Return the dedupe key of one guest's introduction in one version."""
    return f"intro:{version.id}:{guest_id}"


def changed_key(version: SeatingVersion, guest_id: int) -> str:
    """Return the dedupe key of one guest's "your table changed" email for a version."""
    return f"table-changed:{version.id}:{guest_id}"


def intro_subject(intro: Intro) -> str:
    """Return the subject line of an introduction."""
    return f"Your table at {intro.event.title}: {intro.table}"


def changed_subject(intro: Intro) -> str:
    """Return the subject line of a "your table changed" email."""
    return f"Your table changed: {intro.table} at {intro.event.title}"


def render_intro(intro: Intro) -> tuple[str, str, str]:
    """Return (subject, text, html) of an introduction, as the guest will get it."""
    context = {"intro": intro, "guest": intro.guest, "event": intro.event}
    return (
        intro_subject(intro),
        render_template("email/intro.txt", **context),
        render_template("email/intro.html", **context),
    )


def _event_messages(event: Event, kind: str) -> list[Message]:
    """Return the event's recorded messages of one kind."""
    return list(
        db.session.execute(
            db.select(Message).where(Message.event_id == event.id, Message.kind == kind)
        ).scalars()
    )


def _introduced_earlier(event: Event, version: SeatingVersion) -> set[int]:
    """Return guests already told their table by an earlier introduction or a change email.

    They hear about later versions through "your table changed", never a second intro.
    """
    mine = f"intro:{version.id}:"
    told = [m for m in _event_messages(event, "intro") if not m.dedupe_key.startswith(mine)]
    told += _event_messages(event, "table_changed")
    return {m.guest_id for m in told if m.status in ("sent", "sending")}


@dataclass(frozen=True)
class Status:
    """How sending a version's introductions stands."""

    total: int  # guests this version introduces
    sent: int
    failed: int
    pending: int  # recorded, not sent yet (queued or being sent)
    earlier: int  # seated guests introduced by an earlier version: not sent again

    @property
    def to_send(self) -> int:
        """Introductions not yet recorded or not yet delivered."""
        return self.total - self.sent

    @property
    def in_progress(self) -> bool:
        """True while recorded introductions still wait to be sent."""
        return self.pending > 0


def intro_status(event: Event, version: SeatingVersion) -> Status:
    """Return the counts shown on the preview page and by the CLI."""
    guest_ids = {g.id for _, g, _ in seated(version)}
    earlier = _introduced_earlier(event, version) & guest_ids
    mine = [
        m
        for m in _event_messages(event, "intro")
        if m.dedupe_key.startswith(f"intro:{version.id}:")
    ]
    count = {s: sum(m.status == s for m in mine) for s in ("sent", "failed")}
    pending = sum(m.status in ("queued", "sending") for m in mine)
    return Status(len(guest_ids - earlier), count["sent"], count["failed"], pending, len(earlier))


def queue_intros(version: SeatingVersion) -> list[int]:
    """Record the introduction of every guest not yet introduced; return the message ids."""
    event = db.session.get(Event, version.event_id)
    skip = _introduced_earlier(event, version)
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
    if version is None or version.published_at is None:
        return 0
    event = db.session.get(Event, version.event_id)
    if published_version(event).id != version.id:  # superseded while queued
        return 0
    ids = queue_intros(version)
    db.session.commit()
    discard_queued()  # this job sends them itself, below
    done = set(
        db.session.execute(
            db.select(Message.id).where(Message.id.in_(ids), Message.status == "sent")
        ).scalars()
    )
    return sum(send_one(message_id) == "sent" for message_id in ids if message_id not in done)


def table_changes(old: SeatingVersion, new: SeatingVersion) -> dict[int, bool]:
    """Return {guest_id: newly_seated} for guests whose table differs between versions."""
    before = {a.guest_id: a.table_id for a, _, _ in seated(old)}
    return {
        a.guest_id: a.guest_id not in before
        for a, _, _ in seated(new)
        if before.get(a.guest_id) != a.table_id
    }


def send_table_changes(
    event: Event, old_version: SeatingVersion, new_version: SeatingVersion
) -> list[int]:
    """Record "your table changed" for guests whose table changed or who are newly seated.

    Returns their guest ids. Nothing is recorded before the event's introductions have
    gone out (the introductions will carry the new tables). Like every operation this
    only flushes: the caller commits, then calls mail.operations.send_queued().
    """
    if not intros_sent(event):
        return []
    changes = table_changes(old_version, new_version)
    if not changes:
        return []
    for intro in build_intros(new_version, only=changes):
        queue_message(
            "table_changed",
            intro.guest.email,
            changed_subject(intro),
            changed_key(new_version, intro.guest.id),
            {
                "intro": intro,
                "guest": intro.guest,
                "event": event,
                "is_new": changes[intro.guest.id],
            },
            organizer_id=event.organizer_id,
            event_id=event.id,
            guest_id=intro.guest.id,
        )
    db.session.flush()
    return sorted(changes)


def intros_sent(event: Event) -> bool:
    """Return True once any introduction of the event has gone out (or is going)."""
    return any(m.status in ("sent", "sending") for m in _event_messages(event, "intro"))


@dataclass(frozen=True)
class Changes:
    """Table changes between the latest two published versions."""

    old: SeatingVersion
    new: SeatingVersion
    guests: int  # whose table changed, or newly seated
    recorded: int  # "your table changed" emails already recorded for the new version


def pending_changes(event: Event) -> Changes | None:
    """Return the changes since the previous published version, if there are two."""
    versions = published_versions(event, limit=2)
    if len(versions) < 2:
        return None
    new, old = versions
    prefix = f"table-changed:{new.id}:"
    recorded = sum(m.dedupe_key.startswith(prefix) for m in _event_messages(event, "table_changed"))
    return Changes(old, new, len(table_changes(old, new)), recorded)
