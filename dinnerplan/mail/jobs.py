"""The outbox sweep: send what stopped workers and failed enqueues left behind.

The outbox row, not the job, is the unit of "sent once": send_one claims a row atomically,
so a row handed to two jobs (a retried job and the sweep) is still sent once. The worker
runs the sweep when it starts and every minute after (dinnerplan.worker); operators can
run it with `dinnerplan jobs sweep`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from dinnerplan import jobs
from dinnerplan.extensions import db
from dinnerplan.mail import operations as ops

# Rows queued more recently than this are left to the job that queued them.
SWEEP_GRACE = timedelta(seconds=60)


def sweep(at: datetime | None = None, grace: timedelta = SWEEP_GRACE) -> list[int]:
    """Queue again and hand to a job every message left behind; return their ids."""
    ids = ops.left_behind(at or ops.now(), grace)
    db.session.commit()
    if ids:
        jobs.enqueue(ops.SEND_JOB, ids)
    return ids
