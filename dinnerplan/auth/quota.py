"""Who may email guests, and how many today: verified accounts, up to MAIL_DAILY_QUOTA a day.

Views ask `sending_refusal` before queuing a batch; a batch over what remains is refused as a
whole, so nothing is half-sent.
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app
from sqlalchemy import func

from dinnerplan.extensions import db
from dinnerplan.models import Message, Organizer
from dinnerplan.models._base import utcnow

# Messages an organizer sends to guests (account emails and guests' own confirmations don't count).
GUEST_KINDS = ("invitation", "invitation_resend", "intro", "table_changed")

UNVERIFIED = (
    "Confirm your email address first: open the link we emailed to {email}. "
    "Until then dinnerplan won't email your guests."
)


def sent_today(organizer_id: int, now: datetime | None = None) -> int:
    """Guest emails the organizer has recorded since midnight (UTC)."""
    midnight = (now or utcnow()).replace(hour=0, minute=0, second=0, microsecond=0)
    return db.session.execute(
        db.select(func.count(Message.id)).where(
            Message.organizer_id == organizer_id,
            Message.kind.in_(GUEST_KINDS),
            Message.created_at >= midnight,
        )
    ).scalar_one()


def remaining_today(organizer: Organizer, now: datetime | None = None) -> int:
    """How many more guest emails the organizer may send today."""
    quota = current_app.config["MAIL_DAILY_QUOTA"]
    return max(0, quota - sent_today(organizer.id, now))


def sending_refusal(organizer: Organizer, count: int, now: datetime | None = None) -> str | None:
    """Why the organizer may not send `count` guest emails now, or None when they may."""
    if organizer.email_verified_at is None:
        return UNVERIFIED.format(email=organizer.email)
    remaining = remaining_today(organizer, now)
    if count > remaining:
        quota = current_app.config["MAIL_DAILY_QUOTA"]
        return (
            f"That would send {count} email{'s' if count != 1 else ''}, but your account can "
            f"send {remaining} more today (up to {quota:,} a day). Nothing was sent; "
            "try again tomorrow, or send to fewer guests."
        )
    return None
