"""Account operations: sign-up, sign-in, password reset. Operations flush, never commit."""

from __future__ import annotations

import time
from functools import cache

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.security import check_password_hash, generate_password_hash

from dinnerplan.auth import verification
from dinnerplan.extensions import db
from dinnerplan.mail.operations import queue_message
from dinnerplan.models import Organizer
from dinnerplan.models._base import utcnow
from dinnerplan.urls import external_url

RESET_SALT = "password-reset"
RESET_MAX_AGE = 3600  # seconds: a reset link works for one hour
# A repeated request within this many seconds reuses the same message (a double click
# never sends twice); a later request sends a fresh email.
RESET_DEDUPE_WINDOW = 300


def find_by_email(email: str) -> Organizer | None:
    """Return the organizer with this email (any case), or None."""
    return db.session.execute(
        db.select(Organizer).where(db.func.lower(Organizer.email) == email.strip().lower())
    ).scalar_one_or_none()


def create_organizer(name: str, email: str, password: str, verified: bool = False) -> Organizer:
    """Create an account; the email is stored lower-case; `verified` for trusted creators."""
    organizer = Organizer(name=name.strip(), email=email.strip().lower())
    organizer.email_verified_at = utcnow() if verified else None
    organizer.set_password(password)
    db.session.add(organizer)
    db.session.flush()
    return organizer


def sign_up(name: str, email: str, password: str) -> Organizer | None:
    """Create an unverified account and email its confirmation link; None if the address is taken.

    A taken address gets a note instead, and the caller answers exactly as for a new account,
    so sign-up never tells anyone whether an address has an account.
    """
    existing = find_by_email(email)
    if existing is not None:
        generate_password_hash(password)  # as long as creating an account takes
        verification.notify_existing_account(existing)
        return None
    organizer = create_organizer(name, email, password)
    verification.request_verification(organizer)
    return organizer


def authenticate(email: str, password: str) -> Organizer | None:
    """Return the organizer when email and password match, else None."""
    organizer = find_by_email(email)
    if organizer is None:
        # Hash anyway, so an unknown email takes as long as a wrong password.
        check_password_hash(_dummy_hash(), password)
        return None
    return organizer if organizer.check_password(password) else None


@cache
def _dummy_hash() -> str:
    return generate_password_hash("not anybody's password")


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=RESET_SALT)


def reset_token(organizer: Organizer) -> str:
    """Return a signed reset token; it dies after an hour or once the password changes."""
    return _reset_serializer().dumps([organizer.id, organizer.password_version])


def organizer_for_reset(token: str) -> Organizer | None:
    """Return the organizer a valid, unused, unexpired reset token names, else None."""
    try:
        org_id, version = _reset_serializer().loads(token, max_age=RESET_MAX_AGE)
    except (BadSignature, TypeError, ValueError):  # expired, tampered or malformed
        return None
    organizer = db.session.get(Organizer, org_id) if isinstance(org_id, int) else None
    if organizer is None or organizer.password_version != version:
        return None
    return organizer


def request_password_reset(email: str) -> None:
    """Queue a reset email if the account exists; say nothing either way."""
    organizer = find_by_email(email)
    if organizer is None:
        return
    bucket = int(time.time()) // RESET_DEDUPE_WINDOW
    queue_message(
        kind="password_reset",
        recipient=organizer.email,
        subject="Reset your dinnerplan password",
        dedupe_key=f"password-reset:{organizer.id}:{organizer.password_version}:{bucket}",
        context={
            "organizer": organizer,
            "link": external_url("auth.reset", token=reset_token(organizer)),
            "hours": RESET_MAX_AGE // 3600,
        },
        organizer_id=organizer.id,
    )


def reset_password(organizer: Organizer, password: str) -> None:
    """Set a new password; old reset links and every session stop working."""
    organizer.set_password(password)
    organizer.session_keys = []
    db.session.flush()
