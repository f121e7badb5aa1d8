"""Prepared data for the topic pages and JSON: chips, suggestions, the confirm step, review.

Templates get plain lists and dicts; nothing here writes to the database.
"""

from __future__ import annotations

from dinnerplan.forms import EmptyForm
from dinnerplan.matching.topics import suggest
from dinnerplan.models import Event, Guest
from dinnerplan.paging import page_of
from dinnerplan.topics import operations as ops
from dinnerplan.topics.catalogue import (
    SIDES,
    event_catalogue,
    full_catalogue,
    known_ids,
    settings_of,
    topic_name,
)
from dinnerplan.topics.emails import to_ask
from dinnerplan.topics.forms import AddTopicForm, HideTopicsForm, RenameTopicForm, topic_choices
from dinnerplan.topics.reading import LIKELY, read_event, read_guest
from dinnerplan.topics.settings import usage

# The Needs and offers page: its filters (query value -> label) and rows per page.
SHOWS = {
    "all": "All",
    "check": "To check",
    "read": "Read, not confirmed",
    "confirmed": "Confirmed",
}
REVIEW_PER_PAGE = 30
UNMET_SHOWN = 5  # unmet needs listed before the rest fold away (most guests first)

# A chip is a question to the guest: below this the reader is only guessing at a likeness.
CHIP_FLOOR = 0.2


def suggestions(event: Event, text: str, side: str) -> list[dict]:
    """Chips for a typed need or offer: at most five likely topics, never a hidden one."""
    if not text.strip():
        return []
    hidden = set(settings_of(event)["hidden"])
    guesses = suggest(text, side, catalogue=event_catalogue(event), limit=5)
    names = full_catalogue(event)
    return [
        {
            "id": g.topic,
            "name": topic_name(names, g.topic),
            "side": g.side,
            "confidence": round(g.confidence, 2),
        }
        for g in guesses
        if g.topic not in hidden and g.confidence >= CHIP_FLOOR
    ]


def search(event: Event, query: str) -> list[dict]:
    """Topics matching a search, for the guest's search box (hidden ones left out)."""
    if not query.strip():
        return []
    hidden = set(settings_of(event)["hidden"])
    found = event_catalogue(event).search(query, limit=8)
    return [
        {"id": t.id, "name": t.name, "description": t.description}
        for t in found
        if t.id not in hidden
    ]


def chips_for(guest: Guest) -> dict[str, list[tuple[str, str]]]:
    """The guest's confirmed topics per side as (id, name), for the RSVP page's chips."""
    names = full_catalogue(guest.event)
    return {
        "need": [(t, topic_name(names, t)) for t in guest.need_topics or []],
        "offer": [(t, topic_name(names, t)) for t in guest.offer_topics or []],
    }


class ConfirmStep:
    """The no-JavaScript confirmation page: what we read, ticked, plus what a search found."""

    def __init__(self, guest: Guest, formdata=None) -> None:
        self.guest, self.formdata = guest, formdata
        self.names = full_catalogue(guest.event)
        self.readings = read_guest(guest, event_catalogue(guest.event))
        self.action = formdata.get("action", "") if formdata else ""
        self.query = formdata.get("q", "").strip()[:100] if formdata else ""
        self.found = search(guest.event, self.query) if self.query else []
        self.errors: dict[str, str] = {}
        self.chosen = {side: self._chosen(side) for side in SIDES}

    def _chosen(self, side: str) -> list[str]:
        if self.formdata is None:
            reading = self.readings[side]
            return reading.confirmed or [g.topic for g in reading.guesses if g.confidence >= LIKELY]
        try:
            return ops.clean_topic_ids(
                self.formdata.getlist(f"{side}_topics"), known_ids(self.guest.event)
            )
        except ops.UnknownTopicError as error:
            self.errors[side] = f"{error} Tick topics from the list."
            return []

    def options(self, side: str) -> list[dict]:
        """Checkboxes for one side: chosen, then what we read, then what the search found."""
        reading = self.readings[side]
        ids = [*self.chosen[side], *reading.confirmed, *(g.topic for g in reading.guesses[:5])]
        ids += [t["id"] for t in self.found]
        confidence = {g.topic: g.confidence for g in reading.guesses}
        return [
            {
                "id": t,
                "name": topic_name(self.names, t),
                "checked": t in self.chosen[side],
                "confidence": confidence.get(t),
            }
            for t in dict.fromkeys(ids)
        ]

    def read_as(self, side: str) -> list[str]:
        """Names of the topics we read with some confidence, for 'We read this as: …'."""
        reading = self.readings[side]
        return [topic_name(self.names, g.topic) for g in reading.guesses if g.confidence >= LIKELY]

    def saved(self) -> bool:
        """True when the guest pressed Save with a valid form."""
        return (
            self.action == "save"
            and not self.errors
            and EmptyForm(formdata=self.formdata).validate()
        )


def bulk_choices(event: Event) -> list:
    """The topics an organizer can set or add: every topic of the dinner but hidden ones."""
    hidden = settings_of(event)["hidden"]
    return topic_choices(event_catalogue(event), blank="Choose a topic…", hidden=hidden)


def shown_kind(reading) -> str:
    """Which filter of the Needs and offers page a row belongs to (besides "all")."""
    if reading.confirmed:
        return "confirmed"
    return "read" if reading.confidence >= LIKELY else "check"


def review_context(event: Event, form, show: str = "all", page: int | None = None) -> dict:
    """Everything the Needs and offers page shows: one page of one filter's rows."""
    catalogue = event_catalogue(event)
    if not form.topic.choices:
        form.topic.choices = bulk_choices(event)
    guests = ops.event_guests(event)
    readings = read_event(guests, catalogue)
    coming, said_yes = ops.coming_guests(event)
    coming_ids = {g.id for g in coming}
    unmet = ops.unmet_needs([r for r in readings if r.guest.id in coming_ids], event)
    show = show if show in SHOWS else "all"
    kinds = [shown_kind(r) for r in readings]
    counts = {key: kinds.count(key) for key in SHOWS} | {"all": len(readings)}
    shown = [r for r, kind in zip(readings, kinds, strict=True) if show in ("all", kind)]
    rows = page_of(shown, page, REVIEW_PER_PAGE)
    return {
        "event": event,
        "form": form,
        "readings": rows.items,
        "rows": rows,
        "show": show,
        "shows": SHOWS,
        "counts": counts,
        "unmet": unmet,
        "unmet_shown": UNMET_SHOWN,
        "said_yes": said_yes,
        "names": full_catalogue(event),
        "to_ask": len(to_ask(guests, catalogue, readings)),
        "likely": LIKELY,
    }


def asked_message(count: int) -> str:
    """Say how many guests were emailed."""
    if count == 0:
        return "Every guest with unconfirmed topics has already been asked."
    return f"Asking {count} guest{'s' if count != 1 else ''} to confirm their topics."


def settings_forms(event: Event, **given) -> dict:
    """The settings page's three forms, with the event's topics as their choices."""
    every = full_catalogue(event)
    forms = {
        "add_form": given.get("add_form") or AddTopicForm(formdata=None),
        "rename_form": given.get("rename_form") or RenameTopicForm(formdata=None),
        "hide_form": given.get("hide_form")
        or HideTopicsForm(formdata=None, hidden=settings_of(event)["hidden"]),
    }
    forms["add_form"].met_by.choices = topic_choices(every)
    forms["rename_form"].topic.choices = topic_choices(every, blank="Choose a topic…")
    forms["hide_form"].hidden.choices = topic_choices(every)
    return forms


def settings_context(event: Event, **given) -> dict:
    """Everything the topic settings page shows."""
    settings = settings_of(event)
    return {
        "event": event,
        **settings_forms(event, **given),
        "added": settings["added"],
        "hidden": set(settings["hidden"]),
        "renamed": settings["renamed"],
        "usage": usage(event),
        "names": full_catalogue(event),
    }


def hidden_message(event: Event, in_use: list[str]) -> str:
    """Say what hiding did, and that guests who confirmed a hidden topic keep it."""
    if not in_use:
        return "Saved which topics are hidden."
    names = full_catalogue(event)
    listed = ", ".join(f"“{topic_name(names, t)}”" for t in in_use)
    return (
        f"Hidden: {listed}. Guests who confirmed {'it' if len(in_use) == 1 else 'them'} keep "
        "their confirmation and it still counts for seating; it is no longer suggested."
    )


def removed_message(event: Event, topic_id: str, removed: bool) -> str:
    """Say whether an added topic was removed, or hidden because guests confirmed it."""
    name = topic_name(full_catalogue(event), topic_id)
    if removed:
        return f"Removed “{name}”."
    return (
        f"Guests confirmed “{name}”, so it was hidden instead of removed: their "
        "confirmations stay and still count for seating; it is no longer suggested."
    )
