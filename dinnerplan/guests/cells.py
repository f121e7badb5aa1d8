"""Read one CSV cell's value: an intent, an RSVP answer, dietary needs (pure: no Flask, no DB).

The words each reader understands are in `vocabulary.py`; `importer.py` reads whole rows.
"""

from __future__ import annotations

import functools
import re

from dinnerplan.guests.vocabulary import (
    DIETARY_NONE,
    DIETARY_WORDS,
    INTENT_WORDS,
    RSVP_UNSURE,
    RSVP_WORDS,
    phrase_key,
)
from dinnerplan.profile import INTENTS, split_items
from dinnerplan.statuses import Rsvp

# One pattern per intent (longest words first); labels and keys as written in the app.
_INTENT_PATTERNS = {
    key: re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})\b")
    for key, words in INTENT_WORDS.items()
}
_INTENT_NAMES = {phrase_key(text): key for key, label in INTENTS.items() for text in (key, label)}


@functools.lru_cache(maxsize=1024)
def parse_intent(text: str | None) -> str | None:
    """Read an intent key from a key, a label or common words; None when unrecognised."""
    words = phrase_key(text or "")
    if words in _INTENT_NAMES:
        return _INTENT_NAMES[words]
    found = []
    for key, pattern in _INTENT_PATTERNS.items():
        match = pattern.search(words)
        if match:
            found.append((match.start(), key))
    # "meet investors": a specific goal beats the generic "meet peers".
    specific = sorted(hit for hit in found if hit[1] != "peers") or found
    return specific[0][1] if specific else None


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
