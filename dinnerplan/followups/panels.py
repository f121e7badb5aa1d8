"""The after-the-dinner panel of the event page: promises made, kept and open."""

from __future__ import annotations

from dataclasses import dataclass

from dinnerplan.models import Event


@dataclass(frozen=True)
class FollowupsPanel:
    """The panel links to the outcome page, so it needs nothing but the event."""

    event_id: int


def panel(event: Event) -> FollowupsPanel:
    """Return what the after-the-dinner panel shows."""
    return FollowupsPanel(event_id=event.id)
