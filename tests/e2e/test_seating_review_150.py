"""In Chromium at laptop size, the review page of a 150-guest dinner.

Compact, the tables in a
grid on one screen's width, reasons on demand, the place kept after an edit, moved guests
highlighted; and it still works with JavaScript off.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import expect

from dinnerplan.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_event, demo_organizer
from dinnerplan.extensions import db
from dinnerplan.seating import operations
from dinnerplan.seating.jobs import run_seating
from tests.e2e.conftest import browser_sign_in

SHOTS = Path(os.environ.get("SEATING_PNG_DIR", "artifacts/seating"))


def _seated_dinner(app, guests: int = 150) -> int:
    """A demo dinner with `guests` guests, seated once (synchronously)."""
    with app.app_context():
        event = create_demo_event(demo_organizer(), guests=guests)
        version = operations.start_seating(event, "solve")
        db.session.commit()
        assert run_seating(version.id, 3) in ("optimal", "feasible")
        return event.id


def test_review_page_at_150_guests_on_a_laptop(browser, live_server):
    app, base = live_server
    event_id = _seated_dinner(app)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(30_000)
    browser_sign_in(page, base, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"{base}/events/{event_id}/seating/")

    lines = page.locator(".seat-guest summary")
    seated = lines.count()
    assert seated >= 140  # every confirmed guest, one line each
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 4 * 768, height  # was ~100 px a guest: 150 guests made ~15,000 px
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "review-150-1366.png"), full_page=True)
    columns = page.evaluate(
        "getComputedStyle(document.querySelector('.seat-tables'))"
        ".gridTemplateColumns.split(' ').length"
    )
    assert columns >= 5

    # Reasons on demand: a guest's line opens to show why they sit there.
    first = page.locator(".seat-guest").first
    expect(first.locator(".why")).to_be_hidden()
    first.locator("summary").click()
    expect(first.locator(".why")).to_contain_text(re.compile(r"Best match: .+"))

    # Drag a guest from the last table onto another; the page comes back where it was.
    cards = page.locator(".seat-table")
    last, other = cards.nth(cards.count() - 1), cards.nth(cards.count() - 2)
    last.scroll_into_view_if_needed()
    before = other.bounding_box()["y"]  # where the target table is on the screen
    assert page.evaluate("window.scrollY") > 0
    mover = last.locator(".seat-guest summary strong").first.inner_text()
    other_id = other.get_attribute("data-table-id")
    last.locator(".seat-guest").first.drag_to(other.locator("h2"))
    expect(page.get_by_role("region", name="Summary")).to_contain_text("Version 2")
    moved = page.locator(".seat-guest.moved")
    expect(moved).to_have_count(1)
    expect(moved).to_contain_text(mover)
    other = page.locator(f'.seat-table[data-table-id="{other_id}"]')
    assert abs(other.bounding_box()["y"] - before) < 20  # the page kept its place

    # On a phone the grid becomes one column and nothing overflows sideways.
    page.set_viewport_size({"width": 375, "height": 800})
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "review-150-375.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_review_page_works_without_javascript(browser, live_server):
    app, base = live_server
    event_id = _seated_dinner(app, guests=48)
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    browser_sign_in(page, base, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"{base}/events/{event_id}/seating/")
    card = page.locator(".seat-table").nth(2)
    table_id = card.get_attribute("data-table-id")
    guest = card.locator(".seat-guest").first
    name = guest.locator("summary strong").inner_text()
    guest.locator("summary").click()  # <details> opens without JavaScript
    guest.get_by_role("button", name=f"Lock {name}").click()
    assert page.url.endswith(f"#table-{table_id}")  # back at the same table
    expect(page.locator(f"#table-{table_id}")).to_contain_text("Locked")
    # The move form at the top moves anyone anywhere.
    form = page.locator("form.move-form")
    form.get_by_label("Move", exact=True).select_option(index=0)
    mover = form.get_by_label("Move", exact=True).locator("option").first.inner_text()
    target = page.locator(".seat-table").nth(1)
    form.get_by_label("to", exact=True).select_option(value=target.get_attribute("data-table-id"))
    form.get_by_role("button", name="Move").click()
    expect(page.locator(".seat-guest.moved")).to_contain_text(mover.split(" (")[0])
    context.close()
