"""Seating versions: every solver run or manual edit is kept; one may be published."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dinnerplan.extensions import db
from dinnerplan.models._base import utcnow
from dinnerplan.statuses import VersionStatus


class SeatingVersion(db.Model):
    """One seating of an event: a solver run, a re-seat or a manual edit."""

    __tablename__ = "seating_version"
    __table_args__ = (UniqueConstraint("event_id", "number", name="uq_seating_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]  # 1, 2, 3... per event
    kind: Mapped[str] = mapped_column(String(20))  # VersionKind
    status: Mapped[str] = mapped_column(String(20), default=VersionStatus.PENDING.value)
    objective: Mapped[float | None]
    bound: Mapped[float | None]
    seconds: Mapped[float | None]
    reason: Mapped[str] = mapped_column(String(1000), default="")
    summary: Mapped[dict] = mapped_column(JSON, default=dict)  # scores, reasons, metrics
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("seating_version.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]

    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="version", cascade="all, delete-orphan"
    )


class Assignment(db.Model):
    """A guest's table in one seating version."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("version_id", "guest_id", name="uq_assignment_guest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("seating_version.id", ondelete="CASCADE"), index=True
    )
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"))
    table_id: Mapped[int] = mapped_column(ForeignKey("dinner_table.id", ondelete="CASCADE"))
    locked: Mapped[bool] = mapped_column(default=False)
    seat_order: Mapped[int] = mapped_column(default=0)  # talk order at the table

    version: Mapped[SeatingVersion] = relationship(back_populates="assignments")
