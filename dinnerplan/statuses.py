"""Status values as enums, one definition each, stored as their string values.

Each is a StrEnum: a member equals its value ("yes" == Rsvp.YES), so rows written before the
enums, templates comparing with the value, and JSON all keep working unchanged. Pure (no Flask,
no database), so the CSV importer can use them too. The models re-export the first five.
"""

from __future__ import annotations

from enum import StrEnum


class Rsvp(StrEnum):
    """A guest's RSVP state, stored as its value in `guest.rsvp`."""

    INVITED = "invited"  # not answered (invited or not yet)
    YES = "yes"
    MAYBE = "maybe"
    NO = "no"
    WAITLIST = "waitlist"  # said yes when the dinner was full; `waitlisted_at` orders them


class MessageStatus(StrEnum):
    """How sending an email stands, stored as its value in `message.status`."""

    QUEUED = "queued"  # recorded, waiting to be sent
    SENDING = "sending"  # a worker claimed it (`claimed_at`)
    SENT = "sent"
    FAILED = "failed"


class PromiseState(StrEnum):
    """Where a promise stands, stored as its value in `promise.state`."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class VersionKind(StrEnum):
    """How a seating version was made, stored as its value in `seating_version.kind`."""

    SOLVE = "solve"  # a seating job from scratch
    RESEAT = "reseat"  # re-seat the rest, keeping locks and hand moves of the parent
    RESEAT_ALL = "reseat_all"  # re-seat everyone but the locked guests
    LATE = "late"  # late changes on the night: the fewest moves from the published version
    EDIT = "edit"  # moved, swapped or locked by hand


class VersionStatus(StrEnum):
    """A seating version's state (its job's, then its result's), in `seating_version.status`."""

    PENDING = "pending"  # waiting for a worker
    RUNNING = "running"
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"  # the best found in the time limit
    EDITED = "edited"
    INFEASIBLE = "infeasible"
    FAILED = "failed"


class RenderState(StrEnum):
    """Where the job making an event's PDFs stands, as its status file records it."""

    NONE = "none"  # no job yet
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
