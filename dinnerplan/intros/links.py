"""The guest's personal link, signed as the RSVP area signs it.

Stand-in until branch rsvp-mail lands `dinnerplan.rsvp.operations` (token_for,
guest_for_token, personal_link): the same scheme, so the lead can replace this module with
imports from there.
"""

from __future__ import annotations

import secrets

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from dinnerplan.extensions import db
from dinnerplan.models import Guest


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="rsvp")


def token_for(guest: Guest) -> str:
    """Return the guest's personal token: signed, and dead once the nonce rotates."""
    return _serializer().dumps([guest.id, guest.token_nonce])


def guest_for_token(token: str) -> Guest | None:
    """Return the guest a token belongs to, or None when tampered with or revoked."""
    try:
        guest_id, nonce = _serializer().loads(token)
    except (BadSignature, TypeError, ValueError):
        return None
    if not isinstance(guest_id, int) or not isinstance(nonce, str):
        return None
    guest = db.session.get(Guest, guest_id)
    if guest is None or not secrets.compare_digest(guest.token_nonce, nonce):
        return None
    return guest


def guest_link(guest: Guest) -> str:
    """Return the absolute URL of the guest's RSVP page (`/r/<token>`)."""
    return f"{current_app.config['BASE_URL'].rstrip('/')}/r/{token_for(guest)}"


def guest_table_link(guest: Guest) -> str:
    """Return the absolute URL of the guest's table page (`/r/<token>/table`)."""
    return f"{guest_link(guest)}/table"
