"""What a visual review found on the seating pages: honest offers, working links."""

from __future__ import annotations

import html
import re

from dinnerplan.extensions import db
from dinnerplan.models import Table
from tests.seating.conftest import setup_seating, url


def page_text(response) -> str:
    """Return the page's HTML with entities decoded."""
    return html.unescape(response.get_data(as_text=True))


def words(response) -> str:
    """Return the page's visible text on one line (tags dropped, spaces collapsed)."""
    return " ".join(re.sub(r"<[^>]+>", " ", page_text(response)).split())


def test_nothing_kept_is_said_plainly(app, signed_in, event):
    number, where, _ = setup_seating(app, signed_in, event, n=18)
    page = words(signed_in.get(url(event, "")))
    assert "keeps 0 guests" not in page
    assert "Nothing is kept in place: nobody is locked, hosting or moved by you." in page

    signed_in.post(
        url(event, "lock"), data={"version": number, "guest_id": min(where), "action": "lock"}
    )
    page = words(signed_in.get(url(event, "")))
    assert "Nothing is kept in place" not in page
    assert "keeps 1 guest where they are and may move the other 17," in page


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


def trade(client, app, event, number, pairs) -> int:
    """Swap each (a, b) pair of guests in turn; return the last version's number."""
    for a, b in pairs:
        client.post(url(event, "swap"), data={"version": number, "a": a, "b": b})
        number += 1
    return number


def test_compare_names_a_moved_group_once_and_nobody_stays_at_the_same_table(app, signed_in, event):
    first, where, _ = setup_seating(app, signed_in, event, n=18, tables=((6, 6),) * 3)
    one, two, _ = sorted(set(where.values()))
    left = sorted(g for g in where if where[g] == one)
    right = sorted(g for g in where if where[g] == two)
    # Four of six trade tables: each group of four keeps together under the other name.
    last = trade(signed_in, app, event, first, list(zip(left[:4], right[:4], strict=True)))
    response = signed_in.get(url(event, f"compare?a={first}&b={last}"))
    page = words(response)
    assert "Renamed: Table 1 is now Table 2, Table 2 is now Table 1." in page
    assert "Guests at another table (4)" in page
    assert "Table 1 (now Table 2) Table 1" in page
    rows = re.findall(
        r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td></tr>", page_text(response)
    )
    assert [(b, c) for b, c in rows if b == c] == []


def test_compare_lists_renames_in_counting_order(app, signed_in, event):
    first, where, _ = setup_seating(app, signed_in, event, n=18, tables=((6, 6),) * 3)
    one, two, _ = sorted(set(where.values()))
    left = sorted(g for g in where if where[g] == one)
    right = sorted(g for g in where if where[g] == two)
    last = trade(signed_in, app, event, first, list(zip(left, right, strict=True)))
    with app.app_context():
        db.session.get(Table, one).name = "Table 10"
        db.session.commit()
    page = words(signed_in.get(url(event, f"compare?a={first}&b={last}")))
    assert "Renamed: Table 2 is now Table 10, Table 10 is now Table 2." in page
    assert "Nobody moved" in page


def test_late_changes_before_publishing_links_to_the_seating(app, signed_in, event):
    page = page_text(signed_in.get(url(event, "late")))
    assert "Nothing is published yet" in page
    assert f'href="/events/{event.id}/seating/">Go to the seating</a>' in page
