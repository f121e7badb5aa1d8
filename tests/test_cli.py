"""The `dinnerplan` command line: event create and demo, as a script would use them."""

from dinnerplan.commands import main
from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Table


def test_event_create_prints_the_new_events_id(app, runner, make):
    organizer = make.organizer(email="host@example.com")
    result = runner.invoke(
        main,
        [
            "event",
            "create",
            "--title",
            "Climate Founders Dinner",
            "--starts",
            "2030-03-05T19:30",
            "--organizer",
            "host@example.com",
            "--timezone",
            "Europe/Paris",
        ],
    )
    assert result.exit_code == 0, result.output
    event_id = int(result.output.strip())
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert event.title == "Climate Founders Dinner"
        assert event.organizer_id == organizer.id
        assert event.starts_at.isoformat() == "2030-03-05T19:30:00"
        assert event.timezone == "Europe/Paris"


def test_event_create_explains_bad_input_and_saves_nothing(app, runner, make):
    make.organizer(email="host@example.com")
    unknown = runner.invoke(
        main,
        [
            "event",
            "create",
            "--title",
            "T",
            "--starts",
            "2030-03-05T19:30",
            "--organizer",
            "nobody@example.com",
        ],
    )
    assert unknown.exit_code != 0
    assert "No organizer with email nobody@example.com" in unknown.output
    bad_date = runner.invoke(
        main,
        [
            "event",
            "create",
            "--title",
            "T",
            "--starts",
            "next friday",
            "--organizer",
            "host@example.com",
        ],
    )
    assert bad_date.exit_code != 0
    assert "not an ISO date-time" in bad_date.output
    bad_zone = runner.invoke(
        main,
        [
            "event",
            "create",
            "--title",
            "T",
            "--starts",
            "2030-03-05T19:30",
            "--organizer",
            "host@example.com",
            "--timezone",
            "Mars/Olympus",
        ],
    )
    assert bad_zone.exit_code == 1
    assert "time zone" in bad_zone.output
    with app.app_context():
        assert db.session.execute(db.select(Event)).first() is None


def test_demo_creates_a_signin_and_a_realistic_dinner(app, runner, client):
    result = runner.invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert "demo@example.com" in result.output
    assert "dinnerplan-demo" in result.output
    with app.app_context():
        guests = db.session.execute(db.select(Guest)).scalars().all()
        tables = db.session.execute(db.select(Table)).scalars().all()
        assert len(guests) == 48
        assert sum(g.rsvp == "yes" for g in guests) == 44
        assert all(g.offers and g.needs and g.intent for g in guests)
        assert len({g.company for g in guests}) > 30
        assert all(g.email.isascii() for g in guests)
        assert 5 <= len(tables) <= 7
    page = client.post(
        "/auth/signin",
        data={"email": "demo@example.com", "password": "dinnerplan-demo"},
        follow_redirects=True,
    )
    assert "Founders &amp; Friends Supper" in page.get_data(as_text=True)


def test_event_create_refuses_a_blank_title_and_a_zero_capacity(app, runner, make):
    make.organizer(email="host@example.com")
    base = ["event", "create", "--starts", "2030-03-05T19:30", "--organizer", "host@example.com"]
    blank = runner.invoke(main, [*base, "--title", "   "])
    assert blank.exit_code == 1
    assert "Give the dinner a title" in blank.output
    empty = runner.invoke(main, [*base, "--title", "Supper", "--capacity", "0"])
    assert empty.exit_code != 0
    assert "--capacity" in empty.output
    with app.app_context():
        assert db.session.execute(db.select(Event)).first() is None
