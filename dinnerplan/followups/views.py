"""The guest's table after seating, promises, the table's QR page and one-click actions."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import login_required
from wtforms.fields.choices import SelectChoice

from dinnerplan.access import owned_event_or_404
from dinnerplan.extensions import csrf, db
from dinnerplan.followups import actions, emails, links, optin
from dinnerplan.followups import operations as ops
from dinnerplan.followups.forms import DropForm, LinkForm, PromiseForm, SharingForm
from dinnerplan.followups.outcome import outcome, to_csv
from dinnerplan.followups.table import my_table, names_at, vcard
from dinnerplan.forms import EmptyForm
from dinnerplan.links import guest_for_token
from dinnerplan.mail.operations import send_queued
from dinnerplan.models import Guest, Promise, PromiseState, Rsvp
from dinnerplan.models._base import utcnow
from dinnerplan.rsvp.operations import resend_link

bp = Blueprint("followups", __name__)


def _guest_or_invalid(token: str) -> Guest:
    guest = guest_for_token(token)
    if guest is None:
        abort(Response(render_template("rsvp/invalid.html", stale=None), status=404))
    return guest


@bp.route("/r/<token>/mytable", methods=["GET", "POST"])
def mine(token: str):
    """The guest's table: tablemates, shared contacts, promises; POST records a promise."""
    guest = _guest_or_invalid(token)
    table = my_table(guest)
    form = PromiseForm()
    form.mate.choices = [SelectChoice(m.id, m.name) for m in table.mates] if table else []
    if table and form.validate_on_submit():
        mate = db.session.get(Guest, form.mate.data)
        outside = (form.outside_name.data, form.outside_email.data)
        try:
            promise = ops.record_promise(
                guest, mate, form.kind.data, form.what.data, utcnow(), outside
            )
        except ops.PromiseError as exc:
            form.what.errors.append(str(exc))
        else:
            if promise.outside_email:
                optin.start(promise)  # the tablemate is asked first
            db.session.commit()
            send_queued()
            flash("Noted. We'll remind you gently after the dinner.", "success")
            return redirect(url_for(".mine", token=token) + "#promises", code=303)
    sharing = SharingForm(formdata=None, obj=guest)
    return _render_mine(guest, token, table, form, sharing)


def _render_mine(guest, token, table, form, sharing):
    status = 400 if form.errors else 200
    return render_template(
        "followups/mine.html",
        guest=guest,
        event=guest.event,
        token=token,
        table=table,
        form=form,
        sharing=sharing,
        promises=ops.describe(ops.promises_of(guest), guest),
        drop_form=DropForm(formdata=None),
    ), status


@bp.post("/r/<token>/mytable/sharing")
def sharing(token: str):
    """Change what the guest shares with tablemates (withdraw at any time)."""
    guest = _guest_or_invalid(token)
    form = SharingForm()
    if form.validate_on_submit():
        ops.set_sharing(
            guest, form.share_email.data, form.share_phone.data, form.share_linkedin.data
        )
        db.session.commit()
        flash("Saved: your tablemates now see only what is ticked.", "success")
    return redirect(url_for(".mine", token=token) + "#sharing", code=303)


@bp.post("/r/<token>/mytable/promises/<int:promise_id>/<any(done, dropped):state>")
def close(token: str, promise_id: int, state: str):
    """Mark one of the guest's promises done or dropped."""
    guest = _guest_or_invalid(token)
    promise = db.session.get(Promise, promise_id)
    if promise is None or promise.giver_id != guest.id:
        abort(404)
    form = DropForm()
    if form.validate_on_submit():
        _close(promise, guest, state, form.reason.data or "")
    return redirect(url_for(".mine", token=token) + "#promises", code=303)


def _close(promise: Promise, guest: Guest, state: str, reason: str) -> None:
    if ops.close_promise(promise, guest, state, utcnow(), reason):
        if state == PromiseState.DONE:
            emails.queue_done_notice(promise)
        db.session.commit()
        send_queued()
        flash(
            "Done: thank you." if state == PromiseState.DONE else "Let go. No more reminders.",
            "success",
        )
    else:
        flash("That was already recorded; nothing changed.", "info")


@bp.get("/r/<token>/mytable/<int:mate_id>.vcf")
@bp.get("/r/<token>/mytable/table.vcf", defaults={"mate_id": None})
def card(token: str, mate_id: int | None):
    """Download one tablemate (or the whole table) as a vCard."""
    guest = _guest_or_invalid(token)
    table = my_table(guest)
    if table is None:
        abort(404)
    mates = table.mates if mate_id is None else [table.mate(mate_id)]
    if None in mates:
        abort(404)
    body = "".join(vcard(m, guest.event.title) for m in mates)
    name = "table" if mate_id is None else f"tablemate-{mate_id}"
    return Response(
        body,
        mimetype="text/vcard",
        headers={"Content-Disposition": f'attachment; filename="{name}.vcf"'},
    )


@bp.route("/t/<token>", methods=["GET", "POST"])
def table_page(token: str):
    """A table's shared QR page: names only, and a way to get one's personal link."""
    table = links.table_for_token(token)
    if table is None:
        return render_template("followups/table_invalid.html"), 404
    form = LinkForm()
    if form.validate_on_submit():
        guest = db.session.execute(
            db.select(Guest).where(
                Guest.event_id == table.event_id, Guest.email == form.email.data.strip().lower()
            )
        ).scalar_one_or_none()
        if guest is not None and guest.rsvp == Rsvp.YES:
            now = utcnow()
            resend_link(guest, f"qr:{table.id}:{now:%Y%m%d%H}", now)  # once an hour at most
            db.session.commit()
            send_queued()
        flash("If that address is on the guest list, your personal link is on its way.", "info")
        return redirect(url_for(".table_page", token=token), code=303)
    names = names_at(table)
    return render_template("followups/table.html", table=table, names=names, form=form)


@bp.route("/f/<token>", methods=["GET", "POST"])
def action(token: str):
    """A link from a follow-up email: confirm with one button, record once."""
    found = links.read_action(token)
    described = actions.describe(*found) if found else None
    if described is None:
        return render_template("followups/action.html", invalid=True), 404
    guest, kind, target = found
    done = None
    if request.method == "POST" and EmptyForm().validate_on_submit():
        done = actions.perform(guest, kind, target, utcnow())
        db.session.commit()
        send_queued()
    return render_template(
        "followups/action.html", invalid=False, action=described, done=done, guest=guest
    )


@bp.route("/o/<token>", methods=["GET", "POST"])
def outside(token: str):
    """Someone outside the dinner says yes or no to an introduction."""
    promise = optin.promise_for_outside(token)
    if promise is None:
        return render_template("followups/outside.html", promise=None), 404
    answered = None
    if request.method == "POST" and EmptyForm().validate_on_submit():
        answered = optin.outside_answers(promise, request.form.get("answer") == "yes", utcnow())
        db.session.commit()
        send_queued()
    context = optin.outside_context(promise)
    return render_template("followups/outside.html", promise=promise, answered=answered, **context)


@bp.route("/u/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058 one-click unsubscribe: mail clients POST without a form; signed link
def unsubscribe(token: str):
    """Unsubscribe from this dinner's follow-up emails: a page, or a mail client's POST."""
    found = links.read_action(token)
    if found is None or found[1] != "unsubscribe":
        return render_template("followups/action.html", invalid=True), 404
    done = None
    if request.method == "POST":
        done = actions.perform(*found, utcnow())
        db.session.commit()
    described = actions.describe(*found)
    return render_template(
        "followups/action.html", invalid=False, action=described, done=done, guest=found[0]
    )


@bp.get("/events/<int:event_id>/outcome")
@login_required
def outcome_page(event_id: int):
    """The dinner's outcome: promises, introductions, who met help; printable."""
    event = owned_event_or_404(event_id)
    return render_template("followups/outcome.html", event=event, report=outcome(event))


@bp.get("/events/<int:event_id>/outcome.csv")
@login_required
def outcome_csv(event_id: int):
    """Download the outcome per table as CSV."""
    event = owned_event_or_404(event_id)
    return Response(
        to_csv(outcome(event)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="event-{event.id}-outcome.csv"'},
    )
