"""Email is built from templates, recorded, queued, and sent after the commit.

Every message has a dedupe key, unique in the database: building the same message twice (a
double click, a retried job) returns the existing row, and a message is only sent by the
worker that claims it, so a retry never sends twice.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta

from flask import current_app, render_template
from flask_mailman import EmailMultiAlternatives
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from dinnerplan import jobs
from dinnerplan.extensions import db, mail
from dinnerplan.models import Message
from dinnerplan.models._base import utcnow

log = logging.getLogger(__name__)
OUTGOING = "dinnerplan_outgoing_mail"


def queue_message(
    kind: str,
    recipient: str,
    subject: str,
    dedupe_key: str,
    context: dict,
    *,
    template: str | None = None,
    organizer_id: int | None = None,
    event_id: int | None = None,
    guest_id: int | None = None,
    ics: str = "",
) -> Message:
    """Record a message built from templates/email/<template>.txt|html; send after commit."""
    existing = db.session.execute(
        db.select(Message).where(Message.dedupe_key == dedupe_key)
    ).scalar_one_or_none()
    if existing is not None:
        return existing
    name = template or kind
    message = Message(
        dedupe_key=dedupe_key,
        kind=kind,
        recipient=recipient,
        subject=subject,
        body_text=render_template(f"email/{name}.txt", **context),
        body_html=render_template(f"email/{name}.html", **context),
        ics=ics,
        organizer_id=organizer_id,
        event_id=event_id,
        guest_id=guest_id,
    )
    try:
        with db.session.begin_nested():
            db.session.add(message)
    except IntegrityError:  # a concurrent request recorded it first
        return db.session.execute(
            db.select(Message).where(Message.dedupe_key == dedupe_key)
        ).scalar_one()
    db.session.info.setdefault(OUTGOING, []).append(message.id)
    return message


def send_queued() -> None:
    """After the commit: hand the messages queued in this session to the job runner."""
    ids = db.session.info.pop(OUTGOING, [])
    if ids:
        jobs.enqueue("dinnerplan.mail.operations:send_messages", ids)


def discard_queued() -> None:
    """After a rollback: forget messages that were never committed."""
    db.session.info.pop(OUTGOING, None)


def interrupted(message: Message) -> bool:
    """True when a worker claimed the message long ago and never recorded how sending went.

    The worker stopped (killed, machine restarted) somewhere between the claim and the mail
    server's answer, so the message may or may not have gone out; only a person can decide
    to send it again."""
    if message.status != "sending":
        return False
    since = message.claimed_at or message.created_at
    return utcnow() - since > timedelta(seconds=current_app.config["MAIL_SENDING_TIMEOUT"])


def retry(message: Message) -> bool:
    """Queue a failed, never sent or interrupted message again; False if sent or sending."""
    if message.status not in ("failed", "queued") and not interrupted(message):
        return False
    message.status = "queued"
    db.session.info.setdefault(OUTGOING, []).append(message.id)
    return True


def send_messages(ids: list[int]) -> None:
    """Job: send each message that this worker manages to claim."""
    for message_id in ids:
        send_one(message_id)


def send_one(message_id: int) -> str:
    """Claim one queued message, send it, record the outcome; return its status."""
    claimed = db.session.execute(
        update(Message)
        .where(Message.id == message_id, Message.status.in_(("queued", "failed")))
        .values(status="sending", attempts=Message.attempts + 1, claimed_at=utcnow())
    ).rowcount
    db.session.commit()
    message = db.session.get(Message, message_id)
    if not claimed or message is None:
        return message.status if message else "missing"
    try:
        build_email(message).send()
    except Exception as exc:  # any transport error is recorded for a retry
        log.warning("sending message %s failed: %s", message_id, exc)
        message.status, message.last_error = "failed", f"{type(exc).__name__}: {exc}"[:1000]
    else:
        message.status, message.sent_at, message.last_error = "sent", utcnow(), ""
    db.session.commit()
    return message.status


def build_email(message: Message) -> EmailMultiAlternatives:
    """Turn a recorded message into a multipart email (text, HTML, optional .ics)."""
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=current_app.config["MAIL_DEFAULT_SENDER"],
        to=[message.recipient],
        connection=mail.get_connection(),
    )
    if message.kind.startswith("followup_"):  # one-click unsubscribe (List-Unsubscribe)
        email.extra_headers.update(_followup_headers(message))
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    if message.ics:
        method = _ics_method(message.ics)
        email.attach("invite.ics", message.ics, f"text/calendar; method={method}; charset=utf-8")
    return email


def _followup_headers(message: Message) -> dict[str, str]:
    from dinnerplan.followups.emails import headers_for

    return headers_for(message)


def _ics_method(ics: str) -> str:
    """The calendar's METHOD (REQUEST, PUBLISH, CANCEL): the MIME type must repeat it."""
    match = re.search(r"^METHOD:([A-Z-]+)\s*$", ics, re.MULTILINE)
    return match.group(1) if match else "PUBLISH"


def outbox_query(organizer_id: int, event_id: int | None = None, status: str | None = None):
    """Select an organizer's messages, newest first, optionally for one event or status."""
    query = db.select(Message).where(Message.organizer_id == organizer_id)
    if event_id is not None:
        query = query.where(Message.event_id == event_id)
    if status:
        query = query.where(Message.status == status)
    return query.order_by(Message.created_at.desc(), Message.id.desc())
