"""Help-topic pages (issue 11): how long a person waits.

    python benchmarks/topics_pages_bench.py [--guests 300] [--runs 7]

1. The organizer's Needs and offers page of an event of N guests (everything read, unmet
   needs, who to ask), rendered through the app signed in: median of `runs` after a warm-up.
2. The guest's chip suggestions (GET /r/<token>/topics/suggest) for every need and offer
   of the hand-written evaluation lists, one request each: median and 95th percentile.
Guests are the hand-written evaluation profiles in benchmarks/data/topics, repeated to N.
Prints one line per figure and the machine's load average (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dinnerplan.app import create_app  # noqa: E402
from dinnerplan.extensions import db  # noqa: E402
from dinnerplan.links import token_for  # noqa: E402
from dinnerplan.models import Event, Guest, Organizer  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "topics"
PASSWORD = "benchmark password"


def profiles() -> list[dict]:
    """Every hand-written evaluation profile (both crowds, dev and test)."""
    rows = []
    for path in sorted(DATA.glob("*/*.jsonl")):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return rows


def build(app, n: int) -> tuple[int, str]:
    """An organizer and an event of n guests who said yes; return the event id and a token."""
    source = profiles()
    with app.app_context():
        db.create_all()
        organizer = Organizer(email="bench@example.com", name="Bench")
        organizer.set_password(PASSWORD)
        db.session.add(organizer)
        db.session.flush()
        event = Event(organizer_id=organizer.id, title="Bench dinner", starts_at=_when())
        db.session.add(event)
        db.session.flush()
        for i in range(n):
            p = source[i % len(source)]
            db.session.add(
                Guest(
                    event_id=event.id,
                    name=p["name"],
                    email=f"g{i}@example.com",
                    offers=p.get("offers", [])[:5],
                    needs=p.get("needs", [])[:5],
                    rsvp="yes",
                )
            )
        db.session.commit()
        guest = db.session.scalars(db.select(Guest).limit(1)).one()
        with app.test_request_context():
            return event.id, token_for(guest)


def _when():
    from datetime import datetime

    return datetime(2031, 3, 5, 19, 30)


def timed(call) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    """Time the topic pages for a dinner of the size asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "SESSION_COOKIE_SECURE": False,
        }
    )
    event_id, token = build(app, args.guests)
    client = app.test_client()
    client.post("/auth/signin", data={"email": "bench@example.com", "password": PASSWORD})
    page = f"/events/{event_id}/topics"
    assert client.get(page).status_code == 200  # warm-up: readers built, templates compiled
    review = [timed(lambda: client.get(page)) for _ in range(args.runs)]
    texts = [(t, "need") for p in profiles() for t in p.get("needs", [])]
    texts += [(t, "offer") for p in profiles() for t in p.get("offers", [])]
    chips = sorted(
        timed(
            lambda t=t, s=s: client.get(
                f"/r/{token}/topics/suggest", query_string={"side": s, "text": t}
            )
        )
        for t, s in texts
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {load}")
    print(
        f"Needs and offers page, {args.guests} guests: median {statistics.median(review):.0f} ms "
        f"(min {min(review):.0f}, max {max(review):.0f}, {args.runs} runs)"
    )
    p95 = chips[int(len(chips) * 0.95) - 1]
    print(
        f"chip suggestions, {len(chips)} typed texts: median {statistics.median(chips):.1f} ms, "
        f"95th percentile {p95:.1f} ms"
    )


if __name__ == "__main__":
    main()
