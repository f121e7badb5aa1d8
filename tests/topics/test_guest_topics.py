"""The guest confirms topics: JSON chips under the personal link, and the no-JS step."""

from __future__ import annotations

import pytest

from tests.factories import XSS, browser_form, text_of
from tests.topics.conftest import fresh, link_of, set_topic_settings


@pytest.fixture
def ana(make, event):
    return make.guest(event, name="Ana Alvarez", email="ana@example.com")


def suggest(client, link, text, side="need"):
    response = client.get(f"{link}/topics/suggest", query_string={"side": side, "text": text})
    return response.status_code, response.get_json()


def test_typing_a_need_suggests_its_topic_and_a_wish_to_give_flips_side(app, client, ana):
    link = link_of(app, ana)
    status, data = suggest(client, link, "our books are a mess")
    assert status == 200
    assert data["topics"][0]["id"] == "accounting_tax"
    assert data["topics"][0]["name"] == "Accounting, bookkeeping and tax"
    assert data["topics"][0]["side"] == "need"
    _, data = suggest(client, link, "happy to mentor")
    assert [(t["id"], t["side"]) for t in data["topics"]][:1] == [("mentoring", "offer")]


def test_suggestions_are_a_cacheable_get_and_need_a_valid_link(app, client, ana):
    link = link_of(app, ana)
    response = client.get(f"{link}/topics/suggest?side=need&text=lawyer")
    assert response.headers["Cache-Control"] == "private, max-age=300"
    assert client.post(f"{link}/topics/suggest?side=need&text=lawyer").status_code == 405
    assert client.get("/r/not-a-token/topics/suggest?side=need&text=x").status_code == 404
    assert client.get("/r/not-a-token/topics/search?q=law").status_code == 404
    assert client.get(f"{link}/topics/suggest?side=sideways&text=x").status_code == 400


@pytest.mark.parametrize(
    "text",
    ["", "   ", "x" * 10_000, "🙂🍷🙂", XSS, "我们需要一位律师", "Нам нужен юрист"],
)
def test_bad_or_odd_text_never_fails(app, client, ana, text):
    status, data = suggest(client, link_of(app, ana), text)
    assert status == 200
    assert isinstance(data["topics"], list)
    found = client.get(f"{link_of(app, ana)}/topics/search", query_string={"q": text})
    assert found.status_code == 200
    assert isinstance(found.get_json()["topics"], list)


def test_search_finds_any_topic_by_name_or_example(app, client, ana):
    response = client.get(f"{link_of(app, ana)}/topics/search", query_string={"q": "lawyer"})
    ids = [t["id"] for t in response.get_json()["topics"]]
    assert "legal_company" in ids


def test_hidden_topics_are_never_suggested_nor_found(app, client, event, ana):
    link = link_of(app, ana)
    _, before = suggest(client, link, "our books are a mess")
    assert "accounting_tax" in [t["id"] for t in before["topics"]]
    set_topic_settings(app, event, {"hidden": ["accounting_tax"]})
    _, after = suggest(client, link, "our books are a mess")
    assert "accounting_tax" not in [t["id"] for t in after["topics"]]
    found = client.get(f"{link}/topics/search", query_string={"q": "bookkeeping"}).get_json()
    assert "accounting_tax" not in [t["id"] for t in found["topics"]]


def rsvp(client, link, **changes):
    page = client.get(link)
    return client.post(link, data=browser_form(page, answer="yes", intent="peers", **changes))


def test_chips_posted_with_the_rsvp_are_stored_as_confirmed(app, client, ana):
    link = link_of(app, ana)
    response = rsvp(
        client,
        link,
        **{"needs-0": "our books are a mess", "offers-0": "happy to mentor"},
        need_topics=["accounting_tax"],
        offer_topics=["mentoring"],
        topics_js="1",
    )
    assert response.headers["Location"].endswith("/done")  # the chips did the confirming
    guest = fresh(app, ana)
    assert guest.need_topics == ["accounting_tax"]
    assert guest.offer_topics == ["mentoring"]
    assert guest.topics_confirmed_at is not None
    # The page shows them as ticked chips next time, and unticking drops one.
    page = client.get(link).get_data(as_text=True)
    assert 'name="need_topics" value="accounting_tax" checked' in page
    rsvp(client, link, need_topics=[], topics_js="1")
    assert fresh(app, ana).need_topics == []
    assert fresh(app, ana).offer_topics == ["mentoring"]


def test_with_javascript_no_confirmation_step_follows_even_if_no_chip_was_tapped(app, client, ana):
    response = rsvp(client, link_of(app, ana), **{"needs-0": "our books are a mess"}, topics_js="1")
    assert response.headers["Location"].endswith("/done")
    assert fresh(app, ana).need_topics == []  # seating reads the words instead


def test_crafted_unknown_topic_ids_are_dropped_from_the_rsvp(app, client, ana):
    link = link_of(app, ana)
    rsvp(client, link, need_topics=["no_such_topic", "fundraising"], topics_js="1")
    assert fresh(app, ana).need_topics == ["fundraising"]


def test_without_javascript_a_confirmation_step_follows_saving(app, client, ana):
    link = link_of(app, ana)
    response = rsvp(client, link, **{"needs-0": "our books are a mess"})
    assert response.headers["Location"].endswith(f"{link}/topics")
    step = client.get(f"{link}/topics")
    text = text_of(step)
    assert "We read this as: Accounting, bookkeeping and tax — right?" in text
    assert "“our books are a mess”" in text or "our books are a mess" in text
    # The guess is ticked in advance: saving as is confirms it.
    saved = client.post(f"{link}/topics", data=browser_form(step, action="save"))
    assert saved.status_code == 303
    assert saved.headers["Location"].endswith("/done")
    assert fresh(app, ana).need_topics == ["accounting_tax"]
    assert "your topics are saved" in text_of(client.get(saved.headers["Location"]))


def test_no_js_search_adds_a_topic_to_tick_then_save(app, client, ana):
    link = link_of(app, ana)
    rsvp(client, link, **{"needs-0": "our books are a mess"})
    step = client.get(f"{link}/topics")
    searched = client.post(f"{link}/topics", data=browser_form(step, q="lawyer", action="search"))
    assert searched.status_code == 200
    body = searched.get_data(as_text=True)
    assert 'name="need_topics" value="legal_company"' in body
    data = browser_form(searched, action="save")
    data["need_topics"] = [*data.get("need_topics", []), "legal_company"]
    client.post(f"{link}/topics", data=data)
    assert fresh(app, ana).need_topics == ["accounting_tax", "legal_company"]


@pytest.mark.parametrize("bad", ["no_such_topic", XSS, "🙂"])
def test_confirm_step_rejects_an_unknown_topic_and_saves_nothing(app, client, ana, bad):
    link = link_of(app, ana)
    response = client.post(f"{link}/topics", data={"need_topics": [bad], "action": "save"})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "is not a topic of this dinner" in body
    assert "<script>alert(1)</script>" not in body
    assert fresh(app, ana).need_topics == []
    assert fresh(app, ana).topics_confirmed_at is None


def test_confirm_step_search_with_long_or_odd_text_is_fine(app, client, ana):
    link = link_of(app, ana)
    for q in ("x" * 10_000, XSS, "🙂", "法律"):
        response = client.post(f"{link}/topics", data={"q": q, "action": "search"})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


def test_one_guests_link_never_reads_or_writes_another_guest(app, client, make, event, ana):
    ben = make.guest(event, name="Ben Brown", email="ben@example.com", needs=["a lawyer"])
    ana_link = link_of(app, ana)
    # Ana's topic step shows her words only, and saving writes to her alone.
    assert "a lawyer" not in client.get(f"{ana_link}/topics").get_data(as_text=True)
    client.post(f"{ana_link}/topics", data={"need_topics": ["legal_company"], "action": "save"})
    assert fresh(app, ben).need_topics == []
    assert fresh(app, ana).need_topics == ["legal_company"]
    # A tampered token is refused outright.
    assert client.post(f"{ana_link}x/topics", data={"action": "save"}).status_code == 404
