"""Organizer accounts: sign up, sign in, sign out, password reset."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_user, logout_user
from sqlalchemy.exc import IntegrityError

from dinnerplan.auth import operations
from dinnerplan.auth.forms import ForgotForm, ResetForm, SigninForm, SignupForm
from dinnerplan.extensions import db, limiter
from dinnerplan.forms import EmptyForm
from dinnerplan.mail.operations import send_queued
from dinnerplan.urls import safe_next

bp = Blueprint("auth", __name__, url_prefix="/auth")

# Per IP, POSTs only: reading the form is free, guessing passwords is not.
attempts_limit = limiter.limit(lambda: current_app.config["RATELIMIT_SIGNIN"], methods=["POST"])

FORGOT_SENT = (
    "If an account uses that address, we've emailed it a link to choose a new password. "
    "The link works for one hour."
)


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    """Create an organizer account and sign in."""
    form = SignupForm()
    if form.validate_on_submit():
        organizer = operations.create_organizer(form.name.data, form.email.data, form.password.data)
        try:
            db.session.commit()
        except IntegrityError:  # the same email signed up a moment ago
            db.session.rollback()
            form.email.errors.append("An account with this email already exists.")
        else:
            login_user(organizer)
            flash(f"Welcome to dinnerplan, {organizer.name}.", "success")
            return redirect(url_for("events.index"))
    return render_template("auth/signup.html", form=form)


@bp.route("/signin", methods=["GET", "POST"])
@attempts_limit
def signin():
    """Sign in; go on to a local `next` page if one was asked for."""
    form = SigninForm()
    if form.validate_on_submit():
        organizer = operations.authenticate(form.email.data, form.password.data)
        if organizer is None:
            form.password.errors.append("That email and password don't match an account.")
        else:
            login_user(organizer, remember=form.remember.data)
            return redirect(safe_next(request.args.get("next")) or url_for("events.index"))
    return render_template("auth/signin.html", form=form)


@bp.route("/signout", methods=["POST"])
def signout():
    """Sign out (POST with a CSRF token, so no other site can sign you out)."""
    if EmptyForm().validate_on_submit():
        logout_user()
        flash("You're signed out.", "success")
    return redirect(url_for("index"))


@bp.route("/forgot", methods=["GET", "POST"])
@attempts_limit
def forgot():
    """Email a reset link; the answer is the same whether the account exists or not."""
    form = ForgotForm()
    if form.validate_on_submit():
        operations.request_password_reset(form.email.data)
        db.session.commit()
        send_queued()
        flash(FORGOT_SENT, "success")
        return redirect(url_for("auth.signin"))
    return render_template("auth/forgot.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    """Choose a new password from an emailed link; the link then stops working."""
    organizer = operations.organizer_for_reset(token)
    if organizer is None:
        return render_template("auth/reset_invalid.html"), 400
    form = ResetForm()
    if form.validate_on_submit():
        operations.reset_password(organizer, form.password.data)
        db.session.commit()
        logout_user()
        login_user(organizer)
        flash("Your password is changed. Other devices have been signed out.", "success")
        return redirect(url_for("events.index"))
    return render_template("auth/reset.html", form=form)
