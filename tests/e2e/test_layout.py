"""What a person sees, measured in Chromium.

Rows that line up, buttons inside the screen, words that are not broken letter by letter,
problems visible without scrolling sideways.
"""

from __future__ import annotations

from datetime import UTC, datetime

from playwright.sync_api import Page, expect

from tests.e2e.conftest import browser_sign_in
from tests.factories import Factory

LONG_NEED = "Introductions to procurement people at German automotive suppliers, please"


def sign_in(page: Page, base: str, email: str) -> None:
    browser_sign_in(page, base, email)
    expect(page.get_by_role("heading", name="My dinners")).to_be_visible()


def a_dinner(app, guests: int = 3):
    """A dinner with a few invited guests who wrote needs and offers."""
    make = Factory(app)
    organizer = make.organizer(email="olga@example.com")
    event = make.event(organizer, title="Climate Founders Dinner")
    for n in range(guests):
        make.guest(
            event,
            name=f"Ana Silva{n}",
            email=f"ana{n}@example.com",
            rsvp="yes",
            invited_at=datetime.now(UTC),
            needs=[LONG_NEED],
            offers=["Happy to mentor first-time founders"],
        )
    return event


def bottoms(page: Page, row_selector: str) -> list[float]:
    """The bottom edge of every cell of the first row matching the selector."""
    return page.eval_on_selector(
        row_selector,
        "row => [...row.cells].map(c => Math.round(c.getBoundingClientRect().bottom))",
    )


def test_links_page_rows_line_up_and_fit_a_phone(desktop, phone375, live_server):
    app, base = live_server
    event = a_dinner(app)
    for page in (desktop, phone375):
        sign_in(page, base, "olga@example.com")
        page.goto(f"{base}/events/{event.id}/rsvps")
        copy = page.get_by_role("button", name="Copy link of Ana Silva0")
        expect(copy).to_be_visible()
        box, table = copy.bounding_box(), page.locator(".links-table").bounding_box()
        width = page.viewport_size["width"]
        # Inside the list's visible box (on a phone it was cut off at the list's right edge).
        assert box["x"] + box["width"] <= table["x"] + table["width"], "Copy link is cut off"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Desktop: every cell of a row ends on the same line (the link cell used to end higher,
    # so the row's bottom border was drawn in two steps).
    cells = bottoms(desktop, ".links-table tbody tr")
    assert max(cells) - min(cells) <= 1, cells


def test_needs_and_offers_reads_on_a_phone(phone375, live_server):
    app, base = live_server
    event = a_dinner(app, guests=6)
    page = phone375
    sign_in(page, base, "olga@example.com")
    page.goto(f"{base}/events/{event.id}/topics")
    words = page.locator(".topics-table td.words", has_text=LONG_NEED).first
    expect(words).to_be_visible()
    # Their words take most of the line, not one letter a line (the page was 43,000 px tall).
    assert words.bounding_box()["width"] >= 220
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.evaluate("document.documentElement.scrollHeight") < 6 * 2 * 260 + 2000


def test_form_cards_start_at_their_top(desktop, live_server):
    app, base = live_server
    event = a_dinner(app)
    page = desktop
    sign_in(page, base, "olga@example.com")
    page.goto(f"{base}/events/{event.id}/topics")
    card = page.locator("form.topics-bulk")
    heading = card.get_by_role("heading", name="Every need and offer, least sure first")
    gap = heading.bounding_box()["y"] - card.bounding_box()["y"]
    assert gap <= 20, f"{gap:.0f} px of blank card above the heading"


BAD_CSV = (
    "First name,Last name,Email,Company,Offers,Needs,RSVP\n"
    "Ana,Silva,ana@example.com,Northwind,Payments compliance,a lawyer,yes\n"
    "Ben,Okafor,not-an-email,Firm 2,Kubernetes,investors,yes\n"
    "Dev,Desai,dev.desai.with.a.very.long.address.that.goes.on.and.on"
    "@some-very-long-company-domain-name.example.com,"
    '"Firm 4 with a rather long legal name GmbH & Co. KG",'
    '"Introductions to German Mittelstand buyers, procurement contacts in automotive",'
    "Series A investors who understand deep tech hardware,maybe\n"
)


def inside(page: Page, locator, container) -> bool:
    """Whether the element is within the viewport and its (scrolling) container's visible box."""
    box, outer = locator.bounding_box(), container.bounding_box()
    right = min(page.viewport_size["width"], outer["x"] + outer["width"])
    return box["x"] >= 0 and box["x"] + box["width"] <= right


def test_import_problems_are_seen_without_scrolling_sideways(
    desktop, phone375, live_server, tmp_path
):
    app, base = live_server
    event = a_dinner(app, guests=0)
    csv_path = tmp_path / "attendees.csv"
    csv_path.write_text(BAD_CSV, encoding="utf-8")
    for page in (desktop, phone375):
        sign_in(page, base, "olga@example.com")
        page.goto(f"{base}/events/{event.id}/guests/import")
        page.get_by_label("CSV file").set_input_files(str(csv_path))
        page.get_by_role("button", name="Upload and preview").click()
        problem = page.get_by_text("email 'not-an-email' is not a valid email address")
        expect(problem).to_be_visible()
        table = page.locator(".preview-table")
        # At the end of nine columns the problems were off the screen even at 1280 px.
        assert inside(page, problem, table), page.viewport_size
        assert inside(page, page.locator(".preview-table td", has_text="be skipped"), table)
        assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_guest_list_on_a_phone_shows_every_column(phone375, live_server):
    app, base = live_server
    event = a_dinner(app)
    page = phone375
    sign_in(page, base, "olga@example.com")
    page.goto(f"{base}/events/{event.id}/guests/")
    table = page.locator(".guest-table")
    # A scrolled table showed name and email only; the answer, profile and intent were cut off.
    row = page.locator(".guest-table tbody tr").first
    for cell in (
        row.get_by_text("ana0@example.com"),
        row.locator(".badge"),
        row.locator("td").nth(4),
    ):
        expect(cell).to_be_visible()
        assert inside(page, cell, table), cell
    remove = page.get_by_role("link", name="Remove Ana Silva0")
    assert inside(page, remove, table)


def test_a_radio_sits_level_with_its_label(desktop, live_server):
    app, base = live_server
    event = a_dinner(app, guests=0)
    page = desktop
    sign_in(page, base, "olga@example.com")
    page.goto(f"{base}/events/{event.id}/sheets/")
    radio = page.get_by_role("radio", name="US Letter").bounding_box()
    label = page.locator("label", has_text="US Letter").bounding_box()
    # The option's label took a field label's bottom margin and sat 4 px above its box.
    middle = radio["y"] + radio["height"] / 2 - (label["y"] + label["height"] / 2)
    assert abs(middle) <= 1.5, middle
