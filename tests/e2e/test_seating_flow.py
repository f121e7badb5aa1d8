"""In Chromium, as an organizer would: seat, adjust, publish and introduce.

Seat the demo dinner, read why guests sit together,
move a guest, lock a table, re-seat the rest around it, publish and send the introductions;
every seated guest gets one email naming exactly their tablemates, and a guest opens their
link on a phone and finds their table.
"""

from __future__ import annotations

import re
from collections import defaultdict

from playwright.sync_api import Page, expect

from dinnerplan.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_event, demo_organizer
from dinnerplan.extensions import db
from dinnerplan.models import Assignment, Guest, SeatingVersion, Table
from tests.e2e.conftest import browser_sign_in, wait_for_mail
from tests.factories import Inbox

SEATING = 90_000  # ms: a solver run (3 s here) on a busy two-core machine, plus the poll
SIZE = re.compile(r"\((\d+) of (\d+)–(\d+)\)")


def _create_demo_dinner(app) -> int:
    with app.app_context():
        event = create_demo_event(demo_organizer(), guests=48)
        db.session.commit()
        return event.id


def _wait_for_version(page: Page, number: int) -> None:
    """Wait until the review page (which polls the job) shows seating version `number`."""
    summary = page.get_by_role("region", name="Summary")
    expect(summary).to_contain_text(f"Version {number}", timeout=SEATING)
    expect(page.locator(".seat-table").first).to_be_visible()


def _cards(page: Page) -> dict[str, dict]:
    """Each table card on the review page: its id, size bounds and guests' names."""
    cards = {}
    for card in page.locator(".seat-table").all():
        heading = card.get_by_role("heading", level=2).inner_text()
        count, low, high = map(int, SIZE.search(heading).groups())
        cards[heading.split(" (")[0]] = {
            "locator": card,
            "id": card.get_attribute("data-table-id"),
            "count": count,
            "min": low,
            "max": high,
            "guests": card.locator(".seat-guest summary > strong").all_inner_texts(),
        }
    return cards


def _free_mover(app, event_id: int, movers: list[str], there: list[str]) -> str:
    """The first of `movers` whom no keep-apart rule separates from anyone in `there`."""
    from dinnerplan.seating.versions import score_guests

    with app.app_context():
        guests = db.session.scalars(
            db.select(Guest).where(Guest.event_id == event_id, Guest.rsvp == "yes")
        ).all()
        ids = {g.name: str(g.id) for g in guests}
        apart = {frozenset(pair) for pair in score_guests(guests).apart}
    return next(m for m in movers if all(frozenset((ids[m], ids[t])) not in apart for t in there))


def _published_tables(app, event_id: int) -> dict[str, list[Guest]]:
    """The published seating as the database holds it: table name -> guests."""
    with app.app_context():
        version = db.session.execute(
            db.select(SeatingVersion).where(
                SeatingVersion.event_id == event_id, SeatingVersion.published_at.is_not(None)
            )
        ).scalar_one()
        rows = db.session.execute(
            db.select(Table.name, Guest)
            .join(Assignment, Assignment.table_id == Table.id)
            .join(Guest, Guest.id == Assignment.guest_id)
            .where(Assignment.version_id == version.id)
        ).all()
        tables = defaultdict(list)
        for name, guest in rows:
            tables[name].append(guest)
        db.session.expunge_all()
        return dict(tables)


def _mates_named(text: str) -> set[str]:
    """The names listed under "Who is at your table" in an introduction's plain text."""
    block = text.split("Who is at your table:", 1)[1].split("Talk order", 1)[0]
    return {
        re.split(r",| \(host\)", line[2:], maxsplit=1)[0].strip()
        for line in block.splitlines()
        if line.startswith("* ")
    }


def test_organizer_seats_adjusts_publishes_and_every_guest_meets_their_table(
    desktop, phone, live_server, inbox
):
    app, base = live_server
    app.config["SOLVER_TIME_LIMIT"] = 3
    event_id = _create_demo_dinner(app)
    page = desktop

    browser_sign_in(page, base, DEMO_EMAIL, DEMO_PASSWORD)
    page.get_by_role("link", name="Founders & Friends Supper").click()
    expect(page.get_by_role("heading", name="Founders & Friends Supper", level=1)).to_be_visible()
    event_url = page.url

    # Seat: a background job; the review page polls and shows the result when it is done.
    page.get_by_role("button", name="Seat guests").click()
    _wait_for_version(page, 1)
    summary = page.get_by_role("region", name="Summary")
    expect(summary).to_contain_text(re.compile(r"sit with someone who offers what they need"))
    reasons = page.locator(".seat-table .why")
    expect(reasons.first).to_contain_text(re.compile(r"Best match: .+ — \S+"))
    assert reasons.count() >= 20

    # Move a guest, with the keyboard-accessible form, to a table that has room.
    cards = _cards(page)
    name_from = next(n for n, c in cards.items() if c["count"] > c["min"])
    name_to = next(n for n, c in cards.items() if c["count"] < c["max"] and n != name_from)
    # A guest kept apart from nobody at that table (a colleague there would be a conflict the
    # locked table then forces on the re-seat).
    mover = _free_mover(app, event_id, cards[name_from]["guests"], cards[name_to]["guests"])
    form = page.locator("form.move-form")
    form.get_by_label("Move", exact=True).select_option(label=f"{mover} ({name_from})")
    form.get_by_label("to", exact=True).select_option(value=cards[name_to]["id"])
    form.get_by_role("button", name="Move").click()
    _wait_for_version(page, 2)
    cards = _cards(page)
    assert mover in cards[name_to]["guests"]
    assert mover not in cards[name_from]["guests"]

    # Lock that table, then re-seat everyone else around it.
    page.get_by_role("button", name=f"Lock {name_to}", exact=True).click()
    locked_card = page.locator(f'.seat-table[data-table-id="{cards[name_to]["id"]}"]')
    expect(locked_card).to_contain_text("Locked")
    locked_guests = sorted(cards[name_to]["guests"])
    page.get_by_role("button", name="Re-seat the rest").click()
    _wait_for_version(page, 3)
    cards = _cards(page)
    # A locked table stays exactly as it is: the same guests, nobody added.
    assert sorted(cards[name_to]["guests"]) == locked_guests
    expect(page.locator(".seat-table .warning")).to_have_count(0)

    # Publish, then send the introductions from their preview page.
    page.get_by_role("button", name="Publish this seating").click()
    expect(page.get_by_text("Version 3 is published")).to_be_visible()
    published = _published_tables(app, event_id)
    assert sorted(g.name for g in published[name_to]) == locked_guests
    seated = [g for guests in published.values() for g in guests]
    assert len(seated) == 44

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link").first.click()
    assert page.url == event_url
    page.get_by_role("link", name="Preview and send introductions").click()
    expect(page.get_by_role("heading", name=re.compile("Introductions for"))).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Send 44 introductions").click()

    texts = {}
    for table, guests in published.items():
        for guest in guests:
            (message,) = wait_for_mail(inbox, guest.email)
            text = Inbox.text_of(message)
            assert f"You're at {table}." in text
            assert _mates_named(text) == {g.name for g in guests if g.id != guest.id}, guest.name
            texts[guest.email] = text
    assert len(inbox.messages) == len(seated)
    # The preview page follows the job until every introduction is out.
    expect(page.locator("#progress")).to_contain_text(
        "0 emails to send; 44 already sent", timeout=30_000
    )

    # A guest opens the link from their email on a phone and finds their table.
    guest = published[name_to][0]
    link = re.search(r"https?://\S+/r/\S+", texts[guest.email]).group(0)
    assert link.startswith(base)
    phone.goto(link)
    expect(phone.get_by_role("heading", name=f"Your table: {name_to}")).to_be_visible()
    mates = phone.locator(".guest-table-mates")
    for mate in published[name_to]:
        if mate.id != guest.id:
            expect(mates).to_contain_text(mate.name)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    # The organizer's pages fit a phone: wide tables scroll inside themselves.
    browser_sign_in(phone, base, DEMO_EMAIL, DEMO_PASSWORD)
    for path in ("guests/", "rsvps", "seating/versions", "seating/checkin", "intros/"):
        phone.goto(f"{event_url}/{path}")
        expect(phone.get_by_role("link", name="← Founders & Friends Supper")).to_be_visible()
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, path
    phone.goto(base + "/outbox/")
    expect(phone.get_by_text("Not a valid choice")).to_have_count(0)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
