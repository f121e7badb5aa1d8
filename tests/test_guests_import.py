"""CSV import on the web: ticketing sites' exports, and upload -> preview -> confirm."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dinnerplan.extensions import db
from dinnerplan.models import Guest
from tests.factories import XSS, guests_of, sign_in_as

DATA = Path(__file__).parent / "data"


@pytest.fixture
def app_config(app_config, tmp_path):
    return {**app_config, "IMPORT_FOLDER": str(tmp_path / "imports")}


@pytest.fixture
def organizer(make):
    return make.organizer()


@pytest.fixture
def event(make, organizer):
    return make.event(organizer)


@pytest.fixture
def org_client(client, organizer):
    return sign_in_as(client, organizer)


def upload(client, event, data: bytes, filename: str = "guests.csv"):
    """Post the file to the upload form and follow to the preview."""
    return client.post(
        f"/events/{event.id}/guests/import",
        data={"file": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def confirm(client, event, skip_invalid: bool = False):
    data = {"skip_invalid": "y"} if skip_invalid else {}
    return client.post(
        f"/events/{event.id}/guests/import/confirm", data=data, follow_redirects=True
    )


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        (
            "eventbrite.csv",
            {
                "amara.okafor@example.com": ("Amara Okafor", "Brightwave Energy", "yes"),
                "ben.whitfield@example.org": ("Ben Whitfield", "Ledgerly", "yes"),
                "chiara.rossi@example.com": ("Chiara Rossi", "Nordlicht GmbH", "no"),
                "dev.patel@example.net": ("Dev Patel", "", "yes"),
            },
        ),
        (
            "meetup.csv",
            {
                "elena.markovic@example.com": ("Elena Markovic", "", "yes"),
                "farid@example.io": ("Farid Haddad", "", "yes"),
                "grace.liu@example.com": ("Grace Liu", "", "waitlist"),
                "hugo.dubois@example.fr": ("Hugo Dubois", "", "no"),
            },
        ),
        (
            "luma.csv",
            {
                "ines@example.pt": ("Ines Fernandes", "Atlas Robotics", "yes"),
                "jonas.berg@example.se": ("Jonas Berg", "Fjord Capital", "invited"),
                "kemi@example.ng": ("Kemi Adeyemi", "Adeyemi Foods", "no"),
                "lars@example.no": ("Lars Nilsen", "", "waitlist"),
            },
        ),
        (
            "tito.csv",
            {
                "maya.cohen@example.com": ("Maya Cohen", "Cohen Design", "invited"),
                "nikhil@example.in": ("Nikhil Rao", "Rao Analytics", "invited"),
                "olu.bankole@example.co.uk": ("Olu Bankole", "", "invited"),
            },
        ),
    ],
)
def test_ticketing_site_exports_import_without_editing(app, org_client, event, filename, expected):
    page = upload(org_client, event, (DATA / filename).read_bytes(), filename)
    assert "0</strong> with problems" in page.get_data(as_text=True)
    page = confirm(org_client, event).get_data(as_text=True)
    assert f"Imported: {len(expected)} added, 0 updated." in page
    got = {g.email: (g.name, g.company, g.rsvp) for g in guests_of(app, event)}
    assert got == expected


def test_ticketing_extras_land_in_the_profile(app, org_client, event):
    upload(org_client, event, (DATA / "eventbrite.csv").read_bytes())
    confirm(org_client, event)
    by_email = {g.email: g for g in guests_of(app, event)}
    dev = by_email["dev.patel@example.net"]
    assert (dev.title, dev.intent, dev.dietary, dev.dietary_other) == (
        "Angel investor",
        "give_back",
        ["vegan"],
        "no mushrooms",
    )
    assert by_email["ben.whitfield@example.org"].intent == "investors"
    assert by_email["ben.whitfield@example.org"].responded_at is not None


# Upload, preview, confirm -------------------------------------------------------------


def test_preview_shows_problems_and_saves_nothing(app, org_client, make, event):
    make.guest(event, email="ada@example.com", name="Ada Lovelace")
    data = b"name,email\nAda Lovelace,ada@example.com\nBob,bob@\nCarol,carol@example.com\n"
    page = upload(org_client, event, data).get_data(as_text=True)
    assert "Check the import" in page
    assert "email &#39;bob@&#39; is not a valid email address" in page
    assert ">update</td>" in page
    assert ">add</td>" in page
    assert "be skipped" in page
    assert 'id="confirm-import" disabled' in page
    assert len(guests_of(app, event)) == 1
    # Posting without ticking "skip" imports nothing.
    page = confirm(org_client, event).get_data(as_text=True)
    assert "Some rows have problems" in page
    assert len(guests_of(app, event)) == 1


def test_skip_invalid_imports_valid_rows_in_one_go(app, org_client, event):
    data = b"name,email\nAda,ada@example.com\nBob,bob@\nCarol,carol@example.com\n"
    upload(org_client, event, data)
    page = confirm(org_client, event, skip_invalid=True).get_data(as_text=True)
    assert "Imported: 2 added, 0 updated, 1 skipped." in page
    assert sorted(g.email for g in guests_of(app, event)) == [
        "ada@example.com",
        "carol@example.com",
    ]


def test_reimport_updates_by_email_and_never_duplicates(app, org_client, event):
    original = (DATA / "guests_full.csv").read_bytes()
    upload(org_client, event, original)
    confirm(org_client, event)
    assert len(guests_of(app, event)) == 3
    changed = original.replace(b"Kestrel Labs", b"Kestrel Robotics").replace(
        b"priya@example.com", b"PRIYA@example.com"
    )
    page = upload(org_client, event, changed).get_data(as_text=True)
    assert "<strong>3</strong> updates" in page
    page = confirm(org_client, event).get_data(as_text=True)
    assert "Imported: 0 added, 3 updated." in page
    guests = guests_of(app, event)
    assert len(guests) == 3
    priya = next(g for g in guests if g.email == "priya@example.com")
    assert priya.company == "Kestrel Robotics"
    assert priya.needs == ["Seed investors", "A CTO"]


def test_blank_cells_and_invited_never_erase_what_a_guest_has(app, org_client, make, event):
    make.guest(event, email="ada@example.com", name="Ada", company="Engines", rsvp="yes")
    upload(org_client, event, b"name,email,company,rsvp\nAda L,ada@example.com,,invited\n")
    confirm(org_client, event)
    [ada] = guests_of(app, event)
    assert (ada.name, ada.company, ada.rsvp) == ("Ada L", "Engines", "yes")


def test_upload_is_kept_server_side_and_deleted_after_import(app, org_client, event):
    upload(org_client, event, b"name,email\nAda,ada@example.com\n")
    folder = Path(app.config["IMPORT_FOLDER"])
    [stored] = list(folder.glob("*.csv"))
    with org_client.session_transaction() as session:
        assert "ada@example.com" not in str(dict(session))
        assert stored.name.endswith(session["guest_imports"][str(event.id)] + ".csv")
    confirm(org_client, event)
    assert list(folder.glob("*.csv")) == []
    # The preview is gone once imported.
    response = org_client.get(f"/events/{event.id}/guests/import/preview")
    assert response.status_code == 302


def test_preview_of_another_event_does_not_reuse_the_upload(org_client, make, organizer, event):
    other = make.event(organizer)
    upload(org_client, event, b"name,email\nAda,ada@example.com\n")
    response = org_client.get(f"/events/{other.id}/guests/import/preview")
    assert response.status_code == 302
    assert "/guests/import" in response.headers["Location"]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "guests.csv", "The file is empty."),
        (b"%PDF-1.7 binary", "guests.pdf", "Choose a .csv file"),
        (b"colour,size\nred,L\n", "guests.csv", "couldn&#39;t find both a name column"),
    ],
)
def test_bad_files_get_a_field_error(org_client, event, data, filename, message):
    page = upload(org_client, event, data, filename).get_data(as_text=True)
    assert "Import guests from a CSV file" in page
    assert message in page
    assert 'class="error" id="file-error"' in page


def test_missing_file_gets_a_field_error(org_client, event):
    page = org_client.post(f"/events/{event.id}/guests/import", data={}).get_data(as_text=True)
    assert "Choose a CSV file to upload." in page


def test_upload_over_the_size_limit_gets_the_friendly_413(org_client, event):
    # A hand-built multipart body: the test client would spool a big file to a temp file.
    body = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'
        + b"name,email\n"
        + b"x" * (2 * 1024 * 1024 + 10)
        + b"\r\n--b--\r\n"
    )
    response = org_client.post(
        f"/events/{event.id}/guests/import",
        data=body,
        content_type="multipart/form-data; boundary=b",
    )
    assert response.status_code == 413
    assert b"larger than 2 MB" in response.data
    # Issue 13.15: not a dead end: the import page itself, the message next to the field.
    page = response.get_data(as_text=True)
    assert "<h1>Import guests from a CSV file</h1>" in page
    assert 'id="file-error"' in page
    assert "That file is 2.0 MB, larger than 2 MB" in page


def test_preview_escapes_names(org_client, event):
    page = upload(org_client, event, f"name,email\n{XSS},x@example.com\n".encode())
    text = page.get_data(as_text=True)
    assert XSS not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_a_thousand_rows_import_in_one_request(app, org_client, event):
    lines = ["name,email,company,offers,needs,intent,dietary,rsvp"]
    lines += [
        f"Guest {i},guest{i}@example.com,Co {i % 37},Design; Sales,Funding,hiring,veggie,yes"
        for i in range(1000)
    ]
    upload(org_client, event, "\n".join(lines).encode())
    page = confirm(org_client, event).get_data(as_text=True)
    assert "Imported: 1000 added, 0 updated." in page
    with app.app_context():
        count = db.session.scalar(
            db.select(db.func.count()).select_from(Guest).where(Guest.event_id == event.id)
        )
    assert count == 1000


BRACKETED = (
    "name,email,offers,needs\r\n"
    'Sofía García,sofia@example.com,"Payments compliance (PSD2; PCI); hiring",'
    '"intros to banks | ""sales; marketing"""\r\n'
).encode()


def test_a_bracketed_semicolon_stays_one_offer_and_the_preview_shows_it(app, org_client, event):
    """Issue 13.11: don't split inside brackets or quotes; show offers and needs first."""
    page = upload(org_client, event, BRACKETED).get_data(as_text=True)
    assert "<li>Payments compliance (PSD2; PCI)</li>" in page
    assert "<li>hiring</li>" in page
    assert "<li>sales; marketing</li>" in page

    confirm(org_client, event)
    (guest,) = guests_of(app, event)
    assert guest.offers == ["Payments compliance (PSD2; PCI)", "hiring"]
    assert guest.needs == ["intros to banks", "sales; marketing"]

    exported = org_client.get(f"/events/{event.id}/guests/export.csv").data
    assert "Payments compliance (PSD2; PCI); hiring" in exported.decode("utf-8-sig")
    upload(org_client, event, exported, "export.csv")
    confirm(org_client, event)
    (guest,) = guests_of(app, event)
    assert guest.offers == ["Payments compliance (PSD2; PCI)", "hiring"]
    assert guest.needs == ["intros to banks", "sales; marketing"]
