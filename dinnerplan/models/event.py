"""Events (dinners) and their tables."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dinnerplan.extensions import db
from dinnerplan.models._base import utcnow

if TYPE_CHECKING:
    from dinnerplan.models.guest import Guest
    from dinnerplan.models.organizer import Organizer


class Event(db.Model):
    """A dinner. Times are wall-clock times in the event's own time zone."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    organizer_id: Mapped[int] = mapped_column(ForeignKey("organizer.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]  # local wall-clock time in `timezone`
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    venue: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    rsvp_deadline: Mapped[datetime | None]  # local wall-clock time in `timezone`
    capacity: Mapped[int | None]
    minutes_per_guest: Mapped[int] = mapped_column(default=3)
    table_min: Mapped[int] = mapped_column(default=6)
    table_max: Mapped[int] = mapped_column(default=10)
    # Table plan (seating): the size to aim for, and whether tables may differ by more than one.
    table_target: Mapped[int | None]
    uneven_tables: Mapped[bool] = mapped_column(default=False)
    # Dinner series: guests who shared a table at an earlier dinner of it are kept apart.
    series: Mapped[str] = mapped_column(String(120), default="", index=True)
    paper: Mapped[str] = mapped_column(String(10), default="a4")  # a4 | letter
    # Guests may type the name of someone they'd like to sit with (or not); the organizer may
    # switch it off. No list of other guests is ever shown to a guest.
    guest_wishes: Mapped[bool] = mapped_column(default=True, server_default=true())
    # This event's help-topic catalogue edits: {"added": [...], "renamed": {...}, "hidden": [...]}.
    topic_settings: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tables: Mapped[list[Table]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Table.position"
    )
    guests: Mapped[list[Guest]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Guest.id"
    )
    # The host named in invitations and on the guest's pages (no schema change).
    organizer: Mapped[Organizer] = relationship(viewonly=True)

    @property
    def host_name(self) -> str:
        """Return who hosts the dinner: the organizer's name, else their email address."""
        return self.organizer.name or self.organizer.email


class Table(db.Model):
    """A table at an event, with its own size bounds and an optional host guest."""

    __tablename__ = "dinner_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    min_seats: Mapped[int] = mapped_column(default=6)
    max_seats: Mapped[int] = mapped_column(default=10)
    host_guest_id: Mapped[int | None] = mapped_column(ForeignKey("guest.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(default=0)

    event: Mapped[Event] = relationship(back_populates="tables")
    host: Mapped[Guest | None] = relationship(foreign_keys=[host_guest_id])
