"""Organizers: the people who sign in and run dinners."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from dinnerplan.extensions import db
from dinnerplan.models._base import utcnow


class Organizer(UserMixin, db.Model):
    """An organizer account; owns events."""

    __tablename__ = "organizer"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(256))
    # Bumped on password change/reset so old reset links and sessions stop working.
    password_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Sessions and email verification (auth/sessions.py, auth/verification.py):
    # hashes of the live sessions' keys (signing out removes one, "everywhere" all) ...
    session_keys: Mapped[list[str]] = mapped_column(JSON, default=list)
    # ... and when the owner proved the address is theirs (None: may not email guests yet).
    email_verified_at: Mapped[datetime | None] = mapped_column(default=None)

    # This request's session key (not stored): sessions and remember cookies carry it.
    session_key = ""

    def set_password(self, password: str) -> None:
        """Hash and store a new password."""
        self.password_hash = generate_password_hash(password)
        self.password_version = (self.password_version or 0) + 1

    def check_password(self, password: str) -> bool:
        """Return True when the password matches."""
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        """Session id: the password version (a reset ends sessions) and this session's key."""
        return f"{self.id}:{self.password_version}:{self.session_key}"
