"""Web app benchmarks (issue 2): event page render, CSV import, concurrent RSVPs.

    python benchmarks/app_bench.py [--database-url postgresql://postgres@127.0.0.1:5432/postgres]

1. The event page and the guest list of a 300-guest event, rendered through the app (test
   client, signed in): median of 50 renders after 5 warm-ups.  target: event page <= 8 ms on
   a quiet machine (issue 10), guest list < 50 ms. Then the event page again once the
   guests are seated, the seating published and every introduction sent.
2. A 1,000-row CSV imported through the web pages (upload → preview → confirm).  < 2 s
3. 200 concurrent RSVP submissions to gunicorn (4 workers × 4 threads) on PostgreSQL for a
   dinner with 150 seats: none lost, no guest counted twice, waitlist order kept.
Prints one line per figure; medians and ratios come from the same run.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import csv
import io
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from dinnerplan.app import create_app  # noqa: E402
from dinnerplan.config import normalise_database_url  # noqa: E402
from dinnerplan.extensions import db  # noqa: E402

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres"


def fresh_database(base_url: str) -> tuple[str, callable]:
    """Create an empty PostgreSQL database; return its URL and a function that drops it."""
    url = make_url(normalise_database_url(base_url))
    name = f"dinnerplan_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


def make_app(database_url: str):
    """The app on this database, schema migrated, CSRF and rate limits off."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "bench-secret",  # the gunicorn server below signs links with it
            "RATELIMIT_ENABLED": False,
            "SESSION_COOKIE_SECURE": False,
            "JOBS_EAGER": True,
            "MAIL_BACKEND": "locmem",
        }
    )
    with app.app_context():
        from dinnerplan.database import upgrade_database

        upgrade_database()
    return app


def signed_in_client(app, organizer):
    """A test client signed in as the organizer, with a recorded session (auth/sessions.py)."""
    from dinnerplan.auth.sessions import start_session

    start_session(organizer)
    db.session.commit()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = organizer.get_id()
        session["_fresh"] = True
    return client


def bench_event_page(app) -> None:
    """Print the median and p90 render time of the event page and the guest list (300 guests)."""
    from dinnerplan.demo import create_demo_event, demo_organizer

    with app.app_context():
        organizer = demo_organizer(f"bench-{uuid.uuid4().hex[:6]}@example.com")
        event = create_demo_event(organizer, guests=300)
        db.session.commit()
        event_id = event.id
        client = signed_in_client(app, organizer)
    for label, path, target in (
        ("event page", f"/events/{event_id}", "<= 8 ms on a quiet machine"),
        ("guest list", f"/events/{event_id}/guests/", "< 50 ms"),
    ):
        time_page(client, path, f"{label}, 300 guests", target)
    with app.test_request_context():
        seat_publish_and_introduce(event_id)
    time_page(client, f"/events/{event_id}", "event page, 300 guests seated and introduced", "")


def time_page(client, path: str, label: str, target: str) -> None:
    """Print the median and p90 of 50 renders of a page, after 5 warm-ups."""
    for _ in range(5):
        assert client.get(path).status_code == 200
    times = []
    for _ in range(50):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    print(
        f"{label}: median {statistics.median(times):.1f} ms, "
        f"p90 {sorted(times)[44]:.1f} ms (50 renders{'; target ' + target if target else ''})"
    )


def seat_publish_and_introduce(event_id: int) -> None:
    """Seat the event (3 s limit), publish the seating and send every introduction."""
    from dinnerplan.intros.operations import queue_intros, send_intros
    from dinnerplan.models import Event, SeatingVersion
    from dinnerplan.seating.jobs import run_seating
    from dinnerplan.seating.operations import publish, start_seating

    version = start_seating(db.session.get(Event, event_id))
    db.session.commit()
    run_seating(version.id, 3)
    version = db.session.get(SeatingVersion, version.id)
    publish(version)
    queue_intros(version)
    db.session.commit()
    send_intros(version.id)
    db.session.commit()


def csv_rows(n: int) -> bytes:
    """A guest-list CSV of n realistic rows (matching.sample), as bytes."""
    from dinnerplan.matching.sample import generate_profiles

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Name", "Email", "Company", "Offers", "Needs", "Intent", "Dietary", "RSVP"])
    for i, p in enumerate(generate_profiles(n, seed=3)):
        writer.writerow(
            [
                p.name,
                f"guest{i}@example.com",
                p.company,
                "; ".join(p.offers),
                "; ".join(p.needs),
                p.intent or "",
                "vegetarian" if i % 7 == 0 else "",
                "yes",
            ]
        )
    return out.getvalue().encode()


def bench_import(app) -> None:
    """Print how long a 1,000-row CSV takes through upload, preview and confirm."""
    from dinnerplan.demo import demo_organizer
    from dinnerplan.models import Event, Guest

    data = csv_rows(1000)
    with app.app_context():
        organizer = demo_organizer(f"import-{uuid.uuid4().hex[:6]}@example.com")
        event = Event(
            organizer_id=organizer.id,
            title="Import",
            starts_at=__import__("datetime").datetime(2031, 1, 1, 19),
        )
        db.session.add(event)
        db.session.commit()
        event_id = event.id
        client = signed_in_client(app, organizer)
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        upload = client.post(
            f"/events/{event_id}/guests/import",
            data={"file": (io.BytesIO(data), "guests.csv")},
            content_type="multipart/form-data",
            follow_redirects=True,
        )
        assert upload.status_code == 200, upload.status_code
        confirm = client.post(
            f"/events/{event_id}/guests/import/confirm",
            data={"skip_invalid": "y"},
            follow_redirects=True,
        )
        assert confirm.status_code == 200
        runs.append(time.perf_counter() - start)
    with app.app_context():
        count = db.session.execute(
            db.select(db.func.count(Guest.id)).where(Guest.event_id == event_id)
        ).scalar()
    print(
        f"CSV import, 1,000 rows (upload + preview + confirm): median "
        f"{statistics.median(runs):.2f} s over 3 runs (first creates, then updates); "
        f"{count} guests, none duplicated (target < 2 s)"
    )
    assert count == 1000


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_concurrent_rsvps(pg_base: str, guests: int = 200, seats: int = 150) -> None:
    """Send concurrent RSVPs to gunicorn on PostgreSQL; check none is lost or counted twice."""
    import requests

    url, drop = fresh_database(pg_base)
    try:
        app = make_app(url)
        from dinnerplan.demo import demo_organizer
        from dinnerplan.links import token_for
        from dinnerplan.models import Event, Guest

        with app.app_context():
            organizer = demo_organizer()
            event = Event(
                organizer_id=organizer.id,
                title="Rush",
                capacity=seats,
                starts_at=__import__("datetime").datetime(2031, 1, 1, 19),
            )
            db.session.add(event)
            db.session.flush()
            rows = [
                Guest(event_id=event.id, name=f"Guest {i}", email=f"g{i}@example.com")
                for i in range(guests)
            ]
            db.session.add_all(rows)
            db.session.commit()
            tokens = {g.id: token_for(g) for g in rows}
            event_id = event.id
        port = free_port()
        env = dict(
            os.environ,
            DATABASE_URL=url,
            SECRET_KEY="bench-secret",
            SESSION_COOKIE_SECURE="false",
            MAIL_SERVER="",
        )
        env.pop("REDIS_URL", None)
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-w",
                "4",
                "--threads",
                "4",
                "--timeout",  # a loaded 2-core machine must not kill slow workers mid-request
                "120",
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(120):  # workers import the app; slow on a loaded machine
                try:
                    requests.get(base + "/", timeout=5)
                    break
                except requests.RequestException:
                    time.sleep(0.5)
            sessions = {}
            for gid, token in tokens.items():  # each guest opens their page first
                s = requests.Session()
                # No keep-alive: gunicorn closes an idle connection after 2 s, and a POST
                # on a connection it already closed is reset (not retried) by the client.
                s.headers["Connection"] = "close"
                page = s.get(f"{base}/r/{token}", timeout=30)
                assert page.status_code == 200, (page.status_code, page.text[:300])
                csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text)
                sessions[gid] = (s, token, csrf.group(1))
            barrier = threading.Barrier(guests)

            def submit(gid):
                s, token, csrf = sessions[gid]
                barrier.wait()
                start = time.perf_counter()
                try:
                    r = s.post(
                        f"{base}/r/{token}",
                        data={"csrf_token": csrf, "answer": "yes"},
                        timeout=120,
                        allow_redirects=True,
                    )
                except requests.ConnectionError as exc:  # refused before the app saw it
                    return gid, f"connection error: {exc}", time.perf_counter() - start, ""
                return gid, r.status_code, time.perf_counter() - start, r.text

            start = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(max_workers=guests) as pool:
                results = list(pool.map(submit, tokens))
            wall = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=30)
        ok = sum(1 for _, code, _, _ in results if code == 200)
        told = {}
        for gid, _, _, body in results:
            m = re.search(r"number (\d+) on the waitlist", body)
            if m:
                told[gid] = int(m.group(1))
        with app.app_context():
            states = dict(
                db.session.execute(
                    db.select(Guest.id, Guest.rsvp).where(Guest.event_id == event_id)
                ).all()
            )
            waitlist = (
                db.session.execute(
                    db.select(Guest.id)
                    .where(Guest.event_id == event_id, Guest.rsvp == "waitlist")
                    .order_by(Guest.waitlisted_at, Guest.id)
                )
                .scalars()
                .all()
            )
            db.engine.dispose()
        yes = sum(1 for s in states.values() if s == "yes")
        refused = sum(isinstance(r[1], str) for r in results)
        order_kept = [told.get(gid) for gid in waitlist] == list(range(1, len(waitlist) + 1))
        latencies = sorted(r[2] for r in results)
        print(
            f"{guests} concurrent RSVPs to gunicorn on PostgreSQL, {seats} seats: "
            f"{ok}/{guests} answered 200 "
            f"({refused} connections refused), {yes} yes + {len(waitlist)} waitlisted = "
            f"{yes + len(waitlist)} (none lost: {yes + len(waitlist) == guests}, "
            f"capacity kept: {yes == seats}), waitlist positions told = database order: "
            f"{order_kept}; wall {wall:.1f} s, median latency "
            f"{statistics.median(latencies):.2f} s"
        )
    finally:
        drop()


def bench_pages_and_import(database_url: str | None) -> None:
    """Figures 1 and 2, on SQLite (default) or a fresh PostgreSQL database."""
    with tempfile.TemporaryDirectory() as tmp:
        if database_url:
            url, drop = fresh_database(database_url)
        else:
            url, drop = f"sqlite:///{tmp}/bench.sqlite", (lambda: None)
        try:
            app = make_app(url)
            print(f"database: {make_url(url).get_backend_name()}")
            bench_event_page(app)
            bench_import(app)
            with app.app_context():
                db.engine.dispose()
        finally:
            drop()


def main() -> None:
    """Run the figures the arguments ask for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=None,
        help="PostgreSQL server for 1–2 (default: SQLite file); 3 always uses "
        f"PostgreSQL ({PG_DEFAULT} unless given)",
    )
    parser.add_argument("--skip-concurrency", action="store_true")
    parser.add_argument("--only-concurrency", action="store_true")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    if not args.only_concurrency:
        bench_pages_and_import(args.database_url)
    if not args.skip_concurrency:
        bench_concurrent_rsvps(args.database_url or PG_DEFAULT)


if __name__ == "__main__":
    main()
