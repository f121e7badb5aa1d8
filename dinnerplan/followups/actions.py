"""One-click actions from follow-up emails: what a link will do, and doing it once.

A link opens a page with one button (an email scanner that follows links must not close a
promise by itself); pressing it records the action. A second press changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from dinnerplan.extensions import db
from dinnerplan.followups import emails, optin
from dinnerplan.followups import operations as ops
from dinnerplan.models import Guest, Promise, PromiseState


@dataclass(frozen=True)
class Action:
    """What an action link asks the guest to confirm."""

    question: str
    button: str
    already: str  # non-empty when it was already recorded


def _promise(guest: Guest, target: int) -> Promise | None:
    promise = db.session.get(Promise, target)
    return promise if promise is not None and promise.giver_id == guest.id else None


def _mate(guest: Guest, target: int) -> Guest | None:
    mate = db.session.get(Guest, target)
    ok = mate is not None and mate.event_id == guest.event_id and mate.id != guest.id
    return mate if ok else None


def _offered(guest: Guest, target: int) -> Promise | None:
    promise = db.session.get(Promise, target)
    ok = promise is not None and promise.receiver_id == guest.id and promise.outside_email
    return promise if ok else None


def describe(guest: Guest, action: str, target: int) -> Action | None:
    """Return what the link does, or None when its target is gone or not the guest's."""
    if action in ("intro_yes", "intro_no"):
        promise = _offered(guest, target)
        if promise is None:
            return None
        asked = promise.state != PromiseState.OPEN or promise.receiver_ok_at is not None
        label = "Yes please" if action == "intro_yes" else "No thanks"
        return Action(
            f"Would you like this introduction? “{promise.what}”",
            label,
            "Already answered." if asked else "",
        )
    if action in ("done", "drop"):
        promise = _promise(guest, target)
        if promise is None:
            return None
        already = (
            ""
            if promise.state == PromiseState.OPEN
            else f"Already recorded: this is {promise.state}."
        )
        if action == "done":
            label = "I did it" if promise.kind == "send" else "I made the intro"
            return Action(f"Close “{promise.what}”?", label, already)
        return Action(f"Let go of “{promise.what}” for now?", "Not now", already)
    if action == "spoke":
        mate = _mate(guest, target)
        return Action(f"Record that you spoke with {mate.name}?", "We spoke", "") if mate else None
    if action in ("helped", "not_helped"):
        answer = "Yes, I did" if action == "helped" else "No, not this time"
        return Action("Did you meet someone who could help with what you need?", answer, "")
    return Action(f"Stop follow-up emails about {guest.event.title}?", "Unsubscribe", "")


def perform(guest: Guest, action: str, target: int, now: datetime) -> bool:
    """Record the action once; False when nothing changed (already recorded)."""
    if action in ("done", "drop"):
        promise = _promise(guest, target)
        state = PromiseState.DONE if action == "done" else PromiseState.DROPPED
        changed = ops.close_promise(
            promise, guest, state, now, "not now" * (state == PromiseState.DROPPED)
        )
        if changed and state == PromiseState.DONE:
            emails.queue_done_notice(promise)
        return changed
    if action in ("intro_yes", "intro_no"):
        return optin.receiver_answers(_offered(guest, target), action == "intro_yes", now)
    if action == "spoke":
        return ops.answer(guest, "spoke", now, about=target)
    if action in ("helped", "not_helped"):
        return ops.answer(guest, "helped", now, value=action == "helped")
    return ops.answer(guest, "unsubscribed", now)
