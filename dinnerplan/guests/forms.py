"""Guest forms: the profile (shared by the RSVP page and the organizer's edit page)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    SelectField,
    SelectMultipleField,
    StringField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from dinnerplan.profile import DIETARY, INTENTS, MAX_ITEM_LENGTH, MAX_ITEMS


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ProfileForm(FlaskForm):
    """What seating uses: one-liner, offers, needs, intent, dietary, consent, wishes."""

    one_liner = StringField("What I do, in one line", validators=[Optional(), Length(max=200)])
    offers = FieldList(
        StringField("I can offer", validators=[Optional(), Length(max=MAX_ITEM_LENGTH)]),
        min_entries=MAX_ITEMS,
        max_entries=MAX_ITEMS,
    )
    needs = FieldList(
        StringField("I'm looking for", validators=[Optional(), Length(max=MAX_ITEM_LENGTH)]),
        min_entries=MAX_ITEMS,
        max_entries=MAX_ITEMS,
    )
    intent = SelectField(
        "Why I'm coming to this dinner",
        choices=[SelectChoice("", "Choose one…")]
        + [SelectChoice(k, v) for k, v in INTENTS.items()],
        validators=[Optional()],
    )
    dietary = MultiCheckboxField(
        "Dietary needs", choices=[SelectChoice(k, v) for k, v in DIETARY.items()]
    )
    dietary_other = StringField("Other dietary needs", validators=[Optional(), Length(max=200)])
    accessibility = StringField("Accessibility needs", validators=[Optional(), Length(max=300)])
    phone = StringField(
        "Phone",
        validators=[
            Optional(),
            Length(max=40),
            Regexp(r"^[0-9+()\-. ]+$", message="Use digits, spaces and + ( ) - only."),
        ],
    )
    linkedin = URLField(
        "LinkedIn profile",
        validators=[Optional(), Length(max=300), URL(message="Enter a full link, https://…")],
    )
    share_email = BooleanField("Share my email address with my tablemates")
    share_phone = BooleanField("Share my phone number with my tablemates")
    share_linkedin = BooleanField("Share my LinkedIn with my tablemates")
    prefer = SelectMultipleField("I'd like to sit with", coerce=int, validators=[Optional()])
    avoid = SelectMultipleField("Please don't seat me with", coerce=int, validators=[Optional()])

    def validate_avoid(self, field) -> None:
        """A guest cannot both prefer and avoid the same person."""
        both = set(field.data or ()) & set(self.prefer.data or ())
        if both:
            from wtforms.validators import ValidationError

            raise ValidationError("Someone is in both lists; choose one.")
