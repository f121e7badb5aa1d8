"""Signing out ends the session on the server: a copied cookie stops working too.

"Sign out" ends this browser's session (other devices stay signed in); "Sign out everywhere"
ends them all. Session and remember-me cookies are copied between test clients, as someone
who stole them would.
"""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD


@pytest.fixture
def organizer(make):
    return make.organizer(email="ses@example.com")


def signed_in_client(app, remember: bool = False):
    browser = app.test_client()
    data = {"email": "ses@example.com", "password": PASSWORD}
    if remember:
        data["remember"] = "y"
    assert browser.post("/auth/signin", data=data).status_code == 302
    return browser


def signed_in(browser) -> bool:
    return browser.get("/events/new").status_code == 200


def copy_cookies(app, source, names=("session", "remember_token")):
    thief = app.test_client()
    for name in names:
        cookie = source.get_cookie(name)
        if cookie is not None:
            thief.set_cookie(name, cookie.value)
    return thief


def test_a_copied_session_cookie_stops_working_after_sign_out(app, organizer):
    browser = signed_in_client(app)
    thief = copy_cookies(app, browser, names=("session",))
    assert signed_in(thief)  # a copy works while the session lives
    browser.post("/auth/signout")
    assert not signed_in(browser)
    assert not signed_in(thief)


def test_a_copied_remember_cookie_stops_working_after_sign_out(app, organizer):
    browser = signed_in_client(app, remember=True)
    assert browser.get_cookie("remember_token") is not None
    thief = copy_cookies(app, browser, names=("remember_token",))
    assert signed_in(thief)  # the remember cookie alone signs in
    browser.post("/auth/signout")
    assert not signed_in(copy_cookies(app, browser, names=("remember_token",)))
    thief.delete_cookie("session")
    assert not signed_in(thief)


def test_sign_out_ends_only_this_devices_session(app, organizer):
    laptop, phone = signed_in_client(app), signed_in_client(app)
    laptop.post("/auth/signout")
    assert not signed_in(laptop)
    assert signed_in(phone)


def test_sign_out_everywhere_ends_every_session_and_remembered_device(app, organizer):
    laptop = signed_in_client(app)
    phone = signed_in_client(app, remember=True)
    remembered = copy_cookies(app, phone, names=("remember_token",))
    page = laptop.get("/auth/account").get_data(as_text=True)
    assert "Sign out everywhere" in page
    done = laptop.post("/auth/signout/everywhere", follow_redirects=True)
    assert "signed out on every device" in done.get_data(as_text=True)
    assert not signed_in(laptop)
    assert not signed_in(phone)
    assert not signed_in(remembered)
    assert signed_in(signed_in_client(app))  # signing in again works


def test_a_session_id_without_its_key_is_signed_out(app, client, organizer):
    # The old cookie format ("id:version") from before server-side sessions.
    with client.session_transaction() as session:
        session["_user_id"] = f"{organizer.id}:{organizer.password_version}"
        session["_fresh"] = True
    assert not signed_in(client)
