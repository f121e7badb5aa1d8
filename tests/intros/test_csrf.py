"""With CSRF protection on, sending needs the token from the preview page."""

from __future__ import annotations

import re

import pytest

from tests.factories import sign_in_as
from tests.intros.conftest import FIRST_PLAN, intro_url


@pytest.fixture
def app_config(app_config):
    """CSRF on, as in production."""
    return {**app_config, "WTF_CSRF_ENABLED": True}


def test_send_without_the_csrf_token_is_refused(client, dinner, inbox):
    dinner.seat(FIRST_PLAN)
    sign_in_as(client, dinner.organizer)

    refused = client.post(intro_url(dinner, "send"))
    assert refused.status_code == 400
    # In plain words, with what to do next (it said "Bad request").
    text = refused.get_data(as_text=True)
    assert "<h1>That didn't go through</h1>" in text
    assert "reload the page" in text
    assert client.post(intro_url(dinner, "changes")).status_code == 400
    assert inbox.messages == []

    page = client.get(intro_url(dinner)).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(intro_url(dinner, "send"), data={"csrf_token": token})
    assert response.status_code == 302
    assert len(inbox.messages) == 8
