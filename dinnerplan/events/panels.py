"""The event page's panels: the event view asks each area for its own, by name.

Each area's `panels.panel(event)` returns a small frozen dataclass of what its panel shows;
the templates (`templates/<area>/_event_panel.html`) only display `panels.<area>`. Adding a
panel is one field here, one call below and one include in `templates/events/show.html`.
"""

from __future__ import annotations

from dataclasses import dataclass

from dinnerplan.events import tables
from dinnerplan.events.operations import deadline_passed
from dinnerplan.followups import panels as followups
from dinnerplan.guests import panels as guests
from dinnerplan.intros import panels as intros
from dinnerplan.models import Event
from dinnerplan.rsvp import panels as rsvp
from dinnerplan.seating import panels as seating
from dinnerplan.sheets import panels as sheets
from dinnerplan.topics import panels as topics


@dataclass(frozen=True)
class EventPanels:
    """Every panel of the event page, in page order."""

    tables: tables.TableSummary
    deadline_passed: bool
    guests: guests.GuestsPanel
    rsvp: rsvp.RsvpPanel
    topics: topics.TopicsPanel
    seating: seating.SeatingPanel
    intros: intros.IntrosPanel
    sheets: sheets.SheetsPanel
    followups: followups.FollowupsPanel


def event_panels(event: Event) -> EventPanels:
    """Ask each area for its panel of this event."""
    return EventPanels(
        tables=tables.summarize(event),
        deadline_passed=deadline_passed(event),
        guests=guests.panel(event),
        rsvp=rsvp.panel(event),
        topics=topics.panel(event),
        seating=seating.panel(event),
        intros=intros.panel(event),
        sheets=sheets.panel(event),
        followups=followups.panel(event),
    )
