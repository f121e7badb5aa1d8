"""No critical or serious axe-core violation on any page or email (issue 13.9b).

axe-core runs in Chromium over every page an organizer or a guest meets, and over the emails.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dinnerplan.extensions import db
from dinnerplan.models import Guest
from tests.e2e.axe import violations
from tests.e2e.conftest import browser_sign_in, wait_for_mail
from tests.factories import Factory, Inbox
from tests.sheets.conftest import seat


def _page(browser, **options):
    # axe-core is injected as a script tag, which the app's CSP rightly blocks: these pages
    # bypass it (tests/e2e/test_content_security_policy.py checks the CSP itself).
    context = browser.new_context(bypass_csp=True, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.fixture
def desktop(browser, live_server):
    """A desktop-sized page that lets axe-core in."""
    context, page = _page(browser, viewport={"width": 1280, "height": 900})
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    """A phone-sized page (touch, 390×844) that lets axe-core in."""
    options = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    context, page = _page(browser, device_scale_factor=2, **options)
    yield page
    context.close()


PEOPLE = [
    ("Ana Silva", "Brightloop", "Founder", ["fundraising advice"], ["a CTO"]),
    ("Ben Okafor", "Northwind", "Partner", ["intros to seed investors"], ["deal flow"]),
    ("Chioma Novak", "Kestrel Labs", "CTO", ["backend scaling"], ["senior engineers"]),
    ("Dev Desai", "Stackly", "CEO & co-founder", ["hiring advice"], ["a designer"]),
    ("Eve Evans", "Talentry", "Recruiter", ["recruiting engineers"], ["clients"]),
    ("Finn Ford", "Paywise", "Founder", ["Payments compliance (PSD2; PCI)"], ["a lawyer"]),
]


def _dinner(app):
    make = Factory(app)
    organizer = make.organizer(email="olga@example.com")
    event = make.event(organizer, title="Climate Founders Dinner")
    guests = [
        {
            "name": name,
            "email": f"{name.split()[0].lower()}@example.com",
            "company": company,
            "title": title,
            "offers": offers,
            "needs": needs,
            "intent": "peers",
            "dietary": ["vegetarian"] if i % 2 else [],
            "share_email": True,
        }
        for i, (name, company, title, offers, needs) in enumerate(PEOPLE)
    ]
    seated = seat(app, event, [guests[:3], guests[3:]], published=True)
    with app.app_context():
        ids = db.session.scalars(db.select(Guest.id).where(Guest.event_id == event.id)).all()
    return organizer, event, seated, ids


def _check(page, url: str, found: dict) -> None:
    page.goto(url)
    problems = violations(page)
    if problems:
        found[url] = problems


def test_every_page_and_email_has_no_serious_violation(
    desktop, phone, live_server, inbox, tmp_path
):
    app, base = live_server
    organizer, event, seated, guest_ids = _dinner(app)
    found: dict[str, list[str]] = {}

    # Signed out: the public pages.
    for path in ("/", "/auth/signin", "/auth/signup", "/auth/forgot", "/auth/reset/bad", "/nope"):
        _check(desktop, base + path, found)

    browser_sign_in(desktop, base, organizer.email)
    expect(desktop.get_by_role("link", name="My dinners")).to_be_visible()

    ev = f"{base}/events/{event.id}"
    organizer_pages = [
        f"{base}/events/",
        f"{base}/events/new",
        ev,
        f"{ev}/edit",
        f"{ev}/tables",
        f"{ev}/guests/",
        f"{ev}/guests/new",
        f"{ev}/guests/{guest_ids[0]}/edit",
        f"{ev}/guests/{guest_ids[0]}/delete",
        f"{ev}/guests/import",
        f"{ev}/rsvps",
        f"{ev}/seating/",
        f"{ev}/seating/versions",
        f"{ev}/seating/checkin",
        f"{ev}/seating/late",
        f"{ev}/intros/",
        f"{ev}/intros/?view=phone",
        f"{ev}/sheets/",
        *(
            f"{ev}/sheets/{kind}"
            for kind in (
                "seating-chart",
                "door-list",
                "place-cards",
                "table-sheets",
                "kitchen",
                "badges",
            )
        ),
        f"{base}/outbox/",
    ]
    for url in organizer_pages:
        _check(desktop, url, found)

    # Invitations and introductions, as they arrive.
    desktop.goto(ev)
    desktop.get_by_role("button", name=re.compile("Send invitations")).click()
    invitation = wait_for_mail(inbox, "ana@example.com")[0]
    desktop.goto(f"{ev}/intros/")
    desktop.once("dialog", lambda dialog: dialog.accept())
    desktop.get_by_role("button", name=re.compile(r"Send \d+ introduction")).click()
    intro = next(
        m
        for m in wait_for_mail(inbox, "ana@example.com", count=2)
        if m["Subject"].startswith("Your table")
    )
    _check(desktop, f"{base}/outbox/", found)

    link = re.search(r"https?://\S+/r/\S+", Inbox.text_of(invitation)).group(0)
    for name, message in (("invitation", invitation), ("introduction", intro)):
        desktop.set_content(Inbox.html_of(message))
        problems = violations(desktop)
        if problems:
            found[f"{name} email"] = problems

    # The guest, on a phone: the RSVP page, its error state, the answer, the table page.
    _check(phone, link, found)
    contact = phone.locator("details", has_text="Swap contact details")
    if not contact.evaluate("d => d.open"):  # open already when the guest shares something
        contact.locator("summary").click()
    phone.get_by_label("Phone", exact=True).fill("call me maybe")
    phone.get_by_role("button", name="Send my answer").click()
    expect(phone.locator("#error-summary")).to_be_focused()
    if problems := violations(phone):
        found[link + " (errors)"] = problems
    phone.get_by_label("Phone", exact=True).fill("+44 20 7946 0000")
    phone.get_by_label("Maybe, I'm not sure yet").check()
    phone.get_by_role("button", name="Send my answer").click()
    expect(phone.get_by_role("heading", name="Thank you, Ana")).to_be_visible()
    if problems := violations(phone):
        found[link + "/done"] = problems
    _check(phone, link + "/table", found)
    _check(phone, base + "/r/not-a-real-link", found)
    confirmation = next(
        m
        for m in wait_for_mail(inbox, "ana@example.com", count=3)
        if m["Subject"].startswith("You said maybe")
    )
    desktop.set_content(Inbox.html_of(confirmation))
    if problems := violations(desktop):
        found["confirmation email"] = problems

    assert not found, "\n".join(f"{url}\n  " + "\n  ".join(p) for url, p in found.items())
