"""The database schema: bring it up to date with the migrations (the CLI, the demo, tests)."""

from __future__ import annotations

from flask import current_app
from flask_migrate import upgrade
from sqlalchemy import inspect

from dinnerplan.extensions import db


def upgrade_database() -> None:
    """Apply the schema migrations (creates the SQLite file on first run).

    A database whose tables were made without Alembic (db.create_all in tests) is left as is.
    """
    tables = set(inspect(db.engine).get_table_names())
    if tables and "alembic_version" not in tables:
        return
    upgrade(directory=current_app.extensions["migrate"].directory)
