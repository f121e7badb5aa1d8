"""Guest list and RSVP list response times for big events (median of repeated requests).

    python benchmarks/list_pages.py [--guests 3000 100000] [--repeat 5]

Builds a throwaway SQLite database, fills one event with N guests, signs in through the form
and times GET of the guest list and the RSVP list (first page, and a middle page).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from dinnerplan.app import create_app
from dinnerplan.auth.sessions import start_session
from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, Organizer
from dinnerplan.models._base import utcnow


def build(folder: Path, guests: int):
    """A throwaway app with one event of `guests` guests; return the app and ids."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "benchmark",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite'}",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "SESSION_COOKIE_SECURE": False,
        }
    )
    with app.app_context():
        db.create_all()
        organizer = Organizer(email="bench@example.com", name="Bench", email_verified_at=utcnow())
        organizer.set_password("benchmark password")
        db.session.add(organizer)
        start_session(organizer)
        event = Event(
            organizer_id=organizer.id, title="Big", starts_at=utcnow(), timezone="UTC", venue="V"
        )
        db.session.add(event)
        db.session.flush()
        db.session.execute(
            db.insert(Guest),
            [
                {"event_id": event.id, "name": f"Guest {i:06d}", "email": f"g{i}@example.com"}
                for i in range(guests)
            ],
        )
        db.session.commit()
        return app, event.id, organizer.get_id()


def median_ms(client, url: str, repeat: int) -> float:
    """The median time of `repeat` GETs of url, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main() -> None:
    """Time the guest list and the RSVP list for each size asked."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--guests", type=int, nargs="+", default=[3000, 100000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("| guests | guest list p1 | guest list middle | RSVP list p1 | RSVP list middle |")
    print("|---:|---:|---:|---:|---:|")
    for n in args.guests:
        with tempfile.TemporaryDirectory() as tmp:
            app, event_id, session_id = build(Path(tmp), n)
            client = app.test_client()
            with client.session_transaction() as session:
                session["_user_id"], session["_fresh"] = session_id, True
            middle = max(1, n // 200)
            cells = [
                median_ms(client, f"/events/{event_id}/guests/", args.repeat),
                median_ms(client, f"/events/{event_id}/guests/?page={middle}", args.repeat),
                median_ms(client, f"/events/{event_id}/rsvps", args.repeat),
                median_ms(client, f"/events/{event_id}/rsvps?page={middle}", args.repeat),
            ]
            print(f"| {n:,} | " + " | ".join(f"{c:.0f} ms" for c in cells) + " |")
            with app.app_context():
                db.engine.dispose()


if __name__ == "__main__":
    main()
