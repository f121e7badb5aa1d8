"""The CSV parser on its own: headers, encodings, problems, RSVP, intent and dietary words."""

from __future__ import annotations

import pytest

from dinnerplan.guests.importer import CsvError, parse_csv
from dinnerplan.matching.intents import parse_intent


def test_headers_match_aliases_whatever_the_case_and_punctuation():
    data = (
        b"FULL_NAME;E-Mail Address;Organisation;Job-Title;Sector;I can help with;Looking For;"
        b"Why are you coming;Diet;Accessibility Needs;Attending;Notes\n"
        b"Ada Lovelace;ADA@Example.com;Engines;CTO;Tech;Maths | Code;Funding;hiring;"
        b"veggie, GF, no coriander;Step-free;Going;VIP\n"
    )
    preview = parse_csv(data)
    assert not preview.ignored
    [row] = preview.rows
    assert row.ok
    assert row.values == {
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "company": "Engines",
        "title": "CTO",
        "industry": "Tech",
        "offers": ["Maths", "Code"],
        "needs": ["Funding"],
        "intent": "hire",
        "dietary": ["vegetarian", "gluten_free"],
        "dietary_other": "no coriander",
        "accessibility": "Step-free",
        "rsvp": "yes",
        "notes": "VIP",
    }


def test_first_and_last_name_columns_are_joined():
    for first, last in (("First Name", "Last Name"), ("Given name", "Surname")):
        data = f"{first},{last},Email\nAda,Lovelace,ada@example.com\n".encode()
        assert parse_csv(data).rows[0].values["name"] == "Ada Lovelace"
    data = b"given_name,family_name,email\nBo,Chen,bo@example.com\n"
    assert parse_csv(data).rows[0].values["name"] == "Bo Chen"


def test_bom_blank_lines_and_windows_1252():
    data = "\ufeffName,Email\r\n\r\nJosé Núñez,jose@example.com\r\n,\r\n".encode()
    preview = parse_csv(data)
    assert [(r.number, r.values["name"]) for r in preview.rows] == [(3, "José Núñez")]
    latin = "Name;Email;Company\nRenée Müller;renee@example.com;Café Crème\n".encode("cp1252")
    [row] = parse_csv(latin).rows
    assert row.values["name"] == "Renée Müller"
    assert row.values["company"] == "Café Crème"


def test_every_problem_is_reported_with_its_row():
    data = (
        b"name,email,intent,rsvp\n"
        b"Ada,ada@example.com,,\n"
        b"Bob,bob@,,\n"
        b",carol@example.com,,\n"
        b"Dan,,,\n"
        b"Ada Again,ADA@example.com,,\n"
        b"Eve,eve@example.com,world domination,\n"
        b"Fay,fay@example.com,,perhaps later\n"
    )
    problems = {row.number: row.problems for row in parse_csv(data).rows}
    assert problems == {
        2: [],
        3: ["email 'bob@' is not a valid email address"],
        4: ["name is missing"],
        5: ["email is missing"],
        6: ["email 'ada@example.com' is a duplicate of row 2"],
        7: ["intent 'world domination' is not one we know"],
        8: ["RSVP 'perhaps later' is not one we know (use yes, no, maybe or invited)"],
    }


@pytest.mark.parametrize(
    ("value", "state"),
    [
        ("Yes", "yes"),
        ("attending", "yes"),
        ("Checked In", "yes"),
        ("accepted", "yes"),
        ("Not Attending", "no"),
        ("Refunded", "no"),
        ("cancelled", "no"),
        ("MAYBE", "maybe"),
        ("invited", "invited"),
        ("Waitlisted", "waitlist"),
        ("pending_approval", "invited"),
    ],
)
def test_rsvp_values_from_ticketing_sites(value, state):
    [row] = parse_csv(f"name,email,status\nAda,ada@example.com,{value}\n".encode()).rows
    assert row.ok
    assert row.values["rsvp"] == state
    assert bool(row.warnings) == (value == "pending_approval")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("give_back", "give_back"),
        ("Find investors", "investors"),
        ("mentor", "give_back"),
        ("We're hiring", "hire"),
        ("fundraising", "investors"),
        ("meet investors", "investors"),
        ("new clients", "clients"),
        ("Sales", "clients"),
        ("Meet peers and learn", "peers"),
        ("networking", "peers"),
        ("looking for a new job", "job"),
        ("", None),
        ("world domination", None),
    ],
)
def test_parse_intent(text, intent):
    assert parse_intent(text) == intent


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"\n \n", "The file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a CSV file."),
        (b"colour,size\nred,L\n", "couldn't find both a name column and an email column"),
    ],
)
def test_files_that_are_not_guest_lists(data, message):
    with pytest.raises(CsvError, match=message):
        parse_csv(data)
