"""Invitations (organizer) and the guest's personal RSVP page (no account, a signed link)."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required

from dinnerplan import links
from dinnerplan.access import owned_event_or_404, owned_guest_or_404
from dinnerplan.auth.quota import sending_refusal
from dinnerplan.events.operations import deadline_passed, is_past
from dinnerplan.extensions import db
from dinnerplan.forms import EmptyForm
from dinnerplan.guests.operations import apply_profile
from dinnerplan.intros.build import guest_table_context
from dinnerplan.mail.operations import send_queued
from dinnerplan.models import Guest, Rsvp
from dinnerplan.models._base import utcnow
from dinnerplan.paging import page_by_name
from dinnerplan.rsvp import operations as ops
from dinnerplan.rsvp import panels, wishes
from dinnerplan.rsvp.calendar import build_ics
from dinnerplan.rsvp.forms import AnswerForm, GuestProfileForm, ResendForm
from dinnerplan.topics.operations import rsvp_topics
from dinnerplan.topics.pages import chips_for
from dinnerplan.urls import safe_next

bp = Blueprint("rsvp", __name__)


@bp.route("/r/<token>", methods=["GET", "POST"])
def page(token: str):
    """The guest's page: the dinner, their answer and their profile."""
    guest = links.guest_for_token(token)
    if guest is None:
        return _invalid(token)
    closed = deadline_passed(guest.event) or is_past(guest.event)
    posted = request.method == "POST"
    answer = AnswerForm(answer=Rsvp.YES if guest.rsvp == Rsvp.WAITLIST else guest.rsvp)
    profile = _profile_form(guest, request.form if posted else None)
    if posted and closed:
        flash("RSVPs are closed, so nothing was changed.", "error")
    elif posted and answer.validate_on_submit() & profile.validate():
        ops.record_rsvp(guest, answer.answer.data, utcnow())
        apply_profile(guest, profile, _wishes(guest, profile))
        confirm_step = rsvp_topics(guest, request.form, utcnow())
        db.session.commit()
        send_queued()
        after = "topics.confirm" if confirm_step else ".done"
        return redirect(url_for(after, token=token), code=303)
    return render_template(
        "rsvp/page.html",
        **_page_context(guest, token, closed),
        answer_form=answer,
        form=profile,
        topic_chips=chips_for(guest),
    )


@bp.route("/r/<token>/done")
def done(token: str):
    """Confirmation: exactly what was recorded."""
    guest = links.guest_for_token(token)
    if guest is None:
        return _invalid(token)
    closed = deadline_passed(guest.event) or is_past(guest.event)
    return render_template("rsvp/done.html", **_page_context(guest, token, closed))


@bp.route("/r/<token>/event.ics")
def ics(token: str):
    """Download the dinner as a calendar entry."""
    guest = links.guest_for_token(token)
    if guest is None:
        return _invalid(token)
    body = build_ics(guest, links.personal_link(guest), "PUBLISH")
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": 'attachment; filename="dinner.ics"'},
    )


def _profile_form(guest, formdata) -> GuestProfileForm:
    """The guest's profile form, filled from the guest or from what they submitted."""
    data = {
        "offers": list(guest.offers or []),
        "needs": list(guest.needs or []),
        "prefer": wishes.names_of(guest, "prefer"),
        "avoid": wishes.names_of(guest, "avoid"),
    }
    return GuestProfileForm(formdata=formdata, obj=guest, data=data, guest=guest)


def _wishes(guest, profile: GuestProfileForm) -> tuple[list[int], list[int]]:
    """The typed wishes, matched; when the organizer switched wishes off, the current ones."""
    if guest.event.guest_wishes:
        return profile.prefer_ids, profile.avoid_ids
    current = {"prefer": [], "avoid": []}
    for link in guest.links:
        current.setdefault(link.kind, []).append(link.other_id)
    return current["prefer"], current["avoid"]


def _invalid(token: str):
    """The page for a dead link: names the dinner and its host when the link was genuine."""
    return render_template("rsvp/invalid.html", stale=links.stale_link(token)), 404


def _page_context(guest, token: str, closed: bool) -> dict:
    """What the guest's page and its confirmation display, loaded here, not by the templates."""
    return {
        "guest": guest,
        "event": guest.event,
        "host_name": guest.event.host_name,
        "wishes": {kind: wishes.names_of(guest, kind) for kind in ("prefer", "avoid")},
        "token": token,
        "closed": closed,
        "past": is_past(guest.event),
        "position": ops.waitlist_position(guest),
        "offer_suggestions": ops.suggestions(guest, "offers"),
        "need_suggestions": ops.suggestions(guest, "needs"),
        "guest_table": guest_table_context(guest) if guest.rsvp == Rsvp.YES else None,
    }


@bp.route("/events/<int:event_id>/invitations", methods=["POST"])
@login_required
def invite(event_id: int):
    """Email every guest who has not been invited yet (once each, however often clicked)."""
    event = owned_event_or_404(event_id)
    refusal = sending_refusal(current_user, panels.panel(event).to_invite)
    if refusal:
        flash(refusal, "error")
    elif EmptyForm().validate_on_submit():
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
    page = page_by_name(
        db.select(Guest).where(Guest.event_id == event.id),
        request.args.get("page", 1, type=int),
        current_app.config["LIST_PAGE_SIZE"],
    )
    link_of = {g.id: links.personal_link(g) for g in page.items}
    return render_template(
        "rsvp/guests.html",
        event=event,
        guests=page.items,
        page=page,
        links=link_of,
        rsvp_panel=panels.panel(event),
        resend_form=ResendForm,  # called once per row: each form gets its own nonce
    )


@bp.route("/events/<int:event_id>/rsvps/<int:guest_id>/resend", methods=["POST"])
@login_required
def resend(event_id: int, guest_id: int):
    """Email a guest their personal link again."""
    event = owned_event_or_404(event_id)
    guest = owned_guest_or_404(event, guest_id)
    form = ResendForm()
    refusal = sending_refusal(current_user, 1)
    if refusal:
        flash(refusal, "error")
    elif form.validate_on_submit():
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
        links.revoke_link(guest)
        db.session.commit()
        flash(f"{guest.name}'s old link no longer works. Use 'Resend link' to send a new one.")
    return redirect(_back(event))


def _back(event) -> str:
    """Where the form came from (a local path only), else the RSVP list."""
    return safe_next(request.form.get("next")) or url_for(".guests", event_id=event.id)
