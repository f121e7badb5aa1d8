"""Background jobs: the retry policy RQ stores with each job, and `dinnerplan jobs sweep`."""

from __future__ import annotations

import os
import uuid
from datetime import timedelta

import pytest

from dinnerplan import jobs
from dinnerplan.commands import main
from dinnerplan.extensions import db
from dinnerplan.models import Message
from dinnerplan.models._base import utcnow


def left_in_outbox(app, recipient: str, status: str, minutes_ago: int, **fields) -> int:
    """A message recorded minutes ago and left in this status; return its id."""
    with app.app_context():
        then = utcnow() - timedelta(minutes=minutes_ago)
        message = Message(
            dedupe_key=f"left:{recipient}",
            recipient=recipient,
            kind="invitation",
            subject="You're invited",
            body_text="Come to dinner.",
            status=status,
            created_at=then,
            claimed_at=then if status != "queued" else None,
            **fields,
        )
        db.session.add(message)
        db.session.commit()
        return message.id


def status_of(app, message_id: int) -> tuple[str, int]:
    with app.app_context():
        message = db.session.get(Message, message_id)
        return message.status, message.attempts


def test_jobs_on_redis_carry_a_retry_policy(app):
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisDown
    from rq.job import Job

    conn = Redis.from_url("redis://127.0.0.1:6379/0")
    try:
        conn.ping()
    except RedisDown as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is required on CI: {exc}")
        pytest.skip(f"Redis is not reachable: {exc}")
    name = f"dinnerplan-test-{uuid.uuid4().hex[:12]}"
    app.config.update(JOBS_EAGER=False, REDIS_URL="redis://127.0.0.1:6379/0", RQ_QUEUE=name)
    try:
        with app.app_context():
            job_id = jobs.enqueue("dinnerplan.mail.operations:send_messages", [1])
        job = Job.fetch(job_id, connection=conn)
        assert job.origin == name
        assert job.func_name == "dinnerplan.worker.run"
        assert job.args == ("dinnerplan.mail.operations:send_messages", [1])
        assert (job.retries_left, job.retry_intervals) == (3, [10, 60, 300])
    finally:
        conn.delete(f"rq:job:{job_id}")
        for key in conn.scan_iter(f"rq:*{name}*"):
            conn.delete(key)


def test_jobs_sweep_sends_what_was_left_and_nothing_twice(app, runner, inbox):
    waiting = left_in_outbox(app, "ana@example.com", "queued", minutes_ago=5)
    cut_off = left_in_outbox(app, "ben@example.com", "sending", minutes_ago=11, attempts=1)
    in_flight = left_in_outbox(app, "cy@example.com", "sending", minutes_ago=2, attempts=1)
    gave_up = left_in_outbox(app, "di@example.com", "failed", minutes_ago=5, attempts=3)
    fresh = left_in_outbox(app, "ed@example.com", "queued", minutes_ago=0)

    result = runner.invoke(main, ["jobs", "sweep"])

    assert result.exit_code == 0, result.output
    assert "2 message(s) left behind, handed to this process." in result.output
    assert [len(inbox.to(f"{n}@example.com")) for n in ("ana", "ben", "cy", "di", "ed")] == [
        1,
        1,
        0,
        0,
        0,
    ]
    assert status_of(app, waiting) == ("sent", 1)
    assert status_of(app, cut_off) == ("sent", 2)
    assert status_of(app, in_flight) == ("sending", 1)  # its worker may still be talking
    assert status_of(app, gave_up) == ("failed", 3)  # three failures: a person decides
    assert status_of(app, fresh) == ("queued", 0)  # its own job is about to send it
    again = runner.invoke(main, ["jobs", "sweep"])
    assert "0 message(s) left behind" in again.output
    assert len(inbox.messages) == 2


def test_worker_needs_redis(runner):
    result = runner.invoke(main, ["worker", "--burst"])
    assert result.exit_code != 0
    assert "Set REDIS_URL" in result.output
