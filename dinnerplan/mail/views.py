"""The organizer's outbox: every recorded message, its status, and retry."""

from flask import Blueprint

bp = Blueprint("mail", __name__, url_prefix="/outbox")


@bp.route("/")
def outbox():
    """The outbox (placeholder until the mail area lands)."""
    return "outbox"
