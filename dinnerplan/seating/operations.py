"""Seating operations the views, the CLI and other areas call. Operations flush, never commit.

Other areas use: published_version(event), current_version(event),
publish(version) -> guest ids whose table changed. Guests already introduced hear of a
change only when the organizer sends the previewed updates (intros/changes.py).
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app

from dinnerplan import jobs
from dinnerplan.extensions import db
from dinnerplan.models import Event, SeatingVersion, VersionKind, VersionStatus
from dinnerplan.models._base import utcnow
from dinnerplan.seating import versions as v
from dinnerplan.seating.editing import EditError
from dinnerplan.seating.summary import has_warnings

published_version = v.published_version
current_version = v.current_version


def running_version(event: Event) -> SeatingVersion | None:
    """Return a version a job is still working on; mark long-abandoned ones as failed."""
    latest = v.latest_version(event)
    if latest is None or latest.status not in v.ACTIVE:
        return None
    # A worker that died (server restart) must not block seating for ever.
    patience = timedelta(seconds=float(current_app.config["SOLVER_TIME_LIMIT"]) * 3 + 300)
    if utcnow() - latest.created_at > patience:
        latest.status = VersionStatus.FAILED
        latest.reason = "Seating failed: the background job stopped without finishing; try again."
        db.session.flush()
        return None
    return latest


def start_seating(
    event: Event, kind: str = VersionKind.SOLVE, parent: SeatingVersion | None = None
):
    """Add a pending version for a solver run (solve | reseat | reseat_all | late).

    Enqueue it after the commit.
    """
    if running_version(event) is not None:
        raise EditError("A seating is already being worked out; wait for it to finish.")
    if kind != VersionKind.SOLVE and (parent is None or parent.status not in v.SEATED):
        raise EditError("Choose a seating to start from.")
    return v.new_version(event, kind, parent=parent)


def enqueue_seating(version: SeatingVersion) -> None:
    """Run the seating job in the background (call after the commit)."""
    jobs.enqueue("dinnerplan.seating.jobs:run_seating", version.id)


def publish_problem(version: SeatingVersion) -> str:
    """Return why a version cannot be published ('' when it can)."""
    if version.status not in v.SEATED:
        return "Only a finished seating can be published."
    if has_warnings(version.summary):
        return "Fix the warnings on the tables first: a table breaks its size or a keep-apart rule."
    return ""


def publish(version: SeatingVersion) -> list[int]:
    """Publish a version; return the guest ids whose table changed since the last publication.

    For a first publication that is every seated guest; a guest counts as changed when they
    are newly seated or sit at a different table than in the previously published version.
    """
    problem = publish_problem(version)
    if problem:
        raise EditError(problem)
    event = db.session.get(Event, version.event_id)
    previous = published_version(event)
    if previous is not None and previous.id == version.id:
        return []
    before = v.seating_of(previous)
    db.session.execute(
        db.update(SeatingVersion)
        .where(SeatingVersion.event_id == event.id, SeatingVersion.id != version.id)
        .values(published_at=None)
    )
    version.published_at = utcnow()
    db.session.flush()
    after = v.seating_of(version)
    return sorted(g for g, t in after.items() if before.get(g) != t)
