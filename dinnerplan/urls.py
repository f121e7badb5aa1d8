"""Building and checking URLs: absolute links for emails, safe local redirect targets."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, url_for


def external_url(endpoint: str, **values) -> str:
    """Return an absolute URL for an endpoint, based on BASE_URL (works outside requests too)."""
    base = current_app.config["BASE_URL"].rstrip("/")
    # Jobs and the CLI have no request, and a live request may come from an internal host
    # name; a throwaway request at the root gives the bare path to put after BASE_URL.
    with current_app.test_request_context("/"):
        path = url_for(endpoint, **values)
    return base + path


def safe_next(target: str | None) -> str | None:
    """Return `target` if it is a plain local path, else None (no open redirects)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    # Browsers treat "\" like "/" and drop tabs and newlines, so "/\evil" or "/\t/evil"
    # can become "//evil"; refuse any backslash, whitespace or control character.
    if any(ch == "\\" or ord(ch) <= 32 or ord(ch) == 127 for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
