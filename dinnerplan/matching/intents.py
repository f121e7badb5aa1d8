"""Why guests come to a dinner: the fixed list of intents and a forgiving parser.

Every guest states one intent and their tablemates see it (seeds/002: be up front about
why you came). The CSV importer and the RSVP form both go through `parse_intent`.
"""

from __future__ import annotations

import re
from types import MappingProxyType

INTENTS = MappingProxyType(
    {
        "peers": "Meet peers and learn",
        "clients": "Find clients",
        "investors": "Find investors",
        "hire": "Hire",
        "job": "Find a job",
        "partners": "Find partners",
        "give_back": "Give back / mentor",
    }
)

# How a guest's intent reads inside a sentence ("Ana came to find investors").
INTENT_PHRASES = MappingProxyType(
    {
        "peers": "meet peers and learn",
        "clients": "find clients",
        "investors": "find investors",
        "hire": "hire",
        "job": "find a job",
        "partners": "find partners",
        "give_back": "give back",
    }
)

# Spellings people actually type into a spreadsheet cell, after `_normalise`.
# fmt: off
_ALIASES = {
    "peers": (
        "peer", "meet peers", "peers and learn", "learn", "learning", "networking",
        "network", "meet people", "meet others", "community", "exchange ideas",
    ),
    "clients": (
        "client", "customers", "customer", "find customers", "sell", "sales", "selling",
        "leads", "business development", "bizdev", "new business", "get clients",
    ),
    "investors": (
        "investor", "find an investor", "fundraising", "fundraise", "raising", "raise",
        "raise money", "raising money", "raise funds", "funding", "find funding",
        "looking for investors", "seeking investment",
    ),
    "hire": (
        "hiring", "recruit", "recruiting", "recruitment", "find talent", "talent",
        "find candidates", "build a team", "build my team",
    ),
    "job": (
        "jobs", "job hunting", "job hunt", "job search", "job seeking", "find job",
        "looking for a job", "looking for work", "new job", "new role", "career change",
        "find work", "open to work", "career",
    ),
    "partners": (
        "partner", "partnership", "partnerships", "find a partner", "co founder",
        "cofounder", "find a co founder", "find a cofounder", "collaborators",
        "collaboration", "collaborate",
    ),
    "give_back": (
        "give back", "giving back", "mentor", "mentoring", "mentorship", "invest",
        "investing", "angel investing", "advise", "advising", "advisor", "volunteer",
        "help others", "help", "pay it forward", "coach", "coaching",
    ),
}
# fmt: on

_LOOKUP: dict[str, str] = {}
for _key, _label in INTENTS.items():
    for _alias in (_key, _label, INTENT_PHRASES[_key], *_ALIASES[_key]):
        _LOOKUP[re.sub(r"[^a-z0-9]+", " ", _alias.lower()).strip()] = _key

_FILLER = re.compile(r"^(?:i am here to|i m here to|here to|i want to|i d like to|to)\s+")


def _normalise(text: str) -> str:
    """Lower-case, turn punctuation into spaces and drop a leading "I want to"."""
    text = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    return _FILLER.sub("", text)


def parse_intent(text: str | None) -> str | None:
    """Return the intent key for a key, a label or a common spelling, else None."""
    if not text or not text.strip():
        return None
    norm = _normalise(text)
    if norm in _LOOKUP:
        return _LOOKUP[norm]
    # "Find a job (backend)" or "Mentoring, mostly": try the longest known prefix.
    words = norm.split()
    for end in range(len(words) - 1, 0, -1):
        key = _LOOKUP.get(" ".join(words[:end]))
        if key:
            return key
    return None
