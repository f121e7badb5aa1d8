"""Adjust through the no-JS forms: move, swap, lock, re-seat the rest, go back, compare, publish."""

from __future__ import annotations

from dinnerplan.extensions import db
from dinnerplan.models import Guest, GuestLink, SeatingVersion
from dinnerplan.seating import operations
from tests.seating.conftest import add_guests, add_tables, seated, setup_seating, url


def names(app):
    with app.app_context():
        return {g.id: g.name for g in db.session.execute(db.select(Guest)).scalars()}


def test_move_creates_a_new_version_and_keeps_the_old(app, signed_in, event):
    number, where, _ = setup_seating(app, signed_in, event)
    guest = next(iter(where))
    target = next(t for t in set(where.values()) if t != where[guest])

    page = signed_in.post(
        url(event, "move"),
        data={"version": number, "guest_id": guest, "table_id": target},
        follow_redirects=True,
    )

    new_number, new_where, _ = seated(app, event)
    assert new_number == number + 1
    assert new_where[guest] == target
    assert seated(app, event, number)[1] == where
    assert f"Version {new_number}" in page.get_data(as_text=True)
    with app.app_context():
        v = db.session.execute(
            db.select(SeatingVersion).where(SeatingVersion.number == new_number)
        ).scalar_one()
        assert v.kind == "edit"
        assert v.parent_id is not None
        assert v.summary["moved"] == [{"guest": guest, "from": where[guest], "to": target}]


def test_overfilled_table_warns_and_cannot_be_published(app, signed_in, event):
    number, where, _ = setup_seating(app, signed_in, event, n=21)
    full = [t for t in set(where.values()) if list(where.values()).count(t) == 7]
    target = full[0]
    mover = next(g for g, t in where.items() if t != target)

    page = signed_in.post(
        url(event, "move"),
        data={"version": number, "guest_id": mover, "table_id": target},
        follow_redirects=True,
    )
    text = page.get_data(as_text=True)
    assert "has 8 guests but seats at most 8" not in text  # 7 -> 8 is still allowed
    number2, where2, _ = seated(app, event)
    mover2 = next(g for g, t in where2.items() if t != target)
    page = signed_in.post(
        url(event, "move"),
        data={"version": number2, "guest_id": mover2, "table_id": target},
        follow_redirects=True,
    )
    text = page.get_data(as_text=True)
    assert "Warning: Table" in text
    assert "has 9 guests but seats at most 8" in text
    assert "disabled" in text
    assert "Fix the warnings on the tables before publishing." in text

    number3, _, _ = seated(app, event)
    refused = signed_in.post(
        url(event, "publish"), data={"version": number3}, follow_redirects=True
    )
    assert "Not published: Fix the warnings on the tables first" in refused.get_data(as_text=True)
    with app.app_context():
        assert operations.published_version(db.session.get(type(event), event.id)) is None


def test_swap_exchanges_two_guests_tables(app, signed_in, event):
    number, where, _ = setup_seating(app, signed_in, event)
    a = next(iter(where))
    b = next(g for g, t in where.items() if t != where[a])
    signed_in.post(url(event, "swap"), data={"version": number, "a": a, "b": b})
    _, after, _ = seated(app, event)
    assert after[a] == where[b]
    assert after[b] == where[a]
    assert {g: t for g, t in after.items() if g not in (a, b)} == {
        g: t for g, t in where.items() if g not in (a, b)
    }


def test_locked_guests_and_tables_keep_their_places_on_reseat(app, signed_in, event):
    number, where, _ = setup_seating(app, signed_in, event)
    table = sorted(set(where.values()))[0]
    loner = next(g for g, t in where.items() if t != table)
    signed_in.post(
        url(event, "lock"), data={"version": number, "table_id": table, "action": "lock"}
    )
    signed_in.post(
        url(event, "lock"), data={"version": number, "guest_id": loner, "action": "lock"}
    )
    _, _, locks = seated(app, event, number)
    assert sorted(g for g, on in locks.items() if on) == sorted(
        [g for g, t in where.items() if t == table] + [loner]
    )

    page = signed_in.post(url(event, "reseat"), data={"version": number}, follow_redirects=True)

    new_number, after, new_locks = seated(app, event)
    assert new_number == number + 1
    for g, on in locks.items():
        if on:
            assert after[g] == where[g]
            assert new_locks[g]
    # A locked table is closed: exactly the same guests, nobody added.
    assert sorted(g for g, t in after.items() if t == table) == sorted(
        g for g, t in where.items() if t == table
    )
    assert "Locked" in page.get_data(as_text=True)


def test_go_back_copies_an_old_version_and_compare_lists_who_moved(app, signed_in, event):
    number, where, _ = setup_seating(app, signed_in, event)
    who = names(app)
    guest = next(iter(where))
    target = next(t for t in set(where.values()) if t != where[guest])
    signed_in.post(
        url(event, "move"), data={"version": number, "guest_id": guest, "table_id": target}
    )

    compare = signed_in.get(url(event, f"compare?a={number}&b={number + 1}")).get_data(as_text=True)
    assert who[guest] in compare
    assert "Score" in compare
    assert compare.count("<tr><td>") == 1

    page = signed_in.post(url(event, "restore"), data={"version": number}, follow_redirects=True)
    restored_number, restored, _ = seated(app, event)
    assert restored_number == number + 2
    assert restored == where
    assert "Version 3" in page.get_data(as_text=True)
    versions = signed_in.get(url(event, "versions")).get_data(as_text=True)
    assert "Go back to version 1" in versions
    assert "edit" in versions


def test_publish_reports_changed_guests_and_shows_badge(app, signed_in, event):
    add_tables(app, event, [(6, 8), (6, 8), (6, 8)])
    add_guests(app, event, 18, seed=11)
    with app.app_context():  # no colleagues or wishes: any swap keeps the rules
        db.session.execute(db.delete(GuestLink))
        for g in db.session.execute(db.select(Guest)).scalars():
            g.company = f"Company {g.id}"
        db.session.commit()
    signed_in.post(url(event, "run"))
    number, where, _ = seated(app, event)
    page = signed_in.post(url(event, "publish"), data={"version": number}, follow_redirects=True)
    assert f"{len(where)} guests have a new table" in page.get_data(as_text=True)
    assert "Published" in page.get_data(as_text=True)
    a = next(iter(where))
    b = next(g for g, t in where.items() if t != where[a])
    signed_in.post(url(event, "swap"), data={"version": number, "a": a, "b": b})
    page = signed_in.post(
        url(event, "publish"), data={"version": number + 1}, follow_redirects=True
    )
    assert "2 guests have a new table" in page.get_data(as_text=True)
    with app.app_context():
        published = (
            db.session.execute(
                db.select(SeatingVersion.number).where(SeatingVersion.published_at.is_not(None))
            )
            .scalars()
            .all()
        )
    assert published == [number + 1]


def test_bad_move_is_refused_in_words(app, signed_in, event):
    number, where, _ = setup_seating(app, signed_in, event)
    guest = next(iter(where))
    page = signed_in.post(
        url(event, "move"),
        data={"version": number, "guest_id": guest, "table_id": where[guest]},
        follow_redirects=True,
    )
    assert "The guest already sits at that table." in page.get_data(as_text=True)
    page = signed_in.post(
        url(event, "move"), data={"version": number, "guest_id": guest}, follow_redirects=True
    )
    assert "Choose a table to move to." in page.get_data(as_text=True)
    assert seated(app, event)[0] == number


def test_publishing_one_moved_guest_says_guest_has_not_guests_have(app, signed_in, event):
    """Issue 13.3: "1 guest has a new table", never "1 guests have"."""
    add_tables(app, event, [(6, 8), (6, 8), (6, 8)])
    add_guests(app, event, 19, seed=11)
    with app.app_context():  # no colleagues or wishes: any move within sizes keeps the rules
        db.session.execute(db.delete(GuestLink))
        for g in db.session.execute(db.select(Guest)).scalars():
            g.company = f"Company {g.id}"
        db.session.commit()
    signed_in.post(url(event, "run"))
    number, where, _ = seated(app, event)
    signed_in.post(url(event, "publish"), data={"version": number})
    sizes = {t: list(where.values()).count(t) for t in set(where.values())}
    big = max(sizes, key=sizes.get)
    mover = next(g for g, t in where.items() if t == big)
    target = min(sizes, key=sizes.get)
    signed_in.post(
        url(event, "move"), data={"version": number, "guest_id": mover, "table_id": target}
    )
    page = signed_in.post(
        url(event, "publish"), data={"version": number + 1}, follow_redirects=True
    )
    assert f"Version {number + 1} is published; 1 guest has a new table." in page.get_data(
        as_text=True
    )
