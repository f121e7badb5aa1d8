"""`dinnerplan guests import|export`: same code paths as the web pages."""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup

from dinnerplan.extensions import db
from dinnerplan.guests.exporter import export_csv
from dinnerplan.guests.importer import CsvError, parse_csv
from dinnerplan.guests.operations import apply_import
from dinnerplan.models import Event
from dinnerplan.topics.catalogue import event_catalogue

guests_cli = AppGroup("guests", help="Import and export an event's guest list.")


def _event_or_exit(event_id: int) -> Event:
    """The event, or a clear error and exit status 2."""
    event = db.session.get(Event, event_id)
    if event is None:
        click.echo(f"Error: no event with id {event_id}.", err=True)
        sys.exit(2)
    return event


@guests_cli.command("import")
@click.argument("event_id", type=int)
@click.argument("file", type=click.File("rb"))
@click.option("--skip-invalid", is_flag=True, help="Import the valid rows, skip the rest.")
def import_command(event_id: int, file, skip_invalid: bool) -> None:
    """Import guests from FILE.csv into EVENT_ID (updates guests with the same email).

    Exits 1 without importing anything if any row is rejected, unless --skip-invalid.
    """
    event = _event_or_exit(event_id)
    try:
        preview = parse_csv(
            file.read(), current_app.config["IMPORT_MAX_ROWS"], event_catalogue(event)
        )
    except CsvError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(2)
    for row in preview.problem_rows:
        click.echo(f"row {row.number}: {'; '.join(row.problems)}", err=True)
    if preview.problem_rows and not skip_invalid:
        rejected = len(preview.problem_rows)
        click.echo(
            f"{rejected} {'row' if rejected == 1 else 'rows'} rejected; nothing imported. "
            "Fix the file or use --skip-invalid.",
            err=True,
        )
        sys.exit(1)
    counts = apply_import(event, preview, skip_invalid=True)
    db.session.commit()
    click.echo(
        f"created {counts['created']}, updated {counts['updated']}, rejected {counts['skipped']}"
    )


@guests_cli.command("export")
@click.argument("event_id", type=int)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write to FILE.")
def export_command(event_id: int, out: str | None) -> None:
    """Write EVENT_ID's guest list as CSV to stdout or --out FILE."""
    event = _event_or_exit(event_id)
    # Bytes, not text: the same UTF-8 (BOM, CRLF) as the web export, whatever the locale.
    data = export_csv(event).encode("utf-8")
    if out:
        with open(out, "wb") as handle:
            handle.write(data)
        click.echo(f"Wrote {out}", err=True)
    else:
        # sys.stdout.buffer, not click.get_binary_stream (deprecated in Click 8.5).
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
