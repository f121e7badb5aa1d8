"""Request guards: input no database can store is refused with a clear 400, never a 500.

PostgreSQL rejects NUL characters in text and integers beyond 32 bits in integer columns; a
request carrying either would otherwise fail deep inside a query. Path ids use a bounded
`int` converter (a too-large id is simply a page that doesn't exist: 404); query-string and
form values are checked before any view runs.
"""

from __future__ import annotations

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

# The largest value of a PostgreSQL `integer` column (ids, counts); SQLite has the same limit
# in our schema because the models declare plain Integer columns.
MAX_DB_INT = 2**31 - 1

# Query-string and form names that carry ids or page numbers (the rest is free text, where
# long digit strings such as phone numbers are fine).
INT_PARAMS = frozenset({"page", "event", "guest", "version", "a", "b", "host", "prefer"})

NUL_MESSAGE = (
    "Part of what you sent contains an invisible NUL character (\\0), which can't be stored. "
    "Please retype the text (copying from some programs adds it) and try again."
)
NUMBER_MESSAGE = (
    "A number in that request is out of range: ids and page numbers are whole numbers "
    "from 1 to 2,147,483,647."
)


class DatabaseIntConverter(IntegerConverter):
    """The `<int:...>` converter, bounded to what the database can store (else: no match, 404)."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_DB_INT, signed=False) -> None:  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def register(app: Flask) -> None:
    """Install the bounded converter (before any route) and the request checks."""
    app.url_map.converters["int"] = DatabaseIntConverter
    app.before_request(check_request_values)


def check_request_values() -> None:
    """Refuse NUL characters anywhere, and out-of-range ids or page numbers."""
    if "\x00" in request.path:
        abort(400, description=NUL_MESSAGE)
    sources = [request.args]
    if request.method in ("POST", "PUT", "PATCH"):
        sources.append(request.form)
    for values in sources:
        for key, value in values.items(multi=True):
            if "\x00" in key or "\x00" in value:
                abort(400, description=NUL_MESSAGE)
            if key in INT_PARAMS or key.endswith("_id"):
                _check_int(value)


def _check_int(value: str) -> None:
    """Digits must fit the database's integer; anything else is left to the form or view."""
    digits = value.strip().lstrip("+-")
    if digits.isdigit() and (len(digits) > 10 or int(digits) > MAX_DB_INT):
        abort(400, description=NUMBER_MESSAGE)
