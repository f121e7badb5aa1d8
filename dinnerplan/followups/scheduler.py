"""Run `followups.sending.send_due` on a schedule: the same job function everywhere.

- cron: `dinnerplan followups send-due` every few minutes;
- production on RQ: `rq cron dinnerplan.followups.rq_cron` (RQ's own cron scheduler, part
  of RQ itself since 2.5, so no extra package) enqueues it on the `dinnerplan` queue for
  `rq worker dinnerplan`;
- the embedded default: a daemon thread under `dinnerplan run` (start_in_process).

Each stage's email has a once-only outbox key, so two schedulers running at once, or a
retried job, never send anything twice.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from flask import Flask

from dinnerplan.models._base import utcnow

log = logging.getLogger(__name__)
JOB = "dinnerplan.followups.sending:send_due"
INTERVAL = 300  # seconds between runs; stages open at 09:00 local, so minutes are plenty


def tick(app: Flask, clock: Callable[[], datetime] = utcnow) -> int:
    """Send what is due at clock(); return how many emails were due. Never raises."""
    from dinnerplan import jobs

    with app.app_context():
        try:
            return len(jobs.resolve(JOB)(clock()))
        except Exception:  # a bad run must not stop the next one
            log.exception("sending due follow-ups failed")
            return 0
        finally:
            from dinnerplan.extensions import db

            db.session.remove()


def loop(app: Flask, stop: threading.Event, interval: float, clock=utcnow) -> None:
    """Tick now, then every `interval` seconds until `stop` is set."""
    while True:
        tick(app, clock)
        if stop.wait(interval):
            return


def start_in_process(app: Flask, interval: float = INTERVAL) -> threading.Thread | None:
    """Start the in-process scheduler thread, unless RQ's cron does the job (REDIS_URL)."""
    if app.config.get("REDIS_URL"):
        return None
    app = getattr(app, "_get_current_object", lambda: app)()  # a thread needs the real app
    thread = threading.Thread(
        target=loop, args=(app, threading.Event(), interval), name="followups", daemon=True
    )
    thread.start()
    return thread
