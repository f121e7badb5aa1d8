"""Topic forms: the organizer's bulk accept/correct, the topic settings, the guest's confirm step.

Topic choices are set by the view from the event's catalogue, so an id the event does not
know fails validation with a message next to the field.
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

ACTIONS = {"accept": "Accept what we read", "replace": "Set to this topic", "add": "Add this topic"}


def topic_choices(catalogue, blank: str = "", hidden=()) -> list[SelectChoice]:
    """Select options for a catalogue's topics (but `hidden`), by group then name."""
    options = [SelectChoice("", blank)] if blank else []
    shown = (t for t in catalogue.topics.values() if t.id not in set(hidden))
    topics = sorted(shown, key=lambda t: (t.group, t.name.lower()))
    return options + [SelectChoice(t.id, f"{t.group}: {t.name}") for t in topics]


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class BulkForm(FlaskForm):
    """Rows ticked on the Needs and offers page, and what to do with them."""

    rows = SelectMultipleField("Rows", validate_choice=False)
    action = SelectField("Action", choices=[SelectChoice(k, v) for k, v in ACTIONS.items()])
    topic = SelectField("Topic")

    def validate_rows(self, field) -> None:
        """At least one row must be ticked."""
        if not field.data:
            raise ValidationError("Tick at least one need or offer first.")

    def validate_topic(self, field) -> None:
        """Setting or adding needs a topic."""
        if self.action.data != "accept" and not field.data:
            raise ValidationError("Choose the topic to set or add.")


class AddTopicForm(FlaskForm):
    """A topic of the organizer's own for this dinner."""

    name = StringField(
        "Name", validators=[DataRequired(message="Enter a name for the topic."), Length(max=80)]
    )
    description = StringField("One-line description", validators=[Optional(), Length(max=200)])
    met_by = SelectMultipleField("Also met by offers of", validators=[Optional()])
    examples = TextAreaField(
        "How guests might say it (one per line, any language)",
        validators=[Optional(), Length(max=2000)],
    )


class RenameTopicForm(FlaskForm):
    """Another name for a topic at this dinner."""

    topic = SelectField("Topic", validators=[DataRequired(message="Choose a topic.")])
    name = StringField(
        "New name", validators=[DataRequired(message="Enter the new name."), Length(max=80)]
    )


class HideTopicsForm(FlaskForm):
    """Which topics this dinner does not suggest."""

    hidden = MultiCheckboxField("Hidden topics", validators=[Optional()])


class ConfirmTopicsForm(FlaskForm):
    """The guest's confirmation step (no JavaScript needed): tick topics, or search."""

    need_topics = MultiCheckboxField("What you need", validators=[Optional()])
    offer_topics = MultiCheckboxField("What you offer", validators=[Optional()])
    q = StringField("Find a topic", validators=[Optional(), Length(max=100)])
