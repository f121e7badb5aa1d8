"""Guest list: add, edit, remove, import, export. Every route loads the organizer's event."""

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

from dinnerplan.access import owned_event_or_404, owned_guest_or_404
from dinnerplan.extensions import db
from dinnerplan.forms import EmptyForm
from dinnerplan.guests import operations, uploads
from dinnerplan.guests.exporter import export_csv, export_filename
from dinnerplan.guests.forms import GuestForm, ImportConfirmForm, ImportForm
from dinnerplan.models.guest import RSVP_STATES
from dinnerplan.paging import page_by_name
from dinnerplan.topics.catalogue import event_catalogue

bp = Blueprint("guests", __name__, url_prefix="/events/<int:event_id>/guests")


@bp.route("/")
@login_required
def index(event_id: int):
    """The guest list, filtered by RSVP state and a search text."""
    event = owned_event_or_404(event_id)
    rsvp = request.args.get("rsvp", "")
    search = request.args.get("q", "")
    page = page_by_name(
        operations.guest_query(event, rsvp, search),
        request.args.get("page", 1, type=int),
        current_app.config["LIST_PAGE_SIZE"],
    )
    return render_template(
        "guests/index.html",
        event=event,
        guests=page.items,
        page=page,
        counts=operations.rsvp_counts(event),
        rsvp=rsvp if rsvp in RSVP_STATES else "",
        search=search,
        states=RSVP_STATES,
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create(event_id: int):
    """Add a guest."""
    event = owned_event_or_404(event_id)
    form = GuestForm(event_id=event.id)
    if form.validate_on_submit():
        guest = operations.create_guest(event, form)
        db.session.commit()
        flash(f"Added {guest.name}.", "success")
        return redirect(url_for(".index", event_id=event.id))
    return render_template("guests/create.html", event=event, form=form)


@bp.route("/<int:guest_id>/edit", methods=["GET", "POST"])
@login_required
def edit(event_id: int, guest_id: int):
    """Edit a guest's details and profile on one page, saved together."""
    event = owned_event_or_404(event_id)
    guest = owned_guest_or_404(event, guest_id)
    form = GuestForm(obj=guest, event_id=event.id, guest_id=guest.id)
    profile = operations.profile_form_for(guest, request.form if request.method == "POST" else None)
    # Validate both before saving either, so nothing is half-saved.
    if request.method == "POST" and all([form.validate(), profile.validate()]):
        operations.update_guest(guest, form)
        operations.apply_profile(guest, profile)
        db.session.commit()
        flash(f"Saved {guest.name}.", "success")
        return redirect(url_for(".index", event_id=event.id))
    return render_template(
        "guests/edit.html",
        event=event,
        guest=guest,
        form=form,
        profile=profile,
        suggestions=operations.suggestions(event),
    )


@bp.route("/<int:guest_id>/delete", methods=["GET", "POST"])
@login_required
def delete(event_id: int, guest_id: int):
    """Ask for confirmation (GET), then remove the guest (POST)."""
    event = owned_event_or_404(event_id)
    guest = owned_guest_or_404(event, guest_id)
    form = EmptyForm()
    if form.validate_on_submit():
        name = guest.name
        operations.delete_guest(guest)
        db.session.commit()
        flash(f"Removed {name} from the guest list.", "success")
        return redirect(url_for(".index", event_id=event.id))
    return render_template("guests/delete.html", event=event, guest=guest, form=form)


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_csv(event_id: int):
    """Upload a CSV; it is kept server-side until the organizer confirms the preview."""
    event = owned_event_or_404(event_id)
    form = ImportForm()
    if form.validate_on_submit():
        uploads.save_upload(current_user.id, event.id, form.content)
        return redirect(url_for(".import_preview", event_id=event.id))
    return render_template("guests/import.html", event=event, form=form)


@bp.errorhandler(413)
def import_too_large(error):
    """Keep the organizer on the import page, with the size problem next to the field."""
    if request.endpoint != "guests.import_csv":
        return render_template("errors/413.html"), 413
    event = owned_event_or_404(request.view_args["event_id"])
    form = ImportForm(formdata=None)
    size = (request.content_length or 0) / (1024 * 1024)
    limit = current_app.config["MAX_CONTENT_LENGTH"] / (1024 * 1024)
    form.file.errors = [
        f"That file is {size:.1f} MB, larger than {limit:g} MB. Keep only the columns you"
        " need, or split the list into several files."
    ]
    return render_template("guests/import.html", event=event, form=form), 413


@bp.route("/import/preview")
@login_required
def import_preview(event_id: int):
    """Every row of the uploaded file with its problems; nothing saved yet."""
    event = owned_event_or_404(event_id)
    data = uploads.load_upload(current_user.id, event.id)
    if data is None:
        flash("That upload has expired or was already imported. Please upload it again.")
        return redirect(url_for(".import_csv", event_id=event.id))
    preview = uploads.parse_upload(data, event_catalogue(event))
    operations.mark_existing(event, preview)
    form = ImportConfirmForm()
    return render_template("guests/preview.html", event=event, preview=preview, form=form)


@bp.route("/import/confirm", methods=["POST"])
@login_required
def import_confirm(event_id: int):
    """Import the previewed file in one transaction."""
    event = owned_event_or_404(event_id)
    form = ImportConfirmForm()
    data = uploads.load_upload(current_user.id, event.id)
    if not form.validate_on_submit() or data is None:
        flash("That upload has expired or was already imported. Please upload it again.")
        return redirect(url_for(".import_csv", event_id=event.id))
    try:
        counts = operations.apply_import(
            event, uploads.parse_upload(data, event_catalogue(event)), form.skip_invalid.data
        )
    except operations.ImportBlockedError:
        flash("Some rows have problems: fix the file, or choose to skip those rows.", "error")
        return redirect(url_for(".import_preview", event_id=event.id))
    db.session.commit()
    uploads.discard_upload(current_user.id, event.id)
    flash(operations.import_summary(counts), "success")
    return redirect(url_for(".index", event_id=event.id))


@bp.route("/export.csv")
@login_required
def export(event_id: int):
    """Download the guest list as CSV."""
    event = owned_event_or_404(event_id)
    disposition = f'attachment; filename="{export_filename(event)}"'
    return Response(
        export_csv(event),
        mimetype="text/csv",
        headers={"Content-Disposition": disposition, "Cache-Control": "no-store"},
    )
