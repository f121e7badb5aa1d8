"""Issue 13.9: with no mail server, the reset page says where the email goes.

And `dinnerplan run` prints the reset link in its console.
"""

from __future__ import annotations

import re

import pytest

from dinnerplan.mail.operations import echo_resets_without_mail_server


@pytest.fixture
def no_mail_server(app_config, tmp_path):
    app_config["MAIL_SERVER"] = None
    app_config["MAIL_BACKEND"] = "file"
    app_config["MAIL_FILE_PATH"] = str(tmp_path / "outbox")


def test_forgot_page_says_the_email_stays_in_the_outbox(no_mail_server, client):
    page = client.get("/auth/forgot").get_data(as_text=True)
    assert "it is kept in the Outbox" in page
    assert "dinnerplan run" in page


def test_run_prints_the_reset_link_in_the_console(no_mail_server, app, client, make, capsys):
    organizer = make.organizer(email="olga@example.com")
    assert echo_resets_without_mail_server(app)  # what `dinnerplan run` does on start

    client.post("/auth/forgot", data={"email": organizer.email})

    out = capsys.readouterr().out
    assert "To: olga@example.com" in out
    link = re.search(r"http://localhost(/auth/reset/\S+)", out).group(1)
    assert "Choose a new password" in client.get(link).get_data(as_text=True)


def test_with_a_mail_server_nothing_is_printed_or_noted(app, client, make, inbox, capsys):
    organizer = make.organizer()
    assert not echo_resets_without_mail_server(app)
    assert "kept in the Outbox" not in client.get("/auth/forgot").get_data(as_text=True)
    client.post("/auth/forgot", data={"email": organizer.email})
    assert "/auth/reset/" not in capsys.readouterr().out
    assert len(inbox.to(organizer.email)) == 1
