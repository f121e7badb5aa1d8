"""The needs-and-offers panel of the event page: links to review and to the settings."""

from __future__ import annotations

from dataclasses import dataclass

from dinnerplan.models import Event


@dataclass(frozen=True)
class TopicsPanel:
    """The panel only links to the topic pages, so it needs nothing but the event."""

    event_id: int


def panel(event: Event) -> TopicsPanel:
    """Return what the needs-and-offers panel shows."""
    return TopicsPanel(event_id=event.id)
