"""Where each of an organizer's dinners stands, for the list of dinners: one query per fact.

Not seated yet -> seated (a finished seating, not published) -> seating published ->
introductions sent (any introduction of the dinner has gone out or is going).
"""

from __future__ import annotations

from dinnerplan.extensions import db
from dinnerplan.intros.records import TOLD
from dinnerplan.models import Event, Message, SeatingVersion
from dinnerplan.seating.versions import SEATED

# stage key: (what the card says, the next step in small type)
LABELS = {
    "fresh": ("Not seated yet", "seat the guests once they have answered"),
    "seated": ("Seated, not published", "check the tables, then publish"),
    "published": ("Seating published", "next: send the introductions"),
    "told": ("Introductions sent", "guests know their tables"),
}


def _events_with(query, organizer_id: int) -> set[int]:
    """Ids of the organizer's events that the (event_id) query returns."""
    owned = db.select(Event.id).where(Event.organizer_id == organizer_id)
    return set(db.session.execute(query.where(query.selected_columns[0].in_(owned))).scalars())


def stages(organizer_id: int) -> dict[int, str]:
    """Return {event id: stage key} for the events that have gone past "fresh"."""
    seated = _events_with(
        db.select(SeatingVersion.event_id).where(SeatingVersion.status.in_(SEATED)).distinct(),
        organizer_id,
    )
    published = _events_with(
        db.select(SeatingVersion.event_id)
        .where(SeatingVersion.published_at.is_not(None))
        .distinct(),
        organizer_id,
    )
    told = _events_with(
        db.select(Message.event_id)
        .where(Message.kind == "intro", Message.status.in_(TOLD))
        .distinct(),
        organizer_id,
    )
    out = dict.fromkeys(seated, "seated")
    out.update(dict.fromkeys(published, "published"))
    out.update(dict.fromkeys(told, "told"))
    return out
