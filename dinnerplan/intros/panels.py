"""The introductions panel of the event page: how sending the published seating's stands."""

from __future__ import annotations

from dataclasses import dataclass

from dinnerplan.intros.operations import intro_status
from dinnerplan.models import Event
from dinnerplan.seating.versions import published_version


@dataclass(frozen=True)
class IntrosPanel:
    """Introductions of the published seating: to send and already sent (None: unpublished)."""

    published: bool
    to_send: int
    sent: int  # sent for this version, or to guests told by an earlier one


def panel(event: Event) -> IntrosPanel:
    """Return what the introductions panel shows."""
    version = published_version(event)
    if version is None:
        return IntrosPanel(published=False, to_send=0, sent=0)
    status = intro_status(event, version)
    return IntrosPanel(published=True, to_send=status.to_send, sent=status.sent + status.earlier)
