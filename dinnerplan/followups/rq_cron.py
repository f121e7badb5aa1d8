"""RQ cron configuration: `rq cron dinnerplan.followups.rq_cron` (with `rq worker dinnerplan`).

Runs the follow-up sender every five minutes through dinnerplan.jobs.run_job, which builds
the app from the environment on the worker, exactly as every other background job does.
"""

from rq import cron

from dinnerplan.followups.scheduler import INTERVAL, JOB
from dinnerplan.jobs import run_job

cron.register(run_job, "dinnerplan", args=(JOB,), interval=INTERVAL, name="followups-send-due")
