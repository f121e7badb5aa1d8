"""Uploaded CSV files kept between the preview and the confirmed import.

The file lives in the instance folder (or IMPORT_FOLDER) under a random name; only its key
goes in the (signed) session, and the name also carries the organizer and event, so a key
is useless to anyone else or for another event. Files expire after an hour and go once imported.
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

from flask import current_app, session

from dinnerplan.guests.importer import ImportPreview, parse_csv
from dinnerplan.matching.topics import Catalogue

MAX_AGE_SECONDS = 3600
SESSION_KEY = "guest_imports"


def _folder() -> Path:
    configured = current_app.config.get("IMPORT_FOLDER")
    folder = Path(configured) if configured else Path(current_app.instance_path) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _path(organizer_id: int, event_id: int, key: str) -> Path | None:
    if not re.fullmatch(r"[0-9a-f]{32}", key or ""):
        return None
    return _folder() / f"{organizer_id}-{event_id}-{key}.csv"


def _sweep() -> None:
    """Delete uploads older than an hour (abandoned previews)."""
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in _folder().glob("*.csv"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def save_upload(organizer_id: int, event_id: int, data: bytes) -> None:
    """Store an upload for this organizer and event, replacing their previous one."""
    _sweep()
    discard_upload(organizer_id, event_id)
    key = secrets.token_hex(16)
    _path(organizer_id, event_id, key).write_bytes(data)
    session[SESSION_KEY] = {**session.get(SESSION_KEY, {}), str(event_id): key}


def load_upload(organizer_id: int, event_id: int) -> bytes | None:
    """The stored upload for this organizer and event, or None if absent or expired."""
    path = _path(organizer_id, event_id, session.get(SESSION_KEY, {}).get(str(event_id), ""))
    if path is None or not path.is_file():
        return None
    if path.stat().st_mtime < time.time() - MAX_AGE_SECONDS:
        path.unlink(missing_ok=True)
        return None
    return path.read_bytes()


def discard_upload(organizer_id: int, event_id: int) -> None:
    """Delete the stored upload and forget its key."""
    keys = dict(session.get(SESSION_KEY, {}))
    path = _path(organizer_id, event_id, keys.pop(str(event_id), ""))
    if path is not None:
        path.unlink(missing_ok=True)
    session[SESSION_KEY] = keys


def parse_upload(data: bytes, catalogue: Catalogue | None = None) -> ImportPreview:
    """Parse an uploaded guest list with this app's row cap and the event's topics.

    The cap is IMPORT_MAX_ROWS; the topic catalogue is the built-in one by default.
    """
    return parse_csv(data, current_app.config["IMPORT_MAX_ROWS"], catalogue)
