"""`dinnerplan event create` and `dinnerplan demo`."""

from __future__ import annotations

import click
from flask.cli import AppGroup, with_appcontext

event_cli = AppGroup("event", help="Create and inspect events.")


@click.command("demo")
@with_appcontext
def demo_command() -> None:
    """Create a demo organizer and a sample event with ~48 guests."""
    raise click.ClickException("not yet")
