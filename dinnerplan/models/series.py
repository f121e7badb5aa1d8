"""Seats at dinners of a series held elsewhere, imported so that tablemates don't repeat."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from dinnerplan.extensions import db
from dinnerplan.models._base import utcnow


class SeriesSeat(db.Model):
    """One guest (by email) at one table of an earlier dinner of an organizer's series."""

    __tablename__ = "series_seat"

    id: Mapped[int] = mapped_column(primary_key=True)
    organizer_id: Mapped[int] = mapped_column(
        ForeignKey("organizer.id", ondelete="CASCADE"), index=True
    )
    series: Mapped[str] = mapped_column(String(120))
    dinner: Mapped[str] = mapped_column(String(200))  # e.g. the file name or "March 2026"
    table: Mapped[str] = mapped_column(String(80))
    email: Mapped[str] = mapped_column(String(254))  # lower-cased
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
