"""Per-organizer authorization: another organizer's event or guest answers 404."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest


def owned_event_or_404(event_id: int) -> Event:
    """Return the signed-in organizer's event, or 404 (never 403: don't reveal it exists)."""
    event = db.session.get(Event, event_id)
    if event is None or not current_user.is_authenticated or event.organizer_id != current_user.id:
        abort(404)
    return event


def owned_guest_or_404(event: Event, guest_id: int) -> Guest:
    """Return a guest of this (already authorized) event, or 404."""
    guest = db.session.get(Guest, guest_id)
    if guest is None or guest.event_id != event.id:
        abort(404)
    return guest
