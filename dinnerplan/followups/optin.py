"""Double opt-in introductions to someone outside the dinner.

1. The giver notes "I'll introduce Ben to Carla (carla@…)": Ben is asked first, by email.
2. Ben says yes: the giver gets a note written to forward to Carla, with her own yes/no link
   (the app never writes to Carla itself: she hears of it from someone she knows).
3. Carla says yes: Ben gets Carla's name and address (she agreed to exactly that), and the
   giver gets the introduction, ready to send. Marking it done then tells Ben, as for any
   promise. A "no" on either side lets the promise go quietly; no reminders follow.
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app, render_template
from itsdangerous import BadSignature, URLSafeSerializer

from dinnerplan.extensions import db
from dinnerplan.followups import emails, links
from dinnerplan.models import Guest, Promise, PromiseState
from dinnerplan.urls import external_url


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="outside-optin")


def outside_url(promise: Promise) -> str:
    """Return the link the outside person opens to say yes or no."""
    token = _serializer().dumps([promise.id, promise.outside_email])
    return external_url("followups.outside", token=token)


def promise_for_outside(token: str) -> Promise | None:
    """Return the promise an outside person's link names, or None when tampered or gone."""
    try:
        promise_id, email = _serializer().loads(token)
    except (BadSignature, TypeError, ValueError):
        return None
    promise = db.session.get(Promise, promise_id) if isinstance(promise_id, int) else None
    return promise if promise is not None and promise.outside_email == email else None


def waiting(promise: Promise) -> bool:
    """True while an outside introduction waits for someone's yes (not the giver's move)."""
    return bool(promise.outside_email) and promise.outside_ok_at is None


def start(promise: Promise) -> None:
    """Ask the receiver first whether they want the introduction."""
    receiver = db.session.get(Guest, promise.receiver_id)
    giver = db.session.get(Guest, promise.giver_id)
    emails.queue_intro(
        receiver,
        "intro_ask",
        promise,
        giver_name=giver.name,
        yes_url=links.action_url(receiver, "intro_yes", promise.id),
        no_url=links.action_url(receiver, "intro_no", promise.id),
    )


def _text(template: str, promise: Promise, receiver: Guest, **context) -> str:
    """Render a plain-text draft once; both email bodies show it (escaped in the HTML one)."""
    event = receiver.event
    context.update(promise=promise, receiver=receiver, event=event)
    return render_template(f"email/{template}.txt", **context).strip()


def _drop(promise: Promise, reason: str, now: datetime) -> None:
    promise.state, promise.drop_reason, promise.closed_at = PromiseState.DROPPED, reason, now


def receiver_answers(promise: Promise, yes: bool, now: datetime) -> bool:
    """Record the receiver's answer once; on yes, give the giver a note to forward."""
    if promise.state != PromiseState.OPEN or promise.receiver_ok_at is not None:
        return False
    receiver = db.session.get(Guest, promise.receiver_id)
    if not yes:
        _drop(promise, f"{receiver.first_name} said no thanks", now)
    else:
        promise.receiver_ok_at = now
        giver = db.session.get(Guest, promise.giver_id)
        note = _text("_intro_note", promise, receiver, outside_url=outside_url(promise))
        emails.queue_intro(giver, "intro_forward", promise, receiver=receiver, note=note)
    db.session.flush()
    return True


def outside_answers(promise: Promise, yes: bool, now: datetime) -> bool:
    """Record the outside person's answer once; on yes, connect both sides."""
    if (
        promise.state != PromiseState.OPEN
        or promise.receiver_ok_at is None
        or promise.outside_ok_at
    ):
        return False
    name = promise.outside_name or promise.outside_email
    if not yes:
        _drop(promise, f"{name} said no thanks", now)
    else:
        promise.outside_ok_at = now
        receiver = db.session.get(Guest, promise.receiver_id)
        giver = db.session.get(Guest, promise.giver_id)
        emails.queue_intro(receiver, "intro_matched", promise, giver_name=giver.name)
        emails.queue_intro(
            giver,
            "intro_ready",
            promise,
            receiver=receiver,
            draft=_text("_intro_ready", promise, receiver),
            done_url=links.action_url(giver, "done", promise.id),
        )
    db.session.flush()
    return True


def outside_context(promise: Promise) -> dict:
    """Return what the outside person's page shows: who offers the intro, to whom."""
    giver = db.session.get(Guest, promise.giver_id)
    receiver = db.session.get(Guest, promise.receiver_id)
    return {
        "giver": giver.name,
        "receiver": receiver.name,
        "about": ", ".join(x for x in (receiver.one_liner, receiver.company) if x),
        "event": giver.event.title,
        "open": promise.state == PromiseState.OPEN and promise.outside_ok_at is None,
    }
