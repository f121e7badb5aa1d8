"""Outbox forms: the filter (a GET form, so no CSRF token in the address)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice

from dinnerplan.models.message import MessageStatus

STATUS_CHOICES = [SelectChoice("", "Any status")] + [
    SelectChoice(s.value, s.capitalize()) for s in MessageStatus
]


class OutboxFilter(FlaskForm):
    """Filter the outbox by event and status."""

    class Meta:
        """A GET form: no CSRF token in the address."""

        csrf = False

    event = SelectField("Dinner", coerce=lambda v: int(v) if v else None, validate_choice=False)
    # default "": an unfiltered first visit is "Any status", not an invalid choice.
    status = SelectField("Status", choices=STATUS_CHOICES, default="")
