"""Errors in one place: templates/errors/<code>.html; a server error rolls back."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

from dinnerplan.extensions import db

HANDLED = (400, 403, 404, 405, 413, 429, 500)


def register(app: Flask) -> None:
    """Attach the error handlers to the app."""

    def render(code: int, message: str | None = None):
        if code >= 500:
            db.session.rollback()
        return render_template(f"errors/{code}.html", message=message), code

    for code in HANDLED:
        app.register_error_handler(code, lambda e, code=code: render(code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render(
            400,
            "This form has expired or was sent from elsewhere. "
            "Please go back, reload the page and try again.",
        )
