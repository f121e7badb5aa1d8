"""RSVP forms: the guest's answer (the profile form lives in guests.forms), resend a link."""

from __future__ import annotations

import secrets

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Regexp

ANSWER_CHOICES = [
    SelectChoice("yes", "Yes, I'll be there"),
    SelectChoice("no", "No, I can't come"),
    SelectChoice("maybe", "Maybe, I'm not sure yet"),
]


class AnswerForm(FlaskForm):
    """Will you come? Submitted together with the profile form on the RSVP page."""

    answer = RadioField(
        "Will you come?",
        choices=ANSWER_CHOICES,
        validators=[InputRequired(message="Please choose yes, no or maybe.")],
    )


class ResendForm(FlaskForm):
    """Resend a guest's link. The nonce is new for each rendered form, so submitting the
    same form twice sends once, while pressing 'Resend' again later does send."""

    nonce = HiddenField(
        default=lambda: secrets.token_urlsafe(12),
        validators=[DataRequired(), Regexp(r"^[A-Za-z0-9_-]{8,40}$")],
    )
