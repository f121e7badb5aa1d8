"""Template filters and globals: dates in the event's time zone, intents, labels."""

from __future__ import annotations

from datetime import datetime

from flask import Flask

from dinnerplan.forms import EmptyForm
from dinnerplan.profile import DIETARY, intent_label


def format_when(value: datetime | None, fmt: str = "%a %d %b %Y, %H:%M") -> str:
    """Format a stored wall-clock time; empty for None."""
    return value.strftime(fmt) if value else ""


def register(app: Flask) -> None:
    """Register filters and globals on the app."""
    app.add_template_filter(format_when, "when")
    app.add_template_filter(intent_label, "intent")
    # Templates only render EmptyForm's CSRF token; not reading the request body keeps
    # error pages (e.g. 413 after an oversized upload) from raising again.
    app.add_template_global(lambda: EmptyForm(formdata=None), "EmptyForm")
    app.add_template_global(DIETARY, "DIETARY")
    # A missing value prints as nothing, not "None" (a walk-in added without an email).
    app.jinja_env.finalize = lambda value: "" if value is None else value
