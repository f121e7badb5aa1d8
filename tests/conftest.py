"""Fixtures: the app, a real SMTP server on loopback, the client and CLI runner, factories.

The app runs on SQLite by default, or on PostgreSQL when TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import ipaddress
import os
import smtplib
import socket
import uuid

import pytest
from aiosmtpd.controller import Controller
from flask import before_render_template, template_rendered
from jinja2 import StrictUndefined, Undefined
from sqlalchemy import create_engine, text
from sqlalchemy import event as sql_events
from sqlalchemy.engine import make_url

from dinnerplan.app import create_app
from dinnerplan.config import normalise_database_url
from dinnerplan.extensions import db
from tests import factories
from tests.factories import Inbox


@pytest.fixture(scope="session", autouse=True)
def worker_secret_key():
    """Give worker processes the tests start the test app's key.

    They build their app from the environment, as in production, which refuses to run
    without one.
    """
    os.environ.setdefault("SECRET_KEY", "test-secret")


@pytest.fixture(scope="session", autouse=True)
def warmed_up(tmp_path_factory):
    """Compile the search kernel and train the topic reader once, as a served app does at start.

    The numba compile (cached on disk) and the classifier's training (about 10 s, more on a
    busy machine) would otherwise land in whichever test first reads a profile: a browser
    test's page load then times out (CI, 2026-12-03: /intros/ after 15 s). The trained model
    is kept in a cache folder for the session, which processes the tests start load it from.
    """
    from dinnerplan.matching import classifier
    from dinnerplan.matching.topics import warm
    from dinnerplan.solver.kernel import warm_up

    cache = tmp_path_factory.mktemp("topic-reader-cache")
    os.environ["MATCHING_CACHE"] = str(cache)
    classifier.use_cache(cache)
    warm_up()
    warm()


def _is_loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(scope="session", autouse=True)
def only_loopback_smtp():
    """Fail any test that opens an SMTP connection to anything but the loopback test server."""
    connect = smtplib.SMTP.connect

    def loopback_only(self, host="localhost", port=0, source_address=None):
        name = host.rpartition(":")[0] if not port and host.count(":") == 1 else host
        if not _is_loopback(name):
            pytest.fail(f"A test tried to reach a real SMTP server: {host}:{port}")
        return connect(self, host, port, source_address)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(smtplib.SMTP, "connect", loopback_only)
        yield


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server on loopback for the whole session."""
    inbox = Inbox()
    with socket.socket() as probe:  # pick a free loopback port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def inbox(smtp_server):
    """The loopback SMTP server's received messages, emptied for each test."""
    _, box = smtp_server
    box.clear()
    return box


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """SQLite file by default; with TEST_DATABASE_URL, a fresh PostgreSQL database."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    url = make_url(normalise_database_url(base))
    name = f"dinnerplan_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def app_config(database_url, smtp_server, tmp_path):
    """The test configuration; tests may change it before asking for `app`."""
    controller, _ = smtp_server
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
        "MAIL_SERVER": controller.hostname,
        "MAIL_PORT": controller.port,
        "MAIL_BACKEND": "smtp",
        "JOBS_EAGER": True,
        "BASE_URL": "http://localhost",
        "SERVER_NAME": None,
        "SOLVER_TIME_LIMIT": 3.0,
        "MAIL_FILE_PATH": str(tmp_path / "outbox"),
    }


@pytest.fixture
def app(app_config):
    """A fresh app with empty tables."""
    app = create_app(app_config)
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def client(app):
    """The test client."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """The CLI runner."""
    return app.test_cli_runner()


@pytest.fixture
def make(app):
    """Factories bound to the app: make.organizer(), make.event(...), make.guest(...)."""
    return factories.Factory(app)


@pytest.fixture
def template_queries(app):
    """The SQL run while a template renders, as (template, statement); templates only display.

    The views pass plain data, so a lazy relationship or a query called from a template
    shows up here. Templates also render with StrictUndefined while it is in use: a name the
    view does not pass fails instead of rendering blank.
    """
    rendering: list[str] = []
    queries: list[tuple[str, str]] = []

    def started(_app, template, **_extra):
        rendering.append(template.name)

    def finished(_app, template, **_extra):
        rendering.pop()

    def ran(_conn, _cursor, statement, *_args):
        if rendering:
            queries.append((rendering[-1], statement))

    with app.app_context():
        engine = db.engine
    sql_events.listen(engine, "before_cursor_execute", ran)
    app.jinja_env.undefined = StrictUndefined
    try:
        with (
            before_render_template.connected_to(started, app),
            template_rendered.connected_to(finished, app),
        ):
            yield queries
    finally:
        app.jinja_env.undefined = Undefined
        sql_events.remove(engine, "before_cursor_execute", ran)
