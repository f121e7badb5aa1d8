"""Server-side sessions: each sign-in gets a key the cookie carries; the database lists them.

Flask's session cookie is signed, not stored, so a copied cookie (or remember-me cookie)
would work until it expires. Each sign-in therefore adds a random key to the organizer's
`session_keys` (stored as SHA-256 hashes), the session id and remember cookie carry the key,
and `load_organizer` accepts a cookie only while its key is listed. Signing out removes this
session's key; "sign out everywhere" and a new password remove them all.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask_login import login_user, logout_user

from dinnerplan.extensions import db
from dinnerplan.models import Organizer

# The newest sessions kept per account; signing in on a 21st device ends the oldest session.
MAX_SESSIONS = 20


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def start_session(organizer: Organizer) -> str:
    """Record a new session for the organizer and make it this object's; return its key."""
    key = secrets.token_urlsafe(24)
    organizer.session_keys = [_digest(key), *(organizer.session_keys or [])][:MAX_SESSIONS]
    organizer.session_key = key
    db.session.flush()
    return key


def sign_in(organizer: Organizer, remember: bool = False) -> None:
    """Start a recorded session and sign this browser in with it."""
    start_session(organizer)
    login_user(organizer, remember=remember)


def end_session(organizer: Organizer) -> None:
    """End this session only (its cookie and remember cookie stop working), and sign out."""
    digest = _digest(organizer.session_key)
    organizer.session_keys = [d for d in organizer.session_keys or [] if d != digest]
    db.session.flush()
    logout_user()


def end_all_sessions(organizer: Organizer) -> None:
    """End every session of the organizer, on every device."""
    organizer.session_keys = []
    db.session.flush()


def load_organizer(session_id: str) -> Organizer | None:
    """Flask-Login loader for 'id:password_version:key'; any other shape is signed out."""
    raw_id, version, key = (session_id.split(":") + ["", ""])[:3]
    if not raw_id.isdigit() or not key or len(raw_id) > 10:
        return None
    organizer = db.session.get(Organizer, int(raw_id))
    if organizer is None or str(organizer.password_version) != version:
        return None
    digest = _digest(key)
    if not any(hmac.compare_digest(digest, known) for known in organizer.session_keys or []):
        return None
    organizer.session_key = key
    return organizer
