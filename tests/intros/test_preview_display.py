"""The introductions page is given every name it shows, before and after publishing.

Rendered with StrictUndefined (the `template_queries` fixture), a name the view leaves out
fails here instead of rendering blank; and the page runs no query while it renders.
"""

from __future__ import annotations

from tests.factories import sign_in_as
from tests.intros.conftest import FIRST_PLAN, intro_url


def test_the_preview_before_anything_is_published(client, dinner, template_queries):
    sign_in_as(client, dinner.organizer)

    response = client.get(intro_url(dinner))

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "No seating is published yet." in page
    assert 'http-equiv="refresh"' not in page
    assert template_queries == []


def test_the_preview_of_a_published_seating(client, dinner, template_queries):
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)

    response = client.get(intro_url(dinner))

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Published seating, version 1." in page
    assert f"To:</strong> {dinner.guest('Ana').name}" in page
    assert template_queries == []
