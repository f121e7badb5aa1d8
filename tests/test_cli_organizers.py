"""`dinnerplan organizer create|list`, and a plain message on a database without tables."""

from __future__ import annotations

import pytest

from dinnerplan.app import create_app
from dinnerplan.commands import main
from dinnerplan.extensions import db
from dinnerplan.models import Organizer
from tests.factories import sign_in

SECRET = "a long server password"


def test_create_asks_for_the_password_twice_and_the_account_can_sign_in(app, runner, client):
    result = runner.invoke(
        main,
        ["organizer", "create", "Host@Example.com", "--name", "Hanna Host"],
        input=f"{SECRET}\n{SECRET}\n",
    )
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output  # the prompt hides it
    assert "Created organizer host@example.com (id " in result.output
    with app.app_context():
        organizer = db.session.execute(db.select(Organizer)).scalar_one()
        assert organizer.name == "Hanna Host"
        assert organizer.email_verified_at is not None
    page = sign_in(client, organizer, password=SECRET).get_data(as_text=True)
    assert "My dinners" in page
    assert "Confirm your email address" not in page


@pytest.mark.parametrize(
    ("args", "stdin", "words"),
    [
        (["not-an-email", "--name", "X"], f"{SECRET}\n{SECRET}\n", "Invalid value for 'EMAIL'"),
        (["a@example.com", "--name", "X"], "short\nshort\n", "use at least 10 characters"),
        (["a@example.com", "--name", "X"], f"{SECRET}\nother password x\n", "do not match"),
        (["a@example.com"], f"{SECRET}\n{SECRET}\n", "Missing option '--name'"),
    ],
)
def test_create_refuses_bad_input_plainly_and_saves_nothing(app, runner, args, stdin, words):
    result = runner.invoke(main, ["organizer", "create", *args], input=stdin)
    assert result.exit_code != 0
    assert words in result.output
    assert "Traceback" not in result.output
    with app.app_context():
        assert db.session.execute(db.select(Organizer)).first() is None


def test_create_refuses_an_address_that_has_an_account(runner, make):
    make.organizer(email="taken@example.com")
    result = runner.invoke(
        main,
        ["organizer", "create", "taken@example.com", "--name", "T", "--password", SECRET],
    )
    assert result.exit_code == 1
    assert "Error: an organizer with the email taken@example.com already exists." in result.output


def test_list_shows_each_organizer_and_their_dinners(runner, make):
    ana = make.organizer(email="ana@example.com")
    make.organizer(email="ben@example.com", verified=False)
    make.event(ana)
    make.event(ana)
    lines = runner.invoke(main, ["organizer", "list"]).output.splitlines()
    ana_line = next(line for line in lines if "ana@example.com" in line)
    ben_line = next(line for line in lines if "ben@example.com" in line)
    assert ana_line.split()[-2:] == ["yes", "2"]
    assert ben_line.split()[-2:] == ["no", "0"]


@pytest.mark.parametrize(
    "args", [["guests", "export", "1"], ["organizer", "list"], ["intros", "send", "1"]]
)
def test_every_command_on_a_database_without_tables_says_to_upgrade(tmp_path, args):
    empty = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/e.db"})
    result = empty.test_cli_runner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: the database has no dinnerplan tables yet. Run `dinnerplan db upgrade` first "
        "(it creates them; `dinnerplan run` and `dinnerplan demo` do it too)."
    ]
    with empty.app_context():
        db.engine.dispose()
