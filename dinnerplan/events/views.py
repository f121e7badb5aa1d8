"""Events and tables."""

from flask import Blueprint

bp = Blueprint("events", __name__, url_prefix="/events")


@bp.route("/")
def index():
    """List the organizer's events."""
    return "dinnerplan"
