"""Background jobs: RQ workers when REDIS_URL is set, an in-process worker otherwise.

Jobs are named by import path ("dinnerplan.mail.operations:send_messages") so an RQ worker
can run them in its own process; each runs inside an app context. On RQ every job carries a
retry policy, so a job that raised or whose worker died is run again (every job is safe to
run twice), and its entry point is dinnerplan.worker:run, which reuses one app per worker
process (this module never imports the app). When Redis cannot be reached, enqueue logs it
and returns None: the caller's request still succeeds, and mail waits in the outbox for the
worker's sweep (dinnerplan.mail.jobs.sweep).
"""

from __future__ import annotations

import importlib
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from flask import Flask, current_app

log = logging.getLogger(__name__)
WORKER_ENTRY = "dinnerplan.worker.run"
RETRY_MAX = 3
RETRY_INTERVALS = [10, 60, 300]  # seconds before each retry (RQ's scheduler runs them)
REDIS_TIMEOUT = 2.0  # seconds to connect or answer: an unreachable Redis fails fast
_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()
_futures: list[Future] = []


def resolve(path: str):
    """Return the function named 'package.module:function'."""
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def enqueue(path: str, *args, job_timeout: int = 600) -> str | None:
    """Run a job in the background: on RQ when configured, else in this process."""
    app = current_app._get_current_object()
    if app.config.get("JOBS_EAGER"):
        run_in_app(app, path, args)
        return None
    if app.config.get("REDIS_URL"):
        return _enqueue_on_rq(app, path, args, job_timeout)
    future = _pool().submit(run_in_app, app, path, args)
    _futures.append(future)
    return None


def rq_queue(app: Flask):
    """Return the app's RQ queue (one Redis connection pool per app)."""
    from redis import Redis
    from rq import Queue

    redis = app.extensions.get("dinnerplan.redis")
    if redis is None:
        redis = Redis.from_url(
            app.config["REDIS_URL"],
            socket_connect_timeout=REDIS_TIMEOUT,
            socket_timeout=REDIS_TIMEOUT,
        )
        app.extensions["dinnerplan.redis"] = redis
    return Queue(app.config.get("RQ_QUEUE") or "dinnerplan", connection=redis)


def _enqueue_on_rq(app: Flask, path: str, args: tuple, job_timeout: int) -> str | None:
    from redis.exceptions import RedisError
    from rq import Retry

    try:
        job = rq_queue(app).enqueue(
            WORKER_ENTRY,
            path,
            *args,
            job_timeout=job_timeout,
            retry=Retry(max=RETRY_MAX, interval=RETRY_INTERVALS),
        )
    except RedisError as exc:
        log.warning("could not enqueue %s, left for the sweep: %s", path, exc)
        return None
    return job.id


def wait_for_jobs(timeout: float = 60) -> None:
    """Block until in-process jobs started so far have finished (tests, CLI)."""
    while _futures:
        _futures.pop(0).result(timeout=timeout)


def run_in_app(app: Flask, path: str, args: tuple):
    """Run the job named path inside an app context; roll back and re-raise on error."""
    from dinnerplan.extensions import db

    with app.app_context():
        try:
            return resolve(path)(*args)
        except Exception:
            log.exception("job %s failed", path)
            db.session.rollback()
            raise
        finally:
            db.session.remove()


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="dinnerplan-job")
        return _executor
