"""Account safety: rate limits, CSRF on every form, secure session cookies."""

from __future__ import annotations

import re

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Event, Organizer
from tests.factories import PASSWORD


def csrf_token(client, path: str) -> str:
    """The CSRF token of the form on a page, as a browser would send it."""
    text = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', text).group(1)


class TestRateLimit:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "RATELIMIT_ENABLED": True}

    def test_eleventh_sign_in_in_a_minute_is_refused_kindly(self, client, make):
        organizer = make.organizer()
        wrong = {"email": organizer.email, "password": "not the password"}
        for _ in range(10):
            assert client.post("/auth/signin", data=wrong).status_code == 200
        response = client.post("/auth/signin", data={**wrong, "password": PASSWORD})
        assert response.status_code == 429
        assert "Too many attempts" in response.get_data(as_text=True)
        assert client.get("/auth/signin").status_code == 200  # reading the form still works

    def test_eleventh_reset_request_in_a_minute_is_refused(self, client):
        for _ in range(10):
            client.post("/auth/forgot", data={"email": "someone@example.com"})
        response = client.post("/auth/forgot", data={"email": "someone@example.com"})
        assert response.status_code == 429
        assert "Please wait a minute" in response.get_data(as_text=True)


class TestCsrfOn:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "WTF_CSRF_ENABLED": True}

    def sign_in(self, client, organizer):
        token = csrf_token(client, "/auth/signin")
        data = {"email": organizer.email, "password": PASSWORD, "csrf_token": token}
        assert client.post("/auth/signin", data=data).status_code == 302

    def test_sign_up_without_token_is_rejected_and_creates_nothing(self, app, client):
        data = {"name": "Eve", "email": "eve@example.com", "password": PASSWORD}
        response = client.post("/auth/signup", data={**data, "confirm": PASSWORD})
        assert response.status_code == 400
        assert "This form has expired" in response.get_data(as_text=True)
        with app.app_context():
            assert db.session.execute(db.select(Organizer)).first() is None

    def test_sign_in_without_token_is_rejected(self, client, make):
        organizer = make.organizer()
        data = {"email": organizer.email, "password": PASSWORD}
        assert client.post("/auth/signin", data=data).status_code == 400
        assert client.get("/events/new").status_code == 302

    def test_sign_out_without_token_is_rejected(self, client, make):
        self.sign_in(client, make.organizer())
        assert client.post("/auth/signout").status_code == 400
        assert client.get("/events/new").status_code == 200  # still signed in

    def test_event_forms_without_token_change_nothing(self, app, client, make):
        organizer = make.organizer()
        event = make.event(organizer, title="Kept Supper")
        self.sign_in(client, organizer)
        assert client.post(f"/events/{event.id}/delete").status_code == 400
        edit = client.post(f"/events/{event.id}/edit", data={"title": "Hijacked"})
        assert edit.status_code == 400
        assert (
            client.post(f"/events/{event.id}/tables/layout", data={"headcount": 12}).status_code
            == 400
        )
        with app.app_context():
            stored = db.session.get(Event, event.id)
            assert stored.title == "Kept Supper"
            assert stored.tables == []

    def test_forms_with_token_work(self, client, make):
        organizer = make.organizer()
        event = make.event(organizer)
        self.sign_in(client, organizer)
        token = csrf_token(client, f"/events/{event.id}")
        response = client.post(f"/events/{event.id}/delete", data={"csrf_token": token})
        assert response.status_code == 302
        assert client.get(f"/events/{event.id}").status_code == 404


def set_cookie(response, name: str) -> str:
    (header,) = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{name}=")]
    return header


class TestProductionCookies:
    @pytest.fixture
    def app_config(self, app_config):
        # Drop the test overrides: the production defaults apply.
        config = dict(app_config)
        del config["SESSION_COOKIE_SECURE"], config["REMEMBER_COOKIE_SECURE"]
        return config

    def test_session_and_remember_cookies_are_secure_httponly_lax(self, app, client, make):
        assert app.config["SESSION_COOKIE_SECURE"] is True
        organizer = make.organizer()
        data = {"email": organizer.email, "password": PASSWORD, "remember": "y"}
        response = client.post("/auth/signin", data=data)
        assert response.status_code == 302
        session = set_cookie(response, "session")
        assert "HttpOnly" in session
        assert "SameSite=Lax" in session
        assert "Secure" in session
        remember = set_cookie(response, "remember_token")
        assert "HttpOnly" in remember
        assert "Secure" in remember
