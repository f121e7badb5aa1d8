"""Preview and send the introductions; the guest's own table page."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from dinnerplan.access import owned_event_or_404
from dinnerplan.auth.quota import sending_refusal
from dinnerplan.extensions import db
from dinnerplan.forms import EmptyForm
from dinnerplan.intros import operations as ops
from dinnerplan.intros.build import guest_table_context, published_version, seated
from dinnerplan.intros.forms import TestEmailForm
from dinnerplan.intros.records import intros_sent
from dinnerplan.links import guest_for_token
from dinnerplan.mail.operations import send_queued
from dinnerplan.models import MessageStatus
from dinnerplan.seating.versions import not_coming
from dinnerplan.urls import safe_next

bp = Blueprint("intros", __name__, url_prefix="/events/<int:event_id>/intros")


@bp.get("/")
@login_required
def preview(event_id: int):
    """Show the email each guest will get, and how sending stands."""
    event = owned_event_or_404(event_id)
    version = published_version(event)
    if version is None:
        # Nothing to send yet: no sending status either (the page refreshes only while sending).
        return render_template("intros/preview.html", event=event, version=None, status=None)
    guests = [g for _, g, _ in seated(version)]
    changes = ops.changes_since_told(event, version)
    chosen = request.args.get("guest", type=int) or (guests[0].id if guests else None)
    intro = next(iter(ops.build_intros(version, only=[chosen])), None) if chosen else None
    return render_template(
        "intros/preview.html",
        event=event,
        version=version,
        guests=guests,
        intro=intro,
        rendered=ops.render_intro(intro) if intro else None,
        status=ops.intro_status(event, version),
        changes=changes,
        update=_update_preview(version, changes, request.args.get("update", type=int)),
        changes_sent=sum(
            m.status == MessageStatus.SENT for m in ops.recorded_changes(event, version)
        ),
        not_coming=not_coming(version),
        width="phone" if request.args.get("view") == "phone" else "desktop",
        test_form=TestEmailForm(guest=chosen, formdata=None),
    )


@bp.post("/test")
@login_required
def send_test(event_id: int):
    """Email the organizer, at their own address, one guest's introduction as a test."""
    event = owned_event_or_404(event_id)
    form = TestEmailForm()
    version = published_version(event)
    if not form.validate_on_submit() or version is None:
        abort(400)
    intro = next(iter(ops.build_intros(version, only=[form.guest.data])), None)
    if intro is None:
        abort(404)
    ops.queue_test_intro(intro, current_user.email, form.nonce.data)
    db.session.commit()
    send_queued()
    flash(f"Sent a test of {intro.guest.name}'s introduction to {current_user.email}.", "success")
    view = "phone" if request.form.get("view") == "phone" else None
    return redirect(url_for(".preview", event_id=event.id, guest=intro.guest.id, view=view))


def _update_preview(version, changes: dict, chosen: int | None):
    """Return (intro, update, rendered) of one guest's update email, or None."""
    if not changes:
        return None
    guest_id = chosen if chosen in changes else next(iter(changes))
    (intro,) = ops.build_intros(version, only=[guest_id])
    update = changes[guest_id]
    return intro, update, ops.render_update(intro, update)


@bp.post("/send")
@login_required
def send(event_id: int):
    """Send the published seating's introductions in the background."""
    event = owned_event_or_404(event_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    version = published_version(event)
    if version is None:
        flash("Publish a seating first: introductions go out for the published one.", "error")
    elif refusal := sending_refusal(current_user, ops.intros_to_send(event, version)):
        flash(refusal, "error")
    else:
        ops.start_sending(version)
        flash("Sending the introductions. Each guest gets exactly one.", "success")
        # The job records the messages itself: `sending` keeps the page refreshing until then.
        return redirect(url_for(".preview", event_id=event.id, sending=1))
    return redirect(url_for(".preview", event_id=event.id))


@bp.post("/changes")
@login_required
def send_changes(event_id: int):
    """Send the previewed updates to guests whose table changed since they were told."""
    event = owned_event_or_404(event_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    # The late changes page sends from its own copy of the preview and wants to stay there.
    back = safe_next(request.form.get("next")) or url_for(".preview", event_id=event.id)
    version = published_version(event)
    if version is None or not intros_sent(event):
        flash("Nothing to tell yet: send the introductions of the published seating.", "error")
        return redirect(back)
    count = len(ops.changes_since_told(event, version))
    if refusal := sending_refusal(current_user, count):
        flash(refusal, "error")
        return redirect(back)
    ops.start_sending_changes(version)
    flash(f"An update goes to {count} guest(s) whose table changed; nobody else.", "success")
    return redirect(back)


def guest_table(token: str):
    """The guest's table, tablemates and talk order, from their personal link."""
    guest = guest_for_token(token)
    if guest is None:
        abort(404)
    context = guest_table_context(guest)
    return render_template("intros/guest_table.html", guest=guest, guest_table=context)


@bp.record_once
def _register(state) -> None:
    # The guest's page lives under their personal link, outside the organizer's prefix.
    state.app.add_url_rule("/r/<token>/table", "intros.guest_table", guest_table)
