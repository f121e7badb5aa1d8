"""Preview and send the introductions: one email per seated guest, naming their table."""

from __future__ import annotations

import html
import re

from dinnerplan.extensions import db
from dinnerplan.intros import sentences
from dinnerplan.intros.operations import queue_intros, send_intros
from dinnerplan.links import token_for
from dinnerplan.mail.operations import discard_queued, send_one
from dinnerplan.models import Guest, Message, SeatingVersion
from tests.factories import Inbox, browser_form, sign_in_as
from tests.intros.conftest import FIRST_PLAN, intro_url


def _send(client, dinner):
    sign_in_as(client, dinner.organizer)
    return client.post(intro_url(dinner, "send"), follow_redirects=True)


def test_each_guest_gets_one_email_naming_exactly_their_tablemates(client, dinner, inbox):
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)
    page = client.get(intro_url(dinner)).get_data(as_text=True)
    assert "8 emails to send; 0 already sent" in page

    page = _send(client, dinner).get_data(as_text=True)

    assert "0 emails to send; 8 already sent" in page
    assert "Sent 8 of 8" in page
    assert len(inbox.messages) == 8
    for table, firsts in FIRST_PLAN.items():
        for first in firsts:
            (message,) = inbox.to(dinner.guest(first).email)
            assert message["Subject"] == f"Your table at Founders' Supper: {table}"
            text = Inbox.text_of(message)
            mates = [dinner.guest(f).name for f in firsts if f != first]
            strangers = [g.name for g in dinner.others(*firsts)]
            assert all(name in text for name in mates), (first, text)
            assert not [name for name in strangers if name in text], (first, text)


def test_introduction_says_why_to_meet_in_both_directions(client, dinner, inbox):
    dinner.seat(FIRST_PLAN)
    _send(client, dinner)

    text = Inbox.text_of(inbox.to(dinner.guest("Ana").email)[0])

    assert "Ben Brook, Seedfund" in text
    assert "Angel investor" in text
    assert "Here to: Give back / mentor" in text
    assert (
        "You could help Ben with “a new logo” (you offer “logo design”); "
        "Ben could help you with “intros to seed investors”." in text
    )
    assert "Opener: Ask Ben: “If you were in my shoes, what would you do first?”" in text
    # Cleo (a lawyer) and Ana (a designer) cannot help each other: the intent reason.
    assert "You both came to find clients." in text
    # Ana's own personal link, not somebody else's.
    assert re.search(r"http://localhost/r/[\w.-]+", text)
    # A one-liner can meet a need too: Cleo is the lawyer Finn is looking for.
    cleo = Inbox.text_of(inbox.to(dinner.guest("Cleo").email)[0])
    assert "You could help Finn with “a startup lawyer” (you are “Startup lawyer”)." in cleo
    finn = Inbox.text_of(inbox.to(dinner.guest("Finn").email)[0])
    assert "Cleo could help you with “a startup lawyer”." in finn
    # Issue 13.7: an opener reads naturally, never "Ask Cleo about “Startup lawyer”".
    assert "Opener: Ask Cleo: “If you were in my shoes, what would you do first?”" in finn
    html = Inbox.html_of(inbox.to(dinner.guest("Ana").email)[0])
    assert "You could help Ben with “a new logo”" in html


def test_the_opener_is_a_question_and_never_repeats_why_meet(client, dinner, inbox):
    # Visual review: "Why meet" and "Opener" said the same thing ("Ben could help you with
    # “intros …”" / "Tell Ben you're looking for “intros …”: they offer just that").
    dinner.seat(FIRST_PLAN)
    _send(client, dinner)

    for message in inbox.messages:
        text = Inbox.text_of(message)
        whys = re.findall(r"^  Why meet: (.+?)\r?$", text, re.M)
        openers = re.findall(r"^  Opener: (.+?)\r?$", text, re.M)
        assert len(whys) == len(openers) == 3, text
        for why_line, opener in zip(whys, openers, strict=True):
            assert re.fullmatch(r"Ask \w+: “[^“”]+\?”( Then say what you can offer\.)?", opener)
            quoted = set(re.findall(r"“([^”]+)”", why_line))
            assert not quoted & set(re.findall(r"“([^”]+)”", opener)), (why_line, opener)
            assert not {w.strip(".") for w in why_line.split(";")} & {opener}, opener
    ana = Inbox.text_of(inbox.to(dinner.guest("Ana").email)[0])
    # Cleo and Ana share only their intent: the opener asks, it does not say it again; it
    # is one of the generic questions that fit Cleo (a lawyer at Lexa, looking for clients).
    (cleo_opener,) = re.findall(r"^  Opener: Ask Cleo: “([^”]+)”\r?$", ana, re.M)
    assert cleo_opener in {
        sentences._INTENT_QUESTIONS["clients"],
        *sentences._TONIGHT_QUESTIONS,
        *sentences._WORK_QUESTIONS,
        *sentences._COMPANY_QUESTIONS,
    }
    assert "Talk to Ben first. Ask Ben: “If you were in my shoes" in ana
    # Eve (a recruiter) can help Dev hire; Dev cannot help Eve: she asks, then offers.
    dev = Inbox.text_of(inbox.to(dinner.guest("Eve").email)[0])
    assert "Ask Dev: “What have you tried so far?” Then say what you can offer." in dev


def test_talk_order_follows_minutes_per_guest_with_the_host_first(client, dinner, inbox, app):
    with app.app_context():
        from dinnerplan.models import Event

        db.session.get(Event, dinner.event.id).minutes_per_guest = 7
        db.session.commit()
    dinner.seat(FIRST_PLAN, host={"Table A": "Cleo"})
    _send(client, dinner)

    text = Inbox.text_of(inbox.to(dinner.guest("Ana").email)[0])
    assert "Talk order (7 min each):" in text
    order = re.findall(r"^\s+(\d:\d\d) (.+?)\r?$", text.split("Talk order")[1], re.M)
    assert order[:4] == [
        ("0:00", "Cleo Chen (host)"),
        ("0:07", "Ana Alvarez (you)"),
        ("0:14", "Ben Brook"),
        ("0:21", "Finn Ford"),
    ]


def test_a_tablemate_named_like_html_is_escaped(client, dinner, inbox, make):
    x = make.guest(dinner.event, name="<b>X</b> Bold", email="x@example.com", rsvp="yes")
    dinner.guests["<b>X</b>"] = x
    dinner.seat({"Table A": ["Ana", "<b>X</b>"], "Table B": ["Ben"]})
    sign_in_as(client, dinner.organizer)
    preview = client.get(intro_url(dinner) + f"?guest={dinner.guest('Ana').id}")

    _send(client, dinner)

    html = Inbox.html_of(inbox.to(dinner.guest("Ana").email)[0])
    assert "&lt;b&gt;X&lt;/b&gt; Bold" in html
    assert "<b>X</b>" not in html
    assert "<b>X</b> Bold" in Inbox.text_of(inbox.to(dinner.guest("Ana").email)[0])
    page = preview.get_data(as_text=True)
    assert "<b>X</b>" not in page
    assert "&lt;b&gt;X&lt;/b&gt; Bold" in page


def test_sending_twice_delivers_each_introduction_once(client, dinner, inbox, app):
    dinner.seat(FIRST_PLAN)
    _send(client, dinner)
    page = _send(client, dinner).get_data(as_text=True)

    assert len(inbox.messages) == 8
    assert sorted(m["To"] for m in inbox.messages) == sorted(
        g.email for g in dinner.guests.values()
    )
    assert "Every seated guest has their introduction" in page
    with app.app_context():
        rows = db.session.execute(db.select(Message).where(Message.kind == "intro")).scalars()
        assert [(m.status, m.attempts) for m in rows] == [("sent", 1)] * 8


def test_a_worker_killed_mid_batch_and_restarted_sends_each_once(client, dinner, inbox, app):
    version_id = dinner.seat(FIRST_PLAN)
    with app.app_context():
        # The first worker records the batch and sends half of it, then dies.
        ids = queue_intros(db.session.get(SeatingVersion, version_id))
        db.session.commit()
        discard_queued()
        for message_id in ids[:4]:
            send_one(message_id)
    assert len(inbox.messages) == 4
    sign_in_as(client, dinner.organizer)
    page = client.get(intro_url(dinner)).get_data(as_text=True)
    assert "4 emails to send; 4 already sent." in page
    assert "Sent 4 of 8 (sending…)" in page
    assert 'http-equiv="refresh"' in page  # progress updates itself

    with app.app_context():
        assert send_intros(version_id) == 4  # the restarted job
        assert send_intros(version_id) == 0  # and a retry of it
        rows = list(db.session.execute(db.select(Message)).scalars())
        assert {(m.status, m.attempts) for m in rows} == {("sent", 1)}
        assert len(rows) == 8

    assert len(inbox.messages) == 8
    assert len({m["To"] for m in inbox.messages}) == 8


def test_nothing_is_sent_before_a_seating_is_published(client, dinner, inbox):
    dinner.seat(FIRST_PLAN, publish=False)
    sign_in_as(client, dinner.organizer)

    page = client.get(intro_url(dinner)).get_data(as_text=True)
    assert "No seating is published yet" in page
    assert f'href="/events/{dinner.event.id}/seating/">Go to seating</a>' in page
    page = client.post(intro_url(dinner, "send"), follow_redirects=True).get_data(as_text=True)

    assert "Publish a seating first" in page
    assert inbox.messages == []


def test_another_organizers_event_answers_404(client, dinner, make, inbox):
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, make.organizer())

    assert client.get(intro_url(dinner)).status_code == 404
    assert client.post(intro_url(dinner, "send")).status_code == 404
    assert client.post(intro_url(dinner, "changes")).status_code == 404
    assert inbox.messages == []


def test_signed_out_organizer_is_sent_to_sign_in(client, dinner):
    response = client.get(intro_url(dinner))
    assert response.status_code == 302
    assert "/auth/signin" in response.headers["Location"]


def test_a_guest_who_declines_after_publishing_is_left_out_of_the_introductions(
    client, dinner, inbox, app
):
    dinner.seat(FIRST_PLAN)
    finn = dinner.guest("Finn")  # Table A, shares his phone number with tablemates
    with app.app_context():
        link = f"/r/{token_for(db.session.get(Guest, finn.id))}"
    client.post(link, data=browser_form(client.get(link), answer="no"))
    inbox.clear()

    sign_in_as(client, dinner.organizer)
    preview = html.unescape(client.get(intro_url(dinner)).get_data(as_text=True))
    assert "Finn Ford is seated but no longer coming" in preview
    assert "7 emails to send; 0 already sent" in preview
    page = _send(client, dinner).get_data(as_text=True)

    assert "Sent 7 of 7" in page
    assert len(inbox.messages) == 7
    assert inbox.to(finn.email) == []
    for message in inbox.messages:
        for body in (Inbox.text_of(message), Inbox.html_of(message)):
            assert finn.name not in body
            assert finn.phone not in body
    (ana,) = inbox.to(dinner.guest("Ana").email)
    assert all(dinner.guest(f).name in Inbox.text_of(ana) for f in ("Ben", "Cleo"))


def test_introduction_is_styled_titled_and_names_job_titles(client, dinner, inbox, app):
    """Issue 13.7: styled like the invitation, a <title>, tablemates' job titles."""
    with app.app_context():
        db.session.get(Guest, dinner.guest("Ben").id).title = "CEO & co-founder"
        db.session.commit()
    dinner.seat(FIRST_PLAN)
    _send(client, dinner)

    message = inbox.to(dinner.guest("Ana").email)[0]
    text, page = Inbox.text_of(message), Inbox.html_of(message)
    assert "Ben Brook, CEO & co-founder, Seedfund" in text
    assert "CEO &amp; co-founder, Seedfund" in page
    assert "<title>Your table at Founders&#39; Supper: Table A</title>" in page
    assert "background:#f7f5f0" in page  # the invitation's layout
    assert "Open your page" in page


def test_preview_toggles_phone_width_and_sends_the_organizer_a_test(client, dinner, inbox, app):
    """Issue 13.8: phone/desktop preview, and "send me a test" to the organizer only."""
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)
    ben = dinner.guest("Ben")
    page = client.get(intro_url(dinner) + f"?guest={ben.id}&view=phone").get_data(as_text=True)
    assert 'class="intros-html intros-html-phone"' in page
    assert re.search(r'<a href="[^"]*view=phone" aria-current="true">Phone</a>', page)

    form = {"guest": str(ben.id), "nonce": "test-nonce-1"}
    response = client.post(intro_url(dinner, "test"), data=form, follow_redirects=True)
    client.post(intro_url(dinner, "test"), data=form)  # a double click: still one test

    assert f"to {dinner.organizer.email}" in response.get_data(as_text=True)
    (test,) = inbox.to(dinner.organizer.email)
    assert test["Subject"] == "[Test] Your table at Founders' Supper: Table A (to Ben Brook)"
    assert "Hello Ben" in Inbox.text_of(test)
    assert inbox.to(ben.email) == []  # the guest gets nothing
    page = client.get(intro_url(dinner)).get_data(as_text=True)
    assert "8 emails to send" in page  # a test is not an introduction
