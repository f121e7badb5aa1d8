"""Logging: one key=value line per event on stderr, each carrying the request's id.

The request id is taken from an X-Request-ID header (a proxy's) when it looks like one, else
generated, and echoed in the response, so a user's report, the proxy log and ours line up.
Handlers are configured here, in the factory, and only when not debugging or testing.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid

from flask import Flask, g, has_request_context, request

logger = logging.getLogger(__name__)

REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_FIELDS = ("ts", "level", "logger", "request_id", "msg")


class RequestIdFilter(logging.Filter):
    """Stamp each record with the current request's id ('-' outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Add `request_id` to the record; keep every record."""
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


class KeyValueFormatter(logging.Formatter):
    """ts=… level=… logger=… request_id=… msg="…" plus any `extra` fields given."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as one line of key=value pairs."""
        values = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "msg": record.getMessage(),
        }
        values.update(getattr(record, "fields", {}))
        if record.exc_info:
            values["exc"] = self.formatException(record.exc_info)
        return " ".join(f"{key}={_quote(value)}" for key, value in values.items())


def _quote(value) -> str:
    text = str(value)
    if text and not re.search(r'[\s="]', text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def register(app: Flask) -> None:
    """Request ids on every request; handlers only outside debug and testing."""
    app.before_request(_start_request)
    app.after_request(_finish_request)
    if not app.debug and not app.testing:
        configure_handlers(app.config["LOG_LEVEL"])


def configure_handlers(level: str) -> None:
    """Send the package's log records to stderr as key=value lines (once per process)."""
    package = logging.getLogger("dinnerplan")
    for handler in [h for h in package.handlers if getattr(h, "dinnerplan", False)]:
        package.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.dinnerplan = True
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(KeyValueFormatter())
    package.addHandler(handler)
    package.setLevel(level.upper())
    package.propagate = False


def _start_request() -> None:
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if REQUEST_ID.match(given) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish_request(response):
    response.headers["X-Request-ID"] = g.get("request_id", "-")
    started = g.get("request_started")
    logger.info(
        "request",
        extra={
            "fields": {
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "ms": round((time.perf_counter() - started) * 1000, 1) if started else "",
            }
        },
    )
    return response
