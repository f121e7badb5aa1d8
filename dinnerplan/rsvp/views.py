"""Invitations (organizer) and the guest's personal RSVP page (no account, a signed link)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import login_required

from dinnerplan.access import owned_event_or_404, owned_guest_or_404
from dinnerplan.events.operations import deadline_passed
from dinnerplan.extensions import db
from dinnerplan.forms import EmptyForm
from dinnerplan.guests.operations import apply_profile, profile_form_for
from dinnerplan.intros.build import guest_table_context
from dinnerplan.mail.operations import send_queued
from dinnerplan.models import Guest
from dinnerplan.models._base import utcnow
from dinnerplan.rsvp import operations as ops
from dinnerplan.rsvp.calendar import build_ics
from dinnerplan.rsvp.forms import AnswerForm, ResendForm
from dinnerplan.topics.operations import rsvp_topics

bp = Blueprint("rsvp", __name__)
bp.add_app_template_global(ops.summary, "rsvp_summary")
bp.add_app_template_global(ResendForm, "ResendForm")


@bp.route("/r/<token>", methods=["GET", "POST"])
def page(token: str):
    """The guest's page: the dinner, their answer and their profile."""
    guest = ops.guest_for_token(token)
    if guest is None:
        return render_template("rsvp/invalid.html"), 404
    closed = deadline_passed(guest.event)
    posted = request.method == "POST"
    answer = AnswerForm(answer="yes" if guest.rsvp == "waitlist" else guest.rsvp)
    profile = profile_form_for(guest, request.form if posted else None)
    if posted and closed:
        flash("RSVPs are closed, so nothing was changed.", "error")
    elif posted and answer.validate_on_submit() & profile.validate():
        ops.record_rsvp(guest, answer.answer.data, utcnow())
        apply_profile(guest, profile)
        confirm_step = rsvp_topics(guest, request.form, utcnow())
        db.session.commit()
        send_queued()
        after = "topics.confirm" if confirm_step else ".done"
        return redirect(url_for(after, token=token), code=303)
    return render_template(
        "rsvp/page.html", **_page_context(guest, token, closed), answer_form=answer, form=profile
    )


@bp.route("/r/<token>/done")
def done(token: str):
    """Confirmation: exactly what was recorded."""
    guest = ops.guest_for_token(token)
    if guest is None:
        return render_template("rsvp/invalid.html"), 404
    closed = deadline_passed(guest.event)
    return render_template("rsvp/done.html", **_page_context(guest, token, closed))


@bp.route("/r/<token>/event.ics")
def ics(token: str):
    """Download the dinner as a calendar entry."""
    guest = ops.guest_for_token(token)
    if guest is None:
        return render_template("rsvp/invalid.html"), 404
    body = build_ics(guest, ops.personal_link(guest), "PUBLISH")
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": 'attachment; filename="dinner.ics"'},
    )


def _page_context(guest, token: str, closed: bool) -> dict:
    return {
        "guest": guest,
        "event": guest.event,
        "token": token,
        "closed": closed,
        "position": ops.waitlist_position(guest),
        "offer_suggestions": ops.suggestions(guest, "offers"),
        "need_suggestions": ops.suggestions(guest, "needs"),
        "guest_table": guest_table_context(guest) if guest.rsvp == "yes" else None,
    }


@bp.route("/events/<int:event_id>/invitations", methods=["POST"])
@login_required
def invite(event_id: int):
    """Email every guest who has not been invited yet (once each, however often clicked)."""
    event = owned_event_or_404(event_id)
    if EmptyForm().validate_on_submit():
        count = ops.invite_all(event, utcnow())
        db.session.commit()
        send_queued()
        flash(_invited_message(count), "success" if count else "info")
    return redirect(_back(event))


def _invited_message(count: int) -> str:
    if count == 0:
        return "Everyone on the list has already been invited."
    return f"Sending {count} invitation{'s' if count != 1 else ''}."


@bp.route("/events/<int:event_id>/rsvps")
@login_required
def guests(event_id: int):
    """Each guest's answer and link, with resend and revoke buttons."""
    event = owned_event_or_404(event_id)
    rows = db.session.execute(
        db.select(Guest).where(Guest.event_id == event.id).order_by(Guest.name)
    ).scalars()
    return render_template("rsvp/guests.html", event=event, guests=list(rows))


@bp.route("/events/<int:event_id>/rsvps/<int:guest_id>/resend", methods=["POST"])
@login_required
def resend(event_id: int, guest_id: int):
    """Email a guest their personal link again."""
    event = owned_event_or_404(event_id)
    guest = owned_guest_or_404(event, guest_id)
    form = ResendForm()
    if form.validate_on_submit():
        ops.resend_link(guest, form.nonce.data, utcnow())
        db.session.commit()
        send_queued()
        flash(f"Sent {guest.name} their link again.", "success")
    return redirect(_back(event))


@bp.route("/events/<int:event_id>/rsvps/<int:guest_id>/revoke", methods=["POST"])
@login_required
def revoke(event_id: int, guest_id: int):
    """Make a guest's link stop working; 'Resend link' then sends a new one."""
    event = owned_event_or_404(event_id)
    guest = owned_guest_or_404(event, guest_id)
    if EmptyForm().validate_on_submit():
        ops.revoke_link(guest)
        db.session.commit()
        flash(f"{guest.name}'s old link no longer works. Use 'Resend link' to send a new one.")
    return redirect(_back(event))


def _back(event) -> str:
    """Where the form came from (a local path only: no open redirect), else the RSVP list."""
    target = request.form.get("next", "")
    parts = urlsplit(target)
    local = target.startswith("/") and not target.startswith("//") and "\\" not in target
    if local and not parts.netloc and not parts.scheme:
        return target
    return url_for(".guests", event_id=event.id)
