"""The seating job: runs on the in-process worker or an RQ worker, and commits its progress.

A job only ever writes its own version: whatever happens, earlier versions (and the
published seating) are untouched.
"""

from __future__ import annotations

import logging

from dinnerplan.extensions import db
from dinnerplan.models import SeatingVersion, VersionStatus
from dinnerplan.seating.solving import SeatingFailed, solve_version

log = logging.getLogger(__name__)

ADVICE = (
    ("do not fit", "Add a table or raise the maximum table size, or waitlist some guests."),
    ("cannot fill", "Remove a table or lower the minimum table size, or confirm more guests."),
    ("kept apart", "Remove a 'don't seat me with' wish, add a table, or unlock some guests."),
    ("fixed seats", "Unlock some guests or tables and seat again."),
    ("must sit at", "Unlock some guests or tables and seat again."),
    ("host", "Change the table hosts so each table has at most one."),
    ("time limit", "Allow more time (dinnerplan seat --time-limit) or relax a rule."),
)


def explain(reason: str) -> str:
    """Turn the solver's reason into a sentence that also says what to change."""
    text = reason.strip().rstrip(".")
    text = text[:1].upper() + text[1:] + "."
    if "lower the" in text or "widen the" in text:
        return text
    for key, advice in ADVICE:
        if key in text:
            return f"{text} {advice}"
    return f"{text} Change one of the rules named above and seat again."


def _set(version_id: int, **fields) -> None:
    """Write fields onto the version and commit (progress must be visible to the page)."""
    version = db.session.get(SeatingVersion, version_id)
    for name, value in fields.items():
        setattr(version, name, value)
    db.session.commit()


def run_seating(version_id: int, time_limit: float | None = None) -> str:
    """Seat the version's event; record status, result or reason. Return the final status."""
    from dinnerplan.solver import InfeasibleError

    version = db.session.get(SeatingVersion, version_id)
    if version is None or version.status not in (VersionStatus.PENDING, VersionStatus.RUNNING):
        return version.status if version else "missing"  # already done: a retried job
    _set(version_id, status=VersionStatus.RUNNING, summary={"progress": "Starting…"})

    def progress(message: str) -> None:
        # Commit the message without expiring the run's loaded rows: after an expiring
        # commit, reading 500 guests' names again took one query per guest (about 1 s).
        session = db.session()
        session.expire_on_commit = False
        try:
            _set(version_id, summary={"progress": message})
        finally:
            session.expire_on_commit = True

    try:
        solve_version(db.session.get(SeatingVersion, version_id), time_limit, progress)
        db.session.commit()
    except InfeasibleError as exc:
        db.session.rollback()
        _set(
            version_id,
            status=VersionStatus.INFEASIBLE,
            reason=explain(exc.reason)[:1000],
            summary={},
        )
    except SeatingFailed as exc:
        db.session.rollback()
        _set(
            version_id,
            status=VersionStatus.FAILED,
            reason=f"Seating failed: {exc}"[:1000],
            summary={},
        )
    except Exception as exc:  # noqa: BLE001 - any crash must end as a readable failure
        log.exception("seating version %s failed", version_id)
        db.session.rollback()
        _set(
            version_id,
            status=VersionStatus.FAILED,
            reason=f"Seating failed: {exc}"[:1000],
            summary={},
        )
    return db.session.get(SeatingVersion, version_id).status
