"""The seating panel of the event page: the latest run, its state, and what is published."""

from __future__ import annotations

from dataclasses import dataclass

from dinnerplan.models import Event
from dinnerplan.seating import versions
from dinnerplan.seating.review import status_line


@dataclass(frozen=True)
class SeatingPanel:
    """The newest seating version and the published one, by number (None when there is none)."""

    latest: int | None
    line: str  # the latest run's state: 'Optimal', 'Best found in 12 s', 'Running'…
    reason: str  # why the latest run failed or stopped, if it says
    published: int | None


def panel(event: Event) -> SeatingPanel:
    """Return what the seating panel shows."""
    latest, published = versions.latest_version(event), versions.published_version(event)
    return SeatingPanel(
        latest=latest.number if latest else None,
        line=status_line(latest) if latest else "",
        reason=(latest.reason or "") if latest else "",
        published=published.number if published else None,
    )
