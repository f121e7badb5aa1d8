"""Intros forms: send the organizer a test copy of one guest's introduction."""

from __future__ import annotations

import secrets

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField
from wtforms.validators import DataRequired, Regexp


class TestEmailForm(FlaskForm):
    """Email me this guest's introduction.

    The nonce is new for each rendered form, so a double click sends one test while pressing
    the button again later sends another.
    """

    guest = IntegerField(validators=[DataRequired()])
    nonce = HiddenField(
        default=lambda: secrets.token_urlsafe(12),
        validators=[DataRequired(), Regexp(r"^[A-Za-z0-9_-]{8,40}$")],
    )
