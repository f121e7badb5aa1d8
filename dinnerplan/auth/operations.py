"""Account operations. Operations flush, never commit."""

from __future__ import annotations

from dinnerplan.extensions import db
from dinnerplan.models import Organizer


def load_organizer(session_id: str) -> Organizer | None:
    """Flask-Login loader: 'id:password_version'; a changed password ends old sessions."""
    raw_id, _, version = session_id.partition(":")
    if not raw_id.isdigit():
        return None
    organizer = db.session.get(Organizer, int(raw_id))
    if organizer is None or str(organizer.password_version) != version:
        return None
    return organizer
