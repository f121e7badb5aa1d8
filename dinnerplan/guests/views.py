"""Guest list: add, edit, remove, import, export."""

from flask import Blueprint

bp = Blueprint("guests", __name__, url_prefix="/events/<int:event_id>/guests")
