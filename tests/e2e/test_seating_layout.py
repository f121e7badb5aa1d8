"""The seating review and versions pages measured in Chromium at 1280 and 375 px."""

from __future__ import annotations

import pytest

from dinnerplan.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_event, demo_organizer
from dinnerplan.extensions import db
from dinnerplan.models import SeatingVersion, VersionKind
from dinnerplan.seating import operations
from dinnerplan.seating.jobs import run_seating
from tests.e2e.conftest import browser_sign_in


def seated_demo(app) -> int:
    """The demo dinner, seated (2 s) with one guest locked so both re-seats are offered."""
    with app.app_context():
        event = create_demo_event(demo_organizer(), guests=48)
        db.session.commit()
        version = operations.start_seating(event, VersionKind.SOLVE)
        db.session.commit()
        run_seating(version.id, 2)
        db.session.expire_all()
        version = db.session.get(SeatingVersion, version.id)
        version.assignments[0].locked = True
        db.session.commit()
        return event.id


def apart(a: dict, b: dict) -> bool:
    """Whether two boxes leave at least 4 px between them, across or down."""
    across = a["x"] + a["width"] + 4 <= b["x"] or b["x"] + b["width"] + 4 <= a["x"]
    down = a["y"] + a["height"] + 4 <= b["y"] or b["y"] + b["height"] + 4 <= a["y"]
    return across or down


@pytest.fixture
def narrow(browser, live_server):
    """A 375 px wide page (iPhone SE)."""
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_reseat_buttons_and_move_swap_forms_line_up(desktop, narrow, live_server):
    app, base = live_server
    event_id = seated_demo(app)
    for page in (desktop, narrow):
        browser_sign_in(page, base, DEMO_EMAIL, DEMO_PASSWORD)
        page.goto(f"{base}/events/{event_id}/seating/")
        rest = page.get_by_role("button", name="Re-seat the rest").bounding_box()
        everyone = page.get_by_role("button", name="Re-seat everyone").bounding_box()
        assert apart(rest, everyone), page.viewport_size
        boxes = {
            name: page.locator(f"#{name}").bounding_box()
            for name in ("move-guest", "move-table", "swap-a", "swap-b")
        }
        heights = {name: round(box["height"]) for name, box in boxes.items()}
        assert len(set(heights.values())) == 1, heights
        # The same columns: Move's lists start and end where Swap's do.
        for move, swap in (("move-guest", "swap-a"), ("move-table", "swap-b")):
            assert round(boxes[move]["x"]) == round(boxes[swap]["x"]), (page.viewport_size, move)
            assert round(boxes[move]["width"]) == round(boxes[swap]["width"]), move
        assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_versions_table_fits_a_phone(narrow, live_server):
    app, base = live_server
    event_id = seated_demo(app)
    browser_sign_in(narrow, base, DEMO_EMAIL, DEMO_PASSWORD)
    narrow.goto(f"{base}/events/{event_id}/seating/versions")
    width = narrow.viewport_size["width"]
    for cell in narrow.locator("table.list td:not(:empty)").all():
        box = cell.bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width, cell.inner_text()
