"""RSVP forms: the guest's answer (the profile form lives in guests.forms), resend a link."""

from __future__ import annotations

import secrets

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    Regexp,
    ValidationError,
)

from dinnerplan.guests.forms import ProfileForm
from dinnerplan.models import Rsvp
from dinnerplan.rsvp import wishes

ANSWER_CHOICES = [
    SelectChoice(Rsvp.YES.value, "Yes, I'll be there"),
    SelectChoice(Rsvp.NO.value, "No, I can't come"),
    SelectChoice(Rsvp.MAYBE.value, "Maybe, I'm not sure yet"),
]


class AnswerForm(FlaskForm):
    """Will you come? Submitted together with the profile form on the RSVP page."""

    answer = RadioField(
        "Will you come?",
        choices=ANSWER_CHOICES,
        validators=[InputRequired(message="Please choose yes, no or maybe.")],
    )


class GuestProfileForm(ProfileForm):
    """The profile as the guest fills it in: seating wishes are typed names, never a list."""

    prefer = StringField("I'd like to sit with", validators=[Optional(), Length(max=300)])
    avoid = StringField("Please don't seat me with", validators=[Optional(), Length(max=300)])

    def __init__(self, *args, guest, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.guest = guest
        self.prefer_ids: list[int] = []
        self.avoid_ids: list[int] = []

    def validate_prefer(self, field) -> None:
        """Each name must be one invited guest of this dinner."""
        self.prefer_ids = self._resolve(field)

    def validate_avoid(self, field) -> None:
        """Each name must be one invited guest, and not also someone to sit with."""
        self.avoid_ids = self._resolve(field)
        if set(self.avoid_ids) & set(self.prefer_ids):
            raise ValidationError("Someone is in both lists; choose one.")

    def _resolve(self, field) -> list[int]:
        found = wishes.resolve(self.guest, field.data)
        if found.errors:
            raise ValidationError(" ".join(found.errors))
        return found.ids


class ResendForm(FlaskForm):
    """Resend a guest's link.

    The nonce is new for each rendered form, so submitting the same form twice sends once,
    while pressing 'Resend' again later does send.
    """

    nonce = HiddenField(
        default=lambda: secrets.token_urlsafe(12),
        validators=[DataRequired(), Regexp(r"^[A-Za-z0-9_-]{8,40}$")],
    )
