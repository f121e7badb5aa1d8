"""Organizer accounts through the real forms: sign up, sign in, sign out, next, reset."""

from __future__ import annotations

import html
import re

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Organizer
from tests.factories import PASSWORD, sign_in

NEW_PASSWORD = "a brand new passphrase"


def error_for(page: str, field_id: str) -> str:
    """The error text rendered next to a field (the macro's id="<field>-error"), or ''."""
    match = re.search(rf'<p class="error" id="{field_id}-error"[^>]*>(.*?)</p>', page, re.S)
    if match is None:
        return ""
    assert f'aria-describedby="{field_id}-error' in page or f'{field_id}-error"' in page
    return html.unescape(match.group(1)).strip()


def page(response) -> str:
    return response.get_data(as_text=True)


def signup(client, **fields):
    data = {
        "name": "Ann Organizer",
        "email": "ann@example.com",
        "password": PASSWORD,
        "confirm": PASSWORD,
    }
    data.update(fields)
    return client.post("/auth/signup", data=data, follow_redirects=True)


def organizer_count(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Organizer.id))).scalar_one()


def verify_link(inbox, address: str) -> str:
    (message,) = inbox.to(address)
    assert message["Subject"] == "Confirm your email address for dinnerplan"
    link = re.search(r"http://localhost/auth/verify/\S+", inbox.text_of(message)).group(0)
    assert link in inbox.html_of(message)
    return link.removeprefix("http://localhost")


def test_sign_up_emails_a_link_that_confirms_the_address_and_signs_in(app, client, inbox):
    response = signup(client, name="Ann Organizer", email="Ann@Example.COM")
    assert "Check your inbox" in page(response)
    assert client.get("/events/new").status_code == 302  # not signed in yet
    path = verify_link(inbox, "ann@example.com")

    assert "Confirm my email address" in page(client.get(path))  # a button: scanners can't
    done = client.post(path, follow_redirects=True)
    assert "Thank you, Ann Organizer: your email address is confirmed." in page(done)
    assert "My dinners" in page(done)
    assert "Sign out" in page(done)
    assert client.post(path).status_code == 400  # used once
    with app.app_context():
        organizer = db.session.execute(db.select(Organizer)).scalar_one()
        assert organizer.email == "ann@example.com"
        assert organizer.email_verified_at
        assert organizer.password_hash != PASSWORD
        assert organizer.check_password(PASSWORD)


def test_an_unverified_account_can_sign_in_and_is_asked_to_confirm(client, inbox):
    signup(client, email="later@example.com")
    text = page(
        client.post(
            "/auth/signin",
            data={"email": "later@example.com", "password": PASSWORD},
            follow_redirects=True,
        )
    )
    assert "My dinners" in text
    assert "Confirm your email address first" in text
    again = client.post("/auth/verify/resend", data={"next": "/events/"}, follow_redirects=True)
    assert "a few minutes ago" in page(again)  # no flood of links to someone's address
    assert verify_link(inbox, "later@example.com").startswith("/auth/verify/")


def test_sign_up_errors_are_next_to_their_fields_and_nothing_is_saved(app, client):
    response = signup(client, name="", email="not-an-email", password="short", confirm="other")
    text = page(response)
    assert "Tell us your name." in error_for(text, "name")
    assert "Enter a valid email address" in error_for(text, "email")
    assert "Use at least 10 characters." in error_for(text, "password")
    assert "The two passwords don't match." in error_for(text, "confirm")
    assert organizer_count(app) == 0


def test_sign_up_never_says_whether_an_address_has_an_account(app, client, make, inbox):
    make.organizer(email="taken@example.com")
    taken = page(signup(client, email="TAKEN@Example.com"))
    fresh = page(signup(client, email="fresh@example.com"))
    assert "Check your inbox" in taken
    assert taken == fresh
    assert organizer_count(app) == 2  # the taken address was not signed up again
    (note,) = inbox.to("taken@example.com")  # its owner hears about it instead
    assert note["Subject"] == "Your dinnerplan account"
    assert "already has one" in inbox.text_of(note)


def test_sign_in_and_out_through_the_forms(client, make):
    organizer = make.organizer()
    text = page(sign_in(client, organizer))
    assert "My dinners" in text
    assert client.get("/events/new").status_code == 200

    out = client.post("/auth/signout", follow_redirects=True)
    assert "You&#39;re signed out." in page(out) or "You're signed out." in page(out)
    assert "Create an organizer account" in page(out)  # the landing page again
    assert client.get("/events/new").status_code == 302


def test_sign_out_is_post_only(client, make):
    sign_in(client, make.organizer())
    assert client.get("/auth/signout").status_code == 405
    assert client.get("/events/new").status_code == 200  # still signed in


@pytest.mark.parametrize("email", ["org-wrong@example.com", "nobody@example.com"])
def test_wrong_password_or_unknown_email_says_so_next_to_the_password(client, make, email):
    make.organizer(email="org-wrong@example.com")
    response = client.post("/auth/signin", data={"email": email, "password": "wrong password!"})
    assert response.status_code == 200
    text = page(response)
    assert error_for(text, "password") == "That email and password don't match an account."
    assert client.get("/events/new").status_code == 302


def test_sign_in_returns_to_the_page_that_asked_for_it(client, make):
    organizer = make.organizer()
    response = client.get("/events/new")
    assert response.status_code == 302
    signin_url = response.headers["Location"]
    assert signin_url.startswith("/auth/signin?next=")
    response = client.post(signin_url, data={"email": organizer.email, "password": PASSWORD})
    assert response.headers["Location"] == "/events/new"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
        "evil.example",
        "/%0a/evil.example",
    ],
)
def test_next_never_leaves_the_site(client, make, target):
    organizer = make.organizer()
    response = client.post(
        "/auth/signin",
        query_string={"next": target},
        data={"email": organizer.email, "password": PASSWORD},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    if target == "/%0a/evil.example":  # encoded newline stays a harmless local path
        assert location.startswith("/")
        assert not location.startswith("//")
    else:
        assert location == "/events/"


def reset_link(inbox, address: str) -> str:
    (message,) = inbox.to(address)
    assert message["Subject"] == "Reset your dinnerplan password"
    text = inbox.text_of(message)
    assert "within 1 hour" in text
    link = re.search(r"http://localhost/auth/reset/\S+", text).group(0)
    assert link in inbox.html_of(message)
    return link.removeprefix("http://localhost")


def test_forgotten_password_email_link_works_once(client, make, inbox):
    organizer = make.organizer(email="forgetful@example.com")
    response = client.post(
        "/auth/forgot", data={"email": "Forgetful@example.com"}, follow_redirects=True
    )
    assert "If an account uses that address" in page(response)
    path = reset_link(inbox, "forgetful@example.com")

    form = client.get(path)
    assert form.status_code == 200
    assert "Choose a new password" in page(form)
    done = client.post(
        path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, follow_redirects=True
    )
    assert "Your password is changed." in page(done)
    assert "My dinners" in page(done)

    again = client.get(path)
    assert again.status_code == 400
    assert "This link no longer works" in page(again)
    reuse = client.post(path, data={"password": "yet another password", "confirm": "x"})
    assert reuse.status_code == 400

    client.post("/auth/signout")
    assert "don&#39;t match" in page(sign_in(client, organizer))  # old password is gone
    assert "My dinners" in page(sign_in(client, organizer, password=NEW_PASSWORD))


def test_reset_form_errors_are_next_to_fields(client, make, inbox):
    make.organizer(email="weak@example.com")
    client.post("/auth/forgot", data={"email": "weak@example.com"})
    path = reset_link(inbox, "weak@example.com")
    text = page(client.post(path, data={"password": "short", "confirm": "shorter"}))
    assert "Use at least 10 characters." in error_for(text, "password")
    assert "The two passwords don't match." in error_for(text, "confirm")
    assert client.get(path).status_code == 200  # nothing changed: the link still works


def test_forgot_answers_the_same_for_unknown_addresses_and_sends_nothing(client, make, inbox):
    make.organizer(email="known@example.com")
    known = client.post("/auth/forgot", data={"email": "known@example.com"}, follow_redirects=True)
    unknown = client.post(
        "/auth/forgot", data={"email": "stranger@example.com"}, follow_redirects=True
    )
    flash = re.compile(r'<div class="flash[^"]*"[^>]*>(.*?)</div>', re.S)
    assert flash.findall(page(known)) == flash.findall(page(unknown))
    assert len(inbox.to("known@example.com")) == 1
    assert inbox.to("stranger@example.com") == []


def test_double_click_on_forgot_sends_one_email(client, make, inbox):
    make.organizer(email="clicker@example.com")
    for _ in range(2):
        client.post("/auth/forgot", data={"email": "clicker@example.com"})
    assert len(inbox.to("clicker@example.com")) == 1


def test_reset_link_expires_after_an_hour(app, client, make):
    import time

    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    organizer = make.organizer()

    class HourAgoSigner(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - 3601

    def token(signer):
        serializer = URLSafeTimedSerializer(
            app.config["SECRET_KEY"], salt="password-reset", signer=signer
        )
        return serializer.dumps([organizer.id, organizer.password_version])

    assert client.get(f"/auth/reset/{token(TimestampSigner)}").status_code == 200
    response = client.get(f"/auth/reset/{token(HourAgoSigner)}")
    assert response.status_code == 400
    assert "This link no longer works" in page(response)
    assert client.get("/auth/reset/not-a-token").status_code == 400


def test_reset_signs_out_other_sessions(app, client, make, inbox):
    organizer = make.organizer(email="shared@example.com")
    sign_in(client, organizer)
    assert client.get("/events/new").status_code == 200

    other = app.test_client()
    other.post("/auth/forgot", data={"email": "shared@example.com"})
    path = reset_link(inbox, "shared@example.com")
    other.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert other.get("/events/new").status_code == 200  # the resetting browser is signed in

    response = client.get("/events/new")
    assert response.status_code == 302
    assert "/auth/signin" in response.headers["Location"]


def test_external_url_uses_base_url_with_or_without_a_request(app):
    from dinnerplan.urls import external_url

    app.config["BASE_URL"] = "https://dinners.example.org/"
    with app.app_context():  # as in a job or the CLI
        assert external_url("auth.reset", token="abc") == (
            "https://dinners.example.org/auth/reset/abc"
        )
    with app.test_request_context("/", base_url="http://internal-host:8000"):
        assert external_url("events.show", event_id=7) == "https://dinners.example.org/events/7"
