"""The `dinnerplan` command line: Flask's CLI group plus one click group per area."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import routes_command, run_command, shell_command, with_appcontext

from dinnerplan.app import create_app
from dinnerplan.cli_errors import DinnerplanGroup
from dinnerplan.database import upgrade_database


def _create_app():
    return create_app(command_line=True)


@click.group(cls=DinnerplanGroup, create_app=_create_app, add_default_commands=False)
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
    # Follow-up emails due after a dinner (under RQ, `rq cron` sends them instead).
    from dinnerplan.followups.scheduler import start_in_process

    start_in_process(current_app)
    click.echo(f"dinnerplan is running at http://{host}:{port}/")
    from dinnerplan.mail.operations import echo_resets_without_mail_server

    if echo_resets_without_mail_server(current_app):
        click.echo("No mail server (MAIL_SERVER): emails go to the Outbox in the app;")
        click.echo("password-reset links are also printed here.")
    ctx.invoke(run_command, host=host, port=port, reload=debug, debugger=debug, with_threads=True)


main.add_command(shell_command)
main.add_command(routes_command)


def _register_area_commands() -> None:
    from dinnerplan.cli_events import demo_command, event_cli
    from dinnerplan.cli_solve import solve
    from dinnerplan.followups.commands import followups_cli
    from dinnerplan.guests.commands import guests_cli
    from dinnerplan.intros.commands import intros_cli
    from dinnerplan.organizers.commands import organizer_cli
    from dinnerplan.seating.commands import register as register_seating_commands
    from dinnerplan.sheets.commands import sheets_command
    from dinnerplan.topics.commands import topics_command
    from dinnerplan.worker import jobs_cli, worker_command

    main.add_command(event_cli)
    main.add_command(demo_command)
    main.add_command(guests_cli)
    main.add_command(intros_cli)
    register_seating_commands(main)
    main.add_command(sheets_command)
    main.add_command(organizer_cli)
    main.add_command(worker_command)
    main.add_command(jobs_cli)
    main.add_command(solve)
    main.add_command(followups_cli)
    main.add_command(topics_command)


_register_area_commands()
