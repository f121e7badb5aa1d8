"""After republishing or late changes: "your table changed", only to guests it concerns.

A guest hears again only when the table they were last told about differs from their
table now, or when they are newly seated. Everybody else gets nothing.
"""

from __future__ import annotations

from dinnerplan import jobs
from dinnerplan.extensions import db
from dinnerplan.intros.build import Intro, build_intros, published_version, seated
from dinnerplan.intros.records import (
    changed_key,
    event_messages,
    intros_sent,
    told_tables,
)
from dinnerplan.mail.operations import discard_queued, queue_message, send_one
from dinnerplan.models import Event, Message, SeatingVersion

CHANGES_JOB = "dinnerplan.intros.changes:send_changes"


def changed_subject(intro: Intro) -> str:
    """Return the subject line of a "your table changed" email."""
    return f"Your table changed: {intro.table} at {intro.event.title}"


def changes_since_told(event: Event, version: SeatingVersion) -> dict[int, bool]:
    """Return {guest_id: newly_seated} for guests whose table differs from what they heard."""
    if not intros_sent(event):
        return {}  # the introductions, when sent, carry the new tables
    told = told_tables(event)
    return {
        a.guest_id: a.guest_id not in told
        for a, _, _ in seated(version)
        if told.get(a.guest_id) != a.table_id
    }


def _queue(event: Event, version: SeatingVersion, changes: dict[int, bool]) -> list[int]:
    """Record "your table changed" for these guests; return the message ids."""
    ids = []
    for intro in build_intros(version, only=changes) if changes else []:
        message = queue_message(
            "table_changed",
            intro.guest.email,
            changed_subject(intro),
            changed_key(version, intro.guest.id),
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
        ids.append(message.id)
    db.session.flush()
    return ids


def start_sending_changes(version: SeatingVersion) -> None:
    """Hand the change emails of a newly published version to a background job."""
    jobs.enqueue(CHANGES_JOB, version.id)


def send_changes(version_id: int) -> int:
    """Job: tell guests of the published version whose table changed; return how many.

    Safe to run again: rows are found by their dedupe key and claimed before sending.
    """
    version = db.session.get(SeatingVersion, version_id)
    event = db.session.get(Event, version.event_id) if version else None
    if event is None or getattr(published_version(event), "id", None) != version_id:
        return 0
    _queue(event, version, changes_since_told(event, version))
    db.session.commit()
    discard_queued()  # this job sends them itself, below
    pending = [m.id for m in recorded_changes(event, version) if m.status in ("queued", "failed")]
    return sum(send_one(message_id) == "sent" for message_id in pending)


def recorded_changes(event: Event, version: SeatingVersion) -> list[Message]:
    """Return the change emails recorded for this version."""
    prefix = f"table-changed:{version.id}:"
    return [m for m in event_messages(event, ("table_changed",)) if m.dedupe_key.startswith(prefix)]
