"""Privacy: contact details reach tablemates only where their owner consented."""

from __future__ import annotations

import re
from types import SimpleNamespace

from dinnerplan.extensions import db
from dinnerplan.models import Message
from tests.factories import Inbox, sign_in_as
from tests.intros.conftest import FIRST_PLAN, intro_url

SWAPPED = {"Table A": ["Ana", "Eve", "Cleo", "Finn"], "Table B": ["Dev", "Ben", "Gus", "Hana"]}
DETAILS = (("email", "share_email"), ("phone", "share_phone"), ("linkedin", "share_linkedin"))


def _variants(value: str) -> set[str]:
    """A detail as written and without spaces (as in a tel: link)."""
    return {value, "".join(value.split())}


def _leaks(guests, recipient_email: str, bodies: list[str]) -> list[str]:
    """Details of other guests who did not consent that appear in these bodies."""
    found = []
    for g in guests:
        if g.email == recipient_email:
            continue
        for detail, consent in DETAILS:
            if getattr(g, consent):
                continue
            for value in _variants(getattr(g, detail)) - {""}:
                if any(value.lower() in body.lower() for body in bodies):
                    found.append(f"{g.name}'s {detail} in {recipient_email}'s email or page")
    return found


def test_no_unconsented_detail_in_any_email_or_table_page(client, dinner, inbox, app):
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)
    client.post(intro_url(dinner, "send"))
    dinner.seat(SWAPPED)
    client.post(intro_url(dinner, "changes"))
    guests = list(dinner.guests.values())

    with app.app_context():
        recorded = list(
            db.session.execute(
                db.select(Message).where(Message.event_id == dinner.event.id)
            ).scalars()
        )
    assert sorted(m.kind for m in recorded) == ["intro"] * 8 + ["table_changed"] * 8
    assert len(inbox.messages) == 16
    leaks, pages = [], {}
    for m in recorded:
        leaks += _leaks(guests, m.recipient, [m.body_text, m.body_html])
    for m in inbox.messages:
        text, html = Inbox.text_of(m), Inbox.html_of(m)
        leaks += _leaks(guests, m["To"], [text, html])
        link = re.search(r"(http://localhost)?(/r/[\w.-]+)", text).group(2)
        pages[m["To"]] = client.get(link + "/table").get_data(as_text=True)
    for recipient, page in pages.items():
        assert "Your table:" in page
        leaks += _leaks(guests, recipient, [page])
    assert leaks == []

    # The test can fail: consented details do reach tablemates, in emails and pages.
    ana, cleo = dinner.guest("Ana"), dinner.guest("Cleo")
    ben_intro = Inbox.text_of(inbox.to(dinner.guest("Ben").email)[0])
    assert f"Email: {ana.email}" in ben_intro
    assert f"Phone: {cleo.phone}" in ben_intro
    assert f"LinkedIn: {cleo.linkedin}" in ben_intro
    assert f"mailto:{ana.email}" in Inbox.html_of(inbox.to(dinner.guest("Finn").email)[0])
    assert ana.email in pages[dinner.guest("Cleo").email]
    # ...and the check catches a detail shown without consent.
    unconsented = SimpleNamespace(
        name=ana.name,
        email=ana.email,
        phone="",
        linkedin="",
        share_email=False,
        share_phone=False,
        share_linkedin=False,
    )
    assert _leaks([unconsented], "someone-else", [ben_intro])
