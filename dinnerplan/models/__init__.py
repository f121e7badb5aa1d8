"""Typed SQLAlchemy models, one module per area, and the status enums (statuses.py).

Import them from here.
"""

from dinnerplan.models.event import Event, Table
from dinnerplan.models.followup import FollowupAnswer, Promise
from dinnerplan.models.guest import Guest, GuestLink
from dinnerplan.models.message import Message
from dinnerplan.models.organizer import Organizer
from dinnerplan.models.seating import Assignment, SeatingVersion
from dinnerplan.models.series import SeriesSeat
from dinnerplan.statuses import MessageStatus, PromiseState, Rsvp, VersionKind, VersionStatus

__all__ = [
    "Assignment",
    "Event",
    "FollowupAnswer",
    "Guest",
    "GuestLink",
    "Message",
    "MessageStatus",
    "Organizer",
    "Promise",
    "PromiseState",
    "Rsvp",
    "SeatingVersion",
    "SeriesSeat",
    "Table",
    "VersionKind",
    "VersionStatus",
]
