"""On the night and just before it: late changes with the fewest moves, and check-in.

Same URLs as the seating pages (/events/<id>/seating/...), a room of their own in the code.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import login_required

from dinnerplan.access import owned_event_or_404, owned_guest_or_404
from dinnerplan.extensions import db
from dinnerplan.forms import EmptyForm
from dinnerplan.intros import operations as intro_ops
from dinnerplan.intros.build import published_version, seated
from dinnerplan.intros.records import intros_sent as introduced
from dinnerplan.models import VersionKind
from dinnerplan.night import late
from dinnerplan.seating import flow
from dinnerplan.seating import versions as v
from dinnerplan.seating.forms import CheckInForm, WalkInForm

bp = Blueprint("night", __name__, url_prefix="/events/<int:event_id>/seating")


@bp.route("/late", methods=["GET", "POST"])
@login_required
def late_changes(event_id: int):
    """Re-seat with fewest moves after declines, late additions and no-shows."""
    event = owned_event_or_404(event_id)
    changes = late.late_changes(event)
    if request.method == "POST":
        if changes is None or not EmptyForm().validate_on_submit():
            abort(400)
        return flow.start(event, VersionKind.LATE, changes.published, done_to="night.late_changes")
    proposal = changes.proposal if changes else None
    moves = late.describe_moves(event, proposal) if proposal and proposal.status in v.SEATED else []
    return render_template(
        "night/late.html",
        event=event,
        changes=changes,
        proposal=proposal,
        moves=moves,
        active=v.ACTIVE,
        seated=v.SEATED,
        introduced=introduced(event),
        updates=_updates(event, request.args.get("update", type=int)),
    )


def _updates(event, chosen: int | None) -> dict | None:
    """The update emails owed since the introductions went out, with one shown in full.

    The same emails and the same "Send N updates" button as on the introductions page, so
    the organizer reads what the fewest-moves fix will tell each guest where they made it.
    """
    version = published_version(event)
    if version is None or not introduced(event):
        return None
    changes = intro_ops.changes_since_told(event, version)
    if not changes:
        return None
    guest_id = chosen if chosen in changes else next(iter(changes))
    (intro,) = intro_ops.build_intros(version, only=[guest_id])
    return {
        "changes": changes,
        "guests": [g for _, g, _ in seated(version) if g.id in changes],
        "intro": intro,
        "rendered": intro_ops.render_update(intro, changes[guest_id]),
    }


@bp.post("/late/confirm")
@login_required
def late_confirm(event_id: int):
    """Publish the fewest-moves proposal; the organizer then previews the updates."""
    return flow.publish(owned_event_or_404(event_id), "night.late_changes")


@bp.route("/checkin", methods=["GET", "POST"])
@login_required
def checkin(event_id: int):
    """The door list on the night: search by name, tick arrivals and no-shows."""
    event = owned_event_or_404(event_id)
    form = CheckInForm()
    query = request.values.get("q", "")[:100]
    if form.validate_on_submit():
        guest = owned_guest_or_404(event, form.guest_id.data)
        late.check_in(guest, form.action.data)
        db.session.commit()
        return redirect(url_for("night.checkin", event_id=event.id, q=query or None))
    return _checkin_page(event, WalkInForm(formdata=None), query)


@bp.post("/checkin/walk-in")
@login_required
def walk_in(event_id: int):
    """Add a guest who turned up without an answer, arrived; seat them with late changes."""
    event = owned_event_or_404(event_id)
    form = WalkInForm()
    if not form.validate_on_submit():
        return _checkin_page(event, form, "", 400)
    guest, is_new = late.add_walk_in(event, form.name.data, form.email.data, form.company.data)
    db.session.commit()
    what = "added and marked arrived" if is_new else "was already on the list: marked arrived"
    flash(f"{guest.name} {what}. Seat them with “Late changes”.", "success")
    return redirect(url_for("night.checkin", event_id=event.id, q=guest.name))


def _checkin_page(event, walk_in_form, query: str, code: int = 200):
    rows = late.check_in_list(event, query)
    page = render_template(
        "night/checkin.html", event=event, rows=rows, query=query, walk_in=walk_in_form
    )
    return page, code
