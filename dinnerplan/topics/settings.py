"""An event's topic settings: add, rename, hide and remove topics, losing nothing.

A topic guests confirmed is never taken away from them: hiding it only stops it being
suggested or read, and removing an added topic in use hides it instead.
"""

from __future__ import annotations

import re
import unicodedata

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest
from dinnerplan.topics.catalogue import full_catalogue, settings_of
from dinnerplan.topics.names import fold


class SettingsError(ValueError):
    """A settings change that cannot be made as asked (the message says why)."""


def usage(event: Event) -> dict[str, int]:
    """How many of the event's guests confirmed each topic (needs and offers together)."""
    counts: dict[str, int] = {}
    rows = db.session.execute(
        db.select(Guest.need_topics, Guest.offer_topics).where(Guest.event_id == event.id)
    )
    for needs, offers in rows:
        for topic_id in set(needs or []) | set(offers or []):
            counts[topic_id] = counts.get(topic_id, 0) + 1
    return counts


def _save(event: Event, settings: dict) -> None:
    event.topic_settings = settings  # a new dict, so the JSON column sees the change
    db.session.flush()


def _check_name(event: Event, name: str, except_id: str = "") -> str:
    name = " ".join(name.split())
    if not name:
        raise SettingsError("Enter a name for the topic.")
    for topic in full_catalogue(event).topics.values():
        if topic.id != except_id and fold(topic.name) == fold(name):
            raise SettingsError(f"There is already a topic called “{topic.name}”.")
    return name


def new_topic_id(event: Event, name: str) -> str:
    """'Vineyard & wine export' -> 'custom-vineyard-wine-export' (unique in the event)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40] or "topic"
    known = set(full_catalogue(event).topics)
    candidate, n = f"custom-{slug}", 2
    while candidate in known:
        candidate, n = f"custom-{slug}-{n}", n + 1
    return candidate


def add_topic(event: Event, name: str, description: str, met_by: list[str], examples: list[str]):
    """Add a topic for this event; return its id."""
    name = _check_name(event, name)
    known = set(full_catalogue(event).topics)
    unknown = [t for t in met_by if t not in known]
    if unknown:
        raise SettingsError(f"Unknown topic '{unknown[0][:60]}' in “met by”.")
    topic_id = new_topic_id(event, name)
    settings = settings_of(event)
    settings["added"].append(
        {
            "id": topic_id,
            "name": name,
            "description": " ".join(description.split()),
            "met_by": list(dict.fromkeys([*met_by, topic_id])),
            "examples": [" ".join(e.split()) for e in examples if e.strip()],
        }
    )
    _save(event, settings)
    return topic_id


def rename_topic(event: Event, topic_id: str, name: str) -> None:
    """Give a topic another name for this event (an added topic is renamed in place)."""
    if topic_id not in full_catalogue(event).topics:
        raise SettingsError("Choose a topic from the list.")
    name = _check_name(event, name, except_id=topic_id)
    settings = settings_of(event)
    added = next((t for t in settings["added"] if t["id"] == topic_id), None)
    if added is not None:
        added["name"] = name
    else:
        settings["renamed"][topic_id] = name
    _save(event, settings)


def set_hidden(event: Event, hidden: list[str]) -> list[str]:
    """Hide exactly these topics; return the newly hidden ones guests had confirmed."""
    known = set(full_catalogue(event).topics)
    unknown = [t for t in hidden if t not in known]
    if unknown:
        raise SettingsError(f"'{unknown[0][:60]}' is not a topic of this dinner.")
    settings = settings_of(event)
    newly = [t for t in hidden if t not in settings["hidden"]]
    settings["hidden"] = list(dict.fromkeys(hidden))
    _save(event, settings)
    in_use = usage(event)
    return [t for t in newly if in_use.get(t)]


def remove_topic(event: Event, topic_id: str) -> bool:
    """Remove an added topic; when guests confirmed it, hide it instead. True if removed."""
    settings = settings_of(event)
    if not any(t["id"] == topic_id for t in settings["added"]):
        raise SettingsError("Only topics added for this dinner can be removed; hide the others.")
    if usage(event).get(topic_id):
        if topic_id not in settings["hidden"]:
            settings["hidden"].append(topic_id)
        _save(event, settings)
        return False
    settings["added"] = [t for t in settings["added"] if t["id"] != topic_id]
    settings["hidden"] = [t for t in settings["hidden"] if t != topic_id]
    settings["renamed"].pop(topic_id, None)
    _save(event, settings)
    return True
