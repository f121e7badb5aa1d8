"""One organizer, two dinners: an event's sheets never serve the other event's version.

Versions are numbered per database, so a version id from the other dinner is easy to put in
a URL; the sheets must answer 404 for it, and each dinner's pages print its own seating even
when the other dinner was published later.
"""

from __future__ import annotations

import pytest

from tests.factories import sign_in_as
from tests.sheets.conftest import seat


@pytest.fixture
def two_dinners(app, make, client):
    organizer = make.organizer()
    spring = make.event(organizer, title="Spring Dinner")
    autumn = make.event(organizer, title="Autumn Dinner")
    a = seat(app, spring, [[{"name": "Ada Spring"}, {"name": "Alan Spring"}]], published=True)
    b = seat(app, autumn, [[{"name": "Bea Autumn"}, {"name": "Ben Autumn"}]], published=True)
    sign_in_as(client, organizer)
    return a, b


def test_the_other_dinners_version_is_not_found_under_this_dinner(client, two_dinners):
    spring, autumn = two_dinners
    base = f"/events/{spring.event_id}/sheets"
    assert client.get(f"{base}/status/{spring.version_id}").status_code == 200
    assert client.get(f"{base}/status/{autumn.version_id}").status_code == 404
    assert client.get(f"{base}/files/{autumn.version_id}/door-list.pdf").status_code == 404


@pytest.mark.parametrize("kind", ["door-list", "place-cards", "seating-chart"])
def test_each_dinner_prints_its_own_seating(client, two_dinners, kind):
    spring, autumn = two_dinners  # autumn was published after spring
    page = client.get(f"/events/{spring.event_id}/sheets/{kind}").get_data(as_text=True)
    assert "Spring" in page
    assert "Autumn" not in page
    page = client.get(f"/events/{autumn.event_id}/sheets/{kind}").get_data(as_text=True)
    assert "Autumn" in page
    assert "Spring" not in page
