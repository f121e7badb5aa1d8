"""Forms of the guest's table page and the table's QR page."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional

from dinnerplan.models.followup import PROMISE_LENGTH

KIND_CHOICES = [
    SelectChoice("intro", "I'll introduce them to someone"),
    SelectChoice("send", "I'll send them something"),
    SelectChoice("ask", "Could you introduce me to …?"),
]


class PromiseForm(FlaskForm):
    """One line promised to (or asked of) a tablemate."""

    kind = SelectField("What kind", choices=KIND_CHOICES)
    mate = SelectField("Tablemate", coerce=int, validate_choice=True)
    what = StringField(
        "In one line",
        validators=[
            DataRequired(message="Write one line: what will happen?"),
            Length(
                max=PROMISE_LENGTH,
                message=f"Keep it to one line: {PROMISE_LENGTH} characters at most.",
            ),
        ],
    )
    outside_name = StringField(
        "Who, if they're not at the dinner (optional)", validators=[Length(max=200)]
    )
    outside_email = EmailField(
        "Their email (optional)",
        validators=[Optional(), Email(message="That doesn't look like an email address.")],
    )


class SharingForm(FlaskForm):
    """What the guest shares with their tablemates; untick to withdraw."""

    share_email = BooleanField("Share my email address with my tablemates")
    share_phone = BooleanField("Share my phone number with my tablemates")
    share_linkedin = BooleanField("Share my LinkedIn profile with my tablemates")


class DropForm(FlaskForm):
    """Let go of a promise, with an optional reason."""

    reason = StringField("Why (optional)", validators=[Length(max=200)])


class LinkForm(FlaskForm):
    """Ask for one's personal link again, from the table's QR page."""

    email = EmailField(
        "Your email address",
        validators=[
            DataRequired(message="Enter the email address you were invited with."),
            Email(message="That doesn't look like an email address."),
        ],
    )
