"""Hand edits kept: a re-seat keeps moves and swaps; compare matches tables by who sits there."""

from __future__ import annotations

import html

from dinnerplan.extensions import db
from dinnerplan.models import Guest, GuestLink
from dinnerplan.seating import versions as v
from tests.seating.conftest import seated, setup_seating, url


def swap(client, event, number, a, b):
    client.post(url(event, "swap"), data={"version": number, "a": a, "b": b})


def page_text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_reseat_the_rest_keeps_every_hand_move_and_says_so_first(app, signed_in, event):
    number, where, _ = setup_seating(app, signed_in, event, n=24, tables=((6, 8),) * 3)
    tables = sorted(set(where.values()))
    with app.app_context():  # guests in a "sit with" wish move with their partner: left out
        linked = {
            x
            for link in db.session.scalars(db.select(GuestLink))
            for x in (link.guest_id, link.other_id)
        }
    at = {t: sorted(g for g in where if where[g] == t and g not in linked) for t in tables}
    # Three swaps between tables 1 and 2, and one between 2 and 3: hand work worth keeping.
    pairs = [(at[tables[0]][i], at[tables[1]][i]) for i in range(3)]
    pairs.append((at[tables[1]][3], at[tables[2]][3]))
    for a, b in pairs:
        swap(signed_in, event, number, a, b)
        number += 1
    _, edited, _ = seated(app, event)
    moved = {g for pair in pairs for g in pair}
    with app.app_context():
        names = {g.id: g.name for g in db.session.scalars(db.select(Guest))}

    page = page_text(signed_in.get(url(event, "")))
    assert "Moved by you: " + ", ".join(sorted((names[g] for g in moved), key=str.lower)) in page
    assert f"keeps {len(moved)} guests where they are and may move the other 16," in page

    signed_in.post(url(event, "reseat"), data={"version": number, "scope": "rest"})
    reseat_number, after, _ = seated(app, event)
    assert reseat_number == number + 1
    assert {g: after[g] for g in moved} == {g: edited[g] for g in moved}

    # The kept moves carry over to the next re-seat; "re-seat everyone" lets them go.
    page = page_text(signed_in.get(url(event, f"?version={reseat_number}")))
    assert "Moved by you: " in page
    signed_in.post(url(event, "reseat"), data={"version": reseat_number, "scope": "everyone"})
    everyone, _, _ = seated(app, event)
    page = page_text(signed_in.get(url(event, f"?version={everyone}")))
    assert everyone == reseat_number + 1
    assert "Moved by you" not in page
    assert "Nothing is kept in place: nobody is locked, hosting or moved by you." in page


def test_compare_ignores_a_label_swap_and_names_who_lost_their_helper(app, signed_in, event):
    number, where, _ = setup_seating(app, signed_in, event, n=18, tables=((6, 6),) * 3)
    first = number
    one, two = sorted(set(where.values()))[:2]
    left = sorted(g for g in where if where[g] == one)
    right = sorted(g for g in where if where[g] == two)
    for a, b in zip(left, right, strict=True):  # the two tables trade all their guests
        swap(signed_in, event, number, a, b)
        number += 1
    page = page_text(signed_in.get(url(event, f"compare?a={first}&b={number}")))
    assert "Nobody moved: everyone sits with the same tablemates." in page
    assert "Renamed: Table 1 is now Table 2, Table 2 is now Table 1." in page

    page = page_text(signed_in.get(url(event, f"compare?a={first}&b={first + 1}")))
    assert "Guests at another table (2)" in page

    with app.app_context():
        scores = v.score_guests(db.session.scalars(db.select(Guest)))
        guests = {g.id: g.name for g in db.session.scalars(db.select(Guest))}
    g, h, k = lone_helper_swap(scores, where)
    swap(signed_in, event, first, h, k)
    page = page_text(signed_in.get(url(event, f"compare?a={first}&b={number + 1}")))
    lost = next(line for line in page.splitlines() if "Lost the helper at their table:" in line)
    assert guests[g] in lost


def lone_helper_swap(scores, where):
    """Find g helped only by h at their table, and k elsewhere who does not help g."""
    for g, t in sorted(where.items()):
        mates = [m for m in where if where[m] == t and m != g]
        helpers = [m for m in mates if scores.helps(str(m), str(g))]
        if len(helpers) != 1:
            continue
        for k in sorted(where):
            if where[k] != t and not scores.helps(str(k), str(g)):
                return g, helpers[0], k
    raise AssertionError("no guest with a single helper at their table in this seating")
