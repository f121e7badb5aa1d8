"""Seating wishes typed by a guest: "I'd like to sit with Ben Brook".

A guest never sees a list of who else is invited. They type a full name they already know,
and it is matched here, on the server, against the dinner's invited guests: exactly (case,
accents and spacing aside), else by a near match (a typo, a missing middle name) when only
one guest is that close. A single word is refused, so first names cannot be fished for.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from dinnerplan.extensions import db
from dinnerplan.models import Guest, GuestLink, Rsvp

MAX_NAMES = 3
NEAR = 0.85  # difflib ratio of two folded full names: "Ben Brok" ~ "Ben Brook"


@dataclass
class Resolved:
    """The guests a typed list of names matched, and a message per name that did not."""

    ids: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def fold(name: str) -> str:
    """Return a name folded for comparison: lower case, no accents, single spaces."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s'-]", " ", text).split())


def candidates(guest: Guest) -> list[Guest]:
    """Return the dinner's other guests who were invited (sent a link or answered), not declined."""
    return list(
        db.session.scalars(
            db.select(Guest)
            .where(Guest.event_id == guest.event_id, Guest.id != guest.id, Guest.rsvp != Rsvp.NO)
            .where((Guest.invited_at.is_not(None)) | (Guest.rsvp != Rsvp.INVITED))
            .order_by(Guest.id)
        )
    )


def split_names(text: str | None) -> list[str]:
    """Split what the guest typed into names (commas, semicolons or new lines between them)."""
    return [n.strip() for n in re.split(r"[,;\n]", text or "") if n.strip()]


def match(typed: str, people: list[Guest]) -> list[Guest]:
    """Return the guests a typed full name means: one exact match, else every near one."""
    wanted = fold(typed)
    exact = [g for g in people if fold(g.name) == wanted]
    if exact:
        return exact

    def first_last(name: str) -> str:
        words = fold(name).split()
        return f"{words[0]} {words[-1]}" if len(words) > 1 else ""

    return [
        g
        for g in people
        if first_last(g.name) == first_last(typed)
        or difflib.SequenceMatcher(None, fold(g.name), wanted).ratio() >= NEAR
    ]


def resolve(guest: Guest, text: str | None) -> Resolved:
    """Match each typed name to one invited guest; explain, in plain words, any that fail."""
    out = Resolved()
    names = split_names(text)
    if len(names) > MAX_NAMES:
        out.errors.append(f"Name at most {MAX_NAMES} people.")
        return out
    people = candidates(guest) if names else []
    for typed in names:
        if len(fold(typed).split()) < 2:
            out.errors.append(f"Write “{typed}” as a first and last name.")
            continue
        found = match(typed, people)
        if len(found) == 1:
            out.ids.append(found[0].id)
        elif found:
            out.errors.append(f"More than one guest could be “{typed}”: write their full name.")
        else:
            out.errors.append(
                f"We couldn't find “{typed}” among this dinner's guests. Check the spelling"
                " of their full name, or leave it empty."
            )
    return out


def names_of(guest: Guest, kind: str) -> str:
    """Return the names a guest's wishes of one kind point at, as they would type them."""
    names = db.session.scalars(
        db.select(Guest.name)
        .join(GuestLink, GuestLink.other_id == Guest.id)
        .where(GuestLink.guest_id == guest.id, GuestLink.kind == kind)
        .order_by(GuestLink.id)
    )
    return ", ".join(names)
