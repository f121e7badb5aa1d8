"""`dinnerplan seat EVENT_ID` and `dinnerplan seating export EVENT_ID`."""

from __future__ import annotations

import click
from flask.cli import AppGroup, with_appcontext

from dinnerplan.extensions import db
from dinnerplan.models import Event, SeatingVersion, VersionKind, VersionStatus

seating_cli = AppGroup("seating", help="Inspect and export seatings.")


def _event(event_id: int) -> Event:
    event = db.session.get(Event, event_id)
    if event is None:
        raise click.ClickException(f"no event with id {event_id}")
    return event


@click.command("seat")
@click.argument("event_id", type=int)
@click.option("--time-limit", type=float, default=None, help="Seconds the solver may search.")
@with_appcontext
def seat_command(event_id: int, time_limit: float | None) -> None:
    """Seat an event's confirmed guests now and print the tables."""
    from dinnerplan.seating import operations
    from dinnerplan.seating.editing import EditError
    from dinnerplan.seating.jobs import run_seating
    from dinnerplan.seating.review import build_review, headline, status_line

    event = _event(event_id)
    try:
        version = operations.start_seating(event, VersionKind.SOLVE)
    except EditError as exc:
        raise click.ClickException(str(exc)) from None
    db.session.commit()
    status = run_seating(version.id, time_limit)
    db.session.expire_all()
    version = db.session.get(SeatingVersion, version.id)
    click.echo(f"Version {version.number}: {status_line(version)}")
    if status not in (VersionStatus.OPTIMAL, VersionStatus.FEASIBLE):
        click.echo(version.reason)
        click.get_current_context().exit(1)
    review = build_review(event, version, [])
    click.echo(f"Total score {review.total:.1f}. {headline(version.summary)}.")
    if review.weakest:
        click.echo(f"{review.weakest}.")
    if review.size_note:
        click.echo(f"Table sizes: {review.size_note}.")
    if review.series:
        click.echo(f"{review.series}.")
    for line in review.repeats:
        click.echo(f"Repeat: {line}.")
    for card in review.tables:
        click.echo(
            f"{card.name} ({len(card.guests)} guests, score {card.score:.1f}, "
            f"{card.helped} of {card.helpable} helped):"
        )
        for g in card.guests:
            click.echo(f"  {g.name}" + (f", {g.company}" if g.company else ""))


@seating_cli.command("export")
@click.argument("event_id", type=int)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-")
@with_appcontext
def export_command(event_id: int, output) -> None:
    """Write the published (or latest) seating as CSV: table,name,email,company,intent."""
    from dinnerplan.seating.export import export_csv
    from dinnerplan.seating.operations import current_version

    event = _event(event_id)
    version = current_version(event)
    if version is None:
        raise click.ClickException("this event has no seating yet; run `dinnerplan seat` first")
    output.write(export_csv(event, version).replace("\r\n", "\n"))


series_cli = AppGroup("series", help="Dinner series: keep tablemates from repeating.")


@series_cli.command("import")
@click.argument("csv_file", type=click.File("r", encoding="utf-8-sig"))
@click.option("--organizer", "organizer_email", required=True, help="Organizer's email.")
@click.option("--series", required=True, help="The series name, as on the events.")
@click.option("--dinner", default=None, help="A name for the earlier dinner (default: file).")
def import_series_command(csv_file, organizer_email: str, series: str, dinner: str | None) -> None:
    """Import an earlier dinner's seating (CSV: table,email) into a series."""
    from dinnerplan.auth.operations import find_by_email
    from dinnerplan.seating.series import SeriesImportError, import_seats, parse_seats

    organizer = find_by_email(organizer_email)
    if organizer is None:
        raise click.UsageError(f"No organizer with email {organizer_email}.")
    name = dinner or getattr(csv_file, "name", "imported dinner")
    try:
        count = import_seats(organizer.id, series, name, parse_seats(csv_file.read()))
    except SeriesImportError as exc:
        raise click.ClickException(str(exc)) from None
    db.session.commit()
    click.echo(f"Imported {count} seats of “{name}” into the series “{series.strip()}”.")


def register(cli: click.Group) -> None:
    """Add the seating commands to the `dinnerplan` CLI."""
    cli.add_command(seat_command)
    cli.add_command(seating_cli)
    cli.add_command(series_cli)
