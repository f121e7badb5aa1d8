"""An event's topic settings: add, rename, hide, remove; nothing a guest confirmed is lost."""

from __future__ import annotations

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest
from dinnerplan.seating.profiles import score_guests
from tests.factories import XSS, text_of
from tests.topics.conftest import link_of


def settings_of(app, event) -> dict:
    with app.app_context():
        return dict(db.session.get(Event, event.id).topic_settings or {})


def add(client, event, **data):
    return client.post(f"/events/{event.id}/topics/settings/add", data=data, follow_redirects=True)


def test_added_topic_is_suggested_and_found_by_guests(app, org_client, client, make, event):
    response = add(
        org_client,
        event,
        name="Wine export",
        description="Selling wine abroad",
        examples="export our wine\nWeinexport",
    )
    assert "Added “Wine export”." in text_of(response)
    added = settings_of(app, event)["added"][0]
    assert added["id"] == "custom-wine-export"
    assert added["met_by"] == ["custom-wine-export"]
    guest = make.guest(event, name="Vera Vine")
    link = link_of(app, guest)
    found = client.get(f"{link}/topics/search", query_string={"q": "wine"}).get_json()
    assert "custom-wine-export" in [t["id"] for t in found["topics"]]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "Enter a name for the topic."),
        ({"name": "   "}, "Enter a name for the topic."),
        ({"name": "x" * 10_000}, "Field cannot be longer than 80 characters."),
        ({"name": "Raising investment"}, "There is already a topic called “Raising investment”."),
        ({"name": "Wine", "met_by": ["no_such_topic"]}, "not a valid choice"),
        ({"name": "Wine", "examples": "x" * 10_000}, "Field cannot be longer than 2000"),
    ],
)
def test_adding_bad_input_says_why_and_saves_nothing(app, org_client, event, data, message):
    response = org_client.post(f"/events/{event.id}/topics/settings/add", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert settings_of(app, event).get("added", []) == []


def test_emoji_html_and_other_scripts_are_kept_and_escaped(app, org_client, event):
    for name in (XSS, "🍷 Wine", "Экспорт вина", "Экспорт сыра"):
        add(org_client, event, name=name)
    names = [t["name"] for t in settings_of(app, event)["added"]]
    assert names == [XSS, "🍷 Wine", "Экспорт вина", "Экспорт сыра"]
    body = org_client.get(f"/events/{event.id}/topics/settings").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body
    # Ids stay plain and distinct even when the name has no Latin letters.
    ids = [t["id"] for t in settings_of(app, event)["added"]]
    assert len(set(ids)) == 4
    assert all(i.startswith("custom-") for i in ids)


def test_rename_shows_the_new_name_to_guests(app, org_client, client, make, event):
    response = org_client.post(
        f"/events/{event.id}/topics/settings/rename",
        data={"topic": "accounting_tax", "name": "Books & tax"},
        follow_redirects=True,
    )
    assert "Renamed." in text_of(response)
    guest = make.guest(event, name="Ana Alvarez")
    chips = client.get(
        f"{link_of(app, guest)}/topics/suggest",
        query_string={"side": "need", "text": "our books are a mess"},
    ).get_json()
    assert chips["topics"][0]["name"] == "Books & tax"
    bad = org_client.post(
        f"/events/{event.id}/topics/settings/rename", data={"topic": "nope", "name": "X"}
    )
    assert bad.status_code == 400
    assert "Not a valid choice" in bad.get_data(as_text=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"topic": "accounting_tax", "name": ""}, "Enter the new name."),
        ({"topic": "accounting_tax", "name": "x" * 10_000}, "cannot be longer than 80"),
        ({"topic": "accounting_tax", "name": "Raising investment"}, "There is already a topic"),
        ({"topic": "", "name": "Books"}, "Choose a topic."),
    ],
)
def test_renaming_bad_input_says_why_and_saves_nothing(app, org_client, event, data, message):
    response = org_client.post(f"/events/{event.id}/topics/settings/rename", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert settings_of(app, event).get("renamed", {}) == {}


def test_another_organizer_cannot_rename_or_remove(app, client, make, event):
    from tests.factories import sign_in

    sign_in(client, make.organizer())
    base = f"/events/{event.id}/topics/settings"
    assert client.post(f"{base}/rename", data={"topic": "grants", "name": "X"}).status_code == 404
    assert client.post(f"{base}/remove/custom-x").status_code == 404
    assert settings_of(app, event) == {}


def test_hiding_a_topic_in_use_keeps_confirmations_and_they_still_count(
    app, org_client, make, event
):
    ana = make.guest(event, name="Ana", rsvp="yes", need_topics=["accounting_tax"])
    ben = make.guest(event, name="Ben", rsvp="yes", offer_topics=["accounting_tax"])
    response = org_client.post(
        f"/events/{event.id}/topics/settings/hidden",
        data={"hidden": ["accounting_tax"]},
        follow_redirects=True,
    )
    text = text_of(response)
    assert "Hidden: “Accounting, bookkeeping and tax”." in text
    assert "keep their confirmation and it still counts for seating" in text
    with app.app_context():
        stored = db.session.get(Guest, ana.id)
        assert stored.need_topics == ["accounting_tax"]
        scores = score_guests([stored, db.session.get(Guest, ben.id)])
        assert scores.score(str(ana.id), str(ben.id)) > 0
    # Unhiding: nothing ticked, nothing hidden.
    org_client.post(f"/events/{event.id}/topics/settings/hidden", data={})
    assert settings_of(app, event)["hidden"] == []


def test_removing_an_added_topic_in_use_hides_it_instead(app, org_client, make, event):
    add(org_client, event, name="Wine export")
    make.guest(event, name="Vera", offer_topics=["custom-wine-export"])
    add(org_client, event, name="Cheese")
    response = org_client.post(
        f"/events/{event.id}/topics/settings/remove/custom-wine-export", follow_redirects=True
    )
    assert "Guests confirmed “Wine export”, so it was hidden instead of removed" in text_of(
        response
    )
    settings = settings_of(app, event)
    assert [t["id"] for t in settings["added"]] == ["custom-wine-export", "custom-cheese"]
    assert settings["hidden"] == ["custom-wine-export"]
    org_client.post(f"/events/{event.id}/topics/settings/remove/custom-cheese")
    assert [t["id"] for t in settings_of(app, event)["added"]] == ["custom-wine-export"]
    built_in = org_client.post(
        f"/events/{event.id}/topics/settings/remove/accounting_tax", follow_redirects=True
    )
    assert "Only topics added for this dinner can be removed" in text_of(built_in)


def test_hiding_an_unknown_topic_is_refused(app, org_client, event):
    response = org_client.post(
        f"/events/{event.id}/topics/settings/hidden", data={"hidden": ["nope", XSS]}
    )
    assert response.status_code == 400
    assert "<script>alert(1)</script>" not in response.get_data(as_text=True)
    assert settings_of(app, event).get("hidden", []) == []
