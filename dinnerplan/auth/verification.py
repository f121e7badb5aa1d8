"""Email verification: an account emails guests only once its owner has proved the address.

Sign-up answers the same whether or not the address already has an account: a new account
gets a confirmation link, an existing owner gets a note saying someone tried to sign up.
"""

from __future__ import annotations

import time
from datetime import datetime

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from dinnerplan.extensions import db
from dinnerplan.mail.operations import queue_message
from dinnerplan.models import Message, Organizer
from dinnerplan.urls import external_url

VERIFY_SALT = "verify-email"
VERIFY_MAX_AGE = 3 * 24 * 3600  # a confirmation link works for three days
# Repeated requests within this many seconds reuse one message (double clicks, reloads).
DEDUPE_WINDOW = 300


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=VERIFY_SALT)


def verification_token(organizer: Organizer) -> str:
    """Return a signed token naming the account and the address it confirms."""
    return _serializer().dumps([organizer.id, organizer.email])


def organizer_to_verify(token: str) -> Organizer | None:
    """Return the unverified account a valid, unexpired token names, else None."""
    try:
        org_id, email = _serializer().loads(token, max_age=VERIFY_MAX_AGE)
    except (BadSignature, TypeError, ValueError):  # expired, tampered or malformed
        return None
    organizer = db.session.get(Organizer, org_id) if isinstance(org_id, int) else None
    if organizer is None or organizer.email != email or organizer.email_verified_at:
        return None
    return organizer


def mark_verified(organizer: Organizer, now: datetime) -> None:
    """Record that the owner confirmed the address."""
    organizer.email_verified_at = now
    db.session.flush()


def _bucket() -> int:
    return int(time.time()) // DEDUPE_WINDOW


def request_verification(organizer: Organizer) -> bool:
    """Queue the confirmation email; False if one went in the last few minutes.

    The limit keeps "send the link again" from flooding an address someone else typed in.
    """
    key = f"verify-email:{organizer.id}:{_bucket()}"
    if db.session.execute(db.select(Message.id).where(Message.dedupe_key == key)).first():
        return False
    queue_message(
        kind="verify_email",
        recipient=organizer.email,
        subject="Confirm your email address for dinnerplan",
        dedupe_key=key,
        context={
            "organizer": organizer,
            "link": external_url("auth.verify", token=verification_token(organizer)),
            "days": VERIFY_MAX_AGE // 86400,
        },
        organizer_id=organizer.id,
    )
    return True


def notify_existing_account(organizer: Organizer) -> None:
    """Tell an account's owner that someone tried to sign up with their address."""
    queue_message(
        kind="account_exists",
        recipient=organizer.email,
        subject="Your dinnerplan account",
        dedupe_key=f"account-exists:{organizer.id}:{_bucket()}",
        context={
            "organizer": organizer,
            "signin": external_url("auth.signin"),
            "forgot": external_url("auth.forgot"),
        },
        organizer_id=organizer.id,
    )
