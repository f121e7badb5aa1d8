"""`dinnerplan event create` and `dinnerplan demo`: the same forms and operations as the web."""

from __future__ import annotations

from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from werkzeug.datastructures import MultiDict

from dinnerplan.extensions import db

event_cli = AppGroup("event", help="Create events.")


@event_cli.command("create")
@click.option("--title", required=True, help="The dinner's title.")
@click.option("--starts", required=True, help="Start, ISO 8601 local time: 2026-12-03T19:00")
@click.option("--organizer", "organizer_email", required=True, help="Organizer's email.")
@click.option("--timezone", default="UTC", show_default=True, help="IANA zone, Europe/Paris")
@click.option("--venue", default="")
@click.option("--capacity", type=int, default=None)
@click.option("--series", default="", help="Dinner series: tablemates don't repeat across it.")
def create_event(title, starts, organizer_email, timezone, venue, capacity, series) -> None:
    """Create an event and print its id."""
    from dinnerplan.auth.operations import find_by_email
    from dinnerplan.events.forms import EventForm
    from dinnerplan.events.operations import apply_event_form
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
    data = MultiDict(
        {
            "title": title,
            "start_date": start.date().isoformat(),
            "start_time": start.strftime("%H:%M"),
            "timezone": timezone,
            "venue": venue,
            "capacity": "" if capacity is None else str(capacity),
            "minutes_per_guest": "3",
            "table_min": "6",
            "table_max": "10",
            "series": series,
        }
    )
    with current_app.test_request_context():
        form = EventForm(formdata=data, meta={"csrf": False})
        if not form.validate():
            for name, errors in form.errors.items():
                click.echo(f"{name}: {' '.join(errors)}", err=True)
            raise SystemExit(1)
        event = apply_event_form(Event(organizer_id=organizer.id), form)
    db.session.commit()
    click.echo(event.id)


@click.command("demo")
@click.option("--guests", default=48, show_default=True, help="How many sample guests.")
@with_appcontext
def demo_command(guests: int) -> None:
    """Create a demo organizer and a sample dinner with varied, realistic guests."""
    from dinnerplan.commands import upgrade_database
    from dinnerplan.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_event, demo_organizer

    upgrade_database()
    event = create_demo_event(demo_organizer(), guests=guests)
    db.session.commit()
    base = current_app.config["BASE_URL"].rstrip("/")
    click.echo(f"Demo dinner “{event.title}” with {guests} guests created (event {event.id}).")
    click.echo(f"Open {base}/events/{event.id} after `dinnerplan run`")
    click.echo(f"Sign in as {DEMO_EMAIL} with password {DEMO_PASSWORD}")
