"""Guests, their profiles, and their seating wishes about one another."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dinnerplan.extensions import db
from dinnerplan.models._base import utcnow
from dinnerplan.statuses import Rsvp

if TYPE_CHECKING:
    from dinnerplan.models.event import Event


RSVP_STATES = tuple(Rsvp)  # in the order the guest list offers them


def new_token_nonce() -> str:
    """Return a fresh random nonce; rotating it revokes the guest's personal link."""
    return secrets.token_urlsafe(16)


class Guest(db.Model):
    """A guest of one event: contact details, RSVP state and seating profile."""

    __tablename__ = "guest"
    __table_args__ = (UniqueConstraint("event_id", "email", name="uq_guest_event_email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # Stored lower-cased; None only for a walk-in added without one (they get no email).
    email: Mapped[str | None] = mapped_column(String(254))
    company: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    industry: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    linkedin: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")  # organizer-only

    # Profile: what seating uses.
    one_liner: Mapped[str] = mapped_column(String(200), default="")
    offers: Mapped[list[str]] = mapped_column(JSON, default=list)
    needs: Mapped[list[str]] = mapped_column(JSON, default=list)
    intent: Mapped[str | None] = mapped_column(String(20))  # key of matching.INTENTS
    dietary: Mapped[list[str]] = mapped_column(JSON, default=list)  # keys of DIETARY
    dietary_other: Mapped[str] = mapped_column(String(200), default="")
    accessibility: Mapped[str] = mapped_column(String(300), default="")
    share_email: Mapped[bool] = mapped_column(default=False)
    share_phone: Mapped[bool] = mapped_column(default=False)
    share_linkedin: Mapped[bool] = mapped_column(default=False)
    profile_updated_at: Mapped[datetime | None]
    # Help topics (issue 11): ids confirmed by the guest, the organizer or an import column.
    need_topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    offer_topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    topics_confirmed_at: Mapped[datetime | None]

    # RSVP state.
    rsvp: Mapped[str] = mapped_column(String(10), default=Rsvp.INVITED.value, index=True)
    responded_at: Mapped[datetime | None]
    waitlisted_at: Mapped[datetime | None]  # waitlist order: earliest first, then id
    token_nonce: Mapped[str] = mapped_column(String(40), default=new_token_nonce)
    invited_at: Mapped[datetime | None]
    checked_in_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    event: Mapped[Event] = relationship(back_populates="guests")
    links: Mapped[list[GuestLink]] = relationship(
        foreign_keys="GuestLink.guest_id", cascade="all, delete-orphan"
    )

    @property
    def first_name(self) -> str:
        """First word of the name, for friendly greetings."""
        return self.name.split()[0] if self.name.split() else self.name

    @property
    def has_profile(self) -> bool:
        """True once the guest has said what they offer or need and why they come."""
        return bool((self.offers or self.needs) and self.intent)


class GuestLink(db.Model):
    """A seating wish of one guest about another: 'avoid' (hard) or 'prefer'."""

    __tablename__ = "guest_link"
    __table_args__ = (UniqueConstraint("guest_id", "other_id", name="uq_guest_link"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"), index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))  # avoid | prefer

    other: Mapped[Guest] = relationship(foreign_keys=[other_id])
