"""`dinnerplan intros send EVENT_ID [--dry-run]`: the same operations as the preview page."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from dinnerplan.extensions import db
from dinnerplan.intros import operations as ops
from dinnerplan.intros.build import published_version
from dinnerplan.models import Event

intros_cli = AppGroup("intros", help="Email every seated guest their table's introductions.")


@intros_cli.command("send")
@click.argument("event_id", type=int)
@click.option("--dry-run", is_flag=True, help="Only say how many would be sent.")
def send_command(event_id: int, dry_run: bool) -> None:
    """Send the published seating's introductions (each guest gets exactly one)."""
    event = db.session.get(Event, event_id)
    if event is None:
        raise click.ClickException(f"No event {event_id}.")
    version = published_version(event)
    if version is None:
        raise click.ClickException("No published seating: publish one before sending.")
    status = ops.intro_status(event, version)
    already = status.sent + status.earlier
    if dry_run:
        click.echo(f"{status.to_send} introductions would be sent; {already} already sent.")
        return
    sent = ops.send_intros(version.id)
    status = ops.intro_status(event, version)
    click.echo(f"Sent {sent} introductions; {status.sent + status.earlier - sent} already sent.")
    if status.failed:
        raise click.ClickException(f"{status.failed} failed; run the command again to retry.")
