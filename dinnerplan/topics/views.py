"""Help topics: the organizer's pages and the guest's chips.

The organizer's Needs and offers page and topic settings; the guest's chips (JSON read under
their personal link) and no-JavaScript confirmation step.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import login_required

from dinnerplan.access import owned_event_or_404
from dinnerplan.extensions import db, limiter
from dinnerplan.forms import EmptyForm
from dinnerplan.links import guest_for_token
from dinnerplan.mail.operations import send_queued
from dinnerplan.models._base import utcnow
from dinnerplan.topics import operations as ops
from dinnerplan.topics import pages
from dinnerplan.topics import settings as settings_ops
from dinnerplan.topics.catalogue import SIDES, event_catalogue
from dinnerplan.topics.emails import ask_to_confirm
from dinnerplan.topics.forms import (
    AddTopicForm,
    BulkForm,
    HideTopicsForm,
    RenameTopicForm,
)

bp = Blueprint("topics", __name__)
MAX_QUERY = 500  # characters of a typed need read for suggestions


def _guest_or_404(token: str):
    guest = guest_for_token(token)
    if guest is None:
        abort(404)
    return guest


def _token_key() -> str:
    return f"topics:{request.view_args.get('token', '')[:80]}"


@bp.route("/r/<token>/topics/suggest")
@limiter.limit("120 per minute", key_func=_token_key)
def suggest(token: str):
    """Topics for what the guest is typing (JSON; a read, so GET without CSRF)."""
    guest = _guest_or_404(token)
    side = request.args.get("side", "")
    if side not in SIDES:
        return jsonify(error="side must be need or offer"), 400
    text = request.args.get("text", "")[:MAX_QUERY]
    return _json(pages.suggestions(guest.event, text, side))


@bp.route("/r/<token>/topics/search")
@limiter.limit("120 per minute", key_func=_token_key)
def search(token: str):
    """Any topic of the dinner by name, description or example (JSON)."""
    guest = _guest_or_404(token)
    return _json(pages.search(guest.event, request.args.get("q", "")[:100]))


def _json(topics: list[dict]):
    response = jsonify(topics=topics)
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


@bp.route("/r/<token>/topics", methods=["GET", "POST"])
def confirm(token: str):
    """The guest checks the topics read from their words ("We read this as … — right?")."""
    guest = guest_for_token(token)
    if guest is None:
        return render_template("rsvp/invalid.html", stale=None), 404
    step = pages.ConfirmStep(guest, request.form if request.method == "POST" else None)
    if step.saved():
        ops.confirm_guest(guest, step.chosen, utcnow())
        db.session.commit()
        flash("Thank you: your topics are saved.", "success")
        return redirect(url_for("rsvp.done", token=token), code=303)
    return render_template(
        "topics/confirm.html", guest=guest, event=guest.event, token=token, step=step
    )


@bp.route("/events/<int:event_id>/topics")
@login_required
def review(event_id: int):
    """Every guest's needs and offers with their topics, least confident first."""
    event = owned_event_or_404(event_id)
    context = pages.review_context(event, BulkForm(), **_shown())
    return render_template("topics/review.html", **context)


def _shown() -> dict:
    """The Needs and offers page's filter and page number from the query string (if not default)."""
    shown = {}
    if request.args.get("show", "all") in pages.SHOWS.keys() - {"all"}:
        shown["show"] = request.args["show"]
    if (request.args.get("page", 1, type=int) or 1) > 1:
        shown["page"] = request.args.get("page", type=int)
    return shown


@bp.route("/events/<int:event_id>/topics", methods=["POST"])
@login_required
def bulk(event_id: int):
    """Accept, set or add topics on the ticked rows."""
    event = owned_event_or_404(event_id)
    form = BulkForm()
    form.topic.choices = pages.bulk_choices(event)
    if not form.validate_on_submit():
        context = pages.review_context(event, form, **_shown())
        return render_template("topics/review.html", **context), 400
    changed = ops.bulk_update(
        event, form.rows.data, form.action.data, form.topic.data, event_catalogue(event), utcnow()
    )
    db.session.commit()
    flash(f"Updated {changed} of {len(form.rows.data)} ticked.", "success")
    return redirect(url_for(".review", event_id=event.id, **_shown()))


@bp.route("/events/<int:event_id>/topics/ask", methods=["POST"])
@login_required
def ask(event_id: int):
    """Email each guest with unconfirmed topics a link to confirm them (once each)."""
    event = owned_event_or_404(event_id)
    if EmptyForm().validate_on_submit():
        count = ask_to_confirm(event, ops.event_guests(event), event_catalogue(event))
        db.session.commit()
        send_queued()
        flash(pages.asked_message(count), "success" if count else "info")
    return redirect(url_for(".review", event_id=event.id))


@bp.route("/events/<int:event_id>/topics/settings")
@login_required
def settings(event_id: int):
    """Add, rename and hide topics for this dinner."""
    event = owned_event_or_404(event_id)
    return render_template("topics/settings.html", **pages.settings_context(event))


@bp.route("/events/<int:event_id>/topics/settings/add", methods=["POST"])
@login_required
def add(event_id: int):
    """Add a topic of the organizer's own."""
    event = owned_event_or_404(event_id)
    form = pages.settings_forms(event, add_form=AddTopicForm())["add_form"]
    if form.validate_on_submit():
        try:
            settings_ops.add_topic(
                event,
                form.name.data,
                form.description.data or "",
                form.met_by.data or [],
                (form.examples.data or "").splitlines(),
            )
        except settings_ops.SettingsError as error:
            form.name.errors.append(str(error))
        else:
            db.session.commit()
            flash(f"Added “{' '.join(form.name.data.split())}”.", "success")
            return redirect(url_for(".settings", event_id=event.id))
    return _settings_again(event, add_form=form)


@bp.route("/events/<int:event_id>/topics/settings/rename", methods=["POST"])
@login_required
def rename(event_id: int):
    """Give a topic this dinner's own name."""
    event = owned_event_or_404(event_id)
    form = pages.settings_forms(event, rename_form=RenameTopicForm())["rename_form"]
    if form.validate_on_submit():
        try:
            settings_ops.rename_topic(event, form.topic.data, form.name.data)
        except settings_ops.SettingsError as error:
            form.name.errors.append(str(error))
        else:
            db.session.commit()
            flash("Renamed. Guests' confirmations are unchanged.", "success")
            return redirect(url_for(".settings", event_id=event.id))
    return _settings_again(event, rename_form=form)


@bp.route("/events/<int:event_id>/topics/settings/hidden", methods=["POST"])
@login_required
def hide(event_id: int):
    """Hide exactly the ticked topics (unticked ones are suggested again)."""
    event = owned_event_or_404(event_id)
    form = pages.settings_forms(event, hide_form=HideTopicsForm())["hide_form"]
    if not form.validate_on_submit():
        return _settings_again(event, hide_form=form)
    in_use = settings_ops.set_hidden(event, form.hidden.data or [])
    db.session.commit()
    flash(pages.hidden_message(event, in_use), "success")
    return redirect(url_for(".settings", event_id=event.id))


@bp.route("/events/<int:event_id>/topics/settings/remove/<topic_id>", methods=["POST"])
@login_required
def remove(event_id: int, topic_id: str):
    """Remove a topic added for this dinner (hidden instead while guests use it)."""
    event = owned_event_or_404(event_id)
    if EmptyForm().validate_on_submit():
        try:
            removed = settings_ops.remove_topic(event, topic_id)
        except settings_ops.SettingsError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(pages.removed_message(event, topic_id, removed), "success")
    return redirect(url_for(".settings", event_id=event.id))


def _settings_again(event, **forms):
    return render_template("topics/settings.html", **pages.settings_context(event, **forms)), 400
