"""The guests panel of the event page: how many guests are on the list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest


@dataclass(frozen=True)
class GuestsPanel:
    """The guest list at a glance."""

    count: int


def panel(event: Event) -> GuestsPanel:
    """Count the event's guests in the database (no guest is loaded)."""
    count = db.session.scalar(db.select(func.count()).where(Guest.event_id == event.id))
    return GuestsPanel(count=count or 0)
