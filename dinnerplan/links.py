"""Guests' personal links: signed, unguessable, and dead once revoked (RSVP and intro pages)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from dinnerplan.extensions import db
from dinnerplan.models import Guest
from dinnerplan.models.guest import new_token_nonce
from dinnerplan.urls import external_url


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="rsvp")


def token_for(guest: Guest) -> str:
    """Return the guest's personal link token: signed, and dead once the nonce rotates."""
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


@dataclass(frozen=True)
class StaleLink:
    """What the page of a replaced link shows: the dinner and whom to ask, nothing else.

    Anyone holding an old link sees it, so it carries no guest data: the organizer's email
    is there on purpose (the guest needs it to ask for the new link).
    """

    title: str
    starts_at: datetime  # local wall-clock time, as Event.starts_at
    host_name: str
    organizer_email: str


def stale_link(token: str) -> StaleLink | None:
    """Return what the page of a revoked (but genuine) link says: the dinner and whom to ask."""
    try:
        guest_id, _nonce = _serializer().loads(token)
    except (BadSignature, TypeError, ValueError):
        return None
    guest = db.session.get(Guest, guest_id) if isinstance(guest_id, int) else None
    if guest is None:
        return None
    event = guest.event
    return StaleLink(event.title, event.starts_at, event.host_name, event.organizer.email)


def personal_link(guest: Guest) -> str:
    """Return the absolute URL of the guest's RSVP page."""
    return external_url("rsvp.page", token=token_for(guest))


def revoke_link(guest: Guest) -> None:
    """Rotate the guest's nonce: every link sent so far stops working."""
    guest.token_nonce = new_token_nonce()
    db.session.flush()
