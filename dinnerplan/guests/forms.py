"""Guest forms: contact details, the profile (shared with the RSVP page), CSV import."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, DataRequired, Email, Length, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from dinnerplan.extensions import db
from dinnerplan.guests.importer import CsvError
from dinnerplan.guests.uploads import parse_upload
from dinnerplan.models import Guest, Rsvp
from dinnerplan.models.guest import RSVP_STATES
from dinnerplan.profile import DIETARY, INTENTS, MAX_ITEM_LENGTH, MAX_ITEMS

RSVP_LABELS = {
    Rsvp.INVITED: "Not answered",  # as the guest list, RSVP list and event page say
    Rsvp.YES: "Yes",
    Rsvp.MAYBE: "Maybe",
    Rsvp.NO: "No",
    Rsvp.WAITLIST: "Waitlist",
}
# The profile form has the same phone and LinkedIn fields, under the same names: on the
# edit page they are rendered once and both forms read the one submitted value.
PHONE_VALIDATORS = [
    Optional(),
    Length(max=40),
    Regexp(r"^[0-9+()\-. ]+$", message="Use digits, spaces and + ( ) - only."),
]
LINKEDIN_VALIDATORS = [
    Optional(),
    Length(max=300),
    URL(message="Enter a full link, https://…"),
]


def choices(pairs) -> list[SelectChoice]:
    """Select options from (value, label) pairs (WTForms 3.3 deprecates bare tuples)."""
    return [SelectChoice(value, label) for value, label in pairs]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


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
        choices=choices([("", "Choose one…"), *INTENTS.items()]),
        validators=[Optional()],
    )
    dietary = MultiCheckboxField("Dietary needs", choices=choices(DIETARY.items()))
    dietary_other = StringField("Other dietary needs", validators=[Optional(), Length(max=200)])
    accessibility = StringField("Accessibility needs", validators=[Optional(), Length(max=300)])
    phone = StringField("Phone", validators=PHONE_VALIDATORS)
    linkedin = URLField("LinkedIn profile", validators=LINKEDIN_VALIDATORS)
    share_email = BooleanField("Share my email address with my tablemates")
    share_phone = BooleanField("Share my phone number with my tablemates")
    share_linkedin = BooleanField("Share my LinkedIn with my tablemates")
    prefer = SelectMultipleField("I'd like to sit with", coerce=int, validators=[Optional()])
    avoid = SelectMultipleField("Please don't seat me with", coerce=int, validators=[Optional()])

    def validate_avoid(self, field) -> None:
        """A guest cannot both prefer and avoid the same person."""
        both = set(field.data or ()) & set(self.prefer.data or ())
        if both:
            raise ValidationError("Someone is in both lists; choose one.")


class GuestForm(FlaskForm):
    """The organizer's view of a guest: contact details, RSVP state and private notes."""

    name = StringField(
        "Name",
        filters=[_strip],
        validators=[DataRequired(message="Enter the guest's name."), Length(max=200)],
    )
    email = EmailField(
        "Email",
        filters=[_strip],
        validators=[
            DataRequired(message="Enter the guest's email address."),
            Length(max=254),
            Email(message="Enter a valid email address, like name@example.com."),
        ],
    )
    company = StringField("Company", filters=[_strip], validators=[Optional(), Length(max=200)])
    title = StringField("Job title", filters=[_strip], validators=[Optional(), Length(max=200)])
    industry = StringField("Industry", filters=[_strip], validators=[Optional(), Length(max=120)])
    phone = StringField("Phone", filters=[_strip], validators=PHONE_VALIDATORS)
    linkedin = URLField("LinkedIn profile", filters=[_strip], validators=LINKEDIN_VALIDATORS)
    rsvp = SelectField("RSVP", choices=choices((s, RSVP_LABELS[s]) for s in RSVP_STATES))
    notes = TextAreaField(
        "Notes (only you see these)", filters=[_strip], validators=[Optional(), Length(max=5000)]
    )

    def __init__(self, *args, event_id: int, guest_id: int | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.event_id = event_id
        self.guest_id = guest_id

    def validate_email(self, field) -> None:
        """One guest per email address in an event, whatever the letter case."""
        query = db.select(Guest.id).where(
            Guest.event_id == self.event_id, db.func.lower(Guest.email) == field.data.lower()
        )
        if self.guest_id is not None:
            query = query.where(Guest.id != self.guest_id)
        if db.session.execute(query.limit(1)).first():
            raise ValidationError("Another guest of this event already has this email address.")


class ImportForm(FlaskForm):
    """Upload a CSV guest list; parsing happens in validation so problems show on the field."""

    file = FileField("CSV file", validators=[FileRequired(message="Choose a CSV file to upload.")])

    def validate_file(self, field) -> None:
        """Accept only a readable CSV with a name and an email column."""
        filename = (field.data.filename or "").lower()
        if not filename.endswith((".csv", ".txt", ".tsv")):
            raise ValidationError("Choose a .csv file (save the spreadsheet as CSV first).")
        self.content = field.data.read()
        try:
            self.preview = parse_upload(self.content)
        except CsvError as error:
            raise ValidationError(str(error)) from None


class ImportConfirmForm(FlaskForm):
    """Confirm an import previewed earlier."""

    skip_invalid = BooleanField("Skip the rows with problems and import the rest")
