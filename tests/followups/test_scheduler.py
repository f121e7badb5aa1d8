"""The same job on every scheduler: the in-process thread, and RQ's cron with a real worker."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from dinnerplan.extensions import db
from dinnerplan.followups import scheduler
from dinnerplan.models import Event
from dinnerplan.models._base import utcnow
from tests.seating.test_jobs import redis_or_skip

ROOT = Path(__file__).resolve().parents[2]


def test_in_process_loop_ticks_with_the_injected_clock_and_stops(app, seated, inbox):
    with app.app_context():
        db.session.get(Event, seated.event.id).starts_at = datetime(2030, 5, 1, 19, 0)
        db.session.commit()
    stop = threading.Event()
    stop.set()  # one tick, then the wait returns at once: no sleeping in the test
    scheduler.loop(app, stop, 300, clock=lambda: datetime(2030, 5, 2, 8, 0))
    assert len(inbox.messages) == 8
    scheduler.loop(app, stop, 300, clock=lambda: datetime(2030, 5, 2, 9, 0))
    assert len(inbox.messages) == 8  # the second run finds everything sent


def test_in_process_scheduler_is_off_when_rq_runs_the_cron(app):
    app.config["REDIS_URL"] = "redis://127.0.0.1:6379/0"
    assert scheduler.start_in_process(app) is None


@pytest.fixture
def rq_db():
    """A Redis database of its own: the first empty one.

    Other test runs share this Redis server and the seating tests pick one of 1-15 at random,
    so this is a best effort.
    """
    from redis import Redis

    for number in (13, 10, 7, 11, 9):
        url = f"redis://127.0.0.1:6379/{number}"
        try:
            if Redis.from_url(url).dbsize() == 0:
                return url
        except Exception:  # Redis down: the test skips (or fails on CI) below
            return url
    return "redis://127.0.0.1:6379/13"


def test_rq_cron_enqueues_the_job_and_a_real_worker_sends_once(app, seated, inbox, rq_db):
    redis_or_skip(rq_db)
    # The dinner was yesterday (UTC) or the day before: the morning-after window is open now.
    now = utcnow()
    day = now.date() - timedelta(days=1 if now.hour >= 9 else 2)
    with app.app_context():
        event = db.session.get(Event, seated.event.id)
        event.starts_at, event.timezone = datetime.combine(day, datetime.min.time()), "UTC"
        db.session.commit()
    env = dict(
        os.environ,
        DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
        REDIS_URL=rq_db,
        MAIL_SERVER=str(app.config["MAIL_SERVER"]),
        MAIL_PORT=str(app.config["MAIL_PORT"]),
        SECRET_KEY=app.config["SECRET_KEY"],
        PYTHONPATH=str(ROOT),
    )
    script = (
        "import os\n"
        "from redis import Redis\n"
        "from rq import Queue, SimpleWorker\n"
        "from rq.cron import CronScheduler\n"
        "conn = Redis.from_url(os.environ['REDIS_URL'])\n"
        "cron = CronScheduler(connection=conn)\n"
        "cron.load_config_from_file('dinnerplan.followups.rq_cron')\n"
        "assert len(cron.enqueue_jobs()) == 1\n"
        "SimpleWorker([Queue('dinnerplan', connection=conn)], connection=conn).work(burst=True)\n"
    )
    for _ in range(2):  # a second cron run (or a retried job) sends nothing more
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert len(inbox.messages) == 8
