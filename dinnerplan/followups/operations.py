"""Promises and follow-up answers, on plain data. Operations flush, never commit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_

from dinnerplan.extensions import db
from dinnerplan.models import FollowupAnswer, Guest, Promise, PromiseState
from dinnerplan.models.followup import PROMISE_KINDS, PROMISE_LENGTH


class PromiseError(ValueError):
    """A promise that cannot be recorded or changed, with a message for the guest."""


def clean_line(text: str) -> str:
    """Return one line of text: whitespace collapsed; raise PromiseError if empty or too long."""
    line = " ".join((text or "").split())
    if not line:
        raise PromiseError("Write one line: what will happen?")
    if len(line) > PROMISE_LENGTH:
        raise PromiseError(f"Keep it to one line: {PROMISE_LENGTH} characters at most.")
    return line


def record_promise(
    guest: Guest, mate: Guest, kind: str, what: str, now: datetime, outside: tuple = ("", "")
) -> Promise:
    """Record a promise to a tablemate, or (kind 'ask') an ask of one.

    `outside` is (name, email) of someone outside the dinner an intro promises to reach.
    """
    if kind not in PROMISE_KINDS:
        raise PromiseError("Choose what kind of promise this is.")
    outside_name, outside_email = (" ".join((v or "").split()) for v in outside)
    if outside_email and kind != "intro":
        raise PromiseError("An email address is only for introducing someone outside the dinner.")
    if mate.id == guest.id or mate.event_id != guest.event_id:
        raise PromiseError("Choose one of your tablemates.")
    giver, receiver = (mate, guest) if kind == "ask" else (guest, mate)
    promise = Promise(
        event_id=guest.event_id,
        giver_id=giver.id,
        receiver_id=receiver.id,
        created_by_id=guest.id,
        kind=kind,
        what=clean_line(what),
        outside_name=outside_name[:200] if outside_email else "",
        outside_email=outside_email.lower(),
        created_at=now,
    )
    db.session.add(promise)
    db.session.flush()
    return promise


def promises_of(guest: Guest) -> list[Promise]:
    """Return the promises this guest gives or receives, newest first."""
    query = (
        db.select(Promise)
        .where(or_(Promise.giver_id == guest.id, Promise.receiver_id == guest.id))
        .order_by(Promise.created_at.desc(), Promise.id.desc())
    )
    return list(db.session.scalars(query))


def close_promise(promise: Promise, by: Guest, state: str, now: datetime, reason: str = "") -> bool:
    """Mark a promise done or dropped by its giver; False when it was already closed."""
    if by.id != promise.giver_id:
        raise PromiseError("Only the person who promised it can close this.")
    if state not in (PromiseState.DONE, PromiseState.DROPPED):
        raise PromiseError("Unknown state.")
    if promise.state != PromiseState.OPEN:
        return False
    promise.state, promise.closed_at = state, now
    promise.drop_reason = " ".join(reason.split())[:200] if state == PromiseState.DROPPED else ""
    db.session.flush()
    return True


def set_sharing(guest: Guest, email: bool, phone: bool, linkedin: bool) -> None:
    """Record which contact details the guest shares with their tablemates."""
    guest.share_email, guest.share_phone, guest.share_linkedin = email, phone, linkedin
    db.session.flush()


def answer(guest: Guest, kind: str, now: datetime, about: int = 0, value: bool = True) -> bool:
    """Record a follow-up answer once; False when the same answer was already recorded."""
    existing = db.session.execute(
        db.select(FollowupAnswer).where(
            FollowupAnswer.guest_id == guest.id,
            FollowupAnswer.kind == kind,
            FollowupAnswer.about_id == about,
        )
    ).scalar_one_or_none()
    if existing is not None:
        if existing.value == value:
            return False
        existing.value, existing.created_at = value, now
    else:
        db.session.add(
            FollowupAnswer(
                event_id=guest.event_id,
                guest_id=guest.id,
                kind=kind,
                about_id=about,
                value=value,
                created_at=now,
            )
        )
    db.session.flush()
    return True


def unsubscribed(guest: Guest) -> bool:
    """True when the guest asked for no more follow-up emails about this dinner."""
    return (
        db.session.execute(
            db.select(FollowupAnswer.id).where(
                FollowupAnswer.guest_id == guest.id, FollowupAnswer.kind == "unsubscribed"
            )
        ).first()
        is not None
    )


def describe(promises: list[Promise], me: Guest) -> list[dict]:
    """Return promises as the guest reads them: who does what for whom, and its state."""
    ids = {p.giver_id for p in promises} | {p.receiver_id for p in promises}
    names = dict(db.session.execute(db.select(Guest.id, Guest.name).where(Guest.id.in_(ids))).all())
    rows = []
    for p in promises:
        giver = "You" if p.giver_id == me.id else names.get(p.giver_id, "A guest")
        receiver = "you" if p.receiver_id == me.id else names.get(p.receiver_id, "a guest")
        rows.append(
            {
                "id": p.id,
                "kind": p.kind,
                "what": p.what,
                "state": p.state,
                "drop_reason": p.drop_reason,
                "who": f"{giver} → {receiver}",
                "mine": p.giver_id == me.id,
                "asked": p.kind == "ask",
                "waiting": _waiting_text(p, names),
            }
        )
    return rows


def _waiting_text(p: Promise, names: dict[int, str]) -> str:
    """Where a double opt-in introduction stands, while it waits for a yes."""
    if not p.outside_email or p.state != PromiseState.OPEN or p.outside_ok_at:
        return ""
    outside = p.outside_name or p.outside_email
    if p.receiver_ok_at is None:
        return f"waiting for {names.get(p.receiver_id, 'them')} to say yes"
    return f"waiting for {outside} to say yes"
