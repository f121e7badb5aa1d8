"""Benchmark follow-ups: which emails are due for a 300-guest dinner, and 1,000 emails sent.

Run from the repository root: `python benchmarks/followups_bench.py [--runs 5] [--rq]`.
1. Due follow-ups for 300 guests (30 tables of 10) with 600 promises: the pure decision
   (followups.due) and the whole read-and-decide step (followups.sending.event_due) on
   SQLite. Target (issue 14): < 1 s.
2. 1,000 morning-after emails (1,000 guests, 100 tables of 10) recorded in the outbox and
   sent to a local SMTP sink (aiosmtpd on loopback): in-process by default, or with --rq
   by a real RQ worker process (Redis at 127.0.0.1:6379, database 10).
Prints medians, and the machine's load average (a shared machine slows everything down).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402

from benchmarks.common import load  # noqa: E402
from dinnerplan import jobs  # noqa: E402
from dinnerplan.app import create_app  # noqa: E402
from dinnerplan.extensions import db  # noqa: E402
from dinnerplan.followups import sending  # noqa: E402
from dinnerplan.followups.due import EventFacts, GuestFacts, PromiseFacts, due_followups  # noqa: E402
from dinnerplan.models import Event, Guest, Message, Promise  # noqa: E402
from tests.factories import Factory  # noqa: E402
from tests.sheets.conftest import demo_tables, seat  # noqa: E402

MORNING = datetime(2030, 5, 2, 8, 0)  # 09:00 in London the day after the dinner
DAY3 = datetime(2030, 5, 4, 8, 0)


class Sink:
    """An SMTP server that counts what it receives."""

    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd handler hook
        """Count the message and accept it."""
        self.count += 1
        return "250 OK"


def scratch_app(scratch: str, port: int, **extra):
    """An app on a scratch SQLite file, sending to the loopback SMTP sink on port."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{scratch}/bench.sqlite",
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": port,
            "MAIL_BACKEND": "smtp",
            "JOBS_EAGER": True,
            "BASE_URL": "http://localhost",
            **extra,
        }
    )
    with app.app_context():
        db.create_all()
    return app


def dinner(app, tables: int) -> int:
    """A published dinner on 1 May 2030 with `tables` tables of 10; returns its id."""
    event = Factory(app).event(title="Benchmark Dinner", starts_at=datetime(2030, 5, 1, 19, 0))
    seat(app, event, demo_tables(tables, 10), published=True)
    return event.id


def add_promises(app, event_id: int) -> None:
    """Two promises per guest to the next guest at the table; every third one kept."""
    with app.app_context():
        ids = list(db.session.scalars(db.select(Guest.id).where(Guest.event_id == event_id)))
        for n, gid in enumerate(ids):
            for k in (1, 2):
                other = ids[(n // 10) * 10 + (n + k) % 10]
                state = "done" if (n + k) % 3 == 0 else "open"
                db.session.add(
                    Promise(
                        event_id=event_id,
                        giver_id=gid,
                        receiver_id=other,
                        created_by_id=gid,
                        kind="intro",
                        what="An intro",
                        state=state,
                    )
                )
        db.session.commit()


def median_time(action, runs: int) -> tuple[float, list[float]]:
    """Run action `runs` times; return the median and every time, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def bench_due(scratch: str, port: int, runs: int) -> None:
    """Print how long finding the follow-ups due takes."""
    os.makedirs(scratch + "/due")
    app = scratch_app(scratch + "/due", port)
    event_id = dinner(app, 30)
    add_promises(app, event_id)
    facts = [GuestFacts(i, True, True, False, True, False) for i in range(300)]
    promises = [PromiseFacts(i, i % 300, i % 3 != 0) for i in range(600)]
    pure, _ = median_time(
        lambda: due_followups(
            EventFacts(1, MORNING.date(), "Europe/London"), facts, promises, DAY3
        ),
        runs,
    )
    with app.app_context():
        event = db.session.get(Event, event_id)
        due = sending.event_due(event, DAY3)[0]
        whole, times = median_time(lambda: sending.event_due(event, DAY3), runs)
    print(
        f"due, 300 guests / 600 promises: pure decision median {pure * 1000:.1f} ms; "
        f"read + decide median {whole * 1000:.0f} ms ({fmt(times)}); {len(due)} due on day 3; "
        "target < 1 s"
    )


def bench_send(scratch: str, port: int, sink: Sink, use_rq: bool) -> None:
    """Print how long sending the follow-ups takes, in process or on RQ workers."""
    os.makedirs(scratch + "/send")
    extra = {"JOBS_EAGER": False}  # record first, then send in the background
    if use_rq:
        extra["REDIS_URL"] = "redis://127.0.0.1:6379/10"
    app = scratch_app(scratch + "/send", port, **extra)
    dinner(app, 100)
    start = time.perf_counter()
    with app.app_context():
        due = sending.send_due(MORNING)
    recorded = time.perf_counter() - start
    if use_rq:
        worker(app, port)
    else:
        jobs.wait_for_jobs(timeout=3600)
    total = time.perf_counter() - start
    with app.app_context():
        sent = db.session.scalar(db.select(db.func.count()).where(Message.status == "sent"))
    print(
        f"send, {len(due)} morning-after emails ({'RQ worker' if use_rq else 'in-process'}): "
        f"recorded in {recorded:.2f} s, all sent in {total:.2f} s "
        f"({len(due) / total:.0f} emails/s); outbox 'sent' {sent}, SMTP sink got {sink.count}"
    )


def worker(app, port: int) -> None:
    """Run a real RQ worker process until the queue is empty."""
    env = dict(
        os.environ,
        DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
        REDIS_URL=app.config["REDIS_URL"],
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=str(port),
        SECRET_KEY="bench",
        PYTHONPATH=str(ROOT),
    )
    script = (
        "import os\nfrom redis import Redis\nfrom rq import Queue, SimpleWorker\n"
        "conn = Redis.from_url(os.environ['REDIS_URL'])\n"
        "SimpleWorker([Queue('dinnerplan', connection=conn)], connection=conn)"
        ".work(burst=True)\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=ROOT)


def fmt(values: list[float]) -> str:
    """Seconds as a list of milliseconds."""
    return ", ".join(f"{v * 1000:.0f}" for v in values) + " ms"


def main() -> None:
    """Run both benchmarks in scratch SQLite databases."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rq", action="store_true", help="send through a real RQ worker")
    args = parser.parse_args()
    sink = Sink()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            print(load())
            bench_due(scratch, port, args.runs)
            bench_send(scratch, port, sink, args.rq)
            print(load())
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
