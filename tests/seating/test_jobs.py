"""The seating job in the background: the in-process worker, and a real RQ worker on Redis."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dinnerplan import jobs
from dinnerplan.extensions import db
from dinnerplan.models import Guest, SeatingVersion
from tests.seating.conftest import add_guests

ROOT = Path(__file__).resolve().parents[2]
REDIS_DB = random.randint(1, 15)  # a database of its own: other test runs share this Redis


def poll_until_done(client, event, attempts=300):
    """Poll the status endpoint as the page's script does, until the run is over."""
    for _ in range(attempts):
        status = client.get(f"/events/{event.id}/seating/status").get_json()
        if status["done"]:
            return status
        time.sleep(0.2)
    raise AssertionError(f"seating still running: {status}")


class TestInProcess:
    @pytest.fixture
    def app_config(self, app_config):
        app_config["JOBS_EAGER"] = False
        return app_config

    def test_page_shows_progress_then_the_result(self, app, signed_in, event):
        add_guests(app, event, 16, seed=41)
        try:
            page = signed_in.post(f"/events/{event.id}/seating/run", follow_redirects=True)
            text = page.get_data(as_text=True)
            assert "Seating version 1 started." in text
            status = poll_until_done(signed_in, event)
        finally:
            jobs.wait_for_jobs()
        assert status["status"] in ("optimal", "feasible")
        assert status["number"] == 1
        page = signed_in.get(status["url"]).get_data(as_text=True)
        assert "16 guests sit with someone" in page or "of 16 guests sit with" in page


def redis_or_skip(url: str):
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisDown

    conn = Redis.from_url(url)
    try:
        conn.ping()
    except RedisDown as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is required on CI: {exc}")
        pytest.skip(f"Redis is not reachable at {url}: {exc}")
    return conn


class TestRQ:
    @pytest.fixture
    def app_config(self, app_config):
        app_config["JOBS_EAGER"] = False
        app_config["REDIS_URL"] = f"redis://127.0.0.1:6379/{REDIS_DB}"
        return app_config

    def run_worker(self, app):
        """A real RQ worker in its own process; it builds its app from the environment."""
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
                "REDIS_URL": app.config["REDIS_URL"],
                "MAIL_SERVER": str(app.config["MAIL_SERVER"]),
                "MAIL_PORT": str(app.config["MAIL_PORT"]),
                "SOLVER_TIME_LIMIT": "1",
                "SOLVER_WORKERS": "1",
                "PYTHONPATH": str(ROOT),
            }
        )
        script = (
            "from redis import Redis; from rq import Queue, SimpleWorker; import os\n"
            "conn = Redis.from_url(os.environ['REDIS_URL'])\n"
            "queue = Queue('dinnerplan', connection=conn)\n"
            "SimpleWorker([queue], connection=conn).work(burst=True)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-2000:]

    def test_rq_worker_seats_and_a_failed_job_keeps_the_previous_seating(
        self, app, signed_in, event
    ):
        conn = redis_or_skip(app.config["REDIS_URL"])
        from rq import Queue

        queue = Queue("dinnerplan", connection=conn)
        queue.empty()
        add_guests(app, event, 16, seed=42)

        page = signed_in.post(f"/events/{event.id}/seating/run", follow_redirects=True)
        assert "seating in progress" in page.get_data(as_text=True)
        assert len(queue) == 1
        self.run_worker(app)
        status = signed_in.get(f"/events/{event.id}/seating/status").get_json()
        assert status["done"]
        assert status["status"] in ("optimal", "feasible")
        with app.app_context():
            v1 = db.session.execute(db.select(SeatingVersion)).scalar_one()
            seating = {a.guest_id: a.table_id for a in v1.assignments}
            assert len(seating) == 16

        signed_in.post(f"/events/{event.id}/seating/run")
        with app.app_context():  # everyone declines before the worker gets to the job
            db.session.execute(db.update(Guest).values(rsvp="no"))
            db.session.commit()
        self.run_worker(app)

        page = signed_in.get(f"/events/{event.id}/seating/").get_data(as_text=True)
        assert "Version 2: seating failed." in page
        assert "there are no confirmed guests to seat yet" in page
        with app.app_context():
            v1 = db.session.execute(
                db.select(SeatingVersion).where(SeatingVersion.number == 1)
            ).scalar_one()
            assert {a.guest_id: a.table_id for a in v1.assignments} == seating
            assert v1.status in ("optimal", "feasible")
