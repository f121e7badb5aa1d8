"""The organizer's Needs and offers page.

Least sure first, bulk accept/correct, unmet needs, asking guests by email, and
per-organizer authorization.
"""

from __future__ import annotations

import re

import pytest

from tests.factories import XSS, sign_in, text_of
from tests.topics.conftest import fresh


@pytest.fixture
def crowd(make, event):
    """Guests who said yes, with what they wrote."""
    return {
        "ana": make.guest(
            event, name="Ana Alvarez", rsvp="yes", needs=["our books are a mess"], offers=[]
        ),
        "ben": make.guest(event, name="Ben Brown", rsvp="yes", offers=["CPA for small businesses"]),
        "cy": make.guest(
            event,
            name="Cy Chen",
            rsvp="yes",
            needs=["need a lawyer for contracts"],
            need_topics=["legal_company"],  # confirmed
        ),
        "dee": make.guest(event, name="Dee Diaz", rsvp="yes", needs=["legal help with contracts"]),
        "eve": make.guest(event, name="Eve Evans", rsvp="yes", needs=["qqqq wwww"]),
        "fay": make.guest(event, name="Fay Fox", rsvp="no", needs=["a lawyer"]),
    }


def rows_in_order(body: str) -> list[str]:
    """Row keys of the bulk table, top to bottom."""
    return re.findall(r'name="rows" value="([^"]+)"', body)


def test_page_lists_every_need_and_offer_least_sure_first(app, org_client, event, crowd):
    response = org_client.get(f"/events/{event.id}/topics")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    order = rows_in_order(body)
    # Eve's words match nothing: first. Declined Fay is left out.
    assert order[0] == f"{crowd['eve'].id}:need"
    assert f"{crowd['fay'].id}:need" not in order
    assert f"{crowd['ana'].id}:need" in order
    assert f"{crowd['ben'].id}:offer" in order
    text = text_of(response)
    assert "Accounting, bookkeeping and tax" in text
    assert "%" in text


def test_bulk_accept_confirms_the_guesses(app, org_client, event, crowd):
    keys = [f"{crowd['ana'].id}:need", f"{crowd['ben'].id}:offer"]
    response = org_client.post(
        f"/events/{event.id}/topics", data={"rows": keys, "action": "accept", "topic": ""}
    )
    assert response.status_code == 302
    assert fresh(app, crowd["ana"]).need_topics == ["accounting_tax"]
    assert fresh(app, crowd["ben"]).offer_topics[0] == "accounting_tax"
    assert fresh(app, crowd["dee"]).need_topics == []  # not ticked
    page = org_client.get(f"/events/{event.id}/topics").get_data(as_text=True)
    assert "Updated 2 of 2 ticked." in page
    confirmed = {*keys, f"{crowd['cy'].id}:need"}
    assert set(rows_in_order(page)[-3:]) == confirmed  # confirmed rows go to the end


def test_bulk_correct_sets_one_topic_on_many_rows(app, org_client, event, crowd):
    keys = [f"{crowd['eve'].id}:need", f"{crowd['cy'].id}:need"]
    org_client.post(
        f"/events/{event.id}/topics",
        data={"rows": keys, "action": "replace", "topic": "grants"},
    )
    assert fresh(app, crowd["eve"]).need_topics == ["grants"]
    assert fresh(app, crowd["cy"]).need_topics == ["grants"]
    org_client.post(
        f"/events/{event.id}/topics",
        data={"rows": keys[:1], "action": "add", "topic": "mentoring"},
    )
    assert fresh(app, crowd["eve"]).need_topics == ["grants", "mentoring"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "accept"}, "Tick at least one need or offer first."),
        ({"rows": ["1:need"], "action": "replace", "topic": ""}, "Choose the topic to set or add."),
        ({"rows": ["1:need"], "action": "replace", "topic": "no_such"}, "Not a valid choice"),
        ({"rows": ["1:need"], "action": "replace", "topic": XSS}, "Not a valid choice"),
        ({"rows": ["1:need"], "action": "explode"}, "Not a valid choice"),
    ],
)
def test_bulk_bad_input_says_why_and_changes_nothing(app, org_client, event, crowd, data, message):
    response = org_client.post(f"/events/{event.id}/topics", data=data)
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert message in body
    assert "<script>alert(1)</script>" not in body
    assert all(fresh(app, g).need_topics == g.need_topics for g in crowd.values())


def test_bulk_ignores_rows_of_another_event(app, org_client, make, organizer, event, crowd):
    other = make.guest(make.event(organizer), name="Other Guest", needs=["a lawyer"])
    keys = [f"{other.id}:need", "garbage", "999999:need", f"{crowd['eve'].id}:sideways"]
    org_client.post(
        f"/events/{event.id}/topics", data={"rows": keys, "action": "replace", "topic": "grants"}
    )
    assert fresh(app, other).need_topics == []
    assert fresh(app, crowd["eve"]).need_topics == []


def test_unmet_needs_name_the_topic_and_who_needs_it(app, org_client, event, crowd):
    text = text_of(org_client.get(f"/events/{event.id}/topics"))
    # Cy and Dee need a lawyer and nobody coming offers legal help; Ana's accounting need is
    # met by Ben; Fay declined, so she is not counted.
    assert re.search(r"Company law[^:]*: 2 guests need it; nobody coming offers", text), text
    assert "(Cy Chen, Dee Diaz)" in text
    assert "Accounting, bookkeeping and tax: " not in text


def test_an_offer_that_meets_it_clears_the_unmet_need(app, org_client, make, event, crowd):
    make.guest(event, name="Gil Grant", rsvp="yes", offers=["startup lawyer, contracts"])
    text = text_of(org_client.get(f"/events/{event.id}/topics"))
    assert "Company law: 2 guests need it" not in text


def test_ask_emails_each_unconfirmed_guest_once(app, org_client, event, crowd, inbox):
    from tests.e2e.conftest import wait_for_mail

    org_client.post(
        f"/events/{event.id}/topics",
        data={"rows": [f"{crowd['ana'].id}:need"], "action": "accept", "topic": ""},
    )
    response = org_client.post(f"/events/{event.id}/topics/ask", follow_redirects=True)
    # Ben, Dee, Eve wrote something and confirmed nothing. Ana and Cy confirmed; Fay declined.
    assert "Asking 3 guests to confirm their topics." in text_of(response)
    message = wait_for_mail(inbox, crowd["dee"].email)[0]
    assert message["Subject"] == "Did we read you right? Founders' Supper"
    link = re.search(r"http://localhost(/r/\S+/topics)", inbox.text_of(message)).group(1)
    assert "We read this as" in text_of(org_client.get(link))
    assert not inbox.to(crowd["ana"].email)
    assert not inbox.to(crowd["fay"].email)
    assert not inbox.to(crowd["cy"].email)
    again = org_client.post(f"/events/{event.id}/topics/ask", follow_redirects=True)
    assert "already been asked" in text_of(again)
    assert len(inbox.messages) == 3


def test_another_organizers_event_is_404_everywhere(app, client, make, event, crowd):
    sign_in(client, make.organizer())
    base = f"/events/{event.id}/topics"
    assert client.get(base).status_code == 404
    accept = {"rows": [f"{crowd['ana'].id}:need"], "action": "accept"}
    assert client.post(base, data=accept).status_code == 404
    assert client.post(f"{base}/ask").status_code == 404
    assert client.get(f"{base}/settings").status_code == 404
    assert client.post(f"{base}/settings/add", data={"name": "Wine"}).status_code == 404
    assert client.post(f"{base}/settings/hidden", data={"hidden": ["grants"]}).status_code == 404
    assert fresh(app, crowd["ana"]).need_topics == []


def test_signed_out_is_sent_to_sign_in(client, event):
    response = client.get(f"/events/{event.id}/topics")
    assert response.status_code == 302
    assert "/auth/signin" in response.headers["Location"]


def test_event_page_links_to_needs_and_offers(org_client, event):
    body = org_client.get(f"/events/{event.id}").get_data(as_text=True)
    assert f'href="/events/{event.id}/topics"' in body


def test_an_offer_typed_as_a_need_is_shown_where_it_was_read(app, org_client, make, event):
    gia = make.guest(
        event, name="Gia Gomez", rsvp="yes", needs=["Would like to mentor women in tech"]
    )
    response = org_client.get(f"/events/{event.id}/topics")
    body = response.get_data(as_text=True)
    rows = re.findall(r'<tr class="[^"]*">(.*?)</tr>', body, re.S)
    need = next(r for r in rows if f'value="{gia.id}:need"' in r)
    offer = next(r for r in rows if f'value="{gia.id}:offer"' in r)
    # The needs row does not claim that nothing was read: it points at the offers row...
    assert "Nothing read" not in need
    assert "Read as an offer:" in need
    assert "Mentoring and coaching" in need
    # ...which quotes the words it was read from, and says where they were written.
    assert "Would like to mentor women in tech" in offer
    assert "(written under Needs)" in offer
    assert "Mentoring and coaching" in offer


def test_filters_show_only_their_rows_with_counts(app, org_client, event, crowd):
    base = f"/events/{event.id}/topics"
    confirmed = f"{crowd['cy'].id}:need"
    check = rows_in_order(org_client.get(f"{base}?show=check").get_data(as_text=True))
    read = rows_in_order(org_client.get(f"{base}?show=read").get_data(as_text=True))
    done = rows_in_order(org_client.get(f"{base}?show=confirmed").get_data(as_text=True))
    every = rows_in_order(org_client.get(base).get_data(as_text=True))
    assert done == [confirmed]
    assert f"{crowd['eve'].id}:need" in check  # nothing read from "qqqq wwww"
    assert f"{crowd['ben'].id}:offer" in read  # "CPA for small businesses": read, unconfirmed
    assert sorted(check + read + done) == sorted(every)
    text = text_of(org_client.get(f"{base}?show=confirmed"))
    assert f"All {len(every)}" in text
    assert "Confirmed 1" in text
    # An unknown filter shows everything rather than failing.
    assert rows_in_order(org_client.get(f"{base}?show=<b>").get_data(as_text=True)) == every


def test_a_long_list_is_paged_and_an_edit_returns_to_its_page(app, org_client, make, event):
    from dinnerplan.topics.pages import REVIEW_PER_PAGE

    for n in range(REVIEW_PER_PAGE + 5):
        make.guest(event, name=f"Guest {n:03}", rsvp="yes", needs=[f"help with thing {n}"])
    base = f"/events/{event.id}/topics"
    first = rows_in_order(org_client.get(base).get_data(as_text=True))
    second_page = org_client.get(f"{base}?page=2")
    second = rows_in_order(second_page.get_data(as_text=True))
    assert len(first) == REVIEW_PER_PAGE
    assert len(second) == 5
    assert not set(first) & set(second)
    assert f"Rows {REVIEW_PER_PAGE + 1}–{REVIEW_PER_PAGE + 5} of" in text_of(second_page)
    # A page past the end shows the last page; a bad number the first.
    assert rows_in_order(org_client.get(f"{base}?page=99").get_data(as_text=True)) == second
    assert rows_in_order(org_client.get(f"{base}?page=x").get_data(as_text=True)) == first
    response = org_client.post(
        f"{base}?page=2", data={"rows": second[:1], "action": "replace", "topic": "grants"}
    )
    assert response.headers["Location"].endswith(f"{base}?page=2")


def test_many_unmet_needs_fold_after_the_first_few(app, org_client, make, event):
    from dinnerplan.topics.pages import UNMET_SHOWN

    needs = ["a patent attorney", "a tax accountant", "an immigration lawyer", "a photographer"]
    needs += ["an insurance broker", "a podcast producer", "a translator"]
    for n, need in enumerate(needs):
        make.guest(event, name=f"Guest {n}", rsvp="yes", needs=[need], offers=[])
    body = org_client.get(f"/events/{event.id}/topics").get_data(as_text=True)
    shown, folded = body.split('<details class="unmet-more">')
    folded = folded.split("</details>")[0]
    assert shown.count("nobody coming offers") == UNMET_SHOWN
    extra = folded.count("need it;") + folded.count("needs it;")
    assert extra == len(needs) - UNMET_SHOWN
    assert f"{extra} more topic" in folded


def test_a_job_seeker_is_not_unmet_when_a_team_coming_is_hiring(app, org_client, make, event):
    # Both wrote in their needs box: the hirer's need is also a job on offer, the job
    # seeker's need is also a candidate on offer (as seating reads them), so neither is unmet.
    for name, need, topic in (
        ("Hal Hirer", "hiring two backend engineers", "hire_engineering"),
        ("Jo Seeker", "looking for my next backend engineering role", "job_engineering"),
    ):
        make.guest(event, name=name, rsvp="yes", needs=[need], need_topics=[topic], offers=[])
    text = text_of(org_client.get(f"/events/{event.id}/topics"))
    assert "nobody coming offers" not in text, text
