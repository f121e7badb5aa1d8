"""Account forms: sign up, sign in, forgotten password, new password."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from dinnerplan.extensions import db
from dinnerplan.models import Organizer

MIN_PASSWORD = 10


def _lower(value: str | None) -> str | None:
    return value.strip().lower() if value else value


def _password_fields(label: str = "Password"):
    password = PasswordField(
        label,
        validators=[
            DataRequired("Choose a password."),
            Length(
                min=MIN_PASSWORD,
                max=200,
                message=f"Use at least {MIN_PASSWORD} characters.",
            ),
        ],
    )
    confirm = PasswordField(
        "Repeat the password",
        validators=[
            DataRequired("Type the password again."),
            EqualTo("password", message="The two passwords don't match."),
        ],
    )
    return password, confirm


def _email_field(label: str = "Email") -> EmailField:
    return EmailField(
        label,
        filters=[_lower],
        validators=[
            DataRequired("Enter your email address."),
            Length(max=254),
            Email("Enter a valid email address, like name@example.com."),
        ],
    )


class SignupForm(FlaskForm):
    """A new organizer account."""

    name = StringField(
        "Your name", validators=[DataRequired("Tell us your name."), Length(max=120)]
    )
    email = _email_field()
    password, confirm = _password_fields()

    def validate_email(self, field) -> None:
        """Refuse an address that already has an account (case-insensitively)."""
        taken = db.session.execute(
            db.select(Organizer.id).where(db.func.lower(Organizer.email) == field.data)
        ).first()
        if taken:
            raise ValidationError(
                "An account with this email already exists. Sign in, or reset the password."
            )


class SigninForm(FlaskForm):
    """Email and password."""

    email = _email_field()
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    remember = BooleanField("Keep me signed in on this device")


class ForgotForm(FlaskForm):
    """Ask for a password reset link."""

    email = _email_field()


class ResetForm(FlaskForm):
    """Choose a new password."""

    password, confirm = _password_fields("New password")
