"""Background jobs: RQ workers when REDIS_URL is set, an in-process worker otherwise.

Jobs are named by import path ("dinnerplan.mail.operations:send_messages") so an RQ worker
can run them in its own process; each runs inside an app context.
"""

from __future__ import annotations

import importlib
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from flask import Flask, current_app

log = logging.getLogger(__name__)
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
        _run_in_app(app, path, args)
        return None
    if app.config.get("REDIS_URL"):
        from redis import Redis
        from rq import Queue

        queue = Queue("dinnerplan", connection=Redis.from_url(app.config["REDIS_URL"]))
        job = queue.enqueue(run_job, path, *args, job_timeout=job_timeout)
        return job.id
    future = _pool().submit(_run_in_app, app, path, args)
    _futures.append(future)
    return None


def run_job(path: str, *args):
    """Entry point on an RQ worker: build the app from the environment and run the job."""
    from dinnerplan.app import create_app

    return _run_in_app(create_app(), path, args)


def wait_for_jobs(timeout: float = 60) -> None:
    """Block until in-process jobs started so far have finished (tests, CLI)."""
    while _futures:
        _futures.pop(0).result(timeout=timeout)


def _run_in_app(app: Flask, path: str, args: tuple):
    with app.app_context():
        try:
            return resolve(path)(*args)
        except Exception:
            log.exception("job %s failed", path)
            from dinnerplan.extensions import db

            db.session.rollback()
            raise
        finally:
            from dinnerplan.extensions import db

            db.session.remove()


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="dinnerplan-job")
        return _executor
