"""Signed links: the table's QR code, and one-purpose follow-up actions in emails.

A table link names a table and nothing else, so a shared or photographed QR code cannot
reveal anyone's contact details. An action link carries the guest's link nonce: revoking
the guest's personal link (rsvp.revoke) kills every action link sent to them as well.
"""

from __future__ import annotations

import secrets

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from dinnerplan.extensions import db
from dinnerplan.models import Guest, Message, Table
from dinnerplan.urls import external_url

ACTIONS = ("done", "drop", "spoke", "helped", "not_helped", "unsubscribe", "intro_yes", "intro_no")


def _serializer(salt: str) -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=salt)


def table_token(table: Table) -> str:
    """Return the signed token of a table's QR code."""
    return _serializer("table-qr").dumps([table.id, table.event_id])


def table_for_token(token: str) -> Table | None:
    """Return the table a QR token names, or None when tampered with or gone."""
    try:
        table_id, event_id = _serializer("table-qr").loads(token)
    except (BadSignature, TypeError, ValueError):
        return None
    table = db.session.get(Table, table_id) if isinstance(table_id, int) else None
    return table if table is not None and table.event_id == event_id else None


def table_url(table: Table) -> str:
    """Return the absolute URL the table's QR code opens."""
    return external_url("followups.table_page", token=table_token(table))


def action_token(guest: Guest, action: str, target: int = 0) -> str:
    """Return a token that lets this guest do exactly one action on one target."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    return _serializer("followup-action").dumps([guest.id, guest.token_nonce, action, target])


def action_url(guest: Guest, action: str, target: int = 0) -> str:
    """Return the absolute URL of an action link for an email."""
    return external_url("followups.action", token=action_token(guest, action, target))


def unsubscribe_url(guest: Guest) -> str:
    """Return the one-click unsubscribe URL (List-Unsubscribe, RFC 8058)."""
    return external_url("followups.unsubscribe", token=action_token(guest, "unsubscribe"))


def read_action(token: str) -> tuple[Guest, str, int] | None:
    """Return (guest, action, target) for a valid token, or None when tampered or revoked."""
    try:
        guest_id, nonce, action, target = _serializer("followup-action").loads(token)
    except (BadSignature, TypeError, ValueError):
        return None
    if not isinstance(guest_id, int) or not isinstance(target, int) or action not in ACTIONS:
        return None
    guest = db.session.get(Guest, guest_id)
    if guest is None or not secrets.compare_digest(guest.token_nonce, str(nonce)):
        return None
    return guest, action, target


def unsubscribe_headers(message: Message) -> dict[str, str]:
    """Return List-Unsubscribe headers for a follow-up message (RFC 2369 and 8058)."""
    guest = db.session.get(Guest, message.guest_id) if message.guest_id else None
    if guest is None or not message.kind.startswith("followup_"):
        return {}
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(guest)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
