"""The `dinnerplan` command group: expected failures become one plain line, not a traceback.

A database whose tables were never created (a fresh install that skipped the migration) is
the common case: every command then says to run `dinnerplan db upgrade`.
"""

from __future__ import annotations

import click
from flask.cli import FlaskGroup
from sqlalchemy.exc import OperationalError, ProgrammingError

NO_TABLES = (
    "the database has no dinnerplan tables yet. Run `dinnerplan db upgrade` first "
    "(it creates them; `dinnerplan run` and `dinnerplan demo` do it too)."
)


def missing_table(error: Exception) -> bool:
    """True when the database says a table does not exist (SQLite or PostgreSQL)."""
    original = getattr(error, "orig", None)
    return "no such table" in str(original) or getattr(original, "sqlstate", "") == "42P01"


class DinnerplanGroup(FlaskGroup):
    """Flask's CLI group, with a plain message for a database without tables."""

    def invoke(self, ctx: click.Context):
        """Run the command; turn 'no such table' into a ClickException."""
        try:
            return super().invoke(ctx)
        except (OperationalError, ProgrammingError) as error:
            if missing_table(error):
                raise click.ClickException(NO_TABLES) from None
            raise
