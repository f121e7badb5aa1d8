"""The issue-13 walkthrough in Chromium, an organizer's and a guest's.

A new organizer (desktop, 1366 px) sets up a dinner,
imports a CSV, invites, seats, publishes, previews and sends the introductions and prints;
a guest answers on a 375 px phone. Screenshots go to artifacts/walkthrough/ for people to
look at (the folder is git-ignored).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import browser_sign_in, wait_for_mail
from tests.factories import Inbox

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "walkthrough"
SEATING = 90_000  # ms: a solver run on a busy two-core machine, plus the page's poll
PASSWORD = "a long enough password"
FIRST = ["Ana", "Ben", "Chioma", "Dev", "Eve", "Finn", "Greta", "Hana", "Ivo", "Jun", "Kim", "Lea"]
FIRST += ["Mia"]
LAST = ["Silva", "Okafor", "Novak", "Desai", "Evans", "Ford", "Berg", "Hill", "Ilic", "Jung"]
LAST += ["Kato", "Lund", "Moreau"]
CSV_ROWS = [
    f"{f},{last},{f.lower()}@example.com,Firm {i},CEO & co-founder,"
    f'"Payments compliance (PSD2; PCI); hiring advice",a lawyer,{"yes" if i < 12 else "maybe"}'
    for i, (f, last) in enumerate(zip(FIRST, LAST, strict=True))
]
CSV = "First name,Last name,Email,Company,Job title,Offers,Needs,RSVP\n" + "\n".join(CSV_ROWS)


@pytest.fixture
def screens(browser, live_server):
    """A 1366 px desktop page and a 375 px phone page, and a function to screenshot them."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    _, base = live_server
    desk = browser.new_context(viewport={"width": 1366, "height": 900})
    desk.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    mobile = browser.new_context(
        viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True
    )
    pages = desk.new_page(), mobile.new_page()
    for page in pages:
        page.set_default_timeout(15_000)

    def shot(page: Page, name: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        width = page.viewport_size["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name

    yield (*pages, shot)
    desk.close()
    mobile.close()


def _organizer_sets_up(page: Page, base: str, shot, tmp_path, inbox) -> str:
    page.goto(base + "/auth/signup")
    page.get_by_label("Name").fill("Olga Organizer")
    page.get_by_label("Email").fill("olga@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    # A new account confirms its address before dinnerplan emails any guest.
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    confirmation = wait_for_mail(inbox, "olga@example.com")[0]
    page.goto(re.search(r"https?://\S+/auth/verify/\S+", Inbox.text_of(confirmation)).group(0))
    page.get_by_role("button", name="Confirm my email address").click()
    inbox.clear()

    page.goto(base + "/events/new")
    page.get_by_label("Title").fill("Climate Founders Dinner")
    page.get_by_label("Date", exact=True).fill("2020-03-05")  # a typo: last year
    page.get_by_label("Start time").fill("19:30")
    page.get_by_label("Time zone").select_option("Europe/Paris")
    page.get_by_label("Venue").fill("Le Comptoir")
    page.get_by_label("RSVP deadline: date").fill("2031-02-20")
    page.get_by_role("button", name="Create dinner").click()
    expect(page.get_by_text("This date is in the past")).to_be_visible()
    shot(page, "01-desktop-past-date-refused")
    page.get_by_label("Date", exact=True).fill("2031-03-05")
    page.get_by_role("button", name="Create dinner").click()
    expect(page.get_by_role("heading", name="Climate Founders Dinner", level=1)).to_be_visible()
    event_url = page.url

    csv_path = tmp_path / "attendees.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    page.goto(event_url + "/guests/import")
    page.get_by_label("CSV file").set_input_files(str(csv_path))
    page.get_by_role("button", name="Upload and preview").click()
    preview = page.locator(".preview-table")
    expect(preview.get_by_text("Payments compliance (PSD2; PCI)").first).to_be_visible()
    shot(page, "02-desktop-import-preview")
    page.get_by_role("button", name="Import 13 guests").click()

    page.goto(event_url + "/tables")
    page.get_by_label("Guests to seat").fill("12")
    page.get_by_role("button", name="Lay out tables").click()

    page.goto(event_url)
    invite = re.compile(r"Send invitations to everyone not yet invited \(13 guests\)")
    page.get_by_role("button", name=invite).click()
    expect(page.get_by_text("Sending 13 invitations.")).to_be_visible()
    expect(
        page.get_by_text("Every guest who hasn't declined has been sent their link.")
    ).to_be_visible()
    shot(page, "03-desktop-event-page")

    page.goto(event_url + "/rsvps")
    page.get_by_role("button", name="Copy link of Ana Silva").click()
    expect(page.get_by_role("button", name="Copy link of Ana Silva")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.get_by_label("Personal link of Ana Silva").input_value()
    shot(page, "04-desktop-links")
    return event_url


def _guest_answers(phone: Page, link: str, shot) -> None:
    phone.goto(link)
    expect(phone.get_by_role("heading", name="Climate Founders Dinner")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollHeight") < 2400  # was ~4,000
    expect(phone.get_by_text("Ben Okafor")).to_have_count(0)  # no list of other guests
    shot(phone, "05-phone-rsvp")
    phone.get_by_label("No, I can't come").check()
    expect(phone.locator("#profile")).to_be_hidden()
    shot(phone, "06-phone-rsvp-no")
    phone.get_by_label("Yes, I'll be there").check()
    expect(phone.locator("#profile")).to_be_visible()
    phone.get_by_label("What I do, in one line").fill("I build payment rails for energy traders")
    # The two imported offers, then one empty box; more only on "Add another offer".
    phone.get_by_label("Offer 3", exact=True).fill("intros to utilities")
    expect(phone.get_by_label("Offer 4", exact=True)).to_be_hidden()
    phone.get_by_role("button", name="+ Add another offer").click()
    expect(phone.get_by_label("Offer 4", exact=True)).to_be_focused()
    phone.get_by_label("Offer 4", exact=True).fill("grid data")
    phone.get_by_text("Someone you'd like to sit with?").click()
    phone.get_by_label("I'd like to sit with").fill("ben okafor")
    shot(phone, "07-phone-rsvp-filled")
    phone.get_by_role("button", name="Send my answer").click()
    expect(phone.get_by_role("heading", name="Thank you, Ana")).to_be_visible()
    expect(phone.get_by_text("I'd like to sit with")).to_be_visible()
    expect(phone.locator(".summary")).to_contain_text("Ben Okafor")
    shot(phone, "08-phone-rsvp-done")


def test_new_organizer_and_a_guest_on_a_phone_meet_none_of_issue_13(
    screens, live_server, inbox, tmp_path
):
    desk, phone, shot = screens
    app, base = live_server
    app.config["SOLVER_TIME_LIMIT"] = 3
    event_url = _organizer_sets_up(desk, base, shot, tmp_path, inbox)

    invitation = wait_for_mail(inbox, "ana@example.com")[0]
    text = Inbox.text_of(invitation)
    assert "Olga Organizer invites you" in text
    assert "Reply by:" in text
    assert "We have you down as coming" in text
    link = re.search(r"https?://\S+/r/\S+", text).group(0)
    _guest_answers(phone, link, shot)

    # Seat, publish, preview the introduction on a phone width, send a test, send them all.
    desk.goto(event_url)
    desk.get_by_role("button", name="Seat guests").click()
    expect(desk.get_by_role("region", name="Summary")).to_contain_text("Version 1", timeout=SEATING)
    desk.get_by_role("button", name="Publish this seating").click()
    expect(desk.get_by_text("Version 1 is published")).to_be_visible()
    shot(desk, "09-desktop-seating")
    desk.goto(event_url + "/intros/")
    desk.get_by_role("link", name="Phone").click()
    expect(desk.locator(".intros-html-phone")).to_be_visible()
    desk.get_by_role("button", name=re.compile("Send me a test")).click()
    expect(desk.get_by_text("Sent a test of")).to_be_visible()
    shot(desk, "10-desktop-intro-preview-phone")
    test_copy = wait_for_mail(inbox, "olga@example.com")[0]
    assert test_copy["Subject"].startswith("[Test] Your table at Climate Founders Dinner")
    desk.once("dialog", lambda dialog: dialog.accept())
    desk.get_by_role("button", name=re.compile(r"Send \d+ introductions")).click()
    expect(desk.locator("#progress")).to_contain_text("0 emails to send", timeout=30_000)
    expect(desk.locator("#progress")).to_contain_text(re.compile(r"Sent (\d+) of \1"))
    shot(desk, "11-desktop-intros-sent")

    intro = next(
        m
        for m in wait_for_mail(inbox, "ana@example.com", count=3)
        if m["Subject"].startswith("Your table")
    )
    assert "CEO & co-founder, Firm" in Inbox.text_of(intro)
    desk.set_content(Inbox.html_of(intro))
    shot(desk, "12-desktop-intro-email")
    phone.set_content(Inbox.html_of(intro))
    shot(phone, "13-phone-intro-email")

    # The printed sheets: four place cards a page with QR codes, and the badges.
    desk.goto(event_url + "/sheets/place-cards")
    expect(desk.locator(".card svg.qr").first).to_be_visible()
    shot(desk, "14-desktop-place-cards")
    desk.goto(event_url + "/sheets/badges")
    expect(desk.locator(".badge svg.qr")).to_have_count(12)
    shot(desk, "15-desktop-badges")

    # The guest's page on the phone now shows their table.
    phone.goto(link)
    expect(phone.get_by_role("heading", name=re.compile("Your table: Table"))).to_be_visible()
    shot(phone, "16-phone-rsvp-seated")

    # The organizer's own pages fit a phone too.
    browser_sign_in(phone, base, "olga@example.com")
    for path, name in (("", "17-phone-event-page"), ("/rsvps", "18-phone-links")):
        phone.goto(event_url + path)
        expect(phone.get_by_role("heading", level=1)).to_be_visible()
        shot(phone, name)
