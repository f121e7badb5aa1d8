"""Sheets operations: the event's paper size, and rendering every PDF as a background job.

Job progress lives in a small JSON file next to the PDFs it describes
(<SHEETS_DIR or instance/sheets>/<event_id>/<version_id>/status.json), so no table is needed
and an RQ worker on the same host reports progress the same way as the in-process worker.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app

from dinnerplan import jobs
from dinnerplan.extensions import db
from dinnerplan.models import Event, SeatingVersion
from dinnerplan.models._base import utcnow
from dinnerplan.seating.versions import not_coming
from dinnerplan.sheets.render import PAPERS, PRINTABLES, write_all
from dinnerplan.sheets.seating import load_seating
from dinnerplan.statuses import RenderState

STATUS_FILE = "status.json"
# A job reports after every PDF; silence this long means its worker went away.
STALE_AFTER = timedelta(minutes=10)
STALE = "The last run stopped before it finished. Please make the PDFs again."


UNSEATED = "Seat the guests first: this event has no seating to print yet."


def set_paper(event: Event, paper: str) -> None:
    """Choose the paper size the event's sheets are printed on."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper size {paper!r}")
    event.paper = paper
    db.session.flush()


def output_dir(event_id: int, version_id: int) -> Path:
    """Return the folder holding one seating version's PDFs and their status file."""
    root = current_app.config.get("SHEETS_DIR") or Path(current_app.instance_path) / "sheets"
    return Path(root) / str(int(event_id)) / str(int(version_id))


def read_status(event_id: int, version_id: int) -> dict:
    """Return the render job's progress for a version ({'state': 'none'} before any job)."""
    path = output_dir(event_id, version_id) / STATUS_FILE
    try:
        status = json.loads(path.read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return {
            "state": RenderState.NONE,
            "done": 0,
            "total": len(PRINTABLES),
            "files": [],
            "error": "",
        }
    # Only files that are really there can be offered for download.
    folder = path.parent
    status["files"] = [name for name in status.get("files", []) if (folder / name).is_file()]
    if (
        status.get("state") in (RenderState.QUEUED, RenderState.RUNNING)
        and _age(status) > STALE_AFTER
    ):
        status.update(state=RenderState.FAILED, error=STALE)
    return status


def outdated(status: dict, left_off: list) -> bool:
    """True when finished PDFs left off other guests than the seated guests not coming now."""
    made_without = sorted(status.get("left_off", []))
    return status.get("state") == RenderState.DONE and made_without != sorted(
        g.id for g in left_off
    )


def _age(status: dict) -> timedelta:
    try:
        return utcnow() - datetime.fromisoformat(status.get("updated_at", ""))
    except ValueError:
        return timedelta.max


def write_status(event_id: int, version_id: int, **fields) -> dict:
    """Replace the status file atomically so a poll never reads half of it."""
    folder = output_dir(event_id, version_id)
    folder.mkdir(parents=True, exist_ok=True)
    status = {
        "state": RenderState.QUEUED,
        "done": 0,
        "total": len(PRINTABLES),
        "files": [],
        "error": "",
    }
    status.update(fields, updated_at=utcnow().isoformat(timespec="seconds"))
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".status-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(status, out)
    os.replace(temp, folder / STATUS_FILE)
    return status


def start_render(event: Event, version: SeatingVersion, paper: str) -> None:
    """Queue rendering every PDF of this seating version on the given paper."""
    write_status(event.id, version.id, state=RenderState.QUEUED, paper=paper)
    jobs.enqueue("dinnerplan.sheets.operations:render_all", event.id, version.id, paper)


def render_all(event_id: int, version_id: int, paper: str) -> list[str]:
    """Job: write all PDFs for a seating version, recording progress after each file."""
    event = db.session.get(Event, event_id)
    version = db.session.get(SeatingVersion, version_id)
    seating = load_seating(event, version) if event and version else None
    if seating is None:
        write_status(event_id, version_id, state=RenderState.FAILED, paper=paper, error=UNSEATED)
        return []
    write_status(event_id, version_id, state=RenderState.RUNNING, paper=paper)
    files: list[str] = []

    def progress(done: int, filename: str) -> None:
        files.append(filename)
        write_status(
            event_id, version_id, state=RenderState.RUNNING, paper=paper, done=done, files=files
        )

    try:
        write_all(event, seating, paper, output_dir(event_id, version_id), progress)
    except Exception as exc:
        write_status(
            event_id,
            version_id,
            state=RenderState.FAILED,
            paper=paper,
            done=len(files),
            files=files,
            error=f"Making the PDFs failed ({type(exc).__name__}). Please try again.",
        )
        raise
    left_off = [g.id for g in not_coming(version)]  # so the page can tell when this goes stale
    write_status(
        event_id, version_id, state=RenderState.DONE, paper=paper, done=len(files), files=files,
        left_off=left_off,
    )  # fmt: skip
    return files
