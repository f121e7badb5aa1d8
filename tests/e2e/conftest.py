"""Browser tests: the real app served on loopback, driven in Debian's Chromium by Playwright."""

from __future__ import annotations

import os
import shutil
import threading
import time

import pytest
from werkzeug.serving import make_server

from dinnerplan.app import create_app
from dinnerplan.extensions import db
from tests.factories import PASSWORD

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Debian's Chromium (Playwright's own browser download does not work here)."""
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail("Chromium missing: apt-get install -y --no-install-recommends chromium")
    return path


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(app_config):
    """The app on a free loopback port, with real background jobs; yields its base URL."""
    config = dict(app_config, JOBS_EAGER=False, WTF_CSRF_ENABLED=True)
    app = create_app(config)
    with app.app_context():
        db.drop_all()
        db.create_all()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    base_url = f"http://127.0.0.1:{server.server_port}"
    app.config["BASE_URL"] = base_url
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, base_url
    server.shutdown()
    thread.join(timeout=5)
    from dinnerplan import jobs

    jobs.wait_for_jobs()
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def desktop(browser, live_server):
    """A desktop-sized browser page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone375(browser, live_server):
    """An iPhone-SE-sized page (375×667, touch): the narrowest phone the pages must fit."""
    context = browser.new_context(
        viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def browser_sign_in(page, base: str, email: str, password: str = PASSWORD) -> None:
    """Sign in through the sign-in form, as an organizer does."""
    page.goto(base + "/auth/signin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def phone(browser, live_server):
    """A phone-sized browser page (touch, 390×844)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def wait_for_mail(inbox, address: str, count: int = 1, timeout: float = 20.0):
    """Wait until `count` messages to `address` arrived at the loopback SMTP server."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = inbox.to(address)
        if len(found) >= count:
            return found
        time.sleep(0.1)
    raise AssertionError(f"no email to {address} within {timeout} s; got {len(inbox.messages)}")
