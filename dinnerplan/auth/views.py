"""Organizer accounts: sign up, confirm the address, sign in and out, password reset."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, logout_user
from sqlalchemy.exc import IntegrityError

from dinnerplan.auth import operations, quota, sessions, verification
from dinnerplan.auth.forms import ForgotForm, ResetForm, SigninForm, SignupForm
from dinnerplan.extensions import db, limiter
from dinnerplan.forms import EmptyForm
from dinnerplan.mail.operations import discard_queued, send_queued
from dinnerplan.models._base import utcnow
from dinnerplan.urls import safe_next

bp = Blueprint("auth", __name__, url_prefix="/auth")

# Per IP, POSTs only: reading the form is free, guessing passwords is not.
attempts_limit = limiter.limit(lambda: current_app.config["RATELIMIT_SIGNIN"], methods=["POST"])

RESEND_TOO_SOON = (
    "We emailed a confirmation link to {email} a few minutes ago. Please check your inbox "
    "and spam folder; you can ask for another one in five minutes."
)
FORGOT_SENT = (
    "If an account uses that address, we've emailed it a link to choose a new password. "
    "The link works for one hour."
)


@bp.route("/signup", methods=["GET", "POST"])
@attempts_limit
def signup():
    """Create an account; the answer is the same whether the address had one or not."""
    form = SignupForm()
    if form.validate_on_submit():
        operations.sign_up(form.name.data, form.email.data, form.password.data)
        try:
            db.session.commit()
        except IntegrityError:  # the same address signed up a moment ago: say the same
            db.session.rollback()
            discard_queued()
        else:
            send_queued()
        return redirect(url_for("auth.signup_sent"))
    return render_template("auth/signup.html", form=form)


@bp.get("/signup/sent")
def signup_sent():
    """Ask the new organizer to open the confirmation link we emailed."""
    return render_template("auth/signup_sent.html")


@bp.route("/verify/<token>", methods=["GET", "POST"])
def verify(token: str):
    """Confirm the address from the emailed link (a button, so link scanners can't use it)."""
    organizer = verification.organizer_to_verify(token)
    if organizer is None:
        return render_template("auth/verify_invalid.html"), 400
    form = EmptyForm()
    if form.validate_on_submit():
        verification.mark_verified(organizer, utcnow())
        if not current_user.is_authenticated or current_user.id != organizer.id:
            logout_user()
            sessions.sign_in(organizer)
        db.session.commit()
        flash(f"Thank you, {organizer.name}: your email address is confirmed.", "success")
        return redirect(url_for("events.index"))
    return render_template("auth/verify.html", form=form, organizer=organizer)


@bp.post("/verify/resend")
@login_required
def resend_verification():
    """Email the confirmation link again."""
    if EmptyForm().validate_on_submit() and current_user.email_verified_at is None:
        if verification.request_verification(current_user):
            db.session.commit()
            send_queued()
            flash(f"We've emailed a new confirmation link to {current_user.email}.", "success")
        else:
            flash(RESEND_TOO_SOON.format(email=current_user.email), "info")
    return redirect(safe_next(request.form.get("next")) or url_for("auth.account"))


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
            sessions.sign_in(organizer, remember=form.remember.data)
            db.session.commit()
            return redirect(safe_next(request.args.get("next")) or url_for("events.index"))
    return render_template("auth/signin.html", form=form)


@bp.route("/signout", methods=["POST"])
def signout():
    """End this session (POST with a CSRF token, so no other site can sign you out)."""
    if EmptyForm().validate_on_submit():
        if current_user.is_authenticated:
            sessions.end_session(current_user)
            db.session.commit()
        logout_user()
        flash("You're signed out.", "success")
    return redirect(url_for("index"))


@bp.post("/signout/everywhere")
@login_required
def signout_everywhere():
    """End every session of this account, on every device, this one included."""
    if EmptyForm().validate_on_submit():
        sessions.end_all_sessions(current_user)
        db.session.commit()
        logout_user()
        flash("You're signed out on every device.", "success")
        return redirect(url_for("index"))
    return redirect(url_for("auth.account"))


@bp.get("/account")
@login_required
def account():
    """The organizer's account: address confirmation, today's sending, sessions."""
    return render_template(
        "auth/account.html",
        form=EmptyForm(),
        remaining=quota.remaining_today(current_user),
        daily=current_app.config["MAIL_DAILY_QUOTA"],
    )


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
        logout_user()
        sessions.sign_in(organizer)
        db.session.commit()
        flash("Your password is changed. Other devices have been signed out.", "success")
        return redirect(url_for("events.index"))
    return render_template("auth/reset.html", form=form)
