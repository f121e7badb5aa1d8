"""Background jobs and a Redis outage (issue 9): worker throughput, sign-in/RSVP latency.

    python benchmarks/jobs_bench.py [--database-url postgresql://postgres@127.0.0.1:5432/postgres]
                                    [--messages 1000] [--before-jobs 40] [--skip-before]

Needs Redis at 127.0.0.1:6379 (a queue of the run's own, removed afterwards).
1. Throughput to a loopback SMTP sink, in messages per second from the first enqueue to the
   last message received, with 1 and 2 workers:
   - `dinnerplan worker` (one app per process): --messages messages, each its own job (as RSVP
     confirmations are), and the same number as one batch job (as introductions are);
   - before: plain `rq worker` running a job entry that builds the app for every job (the
     old dinnerplan.jobs.run_job), on --before-jobs one-message jobs (it is slow).
2. Sign-in (POST of the real form, password hashing included) and RSVP (POST of a guest's
   answer) through the app's test client, with Redis up and with REDIS_URL and the rate-limit
   storage on a closed port: median and p90 of 50 each, after 5 warm-ups.
"""

from __future__ import annotations

import argparse
import os
import signal
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

from aiosmtpd.controller import Controller  # noqa: E402
from redis import Redis  # noqa: E402
from rq import Queue, Worker  # noqa: E402

from benchmarks.app_bench import fresh_database  # noqa: E402
from benchmarks.common import load  # noqa: E402
from dinnerplan.app import create_app  # noqa: E402
from dinnerplan.extensions import db  # noqa: E402
from dinnerplan.mail.operations import SEND_JOB  # noqa: E402
from dinnerplan.models import Guest, Message  # noqa: E402

REDIS = "redis://127.0.0.1:6379/0"
BEFORE_ENTRY = "benchmarks.per_job_app.run_with_fresh_app"


class Sink:
    """A loopback SMTP server that counts what it accepts."""

    def __init__(self) -> None:
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd handler hook
        """Count the message and accept it."""
        with self.lock:
            self.count += 1
        return "250 OK"


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_app(database_url: str, **config):
    """The app on this database, with jobs on Redis and mail to the loopback sink."""
    settings = {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "bench-secret",
        "WTF_CSRF_ENABLED": False,
        "SESSION_COOKIE_SECURE": False,
        "JOBS_EAGER": False,
    }
    settings.update(config)
    return create_app(settings)


def add_messages(app, n: int, tag: str) -> list[int]:
    """Record n queued messages; return their ids."""
    with app.app_context():
        rows = [
            Message(
                dedupe_key=f"bench:{tag}:{i}",
                kind="bench",
                recipient=f"guest{i}@example.com",
                subject="Bench",
                body_text="Hello",
            )
            for i in range(n)
        ]
        db.session.add_all(rows)
        db.session.commit()
        return [m.id for m in rows]


def start_workers(n: int, env: dict, before: bool) -> list[subprocess.Popen]:
    """Start n workers: plain `rq worker` (the code before) or `dinnerplan worker`."""
    if before:
        rq = str(Path(sys.executable).parent / "rq")
        command = [rq, "worker", env["RQ_QUEUE"], "--url", env["REDIS_URL"]]
    else:
        command = [sys.executable, "-m", "dinnerplan", "worker"]
    return [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(n)
    ]


def stop(workers: list[subprocess.Popen]) -> None:
    """Stop the workers with SIGTERM and wait for them."""
    for worker in workers:
        worker.send_signal(signal.SIGTERM)
    for worker in workers:
        worker.wait(timeout=120)


def wait_for(condition, seconds: float, what: str) -> None:
    """Wait until condition() is true; give up after `seconds`, naming `what`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        time.sleep(0.05)


def throughput(app, sink, env, workers: int, n: int, mode: str) -> float:
    """Messages per second for n messages with this many workers; mode: jobs|batch|before."""
    queue = Queue(env["RQ_QUEUE"], connection=Redis.from_url(REDIS))
    procs = start_workers(workers, env, before=mode == "before")
    try:
        wait_for(lambda: len(Worker.all(queue=queue)) >= workers, 120, "workers to start")
        ids = add_messages(app, n, f"{mode}-{workers}-{uuid.uuid4().hex[:6]}")
        sink.count = 0
        start = time.perf_counter()
        if mode == "batch":
            queue.enqueue("dinnerplan.worker.run", SEND_JOB, ids)
        else:
            entry = BEFORE_ENTRY if mode == "before" else "dinnerplan.worker.run"
            for message_id in ids:
                queue.enqueue(entry, SEND_JOB, [message_id])
        wait_for(lambda: sink.count >= n, 3600, f"{n} messages ({mode})")
        return n / (time.perf_counter() - start)
    finally:
        stop(procs)


def latency(database_url: str, redis_url: str, queue_name: str, sink_port: int) -> dict:
    """Median and p90 (ms) of sign-in and RSVP posts with REDIS_URL = redis_url."""
    from dinnerplan.links import token_for
    from tests.factories import PASSWORD, Factory

    app = make_app(
        database_url,
        REDIS_URL=redis_url,
        RQ_QUEUE=queue_name,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=redis_url,
        RATELIMIT_SIGNIN="100000 per minute",  # every request is counted, none refused
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=sink_port,
    )
    make = Factory(app)
    organizer = make.organizer(email=f"bench-{uuid.uuid4().hex[:6]}@example.com")
    event = make.event(organizer)
    guests = [make.guest(event, name=f"Guest {i}", email=f"g{i}@example.com") for i in range(55)]
    with app.app_context():
        links = [f"/r/{token_for(db.session.get(Guest, g.id))}" for g in guests]
    client = app.test_client()
    signins, rsvps = [], []
    for i in range(55):
        start = time.perf_counter()
        response = client.post(
            "/auth/signin", data={"email": organizer.email, "password": PASSWORD}
        )
        took = time.perf_counter() - start
        assert response.status_code == 302, response.status_code
        client.post("/auth/signout")
        start = time.perf_counter()
        response = client.post(links[i], data={"answer": "no"})
        rsvp_took = time.perf_counter() - start
        assert response.status_code == 303, response.status_code
        if i >= 5:
            signins.append(took * 1000)
            rsvps.append(rsvp_took * 1000)
    return {"sign-in": summary(signins), "RSVP": summary(rsvps)}


def summary(ms: list[float]) -> str:
    """Median and p90 of times in milliseconds, in words."""
    p90 = statistics.quantiles(ms, n=10)[-1]
    return f"median {statistics.median(ms):.1f} ms, p90 {p90:.1f} ms"


def remove_queue(name: str) -> None:
    """Delete a queue and every job it or its registries still hold."""
    conn = Redis.from_url(REDIS)
    queue = Queue(name, connection=conn)
    ids = set(queue.get_job_ids())
    for registry in (
        queue.finished_job_registry,
        queue.failed_job_registry,
        queue.started_job_registry,
    ):
        ids.update(registry.get_job_ids())
    for job_id in ids:
        conn.delete(f"rq:job:{job_id}", f"rq:results:{job_id}", f"rq:executions:{job_id}")
    for key in conn.scan_iter(f"rq:*{name}*"):
        conn.delete(key)


def main() -> None:
    """Run the figures the arguments ask for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--before-jobs", type=int, default=40)
    parser.add_argument("--skip-before", action="store_true")
    args = parser.parse_args()
    drop = None
    if args.database_url.startswith("postgres"):
        database_url, drop = fresh_database(args.database_url)
    else:
        database_url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"
    queue_name = f"dinnerplan-bench-{uuid.uuid4().hex[:8]}"
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        app = make_app(database_url)
        with app.app_context():
            db.create_all()
        env = dict(os.environ)
        env.update(
            DATABASE_URL=database_url,
            REDIS_URL=REDIS,
            RQ_QUEUE=queue_name,
            MAIL_SERVER="127.0.0.1",
            MAIL_PORT=str(controller.port),
            SECRET_KEY="bench-secret",
            PYTHONPATH=str(ROOT),
        )
        print(f"# {load()}; database {database_url.split(':')[0]}", flush=True)
        for workers in (1, 2):
            for mode, n in (
                ("jobs", args.messages),
                ("batch", args.messages),
                ("before", args.before_jobs),
            ):
                if mode == "before" and args.skip_before:
                    continue
                rate = throughput(app, sink, env, workers, n, mode)
                print(
                    f"throughput {mode:6} {workers} worker(s), {n} messages: {rate:.1f} msg/s",
                    flush=True,
                )
        down = f"redis://127.0.0.1:{free_port()}/0"
        for name, url in (("Redis up", REDIS), ("Redis down", down)):
            for what, figure in latency(database_url, url, queue_name, controller.port).items():
                print(f"latency {what:8} {name:10}: {figure}", flush=True)
        print(f"# {load()}")
    finally:
        controller.stop()
        remove_queue(queue_name)
        if drop:
            drop()


if __name__ == "__main__":
    main()
