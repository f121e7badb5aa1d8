"""An event's help-topic catalogue: the built-in one with the organizer's edits applied.

Reading, suggesting and searching use the customised catalogue, which never offers a
hidden topic; a hidden topic a guest confirmed keeps its name and still counts for seating.
"""

from __future__ import annotations

import functools
import json

from dinnerplan.matching.topics import Catalogue, load_catalogue
from dinnerplan.models import Event

SIDES = ("need", "offer")
SIDE_LABELS = {"need": "Needs", "offer": "Offers"}


def settings_of(event: Event) -> dict:
    """The event's topic settings with every key present."""
    raw = event.topic_settings or {}
    return {
        "added": list(raw.get("added") or []),
        "renamed": dict(raw.get("renamed") or {}),
        "hidden": list(raw.get("hidden") or []),
    }


def event_catalogue(event: Event) -> Catalogue:
    """The catalogue this event reads and suggests from (hidden topics left out)."""
    return _customised(json.dumps(settings_of(event), sort_keys=True))


def full_catalogue(event: Event) -> Catalogue:
    """Every topic the event knows, hidden ones included: for names and confirmed uses."""
    settings = settings_of(event)
    return _customised(json.dumps({**settings, "hidden": []}, sort_keys=True))


@functools.lru_cache(maxsize=64)
def _customised(key: str) -> Catalogue:
    """Build (once per distinct settings) the customised catalogue."""
    settings = json.loads(key)
    if not any(settings.values()):
        return load_catalogue()
    return load_catalogue().customised(
        added=settings["added"], renamed=settings["renamed"], hidden=settings["hidden"]
    )


def topic_name(catalogue: Catalogue, topic_id: str) -> str:
    """The topic's name for people; an unknown id is shown as itself."""
    topic = catalogue.get(topic_id)
    return topic.name if topic else topic_id


def known_ids(event: Event) -> set[str]:
    """Ids of every topic this event knows, hidden ones included."""
    return set(full_catalogue(event).topics)
