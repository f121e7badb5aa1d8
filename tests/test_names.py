"""Filing names for the door list: surnames with particles, accents and other scripts."""

import pytest

from dinnerplan.names import display_parts, index_letter, last_name, sort_key
from tests.factories import sign_in

SURNAMES = [
    # (name, surname as shown, index letter)
    ("Ludwig van Beethoven", "van Beethoven", "B"),
    ("Maria de la Cruz", "de la Cruz", "C"),
    ("Wernher von Braun", "von Braun", "B"),
    ("Leonardo di Caprio", "di Caprio", "C"),
    ("Conan O'Brien", "O'Brien", "O"),
    ("Zoë Ødegaard", "Ødegaard", "O"),
    ("Émile Zola", "Zola", "Z"),
    ("Van Morrison", "Morrison", "M"),  # a given name, not a particle
    ("Madonna", "Madonna", "M"),
    ("Martin Luther King, Jr.", "King", "K"),
    ("Beethoven, Ludwig van", "van Beethoven", "B"),  # the same person as above
    ("Ahmed al-Hassan", "al-Hassan", "H"),
    ("李小龙", "李", "李"),  # family name first
    ("山田 太郎", "山田", "山"),
    ("Ана Петрова", "Петрова", "П"),
    ("Ωmega Σ", "Σ", "Σ"),
    ("  Ada   Lovelace ", "Lovelace", "L"),
    ("", "", "#"),
]


@pytest.mark.parametrize(("name", "surname", "letter"), SURNAMES)
def test_surname_and_index_letter(name, surname, letter):
    assert last_name(name) == surname
    assert index_letter(name) == letter


ORDERS = [
    # Each list is in the order a check-in desk expects.
    ["Ludwig van Beethoven", "Wernher von Braun", "Maria de la Cruz", "Ada Lovelace"],
    ["Conan O'Brien", "Martin Ødegaard", "Zoë Ødegaard", "Peter Olsen"],
    ["Ana Zola", "Zoë Zyl"],
    ["Émile Abbot", "Eva Able"],  # the accent does not change the letter
    ["Zoë Zimmer", "Ωmega Σ", "Ёлка Ежова", "Йоан Иванов", "Ана Петрова", "山田 太郎", "李小龙"],
    ["Yuri Zhivago", "Борис Абрамов"],  # Cyrillic after every Latin name
]


@pytest.mark.parametrize("expected", ORDERS)
def test_sort_order(expected):
    assert sorted(reversed(expected), key=sort_key) == expected
    assert sorted(expected, key=sort_key) == expected


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Ludwig van Beethoven", ("van Beethoven", "Ludwig")),
        ("李小龙", ("李小龙", "")),  # shown whole, family name already first
        ("Ана Петрова", ("Петрова", "Ана")),
    ],
)
def test_display_parts(name, parts):
    assert display_parts(name) == parts


LISTED = ["Ada Lovelace", "Ludwig van Beethoven", "Van Morrison", "Zoë Ødegaard", "Émile Zola"]
FILED = ["Ludwig van Beethoven", "Ada Lovelace", "Van Morrison", "Zoë Ødegaard", "Émile Zola"]


def _order_on(page: str) -> list[str]:
    return sorted(LISTED, key=page.index)


def test_every_list_files_names_the_same_way(make, client):
    organizer = make.organizer()
    event = make.event(organizer)
    for n, name in enumerate(LISTED):
        make.guest(event, name=name, email=f"g{n}@example.com", rsvp="yes")
    sign_in(client, organizer)

    guest_list = client.get(f"/events/{event.id}/guests/").get_data(as_text=True)
    rsvp_page = client.get(f"/events/{event.id}/rsvps").get_data(as_text=True)
    rsvp_list = rsvp_page[rsvp_page.index("<tbody>") :]
    export = client.get(f"/events/{event.id}/guests/export.csv").get_data(as_text=True)
    check_in = client.get(f"/events/{event.id}/seating/checkin").get_data(as_text=True)

    assert _order_on(guest_list) == FILED
    assert _order_on(rsvp_list) == FILED
    assert _order_on(export) == FILED
    assert _order_on(check_in) == FILED
