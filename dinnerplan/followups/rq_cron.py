"""RQ cron configuration: `rq cron dinnerplan.followups.rq_cron` (with `rq worker dinnerplan`).

Runs the follow-up sender every five minutes through dinnerplan.worker.run, which uses the
worker process's one app, exactly as every other background job does.
"""

from rq import cron

from dinnerplan.followups.scheduler import INTERVAL, JOB
from dinnerplan.worker import run

cron.register(run, "dinnerplan", args=(JOB,), interval=INTERVAL, name="followups-send-due")
