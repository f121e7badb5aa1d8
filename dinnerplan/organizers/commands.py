"""`dinnerplan organizer create|list`: accounts for a fresh database, without a browser.

An organizer created here counts as verified: whoever runs the command line owns the server.
"""

from __future__ import annotations

import click
from email_validator import EmailNotValidError, validate_email
from flask.cli import AppGroup

from dinnerplan.auth.forms import MIN_PASSWORD
from dinnerplan.auth.operations import create_organizer, find_by_email
from dinnerplan.extensions import db
from dinnerplan.models import Event, Organizer

organizer_cli = AppGroup("organizer", help="Create and list organizer accounts.")


def _email(_ctx, _param, value: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise click.BadParameter(str(error)) from None


def _password(_ctx, _param, value: str) -> str:
    if len(value) < MIN_PASSWORD:
        raise click.BadParameter(f"use at least {MIN_PASSWORD} characters")
    return value


@organizer_cli.command("create")
@click.argument("email", callback=_email)
@click.option("--name", required=True, help="The organizer's name, as guests see it.")
@click.password_option(
    "--password",
    prompt="Password",
    confirmation_prompt="Repeat the password",
    callback=_password,
    help="Asked for (hidden, twice) when not given; two lines on stdin work too.",
)
def create_command(email: str, name: str, password: str) -> None:
    """Create a verified organizer account; print its id."""
    if find_by_email(email) is not None:
        raise click.ClickException(f"an organizer with the email {email} already exists.")
    organizer = create_organizer(name, email, password, verified=True)
    db.session.commit()
    click.echo(f"Created organizer {organizer.email} (id {organizer.id}).")


@organizer_cli.command("list")
def list_command() -> None:
    """List organizers: id, email, name, confirmed address, number of dinners."""
    dinners = (
        db.select(Event.organizer_id, db.func.count(Event.id).label("n"))
        .group_by(Event.organizer_id)
        .subquery()
    )
    rows = db.session.execute(
        db.select(Organizer, db.func.coalesce(dinners.c.n, 0))
        .outerjoin(dinners, dinners.c.organizer_id == Organizer.id)
        .order_by(Organizer.id)
    ).all()
    if not rows:
        click.echo("No organizers yet: dinnerplan organizer create EMAIL --name NAME")
        return
    click.echo(f"{'id':>4}  {'email':<32} {'name':<24} {'confirmed':<9} dinners")
    for organizer, count in rows:
        confirmed = "yes" if organizer.email_verified_at else "no"
        click.echo(
            f"{organizer.id:>4}  {organizer.email:<32} {organizer.name:<24} {confirmed:<9} {count}"
        )
