"""In Chromium, as people would: an organizer invites, a guest answers.

An organizer signs up, creates a dinner, imports a CSV and
sends invitations; a guest opens the link from the email that arrived, answers on a phone;
the organizer sees the answer.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_mail

CSV = (
    "First Name,Last Name,Email,Company,Job Title,Reason for attending\n"
    "Ana,Silva,ana@example.com,Brightloop,Founder,Find investors\n"
    "Ben,Okafor,ben@example.com,Northwind Capital,Partner,Give back / mentor\n"
    "Chioma,Novak,chioma@example.com,Kestrel Labs,CTO,Hire\n"
)


def test_organizer_invites_and_guest_answers_on_a_phone(
    desktop, phone, live_server, inbox, tmp_path
):
    _, base = live_server
    page = desktop
    page.goto(base + "/auth/signup")
    page.get_by_label("Name").fill("Olga Organizer")
    page.get_by_label("Email").fill("olga@example.com")
    page.get_by_label("Password", exact=True).fill("a long enough password")
    page.get_by_label("Repeat the password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    confirmation = wait_for_mail(inbox, "olga@example.com")[0]
    page.goto(re.search(r"https?://\S+/auth/verify/\S+", inbox.text_of(confirmation)).group(0))
    page.get_by_role("button", name="Confirm my email address").click()
    expect(page.get_by_text("your email address is confirmed")).to_be_visible()

    page.goto(base + "/events/new")
    page.get_by_label("Title").fill("Climate Founders Dinner")
    page.get_by_label("Date", exact=True).fill("2031-03-05")
    page.get_by_label("Start time").fill("19:30")
    page.get_by_label("Time zone").select_option("Europe/Paris")
    page.get_by_label("Venue").fill("Le Comptoir")
    page.get_by_role("button", name="Create dinner").click()
    expect(page.get_by_role("heading", name="Climate Founders Dinner")).to_be_visible()
    event_url = page.url

    csv_path = tmp_path / "attendees.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    page.get_by_role("link", name=re.compile("Import", re.I)).first.click()
    page.get_by_label("CSV file").set_input_files(str(csv_path))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_text("ana@example.com")).to_be_visible()
    page.get_by_role("button", name=re.compile(r"Import 3 guests")).click()

    page.goto(event_url)
    invite = re.compile(r"Send invitations to everyone not yet invited \(3 guests")
    page.get_by_role("button", name=invite).click()
    invitation = wait_for_mail(inbox, "ana@example.com")[0]
    link = re.search(r"https?://\S+/r/\S+", inbox.text_of(invitation)).group(0)
    assert link.startswith(base)

    guest = phone
    guest.goto(link)
    expect(guest.get_by_text("Climate Founders Dinner").first).to_be_visible()
    assert guest.evaluate("document.documentElement.scrollWidth") <= 390
    guest.get_by_label("Yes, I'll be there").check()
    guest.get_by_label(re.compile("What I do")).fill("Founder of a carbon accounting startup")
    guest.get_by_label("Offer 1", exact=True).fill("Carbon accounting for SMEs")
    guest.get_by_label("Need 1", exact=True).fill("Raising a seed round")
    guest.get_by_label(re.compile("Why I'm coming")).select_option("investors")
    guest.get_by_text("Food and access").click()  # collapsed until opened
    guest.get_by_label("Vegetarian").check()
    guest.get_by_text("Swap contact details with your tablemates").click()
    guest.get_by_label("Share my email address with my tablemates").check()
    guest.get_by_role("button", name="Send my answer").click()
    expect(guest.get_by_text("Raising a seed round")).to_be_visible()
    expect(guest.get_by_text(re.compile("will be shared", re.I)).first).to_be_visible()
    confirmation = wait_for_mail(inbox, "ana@example.com", count=2)[-1]
    assert any(part.get_content_type() == "text/calendar" for part in confirmation.walk())

    page.reload()
    panel = page.locator("body")
    expect(panel).to_contain_text(re.compile(r"1\s*yes"))
    page.goto(event_url.rstrip("/") + "/guests/")
    row = page.get_by_role("row", name=re.compile("Ana Silva"))
    expect(row).to_contain_text("yes")
    expect(row).to_contain_text("Find investors")
