"""What the event's guests have been told already, read from the recorded messages.

An introduction's dedupe key is "intro:<version>:<guest>", a change email's
"table-changed:<version>:<guest>": so the messages say which seating version each guest
last heard about, whether or not that version is still the published one.
"""

from __future__ import annotations

from sqlalchemy import Row

from dinnerplan.extensions import db
from dinnerplan.models import Event, Message, MessageStatus, SeatingVersion

KINDS = ("intro", "table_changed")
# SENDING: claimed by a worker; never sent a second time
TOLD = (MessageStatus.SENT, MessageStatus.SENDING)


def intro_key(version: SeatingVersion, guest_id: int) -> str:
    """Return the dedupe key of one guest's introduction in one version."""
    return f"intro:{version.id}:{guest_id}"


def changed_key(version: SeatingVersion, guest_id: int) -> str:
    """Return the dedupe key of one guest's "your table changed" email for a version."""
    return f"table-changed:{version.id}:{guest_id}"


def version_of(message: Message | Row) -> int:
    """Return the seating version id a recorded intro or change email is about."""
    return int(message.dedupe_key.split(":")[1])


def event_messages(event: Event, kinds: tuple[str, ...] = KINDS) -> list[Row]:
    """Return the event's recorded introductions and change emails, oldest first.

    Each is a row of the columns that say who was told what and how sending stands (id,
    guest_id, kind, status, dedupe_key, claimed_at, created_at), not the whole message with
    its bodies: counting is all the callers do, for every seated guest.
    """
    return list(
        db.session.execute(
            db.select(
                Message.id,
                Message.guest_id,
                Message.kind,
                Message.status,
                Message.dedupe_key,
                Message.claimed_at,
                Message.created_at,
            )
            .where(Message.event_id == event.id, Message.kind.in_(kinds))
            .order_by(Message.id)
        )
    )


def intros_sent(event: Event) -> bool:
    """Return True once any introduction of the event has gone out (or is going)."""
    return any(m.status in TOLD for m in event_messages(event, ("intro",)))


def told_earlier(event: Event, version: SeatingVersion) -> set[int]:
    """Return guests told their table by anything but this version's introductions.

    They hear about later versions through "your table changed", never a second intro.
    """
    return {
        m.guest_id
        for m in event_messages(event)
        if m.status in TOLD and not (m.kind == "intro" and version_of(m) == version.id)
    }
