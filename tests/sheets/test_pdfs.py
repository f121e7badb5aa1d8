"""The PDFs an organizer downloads: who is on them, where, on how many pages of what size."""

from __future__ import annotations

import html
import math
from io import BytesIO

import pytest
from pypdf import PdfReader

from dinnerplan.extensions import db
from dinnerplan.links import token_for
from dinnerplan.models import Guest
from tests.factories import browser_form, sign_in_as
from tests.sheets.conftest import HTML_NAME, UNICODE_NAMES, pdf_pages, seat

PLAIN = [
    "Ada Lovelace",
    "Grace Hopper",
    "Alan Turing",
    "Edsger Dijkstra",
    "Barbara Liskov",
    "Donald Knuth",
    "Margaret Hamilton",
    "Ken Thompson",
    "Frances Allen",
]
# Door-list rows as printed: "surname, given" (East Asian names whole), then the table.
DOOR_FORM = {
    "Zoë Ødegaard": "Ødegaard, Zoë",
    "Ωmega Σ": "Σ, Ωmega",
    "李小龙": "李小龙",
    "Ана Петрова": "Петрова, Ана",
    HTML_NAME: "<script>x</script>, <b>Bold</b> &",
    "Ludwig van Beethoven": "van Beethoven, Ludwig",
}


def door_form(name: str) -> str:
    first, _, rest = name.partition(" ")
    return DOOR_FORM.get(name, f"{rest}, {first}")


@pytest.fixture
def dinner(app, make):
    """Three tables of five, plus another organizer's seated event that must never show."""
    organizer = make.organizer()
    event = make.event(organizer, title="Spring Supper")
    names = [*UNICODE_NAMES, HTML_NAME, "Ludwig van Beethoven", *PLAIN]
    tables = [
        [
            {
                "name": n,
                "company": f"Firm {i + j}",
                "offers": ["hiring advice", "intros"],
                "one_liner": "Makes things.",
                "intent": "hire",
            }
            for j, n in enumerate(names[i : i + 5])
        ]
        for i in range(0, 15, 5)
    ]
    seated = seat(app, event, tables)
    other = make.event(make.organizer(), title="Other Dinner")
    seat(app, other, [[{"name": "Intruder Person"}, {"name": "Outsider Guest"}]])
    return organizer, seated


def get_pdf(client, seated, kind: str) -> bytes:
    response = client.get(f"/events/{seated.event_id}/sheets/{kind}.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    return response.data


def test_door_list_has_every_guest_once_with_their_table(client, dinner):
    organizer, seated = dinner
    sign_in_as(client, organizer)
    lines = [
        line
        for page in pdf_pages(get_pdf(client, seated, "door-list"))
        for line in page.splitlines()
    ]
    for table, guests in seated.seating.items():
        for name in guests:
            assert lines.count(f"{door_form(name)} {table}") == 1, name
    text = "\n".join(lines)
    assert "Intruder" not in text
    assert "Outsider" not in text
    # Grouped by letter, surnames filed without their particle: van Beethoven under B.
    assert lines.index("B") < lines.index("van Beethoven, Ludwig Table 2") < lines.index("D")


def test_table_sheets_one_page_per_table_each_guest_on_their_own(client, dinner):
    organizer, seated = dinner
    sign_in_as(client, organizer)
    pages = pdf_pages(get_pdf(client, seated, "table-sheets"))
    assert len(pages) == len(seated.table_names) == 3
    for page, table in zip(pages, seated.table_names, strict=True):
        assert page.startswith(table)
        assert "0:00" in page
        assert "(3 min)" in page
    for table, guests in seated.seating.items():
        for name in guests:
            on = [i for i, page in enumerate(pages) if name in page]
            assert on == [seated.table_names.index(table)], name
    assert "Intruder" not in "".join(pages)


def test_table_sheet_shows_who_should_meet_whom_and_the_clock(client, dinner):
    organizer, seated = dinner
    sign_in_as(client, organizer)
    first = " ".join(pdf_pages(get_pdf(client, seated, "table-sheets"))[0].split())
    assert "Zoë needs intros — Ωmega offers intros" in first
    assert "0:03 Ωmega Σ (3 min)" in first
    assert "Here to: Hire" in first


def test_place_cards_four_per_page_both_faces(client, dinner):
    organizer, seated = dinner
    sign_in_as(client, organizer)
    pages = pdf_pages(get_pdf(client, seated, "place-cards"))
    assert len(pages) == math.ceil(15 / 4)  # issue 13.16: four to a sheet
    text = "\n".join(pages)
    for name in seated.guests:
        assert text.count(name) == 2, name  # printed upright and upside down
    assert "Ask me about hiring advice · intros" in text
    assert "Intruder" not in text


def test_place_cards_print_the_cutting_guide_in_the_margin_not_on_a_card(client, dinner):
    # Visual review: "fold on the light line · cut on the dark line" printed on every card's
    # front face, the side guests read. It belongs once per sheet, in the strip cut away.
    organizer, seated = dinner
    sign_in_as(client, organizer)
    reader = PdfReader(BytesIO(get_pdf(client, seated, "place-cards")))
    for page in reader.pages:
        guide = []

        def visit(text, cm, tm, font, size, guide=guide):
            if "fold on the light line" in text:
                guide.append(tm[5] * cm[3] + cm[5])  # baseline, points from the sheet's foot

        page.extract_text(visitor_text=visit)
        assert len(guide) == 1, guide  # once a sheet, not once a card
        assert guide[0] < 5 * 72 / 25.4  # below the cards: in the bottom 5 mm
    text = "\n".join(pdf_pages(get_pdf(client, seated, "place-cards")))
    assert "Table 1 · fold" not in text


def test_seating_chart_and_kitchen_list_only_this_event(client, dinner):
    organizer, seated = dinner
    sign_in_as(client, organizer)
    chart = "\n".join(pdf_pages(get_pdf(client, seated, "seating-chart")))
    for name in UNICODE_NAMES + PLAIN:
        assert chart.count(name) == 1, name
    kitchen = "\n".join(pdf_pages(get_pdf(client, seated, "kitchen")))
    assert "Kitchen summary" in kitchen
    assert "15 guests" in kitchen
    assert "Intruder" not in chart + kitchen


def test_html_in_a_name_is_printed_as_text(client, dinner):
    organizer, seated = dinner
    sign_in_as(client, organizer)
    for kind in ("table-sheets", "place-cards"):
        assert HTML_NAME in "\n".join(pdf_pages(get_pdf(client, seated, kind))), kind
    page = client.get(f"/events/{seated.event_id}/sheets/table-sheets").get_data(as_text=True)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;" in page
    assert "<script>x</script>" not in page


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_size_follows_the_event(client, dinner, app, paper, size):
    organizer, seated = dinner
    sign_in_as(client, organizer)
    client.post(f"/events/{seated.event_id}/sheets/paper", data={"paper": paper})
    for kind in ("place-cards", "kitchen"):
        reader = PdfReader(BytesIO(get_pdf(client, seated, kind)))
        for page in reader.pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == size
    cards = PdfReader(BytesIO(get_pdf(client, seated, "place-cards")))
    assert len(cards.pages) == 4  # cards still fit four to a page on either paper


def test_kitchen_counts_needs_per_table_and_in_total(app, client, make):
    organizer = make.organizer()
    event = make.event(organizer)
    seated = seat(
        app,
        event,
        [
            [
                {"name": "Vera Vegan", "dietary": ["vegan"]},
                {
                    "name": "Nora Nuts",
                    "dietary": ["vegan", "nut_allergy"],
                    "accessibility": "Wheelchair",
                },
                {"name": "Otto Other", "dietary_other": "No mushrooms"},
            ],
            [{"name": "Tom Table", "dietary": ["vegan"]}, {"name": "Plain Eater"}],
        ],
    )
    sign_in_as(client, organizer)
    text = "\n".join(pdf_pages(get_pdf(client, seated, "kitchen")))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Table Guests Vegan Nut allergy Other diet Access" in lines
    assert "Table 1 3 2 1 1 1" in lines
    assert "Table 2 2 1 – – –" in lines
    assert "Total 5 3 1 1 1" in lines
    assert "Nora Nuts: Vegan, Nut allergy · access: Wheelchair" in lines
    assert "Otto Other: No mushrooms" in lines
    assert "Plain Eater" not in text


def test_long_text_shrinks_or_wraps_without_spilling_onto_extra_pages(app, client, make):
    organizer = make.organizer()
    event = make.event(organizer, paper="letter")
    long_name = "Maximiliane Alexandra Bartholomea " + "Hohenzollern-Sigmaringen-" * 6 + "Ende"
    guests = [
        {
            "name": f"{long_name} {i}",
            "company": "Extraordinarily Long Consortium " * 6,
            "title": "Chief Executive Officer and Founder",
            "one_liner": "Sells things. " * 14,
            "offers": ["a very long offer about many different things " * 3] * 2,
        }
        for i in range(10)
    ]
    seated = seat(app, event, [guests, guests[:0] + [{"name": "Short Name"}]])
    with app.app_context():
        from dinnerplan.extensions import db
        from dinnerplan.models import SeatingVersion

        version = db.session.get(SeatingVersion, seated.version_id)
        table_id = next(iter(version.summary["tables"]))
        pairs = version.summary["tables"][table_id]["pairs"]
        for pair in pairs:
            pair["reasons"] = ["A long reason about complementary needs and offers. " * 4] * 3
        version.summary = {"tables": {table_id: {"pairs": pairs}}}
        db.session.commit()
    sign_in_as(client, organizer)
    assert len(pdf_pages(get_pdf(client, seated, "table-sheets"))) == 2  # one page per table
    cards = pdf_pages(get_pdf(client, seated, "place-cards"))
    assert len(cards) == math.ceil(11 / 4)  # no card pushed onto a page of its own
    assert "Short Name" in cards[-1]


def _decline(client, app, name: str) -> None:
    """The guest answers 'no' on their own RSVP page, as they would from the emailed link."""
    with app.app_context():
        guest = db.session.execute(db.select(Guest).where(Guest.name == name)).scalar_one()
        link = f"/r/{token_for(guest)}"
    client.post(link, data=browser_form(client.get(link), answer="no"))


def test_a_guest_who_declined_since_is_left_off_every_sheet(client, dinner, app):
    organizer, seated = dinner
    _decline(client, app, "Alan Turing")
    sign_in_as(client, organizer)

    for kind in ("door-list", "place-cards", "table-sheets", "seating-chart"):
        text = "\n".join(pdf_pages(get_pdf(client, seated, kind)))
        assert "Turing" not in text, kind
        assert "Lovelace" in text, kind
        assert "Hopper" in text, kind
    page = html.unescape(client.get(f"/events/{seated.event_id}/sheets/").get_data(as_text=True))
    assert "Alan Turing is seated but no longer coming: the sheets leave them out." in page


def test_pdfs_made_before_a_decline_say_they_are_out_of_date(client, dinner, app):
    organizer, seated = dinner
    sign_in_as(client, organizer)
    base = f"/events/{seated.event_id}/sheets"
    page = client.post(f"{base}/generate", follow_redirects=True).get_data(as_text=True)
    assert "Ready (A4)" in page
    assert "Made before the guest list changed" not in page

    _decline(client, app, "Grace Hopper")
    page = html.unescape(client.get(f"{base}/").get_data(as_text=True))
    assert "Made before the guest list changed: make them again to match." in page

    page = client.post(f"{base}/generate", follow_redirects=True).get_data(as_text=True)
    assert "Ready (A4)" in page
    assert "Made before the guest list changed" not in page
