"""Follow-up emails: the morning after, reminders, the week-later question, notices.

Each goes through mail.operations.queue_message with a dedupe key naming the guest and the
stage, so however often the scheduler runs, each message exists (and is sent) once.
Follow-up emails carry List-Unsubscribe headers (followups/links.py: unsubscribe_headers) and
never a contact detail.
"""

from __future__ import annotations

from dinnerplan.extensions import db
from dinnerplan.followups import links
from dinnerplan.followups.operations import unsubscribed
from dinnerplan.links import token_for
from dinnerplan.mail.operations import queue_message
from dinnerplan.models import Guest, Message, Promise, Rsvp
from dinnerplan.urls import external_url

SUBJECTS = {
    "morning": "Who you met at {title}",
    "remind3": "A gentle reminder: what you offered at {title}",
    "remind10": "Last reminder: what you offered at {title}",
    "helped": "Did {title} help?",
    "done": "{giver} did what they promised at {title}",
    "intro_ask": "{giver} offered you an introduction",
    "intro_forward": "Your introduction: a note to forward",
    "intro_matched": "Introduction agreed: {outside}",
    "intro_ready": "Both said yes: your introduction, ready to send",
}


def _queue(guest: Guest, stage: str, key: str, **context) -> Message:
    event = guest.event
    promise = context.get("promise")
    subject = SUBJECTS[stage].format(
        title=event.title,
        giver=context.get("giver_name", ""),
        outside=(promise.outside_name or promise.outside_email) if promise else "",
    )
    base = {
        "guest": guest,
        "event": event,
        "my_table": external_url("followups.mine", token=token_for(guest)),
        "unsubscribe": links.unsubscribe_url(guest),
    }
    return queue_message(
        f"followup_{stage}",
        guest.email,
        subject,
        key,
        {**base, **context},
        template=f"followup_{stage}",
        organizer_id=event.organizer_id,
        event_id=event.id,
        guest_id=guest.id,
    )


def _line(p: Promise, names: dict[int, str], me: Guest) -> dict:
    return {
        "what": p.what,
        "kind": p.kind,
        "asked": p.kind == "ask",
        "other": names.get(p.receiver_id if p.giver_id == me.id else p.giver_id, "a guest"),
        "state": p.state,
        "done_url": links.action_url(me, "done", p.id) if p.giver_id == me.id else "",
        "drop_url": links.action_url(me, "drop", p.id) if p.giver_id == me.id else "",
    }


def queue_morning(guest: Guest, mates: list[Guest], promises: list[Promise], key: str):
    """Record the morning-after email: who you met, what you promised, what you were promised."""
    names = {m.id: m.name for m in mates} | _names(promises)
    met = [
        {"name": m.name, "company": m.company, "spoke_url": links.action_url(guest, "spoke", m.id)}
        for m in mates
    ]
    given = [_line(p, names, guest) for p in promises if p.giver_id == guest.id]
    received = [_line(p, names, guest) for p in promises if p.receiver_id == guest.id]
    return _queue(guest, "morning", key, met=met, given=given, received=received)


def queue_reminder(guest: Guest, stage: str, promises: list[Promise], key: str):
    """Record a reminder (remind3 or remind10) listing the guest's open promises."""
    names = _names(promises)
    given = [_line(p, names, guest) for p in promises if p.giver_id == guest.id]
    return _queue(guest, stage, key, given=given)


def queue_helped(guest: Guest, key: str):
    """Record the week-later question: did you meet someone who could help with your need?"""
    need = (guest.needs or [""])[0]
    return _queue(
        guest,
        "helped",
        key,
        need=need,
        yes_url=links.action_url(guest, "helped"),
        no_url=links.action_url(guest, "not_helped"),
    )


def queue_done_notice(promise: Promise) -> Message | None:
    """Tell the receiver that the giver did what they promised (not if they unsubscribed)."""
    receiver = db.session.get(Guest, promise.receiver_id)
    giver = db.session.get(Guest, promise.giver_id)
    if receiver is None or giver is None or unsubscribed(receiver) or receiver.rsvp != Rsvp.YES:
        return None
    key = f"followup:done:{promise.id}"
    return _queue(receiver, "done", key, giver_name=giver.name, promise=promise)


def queue_intro(guest: Guest, stage: str, promise: Promise, **context) -> Message | None:
    """Record one step of a double opt-in introduction (not to unsubscribed guests)."""
    if unsubscribed(guest):
        return None
    key = f"followup:{stage}:{promise.id}"
    return _queue(guest, stage, key, promise=promise, **context)


def _names(promises: list[Promise]) -> dict[int, str]:
    ids = {p.giver_id for p in promises} | {p.receiver_id for p in promises}
    return dict(db.session.execute(db.select(Guest.id, Guest.name).where(Guest.id.in_(ids))).all())
