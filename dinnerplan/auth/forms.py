"""Account forms: sign up, sign in, forgotten password, new password."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

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
