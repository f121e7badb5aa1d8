"""Sheets pages: the list of printables, print views, PDFs and the render job."""

from __future__ import annotations

import io

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    send_from_directory,
    url_for,
)
from flask_login import login_required

from dinnerplan.access import owned_event_or_404
from dinnerplan.extensions import db
from dinnerplan.forms import EmptyForm
from dinnerplan.models import Event, SeatingVersion
from dinnerplan.seating.versions import current_version, not_coming
from dinnerplan.sheets import operations
from dinnerplan.sheets.forms import PaperForm
from dinnerplan.sheets.render import PAPERS, PRINTABLES, paper_of, render_html, render_pdf
from dinnerplan.sheets.seating import load_seating, only_table

bp = Blueprint("sheets", __name__, url_prefix="/events/<int:event_id>/sheets")


def _index_page(event: Event, form: PaperForm, code: int = 200):
    version = current_version(event)
    status = operations.read_status(event.id, version.id) if version else None
    left_off = not_coming(version) if version else []
    return render_template(
        "sheets/index.html",
        event=event,
        version=version,
        left_off=left_off,
        files_outdated=bool(status) and operations.outdated(status, left_off),
        form=form,
        printables=PRINTABLES.values(),
        paper_label=PAPERS[paper_of(event)],
        status=status,
        generate_form=EmptyForm(),
    ), code


@bp.get("/")
@login_required
def index(event_id: int):
    """List the printables with links to view, download or render them all."""
    event = owned_event_or_404(event_id)
    return _index_page(event, PaperForm(paper=event.paper))


@bp.post("/paper")
@login_required
def paper(event_id: int):
    """Switch the event between A4 and US Letter."""
    event = owned_event_or_404(event_id)
    form = PaperForm()
    if not form.validate_on_submit():
        return _index_page(event, form, 400)
    operations.set_paper(event, form.paper.data)
    db.session.commit()
    flash(f"Sheets now print on {PAPERS[form.paper.data]}.", "success")
    return redirect(url_for("sheets.index", event_id=event.id))


def _printable_and_seating(event_id: int, kind: str):
    event = owned_event_or_404(event_id)
    if kind not in PRINTABLES:
        abort(404)
    seating = load_seating(event)
    table_id = request.args.get("table", type=int)
    if seating is not None and table_id is not None:  # reprint one table on its own
        seating = only_table(seating, table_id)
        if seating is None:
            abort(404)
    return event, seating


@bp.get("/<kind>")
@login_required
def view(event_id: int, kind: str):
    """Show a printable as a print-ready web page."""
    event, seating = _printable_and_seating(event_id, kind)
    if seating is None:
        flash(operations.UNSEATED, "warning")
        return redirect(url_for("sheets.index", event_id=event.id))
    css = url_for("static", filename="css/print.css")
    return render_html(kind, event, seating, paper_of(event), css_href=css)


@bp.get("/<kind>.pdf")
@login_required
def pdf(event_id: int, kind: str):
    """Render one printable as a PDF in the request and download it."""
    event, seating = _printable_and_seating(event_id, kind)
    if seating is None:
        flash(operations.UNSEATED, "warning")
        return redirect(url_for("sheets.index", event_id=event.id))
    if sum(len(t.guests) for t in seating.tables) > current_app.config.get(
        "SHEETS_INLINE_MAX_GUESTS", 80
    ):
        # Large dinners: rendering takes seconds, so it belongs in the background job, which
        # only a POST (the "Make all PDFs" button) starts. Serve its file when it is made.
        filename = PRINTABLES[kind].filename
        if filename in operations.read_status(event.id, seating.version_id)["files"]:
            return redirect(
                url_for(
                    "sheets.download",
                    event_id=event.id,
                    version_id=seating.version_id,
                    name=filename,
                )
            )
        flash(
            "This dinner is large, so its PDFs are made in the background: "
            "press “Make all PDFs” and download them here when they are ready.",
            "warning",
        )
        return redirect(url_for("sheets.index", event_id=event.id, _anchor="all-pdfs"))
    data = render_pdf(kind, event, seating, paper_of(event))
    name = f"event-{event.id}-{PRINTABLES[kind].filename}"
    return send_file(io.BytesIO(data), mimetype="application/pdf", download_name=name)


@bp.post("/generate")
@login_required
def generate(event_id: int):
    """Queue rendering every PDF in the background."""
    event = owned_event_or_404(event_id)
    version = current_version(event)
    if not EmptyForm().validate_on_submit() or version is None:
        flash(operations.UNSEATED if version is None else "Please try again.", "warning")
        return redirect(url_for("sheets.index", event_id=event.id))
    operations.start_render(event, version, paper_of(event))
    flash("Making the PDFs. This page shows when they are ready.", "success")
    return redirect(url_for("sheets.index", event_id=event.id))


def _owned_version_or_404(event: Event, version_id: int) -> SeatingVersion:
    version = db.session.get(SeatingVersion, version_id)
    if version is None or version.event_id != event.id:
        abort(404)
    return version


@bp.get("/status/<int:version_id>")
@login_required
def status(event_id: int, version_id: int):
    """Report the render job's progress as JSON, with download links for finished files."""
    event = owned_event_or_404(event_id)
    version = _owned_version_or_404(event, version_id)
    state = operations.read_status(event.id, version.id)
    state["urls"] = {
        name: url_for("sheets.download", event_id=event.id, version_id=version.id, name=name)
        for name in state["files"]
    }
    return jsonify(state)


@bp.get("/files/<int:version_id>/<name>")
@login_required
def download(event_id: int, version_id: int, name: str):
    """Download a PDF the render job wrote."""
    event = owned_event_or_404(event_id)
    version = _owned_version_or_404(event, version_id)
    if name not in {p.filename for p in PRINTABLES.values()}:
        abort(404)
    folder = operations.output_dir(event.id, version.id)
    return send_from_directory(
        folder, name, as_attachment=True, download_name=f"event-{event.id}-{name}"
    )
