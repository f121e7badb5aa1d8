"""No test can send real email: only the loopback SMTP server is reachable (conftest guard)."""

from __future__ import annotations

import smtplib

import pytest

from tests.factories import invite, sign_in_as


@pytest.mark.parametrize("host", ["192.0.2.1", "smtp.example.com", "smtp.example.com:25"])
def test_a_real_smtp_server_is_refused(host):
    with pytest.raises(pytest.fail.Exception, match="real SMTP server"):
        smtplib.SMTP(host, 25 if ":" not in host else 0, timeout=1)


def test_the_loopback_server_still_receives_mail(smtp_server, inbox):
    controller, _ = smtp_server
    with smtplib.SMTP(controller.hostname, controller.port, timeout=5) as smtp:
        smtp.sendmail(
            "a@example.com", ["b@example.com"], b"To: b@example.com\r\nSubject: hi\r\n\r\nhello\r\n"
        )
    assert inbox.to("b@example.com")


@pytest.fixture
def real_mail_server(app_config):
    """Point the app at a mail server on the internet, as a production config would."""
    app_config["MAIL_SERVER"] = "smtp.example.com"


def test_an_app_configured_for_a_real_server_cannot_send(real_mail_server, make, client):
    organizer = make.organizer()
    event = make.event(organizer)
    make.guest(event)
    sign_in_as(client, organizer)
    with pytest.raises(pytest.fail.Exception, match="smtp.example.com"):
        invite(client, event)
