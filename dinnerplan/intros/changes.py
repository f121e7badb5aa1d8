"""After introductions went out: one short update to every guest whose table changed.

A table changes for a guest when they sit somewhere else, are newly seated, or when their
tablemates differ from those they were told about (someone can't come, someone joins):
"Priya Patel can't come; Omar Haddad joins you." Compared with what each guest last heard
(their latest introduction or update), so a guest hears once per change and nobody hears
of a change that isn't theirs. The organizer previews the updates on the introductions page
and sends them; each is recorded with a dedupe key per version and guest, so it goes out
exactly once. Tablemates' contact details follow the same consent rules as introductions.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template
from sqlalchemy import Row

from dinnerplan import jobs
from dinnerplan.extensions import db
from dinnerplan.intros.build import Intro, build_intros, published_version, seated
from dinnerplan.intros.records import TOLD, changed_key, event_messages, intros_sent, version_of
from dinnerplan.mail.operations import discard_queued, queue_message, send_one
from dinnerplan.models import Assignment, Event, Guest, MessageStatus, SeatingVersion

CHANGES_JOB = "dinnerplan.intros.changes:send_changes"


@dataclass(frozen=True)
class Update:
    """What changed at one guest's table since they were last told."""

    guest_id: int
    is_new: bool  # newly seated: never told a table
    moved: bool  # sits at another table than the one they were told
    left: tuple[str, ...] = ()  # "Priya Patel can't come", "Ben Brook moved to another table"
    joined: tuple[str, ...] = ()  # names of new tablemates

    @property
    def line(self) -> str:
        """One sentence on what changed: "Priya Patel can't come; Omar Haddad joins you."."""
        if self.is_new:
            return "You now have a seat."
        if self.moved:
            return "You are at another table now."
        parts = list(self.left)
        if self.joined:
            verb = "joins" if len(self.joined) == 1 else "join"
            parts.append(f"{_and(self.joined)} {verb} you")
        return "; ".join(parts) + "."


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _told(event: Event) -> tuple[dict[int, int], dict[int, set[int]]]:
    """Return each told guest's table and tablemates as of the version they last heard of."""
    last = {m.guest_id: version_of(m) for m in event_messages(event) if m.status in TOLD}
    rows = db.session.execute(
        db.select(Assignment.version_id, Assignment.guest_id, Assignment.table_id).where(
            Assignment.version_id.in_(set(last.values()))
        )
    ).all()
    at: dict[tuple[int, int], set[int]] = {}
    for version_id, guest_id, table_id in rows:
        at.setdefault((version_id, table_id), set()).add(guest_id)
    table = {g: t for v, g, t in rows if last.get(g) == v}
    # A tablemate never told anything had declined before the emails went out: no email
    # named them, so their absence is no news.
    mates = {g: (at[last[g], t] - {g}) & set(last) for g, t in table.items()}
    return table, mates


def changes_since_told(event: Event, version: SeatingVersion) -> dict[int, Update]:
    """Return {guest_id: Update} for seated guests whose table changed since they were told."""
    if not intros_sent(event):
        return {}  # the introductions, when sent, carry the new tables
    told_table, told_mates = _told(event)
    now_table = {a.guest_id: a.table_id for a, _, _ in seated(version)}
    now_mates: dict[int, set[int]] = {}
    for g, t in now_table.items():
        now_mates.setdefault(t, set()).add(g)
    guests = db.session.scalars(db.select(Guest).where(Guest.event_id == event.id)).all()
    names = {g.id: g.name for g in guests}
    reachable = {g.id for g in guests if g.email}  # a walk-in without an email gets none
    updates = {}
    for g, t in now_table.items():
        if g not in reachable:
            continue
        mates = now_mates[t] - {g}
        if g not in told_table:
            updates[g] = Update(g, is_new=True, moved=True)
        elif told_table[g] != t:
            updates[g] = Update(g, is_new=False, moved=True)
        elif told_mates[g] != mates:
            gone = sorted(told_mates[g] - mates, key=lambda x: names.get(x, ""))
            left = tuple(
                f"{names[x]} moved to another table" if x in now_table else f"{names[x]} can't come"
                for x in gone
                if x in names
            )
            joined = tuple(sorted((names[x] for x in mates - told_mates[g]), key=str.lower))
            updates[g] = Update(g, False, False, left, joined)
    return updates


def changed_subject(intro: Intro, update: Update) -> str:
    """Return the subject line of an update email."""
    if update.moved:
        return f"Your table changed: {intro.table} at {intro.event.title}"
    return f"A change at your table: {intro.table} at {intro.event.title}"


def render_update(intro: Intro, update: Update) -> tuple[str, str, str]:
    """Return (subject, text, html) of an update, as the guest will get it."""
    context = _context(intro, update)
    return (
        changed_subject(intro, update),
        render_template("email/table_changed.txt", **context),
        render_template("email/table_changed.html", **context),
    )


def _context(intro: Intro, update: Update) -> dict:
    return {
        "intro": intro,
        "guest": intro.guest,
        "event": intro.event,
        "update": update,
        "is_new": update.is_new,
    }


def _queue(event: Event, version: SeatingVersion, updates: dict[int, Update]) -> list[int]:
    """Record the update email of these guests; return the message ids."""
    ids = []
    for intro in build_intros(version, only=updates) if updates else []:
        update = updates[intro.guest.id]
        message = queue_message(
            "table_changed",
            intro.guest.email,
            changed_subject(intro, update),
            changed_key(version, intro.guest.id),
            _context(intro, update),
            organizer_id=event.organizer_id,
            event_id=event.id,
            guest_id=intro.guest.id,
        )
        ids.append(message.id)
    db.session.flush()
    return ids


def start_sending_changes(version: SeatingVersion) -> None:
    """Hand the update emails of the published version to a background job."""
    jobs.enqueue(CHANGES_JOB, version.id)


def send_changes(version_id: int) -> int:
    """Job: send the published version's update emails; return how many went out.

    Safe to run again: rows are found by their dedupe key and claimed before sending.
    """
    version = db.session.get(SeatingVersion, version_id)
    event = db.session.get(Event, version.event_id) if version else None
    if event is None or getattr(published_version(event), "id", None) != version_id:
        return 0
    _queue(event, version, changes_since_told(event, version))
    db.session.commit()
    discard_queued()  # this job sends them itself, below
    pending = [
        m.id
        for m in recorded_changes(event, version)
        if m.status in (MessageStatus.QUEUED, MessageStatus.FAILED)
    ]
    return sum(send_one(message_id) == MessageStatus.SENT for message_id in pending)


def recorded_changes(event: Event, version: SeatingVersion) -> list[Row]:
    """Return the update emails recorded for this version (as event_messages rows)."""
    prefix = f"table-changed:{version.id}:"
    return [m for m in event_messages(event, ("table_changed",)) if m.dedupe_key.startswith(prefix)]
