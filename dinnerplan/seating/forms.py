"""Seating forms: every POST carries CSRF; ids are checked against the event in operations."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import EmailField, IntegerField, StringField
from wtforms.validators import AnyOf, Email, InputRequired, Length, Optional


class VersionForm(FlaskForm):
    """A button acting on one seating version (publish, re-seat, go back)."""

    version = IntegerField("Version", validators=[InputRequired("Choose a version.")])


class ReseatForm(VersionForm):
    """Re-seat from a version: the rest (hand moves kept) or everyone (locks kept)."""

    scope = StringField(
        "Re-seat",
        default="rest",
        validators=[AnyOf(("rest", "everyone"), "Choose what to re-seat.")],
    )


class MoveForm(VersionForm):
    """Move one guest to another table."""

    guest_id = IntegerField("Guest", validators=[InputRequired("Choose a guest.")])
    table_id = IntegerField("Move to", validators=[InputRequired("Choose a table to move to.")])


class SwapForm(VersionForm):
    """Swap the tables of two guests."""

    a = IntegerField("Swap", validators=[InputRequired("Choose the first guest.")])
    b = IntegerField("with", validators=[InputRequired("Choose the second guest.")])


class LockForm(VersionForm):
    """Lock or unlock one guest or a whole table."""

    guest_id = IntegerField("Guest", validators=[Optional()])
    table_id = IntegerField("Table", validators=[Optional()])
    action = StringField("Action", validators=[AnyOf(("lock", "unlock"), "Choose lock or unlock.")])


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class WalkInForm(FlaskForm):
    """A guest who turned up without an answer: a name, and an email if they give one.

    The email is for the table's introduction and updates; without it they get no email.
    """

    name = StringField(
        "Name",
        filters=[_strip],
        validators=[InputRequired("Enter the guest's name."), Length(max=200)],
    )
    email = EmailField(
        "Email (optional)",
        filters=[_strip],
        validators=[
            Optional(),
            Email("Enter an email address like ana@example.com."),
            Length(max=254),
        ],
    )
    company = StringField("Company (optional)", filters=[_strip], validators=[Length(max=200)])


class SeriesImportForm(FlaskForm):
    """An earlier dinner of the series, held elsewhere: its seating as CSV (table,email)."""

    dinner = StringField(
        "Name of the earlier dinner",
        filters=[_strip],
        validators=[InputRequired("Name the earlier dinner, like 'March 2026'."), Length(max=200)],
    )
    file = FileField("CSV file (table,email)", validators=[FileRequired("Choose a CSV file.")])


class CheckInForm(FlaskForm):
    """Mark a guest arrived or a no-show on the night."""

    guest_id = IntegerField("Guest", validators=[InputRequired()])
    action = StringField(
        "Action", validators=[AnyOf(("arrived", "no_show", "undo"), "Choose a check-in action.")]
    )
