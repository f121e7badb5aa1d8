"""Every page works in Chromium under the Content Security Policy.

No violation is reported, the one inline script (the time-zone guess) runs with its nonce,
and framing is refused.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dinnerplan.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_event, demo_organizer
from dinnerplan.extensions import db
from dinnerplan.links import personal_link
from dinnerplan.models import Guest
from tests.e2e.conftest import browser_sign_in

PAGES = [
    "/",
    "/events/",
    "/events/new",
    "/events/{id}",
    "/events/{id}/edit",
    "/events/{id}/guests/",
    "/events/{id}/guests/import",
    "/events/{id}/rsvps",
    "/events/{id}/seating/",
    "/events/{id}/seating/checkin",
    "/events/{id}/intros/",
    "/events/{id}/sheets/",
    "/outbox/",
    "/auth/account",
]


@pytest.fixture
def demo(live_server):
    app, base = live_server
    with app.app_context():
        event = create_demo_event(demo_organizer())
        guest = (
            db.session.execute(db.select(Guest).where(Guest.event_id == event.id)).scalars().first()
        )
        link = personal_link(guest).replace("http://localhost", base)
        db.session.commit()
        return event.id, link


@pytest.fixture
def berlin(browser, live_server):
    """A desktop page that records CSP violations and script errors."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, timezone_id="Europe/Berlin"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.problems = []
    page.on(
        "console",
        lambda m: page.problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def test_every_page_works_under_the_policy(berlin, live_server, demo):
    _, base = live_server
    event_id, link = demo
    page = berlin
    browser_sign_in(page, base, DEMO_EMAIL, DEMO_PASSWORD)
    expect(page.get_by_role("link", name="Founders & Friends Supper")).to_be_visible()

    for path in PAGES:
        response = page.goto(base + path.format(id=event_id))
        assert response.status == 200, path
        assert "script-src 'self' 'nonce-" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
    assert page.problems == []
    # The one inline script (time-zone guess on /events/new) carries this response's nonce;
    # without it Chromium would have reported a violation above.
    response = page.goto(base + "/events/new")
    nonce = page.locator("script[nonce]").first.evaluate("s => s.nonce")
    assert f"'nonce-{nonce}'" in response.headers["content-security-policy"]

    page.goto(link)  # the guest's RSVP page
    expect(page.get_by_text("Founders & Friends Supper").first).to_be_visible()
    assert page.problems == []


def test_other_sites_cannot_frame_our_pages(berlin, live_server):
    _, base = live_server
    response = berlin.goto(base + "/auth/signin")
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-content-type-options"] == "nosniff"
    berlin.set_content(f'<iframe id="f" src="{base}/auth/signin"></iframe>')
    frame = berlin.frame_locator("#f")
    expect(frame.get_by_role("heading", name="Sign in")).to_have_count(0)
