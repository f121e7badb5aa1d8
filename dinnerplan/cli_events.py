"""`dinnerplan event create` and `dinnerplan demo`: the same operations as the web."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from dinnerplan.extensions import db

event_cli = AppGroup("event", help="Create events.")


@event_cli.command("create")
@click.option("--title", required=True, help="The dinner's title.")
@click.option("--starts", required=True, help="Start, ISO 8601 local time: 2026-12-03T19:00")
@click.option("--organizer", "organizer_email", required=True, help="Organizer's email.")
@click.option("--timezone", default="UTC", show_default=True, help="IANA zone, Europe/Paris")
@click.option("--venue", default="")
@click.option("--capacity", type=click.IntRange(1, 10_000), default=None)
@click.option("--allow-past", is_flag=True, help="Accept a start time that has already passed.")
@click.option("--series", default="", help="Dinner series: tablemates don't repeat across it.")
def create_event(
    title, starts, organizer_email, timezone, venue, capacity, allow_past, series
) -> None:
    """Create an event and print its id."""
    from dinnerplan.auth.operations import find_by_email
    from dinnerplan.events.operations import EventDetails, known_timezones, save_event
    from dinnerplan.models import Event

    organizer = find_by_email(organizer_email)
    if organizer is None:
        raise click.UsageError(f"No organizer with email {organizer_email}; sign up first.")
    try:
        start = datetime.fromisoformat(starts)
    except ValueError as exc:
        raise click.BadParameter(
            f"'{starts}' is not an ISO date-time", param_hint="--starts"
        ) from exc
    if not title.strip() or len(title.strip()) > 200:
        raise click.ClickException("Give the dinner a title of at most 200 characters.")
    if timezone not in known_timezones():
        raise click.ClickException(f"Unknown time zone '{timezone}': use an IANA name.")
    if not allow_past and start.replace(tzinfo=ZoneInfo(timezone)) < datetime.now(UTC):
        raise click.ClickException(
            "That start time has passed. Pass --allow-past if the dinner really is in the past."
        )
    details = EventDetails(
        title=title,
        starts_at=start.replace(tzinfo=None, second=0, microsecond=0),
        timezone=timezone,
        venue=venue.strip(),
        capacity=capacity,
        series=series.strip()[:120],
    )
    event = save_event(Event(organizer_id=organizer.id), details)
    db.session.commit()
    click.echo(event.id)


@click.command("demo")
@click.option("--guests", default=48, show_default=True, help="How many sample guests.")
@with_appcontext
def demo_command(guests: int) -> None:
    """Create a demo organizer and a sample dinner with varied, realistic guests."""
    from dinnerplan.database import upgrade_database
    from dinnerplan.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_event, demo_organizer

    upgrade_database()
    event = create_demo_event(demo_organizer(), guests=guests)
    db.session.commit()
    base = current_app.config["BASE_URL"].rstrip("/")
    click.echo(f"Demo dinner “{event.title}” with {guests} guests created (event {event.id}).")
    click.echo(f"Open {base}/events/{event.id} after `dinnerplan run`")
    click.echo(f"Sign in with email {DEMO_EMAIL} and password {DEMO_PASSWORD}")
