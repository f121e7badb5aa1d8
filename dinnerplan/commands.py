"""The `dinnerplan` command line: Flask's CLI group plus one click group per area."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import FlaskGroup, routes_command, run_command, shell_command, with_appcontext

from dinnerplan.app import create_app


def _create_app():
    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, add_default_commands=False)
def main() -> None:
    """Plan small-table networking dinners."""


@main.command("run", context_settings={"ignore_unknown_options": True})
@click.option("--host", "-h", default="127.0.0.1", show_default=True)
@click.option("--port", "-p", default=5000, show_default=True)
@click.option("--debug/--no-debug", default=False)
@click.pass_context
@with_appcontext
def run(ctx: click.Context, host: str, port: int, debug: bool) -> None:
    """Create or upgrade the database, then serve the app (development server)."""
    upgrade_database()
    import os
    import threading

    from dinnerplan.solver.kernel import warm_up

    # Compile the seating search now (seconds, once per installation; cached on disk) rather
    # than in the organizer's first seating run.
    threading.Thread(target=warm_up, name="compile-search", daemon=True).start()

    if "SESSION_COOKIE_SECURE" not in os.environ:
        # The development server speaks plain HTTP; gunicorn behind TLS keeps secure cookies.
        current_app.config["SESSION_COOKIE_SECURE"] = False
        current_app.config["REMEMBER_COOKIE_SECURE"] = False
    current_app.config["BASE_URL"] = os.environ.get("BASE_URL", f"http://{host}:{port}")
    click.echo(f"dinnerplan is running at http://{host}:{port}/")
    ctx.invoke(run_command, host=host, port=port, reload=debug, debugger=debug, with_threads=True)


def upgrade_database() -> None:
    """Apply the schema migrations (creates the SQLite file on first run).

    A database whose tables were made without Alembic (db.create_all in tests) is left as is.
    """
    from flask_migrate import upgrade
    from sqlalchemy import inspect

    from dinnerplan.extensions import db

    tables = set(inspect(db.engine).get_table_names())
    if tables and "alembic_version" not in tables:
        return
    upgrade(directory=current_app.extensions["migrate"].directory)


main.add_command(shell_command)
main.add_command(routes_command)


def _register_area_commands() -> None:
    from dinnerplan.cli_events import demo_command, event_cli
    from dinnerplan.guests.commands import guests_cli
    from dinnerplan.intros.commands import intros_cli
    from dinnerplan.sheets.commands import sheets_command

    main.add_command(event_cli)
    main.add_command(demo_command)
    main.add_command(guests_cli)
    main.add_command(intros_cli)
    __import__("dinnerplan.seating.commands", fromlist=["register"]).register(main)
    main.add_command(sheets_command)
    main.add_command(__import__("dinnerplan.topics.commands", fromlist=["x"]).topics_command)
    try:
        from dinnerplan.cli_solve import solve
    except ImportError:  # the solver lands in its own change
        pass
    else:
        main.add_command(solve)


_register_area_commands()
