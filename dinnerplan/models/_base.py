"""Column helpers shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Return the current time in UTC, timezone-naive (stored as UTC everywhere)."""
    return datetime.now(UTC).replace(tzinfo=None)
