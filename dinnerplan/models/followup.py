"""After the dinner: promises made at the table, and what guests answered to follow-ups."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dinnerplan.extensions import db
from dinnerplan.models._base import utcnow
from dinnerplan.statuses import PromiseState

PROMISE_KINDS = ("intro", "send", "ask")  # intro someone, send something, ask for an intro


ANSWER_KINDS = ("spoke", "helped", "unsubscribed")
PROMISE_LENGTH = 280


class Promise(db.Model):
    """One line promised at the table: the giver does `what` for the receiver.

    For an ask ("Could you introduce me to ...?") the asker is the receiver and the
    tablemate asked is the giver; `created_by_id` says who wrote it down.
    """

    __tablename__ = "promise"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    giver_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"), index=True)
    receiver_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))  # PROMISE_KINDS
    what: Mapped[str] = mapped_column(String(PROMISE_LENGTH))
    state: Mapped[str] = mapped_column(String(10), default=PromiseState.OPEN.value, index=True)
    drop_reason: Mapped[str] = mapped_column(String(200), default="")
    # A promised intro to someone outside the dinner: asked first, on both sides.
    outside_name: Mapped[str] = mapped_column(String(200), default="")
    outside_email: Mapped[str] = mapped_column(String(254), default="")
    receiver_ok_at: Mapped[datetime | None]
    outside_ok_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]  # done or dropped


class FollowupAnswer(db.Model):
    """A guest's answer to a follow-up: spoke with a tablemate, was helped, unsubscribed.

    `about_id` is the tablemate concerned (0 when the answer is about the dinner), so one
    guest has at most one answer of a kind about one person.
    """

    __tablename__ = "followup_answer"
    __table_args__ = (UniqueConstraint("guest_id", "kind", "about_id", name="uq_followup_answer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # ANSWER_KINDS
    about_id: Mapped[int] = mapped_column(default=0)
    value: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
