"""What the visual review found on the seating pages: offers that mean something, links that work."""

from __future__ import annotations

import html
import re

from dinnerplan.extensions import db
from dinnerplan.models import Guest
from tests.seating.conftest import setup_seating, url


def page_text(response) -> str:
    """Return the page's HTML with entities decoded."""
    return html.unescape(response.get_data(as_text=True))


def words(response) -> str:
    """Return the page's visible text on one line (tags dropped, spaces collapsed)."""
    return " ".join(re.sub(r"<[^>]+>", " ", page_text(response)).split())


def test_nothing_kept_offers_only_reseat_everyone(app, signed_in, event):
    number, where, _ = setup_seating(app, signed_in, event, n=18)
    page = page_text(signed_in.get(url(event, "")))
    assert 'value="rest"' not in page
    assert 'value="everyone"' in page
    assert "keeps 0 guests" not in page
    assert "nothing is kept" in words(signed_in.get(url(event, "")))

    guest = min(where)
    signed_in.post(url(event, "lock"), data={"version": number, "guest_id": guest, "action": "lock"})
    page = page_text(signed_in.get(url(event, "")))
    assert 'value="rest"' in page
    assert "keeps 1 guest where they are and may move the other 17." in words(
        signed_in.get(url(event, ""))
    )


def test_reprint_links_wait_for_the_published_seating(app, signed_in, event):
    number, _, _ = setup_seating(app, signed_in, event, n=18)
    assert "Reprint" not in words(signed_in.get(url(event, "")))

    signed_in.post(url(event, "publish"), data={"version": number})
    assert "Reprint Table 1: table sheet · place cards" in words(signed_in.get(url(event, "")))


def test_compare_without_versions_shows_the_seating_against_the_one_before(app, signed_in, event):
    assert "Nothing to compare yet" in words(signed_in.get(url(event, "compare")))
    number, where, _ = setup_seating(app, signed_in, event, n=18)
    assert "Nothing to compare yet" in words(signed_in.get(url(event, "compare")))

    one, two = sorted(set(where.values()))[:2]
    a = min(g for g in where if where[g] == one)
    b = min(g for g in where if where[g] == two)
    signed_in.post(url(event, "swap"), data={"version": number, "a": a, "b": b})
    response = signed_in.get(url(event, "compare"))
    assert response.status_code == 200
    assert f"Version {number} → version {number + 1}" in words(response)
    assert "Guests at another table (2)" in words(response)
