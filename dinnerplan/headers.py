"""Security headers on every response, set by flask-talisman.

The Content Security Policy allows scripts from our own origin only (the one inline script
carries a per-request nonce), no plugins, no framing by other sites, and forms that post back
to us. Styles may be inline: the emails shown in the outbox and the print sheets carry their
own style attributes, and a style cannot run code. HTTPS is the proxy's job (gunicorn sits
behind TLS), so Talisman neither redirects nor touches the cookie settings in config.py.
"""

from __future__ import annotations

from flask import Flask
from flask_talisman import Talisman

SELF = "'self'"
CSP = {
    "default-src": SELF,
    "script-src": SELF,
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:"],
    "font-src": SELF,
    "connect-src": SELF,
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": SELF,
    "frame-ancestors": "'none'",
}

talisman = Talisman()


def register(app: Flask) -> None:
    """Send CSP, X-Frame-Options, Referrer-Policy, nosniff (and HSTS over HTTPS)."""
    talisman.init_app(
        app,
        force_https=False,
        session_cookie_secure=False,  # config.py decides (true in production)
        session_cookie_http_only=False,  # likewise
        frame_options="DENY",
        content_security_policy=CSP,
        content_security_policy_nonce_in=["script-src"],
        # Guest pages carry their personal token in the path: never send it to other sites.
        referrer_policy="same-origin",
        strict_transport_security=True,
    )
