"""The organizer's outbox: every recorded message, its status, and retry."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from dinnerplan.extensions import db
from dinnerplan.forms import EmptyForm
from dinnerplan.mail import operations as ops
from dinnerplan.mail.forms import OutboxFilter
from dinnerplan.models import Event, Message, MessageStatus

bp = Blueprint("mail", __name__, url_prefix="/outbox")


@bp.route("/")
@login_required
def outbox():
    """List the organizer's messages, filtered by dinner and status."""
    form = OutboxFilter(request.args)
    events = db.session.execute(
        db.select(Event.id, Event.title).where(Event.organizer_id == current_user.id)
    ).all()
    form.event.choices = [SelectChoice("", "All dinners")] + [
        SelectChoice(e.id, e.title) for e in events
    ]
    form.validate()
    status = form.status.data if not form.status.errors else None
    query = ops.outbox_query(current_user.id, form.event.data, status)
    page = db.paginate(query, per_page=50, error_out=False)
    stopped = {m.id for m in page.items if ops.interrupted(m)}
    return render_template(
        "mail/outbox.html", form=form, page=page, titles=dict(events), interrupted=stopped
    )


@bp.route("/<int:message_id>")
@login_required
def show(message_id: int):
    """One message as it was sent: text in a <pre>, HTML in a sandboxed frame."""
    message = _owned_message_or_404(message_id)
    event = db.session.get(Event, message.event_id) if message.event_id else None
    return render_template(
        "mail/show.html", message=message, event=event, interrupted=ops.interrupted(message)
    )


@bp.route("/<int:message_id>/retry", methods=["POST"])
@login_required
def retry(message_id: int):
    """Queue a failed or interrupted message again and send it."""
    message = _owned_message_or_404(message_id)
    if EmptyForm().validate_on_submit():
        if ops.retry(message):
            db.session.commit()
            ops.send_queued()
            flash("Sending the message again.", "success")
        elif message.status == MessageStatus.SENDING:
            flash("This message is being sent right now; nothing to retry.", "info")
        else:
            flash("This message was already sent; nothing to retry.", "info")
    return redirect(url_for(".show", message_id=message.id))


def _owned_message_or_404(message_id: int) -> Message:
    message = db.session.get(Message, message_id)
    if message is None or message.organizer_id != current_user.id:
        abort(404)
    return message
