"""Fault injection: a real RQ worker killed mid-batch; each email still arrives once.

The worker is killed with SIGKILL in the middle of a batch of introductions; a new worker
and the sweep finish the batch.

Real parts throughout: Redis at 127.0.0.1:6379 (a queue name of the test's own), worker
processes started with `python -m dinnerplan worker`, and a loopback SMTP server that holds
one message unanswered so the kill lands at a known point: 20 delivered, one in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from dinnerplan.extensions import db
from dinnerplan.mail import jobs as mail_jobs
from dinnerplan.models import Assignment, Message, SeatingVersion, Table
from dinnerplan.models._base import utcnow
from tests.factories import sign_in_as

ROOT = Path(__file__).resolve().parents[1]
GUESTS = 60
HOLD_AT = 20  # the SMTP server answers 20 messages, then holds the 21st


class HoldingServer:
    """An SMTP handler that accepts HOLD_AT messages, then holds the next one.

    It leaves that one unanswered until released: a mail server the worker is still talking
    to when it dies.
    """

    def __init__(self) -> None:
        self.accepted: list[str] = []
        self.holding = threading.Event()
        self.lock = threading.Lock()
        self._release: asyncio.Event | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd handler hook
        with self.lock:
            hold = len(self.accepted) == HOLD_AT and not self.holding.is_set()
            if hold:
                self._release = asyncio.Event()
                self.loop = asyncio.get_running_loop()
                self.holding.set()
        if hold:
            await self._release.wait()
            return "421 Closing: the client went away"  # never accepted, never delivered
        with self.lock:
            self.accepted.extend(envelope.rcpt_tos)
        return "250 OK"

    def release(self) -> None:
        """Let the held message's handler finish (its client is dead by then)."""
        if self._release is not None:
            self.loop.call_soon_threadsafe(self._release.set)

    def count(self) -> int:
        with self.lock:
            return len(self.accepted)


@pytest.fixture
def holding_smtp():
    handler = HoldingServer()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    handler.release()
    controller.stop()


@pytest.fixture
def redis_queue():
    """A queue name of this test's own on the real Redis; its keys are removed afterwards."""
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisDown
    from rq import Worker

    conn = Redis.from_url("redis://127.0.0.1:6379/0")
    try:
        conn.ping()
    except RedisDown as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is required on CI: {exc}")
        pytest.skip(f"Redis is not reachable: {exc}")
    name = f"dinnerplan-test-{uuid.uuid4().hex[:12]}"
    yield name
    from rq import Queue

    queue = Queue(name, connection=conn)
    registries = (
        queue.started_job_registry,
        queue.finished_job_registry,
        queue.failed_job_registry,
        queue.scheduled_job_registry,
        queue.deferred_job_registry,
    )
    job_ids = set(queue.get_job_ids())
    for registry in registries:
        job_ids.update(registry.get_job_ids())
    for job_id in job_ids:
        conn.delete(f"rq:job:{job_id}", f"rq:results:{job_id}", f"rq:executions:{job_id}")
    for worker in Worker.all(queue=queue):
        conn.srem("rq:workers", worker.key)
        conn.delete(worker.key)
    for key in conn.scan_iter(f"rq:*{name}*"):
        conn.delete(key)


@pytest.fixture
def app_config(app_config, holding_smtp, redis_queue):
    _, port = holding_smtp
    app_config.update(
        JOBS_EAGER=False,
        REDIS_URL="redis://127.0.0.1:6379/0",
        RQ_QUEUE=redis_queue,
        MAIL_PORT=port,
    )
    return app_config


def seat_and_publish(app, make) -> tuple:
    """An event with GUESTS confirmed guests at tables of six, seating published."""
    organizer = make.organizer()
    event = make.event(organizer, title="Harbour Supper")
    guests = [
        make.guest(event, name=f"Guest {n:02d}", email=f"guest{n:02d}@example.com", rsvp="yes")
        for n in range(GUESTS)
    ]
    with app.app_context():
        version = SeatingVersion(
            event_id=event.id, number=1, kind="solve", status="optimal", published_at=utcnow()
        )
        db.session.add(version)
        for t in range(GUESTS // 6):
            table = Table(event_id=event.id, name=f"Table {t + 1}", position=t, max_seats=6)
            db.session.add(table)
            db.session.flush()
            for order, guest in enumerate(guests[t * 6 : t * 6 + 6]):
                version.assignments.append(
                    Assignment(guest_id=guest.id, table_id=table.id, seat_order=order)
                )
        db.session.commit()
    return organizer, event


def start_worker(app) -> subprocess.Popen:
    """`python -m dinnerplan worker` in a session of its own (so its work horse dies too)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
        REDIS_URL=app.config["REDIS_URL"],
        RQ_QUEUE=app.config["RQ_QUEUE"],
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=str(app.config["MAIL_PORT"]),
        SECRET_KEY="test-secret",
        PYTHONPATH=str(ROOT),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "dinnerplan", "worker"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_tree(worker: subprocess.Popen) -> None:
    """SIGKILL the worker and every process under it, as a machine or container dying does.

    RQ's work horse runs in a process group of its own, so killing the group is not enough.
    """
    tree = [worker.pid]
    for parent in tree:
        tree.extend(children_of(parent))
    for pid in tree:  # the parent first, so it cannot react to its horse dying
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    worker.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in tree[1:]):
        assert time.monotonic() < deadline, "a killed work horse is still running"
        time.sleep(0.05)


def children_of(pid: int) -> list[int]:
    """The ids of pid's child processes, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """True while pid runs (a zombie waiting to be reaped counts as dead)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_until(condition, what: str, worker: subprocess.Popen, seconds: float = 180) -> None:
    """Poll condition until it holds; fail if the worker exits or the deadline passes."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert worker.poll() is None, f"the worker exited while waiting for {what}"
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def statuses(app) -> Counter:
    with app.app_context():
        rows = db.session.execute(db.select(Message.status)).scalars()
        return Counter(rows)


def test_a_batch_survives_a_killed_worker_and_each_email_arrives_once(
    app, client, make, holding_smtp
):
    smtp, _ = holding_smtp
    organizer, event = seat_and_publish(app, make)
    sign_in_as(client, organizer)
    page = client.post(f"/events/{event.id}/intros/send", follow_redirects=True)
    assert page.status_code == 200

    first = start_worker(app)
    try:
        wait_until(smtp.holding.is_set, "the 21st message", first)
    finally:
        kill_tree(first)
    smtp.release()
    assert smtp.count() == HOLD_AT
    assert statuses(app) == {"sent": HOLD_AT, "sending": 1, "queued": GUESTS - HOLD_AT - 1}

    # A minute later the page no longer claims to be sending: the batch has stopped.
    app.config["CLOCK"] = lambda: utcnow() + timedelta(seconds=61)
    text = client.get(f"/events/{event.id}/intros/").get_data(as_text=True)
    assert f"Sent {HOLD_AT} of {GUESTS} (paused" in text
    assert "sending…" not in text
    app.config["CLOCK"] = None

    second = start_worker(app)  # its start-up sweep picks up the queued rest
    try:
        # Wait for the database, not the mail server: the worker marks a message sent only
        # after the server has accepted it, and a sweep in between would see it in flight.
        wait_until(
            lambda: statuses(app) == {"sent": GUESTS - 1, "sending": 1}, "the queued rest", second
        )
        assert smtp.count() == GUESTS - 1
        # Once the in-flight message's claim has run out, the periodic sweep queues it again.
        timeout = app.config["MAIL_SENDING_TIMEOUT"]
        app.config["CLOCK"] = lambda: utcnow() + timedelta(seconds=timeout + 1)
        with app.app_context():
            assert len(mail_jobs.sweep()) == 1
        wait_until(lambda: statuses(app) == {"sent": GUESTS}, "every message sent", second)
    finally:
        second.send_signal(signal.SIGTERM)  # a warm shutdown: finishes its job, if any
        second.wait(timeout=60)
    app.config["CLOCK"] = None

    delivered = Counter(smtp.accepted)
    assert len(delivered) == GUESTS
    assert set(delivered.values()) == {1}
    text = client.get(f"/events/{event.id}/intros/").get_data(as_text=True)
    assert "Every seated guest has their introduction" in text
