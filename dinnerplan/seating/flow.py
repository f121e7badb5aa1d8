"""View helpers shared by the seating pages and the on-the-night pages (night/views.py).

Starting a seating run, publishing a version and going back to the review page: each reads
the posted form, calls an operation, commits once and redirects with a flash.
"""

from __future__ import annotations

import re

from flask import abort, flash, redirect, request, url_for

from dinnerplan.extensions import db
from dinnerplan.intros.records import intros_sent as introduced
from dinnerplan.models import VersionStatus
from dinnerplan.seating import operations
from dinnerplan.seating import versions as v
from dinnerplan.seating.editing import EditError
from dinnerplan.seating.forms import VersionForm


def version_or_404(event, number):
    """Return the event's version with this number (the latest seated one for 0), or 404."""
    version = v.find_version(event, number) if number else v.latest_version(event, seated_only=True)
    if version is None:
        abort(404)
    return version


def back(event, version=None):
    """Redirect to the review page of a version, at the table the form came from."""
    number = version.number if version is not None else None
    # Return to the table the organizer was working on (no-JS: the page keeps its place).
    anchor = request.form.get("anchor", "")
    anchor = anchor if re.fullmatch(r"table-\d+", anchor) else None
    return redirect(url_for("seating.show", event_id=event.id, version=number, _anchor=anchor))


def start(event, kind, parent=None, done_to="seating.show"):
    """Add a seating run, commit, enqueue it, and redirect with a flash."""
    try:
        version = operations.start_seating(event, kind, parent)
    except EditError as exc:
        flash(str(exc), "error")
        return redirect(url_for(done_to, event_id=event.id))
    db.session.commit()
    try:
        operations.enqueue_seating(version)
    except Exception as exc:  # noqa: BLE001 - e.g. Redis unreachable: say so on the version
        db.session.rollback()
        version = db.session.get(type(version), version.id)
        version.status, version.reason = (
            VersionStatus.FAILED,
            f"Seating failed: could not start the job ({exc}).",
        )
        db.session.commit()
    flash(f"Seating version {version.number} started.", "success")
    return redirect(url_for(done_to, event_id=event.id))


def publish(event, fail_to: str):
    """Publish the posted version and show it (updates are previewed, then sent, in intros)."""
    form = VersionForm()
    if not form.validate_on_submit():
        abort(400)
    version = version_or_404(event, form.version.data)
    try:
        changed = operations.publish(version)
    except EditError as exc:
        flash(f"Not published: {exc}", "error")
        return redirect(url_for(fail_to, event_id=event.id, version=version.number))
    db.session.commit()
    told = " Preview and send their updates on the introductions page." if introduced(event) else ""
    moved = f"{len(changed)} guest has" if len(changed) == 1 else f"{len(changed)} guests have"
    flash(f"Version {version.number} is published; {moved} a new table.{told}", "success")
    return back(event, version)


def compare_pair(event, a: int | None, b: int | None):
    """Return the (a, b) versions to compare: by default the shown seating and the one before.

    A number given is looked up (404 when unknown); a missing `b` is the newest seating, a
    missing `a` the newest seating before `b`. None when there is no earlier seating.
    """
    seatings = [x for x in v.versions_of(event) if x.status in v.SEATED]
    after = version_or_404(event, b) if b else (seatings[0] if seatings else None)
    if after is None:
        return None
    if a:
        return version_or_404(event, a), after
    before = next((x for x in seatings if x.number < after.number), None)
    return (before, after) if before is not None else None
