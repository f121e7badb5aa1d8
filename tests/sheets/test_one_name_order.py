"""Issue 13.14: the check-in list and the printed door list file names the same way."""

from __future__ import annotations

from tests.factories import sign_in_as
from tests.sheets.conftest import seat

NAMES = ["Zoe Adams", "Anna Zimmer", "Bob van Dijk", "Cleo Brown"]
BY_SURNAME = ["Zoe Adams", "Cleo Brown", "Bob van Dijk", "Anna Zimmer"]


def _order(page: str, names: list[str]) -> list[str]:
    return sorted(names, key=page.index)


def test_check_in_and_door_list_sort_by_surname_alike(app, client, make):
    organizer = make.organizer()
    event = make.event(organizer)
    seat(app, event, [[{"name": n} for n in NAMES]], published=True)
    sign_in_as(client, organizer)

    checkin = client.get(f"/events/{event.id}/seating/checkin").get_data(as_text=True)
    door = client.get(f"/events/{event.id}/sheets/door-list").get_data(as_text=True)

    door_names = ["Adams", "Brown", "Dijk", "Zimmer"]
    assert _order(door, door_names) == door_names
    assert _order(checkin, NAMES) == BY_SURNAME
