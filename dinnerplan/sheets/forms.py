"""Sheets forms: the paper size an event prints on."""

from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from dinnerplan.sheets.render import PAPERS


class PaperForm(FlaskForm):
    """Choose A4 or US Letter for every printable of the event."""

    paper = RadioField(
        "Paper size",
        choices=[SelectChoice(key, label) for key, label in PAPERS.items()],
        validators=[InputRequired("Choose A4 or US Letter.")],
    )
