"""The RQ job entry point as it was before one app per worker: a new app for every job.

Used by jobs_bench.py to measure the "before" figure with plain `rq worker`; importing this
module costs nothing, so the work horse pays what the old dinnerplan.jobs.run_job paid.
"""


def run_with_fresh_app(path: str, *args):
    """Build the app from the environment, then run the job in it (the old run_job)."""
    from dinnerplan.app import create_app
    from dinnerplan.jobs import run_in_app

    return run_in_app(create_app(), path, args)
