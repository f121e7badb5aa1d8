"""Every response carries the security headers (the browser test checks pages still work)."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("path", ["/", "/auth/signin", "/no/such/page", "/r/not-a-token"])
def test_security_headers_on_pages_and_errors(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "form-action 'self'" in csp
    assert re.search(r"script-src 'self' 'nonce-[\w-]+'", csp)
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_plain_http_is_not_redirected_and_cookie_settings_are_ours(app, client):
    assert client.get("/auth/signin").status_code == 200  # the TLS proxy handles HTTPS
    assert app.config["SESSION_COOKIE_SECURE"] is False  # as the test config set it
