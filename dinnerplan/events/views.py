"""Events and tables: the organizer's list, the event page, and the forms that change them."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from dinnerplan.access import owned_event_or_404
from dinnerplan.events import operations, tables
from dinnerplan.events.forms import EventForm, LayoutForm, TableForm
from dinnerplan.events.panels import event_panels
from dinnerplan.extensions import db
from dinnerplan.forms import EmptyForm
from dinnerplan.models import Event

bp = Blueprint("events", __name__, url_prefix="/events")
bp.add_app_template_filter(operations.format_local, "local_when")


@bp.route("/")
def index():
    """The organizer's events; a short introduction for visitors who aren't signed in."""
    if not current_user.is_authenticated:
        return render_template("events/landing.html")
    summaries = operations.organizer_events(current_user.id)
    return render_template("events/index.html", summaries=summaries)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    """Create an event."""
    form = EventForm()
    if not form.is_submitted():
        form.timezone.data = operations.default_timezone(current_user.id)
    if form.validate_on_submit():
        event = operations.save_event(
            Event(organizer_id=current_user.id), operations.EventDetails.from_form(form.data)
        )
        db.session.commit()
        flash(f"Created “{event.title}”. Next: add tables and guests.", "success")
        return redirect(url_for("events.show", event_id=event.id))
    return render_template("events/form.html", form=form, event=None)


@bp.route("/<int:event_id>")
@login_required
def show(event_id: int):
    """The event page: details, tables, and the guest and RSVP panels."""
    event = owned_event_or_404(event_id)
    return render_template("events/show.html", event=event, panels=event_panels(event))


@bp.route("/<int:event_id>/edit", methods=["GET", "POST"])
@login_required
def edit(event_id: int):
    """Change an event's details."""
    event = owned_event_or_404(event_id)
    form = EventForm(
        data=None if request.method == "POST" else _form_data(event),
        stored_start=(event.starts_at, event.timezone),
    )
    if form.validate_on_submit():
        operations.save_event(event, operations.EventDetails.from_form(form.data))
        db.session.commit()
        flash("Saved your changes.", "success")
        return redirect(url_for("events.show", event_id=event.id))
    return render_template("events/form.html", form=form, event=event)


@bp.route("/<int:event_id>/delete", methods=["POST"])
@login_required
def delete(event_id: int):
    """Delete an event with its guests and tables."""
    event = owned_event_or_404(event_id)
    if not EmptyForm().validate_on_submit():
        return redirect(url_for("events.show", event_id=event.id))
    title = event.title
    guests = operations.delete_event(event)
    db.session.commit()
    flash(f"Deleted “{title}” and its {guests} guest{'s' if guests != 1 else ''}.", "success")
    return redirect(url_for("events.index"))


@bp.route("/<int:event_id>/tables", methods=["GET", "POST"], endpoint="tables")
@login_required
def tables_page(event_id: int):
    """List the tables; add one."""
    event = owned_event_or_404(event_id)
    form = _table_form(event)
    if form.validate_on_submit():
        table = tables.save_table(event, None, form)
        db.session.commit()
        flash(f"Added {table.name}.", "success")
        return redirect(url_for("events.tables", event_id=event.id))
    return _render_tables(event, form, LayoutForm(headcount=tables.headcount_for(event)[0]))


@bp.route("/<int:event_id>/tables/<int:table_id>/edit", methods=["GET", "POST"])
@login_required
def table_edit(event_id: int, table_id: int):
    """Change a table's name, size bounds or host."""
    event = owned_event_or_404(event_id)
    table = tables.table_or_404(event, table_id)
    form = _table_form(event, table)
    if form.validate_on_submit():
        tables.save_table(event, table, form)
        db.session.commit()
        flash(f"Saved {table.name}.", "success")
        return redirect(url_for("events.tables", event_id=event.id))
    return render_template("events/table_form.html", event=event, table=table, form=form)


@bp.route("/<int:event_id>/tables/<int:table_id>/delete", methods=["POST"])
@login_required
def table_delete(event_id: int, table_id: int):
    """Remove a table."""
    event = owned_event_or_404(event_id)
    table = tables.table_or_404(event, table_id)
    if EmptyForm().validate_on_submit():
        tables.remove_table(event, table)
        db.session.commit()
        flash(f"Removed {table.name}.", "success")
    return redirect(url_for("events.tables", event_id=event.id))


@bp.route("/<int:event_id>/tables/layout", methods=["POST"])
@login_required
def layout(event_id: int):
    """Lay out balanced tables for a headcount, or say plainly why it can't be done."""
    event = owned_event_or_404(event_id)
    form = LayoutForm()
    if form.validate_on_submit():
        created = tables.layout_tables(event, form.headcount.data)
        if isinstance(created, str):
            form.headcount.errors.append(created)
        else:
            db.session.commit()
            flash(tables.layout_message(form.headcount.data, created), "success")
            return redirect(url_for("events.tables", event_id=event.id))
    return _render_tables(event, _table_form(event, formdata=None), form)


def _form_data(event: Event) -> dict:
    """An event's stored values in EventForm's field names."""
    data = {name: getattr(event, name) for name in operations.EVENT_FIELDS}
    data.update(
        start_date=event.starts_at.date(),
        start_time=event.starts_at.time(),
        timezone=event.timezone,
        table_min=event.table_min,
        table_max=event.table_max,
        deadline_date=event.rsvp_deadline.date() if event.rsvp_deadline else None,
        deadline_time=event.rsvp_deadline.time() if event.rsvp_deadline else None,
    )
    return data


def _table_form(event: Event, table=None, **kwargs) -> TableForm:
    """A TableForm offering this event's guests as hosts (each hosts one table at most)."""
    taken = {t.host_guest_id for t in event.tables if t.host_guest_id and t is not table}
    defaults = {"min_seats": event.table_min, "max_seats": event.table_max}
    if table is not None:
        defaults = {
            "name": table.name,
            "min_seats": table.min_seats,
            "max_seats": table.max_seats,
            "host": table.host_guest_id or 0,
        }
    if request.method == "POST" and "formdata" not in kwargs:
        defaults = None  # what was posted, not the stored values
    return TableForm(
        host_choices=tables.host_choices(event), taken_hosts=taken, data=defaults, **kwargs
    )


def _render_tables(event: Event, form: TableForm, layout_form: LayoutForm):
    return render_template(
        "events/tables.html",
        event=event,
        form=form,
        layout_form=layout_form,
        table_rows=tables.table_rows(event),
        table_summary=tables.summarize(event),
        table_target=tables.target_size(event),
    )
