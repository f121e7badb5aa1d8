"""Read one CSV cell's value: an RSVP answer, dietary needs (pure: no Flask, no DB).

An intent is read by `matching.intents.parse_intent`, the one reading used everywhere.

The words each reader understands are in `vocabulary.py`; `importer.py` reads whole rows.
"""

from __future__ import annotations

from dinnerplan.guests.vocabulary import (
    DIETARY_NONE,
    DIETARY_WORDS,
    RSVP_UNSURE,
    RSVP_WORDS,
    phrase_key,
)
from dinnerplan.profile import split_items
from dinnerplan.statuses import Rsvp


def parse_rsvp(text: str) -> tuple[str | None, str | None]:
    """Read an RSVP answer: (state, warning); state None when unrecognised."""
    words = phrase_key(text)
    if words in RSVP_WORDS:
        return RSVP_WORDS[words], None
    if words in RSVP_UNSURE:
        return Rsvp.INVITED, f"RSVP '{text}' read as invited (not yet decided)"
    return None, None


def parse_dietary(text: str) -> tuple[list[str], str]:
    """Map free dietary text to DIETARY keys where recognisable; return (keys, the rest)."""
    keys: list[str] = []
    other: list[str] = []
    for item in split_items(text.replace(",", ";")) if text else []:
        words = phrase_key(item)
        if words in DIETARY_NONE:
            continue
        key = DIETARY_WORDS.get(words) or DIETARY_WORDS.get(words.removesuffix(" diet"))
        if key and key not in keys:
            keys.append(key)
        elif not key:
            other.append(item)
    return keys, "; ".join(other)
