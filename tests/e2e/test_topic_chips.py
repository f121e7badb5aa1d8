"""In Chromium on a 375 px phone, a guest confirms a topic chip.

The guest types a need, sees a topic chip, taps it, saves, and the topic is stored as
confirmed. Screenshots go to the pytest tmp folder.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from dinnerplan.extensions import db
from dinnerplan.links import token_for
from dinnerplan.models import Guest
from tests.e2e.conftest import browser_sign_in
from tests.factories import Factory


def guest_link(app, base: str, guest) -> str:
    with app.test_request_context():
        return f"{base}/r/{token_for(db.session.get(Guest, guest.id))}"


def stored(app, guest) -> Guest:
    with app.app_context():
        row = db.session.get(Guest, guest.id)
        db.session.expunge(row)
        return row


def test_guest_confirms_a_suggested_topic_by_tapping_its_chip(phone375, live_server, tmp_path):
    app, base = live_server
    make = Factory(app)
    event = make.event(title="Climate Founders Dinner")
    ana = make.guest(event, name="Ana Silva", email="ana@example.com")
    page = phone375
    page.goto(guest_link(app, base, ana))
    page.get_by_label("Yes, I'll be there").check()
    page.get_by_label("Need 1", exact=True).fill("our books are a mess")
    chip = page.locator("#need-chips label", has_text="Accounting, bookkeeping and tax")
    expect(chip).to_be_visible()
    page.get_by_label("Offer 1", exact=True).fill("happy to mentor first-time founders")
    # A wish to give typed as an offer lands with the offers.
    expect(page.locator("#offer-chips label", has_text="Mentoring")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    chip.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "rsvp-chips-375.png"), full_page=False)
    chip.tap()
    expect(chip.locator("input")).to_be_checked()
    # Search finds any topic; "I need" adds it ticked.
    page.get_by_placeholder("Find any topic…").fill("lawyer")
    result = page.locator("#search-results li", has_text="Company law")
    result.get_by_role("button", name="I need").tap()
    expect(
        page.locator("#need-chips label", has_text="Company law").locator("input")
    ).to_be_checked()
    page.screenshot(path=str(tmp_path / "rsvp-chips-375-search.png"), full_page=False)
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_text("our books are a mess")).to_be_visible()
    guest = stored(app, ana)
    assert guest.need_topics[0] == "accounting_tax"
    assert "legal_company" in guest.need_topics
    assert guest.offer_topics == []  # the mentoring chip was shown, never tapped
    assert guest.topics_confirmed_at is not None


def test_organizer_page_at_desktop_width(desktop, live_server, tmp_path):
    app, base = live_server
    make = Factory(app)
    organizer = make.organizer(email="olga@example.com")
    event = make.event(organizer, title="Climate Founders Dinner")
    guests = {}
    for name, needs, offers in (
        ("Ana Silva", ["our books are a mess"], ["happy to mentor"]),
        ("Ben Okafor", [], ["CPA for small businesses"]),
        ("Cy Chen", ["legal help with contracts"], []),
        ("Dee Diaz", ["anyone who's sold to the NHS??"], ["Steuerberatung für Startups"]),
        ("Eve Evans", ["qqqq wwww"], []),
    ):
        guests[name] = make.guest(event, name=name, rsvp="yes", needs=needs, offers=offers)
    page = desktop
    page.set_viewport_size({"width": 1366, "height": 900})
    browser_sign_in(page, base, "olga@example.com")
    page.goto(f"{base}/events/{event.id}")
    page.get_by_role("link", name="Needs and offers").click()
    expect(page.get_by_role("heading", name="Needs and offers")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Company law[^:]*: \d guests? needs? it"))).to_be_visible()
    page.screenshot(path=str(tmp_path / "topics-review-1366.png"), full_page=True)
    page.get_by_label("Eve Evans").check()
    page.locator("#action").select_option("replace")
    page.locator("#topic").select_option("grants")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("Updated 1 of 1 ticked.")).to_be_visible()
    assert stored(app, guests["Eve Evans"]).need_topics == ["grants"]
    page.get_by_role("link", name="Topics for this dinner").click()
    page.get_by_label("Name").fill("Wine export")
    page.get_by_role("button", name="Add the topic").click()
    expect(page.get_by_text("Added “Wine export”.")).to_be_visible()
    page.screenshot(path=str(tmp_path / "topics-settings-1366.png"), full_page=False)


def test_without_javascript_the_guest_confirms_on_the_next_page(browser, live_server, tmp_path):
    app, base = live_server
    make = Factory(app)
    event = make.event(title="Climate Founders Dinner")
    ana = make.guest(event, name="Ana Silva", email="ana@example.com")
    context = browser.new_context(
        viewport={"width": 375, "height": 667}, is_mobile=True, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(guest_link(app, base, ana))
        expect(page.locator("#topic-chips")).to_be_hidden()  # nothing to show without JS
        page.get_by_label("Yes, I'll be there").check()
        page.get_by_label("Need 1", exact=True).fill("our books are a mess")
        page.get_by_role("button", name="Send my answer").click()
        expect(page.get_by_text("We read this as: Accounting, bookkeeping and tax")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.screenshot(path=str(tmp_path / "confirm-375.png"), full_page=True)
        page.get_by_role("button", name="Save my topics").click()
        expect(page.get_by_text("Thank you: your topics are saved.")).to_be_visible()
    finally:
        context.close()
    assert stored(app, ana).need_topics == ["accounting_tax"]
