"""Every email the app sends is recorded here before it is sent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dinnerplan.extensions import db
from dinnerplan.models._base import utcnow
from dinnerplan.statuses import MessageStatus


class Message(db.Model):
    """One email: who, what kind, its bodies, and how sending went.

    `dedupe_key` is unique: building the same message twice (a double click, a retried job)
    finds the existing row instead of sending again.
    """

    __tablename__ = "message"

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    organizer_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizer.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), index=True
    )
    guest_id: Mapped[int | None] = mapped_column(ForeignKey("guest.id", ondelete="SET NULL"))
    recipient: Mapped[str] = mapped_column(String(254))
    kind: Mapped[str] = mapped_column(String(40))  # invitation, confirmation, reset, ...
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text, default="")
    ics: Mapped[str] = mapped_column(Text, default="")  # calendar attachment, if any
    status: Mapped[str] = mapped_column(String(10), default=MessageStatus.QUEUED.value, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]  # when a worker took it to send (status 'sending')
