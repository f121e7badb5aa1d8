"""Forms shared by several areas."""

from flask_wtf import FlaskForm


class EmptyForm(FlaskForm):
    """A form with no fields: carries the CSRF token for POST-only buttons."""
