"""Errors in one place: templates/errors/<code>.html; a server error rolls back."""

from __future__ import annotations

import logging

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError
from werkzeug.exceptions import HTTPException

from dinnerplan.extensions import db

logger = logging.getLogger(__name__)

HANDLED = (400, 403, 404, 405, 413, 429, 500)

UNSTORABLE = (
    "Something in that request can't be stored: a number out of range or an invisible "
    "control character. Nothing was saved; please check what you typed and try again."
)


def register(app: Flask) -> None:
    """Attach the error handlers to the app."""

    def render(code: int, message: str | None = None):
        if code >= 500:
            db.session.rollback()
        return render_template(f"errors/{code}.html", message=message), code

    for code in HANDLED:
        app.register_error_handler(code, lambda e, code=code: render(code, _custom(e)))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render(
            400,
            "This form has expired or was sent from elsewhere. "
            "Please go back, reload the page and try again.",
        )

    @app.errorhandler(DataError)
    def data_error(error):
        # The database refused a value the guards let through: the request's fault, not ours.
        db.session.rollback()
        logger.warning("database refused a value: %s", error.orig)
        return render(400, UNSTORABLE)


def _custom(error) -> str | None:
    """The plain-words reason given to abort(400, ...), if any (other codes keep our text)."""
    if not isinstance(error, HTTPException) or error.code != 400:
        return None
    if error.description != type(error).description:
        return error.description
    return None
