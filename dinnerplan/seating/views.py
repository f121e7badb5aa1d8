"""Seating pages: seat, review, adjust, publish, late changes, check-in and export."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import login_required

from dinnerplan.access import owned_event_or_404, owned_guest_or_404
from dinnerplan.extensions import db
from dinnerplan.forms import EmptyForm
from dinnerplan.models import VersionKind
from dinnerplan.seating import editing, flow, operations, series
from dinnerplan.seating import versions as v
from dinnerplan.seating.editing import EditError
from dinnerplan.seating.export import export_csv
from dinnerplan.seating.forms import (
    LockForm,
    MoveForm,
    ReseatForm,
    SeriesImportForm,
    SwapForm,
    VersionForm,
)
from dinnerplan.seating.keeping import reseat_preview
from dinnerplan.seating.planning import confirmed_guests
from dinnerplan.seating.review import build_review, progress_of, status_line

bp = Blueprint("seating", __name__, url_prefix="/events/<int:event_id>/seating")


def _form_problem(form) -> str:
    return " ".join(e for errors in form.errors.values() for e in errors) or "Please try again."


@bp.get("/")
@login_required
def show(event_id: int):
    """Review a seating version as table cards (the latest by default)."""
    event = owned_event_or_404(event_id)
    number = request.args.get("version", type=int)
    version = (
        flow.version_or_404(event, number) if number else v.latest_version(event, seated_only=True)
    )
    latest = v.latest_version(event)
    seated = version is not None and version.status in v.SEATED
    review = build_review(event, version, confirmed_guests(event)) if seated else None
    return render_template(
        "seating/show.html",
        event=event,
        version=version,
        latest=latest,
        review=review,
        keep=reseat_preview(event, version) if seated else None,
        tables=v.tables_of(event),
        published=v.published_version(event),
        series_form=SeriesImportForm(),
        active=v.ACTIVE,
    )


@bp.get("/status")
@login_required
def status(event_id: int):
    """The newest run's state as JSON, for the page's progress poll."""
    event = owned_event_or_404(event_id)
    latest = v.latest_version(event)
    url = url_for("seating.show", event_id=event.id, version=latest.number) if latest else ""
    return jsonify(progress_of(latest, url))


@bp.post("/run")
@login_required
def run(event_id: int):
    """Seat the confirmed guests in the background."""
    event = owned_event_or_404(event_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    return flow.start(event, VersionKind.SOLVE)


@bp.post("/reseat")
@login_required
def reseat(event_id: int):
    """Re-seat from a version: all but locked and hand-moved guests, or all but locked."""
    event = owned_event_or_404(event_id)
    form = ReseatForm()
    if not form.validate_on_submit():
        abort(400)
    kind = VersionKind.RESEAT_ALL if form.scope.data == "everyone" else VersionKind.RESEAT
    return flow.start(event, kind, flow.version_or_404(event, form.version.data))


def _edit(event, form, change):
    """Validate a change form, apply it, commit, and show the new version."""
    if not form.validate_on_submit():
        flash(_form_problem(form), "error")
        return flow.back(event)
    base = flow.version_or_404(event, form.version.data)
    try:
        result = change(base)
    except EditError as exc:
        flash(str(exc), "error")
        return flow.back(event, base)
    db.session.commit()
    return flow.back(event, result if result is not None else base)


@bp.post("/move")
@login_required
def move(event_id: int):
    """Move a guest to another table (a new version)."""
    event = owned_event_or_404(event_id)
    form = MoveForm()
    return _edit(
        event,
        form,
        lambda base: editing.move_guest(
            event, base, owned_guest_or_404(event, form.guest_id.data).id, form.table_id.data
        ),
    )


@bp.post("/swap")
@login_required
def swap(event_id: int):
    """Swap two guests' tables (a new version)."""
    event = owned_event_or_404(event_id)
    form = SwapForm()
    return _edit(
        event, form, lambda base: editing.swap_guests(event, base, form.a.data, form.b.data)
    )


@bp.post("/lock")
@login_required
def lock(event_id: int):
    """Lock or unlock a guest or a whole table in the version shown."""
    event = owned_event_or_404(event_id)
    form = LockForm()

    def change(base):
        editing.set_lock(base, form.action.data == "lock", form.guest_id.data, form.table_id.data)

    return _edit(event, form, change)


@bp.post("/restore")
@login_required
def restore(event_id: int):
    """Go back to an older version (copied into a new one)."""
    event = owned_event_or_404(event_id)
    form = VersionForm()
    return _edit(event, form, lambda base: editing.restore(event, base))


@bp.post("/publish")
@login_required
def publish(event_id: int):
    """Publish a version: guests then see their table."""
    return flow.publish(owned_event_or_404(event_id), "seating.show")


@bp.get("/versions")
@login_required
def versions(event_id: int):
    """Every seating run and edit, newest first."""
    event = owned_event_or_404(event_id)
    return render_template(
        "seating/versions.html",
        event=event,
        versions=v.versions_of(event),
        status_line=status_line,
        seated=v.SEATED,
    )


@bp.get("/compare")
@login_required
def compare(event_id: int):
    """Who moved between two versions (the shown one and the one before by default)."""
    event = owned_event_or_404(event_id)
    pair = flow.compare_pair(
        event, request.args.get("a", type=int), request.args.get("b", type=int)
    )
    cmp = editing.compare(event, *pair) if pair else None
    return render_template("seating/compare.html", event=event, cmp=cmp)


@bp.post("/series-import")
@login_required
def series_import(event_id: int):
    """Import an earlier dinner of the event's series (CSV table,email) held elsewhere."""
    event = owned_event_or_404(event_id)
    form = SeriesImportForm()
    if not event.series:
        abort(404)
    problem = _form_problem(form) if not form.validate_on_submit() else ""
    if not problem:
        try:
            text = form.file.data.read().decode("utf-8-sig")
            rows = series.parse_seats(text)
            count = series.import_seats(event.organizer_id, event.series, form.dinner.data, rows)
        except UnicodeDecodeError:
            problem = "Save the file as CSV in UTF-8 and upload it again."
        except series.SeriesImportError as exc:
            problem = str(exc)
    if problem:
        flash(f"Nothing imported: {problem}", "error")
    else:
        db.session.commit()
        flash(
            f"Imported {count} seats of “{form.dinner.data}”: they sit apart next time.", "success"
        )
    return redirect(url_for("seating.show", event_id=event.id, _anchor="series"))


@bp.get("/export.csv")
@login_required
def export(event_id: int):
    """Download the published (or latest) seating as CSV."""
    event = owned_event_or_404(event_id)
    number = request.args.get("version", type=int)
    version = flow.version_or_404(event, number) if number else operations.current_version(event)
    if version is None:
        abort(404)
    name = f"seating-event{event.id}-v{version.number}.csv"
    return Response(
        export_csv(event, version),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
