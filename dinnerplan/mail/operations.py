"""Email is built from templates, recorded, queued, and sent after the commit.

Every message has a dedupe key, unique in the database: building the same message twice (a
double click, a retried job) returns the existing row, and a message is only sent by the
worker that claims it, so a retry never sends twice.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta

from flask import current_app, render_template
from flask_mailman import EmailMultiAlternatives
from sqlalchemy import and_, func, or_, update
from sqlalchemy.exc import IntegrityError

from dinnerplan import jobs
from dinnerplan.extensions import db, mail
from dinnerplan.followups.links import unsubscribe_headers
from dinnerplan.models import Message, MessageStatus
from dinnerplan.models._base import utcnow

log = logging.getLogger(__name__)
OUTGOING = "dinnerplan_outgoing_mail"
SEND_JOB = "dinnerplan.mail.operations:send_messages"
RETRY_FAILED = 3  # a message that failed this many times waits for a person


def now() -> datetime:
    """Return the current UTC time from the app's CLOCK if one is set (tests), else the real one."""
    clock = current_app.config.get("CLOCK")
    return clock() if clock else utcnow()


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
    if not recipient:  # callers leave out guests without an email (walk-ins)
        raise ValueError(f"no email address for the {kind} message {dedupe_key}")
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
        subject=one_line(subject),
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


def one_line(text: str) -> str:
    """A header value on one line: CR/LF (header injection, BadHeaderError) become spaces."""
    return " ".join(re.split(r"[\r\n]+", text)).strip()


def send_queued() -> None:
    """After the commit: hand the messages queued in this session to the job runner."""
    ids = db.session.info.pop(OUTGOING, [])
    if ids:
        jobs.enqueue(SEND_JOB, ids)


def discard_queued() -> None:
    """After a rollback: forget messages that were never committed."""
    db.session.info.pop(OUTGOING, None)


def interrupted(message: Message, at: datetime | None = None) -> bool:
    """True when a worker claimed the message long ago and never recorded how sending went.

    The worker stopped (killed, machine restarted) somewhere between the claim and the mail
    server's answer; the worker's sweep (left_behind) queues it again, or a person can.
    """
    if message.status != MessageStatus.SENDING:
        return False
    since = message.claimed_at or message.created_at
    return (at or now()) - since > _sending_timeout()


def _sending_timeout() -> timedelta:
    return timedelta(seconds=current_app.config["MAIL_SENDING_TIMEOUT"])


def left_behind(at: datetime, grace: timedelta) -> list[int]:
    """Queue again what stopped workers left; return the ids of messages waiting to be sent.

    'sending' past MAIL_SENDING_TIMEOUT: the worker died before the mail server answered, so
    it goes back to 'queued'. 'queued' for longer than grace: no job took it (Redis was down,
    or the worker died first). 'failed' fewer than RETRY_FAILED times, grace ago: try again.
    """
    claimed = func.coalesce(Message.claimed_at, Message.created_at)
    db.session.execute(
        update(Message)
        .where(Message.status == MessageStatus.SENDING, claimed < at - _sending_timeout())
        .values(status=MessageStatus.QUEUED)
    )
    waiting = or_(
        and_(Message.status == MessageStatus.QUEUED, Message.created_at <= at - grace),
        and_(
            Message.status == MessageStatus.FAILED,
            Message.attempts < RETRY_FAILED,
            claimed <= at - grace,
        ),
    )
    db.session.flush()
    return list(
        db.session.execute(db.select(Message.id).where(waiting).order_by(Message.id)).scalars()
    )


def retry(message: Message) -> bool:
    """Queue a failed, never sent or interrupted message again; False if sent or sending."""
    if message.status not in (MessageStatus.FAILED, MessageStatus.QUEUED) and not interrupted(
        message
    ):
        return False
    message.status = MessageStatus.QUEUED
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
        .where(
            Message.id == message_id,
            Message.status.in_((MessageStatus.QUEUED, MessageStatus.FAILED)),
        )
        .values(status=MessageStatus.SENDING, attempts=Message.attempts + 1, claimed_at=now())
    ).rowcount
    db.session.commit()
    message = db.session.get(Message, message_id)
    if not claimed or message is None:
        return message.status if message else "missing"
    try:
        build_email(message).send()
    except Exception as exc:  # any transport error is recorded for a retry
        log.warning("sending message %s failed: %s", message_id, exc)
        message.status, message.last_error = (
            MessageStatus.FAILED,
            f"{type(exc).__name__}: {exc}"[:1000],
        )
    else:
        message.status, message.sent_at, message.last_error = MessageStatus.SENT, now(), ""
        _echo_to_console(message)
    db.session.commit()
    return message.status


def echo_resets_without_mail_server(app) -> bool:
    """Under `dinnerplan run` with the local outbox, print password resets too; say if so."""
    app.config["MAIL_CONSOLE_ECHO"] = app.config["MAIL_BACKEND"] == "file"
    return app.config["MAIL_CONSOLE_ECHO"]


def _echo_to_console(message: Message) -> None:
    """Print a password reset in the console when it only went to the local outbox."""
    if message.kind == "password_reset" and current_app.config["MAIL_CONSOLE_ECHO"]:
        print(  # noqa: T201  (the console is where `dinnerplan run`'s organizer looks)
            f"\n--- No mail server: this email is in the outbox, shown here too ---\n"
            f"To: {message.recipient}\nSubject: {message.subject}\n\n{message.body_text}\n---",
            flush=True,
        )


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
        email.extra_headers.update(unsubscribe_headers(message))
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    if message.ics:
        method = _ics_method(message.ics)
        email.attach("invite.ics", message.ics, f"text/calendar; method={method}; charset=utf-8")
    return email


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
