"""Organizer accounts: sign up, sign in, sign out, password reset."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")


@bp.route("/signin", methods=["GET", "POST"])
def signin():
    """Sign in (placeholder until the auth area lands)."""
    return "sign in"


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    """Sign up (placeholder)."""
    return "sign up"


@bp.route("/signout", methods=["POST"])
def signout():
    """Sign out (placeholder)."""
    return "sign out"
