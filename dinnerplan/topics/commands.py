"""`dinnerplan topics EVENT_ID [--csv]`: each guest's needs and offers with their topics."""

from __future__ import annotations

import csv
import sys

import click
from flask.cli import with_appcontext

from dinnerplan.extensions import db
from dinnerplan.models import Event
from dinnerplan.topics.catalogue import event_catalogue, full_catalogue, topic_name
from dinnerplan.topics.operations import event_guests
from dinnerplan.topics.reading import SideReading, read_guests

CSV_COLUMNS = ("guest_id", "name", "email", "rsvp", "side", "words", "topic_id", "topic")
CSV_COLUMNS += ("status", "confidence")


def topic_rows(reading: SideReading, names) -> list[tuple[str, str, str, str]]:
    """(topic id, name, status, confidence) per topic of one side; confirmed ones first."""
    if reading.confirmed:
        return [(t, topic_name(names, t), "confirmed", "1.00") for t in reading.confirmed]
    return [
        (g.topic, topic_name(names, g.topic), "guess", f"{g.confidence:.2f}")
        for g in reading.guesses
    ]


@click.command("topics")
@click.argument("event_id", type=int)
@click.option("--csv", "as_csv", is_flag=True, help="Write CSV (one row per topic) instead.")
@with_appcontext
def topics_command(event_id: int, as_csv: bool) -> None:
    """Print each guest's needs and offers of EVENT_ID with their topics and confidence."""
    event = db.session.get(Event, event_id)
    if event is None:
        click.echo(f"Error: no event with id {event_id}.", err=True)
        sys.exit(2)
    catalogue, names = event_catalogue(event), full_catalogue(event)
    guests = event_guests(event, include_declined=True)
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
    for guest, readings in zip(guests, read_guests(guests, catalogue), strict=True):
        if as_csv:
            for side, reading in readings.items():
                base = (guest.id, guest.name, guest.email, guest.rsvp, side)
                words = "; ".join(reading.texts)
                for row in topic_rows(reading, names) or [("", "", "", "")]:
                    writer.writerow((*base, words, *row))
            continue
        click.echo(f"{guest.name} <{guest.email}> ({guest.rsvp})")
        for side, reading in readings.items():
            click.echo(f"  {side}s: " + ("; ".join(reading.texts) or "—"))
            for topic_id, name, status, confidence in topic_rows(reading, names):
                shown = "confirmed" if status == "confirmed" else f"guess {confidence}"
                click.echo(f"    → {name} [{topic_id}] ({shown})")
    if not guests and not as_csv:
        click.echo("No guests.")
