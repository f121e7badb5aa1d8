"""Event and table forms. Cross-field checks add their error to the field they concern."""

from __future__ import annotations

from datetime import UTC, datetime, time

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from dinnerplan.events.operations import known_timezones, timezone_choices, to_utc

TABLE_LIMITS = (2, 20)  # no table smaller than a pair or larger than a banquet row


def _strip(value: str | None) -> str:
    # A field left out of a crafted POST arrives as None: store it as empty, like a blank one.
    return value.strip() if isinstance(value, str) else ("" if value is None else value)


class WholeNumberField(IntegerField):
    """An integer field whose parse error is in plain words."""

    def process_formdata(self, valuelist):
        """Read the number; say "Enter a whole number" when it is not one."""
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError("Enter a whole number, like 8.") from error


def _size(label: str, default: int) -> WholeNumberField:
    low, high = TABLE_LIMITS
    return WholeNumberField(
        label,
        default=default,
        validators=[
            DataRequired(f"Enter a number from {low} to {high}."),
            NumberRange(low, high, f"Enter a number from {low} to {high}."),
        ],
    )


class EventForm(FlaskForm):
    """An event: what, when, where, and how the tables work."""

    title = StringField(
        "Title",
        filters=[_strip],
        validators=[
            DataRequired("Give the dinner a title."),
            Length(max=200),
            Regexp(r"^[^\r\n]*$", message="Keep the title on one line (no line breaks)."),
        ],
    )
    start_date = DateField("Date", validators=[DataRequired("Choose the date of the dinner.")])
    start_time = TimeField("Start time", validators=[DataRequired("Choose the start time.")])
    timezone = SelectField("Time zone", choices=timezone_choices, validate_choice=False)
    venue = StringField("Venue", filters=[_strip], validators=[Length(max=200)])
    address = TextAreaField("Address", filters=[_strip], validators=[Length(max=400)])
    description = TextAreaField("Description", filters=[_strip], validators=[Length(max=5000)])
    deadline_date = DateField("RSVP deadline: date", validators=[Optional()])
    deadline_time = TimeField("RSVP deadline: time", validators=[Optional()])
    capacity = WholeNumberField(
        "Capacity",
        validators=[Optional(), NumberRange(1, 10_000, "Enter at least 1, or leave it empty.")],
    )
    minutes_per_guest = WholeNumberField(
        "Minutes per guest for the table talk",
        default=3,
        validators=[
            DataRequired("Enter a number of minutes from 1 to 15."),
            NumberRange(1, 15, "Enter a number of minutes from 1 to 15."),
        ],
    )
    table_min = _size("Smallest table", 6)
    table_max = _size("Largest table", 10)
    table_target = WholeNumberField(
        "Usual table size",
        validators=[Optional(), NumberRange(*TABLE_LIMITS, "Enter a number from 2 to 20.")],
    )
    uneven_tables = BooleanField("Tables may differ by more than one guest")
    series = StringField(
        "Dinner series",
        filters=[lambda value: (value or "").strip()],
        validators=[Length(max=120, message="Keep the series name under 120 characters.")],
    )
    guest_wishes = BooleanField(
        "Let guests name someone they'd like to sit with, or not to sit with", default=True
    )
    allow_past = BooleanField("Yes, this dinner is in the past: save it anyway")

    def __init__(self, *args, stored_start=None, now: datetime | None = None, **kwargs) -> None:
        """`stored_start`: the event's saved (starts_at, timezone), which may stay in the past."""
        super().__init__(*args, **kwargs)
        self.stored_start = stored_start
        self.now = now
        self.past_confirm_needed = False

    def validate_timezone(self, field) -> None:
        """Accept only time zones this system knows."""
        if field.data not in known_timezones():
            raise ValidationError("Choose a time zone from the list.")

    def validate(self, extra_validators=None) -> bool:
        """Field checks, then the checks that compare two fields."""
        valid = super().validate(extra_validators)
        # Every check runs, so each problem shows at once (not one per submit).
        checks = [self._check_deadline(), self._check_table_sizes(), self._check_past()]
        return all(checks) and valid

    def _check_past(self) -> bool:
        """A dinner dated in the past is almost always a typo: ask before saving it."""
        day, at, zone = self.start_date.data, self.start_time.data, self.timezone.data
        if not (day and at) or self.allow_past.data or zone not in known_timezones():
            return True
        start = datetime.combine(day, at)
        if (start, zone) == self.stored_start:
            return True  # editing a dinner that has taken place: its date is not new
        if to_utc(start, zone) >= (self.now or datetime.now(UTC)):
            return True
        self.start_date.errors.append(
            "This date is in the past, so guests would be invited to a dinner that's over."
            " Check the date, or tick “save it anyway” below."
        )
        self.past_confirm_needed = True
        return False

    def _check_deadline(self) -> bool:
        day, at = self.deadline_date, self.deadline_time
        if at.data and not day.data and not day.errors:
            day.errors.append("Add the date of the deadline, or clear the time.")
            return False
        if not (day.data and self.start_date.data and self.start_time.data):
            return True
        deadline = datetime.combine(day.data, at.data or time(23, 59))
        start = datetime.combine(self.start_date.data, self.start_time.data)
        if deadline >= start:
            day.errors.append("The RSVP deadline must be before the dinner starts.")
            return False
        return True

    def _check_table_sizes(self) -> bool:
        low, high = self.table_min, self.table_max
        if low.data and high.data and not (low.errors or high.errors) and high.data < low.data:
            high.errors.append("The largest table can't be smaller than the smallest table.")
            return False
        target = self.table_target
        checkable = target.data and low.data and high.data and not target.errors
        if checkable and not low.data <= target.data <= high.data:
            target.errors.append(
                f"Choose a size from the smallest ({low.data}) to the largest ({high.data})."
            )
            return False
        return True


class TableForm(FlaskForm):
    """One table: name, seat bounds, optional host."""

    name = StringField(
        "Name",
        filters=[_strip],
        validators=[DataRequired("Give the table a name, like 'Table 1'."), Length(max=80)],
    )
    min_seats = _size("Fewest guests", 6)
    max_seats = _size("Most guests", 10)
    host = SelectField("Host (optional)", coerce=int, validate_choice=False)

    def __init__(self, *args, host_choices=(), taken_hosts=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.host.choices = [(0, "No host")] + list(host_choices)
        self._taken_hosts = set(taken_hosts)

    def validate_host(self, field) -> None:
        """The host must be a guest of this event and host no other table."""
        if field.data and field.data not in {value for value, _ in self.host.choices}:
            raise ValidationError("Choose a host from the list.")
        if field.data and field.data in self._taken_hosts:
            raise ValidationError("This guest already hosts another table.")

    def validate(self, extra_validators=None) -> bool:
        """Field checks, then min ≤ max."""
        valid = super().validate(extra_validators)
        low, high = self.min_seats, self.max_seats
        if low.data and high.data and not (low.errors or high.errors) and high.data < low.data:
            high.errors.append("'Most guests' can't be fewer than 'fewest guests'.")
            return False
        return valid


class LayoutForm(FlaskForm):
    """How many guests to lay out tables for."""

    headcount = WholeNumberField(
        "Guests to seat",
        validators=[
            InputRequired("Enter how many guests to seat."),
            NumberRange(1, 2000, "Enter a number of guests from 1 to 2000."),
        ],
    )
