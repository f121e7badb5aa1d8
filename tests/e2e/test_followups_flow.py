"""In Chromium on a phone, a guest's promise from the table to the outcome page.

As a guest would: scan the table's code, get the personal link by
email, open my table from it and note a promise; the next morning's email arrives with it;
"I made the intro" closes it and the receiver is told; no reminder comes for it; the
organizer's outcome page counts it.
"""

from __future__ import annotations

import os
import re
from datetime import datetime

from playwright.sync_api import expect

from dinnerplan import jobs
from dinnerplan.extensions import db
from dinnerplan.followups import scheduler
from dinnerplan.followups.links import table_url
from dinnerplan.models import Event, Table
from tests.e2e.conftest import browser_sign_in, wait_for_mail
from tests.factories import Factory
from tests.intros.conftest import FIRST_PLAN, PEOPLE, Dinner

SHOTS = os.environ.get("FOLLOWUPS_SHOTS_DIR")  # set it to keep screenshots for people to see


def build_dinner(app) -> Dinner:
    """The intros' eight-guest dinner, seated and published, held on 1 May 2030 in London."""
    make = Factory(app)
    organizer = make.organizer()
    event = make.event(organizer, starts_at=datetime(2030, 5, 1, 19, 0))
    guests = {}
    for n, (name, company, liner, offers, needs, intent, consents) in enumerate(PEOPLE):
        first = name.split()[0]
        guests[first] = make.guest(
            event,
            name=name,
            email=f"private.{first.lower()}@example.com",
            company=company,
            one_liner=liner,
            offers=offers,
            needs=needs,
            intent=intent,
            rsvp="yes",
            phone=f"+44 7700 90{n:04d}",
            share_email="email" in consents,
            share_phone="phone" in consents,
        )
    dinner = Dinner(app, organizer, event, guests)
    dinner.seat(FIRST_PLAN)
    return dinner


def run_scheduler(app, when: datetime) -> None:
    """One tick of the follow-up scheduler at `when` (UTC), and the sending it starts."""
    scheduler.tick(app, clock=lambda: when)
    jobs.wait_for_jobs()


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, name), full_page=True)


def test_promise_from_the_table_page_to_the_outcome(browser, live_server, desktop, inbox):
    app, base = live_server
    dinner = build_dinner(app)
    with app.app_context():
        qr = table_url(db.session.get(Table, dinner.tables["Table A"]))

    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    phone = context.new_page()
    phone.goto(qr)  # the code on the printed table sheet: names only
    expect(phone.get_by_text("Cleo Chen")).to_be_visible()
    expect(phone.get_by_text("private.cleo@example.com")).to_have_count(0)
    phone.get_by_label("Your email address").fill("private.ana@example.com")
    phone.get_by_role("button", name="Email me my link").click()
    expect(phone.get_by_text("your personal link is on its way")).to_be_visible()
    (resent,) = wait_for_mail(inbox, "private.ana@example.com")
    ana_link = re.search(r"https?://\S+/r/\S+", inbox.text_of(resent)).group(0)
    inbox.clear()
    phone.goto(ana_link)
    phone.get_by_role("link", name="My table: contacts, cards and promises").click()
    expect(phone.get_by_role("heading", name="My table: Table A")).to_be_visible()
    expect(phone.get_by_text("private.cleo@example.com")).to_be_visible()  # Cleo shares it
    expect(phone.get_by_text("private.ben@example.com")).to_have_count(0)  # Ben does not
    phone.get_by_label("Tablemate", exact=True).select_option(label="Ben Brook")
    phone.get_by_label("In one line").fill("I'll introduce Ben to our seed lawyer")
    phone.get_by_role("button", name="Note it").click()
    expect(phone.get_by_text("Noted.")).to_be_visible()
    expect(phone.locator(".promises")).to_contain_text("You → Ben Brook")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "my-table-375.png")

    run_scheduler(app, datetime(2030, 5, 2, 8, 0))  # 09:00 in London, the morning after
    (morning,) = wait_for_mail(inbox, "private.ana@example.com")
    text = inbox.text_of(morning)
    assert "To Ben Brook: I'll introduce Ben to our seed lawyer" in text
    made_it = re.search(r"I made the intro: (\S+)", text).group(1)
    assert made_it.startswith(base)

    phone.goto(made_it)
    phone.get_by_role("button", name="I made the intro").click()
    expect(phone.get_by_role("heading", name="Recorded. Thank you!")).to_be_visible()
    told = wait_for_mail(inbox, "private.ben@example.com", count=2)
    assert any("Ana Alvarez did what they promised" in m["Subject"] for m in told)
    phone.goto(made_it)  # the same link again: nothing changes
    expect(phone.get_by_role("heading", name="Already recorded")).to_be_visible()
    context.close()

    run_scheduler(app, datetime(2030, 5, 4, 8, 0))  # day 3: no reminder for a kept promise
    run_scheduler(app, datetime(2030, 5, 11, 8, 0))  # day 10
    subjects = [m["Subject"] for m in inbox.to("private.ana@example.com")]
    assert not [s for s in subjects if "reminder" in s.lower()], subjects
    assert subjects[0] == "Who you met at Founders' Supper"

    page = desktop
    browser_sign_in(page, base, dinner.organizer.email)
    page.goto(f"{base}/events/{dinner.event.id}/outcome")
    summary = page.locator(".outcome-summary")
    expect(summary).to_contain_text("1 promise made at the tables: 1 kept, 0 open")
    expect(summary).to_contain_text("1 introduction made.")
    shot(page, "outcome-desktop.png")
    with app.app_context():
        assert db.session.get(Event, dinner.event.id) is not None
