"""Typed SQLAlchemy models, one module per area; import them from here."""

from dinnerplan.models.event import Event, Table
from dinnerplan.models.followup import FollowupAnswer, Promise
from dinnerplan.models.guest import Guest, GuestLink
from dinnerplan.models.message import Message
from dinnerplan.models.organizer import Organizer
from dinnerplan.models.seating import Assignment, SeatingVersion
from dinnerplan.models.series import SeriesSeat

__all__ = [
    "Assignment",
    "Event",
    "FollowupAnswer",
    "Guest",
    "GuestLink",
    "Message",
    "Organizer",
    "Promise",
    "SeatingVersion",
    "SeriesSeat",
    "Table",
]
