"""The organizer's guest list: list, filter, add, edit with profile, remove, access."""

from __future__ import annotations

import re

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Assignment, GuestLink, SeatingVersion, Table
from tests.factories import XSS, guests_of, sign_in_as


@pytest.fixture
def organizer(make):
    return make.organizer()


@pytest.fixture
def event(make, organizer):
    return make.event(organizer, title="Founders' Supper")


@pytest.fixture
def org_client(client, organizer):
    return sign_in_as(client, organizer)


def guest_data(**fields) -> dict:
    data = {"name": "Ada Lovelace", "email": "ada@example.com", "company": "Engines Ltd"}
    data.update({"rsvp": "invited", **fields})
    return data


def test_list_shows_guests_counts_and_profile_state(org_client, make, event):
    make.guest(event, name="Ada Lovelace", company="Engines", rsvp="yes")
    make.guest(event, name="Bo Chen", rsvp="no", offers=["Design"], intent="hire")
    page = org_client.get(f"/events/{event.id}/guests/").get_data(as_text=True)
    assert "Ada Lovelace" in page
    assert "Bo Chen" in page
    assert "Engines" in page
    assert 'class="badge badge-yes">yes' in page
    assert "missing" in page
    assert "complete" in page
    assert "Hire" in page
    assert re.search(r"<strong>2</strong> all", page)
    assert re.search(r"<strong>1</strong> no", page)


def test_filter_by_rsvp_and_search(org_client, make, event):
    make.guest(event, name="Ada Lovelace", company="Engines", rsvp="yes")
    make.guest(event, name="Bo Chen", company="Looms", email="bo@looms.example", rsvp="no")
    url = f"/events/{event.id}/guests/"
    page = org_client.get(url, query_string={"rsvp": "yes"}).get_data(as_text=True)
    assert "Ada Lovelace" in page
    assert "Bo Chen" not in page
    page = org_client.get(url, query_string={"q": "LOOMS"}).get_data(as_text=True)
    assert "Bo Chen" in page
    assert "Ada Lovelace" not in page
    page = org_client.get(url, query_string={"q": "bo@looms"}).get_data(as_text=True)
    assert "Bo Chen" in page
    assert "Showing 1 of 2" in page


def test_add_guest_stores_lowercase_email(app, org_client, event):
    response = org_client.post(
        f"/events/{event.id}/guests/new",
        data=guest_data(email="Ada@Example.COM", rsvp="yes"),
        follow_redirects=True,
    )
    assert "Added Ada Lovelace." in response.get_data(as_text=True)
    [guest] = guests_of(app, event)
    assert guest.email == "ada@example.com"
    assert guest.rsvp == "yes"
    assert guest.responded_at


def test_add_guest_errors_next_to_fields_and_nothing_saved(app, org_client, make, event):
    make.guest(event, email="ada@example.com")
    url = f"/events/{event.id}/guests/new"
    page = org_client.post(url, data=guest_data(name="", email="ADA@example.com")).get_data(
        as_text=True
    )
    assert "Enter the guest&#39;s name." in page
    assert "Another guest of this event already has this email address." in page
    page = org_client.post(url, data=guest_data(email="bob@")).get_data(as_text=True)
    assert "Enter a valid email address" in page
    assert len(guests_of(app, event)) == 1


def test_same_email_allowed_at_another_event(app, org_client, make, organizer, event):
    other = make.event(organizer)
    make.guest(other, email="ada@example.com")
    org_client.post(f"/events/{event.id}/guests/new", data=guest_data())
    assert len(guests_of(app, event)) == 1


def test_edit_saves_details_and_profile_together(app, org_client, make, event):
    guest = make.guest(event, name="Ada Lovelace", email="ada@example.com")
    friend = make.guest(event, name="Bo Chen")
    data = guest_data(
        company="Analytical Engines",
        phone="+44 20 7946 0000",
        one_liner="I build engines",
        **{"offers-0": "Maths tutoring", "needs-0": "Funding", "needs-1": "funding"},
        intent="investors",
        dietary=["vegan"],
        prefer=[str(friend.id)],
    )
    response = org_client.post(
        f"/events/{event.id}/guests/{guest.id}/edit", data=data, follow_redirects=True
    )
    assert "Saved Ada Lovelace." in response.get_data(as_text=True)
    saved = guests_of(app, event)[0]
    assert saved.company == "Analytical Engines"
    assert saved.phone == "+44 20 7946 0000"
    assert saved.offers == ["Maths tutoring"]
    assert saved.needs == ["Funding"]
    assert saved.intent == "investors"
    assert saved.dietary == ["vegan"]
    assert saved.has_profile
    with app.app_context():
        links = db.session.scalars(db.select(GuestLink)).all()
        assert [(link.guest_id, link.other_id, link.kind) for link in links] == [
            (guest.id, friend.id, "prefer")
        ]


def test_edit_with_profile_error_saves_nothing(app, org_client, make, event):
    guest = make.guest(event, name="Ada Lovelace", email="ada@example.com")
    friend = make.guest(event, name="Bo Chen")
    data = guest_data(
        company="Changed Co", prefer=[str(friend.id)], avoid=[str(friend.id)], intent="hire"
    )
    page = org_client.post(f"/events/{event.id}/guests/{guest.id}/edit", data=data).get_data(
        as_text=True
    )
    assert "Someone is in both lists; choose one." in page
    assert "Please fix the problems marked below." in page
    saved = guests_of(app, event)[0]
    assert saved.company == ""
    assert saved.intent is None


def test_edit_keeps_own_email_but_refuses_anothers(app, org_client, make, event):
    guest = make.guest(event, name="Ada", email="ada@example.com")
    make.guest(event, email="bo@example.com")
    url = f"/events/{event.id}/guests/{guest.id}/edit"
    assert org_client.post(url, data=guest_data(email="ADA@example.com")).status_code == 302
    page = org_client.post(url, data=guest_data(email="Bo@example.com")).get_data(as_text=True)
    assert "Another guest of this event already has this email address." in page


def test_edit_page_suggests_offers_and_needs_from_the_event(org_client, make, organizer, event):
    make.guest(event, offers=["Intros to VCs", "Design"], needs=["design"])
    make.guest(make.event(organizer), offers=["Secret elsewhere"])
    guest = make.guest(event)
    page = org_client.get(f"/events/{event.id}/guests/{guest.id}/edit").get_data(as_text=True)
    datalist = re.search(r'<datalist id="item-suggestions">(.*?)</datalist>', page, re.S).group(1)
    assert re.findall(r'value="([^"]*)"', datalist) == ["Design", "Intros to VCs"]
    assert 'list="item-suggestions"' in page


def test_delete_asks_then_removes_links_and_seats(app, org_client, make, event):
    guest = make.guest(event, name="Ada Lovelace")
    other = make.guest(event, name="Bo Chen")
    with app.app_context():
        table = Table(event_id=event.id, name="Table 1", host_guest_id=guest.id)
        version = SeatingVersion(event_id=event.id, number=1, kind="solve")
        db.session.add_all([table, version])
        db.session.flush()
        db.session.add_all(
            [
                GuestLink(guest_id=guest.id, other_id=other.id, kind="prefer"),
                GuestLink(guest_id=other.id, other_id=guest.id, kind="avoid"),
                Assignment(version_id=version.id, guest_id=guest.id, table_id=table.id),
            ]
        )
        db.session.commit()
    url = f"/events/{event.id}/guests/{guest.id}/delete"
    page = org_client.get(url).get_data(as_text=True)
    assert "Remove Ada Lovelace?" in page
    assert len(guests_of(app, event)) == 2
    page = org_client.post(url, follow_redirects=True).get_data(as_text=True)
    assert "Removed Ada Lovelace from the guest list." in page
    assert [g.name for g in guests_of(app, event)] == ["Bo Chen"]
    with app.app_context():
        assert db.session.scalars(db.select(GuestLink)).all() == []
        assert db.session.scalars(db.select(Assignment)).all() == []
        assert db.session.scalars(db.select(Table)).one().host_guest_id is None


def test_guest_name_is_escaped(org_client, make, event):
    guest = make.guest(event, name=XSS, company=XSS)
    for url in (f"/events/{event.id}/guests/", f"/events/{event.id}/guests/{guest.id}/edit"):
        page = org_client.get(url).get_data(as_text=True)
        assert XSS not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


ROUTES = [
    ("get", "/events/{e}/guests/"),
    ("get", "/events/{e}/guests/new"),
    ("post", "/events/{e}/guests/new"),
    ("get", "/events/{e}/guests/{g}/edit"),
    ("post", "/events/{e}/guests/{g}/edit"),
    ("get", "/events/{e}/guests/{g}/delete"),
    ("post", "/events/{e}/guests/{g}/delete"),
    ("get", "/events/{e}/guests/import"),
    ("post", "/events/{e}/guests/import"),
    ("get", "/events/{e}/guests/import/preview"),
    ("post", "/events/{e}/guests/import/confirm"),
    ("get", "/events/{e}/guests/export.csv"),
]


@pytest.mark.parametrize(("method", "route"), ROUTES)
def test_another_organizers_event_and_guest_answer_404(app, client, make, method, route):
    owner, intruder = make.organizer(), make.organizer()
    event = make.event(owner)
    guest = make.guest(event, name="Ada Lovelace")
    sign_in_as(client, intruder)
    response = getattr(client, method)(route.format(e=event.id, g=guest.id), data=guest_data())
    assert response.status_code == 404
    assert [g.name for g in guests_of(app, event)] == ["Ada Lovelace"]


def test_guest_of_another_event_answers_404_even_for_own_event(client, make, organizer, event):
    sign_in_as(client, organizer)
    stranger = make.guest(make.event(make.organizer()))
    for suffix in ("edit", "delete"):
        url = f"/events/{event.id}/guests/{stranger.id}/{suffix}"
        assert client.get(url).status_code == 404


def test_signed_out_is_sent_to_sign_in(client, event):
    response = client.get(f"/events/{event.id}/guests/")
    assert response.status_code == 302
    assert "/auth/signin" in response.headers["Location"]


def test_event_panel_links_to_the_guest_pages(org_client, make, event):
    make.guest(event)
    make.guest(event)
    html = org_client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "<strong>2</strong> guests" in html
    for path in ("/guests/", "/guests/new", "/guests/import", "/guests/export.csv"):
        assert f'href="/events/{event.id}{path}"' in html


class TestCsrf:
    """With CSRF on, the guest forms refuse posts without the page's token."""

    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "WTF_CSRF_ENABLED": True}

    def test_forms_need_the_token(self, app, org_client, make, event):
        guest = make.guest(event, name="Ada Lovelace")
        base = f"/events/{event.id}/guests"
        for url in (f"{base}/new", f"{base}/{guest.id}/edit", f"{base}/{guest.id}/delete"):
            assert org_client.post(url, data=guest_data(name="Hacked")).status_code == 400
        assert org_client.post(f"{base}/import/confirm").status_code == 400
        assert [g.name for g in guests_of(app, event)] == ["Ada Lovelace"]
        page = org_client.get(f"{base}/new").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        data = guest_data(email="new@example.com", csrf_token=token)
        assert org_client.post(f"{base}/new", data=data).status_code == 302
        page = org_client.get(f"{base}/{guest.id}/delete").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        org_client.post(f"{base}/{guest.id}/delete", data={"csrf_token": token})
        assert [g.email for g in guests_of(app, event)] == ["new@example.com"]


def test_add_guest_form_says_not_answered_like_every_other_page(org_client, make, event):
    # Visual review: the form said "Invited (no answer yet)"; the guest list, the RSVP list
    # and the event page all say "not answered" for the same state.
    make.guest(event, rsvp="invited")
    form = org_client.get(f"/events/{event.id}/guests/new").get_data(as_text=True)
    listing = org_client.get(f"/events/{event.id}/guests/").get_data(as_text=True)

    assert re.search(r'<option[^>]*value="invited"[^>]*>Not answered</option>', form), form
    assert "no answer yet" not in form.lower()
    assert "not answered" in listing
