"""`dinnerplan sheets EVENT_ID --out DIR [--paper a4|letter]`: write every PDF."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from dinnerplan.sheets.render import PAPERS


@click.command("sheets")
@click.argument("event_id", type=int)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the PDFs into (created if missing).",
)
@click.option("--paper", type=click.Choice(list(PAPERS)), help="Override the event's paper.")
@click.pass_context
@with_appcontext
def sheets_command(ctx: click.Context, event_id: int, out_dir: Path, paper: str | None) -> None:
    """Write the seating chart, door list, place cards, table sheets and kitchen PDFs."""
    from dinnerplan.extensions import db
    from dinnerplan.models import Event
    from dinnerplan.sheets.operations import UNSEATED
    from dinnerplan.sheets.render import paper_of, write_all
    from dinnerplan.sheets.seating import load_seating

    event = db.session.get(Event, event_id)
    if event is None:
        click.echo(f"No event with id {event_id}.", err=True)
        ctx.exit(2)
    seating = load_seating(event)
    if seating is None:
        click.echo(UNSEATED, err=True)
        ctx.exit(1)
    chosen = paper_of(event, paper)
    click.echo(f"Printing seating version {seating.version_number} on {PAPERS[chosen]}.")
    for path in write_all(event, seating, chosen, out_dir):
        click.echo(f"wrote {path}")
