"""The RQ worker process: one app per process, a warm search kernel, and sweeps.

Start workers with `dinnerplan worker` (the same as `rq worker -w dinnerplan.worker.Worker
--with-scheduler dinnerplan`, with REDIS_URL and the app's other settings in the
environment). The app is built once, in the worker's parent process, before RQ forks a work
horse for each job: a job costs a fork, not a fresh import and build of the whole app. When
the worker starts, and every minute after, it sweeps: mail a dead worker or an unreachable
Redis left in the outbox is queued again (dinnerplan.mail.jobs), and RQ retries jobs whose
worker died (the retry policy set in dinnerplan.jobs).
"""

from __future__ import annotations

import logging
import os
from datetime import timedelta

import click
import rq
from flask import Flask, current_app
from flask.cli import with_appcontext

from dinnerplan import jobs

log = logging.getLogger(__name__)
SWEEP_EVERY = 60  # seconds between sweeps (RQ's maintenance interval)
_app: Flask | None = None
_engine_pid: int | None = None


def get_app() -> Flask:
    """Return this process's app, building it from the environment the first time."""
    global _app
    if _app is None:
        from dinnerplan.app import create_app

        _app = create_app()
    return _app


def use_app(app: Flask) -> None:
    """Make app this process's app (the CLI has built one already)."""
    global _app
    _app = app


def run(path: str, *args):
    """Job entry point on an RQ worker: run the job named path in this process's app."""
    app = get_app()
    _own_connections(app)
    return jobs.run_in_app(app, path, args)


def _own_connections(app: Flask) -> None:
    """In a forked work horse, drop the parent's pooled connections without closing them."""
    global _engine_pid
    if _engine_pid != os.getpid():
        from dinnerplan.extensions import db

        with app.app_context():
            db.engine.dispose(close=False)
        _engine_pid = os.getpid()


def sweep(app: Flask, grace: timedelta | None = None) -> list[int]:
    """Queue again the mail left behind; return the message ids handed to a job."""
    from dinnerplan.mail import jobs as mail_jobs

    with app.app_context():
        if grace is None:
            return mail_jobs.sweep()
        return mail_jobs.sweep(grace=grace)


class Worker(rq.Worker):
    """RQ's forking worker, with the app built once and sweeps as maintenance."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("maintenance_interval", SWEEP_EVERY)
        # An idle worker wakes from waiting on Redis every worker_ttl - 15 s: sweep on time.
        kwargs.setdefault("worker_ttl", SWEEP_EVERY + 15)
        super().__init__(*args, **kwargs)
        self.swept = False
        get_app()
        from dinnerplan.solver.kernel import warm_up

        warm_up()  # compiled once per installation; loads from numba's disk cache after

    def run_maintenance_tasks(self) -> None:
        """RQ's registry cleaning, then the outbox sweep (everything queued, at start-up)."""
        super().run_maintenance_tasks()
        try:
            sweep(get_app(), grace=None if self.swept else timedelta(0))
        except Exception:  # noqa: BLE001 - a database hiccup must not stop the worker
            log.exception("outbox sweep failed")
        self.swept = True


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run a background worker (needs REDIS_URL): sends mail, seats, renders sheets."""
    app = current_app._get_current_object()
    if not app.config.get("REDIS_URL"):
        raise click.ClickException("Set REDIS_URL: the worker takes its jobs from Redis.")
    use_app(app)
    # Train the topic reader once here, so every forked work horse inherits it ready.
    from dinnerplan.matching import topics

    topics.warm()
    queue = jobs.rq_queue(app)
    Worker([queue], connection=queue.connection).work(burst=burst, with_scheduler=True)


@click.group("jobs")
def jobs_cli() -> None:
    """Background jobs."""


@jobs_cli.command("sweep")
@click.option("--grace", default=60, show_default=True, help="Skip mail queued fewer seconds ago.")
@with_appcontext
def sweep_command(grace: int) -> None:
    """Send the mail that stopped workers or an unreachable Redis left in the outbox."""
    app = current_app._get_current_object()
    if app.config.get("REDIS_URL"):
        from rq.registry import clean_registries

        clean_registries(jobs.rq_queue(app))  # RQ retries jobs whose worker died
    ids = sweep(app, grace=timedelta(seconds=grace))
    jobs.wait_for_jobs(timeout=600)
    where = "the workers" if app.config.get("REDIS_URL") else "this process"
    click.echo(f"{len(ids)} message(s) left behind, handed to {where}.")
